// An import the browser interrupts or refuses loses nothing: a page reloaded or closed in the
// middle of the import's one transaction leaves all of it or none, a full disk writes nothing and
// keeps the preview to retry, and an edit made in another tab after the preview is never written
// over. Laptop A holds the synthetic province (make synth: 300 enterprises, 900 surveys, 900
// self-assessments, 86 activities); laptop B has one enterprise of its own.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, EnterpriseRegister, seedRows, storedRows } from '../pages/app.js';
import { SyncPage, dumpDatabase } from '../pages/sync.js';

const KINDS = ['enterprise', 'survey', 'assessment', 'activity'];
const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const province = () => Object.fromEntries(KINDS.map((k) => [k, JSON.parse(fs.readFileSync(new URL(`${k}.json`, dir), 'utf8'))]));
const QUOTA_VI = 'Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Những gì bạn vừa nhập vẫn còn trên màn hình.';
const STALE_VI = 'Dữ liệu trên máy vừa thay đổi (ở một thẻ khác?). Bản xem trước đã được làm lại: hãy xem lại rồi bấm Nhập.';
const B_OWN = 'Cơ sở Bánh phồng tôm Sa Giang';

// Each test drives two laptops through a province-sized file, some of them several times.
test.describe.configure({ timeout: 180_000 });

// A laptop: its own browser context (its own IndexedDB), with an officer's name set.
async function laptop(browser, officer, { initScript } = {}) {
  const context = await browser.newContext({ ...test.info().project.use, acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.open('/');
  await app.nav('settings').click();
  await page.getByTestId('officer-name').fill(officer);
  return { context, page, app, sync: new SyncPage(page), form: new EnterpriseForm(page), register: new EnterpriseRegister(page) };
}

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
  console.log('TX', await b.page.evaluate(() => { const o = performance.getEntriesByName('nscl-bulk-write-open'); const a = performance.getEntriesByName('nscl-import-applied'); const p = performance.getEntriesByName('nscl-import-apply'); return [p.at(-1).startTime, o.at(-1).startTime, a.at(-1).startTime]; }));
  await expect(b.sync.note).toHaveText(`Đã nhập: ${total(file.counts).toLocaleString('de-DE')} mới, 0 cập nhật, 0 xung đột, 0 xóa.`);
  for (const k of KINDS) expect(await storedRows(b.page, k), `${k} rows after the import`).toHaveLength(file.counts[k] + (k === 'enterprise' ? 1 : 0));
  await b.context.close();
});
