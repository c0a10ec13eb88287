// Two or more builds compared run by run, not one after the other: split-bench.mjs measures one
// build and then the next, and on this shared machine whichever went second often came out tens
// of milliseconds ahead (docs/benchmarks.md, sixth to eighth sessions). Here each run measures every
// build once, in an order that turns with the run, and the medians are printed side by side.
// Measures, with the app's records empty:
// - cold open: a new browser context (no cache, no service worker) to the frame after the
//   dashboard's heading shows with no "loading" banner, timed in the page; over Chrome's
//   "Fast 3G" preset too when SLOW=1;
// - with FIRST_OPEN=1, each page group's first open in a tab, its chunk from the service
//   worker's cache: from the click on its link to the frame after the page shows.
// Usage: DISTS=/tmp/dist-a,/tmp/dist-b [RUNS=10] [SLOW=1] [FIRST_OPEN=1] node tests/e2e/bench/builds-alternating.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const root = new URL('../../../', import.meta.url).pathname;
const dists = (process.env.DISTS || '').split(',').filter(Boolean);
if (dists.length < 2) {
  console.error('DISTS: two or more build folders, comma-separated');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS || 10);
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
// Chrome's "Fast 3G" preset, as split-bench.mjs uses it.
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
// Each page group's nav link, and what shows once its page is up (as in split-bench.mjs).
const PAGES = [
  ['enterprises', '[data-testid="result-count"]'],
  ['surveys', '[data-testid="new-survey"]'],
  ['self-assessment', '[data-testid="officer-assessments"]'],
  ['activities', '[data-testid="activity-count"]'],
  ['report', '[data-testid="report-page"]'],
  ['sync', '[data-testid="export-compress"]'],
  ['settings', '[data-testid="officer-name"]'],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The `bench-ready` mark: the frame after `ready` is in the document with no "loading" banner.
function markReady(ready) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(ready) && !document.querySelector('[data-testid="loading"]')) {
      observer.disconnect();
      requestAnimationFrame(() => performance.mark('bench-ready'));
    }
  }).observe(document, { childList: true, subtree: true });
}

async function serve(dist, port) {
  const server = spawn('node', [`${root}scripts/serve.mjs`, dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return server;
}

async function coldOpen(browser, origin, slow) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => localStorage.setItem('nscl.role', 'officer'));
    await context.addInitScript(markReady, '[data-testid="page-title"]');
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW);
    }
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => performance.getEntriesByName('bench-ready').length > 0, null, { timeout: 120_000 });
    return await page.evaluate(() => performance.getEntriesByName('bench-ready')[0].startTime);
  } finally {
    await context.close();
  }
}

// A context whose service worker has cached every file of the build.
async function installed(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.evaluate(() => localStorage.setItem('nscl.role', 'officer'));
  await page.close();
  return context;
}

async function firstOpen(context, origin, nav, shown) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-testid="page-title"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
    return await page.evaluate(([nav, shown]) => new Promise((resolve) => {
      const t = performance.now();
      document.querySelector(`[data-testid="nav-${nav}"]`).click();
      const check = () => (document.querySelector(shown) ? requestAnimationFrame(() => resolve(performance.now() - t)) : requestAnimationFrame(check));
      check();
    }), [nav, shown]);
  } finally {
    await page.close();
  }
}

const servers = [];
const browser = await chromium.launch(LAUNCH);
try {
  const origins = [];
  for (const [i, dist] of dists.entries()) {
    servers.push(await serve(dist, 4500 + i));
    origins.push(`http://127.0.0.1:${4500 + i}`);
  }
  const measures = { cold: dists.map(() => []) };
  if (process.env.SLOW === '1') measures.cold_fast_3g = dists.map(() => []);
  const contexts = process.env.FIRST_OPEN === '1' ? await Promise.all(origins.map((o) => installed(browser, o))) : null;
  if (contexts) for (const [nav] of PAGES) measures[`first_open_${nav}`] = dists.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    // Each build first once in every dists.length runs.
    const order = dists.map((_, i) => (i + run) % dists.length);
    for (const i of order) {
      measures.cold[i].push(await coldOpen(browser, origins[i], false));
      if (measures.cold_fast_3g) measures.cold_fast_3g[i].push(await coldOpen(browser, origins[i], true));
    }
    if (contexts) {
      for (const [nav, shown] of PAGES) {
        for (const i of order) measures[`first_open_${nav}`][i].push(await firstOpen(contexts[i], origins[i], nav, shown));
      }
    }
  }
  console.log(`medians of ${RUNS}, ms: ${dists.join(' | ')}`);
  for (const [name, values] of Object.entries(measures)) {
    console.log(`  ${name.padEnd(28)} ${values.map((v) => median(v).toFixed(1)).join(' | ')}`);
    if (process.env.ALL === '1') values.forEach((v, i) => console.log(`    ${dists[i]}: ${v.map(Math.round).join(' ')}`));
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.kill());
}
