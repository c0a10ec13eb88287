// Benchmark of pages loaded on first use (issue 15), with the app's records empty so only the
// code's cost shows:
// - cold open: a new browser context (nothing cached, no service worker) from the address to the
//   first interactive screen, beside the smallest Leptos app built the same way
//   (bench/minimal-app, `make minimal-app`, MINIMAL_DIST), in one run;
// - each page group's first open in a tab, its chunk from the service worker's cache: from the
//   click on its link to the page drawn.
// With BASELINE_DIST set to a build without the split (SPLIT unset), the same is measured on it.
// Usage: node tests/e2e/bench/split-bench.mjs   (BENCH_DIST=dist by default; writes target/bench/split.json)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { LAUNCH, PAGES, SLOW, markReady, median, serve } from './open-timing.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const RUNS = 7;
// A weak laptop: Chromium's CPU throttling, four times slower than this machine.
const WEAK_CPU = 4;
const FIRST_STEPS = '[data-testid="dashboard-empty"]';
const round = (x) => Math.round(x * 10) / 10;

// When the page's `bench-ready` mark fell, once it has.
async function readyAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName('bench-ready').length > 0);
  return page.evaluate(() => performance.getEntriesByName('bench-ready')[0].startTime);
}

// Medians, each run in a context of its own, over the slow connection when `slow`, with the
// page's processor slowed `cpu` times (a weak laptop) when given: from the
// navigation's start to the next animation frame once `ready` is in the document with no
// "loading" banner, timed in the page (`page`), and as Playwright saw it from before `goto`
// (`polled`). Playwright's polling adds its own delay, which varies with the page's state (over
// "Fast 3G" 150-350 ms), so `page` is the measure.
async function coldOpen(dist, port, ready, slow = false, cpu = 1) {
  const server = await serve(dist, port);
  const browser = await chromium.launch(LAUNCH);
  try {
    const inPage = [];
    const polled = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', serviceWorkers: 'block' });
      await context.addInitScript(() => localStorage.setItem('nscl.role', 'officer'));
      await context.addInitScript(markReady, ready);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (slow) {
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW);
      }
      if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector(ready, { timeout: 120_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
      polled.push(Date.now() - t0);
      inPage.push(await readyAt(page));
      await context.close();
    }
    return { page: round(median(inPage)), polled: round(median(polled)) };
  } finally {
    await browser.close();
    server.kill();
  }
}

