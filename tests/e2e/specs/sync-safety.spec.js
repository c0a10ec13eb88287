// An import the browser interrupts or refuses loses nothing: a page reloaded or closed in the
// middle of the import's one transaction leaves all of it or none, a full disk (a refused write,
// or Chromium's own quota at the commit) writes nothing and keeps the preview to retry, and an
// edit made in another tab after the preview is never written over. Laptop A holds the synthetic province (make synth: 300 enterprises, 900 surveys, 900
// self-assessments, 86 activities); laptop B has one enterprise of its own.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppShell, EnterpriseForm, EnterpriseRegister, probeWrite, seedRows, storedRows, untilControlled } from '../pages/app.js';
import { SyncPage, openLaptop, dumpDatabase, dumpDatabaseAfterClose } from '../pages/sync.js';

const KINDS = ['enterprise', 'survey', 'assessment', 'activity'];
const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const province = () => Object.fromEntries(KINDS.map((k) => [k, JSON.parse(fs.readFileSync(new URL(`${k}.json`, dir), 'utf8'))]));
const QUOTA_VI = 'Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Những gì bạn vừa nhập vẫn còn trên màn hình.';
const STALE_VI = 'Dữ liệu trên máy vừa thay đổi (ở một thẻ khác?). Bản xem trước đã được làm lại: hãy xem lại rồi bấm Nhập.';
const B_OWN = 'Cơ sở Bánh phồng tôm Sa Giang';

// Each test drives two laptops through a province-sized file, some of them several times.
test.describe.configure({ timeout: 180_000 });

const laptop = openLaptop;

// Laptop A with the whole synthetic province, exported once (plain JSON) and shared by the tests
// of this file in one worker.
let provinceFile;
async function provinceExport(browser) {
  if (provinceFile) return provinceFile;
  const rows = province();
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  await seedRows(a.page, rows);
  await a.app.reload();
  await a.sync.open();
  const file = await a.sync.exportFile();
  const parsed = JSON.parse(file.bytes.toString('utf8'));
  for (const k of KINDS) expect(parsed.records[k], `the file holds every ${k}`).toHaveLength(rows[k].length);
  await a.context.close();
  provinceFile = { path: file.path, counts: Object.fromEntries(KINDS.map((k) => [k, rows[k].length])) };
  return provinceFile;
}

const total = (counts) => KINDS.reduce((n, k) => n + counts[k], 0);

// Laptop B: one enterprise of its own, on the Sync page.
async function laptopB(browser, options) {
  const b = await laptop(browser, 'Trần Văn Bình', options);
  await b.form.add({ name: B_OWN, taxCode: '1400100593', employees: '14' });
  await b.sync.open();
  return b;
}

async function expectPreviewOfAll(b, counts) {
  await expect(b.sync.preview).toBeVisible();
  for (const k of KINDS) expect(await b.sync.counts(k), `preview of ${k}`).toEqual({ new: counts[k], updated: 0, conflicts: 0, deleted: 0, unchanged: 0 });
  await expect(b.page.getByTestId('apply-import')).toBeEnabled();
}

// In every page of B: when the test sets window.__holdBulkWrite, the next readwrite transaction
// over the record stores, the history and the settings (the import's one transaction) is held
// open for a second: kept busy with reads, its explicit commit put off until then (as
// migration.spec.js holds the move's transaction). window.__bulkOpen says whether it is open.
function holdImportTransaction() {
  const transaction = IDBDatabase.prototype.transaction;
  const commit = IDBTransaction.prototype.commit;
  let held = null;
  let holding = false;
  let commitAsked = false;
  IDBTransaction.prototype.commit = function () {
    if (this === held && holding) { commitAsked = true; return undefined; }
    return commit.call(this);
  };
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const tx = transaction.call(this, names, mode, ...rest);
    const scope = [...tx.objectStoreNames];
    if (window.__holdBulkWrite && !held && mode === 'readwrite' && scope.includes('enterprise') && scope.includes('history') && scope.includes('settings')) {
      held = tx;
      holding = true;
      window.__bulkOpen = true;
      tx.addEventListener('complete', () => { window.__bulkOpen = false; });
      tx.addEventListener('abort', () => { window.__bulkOpen = false; });
      const store = tx.objectStore('settings');
      const until = performance.now() + 1000;
      const busy = () => {
        if (performance.now() < until) { store.count().onsuccess = busy; return; }
        holding = false;
        if (commitAsked) commit.call(held);
      };
      busy();
    }
    return tx;
  };
}

