// A file of everything is made of export packs (src/sync/pack.rs): copies of each kind's records
// a bucket at a time, which every write of a record deletes in its own transaction. The file must
// still hold exactly what the records hold: after an edit, a deletion, another tab's save and an
// import, whatever packs were built before.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { seedRows, storedRows } from '../pages/app.js';
import { openLaptop } from '../pages/sync.js';
import { validateSyncFile, checksumOk } from '../lib/sync-schema.js';

const KINDS = ['enterprise', 'survey', 'assessment', 'activity', 'indicator_target'];
const province300 = () => Object.fromEntries(['enterprise', 'survey', 'assessment', 'activity'].map((k) => [k, JSON.parse(fs.readFileSync(new URL(`../../../target/synth/province-300/${k}.json`, import.meta.url), 'utf8'))]));

const marks = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
const packKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('nscl-tracker');
  open.onsuccess = () => {
    const req = open.result.transaction('export_pack').objectStore('export_pack').getAllKeys();
    req.onsuccess = () => { open.result.close(); resolve(req.result); };
    req.onerror = () => reject(req.error);
  };
  open.onerror = () => reject(open.error);
}));

// Fractions to 12 significant digits: the app reads a stored number with serde_json's fast
// parser, which may land one unit in the last place from JavaScript's (the synthetic rows were
// written by JavaScript), in a file made either way.
const rounded = (value) => JSON.parse(JSON.stringify(value), (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v));

// What the file must hold: every stored record of each kind, in the store's order.
async function storedRecords(page) {
  const out = {};
  for (const kind of KINDS) {
    const records = (await storedRows(page, kind)).map((r) => JSON.parse(r.json));
    if (records.length) out[kind] = records;
  }
  return rounded(out);
}

test('a file of everything holds what the records hold after an edit, a deletion, another tab\'s save and an import, building only the packs they dropped', async ({ browser }) => {
  const a = await openLaptop(browser, 'Điều phối tỉnh');
  await seedRows(a.page, province300());
  // Opening the Sync page builds every pack: 32 buckets of each of the five kinds.
  await a.sync.open();
  await expect.poll(() => marks(a.page, 'nscl-packs-refreshed')).toBe(1);
  expect(await packKeys(a.page)).toHaveLength(160);

  // An edit drops its bucket's pack, in the transaction that saves it.
  const [first, second] = (await storedRows(a.page, 'enterprise')).map((r) => JSON.parse(r.json));
  await a.page.goto(`/enterprises/${first.id}/edit`);
  await a.form.fill({ name: 'Công ty Đổi Tên Sau Khi Đóng Gói' });
  await a.form.save.click();
  await expect(a.page.getByTestId('enterprise-detail')).toBeVisible();
  expect(await packKeys(a.page)).toHaveLength(159);
  // A deletion too.
  await a.page.goto(`/enterprises/${second.id}`);
  await a.page.getByTestId('delete-enterprise').click();
  await a.page.getByTestId('confirm-yes').click();
  await expect(a.page.getByTestId('flash')).toContainText('Đã xóa doanh nghiệp');

  // Another tab of the same laptop saves an edit.
  const other = await a.context.newPage();
  const third = (await storedRows(a.page, 'enterprise')).map((r) => JSON.parse(r.json)).find((r) => !r.deleted && r.id !== first.id);
  await other.goto(`/enterprises/${third.id}/edit`);
  await other.getByTestId('field-name').fill('Hợp tác xã Sửa Ở Thẻ Khác');
  await other.getByTestId('save-enterprise').click();
  await expect(other.getByTestId('enterprise-detail')).toBeVisible();
  await other.close();

  // The Sync page builds again the packs dropped (this page's marks count from its last load).
  const [refreshes, built] = [await marks(a.page, 'nscl-packs-refreshed'), await marks(a.page, 'nscl-pack-built')];
  await a.sync.open();
  await expect.poll(() => marks(a.page, 'nscl-packs-refreshed')).toBe(refreshes + 1);
  const rebuilt = await marks(a.page, 'nscl-pack-built') - built;
  const file = await a.sync.exportFile();
  const text = file.bytes.toString('utf8');
  const parsed = JSON.parse(text);
  expect(validateSyncFile(parsed).errors).toEqual([]);
  expect(checksumOk(file.bytes)).toBe(true);
  expect(rounded(parsed.records)).toEqual(await storedRecords(a.page));
  const names = parsed.records.enterprise.map((r) => r.payload.name);
  expect(names).toContain('Công ty Đổi Tên Sau Khi Đóng Gói');
  expect(names).toContain('Hợp tác xã Sửa Ở Thẻ Khác');
  expect(parsed.records.enterprise.find((r) => r.id === second.id).deleted).toBe(true);
  // Only the dropped packs were built again (the edit's, the deletion's, the other tab's: one
  // to three buckets), and the export found every pack kept.
  expect(rebuilt).toBeGreaterThanOrEqual(1);
  expect(rebuilt).toBeLessThanOrEqual(3);
  expect(await marks(a.page, 'nscl-pack-built') - built).toBe(rebuilt);
  expect(await packKeys(a.page)).toHaveLength(160);

  // Another laptop imports the file; its own file of everything is the same records.
  const b = await openLaptop(browser, 'Cán bộ huyện');
  await b.sync.open();
  await b.sync.choose([file.path]);
  await b.sync.apply();
  const again = JSON.parse((await b.sync.exportFile()).bytes.toString('utf8'));
  expect(again.records).toEqual(parsed.records);
  await a.context.close();
  await b.context.close();
});
