// Benchmark of file sync at province scale, in Debian's Chromium. Laptop A holds the synthetic
// province (5,000 enterprises, 15,000 surveys, 15,000 self-assessments and the activities, seeded
// into IndexedDB as registry-bench.mjs does). Measures:
//   1. exporting everything from A, compressed and not: click on `export-file` to the
//      `nscl-export-done` mark, and the file's size;
//   2. on an empty laptop B, choosing the compressed file to its preview on screen, with the
//      main-thread long tasks meanwhile;
//   3. applying it on B against writing the same rows straight into a third empty laptop's
//      IndexedDB in one transaction;
//   4. choosing the same file again on B: the preview says nothing is new and nothing is written;
//   5. a file in which every record is a newer version (made on a laptop seeded with them),
//      previewed and applied on B, which holds them all: the apply's time and long tasks, then
//      "undo last import" back to B's stores as they were.
// Usage: node tests/e2e/bench/sync-bench.mjs [province dir]   (after `make build` and `make synth-bench`)
//   The province is target/synth/province-5000 unless given (a path, or a name under
//   target/synth/, also as BENCH_PROVINCE): `province-300` (`make synth`) for a quick try.
//   BENCH_BUILD labels the build (else guessed from the wasm's size), BENCH_MACHINE adds a note on
//   the machine, BENCH_DOCS=0 leaves docs/benchmarks.md alone (the default for a province other
//   than province-5000 is to leave it; BENCH_DOCS=1 writes it anyway).
// Writes target/bench/sync.json and the section "## File sync at province scale" of docs/benchmarks.md.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { newerVersions } from '../lib/newer-versions.js';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4177;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const KINDS = ['enterprise', 'survey', 'assessment', 'activity'];
const TIMEOUT = 180_000;

const arg = process.argv[2] || process.env.BENCH_PROVINCE || 'province-5000';
const provinceDir = arg.includes('/') ? path.resolve(arg) : `${root}target/synth/${arg}`;
const provinceName = path.basename(provinceDir);
const writeDocs = process.env.BENCH_DOCS ? process.env.BENCH_DOCS !== '0' : provinceName === 'province-5000';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
const kib = (n) => `${(n / 1024).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KiB`;
const mib = (n) => `${(n / 1048576).toFixed(2)} MiB`;
const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const range = (xs) => (xs.length > 1 ? ` (runs ${xs.map((x) => Math.round(x)).join(', ')} ms)` : '');

// BENCH_DIST measures another build (one made elsewhere, to compare builds side by side).
const dist = process.env.BENCH_DIST || `${root}dist`;
const wasm = fs.readdirSync(dist).find((f) => f.endsWith('.wasm') && !f.startsWith('spreadsheet-worker'));
const wasmBytes = fs.statSync(`${dist}/${wasm}`).size;
// A release build (`make build`: fat LTO, wasm-opt -Oz) is about 3 MB; the e2e profile's is over three times that (10 MB).
const build = process.env.BENCH_BUILD || (wasmBytes < 6e6 ? 'release (`make build`)' : 'e2e profile (`make build-e2e`: no fat LTO, no wasm-opt)');

const province = (kind) => JSON.parse(fs.readFileSync(`${provinceDir}/${kind}.json`, 'utf8'));
const seedRows = Object.fromEntries(KINDS.map((k) => [k, province(k)]));
// The summaries the app's store keeps beside surveys and self-assessments (examples/synth_rows.rs), seeded with them.
const seedSummaries = { survey_summary: province('survey_summary'), assessment_summary: province('assessment_summary') };
// The files of the last run: the compressed and the plain export.
const outDir = `${root}target/bench/sync`;
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

