// Benchmark of the enterprise register at province scale, in Debian's Chromium.
// Measures: bundle size; moving 5,000 enterprises from the old localStorage
// format into IndexedDB in one transaction; writing the whole dataset (5,000
// enterprises, 15,000 surveys, 15,000 self-assessments and the activities) in
// one transaction; cold open to an interactive list with all of it stored;
// search keystroke latency; saving one enterprise; and the storage used.
// At BENCH_SCALE=13000 (issue 16), the merged province instead: 13,000 enterprises over 102 communes
// and wards, 39,000 surveys, 39,000 self-assessments, written straight into IndexedDB with the unit
// list (no old-format move at that scale). Both scales also report the page's memory once everything
// is read: the JS heap after a collection and the wasm module's linear memory.
// Usage: make bench   (prints a summary and writes target/bench/registry.json, registry-13000.json)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { readProvince, writeRows } from './province-seed.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4175;
const RUNS = 5;
const QUERY = 'cong ty thuy san sa dec';
const SCALE = Number(process.env.BENCH_SCALE || 5000);
const LEGACY = SCALE === 5000; // the old localStorage format exists only at today's scale

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;
// Where the run is, on stderr: at the merged province's scale a run takes several minutes.
const stage = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

// Typing in a list's text box, a letter at a time as a person types (three rounds of `texts`): per
// keystroke, the work until the page is free, to the next frame, and to the whole page of rows drawn.
async function keystrokes(page, inputId, countId, rowId, texts) {
  return page.evaluate(async ([inputId, countId, rowId, texts]) => {
    const input = document.querySelector(`[data-testid="${inputId}"]`);
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const pageRows = () => {
      const m = document.querySelector(`[data-testid="${countId}"]`).textContent.match(/([\d.]+)–([\d.]+)/);
      return m ? Number(m[2].replace(/\./g, '')) - Number(m[1].replace(/\./g, '')) + 1 : 0;
    };
    const work = [];
    const paint = [];
    const whole = [];
    // Three rounds, as the search's: the p95 of ten keystrokes was their slowest one.
    for (let round = 0; round < 3; round++) {
      for (const text of texts) {
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        work.push(performance.now() - t0);
        await frame();
        paint.push(performance.now() - t0);
        while (document.querySelectorAll(`[data-testid="${rowId}"]`).length !== pageRows()) await frame();
        whole.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
    }
    return { work, paint, whole };
  }, [inputId, countId, rowId, texts]);
}

// Work, to-frame and whole-page figures of `keystrokes`.
function keystrokeFigures({ work, paint, whole }) {
  const p = (xs) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });
  return { samples: work.length, workMs: p(work), toPaintMs: p(paint), toWholePageMs: p(whole) };
}

// Bundle size: what an officer downloads on first visit.
const dist = process.env.BENCH_DIST || `${root}dist`; // BENCH_DIST measures another build side by side
const bundle = {};
for (const f of fs.readdirSync(dist)) {
  // The spreadsheet worker loads on demand, not with the app (spreadsheet-bench.mjs measures it).
  if (f.startsWith('spreadsheet-worker')) continue;
  const kind = f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : null;
  if (!kind) continue;
  const bytes = fs.readFileSync(`${dist}/${f}`);
  const sum = bundle[kind] || { raw: 0, gzip: 0 };
  bundle[kind] = { raw: sum.raw + bytes.length, gzip: sum.gzip + zlib.gzipSync(bytes, { level: 9 }).length };
}

const stored = LEGACY ? fs.readFileSync(`${root}target/synth/enterprises-5000.json`, 'utf8') : '';
// The same province as IndexedDB rows of every kind (make synth-bench).
const provinceDir = `${root}target/synth/province-${SCALE}`;
// Surveys and self-assessments with their summaries, and the merged province's unit list.
const { rows, unitsSetting } = readProvince(provinceDir);
const jsonBytes = (list) => list.reduce((n, r) => n + r.json.length, 0);

// The page's memory: the JS heap the DevTools protocol reports, and the wasm module's linear memory
// (an ArrayBuffer outside that count), found through the instance the page made (captured by
// `captureWasmMemory`). Walking the heap for it instead (Runtime.queryObjects), or forcing a
// collection first, crashed the renderer holding the merged province.
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => (window.__wasmMemories || []).reduce((n, m) => n + m.buffer.byteLength, 0));
  const mb = (n) => Math.round(n / 1048576 * 10) / 10;
  return { jsHeapUsedMb: mb(heap.usedSize), wasmMemoryMb: mb(wasm), totalMb: mb(heap.usedSize + wasm) };
}

