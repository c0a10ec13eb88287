// Benchmark of the dashboard at province scale: 5,000 enterprises, 15,000 surveys, 15,000
// self-assessments and at least 3,000 activities (make synth-bench) loaded into the store, then
// the period and unit filters changed, from the change to the redrawn indicators painted.
// Goal: ≤ 100 ms to recompute and redraw, after the records are loaded. With BENCH_SCALE=13000, the
// merged province (issue 16): 13,000 enterprises over 102 communes and wards, with their unit list.
// Usage: node tests/e2e/bench/dashboard-bench.mjs   (after `make build`; writes target/bench/dashboard.json,
// dashboard-13000.json)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { readProvince, seedProvince } from './province-seed.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4179;
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;
const stats = (xs) => ({ n: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });

const SCALE = Number(process.env.BENCH_SCALE || 5000);
const provinceDir = `${root}target/synth/province-${SCALE}`;
// Surveys and self-assessments with their summaries, and the merged province's unit list.
const province = readProvince(provinceDir);
const { rows } = province;

// BENCH_DIST measures another build (a release build kept aside) without replacing dist/.
const server = spawn('node', [`${root}scripts/serve.mjs`, process.env.BENCH_DIST || `${root}dist`, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
const result = { date: new Date().toISOString(), records: counts };
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // The app creates its database on the first visit; the rows go in with the app closed.
  await page.goto(`${base}/`);
  // An empty device's dashboard says what to do first, once it knows every kind is empty.
  await page.locator('[data-testid="indicators"], [data-testid="dashboard-empty"]').first().waitFor();
  // The empty dashboard can show before the database's stores are made: the rows need them.
  await page.waitForFunction(() => performance.getEntriesByName('nscl-loaded').length > 0);
  await seedProvince(page, base, province);

  // When the plan's indicators are first counted (the top table's figures become links), from the
  // navigation's start: the activities are read whole first for this page (state.rs, load_lists).
  await page.addInitScript(() => {
    const counted = () => document.querySelector('a[data-testid^="indicator-actual-"]');
    new MutationObserver((_, observer) => {
      if (counted()) {
        window.__indicatorsCountedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await page.goto(`${base}/`);
  // Loaded: every kind counted (no "…" left) and the indicator table drawn.
  await page.waitForFunction(() => ['stat-surveys', 'stat-assessments', 'stat-activities'].every((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el && !el.textContent.includes('…');
  }), null, { timeout: 120_000 });
  await page.getByTestId('indicator-progress').waitFor();
  result.loadedMs = Date.now() - t0;
  await page.waitForFunction(() => window.__indicatorsCountedAt !== undefined);
  result.open = await page.evaluate(() => {
    const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? -1);
    return {
      indicatorsCountedMs: Math.round(window.__indicatorsCountedAt),
      activitiesReadMs: at('nscl-activities-loaded'),
      surveysReadMs: at('nscl-surveys-loaded'),
      assessmentsReadMs: at('nscl-assessments-loaded'),
    };
  });
  result.shown = await page.evaluate(() => ({
    activities: document.querySelector('[data-testid="stat-activities"]').textContent,
    assessments: document.querySelector('[data-testid="stat-assessments"]').textContent,
  }));

  const periods = await page.evaluate(() => [...document.querySelectorAll('[data-testid="ind-period"] option')].map((o) => o.value));
  const units = await page.evaluate(() => [...document.querySelectorAll('[data-testid="ind-unit"] option')].map((o) => o.value));
  // Each change: set the select, fire `change`, then time until the indicators section's
  // content differs and a frame has painted it (work = until the next macrotask).
  const timings = await page.evaluate(async ([periods, units]) => {
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const section = document.querySelector('[data-testid="indicators"]');
    const work = [];
    const paint = [];
    let changed = 0;
    const steps = [];
    for (let i = 0; i < 24; i++) steps.push(i % 3 === 2 ? ['ind-unit', units[(i * 5) % units.length]] : ['ind-period', periods[i % periods.length]]);
    for (const [id, value] of steps) {
      const select = document.querySelector(`[data-testid="${id}"]`);
      if (select.value === value) continue;
      const before = section.innerHTML;
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await macrotask();
      work.push(performance.now() - t0);
      await frame();
      paint.push(performance.now() - t0);
      if (section.innerHTML !== before) changed++;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { work, paint, changed };
  }, [periods, units]);
  result.filterChange = { workMs: stats(timings.work), toPaintMs: stats(timings.paint), redrawn: timings.changed, changes: timings.work.length };
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
fs.mkdirSync(`${root}target/bench`, { recursive: true });
fs.writeFileSync(`${root}target/bench/${SCALE === 5000 ? 'dashboard' : `dashboard-${SCALE}`}.json`, JSON.stringify(result, null, 2));
console.log(`dashboard with ${JSON.stringify(result.records)}: loaded in ${result.loadedMs} ms (${JSON.stringify(result.shown)})`);
console.log(`from navigation: indicators counted at ${result.open.indicatorsCountedMs} ms; activities read at ${result.open.activitiesReadMs}, surveys ${result.open.surveysReadMs}, self-assessments ${result.open.assessmentsReadMs} ms`);
console.log(`period/unit change to redrawn indicators: work p50 ${result.filterChange.workMs.p50} ms, p95 ${result.filterChange.workMs.p95} ms; to paint p50 ${result.filterChange.toPaintMs.p50} ms, p95 ${result.filterChange.toPaintMs.p95} ms, max ${result.filterChange.toPaintMs.max} ms; redrawn ${result.filterChange.redrawn} of ${result.filterChange.changes}`);