// In every page: when each click on an element with a test id happened, when the file input
// changed, and every main-thread task over 50 ms.
function instrument() {
  window.__clicks = {};
  window.__longTasks = [];
  window.addEventListener('click', (e) => {
    const el = e.target && e.target.closest && e.target.closest('[data-testid]');
    if (el) window.__clicks[el.dataset.testid] = performance.now();
  }, true);
  window.addEventListener('change', (e) => {
    if (e.target && e.target.dataset && e.target.dataset.testid === 'import-files') window.__changeAt = performance.now();
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

// From now on, records when each of the test ids first appears in the page and the frame after it.
const watch = (page, ids) => page.evaluate((ids) => {
  window.__seen = {};
  const check = () => {
    for (const id of ids) {
      if (window.__seen[id] || !document.querySelector(`[data-testid="${id}"]`)) continue;
      const seen = { at: performance.now() };
      window.__seen[id] = seen;
      requestAnimationFrame(() => { seen.frame = performance.now(); });
    }
  };
  if (window.__observer) window.__observer.disconnect();
  window.__observer = new MutationObserver(check);
  window.__observer.observe(document.body, { childList: true, subtree: true, attributes: true });
}, ids);
const seenFrame = (page, id) => page.waitForFunction((id) => window.__seen[id] && window.__seen[id].frame, id, { timeout: TIMEOUT }).then((h) => h.jsonValue());

// The first time each mark was set at or after t0 (the page's clock).
const marksSince = (page, t0) => page.evaluate((t0) => {
  const out = {};
  for (const m of performance.getEntriesByType('mark')) if (m.startTime >= t0 && out[m.name] === undefined) out[m.name] = m.startTime;
  return out;
}, t0);
const waitMark = (page, name, t0) => page.waitForFunction(([name, t0]) => performance.getEntriesByName(name).some((m) => m.startTime >= t0), [name, t0], { timeout: TIMEOUT });

// Long tasks that started in [from, to], each placed by the marks set inside it, else by the
// marks around it (`origin` names `from`).
async function longTasks(page, from, to, marks, origin) {
  await page.waitForTimeout(200); // long-task entries are reported after the task
  const tasks = await page.evaluate(([from, to]) => window.__longTasks.filter((t) => t.at >= from - 1 && t.at <= to), [from, to]);
  const named = Object.entries(marks).sort((a, b) => a[1] - b[1]);
  const detail = tasks.map((t) => {
    const inside = named.filter(([, at]) => at >= t.at && at <= t.at + t.ms).map(([n]) => n);
    const before = named.filter(([, at]) => at < t.at).pop();
    const after = named.find(([, at]) => at > t.at + t.ms);
    const where = inside.length ? `holds ${inside.join(', ')}` : `after ${before ? before[0] : origin}${after ? `, before ${after[0]}` : ''}`;
    return { startMs: round(Math.max(0, t.at - from)), ms: round(t.ms), where };
  });
  return { count: tasks.length, over50: tasks.filter((t) => t.ms > 50).length, longestMs: round(Math.max(0, ...tasks.map((t) => t.ms))), totalMs: round(tasks.reduce((n, t) => n + t.ms, 0)), tasks: detail };
}

// Writes rows of several kinds into the app's database in one readwrite transaction over their
// stores; returns the transaction's time, in the page. The rows reach the page kind by kind first.
async function writeRows(page, byKind) {
  await page.evaluate(() => { window.__rows = {}; });
  for (const [kind, list] of Object.entries(byKind)) await page.evaluate(([k, r]) => { window.__rows[k] = r; }, [kind, list]);
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      try {
        const t0 = performance.now();
        const tx = open.result.transaction(Object.keys(window.__rows), 'readwrite');
        for (const [k, list] of Object.entries(window.__rows)) { const store = tx.objectStore(k); for (const row of list) store.put(row); }
        tx.oncomplete = () => { const t = performance.now() - t0; open.result.close(); window.__rows = null; resolve(t); };
        tx.onerror = () => reject(tx.error);
      } catch (e) { open.result.close(); reject(e); }
    };
  }));
}

// Every row of the given stores, as stored.
const readStores = (page, stores) => page.evaluate((stores) => new Promise((resolve, reject) => {
  const open = indexedDB.open('nscl-tracker');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    try {
      const tx = open.result.transaction(stores);
      const out = {};
      for (const s of stores) { const r = tx.objectStore(s).getAll(); r.onsuccess = () => { out[s] = r.result; }; }
      tx.oncomplete = () => { open.result.close(); resolve(out); };
      tx.onerror = () => reject(tx.error);
    } catch (e) { open.result.close(); reject(e); }
  };
}), stores);