const bulkWriteOpened = (page) => page.waitForFunction(() => performance.getEntriesByName('nscl-bulk-write-open').length > 0, null, { polling: 'raf', timeout: 60_000 });

test('a reload in the middle of an import writes nothing; the file imports whole afterwards', async ({ browser }) => {
  const file = await provinceExport(browser);
  const b = await laptopB(browser, { initScript: holdImportTransaction });
  const before = await dumpDatabase(b.page);
  await b.sync.choose([file.path]);
  await expectPreviewOfAll(b, file.counts);

  await b.page.evaluate(() => { window.__holdBulkWrite = true; });
  await b.page.getByTestId('apply-import').click();
  await bulkWriteOpened(b.page);
  // The held transaction is still open as the page goes: this reload lands inside it.
  expect(await b.page.evaluate(() => window.__bulkOpen), 'the import\'s transaction is open at the reload').toBe(true);
  await b.app.reload();

  // Nothing of the import was written: every store, every row, as before.
  expect(await dumpDatabase(b.page)).toEqual(before);
  await b.register.open();
  await expect(b.register.rows).toHaveCount(1);
  await expect(b.register.row(B_OWN)).toBeVisible();
  await expect(b.page.getByTestId('nav-conflicts')).toHaveCount(0);
  await b.sync.open();
  await expect(b.page.getByTestId('undo-import')).toHaveCount(0);
  expect(await b.page.getByTestId('audit-action').allTextContents()).not.toContain('Nhập tệp');

  // The same file again: all of it is new, and it imports.
  await b.sync.choose([file.path]);
  await expect(b.sync.fileStatus(0)).toHaveText(`Hợp lệ: ${total(file.counts).toLocaleString('de-DE')} bản ghi.`);
  await expectPreviewOfAll(b, file.counts);
  await b.sync.apply();
  await expect(b.sync.note).toHaveText(`Đã nhập: ${total(file.counts).toLocaleString('de-DE')} mới, 0 cập nhật, 0 xung đột, 0 xóa.`);
  for (const k of KINDS) expect(await storedRows(b.page, k), `${k} rows after the import`).toHaveLength(file.counts[k] + (k === 'enterprise' ? 1 : 0));
  await b.context.close();
});

test('a page closed at any point of an import leaves all of the file or none of it', async ({ browser }) => {
  const file = await provinceExport(browser);
  const seen = [];
  // Closed as soon as the import's transaction opens, then later each time: the last ones close
  // after it has committed (it takes about 0.9 s here) or while the page reloads the register.
  for (const after of [0, 100, 300, 600, 1200]) {
    const b = await laptopB(browser);
    try {
      const before = await dumpDatabase(b.page);
      const ownIds = Object.fromEntries(await Promise.all(KINDS.map(async (k) => [k, (await storedRows(b.page, k)).map((r) => r.id)])));
      await b.sync.choose([file.path]);
      await expectPreviewOfAll(b, file.counts);
      await b.page.getByTestId('apply-import').click();
      await bulkWriteOpened(b.page);
      if (after) await b.page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), after);
      await b.page.close({ runBeforeUnload: false });

      const dump = await dumpDatabaseAfterClose(b.context);
      if (dump === before) {
        seen.push('none');
      } else {
        // All of it: every record of the file, beside B's own, and the undo of the import.
        const stored = JSON.parse(dump);
        for (const k of KINDS) expect(stored[k], `${k} rows after closing ${after} ms into the import`).toHaveLength(file.counts[k] + ownIds[k].length);
        expect(stored.settings.map(([key]) => key), 'the import left its undo').toContain('sync_undo');
        seen.push('all');
      }
      // The app opens on what is stored.
      const page = await b.context.newPage();
      await new AppShell(page).open('/enterprises');
      await expect(new EnterpriseRegister(page).resultCount).toContainText(seen.at(-1) === 'none' ? 'tổng số 1' : 'tổng số 301');
    } finally {
      await b.context.close();
    }
  }
  console.log(`after closing mid-import the stores held: ${seen.join(', ')}`);
});

