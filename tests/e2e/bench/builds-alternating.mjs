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
// - with OPEN_LANG=en, the cold opens are of a page whose saved language is English (which
//   fetches the English texts before it first draws, src/i18n/english.rs).
// - with ALL_READ=1, also when every kind has been read (the `nscl-records-loaded` mark: the lists
//   after the register, whose code may come in a chunk after the start), on the cold opens and on
//   a reopen of the page with the service worker holding the build (its first screen, and that).
// Usage: DISTS=/tmp/dist-a,/tmp/dist-b [RUNS=10] [SLOW=1] [FIRST_OPEN=1] [OPEN_LANG=en] [ALL_READ=1] node tests/e2e/bench/builds-alternating.mjs
import { chromium } from '@playwright/test';
import { LAUNCH, PAGES, SLOW, markReady, median, serve } from './open-timing.mjs';

const dists = (process.env.DISTS || '').split(',').filter(Boolean);
if (dists.length < 2) {
  console.error('DISTS: two or more build folders, comma-separated');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS || 10);
const ALL_READ = process.env.ALL_READ === '1';

async function coldOpen(browser, origin, slow) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => localStorage.setItem('nscl.role', 'officer'));
    if (process.env.OPEN_LANG) await context.addInitScript((lang) => localStorage.setItem('nscl.lang', lang), process.env.OPEN_LANG);
    await context.addInitScript(markReady, '[data-testid="page-title"]');
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW);
    }
    await page.goto(`${origin}/`);
    return await readyAndAllRead(page);
  } finally {
    await context.close();
  }
}

// When the first screen was ready, and with ALL_READ=1 when every kind had been read.
async function readyAndAllRead(page) {
  const marks = ['bench-ready', ...(ALL_READ ? ['nscl-records-loaded'] : [])];
  await page.waitForFunction((marks) => marks.every((m) => performance.getEntriesByName(m).length > 0), marks, { timeout: 120_000 });
  return page.evaluate((marks) => marks.map((m) => performance.getEntriesByName(m)[0].startTime), marks);
}

// A new page of a context whose service worker holds the build.
async function reopen(context, origin) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    return await readyAndAllRead(page);
  } finally {
    await page.close();
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
  if (ALL_READ) {
    measures.cold_all_read = dists.map(() => []);
    if (measures.cold_fast_3g) measures.cold_fast_3g_all_read = dists.map(() => []);
    measures.reopen = dists.map(() => []);
    measures.reopen_all_read = dists.map(() => []);
  }
  const needInstalled = process.env.FIRST_OPEN === '1' || ALL_READ;
  const contexts = needInstalled ? await Promise.all(origins.map((o) => installed(browser, o))) : null;
  if (contexts) for (const context of contexts) await context.addInitScript(markReady, '[data-testid="page-title"]');
  if (process.env.FIRST_OPEN === '1') for (const [nav] of PAGES) measures[`first_open_${nav}`] = dists.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    // Each build first once in every dists.length runs.
    const order = dists.map((_, i) => (i + run) % dists.length);
    for (const i of order) {
      const [cold, coldAll] = await coldOpen(browser, origins[i], false);
      measures.cold[i].push(cold);
      if (ALL_READ) measures.cold_all_read[i].push(coldAll);
      if (measures.cold_fast_3g) {
        const [slow, slowAll] = await coldOpen(browser, origins[i], true);
        measures.cold_fast_3g[i].push(slow);
        if (ALL_READ) measures.cold_fast_3g_all_read[i].push(slowAll);
      }
      if (ALL_READ) {
        const [again, againAll] = await reopen(contexts[i], origins[i]);
        measures.reopen[i].push(again);
        measures.reopen_all_read[i].push(againAll);
      }
    }
    if (process.env.FIRST_OPEN === '1') {
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