// Keeps every WebAssembly memory the page's modules export (the app's; its chunks import the same one).
function captureWasmMemory() {
  const keep = (result) => {
    const instance = result.instance || result;
    const memory = instance && instance.exports && instance.exports.memory;
    if (memory instanceof WebAssembly.Memory && !(window.__wasmMemories ||= []).includes(memory)) window.__wasmMemories.push(memory);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
}
const server = spawn('node', [`${root}scripts/serve.mjs`, dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}`;
// A server left over from an interrupted run would keep the port and serve another build: make sure
// the one answering serves this one.
if (await (await fetch(`${base}/index.html`)).text() !== fs.readFileSync(`${dist}/index.html`, 'utf8')) {
  server.kill();
  throw new Error(`port ${port} serves another build than ${dist}: stop the server holding it`);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const result = { date: new Date().toISOString(), enterprises: SCALE, storedBytes: stored.length, bundle };

try {
  stage(`scale ${SCALE}: first start`);
  // Cold open: a fresh page each run, HTTP cache warm as on an officer's second visit.
  const opens = [];
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}/favicon.svg`);
  if (LEGACY) {
    await page.evaluate((raw) => localStorage.setItem('nscl.v1.enterprise', raw), stored);
    // First start: the app moves the 5,000 records into IndexedDB (one transaction), then loads them.
    const first = await context.newPage();
    await first.goto(`${base}/enterprises`);
    await first.getByTestId('enterprise-row').first().waitFor({ timeout: 60_000 });
    // The register's page code now loads on first use, so the rows can show before the load's mark.
    await first.waitForFunction(() => performance.getEntriesByName('nscl-loaded').length > 0, null, { timeout: 60_000 });
    const marks = await first.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    result.firstStart = {
      moveIntoIndexedDbMs: round(marks['nscl-migrated'] - marks['nscl-start']),
      loadMs: round(marks['nscl-loaded'] - marks['nscl-migrated']),
    };
    await first.close();
  } else {
    // The app makes its database on first open; the enterprises then go in with the other kinds below.
    const first = await context.newPage();
    await first.goto(`${base}/`);
    // The register read (the dashboard of an empty laptop has no counts to wait for).
    await first.waitForFunction(() => performance.getEntriesByName('nscl-register-loaded').length > 0, null, { timeout: 60_000 });
    await first.close();
  }

  stage('writing the whole dataset');
  // The whole dataset in one transaction, into a fresh browser profile the app has opened once
  // (at today's scale only: at the merged province's it is the same write, 2.6 times over).
  result.dataset = Object.fromEntries(Object.entries(rows).map(([k, list]) => [k, { rows: list.length, jsonBytes: jsonBytes(list) }]));
  if (LEGACY) {
    const fresh = await browser.newContext();
    const opener = await fresh.newPage();
    await opener.goto(`${base}/`);
    await opener.waitForFunction(() => performance.getEntriesByName('nscl-register-loaded').length > 0, null, { timeout: 60_000 });
    await opener.close();
    const all = await fresh.newPage();
    await all.goto(`${base}/favicon.svg`);
    result.writeAllMs = round(await writeRows(all, rows, unitsSetting));
    await fresh.close();
  }

  // Here the enterprises came from the move above; the surveys, self-assessments and activities of
  // the same province go in one transaction. Every later measurement runs with all of it stored.
  const writer = await context.newPage();
  await writer.goto(`${base}/favicon.svg`);
  const { enterprise, ...rest } = rows;
  result.writeRestMs = round(await writeRows(writer, LEGACY ? rest : rows, unitsSetting));
  await writer.close();
  await context.addInitScript(captureWasmMemory);
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="enterprise-row"]')) {
        window.__firstRowAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    // The survey list's first row, timed in the page from its navigation.
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="survey-row"]')) {
        window.__firstSurveyRowAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    // Main-thread tasks over 50 ms: while one runs, a keystroke waits.
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  });
  stage('cold opens');
  for (let i = 0; i < RUNS + 1; i++) {
    const p = await context.newPage();
    await p.goto(`${base}/enterprises`);
    await p.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 30_000 });
    const t = await p.evaluate(() => window.__firstRowAt);
    await p.waitForFunction(() => performance.getEntriesByName('nscl-records-loaded').length > 0, null, { timeout: 60_000 });
    const phases = await p.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const longTasks = await p.evaluate(() => window.__longTasks);
    if (i > 0) {
      // The long tasks after the first row, while the other kinds are read in the background.
      const after = longTasks.filter((x) => x.at >= t);
      (result.longTasksWhileLoading ||= []).push({ count: after.length, longestMs: round(Math.max(0, ...after.map((x) => x.ms))), totalMs: round(after.reduce((n, x) => n + x.ms, 0)) });
      opens.push(t); // the first run fills the HTTP cache
      (result.loadPhaseMs ||= []).push(round(phases['nscl-register-loaded'] - phases['nscl-migrated']));
      // When each kind was all read, in the background after the list shows, from navigation.
      for (const kind of ['activities', 'surveys', 'assessments']) ((result.loadedAfterMs ||= {})[kind] ||= []).push(round(phases[`nscl-${kind}-loaded`]));
    }
    await p.close();
  }
  result.coldOpenMs = { median: round(percentile(opens, 50)), max: round(Math.max(...opens)), runs: opens.map(round) };

  // Keystrokes: each one sets the search box and fires `input`, as typing does. "Work" ends when a
  // macrotask posted right after the event runs (all reactive updates are microtasks by then);
  // "paint" ends at the next animation frame after that.
  stage('search keystrokes');
  const p = await context.newPage();
  await p.goto(`${base}/enterprises`);
  await p.waitForFunction(() => window.__firstRowAt !== undefined);
  // Typing while the surveys and self-assessments are still being read in the background (the first seconds).
  const early = await p.evaluate(async () => {
    const input = document.querySelector('[data-testid="enterprise-search"]');
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const out = [];
    for (const value of ['c', 'co', 'con', 'cong', 'cong ', 'cong t', 'cong ty', 'cong ty ', 'cong ty t', '']) {
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      out.push({ work: performance.now() - t0, loading: performance.getEntriesByName('nscl-records-loaded').length === 0 });
      await new Promise((r) => setTimeout(r, 30));
    }
    return out.filter((s) => s.loading).map((s) => s.work);
  });
  result.keystrokeWhileRecordsLoad = early.length ? { samples: early.length, max: round(Math.max(...early)) } : { samples: 0 };
  await p.waitForFunction(() => performance.getEntriesByName('nscl-records-loaded').length > 0, null, { timeout: 60_000 });
  const samples = await p.evaluate(async ({ query, rounds }) => {
    const input = document.querySelector('[data-testid="enterprise-search"]');
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    // "Hiển thị 1–50 trên tổng số 13.000": the rows of the page shown (none when nothing matches).
    const pageRows = () => {
      const m = document.querySelector('[data-testid="result-count"]').textContent.match(/([\d.]+)–([\d.]+)/);
      return m ? Number(m[2].replace(/\./g, '')) - Number(m[1].replace(/\./g, '')) + 1 : 0;
    };
    const out = [];
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i <= query.length; i++) {
        const value = i === query.length ? '' : query.slice(0, i + 1);
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        const work = performance.now() - t0;
        await frame();
        const paint = performance.now() - t0;
        // A list draws a changed page's first rows by that frame and the others just after it:
        // "whole" ends at the first frame with every row of the page the count says is shown.
        while (document.querySelectorAll('[data-testid="enterprise-row"]').length !== pageRows()) await frame();
        out.push({ value, work, paint, whole: performance.now() - t0, rows: document.querySelectorAll('[data-testid="enterprise-row"]').length });
        await new Promise((r) => setTimeout(r, 30));
      }
    }
    return out;
  }, { query: QUERY, rounds: 3 });
  result.keystroke = {
    ...keystrokeFigures({ work: samples.map((s) => s.work), paint: samples.map((s) => s.paint), whole: samples.map((s) => s.whole) }),
    finalRows: samples[samples.length - 2].rows,
    slowest: [...samples].sort((a, b) => b.work - a.work).slice(0, 5).map((s) => ({ value: s.value, work: round(s.work) })),
  };

  stage('saving');
  // Saving one enterprise into a register of 5,000 (the store rewrites the collection).
  const saves = [];
  for (let i = 0; i < 3; i++) {
    await p.goto(`${base}/enterprises/new`);
    // Wait for the register to load: a write queues behind the start-up read of 5,000 rows.
    await p.waitForFunction(() => performance.getEntriesByName('nscl-loaded').length > 0);
    await p.getByTestId('field-name').fill(`Công ty đo thời gian ${i}`);
    const t0 = Date.now();
    await p.getByTestId('save-enterprise').click();
    await p.getByTestId('enterprise-detail').waitFor();
    saves.push(Date.now() - t0);
    const m = await p.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((x) => x.name.startsWith('nscl-save')).map((x) => [x.name, x.startTime])));
    (result.savePhasesMs ||= []).push({
      validate: round(m['nscl-save-validated'] - m['nscl-save-start']),
      write: round(m['nscl-save-stored'] - m['nscl-save-write']),
      reindex: round(m['nscl-save-indexed'] - m['nscl-save-stored']),
    });
  }
  result.saveOneMs = { median: percentile(saves, 50), runs: saves };

  stage('survey list');
  // The survey list with 15,000 surveys: opening it, and typing in its officer filter.
  const listOpens = [];
  const listWhole = [];
  p.on('crash', () => { console.error('the page crashed'); process.exit(3); });
  for (let i = 0; i < 4; i++) {
    stage(`survey list, open ${i + 1}`);
    await p.goto(`${base}/favicon.svg`);
    await p.goto(`${base}/surveys`);
    await p.waitForFunction(() => window.__firstSurveyRowAt !== undefined, null, { timeout: 60_000 });
    const first = round(await p.evaluate(() => window.__firstSurveyRowAt));
    // Until every survey is read the list shows those read so far and says so (issue 16).
    await p.waitForFunction(() => performance.getEntriesByName('nscl-surveys-loaded').length > 0, null, { timeout: 120_000 });
    const whole = await p.evaluate(() => performance.getEntriesByName('nscl-surveys-loaded')[0].startTime);
    if (i > 0) { listOpens.push(first); listWhole.push(round(whole)); }
  }
  result.surveyListOpenMs = { median: percentile(listOpens, 50), runs: listOpens };
  result.surveyListWholeMs = { median: percentile(listWhole, 50), runs: listWhole };
  stage('survey list, officer filter');
  // Typing in the filter once the self-assessments, read after the surveys, are in too (as the search above).
  await p.waitForFunction(() => performance.getEntriesByName('nscl-records-loaded').length > 0, null, { timeout: 60_000 });
  const filter = keystrokeFigures(await keystrokes(p, 'filter-officer', 'survey-count', 'survey-row', ['n', 'ng', 'ngu', 'nguy', 'nguye', 'nguyen', 'nguyen ', 'nguyen a', 'nguyen an', '']));
  result.surveyFilterKeystrokeMs = { ...filter.workMs, samples: filter.samples };
  result.surveyFilterToPaintMs = filter.toPaintMs;
  result.surveyFilterToWholePageMs = filter.toWholePageMs;
  stage('lists opened from the navigation');
  // "Any list open to its first page" (issue 16): a list opened from the navigation of a running app,
  // everything read, timed in the page from the click to its first row in the DOM. One warm-up round
  // (each page's code chunk is fetched on its first open), then the median of three.
  const lists = [['/surveys', 'survey-row'], ['/self-assessment', 'assessment-row'], ['/activities', 'activity-row'], ['/enterprises', 'enterprise-row']];
  const listOpenRuns = Object.fromEntries(lists.map(([href]) => [href, []]));
  for (let round_ = 0; round_ < 4; round_++) {
    for (const [href, testid] of lists) {
      const ms = await p.evaluate(([href, testid]) => new Promise((resolve, reject) => {
        const link = document.querySelector(`nav a[href="${href}"]`);
        if (!link) { reject(new Error(`no navigation link to ${href}`)); return; }
        const t0 = performance.now();
        const seen = () => document.querySelector(`[data-testid="${testid}"]`) && location.pathname === href;
        const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(performance.now() - t0); } });
        obs.observe(document, { childList: true, subtree: true });
        setTimeout(() => { obs.disconnect(); reject(new Error(`${href}: no ${testid} after 30 s`)); }, 30_000);
        link.click();
        if (seen()) { obs.disconnect(); resolve(performance.now() - t0); }
      }), [href, testid]);
      if (round_ > 0) listOpenRuns[href].push(round(ms));
    }
  }
  result.listOpenFromNavMs = Object.fromEntries(Object.entries(listOpenRuns).map(([href, runs]) => [href, { median: percentile(runs, 50), runs }]));
  stage('activity list, search');
  // The activity list's search box (words in titles, organisers, experts and the enterprises' names).
  await p.evaluate(() => document.querySelector('nav a[href="/activities"]').click());
  await p.waitForSelector('[data-testid="activity-row"]');
  result.activitySearch = keystrokeFigures(await keystrokes(p, 'activity-search', 'activity-count', 'activity-row', ['l', 'lo', 'lop', 'lop ', 'lop t', 'lop ta', 'lop tap', 'lop tap h', 'lop tap huan', '']));
  const estimate = await p.evaluate(async () => { const e = await navigator.storage.estimate(); return { usage: e.usage, idb: e.usageDetails && e.usageDetails.indexedDB }; });
  result.storageUsedBytes = estimate;
  stage('memory');
  // Memory with every kind read and the survey list open (the register's page read them too).
  result.memory = await memory(p);
} finally {
  await browser.close();
  server.kill();
}