// Each store's row count and a SHA-256 of its keys and values, computed in the page.
const digestStores = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('nscl-tracker');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    // Export packs are copies of the records, made again from them (src/sync/pack.rs).
    const names = [...db.objectStoreNames].filter((n) => n !== 'export_pack').sort();
    const tx = db.transaction(names);
    const raw = {};
    for (const n of names) {
      const keys = tx.objectStore(n).getAllKeys();
      const values = tx.objectStore(n).getAll();
      values.onsuccess = () => { raw[n] = [keys.result, values.result]; };
    }
    tx.oncomplete = async () => {
      db.close();
      const out = {};
      for (const n of names) {
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(raw[n])));
        out[n] = { rows: raw[n][0].length, sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('') };
      }
      resolve(out);
    };
    tx.onerror = () => { db.close(); reject(tx.error); };
  };
}));

// A laptop: its own context (its own IndexedDB) with the app opened once, so its database exists.
async function laptop(browser, officer) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await context.addInitScript(instrument);
  // A page that fails says why (a dist/ rebuilt under the run shows here too).
  context.on('weberror', (e) => console.error(`page error: ${e.error()}`));
  const page = await context.newPage();
  await page.goto(`${base}/favicon.svg`);
  if (officer) await page.evaluate((name) => localStorage.setItem('nscl.officer', name), officer);
  await page.goto(`${base}/`);
  // The register read (an empty laptop's dashboard shows no counts, so wait for the mark).
  await page.waitForFunction(() => performance.getEntriesByName('nscl-register-loaded').length > 0, null, { timeout: TIMEOUT });
  // The database is made (and upgraded) by the first read: a page opening it before that would
  // make an empty one of its own.
  await page.waitForFunction(() => performance.getEntriesByName('nscl-loaded').length > 0, null, { timeout: TIMEOUT });
  return { context, page };
}

async function openSync(page) {
  await page.goto(`${base}/sync`);
  await page.getByTestId('export-file').waitFor({ timeout: TIMEOUT });
  // The register reads every kind in the background after a start: let it finish first.
  await page.waitForFunction(() => performance.getEntriesByName('nscl-records-loaded').length > 0, null, { timeout: TIMEOUT });
  // And the export packs the page builds when it opens (src/web/export_packs.rs).
  await page.waitForFunction(() => performance.getEntriesByName('nscl-packs-refreshed').length > 0, null, { timeout: TIMEOUT });
}

// Empties the export packs, as an import or edits in every bucket would: the next export builds them.
async function dropPacks(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onsuccess = () => {
      const tx = open.result.transaction('export_pack', 'readwrite');
      tx.objectStore('export_pack').clear();
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

async function exportOnce(page, compress, keepAs) {
  const box = page.getByTestId('export-compress');
  if (compress) await box.check(); else await box.uncheck();
  const t0 = await page.evaluate(() => performance.now());
  const wall0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.getByTestId('export-file').click()]);
  const downloadMs = Date.now() - wall0;
  const file = `${outDir}/${keepAs}-${download.suggestedFilename()}`;
  await download.saveAs(file);
  await waitMark(page, 'nscl-export-done', t0);
  await page.getByTestId('export-done').waitFor({ timeout: TIMEOUT });
  const click = await page.evaluate(() => window.__clicks['export-file']);
  const m = await marksSince(page, click);
  return {
    clickToDoneMs: round(m['nscl-export-done'] - click),
    readHeldMs: round(m['nscl-export-start'] - click),
    makeFileMs: round(m['nscl-export-done'] - m['nscl-export-start']),
    clickToDownloadWallMs: downloadMs,
    bytes: fs.statSync(file).size,
    name: download.suggestedFilename(),
    file,
    longTasks: await longTasks(page, click, m['nscl-export-done'], m, 'the click'),
  };
}