test('a full disk during an import writes nothing, says so, and keeps the preview to try again', async ({ browser }) => {
  const file = await provinceExport(browser);
  const b = await laptopB(browser);
  const before = await dumpDatabase(b.page);
  await b.sync.choose([file.path]);
  await expectPreviewOfAll(b, file.counts);

  // From now on the browser takes 500 records in a transaction, then reports a full quota, as
  // Chromium does (the same way as storage-safety.spec.js's full disk).
  await b.page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    const records = ['enterprise', 'survey', 'assessment', 'activity'];
    const taken = new Map();
    window.__taken = taken;
    window.__restorePut = () => { IDBObjectStore.prototype.put = original; };
    IDBObjectStore.prototype.put = function (...args) {
      if (records.includes(this.name) && this.transaction.mode === 'readwrite') {
        const n = (taken.get(this.transaction) || 0) + 1;
        if (n > 500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        taken.set(this.transaction, n);
      }
      return original.apply(this, args);
    };
  });
  await b.page.getByTestId('apply-import').click();
  await expect(b.sync.note).toHaveText(QUOTA_VI);
  await expect(b.sync.note).toHaveAttribute('role', 'alert');
  await expect(b.page.getByTestId('import-busy')).toHaveCount(0);
  // The transaction had taken 500 records when the disk was full; none of them stayed.
  expect(await b.page.evaluate(() => [...window.__taken.values()])).toEqual([500]);
  expect(await dumpDatabase(b.page)).toEqual(before);
  await expect(b.page.getByTestId('nav-conflicts')).toHaveCount(0);
  await expect(b.page.getByTestId('undo-import')).toHaveCount(0);
  // The preview is still there, as it was, ready to try again.
  await expectPreviewOfAll(b, file.counts);

  // Space freed: the same preview applies.
  await b.page.evaluate(() => window.__restorePut());
  await b.sync.apply();
  await expect(b.sync.note).toHaveText(`Đã nhập: ${total(file.counts).toLocaleString('de-DE')} mới, 0 cập nhật, 0 xung đột, 0 xóa.`);
  await b.register.open();
  await expect(b.register.resultCount).toContainText('tổng số 301');
  await b.context.close();
});

test('a disk really full, by Chromium\'s own quota, during an import writes nothing and keeps the preview', async ({ browser }) => {
  const file = await provinceExport(browser);
  const b = await laptop(browser, 'Trần Văn Bình');
  // Once the app and its offline copy are in, the origin may hold 200 kB more (the file's records
  // are some 3.6 MB). Chromium checks a transaction's size against the quota when it commits, and
  // aborts it with a QuotaExceededError. (An override set after the first write of a browser
  // context has been seen not to take effect: it is set before B writes anything.)
  await untilControlled(b.page);
  const cdp = await b.context.newCDPSession(b.page);
  const origin = new URL(b.page.url()).origin;
  const { usage } = await b.page.evaluate(() => navigator.storage.estimate());
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 200_000 });
  // The quota holds: a probe of 1 MB (in a database of its own) is refused.
  await expect.poll(() => probeWrite(b.page, 1_000_000), { timeout: 15_000 }).toBe('QuotaExceededError');
  await b.form.add({ name: B_OWN, taxCode: '1400100593', employees: '14' });
  await b.sync.open();
  const before = await dumpDatabase(b.page);
  await b.sync.choose([file.path]);
  await expectPreviewOfAll(b, file.counts);

  const aborted = b.page.evaluate(() => new Promise((resolve) => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      const tx = transaction.apply(this, args);
      if (args[1] === 'readwrite' && [...tx.objectStoreNames].includes('history')) {
        IDBDatabase.prototype.transaction = transaction;
        tx.addEventListener('abort', () => resolve(tx.error ? tx.error.name : 'abort'));
        tx.addEventListener('complete', () => resolve('complete'));
      }
      return tx;
    };
  }));
  await b.page.getByTestId('apply-import').click();
  expect(await aborted, 'the browser refused the import\'s transaction').toBe('QuotaExceededError');
  await expect(b.page.getByTestId('import-busy')).toHaveCount(0);
  await expect(b.sync.note).toHaveAttribute('role', 'alert');
  // Chromium refuses at commit; the app reads the transaction's own error to say the disk is full.
  await expect(b.sync.note).toHaveText(QUOTA_VI);
  expect(await dumpDatabase(b.page)).toEqual(before);
  await expect(b.page.getByTestId('undo-import')).toHaveCount(0);
  await expectPreviewOfAll(b, file.counts);

  // Space freed: the same preview applies.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect.poll(() => probeWrite(b.page, 1_000_000), { timeout: 15_000 }).toBe('complete');
  await b.sync.apply();
  await expect(b.sync.note).toHaveText(`Đã nhập: ${total(file.counts).toLocaleString('de-DE')} mới, 0 cập nhật, 0 xung đột, 0 xóa.`);
  await b.register.open();
  await expect(b.register.resultCount).toContainText('tổng số 301');
  await b.context.close();
});

