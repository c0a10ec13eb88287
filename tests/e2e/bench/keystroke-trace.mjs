// Diagnostic, not part of `make bench`: where a keystroke's time goes at province scale.
// registry-bench.mjs reports each keystroke's "work" (from the `input` event to a task posted
// after it); this one types as its search does (set the value, fire `input`, wait for a posted
// task, then a frame; three rounds, for the officer filter too) with a Chromium trace running,
// and splits each keystroke's window, on the page's main thread, into script (calls, events,
// timers, garbage collection that start inside it) and the rendering the browser did inside it
// outside script (style, layout, paint), which it does when a frame falls due before the posted
// task runs. What is neither (the task queue's own time) is in the work only. It prints one line
// per keystroke, slowest first, with the objects its layouts touched, and the p50 and p95 of the
// work. The trace slows every keystroke a little: compare builds with this tool, not its numbers
// with the bench's.
// Usage (after `make build` and `make synth-bench`, or with BENCH_SCALE=13000 after
// `cargo run --release --example synth_rows -- 13000`):
//   node tests/e2e/bench/keystroke-trace.mjs [search|officer]
// BENCH_DIST chooses the build (default dist/), BENCH_SCALE the province (default 13000),
// KEYS a JSON array of the values typed (default: a name typed letter by letter, then cleared),
// EXTRA_CSS a style sheet added to the list's page (to try a layout without a build), SHOT a
// path for a screenshot of the list before typing.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readProvince, seedProvince } from './province-seed.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4181;
const what = process.argv[2] || 'search';
const SCALE = Number(process.env.BENCH_SCALE || 13000);
const dist = process.env.BENCH_DIST || `${root}dist`;
const provinceDir = `${root}target/synth/province-${SCALE}`;
const province = readProvince(provinceDir);
const typed = (text) => [...text].map((_, i, a) => a.slice(0, i + 1).join('')).concat(['']);
const keys = process.env.KEYS ? JSON.parse(process.env.KEYS) : typed(what === 'search' ? 'cong ty thuy san sa dec' : 'nguyen an');
const SCRIPT = ['FunctionCall', 'EventDispatch', 'TimerFire', 'MinorGC', 'MajorGC'];
const RENDER = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

const server = spawn('node', [`${root}scripts/serve.mjs`, dist, String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 50; i++) {
  if (await fetch(`${base}/favicon.svg`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: Boolean(process.env.EXTRA_CSS) });
  const page = await context.newPage();
  // The database exists once the app has read it the first time; then the province goes in straight.
  await page.goto(`${base}/`);
  await page.waitForFunction(() => performance.getEntriesByName('nscl-loaded').length > 0, null, { timeout: 120_000 });
  await seedProvince(page, base, province);
  await page.goto(`${base}/${what === 'search' ? 'enterprises' : 'surveys'}`);
  await page.waitForFunction(() => performance.getEntriesByName('nscl-records-loaded').length > 0, null, { timeout: 120_000 });
  if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });

  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  // Typed as registry-bench.mjs types: set the value, fire `input`, wait for a posted task, then a frame.
  const samples = await page.evaluate(async ([what, keys]) => {
    const input = document.querySelector(what === 'search' ? '[data-testid="enterprise-search"]' : '[data-testid="filter-officer"]');
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const value of keys) {
        performance.mark(`key-start-${out.length}`);
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        const work = performance.now() - t0;
        performance.mark(`key-end-${out.length}`);
        out.push({ value, work });
        await frame();
        await new Promise((r) => setTimeout(r, 30));
      }
    }
    return out;
  }, [what, keys]);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;

  const markEvents = events.filter((e) => /^key-(start|end)-\d+$/.test(e.name));
  const marks = new Map(markEvents.map((e) => [e.name, e.ts]));
  // The page's main thread is the one the marks were set on; the compositor's events are apart.
  const main = markEvents[0] && `${markEvents[0].pid}:${markEvents[0].tid}`;
  const lines = samples.map((s, i) => {
    const from = marks.get(`key-start-${i}`);
    const to = marks.get(`key-end-${i}`);
    if (from === undefined || to === undefined) throw new Error(`keystroke ${i}: its marks are not in the trace`);
    const inside = events.filter((e) => e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === main && e.ts >= from && e.ts < to);
    // Trace events nest (a microtask run or a collection inside a call, a forced layout inside
    // script): each column is the length of the union of its events' spans, and rendering counts
    // only outside script.
    const spans = (names) => inside.filter((e) => names.includes(e.name)).map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0])
      .reduce((out, [a, b]) => { const last = out[out.length - 1]; if (last && a <= last[1]) last[1] = Math.max(last[1], b); else out.push([a, b]); return out; }, []);
    const length = (list) => list.reduce((n, [a, b]) => n + (b - a) / 1000, 0);
    const scriptSpans = spans(SCRIPT);
    const outsideScript = (list) => list.map(([a, b]) => scriptSpans.reduce((left, [c, d]) => left - Math.max(0, Math.min(b, d) - Math.max(a, c)), b - a) / 1000).reduce((n, x) => n + x, 0);
    const sum = (names) => (names === SCRIPT ? length(scriptSpans) : outsideScript(spans(names)));
    const layout = inside.filter((e) => e.name === 'Layout').map((e) => e.args?.beginData?.dirtyObjects ?? 0).reduce((a, b) => a + b, 0);
    return { ...s, script: sum(SCRIPT), render: sum(RENDER), layout: sum(['Layout']), paint: sum(['Paint']), dirty: layout };
  });
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
  const f = (x) => x.toFixed(1).padStart(6);
  console.log(`${what} at ${SCALE} enterprises, ${lines.length} keystrokes (${dist})`);
  console.log('  work  script  render  layout  paint  dirty  value');
  for (const l of [...lines].sort((a, b) => b.work - a.work)) console.log(`${f(l.work)}  ${f(l.script)}  ${f(l.render)}  ${f(l.layout)} ${f(l.paint)}  ${String(l.dirty).padStart(5)}  ${JSON.stringify(l.value)}`);
  const work = lines.map((l) => l.work);
  const withFrame = lines.filter((l) => l.render > 0);
  console.log(`work p50 ${pct(work, 50).toFixed(1)} ms, p95 ${pct(work, 95).toFixed(1)} ms; ${withFrame.length} of ${lines.length} keystrokes had a frame drawn inside their work`);
} finally {
  await browser.close();
  server.kill();
}