// Chooses `file` on B's Sync page and waits for the preview (and, with `nothing`, its "nothing new").
async function previewOnce(page, file, { nothing = false } = {}) {
  // The previous preview off the page first.
  if (await page.getByTestId('import-preview').count()) await page.getByTestId('cancel-import').click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached', timeout: TIMEOUT });
  await watch(page, ['import-preview', 'preview-nothing']);
  await page.evaluate(() => { window.__changeAt = undefined; });
  await page.getByTestId('import-files').setInputFiles(file);
  const shown = await seenFrame(page, nothing ? 'preview-nothing' : 'import-preview');
  const change = await page.evaluate(() => window.__changeAt);
  await page.getByTestId('import-busy').waitFor({ state: 'detached', timeout: TIMEOUT });
  const m = await marksSince(page, change);
  const seen = await page.evaluate(() => window.__seen);
  return {
    toPreviewShownMs: round(shown - change),
    readMs: round(m['nscl-import-parse'] - change), // file read, gunzip, UTF-8
    parseAndPreviewMs: round(m['nscl-import-previewed'] - m['nscl-import-parse']), // checksum, parse, read what B holds, preview
    renderMs: round(shown - m['nscl-import-previewed']),
    readMarkMs: round(m['nscl-import-read'] - change),
    nothingShown: Boolean(seen['preview-nothing']),
    applyDisabled: await page.getByTestId('apply-import').isDisabled(),
    longTasks: await longTasks(page, change, shown, m, 'the file was chosen'),
  };
}

const server = spawn('node', [`${root}scripts/serve.mjs`, dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'] });
const started = Date.now();
// Progress on stderr, so a run that stalls shows where.
const step = (what) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)} s] ${what}\n`);
const result = {
  date: new Date().toISOString(),
  province: provinceName,
  dataset: Object.fromEntries(KINDS.map((k) => [k, { rows: seedRows[k].length, jsonBytes: seedRows[k].reduce((n, r) => n + r.json.length, 0) }])),
  build,
  wasmBytes,
  chromium: browser.version(),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() || 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB${process.env.BENCH_MACHINE ? `, ${process.env.BENCH_MACHINE}` : ''}`,
  runs: RUNS,
};