test('an edit saved in another tab after the preview is never written over by the import', async ({ browser }) => {
  const name = 'HTX Xoài Mỹ Xương';
  const employees = (l) => l.page.getByTestId('detail-employees');
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  await a.form.add({ name, employees: '20' });
  await a.sync.open();
  const first = await a.sync.exportFile();
  const b = await laptop(browser, 'Trần Văn Bình');
  await b.sync.open();
  await b.sync.importFiles([first.path]);

  // A changes the workforce and sends the file; B's first tab previews it: one update.
  await a.register.open();
  await a.register.openEnterprise(name);
  await a.page.getByTestId('edit-enterprise').click();
  await a.form.fill({ employees: '30' });
  await a.form.save.click();
  await expect(employees(a)).toHaveText('30');
  await a.sync.open();
  const fromA = await a.sync.exportFile();
  await b.sync.choose([fromA.path]);
  expect(await b.sync.counts('enterprise')).toEqual({ new: 0, updated: 1, conflicts: 0, deleted: 0, unchanged: 0 });

  // Meanwhile, in a second tab of B, the officer changes the same enterprise.
  const tab2 = { page: await b.context.newPage() };
  Object.assign(tab2, { app: new AppShell(tab2.page), form: new EnterpriseForm(tab2.page), register: new EnterpriseRegister(tab2.page) });
  await tab2.app.open('/');
  await tab2.register.open();
  await tab2.register.openEnterprise(name);
  await tab2.page.getByTestId('edit-enterprise').click();
  await tab2.form.fill({ employees: '12' });
  await tab2.form.save.click();
  await expect(employees(tab2)).toHaveText('12');
  const edited = await dumpDatabase(b.page);

  // The first tab applies its preview, made before that edit: it is refused, nothing is
  // written, and the preview is made again: now a conflict.
  await b.page.bringToFront();
  await b.page.getByTestId('apply-import').click();
  await expect(b.sync.note).toHaveText(STALE_VI);
  await expect(b.page.getByTestId('import-busy')).toHaveCount(0);
  expect(await dumpDatabase(b.page)).toEqual(edited);
  await expect(b.sync.preview).toBeVisible();
  expect(await b.sync.counts('enterprise')).toEqual({ new: 0, updated: 0, conflicts: 1, deleted: 0, unchanged: 0 });

  // Applied again: the conflict is kept, tab 2's later edit shown, A's beside it.
  await b.sync.apply();
  await expect(b.sync.note).toHaveText('Đã nhập: 0 mới, 0 cập nhật, 1 xung đột, 0 xóa.');
  await expect(b.page.getByTestId('nav-conflicts')).toHaveText('1');
  await expect(b.sync.conflicts).toHaveCount(1);
  await expect(b.sync.conflicts.getByTestId('conflict-label')).toHaveText(name);
  const workforce = b.sync.conflicts.getByTestId('conflict-field').filter({ hasText: 'Số lao động' });
  await expect(workforce.locator('td')).toHaveText(['12', '30']);
  for (const tab of [b, tab2]) {
    await tab.page.bringToFront();
    await tab.register.open();
    await tab.register.openEnterprise(name);
    await expect(employees(tab)).toHaveText('12');
  }
  await a.context.close();
  await b.context.close();
});