async function measure(dist, port) {
  const server = await serve(dist, port);
  const browser = await chromium.launch(LAUNCH);
  const base = `http://127.0.0.1:${port}`;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    // The reopen is timed in the page too: as polled, it once came out 100 ms apart for two
    // builds that timing in the page, alternating them, found equal (docs/benchmarks.md).
    await context.addInitScript(markReady, '[data-testid="page-title"]');
    // One visit: the service worker installs and caches every file, chunks included.
    const first = await context.newPage();
    await first.goto(`${base}/`);
    await first.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await first.evaluate(() => localStorage.setItem('nscl.role', 'officer'));
    await first.close();

    const cold = [];
    const coldInPage = [];
    const open = Object.fromEntries(PAGES.map(([nav]) => [nav, []]));
    const pointed = Object.fromEntries(PAGES.map(([nav]) => [nav, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const [nav, shown] of PAGES) {
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(`${base}/`);
        // The dashboard's heading: an empty laptop's dashboard has no counts (DashboardEmpty).
        await page.waitForSelector('[data-testid="page-title"]');
        await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
        if (nav === PAGES[0][0]) cold.push(Date.now() - t0);
        // From the click to the page drawn: timed in the page, to the frame after it appears.
        open[nav].push(await page.evaluate(([nav, shown]) => new Promise((resolve) => {
          const t = performance.now();
          document.querySelector(`[data-testid="nav-${nav}"]`).click();
          const check = () => (document.querySelector(shown) ? requestAnimationFrame(() => resolve(performance.now() - t)) : requestAnimationFrame(check));
          check();
        }), [nav, shown]));
        // Read after the click's timing, so that the click comes as soon as it did before.
        if (nav === PAGES[0][0]) coldInPage.push(await readyAt(page));
        await page.close();
        // As a person does it: the pointer reaches the link (the app starts on the page's chunk
        // then) and the click follows 150 ms later.
        const again = await context.newPage();
        await again.goto(`${base}/`);
        await again.waitForSelector('[data-testid="page-title"]');
        await again.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
        pointed[nav].push(await again.evaluate(([nav, shown]) => new Promise((resolve) => {
          const link = document.querySelector(`[data-testid="nav-${nav}"]`);
          link.closest('li').dispatchEvent(new PointerEvent('pointerenter'));
          setTimeout(() => {
            const t = performance.now();
            link.click();
            const check = () => (document.querySelector(shown) ? requestAnimationFrame(() => resolve(performance.now() - t)) : requestAnimationFrame(check));
            check();
          }, 150);
        }), [nav, shown]));
        await again.close();
      }
    }
    return {
      dist,
      cold_open: await coldOpen(dist, port + 10, '[data-testid="page-title"]'),
      cold_open_slow: await coldOpen(dist, port + 20, '[data-testid="page-title"]', true),
      cold_open_weak_cpu: await coldOpen(dist, port + 30, '[data-testid="page-title"]', false, WEAK_CPU),
      // What a new laptop's officer first has to act on: the first steps, once every kind is
      // known to be empty (the heading above comes with the register's read, before them).
      first_steps: await coldOpen(dist, port + 40, FIRST_STEPS),
      first_steps_slow: await coldOpen(dist, port + 50, FIRST_STEPS, true),
      first_steps_weak_cpu: await coldOpen(dist, port + 60, FIRST_STEPS, false, WEAK_CPU),
      reopen_ms: round(median(cold)),
      reopen_in_page_ms: round(median(coldInPage)),
      first_open_ms: Object.fromEntries(Object.entries(open).map(([k, v]) => [k, round(median(v))])),
      first_open_pointed_ms: Object.fromEntries(Object.entries(pointed).map(([k, v]) => [k, round(median(v))])),
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

const results = [await measure(process.env.BENCH_DIST || `${root}dist`, 4191)];
if (process.env.BASELINE_DIST) results.push(await measure(process.env.BASELINE_DIST, 4192));
const minimalDist = process.env.MINIMAL_DIST || `${root}target/minimal-dist`;
const minimal = fs.existsSync(minimalDist) ? await coldOpen(minimalDist, 4195, '[data-testid="app-title"]') : null;
const minimalSlow = fs.existsSync(minimalDist) ? await coldOpen(minimalDist, 4196, '[data-testid="app-title"]', true) : null;
const minimalWeak = fs.existsSync(minimalDist) ? await coldOpen(minimalDist, 4197, '[data-testid="app-title"]', false, WEAK_CPU) : null;
fs.mkdirSync(`${root}target/bench`, { recursive: true });
fs.writeFileSync(`${root}target/bench/split.json`, JSON.stringify({ results, minimal_cold_open: minimal, minimal_cold_open_slow: minimalSlow, minimal_cold_open_weak_cpu: minimalWeak }, null, 2));
const ratio = (ms, of) => (of ? ` (${(ms / of).toFixed(2)} × the minimal Leptos app's ${of} ms)` : '');
const opened = (c, of) => `${c.page} ms in the page${ratio(c.page, of && of.page)}, ${c.polled} ms as polled${ratio(c.polled, of && of.polled)}`;
for (const r of results) {
  console.log(`${r.dist}: cold open to the dashboard, nothing cached (medians of ${RUNS}):`);
  console.log(`  on this machine: ${opened(r.cold_open, minimal)}`);
  console.log(`  over "Fast 3G": ${opened(r.cold_open_slow, minimalSlow)}`);
  console.log(`  on a weak laptop (CPU ${WEAK_CPU} × slower): ${opened(r.cold_open_weak_cpu, minimalWeak)}`);
  // No ratio: the minimal app has no second moment to compare with.
  console.log(`  to a new laptop's first steps: ${opened(r.first_steps)}; over "Fast 3G" ${opened(r.first_steps_slow)}; on a weak laptop ${opened(r.first_steps_weak_cpu)}`);
  console.log(`  with the service worker: ${r.reopen_in_page_ms} ms in the page, ${r.reopen_ms} ms as polled`);
  console.log('  first open of a page in a tab, click to drawn (median): a click alone / the pointer on the link 150 ms before');
  for (const [k, v] of Object.entries(r.first_open_ms)) console.log(`  ${k.padEnd(16)} ${v} ms / ${r.first_open_pointed_ms[k]} ms`);
}