try {
  step(`seeding laptop A with ${provinceName}`);
  // Laptop A: the province seeded into the database the app made, then the Sync page.
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const seeder = await a.context.newPage();
  await seeder.goto(`${base}/favicon.svg`);
  result.seedMs = round(await writeRows(seeder, { ...seedRows, ...seedSummaries }));
  // The rows as A stores them, for the direct write below.
  const storedA = {};
  for (const k of KINDS) Object.assign(storedA, await readStores(seeder, [k]));
  // And their summaries (issue 16): the store writes both, in the same transaction.
  const storedSummariesA = {};
  for (const k of Object.keys(seedSummaries)) Object.assign(storedSummariesA, await readStores(seeder, [k]));
  await seeder.close();
  await openSync(a.page);

  step('export');
  // 1. Export, compressed and not.
  const compressed = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) compressed.push(await exportOnce(a.page, true, `gz-${i}`));
  for (let i = 0; i < RUNS; i++) plain.push(await exportOnce(a.page, false, `plain-${i}`));
  const exportSummary = (runs) => ({
    medianMs: round(median(runs.map((r) => r.clickToDoneMs))),
    runsMs: runs.map((r) => r.clickToDoneMs),
    readHeldMs: round(median(runs.map((r) => r.readHeldMs))),
    makeFileMs: round(median(runs.map((r) => r.makeFileMs))),
    clickToDownloadWallMs: round(median(runs.map((r) => r.clickToDownloadWallMs))),
    bytes: runs[0].bytes,
    longestTaskMs: round(Math.max(...runs.map((r) => r.longTasks.longestMs))),
    longTasks: runs.map((r) => r.longTasks),
  });
  result.exportCompressed = exportSummary(compressed);
  result.exportPlain = exportSummary(plain);
  // The same with no pack kept: every bucket is built from its rows first.
  await dropPacks(a.page);
  const cold = await exportOnce(a.page, true, 'cold');
  result.exportColdMs = cold.clickToDoneMs;
  result.exportColdLongestTaskMs = cold.longTasks.longestMs;
  fs.rmSync(cold.file, { force: true });
  const file = compressed[0].file;
  result.file = compressed[0].name;
  for (const r of [...compressed.slice(1), ...plain.slice(1)]) fs.rmSync(r.file, { force: true });
  await a.context.close();

  step('preview on B');
  // 2. Validate and preview on an empty laptop B, 3 times (cancelled in between).
  const b = await laptop(browser, 'Trần Văn Bình');
  await openSync(b.page);
  const previews = [];
  for (let i = 0; i < RUNS; i++) previews.push(await previewOnce(b.page, file));
  result.preview = {
    medianMs: round(median(previews.map((p) => p.toPreviewShownMs))),
    runsMs: previews.map((p) => p.toPreviewShownMs),
    readMs: round(median(previews.map((p) => p.readMs))),
    parseAndPreviewMs: round(median(previews.map((p) => p.parseAndPreviewMs))),
    renderMs: round(median(previews.map((p) => p.renderMs))),
    longestTaskMs: round(Math.max(...previews.map((p) => p.longTasks.longestMs))),
    over50: previews.map((p) => p.longTasks.over50),
    longTasks: previews.map((p) => p.longTasks),
  };

  step('apply on B');
  // 3a. Apply on B (the preview of the last run is on screen).
  await watch(b.page, ['import-note']);
  await b.page.getByTestId('apply-import').click();
  const noteShown = await seenFrame(b.page, 'import-note');
  const click = await b.page.evaluate(() => window.__clicks['apply-import']);
  await waitMark(b.page, 'nscl-import-applied', click);
  // The page reads everything again after the write; the busy banner goes when it has.
  await b.page.getByTestId('import-busy').waitFor({ state: 'detached', timeout: TIMEOUT });
  const busyGone = await b.page.evaluate(() => performance.now());
  const am = await marksSince(b.page, click);
  result.apply = {
    clickToAppliedMs: round(am['nscl-import-applied'] - click),
    batchMs: round(am['nscl-import-apply'] - click), // working out the rows, history and undo to write
    transactionMs: round(am['nscl-import-applied'] - am['nscl-import-apply']),
    bulkOpenToAppliedMs: round(am['nscl-import-applied'] - am['nscl-bulk-write-open']),
    clickToNoteShownMs: round(noteShown - click),
    clickToReloadedMs: round(busyGone - click),
    note: await b.page.getByTestId('import-note').textContent(),
    longTasks: await longTasks(b.page, click, am['nscl-import-applied'], am, 'the click'),
  };

  step('direct write');
  // 3b. The same rows, as A stored them, written straight into a third empty laptop.
  const c = await laptop(browser);
  await c.page.goto(`${base}/favicon.svg`);
  result.directWriteMs = round(await writeRows(c.page, storedA));
  await c.context.close();
  // 3c. The same rows with the survey and self-assessment summaries the store keeps beside them,
  // written straight into a fourth: everything the apply itself ends up writing but history and undo.
  const d4 = await laptop(browser);
  await d4.page.goto(`${base}/favicon.svg`);
  result.directWriteWithSummariesMs = round(await writeRows(d4.page, { ...storedA, ...storedSummariesA }));
  await d4.context.close();
  result.applyRatioWithSummaries = Math.round((result.apply.clickToAppliedMs / result.directWriteWithSummariesMs) * 100) / 100;
  result.applyRatio = Math.round((result.apply.clickToAppliedMs / result.directWriteMs) * 100) / 100;
  result.transactionRatio = Math.round((result.apply.transactionMs / result.directWriteMs) * 100) / 100;

  // B holds what A held.
  const before = await digestStores(b.page);
  result.applied = Object.fromEntries(KINDS.map((k) => [k, before[k].rows]));
  result.appliedAll = KINDS.every((k) => before[k].rows === storedA[k].length);

  step('re-import on B');
  // 4. The same file again: nothing new, nothing written.
  const again = [];
  for (let i = 0; i < RUNS; i++) again.push(await previewOnce(b.page, file, { nothing: true }));
  await b.page.waitForTimeout(500);
  const after = await digestStores(b.page);
  const changed = Object.keys({ ...before, ...after }).filter((n) => JSON.stringify(before[n]) !== JSON.stringify(after[n]));
  result.reimport = {
    medianMs: round(median(again.map((p) => p.toPreviewShownMs))),
    runsMs: again.map((p) => p.toPreviewShownMs),
    readMs: round(median(again.map((p) => p.readMs))),
    parseAndPreviewMs: round(median(again.map((p) => p.parseAndPreviewMs))),
    renderMs: round(median(again.map((p) => p.renderMs))),
    nothingShown: again.every((p) => p.nothingShown),
    applyDisabled: again.every((p) => p.applyDisabled),
    storesChanged: changed,
    rowsBefore: Object.fromEntries(Object.entries(before).map(([n, d]) => [n, d.rows])),
    longestTaskMs: round(Math.max(...again.map((p) => p.longTasks.longestMs))),
    over50: again.map((p) => p.longTasks.over50),
    longTasks: again.map((p) => p.longTasks),
  };

  step('a file of newer versions of everything B holds');
  // 5. Laptop A2 holds every record a version newer (as if edited on it); its file goes to B.
  const a2 = await laptop(browser, 'Lê Văn Cường');
  const seeder2 = await a2.context.newPage();
  await seeder2.goto(`${base}/favicon.svg`);
  await writeRows(seeder2, { ...newerVersions(seedRows, 'bench-second-laptop'), ...seedSummaries });
  await seeder2.close();
  await openSync(a2.page);
  const newer = await exportOnce(a2.page, true, 'newer');
  await a2.context.close();
  const updatePreview = await previewOnce(b.page, newer.file);
  await watch(b.page, ['import-note']);
  await b.page.getByTestId('apply-import').click();
  const uclick = await b.page.evaluate(() => window.__clicks['apply-import']);
  await waitMark(b.page, 'nscl-import-applied', uclick);
  const um = await marksSince(b.page, uclick);
  const updateApply = {
    clickToAppliedMs: round(um['nscl-import-applied'] - uclick),
    note: await b.page.getByTestId('import-note').textContent(),
    longTasks: await longTasks(b.page, uclick, um['nscl-import-applied'], um, 'the click'),
  };
  await b.page.getByTestId('import-busy').waitFor({ state: 'detached', timeout: TIMEOUT });
  // Undo it: B's stores as they were before this file.
  await b.page.getByTestId('undo-import').click();
  await b.page.getByTestId('confirm-yes').click();
  const undoClick = await b.page.evaluate(() => window.__clicks['confirm-yes']);
  await b.page.getByTestId('import-note').filter({ hasText: /Đã hoàn tác|was undone/ }).waitFor({ timeout: TIMEOUT });
  const undoneAt = await b.page.evaluate(() => performance.now());
  const undoLongTasks = await longTasks(b.page, undoClick, undoneAt, await marksSince(b.page, undoClick), 'the click');
  const undone = await digestStores(b.page);
  const undoChanged = Object.keys({ ...after, ...undone }).filter((n) => n !== 'settings' && JSON.stringify(after[n]) !== JSON.stringify(undone[n]));
  result.update = {
    fileBytes: newer.bytes,
    previewMs: updatePreview.toPreviewShownMs,
    previewLongestTaskMs: updatePreview.longTasks.longestMs,
    previewOver50: updatePreview.longTasks.over50,
    apply: updateApply,
    undoMs: round(undoneAt - undoClick),
    undoLongTasks,
    undoStoresChanged: undoChanged,
  };
  await b.context.close();
} finally {
  await browser.close();
  server.kill();
}
result.totalSeconds = Math.round((Date.now() - started) / 1000);