// A packed (gzipped) export is compressed by a worker as the file is made (public/pack-worker.js),
// never on the page, and the worker is ended once it has answered; a browser that refuses the
// worker, or whose file is missing, or a worker that fails while the file is made, packs on the
// page, with no error left on it, and copies no more parts to a worker that has failed. Each file
// reads whole on laptop B. Each page counts the compression streams made on it.
const countPageDeflaters = `
  window.__pageDeflaters = 0;
  const RealDeflater = window.CompressionStream;
  window.CompressionStream = function CompressionStream(format) {
    window.__pageDeflaters += 1;
    return new RealDeflater(format);
  };`;

test('a packed file is compressed by a worker beside the page, or on the page when no worker can be had', async ({ browser }) => {
  const rows = province();
  const counts = Object.fromEntries(KINDS.map((k) => [k, rows[k].length]));
  const valid = `Hợp lệ: ${total(counts).toLocaleString('de-DE')} bản ghi.`;
  const ways = {
    'a worker': '',
    'a browser without workers': 'window.Worker = function Worker() { throw new Error("workers refused"); };',
    'a worker whose file is missing': 'const RealWorker = window.Worker; window.Worker = function Worker(url, options) { return new RealWorker("/no-such-worker.js", options); };',
    // The page's second part reaches the worker after a message it cannot take: it answers with
    // an error while the page is still making the file.
    'a worker that fails part-way': `
      const RealWorker = window.Worker;
      window.Worker = function Worker(url, options) {
        const worker = new RealWorker(url, options);
        if (new URL(url, location.href).pathname === '/pack-worker.js') {
          const post = worker.postMessage.bind(worker);
          let parts = 0;
          worker.postMessage = (message, transfer) => {
            if (message && message.part && ++parts === 2) post({ unexpected: true });
            return post(message, transfer);
          };
        }
        return worker;
      };`,
    // The worker's error answer reaches the page right after the first part, before the second
    // is made: the parts copied to it after that are counted (there should be none).
    'a worker that fails at its first part': `
      window.__partsAfterFailure = 0;
      const RealWorker = window.Worker;
      window.Worker = function Worker(url, options) {
        const worker = new RealWorker(url, options);
        if (new URL(url, location.href).pathname === '/pack-worker.js') {
          const post = worker.postMessage.bind(worker);
          let failed = false;
          worker.postMessage = (message, transfer) => {
            if (message && message.part) {
              if (failed) window.__partsAfterFailure += 1;
              else {
                failed = true;
                queueMicrotask(() => worker.dispatchEvent(new MessageEvent('message', { data: { error: 'a part could not be packed' } })));
              }
            }
            return post(message, transfer);
          };
        }
        return worker;
      };`,
  };
  for (const [how, script] of Object.entries(ways)) {
    const a = await laptop(browser, 'Nguyễn Thị Hạnh', { initScript: { content: `${script}\n${countPageDeflaters}` } });
    const packers = [];
    a.page.on('worker', (w) => { if (new URL(w.url()).pathname === '/pack-worker.js') packers.push(w); });
    // A worker that fails while the file is made must leave no unhandled rejection behind.
    const errors = [];
    a.page.on('pageerror', (e) => errors.push(String(e)));
    await seedRows(a.page, rows);
    await a.app.reload();
    await a.sync.open();
    const file = await a.sync.exportFile({ compress: true });
    expect(file.name, how).toMatch(/\.json\.gz$/);
    if (how === 'a worker') {
      expect(packers, 'packed by one worker').toHaveLength(1);
      expect(await a.page.evaluate(() => window.__pageDeflaters), 'nothing compressed on the page').toBe(0);
      await expect.poll(() => a.page.workers().filter((w) => new URL(w.url()).pathname === '/pack-worker.js').length).toBe(0);
    } else if (how.startsWith('a worker that fails')) {
      // Ended at its failure: one that fails at once may be ended before it ever runs.
      if (how.endsWith('first part')) {
        expect(packers.length, 'at most one worker').toBeLessThanOrEqual(1);
        // The file is made in parts of a mebibyte: it must have a part after the first, or this
        // would prove nothing.
        expect(zlib.gunzipSync(file.bytes).length, 'a file of several parts').toBeGreaterThan(1 << 20);
        expect(await a.page.evaluate(() => window.__partsAfterFailure), 'no part copied to the worker after it failed').toBe(0);
      } else {
        expect(packers, 'one worker, which failed').toHaveLength(1);
      }
      expect(await a.page.evaluate(() => window.__pageDeflaters), 'then compressed on the page').toBeGreaterThan(0);
      await expect.poll(() => a.page.workers().filter((w) => new URL(w.url()).pathname === '/pack-worker.js').length).toBe(0);
    } else {
      expect(await a.page.evaluate(() => window.__pageDeflaters), `${how}: compressed on the page`).toBeGreaterThan(0);
    }
    expect(errors, how).toEqual([]);
    await a.context.close();
    const b = await laptopB(browser);
    await b.sync.choose([file.path]);
    await expect(b.sync.fileStatus(0), how).toHaveText(valid);
    await expectPreviewOfAll(b, counts);
    await b.context.close();
  }
});