fs.mkdirSync(`${root}target/bench`, { recursive: true });
fs.writeFileSync(`${root}target/bench/${SCALE === 5000 ? 'registry' : `registry-${SCALE}`}.json`, JSON.stringify(result, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`bundle: wasm ${kb(bundle.wasm.raw)} (${kb(bundle.wasm.gzip)} gzip), js ${kb(bundle.js.raw)} (${kb(bundle.js.gzip)} gzip), css ${kb(bundle.css.raw)}`);
if (LEGACY) console.log(`stored register: ${kb(result.storedBytes)} for 5,000 enterprises`);
console.log(`scale: ${SCALE} enterprises`);
if (result.firstStart) console.log(`first start: move 5,000 into IndexedDB ${result.firstStart.moveIntoIndexedDbMs} ms, then load ${result.firstStart.loadMs} ms`);
console.log(`cold open to first row, ${SCALE} stored: median ${result.coldOpenMs.median} ms, max ${result.coldOpenMs.max} ms (store load phase ${result.loadPhaseMs.join(', ')} ms)`);
for (const [kind, times] of Object.entries(result.loadedAfterMs)) console.log(`${kind} read in the background, in steps of 200: all loaded at ${times.join(', ')} ms after navigation`);
console.log(`dataset: ${Object.entries(result.dataset).map(([k, d]) => `${d.rows} ${k} (${kb(d.jsonBytes)})`).join(', ')}`);
console.log(`whole dataset written in one transaction in ${result.writeAllMs ?? '(not measured at this scale)'} ms; surveys, self-assessments and activities alone in ${result.writeRestMs} ms`);
console.log(`survey list with ${result.dataset.survey.rows}: open to the first row median ${result.surveyListOpenMs.median} ms, every survey read at ${result.surveyListWholeMs.median} ms; officer filter keystroke (${result.surveyFilterKeystrokeMs.samples} samples) work p50 ${result.surveyFilterKeystrokeMs.p50} ms, p95 ${result.surveyFilterKeystrokeMs.p95} ms; to paint p95 ${result.surveyFilterToPaintMs.p95} ms, to the whole page drawn p95 ${result.surveyFilterToWholePageMs.p95} ms`);
console.log(`memory, everything read, survey list open: JS heap ${result.memory.jsHeapUsedMb} MB + wasm ${result.memory.wasmMemoryMb} MB = ${result.memory.totalMb} MB`);
console.log(`storage used: ${kb(result.storageUsedBytes.usage)} (IndexedDB ${kb(result.storageUsedBytes.idb || 0)})`);
console.log(`search keystroke (${result.keystroke.samples} samples): work p50 ${result.keystroke.workMs.p50} ms, p95 ${result.keystroke.workMs.p95} ms; to paint p50 ${result.keystroke.toPaintMs.p50} ms, p95 ${result.keystroke.toPaintMs.p95} ms; to the whole page drawn p50 ${result.keystroke.toWholePageMs.p50} ms, p95 ${result.keystroke.toWholePageMs.p95} ms`);
console.log(`lists opened from the navigation, click to first row, median: ${Object.entries(result.listOpenFromNavMs).map(([k, v]) => `${k} ${v.median} ms`).join(', ')}`);
console.log(`long tasks after the first row, while the rest is read: ${JSON.stringify(result.longTasksWhileLoading)}`);
console.log(`activity search keystroke (${result.activitySearch.samples} samples): work p50 ${result.activitySearch.workMs.p50} ms, p95 ${result.activitySearch.workMs.p95} ms; to paint p95 ${result.activitySearch.toPaintMs.p95} ms, to the whole page drawn p95 ${result.activitySearch.toWholePageMs.p95} ms`);
console.log(`search keystroke while surveys and self-assessments are read: ${JSON.stringify(result.keystrokeWhileRecordsLoad)}`);
console.log(`save one enterprise into ${SCALE}: median ${result.saveOneMs.median} ms, click to page shown; phases ${JSON.stringify(result.savePhasesMs)}`);