fs.writeFileSync(`${root}target/bench/sync.json`, JSON.stringify(result, null, 2));

const d = result.dataset;
const rows = [
  ['export everything, compressed: click to file made (`nscl-export-done`), median', `${ms(result.exportCompressed.medianMs)}${range(result.exportCompressed.runsMs)}`, '≤ 1.5 s'],
  ['of which reading what the laptop holds / making, gzipping and handing over the file', `${ms(result.exportCompressed.readHeldMs)} / ${ms(result.exportCompressed.makeFileMs)}`, ''],
  ['compressed file', `${mib(result.exportCompressed.bytes)} (${result.exportCompressed.bytes.toLocaleString('en-US')} B)`, ''],
  ['export everything, compressed, no export pack kept (each built from its rows first)', `${ms(result.exportColdMs)}, longest task ${ms(result.exportColdLongestTaskMs)}`, ''],
  ['export everything, not compressed, median', `${ms(result.exportPlain.medianMs)}${range(result.exportPlain.runsMs)}`, ''],
  ['uncompressed file', `${mib(result.exportPlain.bytes)} (${result.exportPlain.bytes.toLocaleString('en-US')} B)`, ''],
  ['longest main-thread task while exporting (compressed / not)', `${ms(result.exportCompressed.longestTaskMs)} / ${ms(result.exportPlain.longestTaskMs)}`, ''],
  ['choose the compressed file on an empty laptop to the preview on screen, median', `${ms(result.preview.medianMs)}${range(result.preview.runsMs)}`, '≤ 2 s'],
  ['of which reading and gunzip / checksum, parse and preview / drawing it', `${ms(result.preview.readMs)} / ${ms(result.preview.parseAndPreviewMs)} / ${ms(result.preview.renderMs)}`, ''],
  ['longest main-thread task during the preview; tasks over 50 ms, each run', `${ms(result.preview.longestTaskMs)}; ${result.preview.over50.join(', ')}`, 'none over 50 ms'],
  ['apply to the empty laptop: click to written (`nscl-import-applied`)', ms(result.apply.clickToAppliedMs), ''],
  ['of which making the batch / the transaction (rows, history, undo)', `${ms(result.apply.batchMs)} / ${ms(result.apply.transactionMs)}`, ''],
  ['the same rows written straight into IndexedDB, one transaction', ms(result.directWriteMs), ''],
  ['apply against the direct write', `${result.applyRatio}× (the transaction alone ${result.transactionRatio}×)`, '≤ 1.3×'],
  ['the same rows and their summaries written straight, one transaction; apply against it', `${ms(result.directWriteWithSummariesMs)}; ${result.applyRatioWithSummaries}×`, ''],
  ['apply: click to the note on screen / to everything read again', `${ms(result.apply.clickToNoteShownMs)} / ${ms(result.apply.clickToReloadedMs)}`, ''],
  ['longest main-thread task while applying', `${ms(result.apply.longTasks.longestMs)} (${result.apply.longTasks.over50} over 50 ms)`, ''],
  ['the same file again: to "nothing new" on screen, median', `${ms(result.reimport.medianMs)}${range(result.reimport.runsMs)}`, '≤ 2 s'],
  ['of which reading and gunzip / checksum, parse and preview / drawing it', `${ms(result.reimport.readMs)} / ${ms(result.reimport.parseAndPreviewMs)} / ${ms(result.reimport.renderMs)}`, ''],
  ['the same file again: stores written', result.reimport.storesChanged.length ? `changed: ${result.reimport.storesChanged.join(', ')}` : `none (every store's rows and SHA-256 equal before and after; apply ${result.reimport.applyDisabled ? 'disabled' : 'ENABLED'})`, 'none'],
  ['longest main-thread task during the re-import preview; over 50 ms, each run', `${ms(result.reimport.longestTaskMs)}; ${result.reimport.over50.join(', ')}`, ''],
  ['a file of a newer version of every record B holds: choose to preview; its longest task', `${ms(result.update.previewMs)}; ${ms(result.update.previewLongestTaskMs)}`, ''],
  ['applying it: click to written; longest task (tasks over 50 ms)', `${ms(result.update.apply.clickToAppliedMs)}; ${ms(result.update.apply.longTasks.longestMs)} (${result.update.apply.longTasks.over50})`, ''],
  ['undoing it: confirm to the note on screen; longest task (tasks over 50 ms)', `${ms(result.update.undoMs)}; ${ms(result.update.undoLongTasks.longestMs)} (${result.update.undoLongTasks.over50})`, ''],
  ['after the undo, record stores as before the file', result.update.undoStoresChanged.length ? `changed: ${result.update.undoStoresChanged.join(', ')}` : 'all equal (rows and SHA-256)', ''],
];
const table = ['| what | value | goal |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// Where the long tasks of the first preview and of the apply fall, by the marks inside or around them.
const where = (lt) => lt.tasks.filter((t) => t.ms > 50).map((t) => `${Math.round(t.ms)} ms at +${Math.round(t.startMs)} ms (${t.where})`).join('; ') || 'none over 50 ms';
const dataset = `${d.enterprise.rows.toLocaleString('en-US')} enterprises, ${d.survey.rows.toLocaleString('en-US')} surveys, ${d.assessment.rows.toLocaleString('en-US')} self-assessments, ${d.activity.rows.toLocaleString('en-US')} activities (${mib(KINDS.reduce((n, k) => n + d[k].jsonBytes, 0))} of record JSON, \`target/synth/${provinceName}\`)`;
// Prose wrapped at 78 columns, as the rest of the file.
const wrap = (text) => text.split(' ').reduce((lines, word) => {
  const last = lines[lines.length - 1];
  if (last && `${last} ${word}`.length <= 78) lines[lines.length - 1] = `${last} ${word}`;
  else lines.push(word);
  return lines;
}, []).join('\n');
const bullet = (text) => wrap(`- ${text}`).replace(/\n/g, '\n  ');
const section = `## File sync at province scale

${wrap(`${result.date.slice(0, 10)}, \`tests/e2e/bench/sync-bench.mjs\` (\`make bench\`), headless Chromium ${result.chromium} on ${result.machine}. Build: ${build}, wasm ${kib(wasmBytes)}. Laptop A holds ${dataset}, seeded into IndexedDB in one transaction; B is an empty laptop (a fresh browser context) and a third empty one takes the direct write. Times are taken in the page, from the click or the file input's \`change\` event to the app's marks, or to the frame after the element appeared; medians of ${RUNS} runs where there are runs. Raw numbers: \`target/bench/sync.json\`.`)}