// Chromium's SubtleCrypto.digest holds the page for the whole hash (80-90 ms for a province's
// file), so a file over a mebibyte is hashed by a worker (public/hash-worker.js). Its answer must
// be the page's own: the file A's worker hashed on export is found whole by B's worker, with no
// large hash on B's page, and by C and D, whose browsers refuse the worker (its constructor throws;
// its file is missing) and hash on the page; a file changed by one letter is refused by each.
// Each page counts the hashes of a mebibyte or more made on it (workers have their own crypto).
const countLargeDigests = `
  window.__largeDigests = 0;
  const digest = SubtleCrypto.prototype.digest;
  SubtleCrypto.prototype.digest = function (algorithm, data) {
    if ((data?.byteLength ?? 0) >= 1 << 20) window.__largeDigests += 1;
    return digest.call(this, algorithm, data);
  };`;
const HASH_MISMATCH = 'Nội dung tệp không khớp mã kiểm tra: tệp đã bị sửa hoặc hỏng sau khi xuất.';

test('a large file is hashed by a worker off the page, with the same verdict as on the page', async ({ browser }) => {
  const file = await provinceExport(browser);
  const valid = `Hợp lệ: ${total(file.counts).toLocaleString('de-DE')} bản ghi.`;
  const changed = test.info().outputPath('changed-by-one-letter.json');
  const text = fs.readFileSync(file.path, 'utf8');
  expect(text.length, 'the file is large enough for the worker').toBeGreaterThan(1 << 20);
  expect(text).toContain('Công ty');
  fs.writeFileSync(changed, text.replace('Công ty', 'Cộng ty'));

  const b = await laptopB(browser, { initScript: { content: countLargeDigests } });
  const hashers = [];
  b.page.on('worker', (w) => { if (new URL(w.url()).pathname === '/hash-worker.js') hashers.push(w); });
  await b.sync.choose([file.path]);
  await expect(b.sync.fileStatus(0)).toHaveText(valid);
  expect(hashers, 'the file was hashed by one worker').toHaveLength(1);
  // Each worker is ended once it has answered.
  await expect.poll(() => b.page.workers().filter((w) => new URL(w.url()).pathname === '/hash-worker.js').length).toBe(0);
  await b.sync.choose([changed]);
  await expect(b.sync.fileStatus(0)).toHaveText(HASH_MISMATCH);
  // Hashed by a worker twice: a file that fails its checksum is read again in one piece, which
  // names the worst fault it finds.
  expect(hashers, 'that file was hashed by workers too').toHaveLength(3);
  expect(await b.page.evaluate(() => window.__largeDigests), 'no large hash was made on the page').toBe(0);
  await b.context.close();

  const refusals = {
    'a browser without workers': 'window.Worker = function Worker() { throw new Error("workers refused"); };',
    'a worker whose file is missing': 'const Real = window.Worker; window.Worker = function Worker(url, options) { return new Real("/no-such-hash-worker.js", options); };',
  };
  for (const [why, script] of Object.entries(refusals)) {
    const c = await laptop(browser, 'Lê Thị Cúc', { initScript: { content: `${script}\n${countLargeDigests}` } });
    await c.sync.open();
    await c.sync.choose([file.path]);
    await expect(c.sync.fileStatus(0), why).toHaveText(valid);
    await expectPreviewOfAll(c, file.counts);
    expect(await c.page.evaluate(() => window.__largeDigests), `${why}: hashed on the page`).toBeGreaterThan(0);
    await c.sync.choose([changed]);
    await expect(c.sync.fileStatus(0), why).toHaveText(HASH_MISMATCH);
    await c.context.close();
  }
});