${table}

${wrap('Main-thread tasks over 50 ms, placed by the marks the app sets inside or around them. The task holding `nscl-export-start` begins when the last step of reading what the laptop holds returns and goes on making and serialising the file; `nscl-import-parse` is set once the file\'s text is in memory, before it is checked and parsed a part at a time (a damaged or version-1 file in one piece); the preview is worked out a kind at a time after the last step of reading what the laptop holds, and the task holding `nscl-import-previewed` makes its view just before the mark, drawing it may follow in the same task; the one holding `nscl-import-apply` builds the batch before the mark and opens the transaction (`nscl-bulk-write-open`) after it.')}

${bullet(`First preview: ${where(result.preview.longTasks[0])}.`)}
${bullet(`Applying: ${where(result.apply.longTasks)}.`)}
${bullet(`First re-import: ${where(result.reimport.longTasks[0])}.`)}
${bullet(`First compressed export: ${where(result.exportCompressed.longTasks[0])}.`)}
${bullet(`Applying the file of newer versions: ${where(result.update.apply.longTasks)}.`)}
${bullet(`Undoing it: ${where(result.update.undoLongTasks)}.`)}
`;

console.log(`province: ${dataset}`);
console.log(`build: ${build}; wasm ${kib(wasmBytes)}; ${result.machine}; Chromium ${result.chromium}; ${result.totalSeconds} s in all`);
console.log(table);
console.log(`\nlong tasks, first preview: ${where(result.preview.longTasks[0])}`);
console.log(`long tasks, apply: ${where(result.apply.longTasks)}`);
console.log(`long tasks, first re-import: ${where(result.reimport.longTasks[0])}`);
console.log(`B after apply: ${JSON.stringify(result.applied)}; all of A's rows: ${result.appliedAll}; note: ${result.apply.note}`);
console.log(`long tasks, applying newer versions: ${where(result.update.apply.longTasks)}; note: ${result.update.apply.note}`);
console.log(`long tasks, undoing it: ${where(result.update.undoLongTasks)}`);

if (writeDocs) {
  const docPath = `${root}docs/benchmarks.md`;
  const doc = fs.readFileSync(docPath, 'utf8');
  const heading = '## File sync at province scale';
  let next;
  if (doc.includes(`\n${heading}\n`)) {
    const start = doc.indexOf(`\n${heading}\n`) + 1;
    const end = doc.indexOf('\n## ', start + heading.length);
    next = doc.slice(0, start) + section + (end === -1 ? '' : `\n${doc.slice(end + 1)}`);
  } else {
    // Newest first: before the first dated section, after the introduction.
    const first = doc.indexOf('\n## ');
    next = first === -1 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, first + 1)}${section}\n${doc.slice(first + 1)}`;
  }
  fs.writeFileSync(docPath, next);
  console.log(`docs/benchmarks.md: section "${heading}" written`);
} else {
  console.log(`docs/benchmarks.md left alone (province ${provinceName}; BENCH_DOCS=1 writes it)`);
}
