// Records of the first (localStorage) builds move into IndexedDB on first
// start, in one transaction: a page closed in the middle leaves all or none.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, seedStoredEnterprises, storedRows } from '../pages/app.js';

const all = JSON.parse(fs.readFileSync(new URL('../../../target/synth/enterprises-5000.json', import.meta.url), 'utf8'));
const thousand = JSON.stringify({ ...all, records: all.records.slice(0, 1000) });

test('every record in the old localStorage format ends up in IndexedDB', async ({ page }) => {
  await seedStoredEnterprises(page, thousand);
  const app = new AppShell(page);
  await app.open('/enterprises');
  await expect(new EnterpriseRegister(page).resultCount).toHaveText('Hiển thị 1–50 trên tổng số 1.000');
  const rows = await storedRows(page);
  expect(rows).toHaveLength(1000);
  const ids = new Set(rows.map((r) => r.id));
  expect(all.records.slice(0, 1000).every((r) => ids.has(r.id))).toBe(true);
  const sample = rows.find((r) => r.id === all.records[7].id);
  expect(JSON.parse(sample.json).payload).toEqual(all.records[7].payload);
  expect(sample.keys.admin_unit_id).toBe(all.records[7].payload.admin_unit_id);
  expect(await page.evaluate(() => localStorage.getItem('nscl.v1.enterprise'))).toBeNull();
});

test('closing the page during the 1,000-record move leaves all or none, and the next start finishes', async ({ context }) => {
  const seen = new Set();
  for (const delay of [0, 40, 80, 120, 200, 320]) {
    const setup = await context.newPage();
    await setup.goto('/favicon.svg');
    await setup.evaluate(() => new Promise((resolve) => { localStorage.clear(); const r = indexedDB.deleteDatabase('nscl-tracker'); r.onsuccess = r.onerror = r.onblocked = () => resolve(); }));
    await seedStoredEnterprises(setup, thousand);

    const victim = await context.newPage();
    await victim.goto('/enterprises', { waitUntil: 'commit' });
    await victim.waitForTimeout(delay);
    await victim.close({ runBeforeUnload: false });

    const count = (await storedRows(setup)).length;
    expect([0, 1000], `after closing at ${delay} ms`).toContain(count);
    seen.add(count);
    const legacyLeft = await setup.evaluate(() => localStorage.getItem('nscl.v1.enterprise') !== null);
    if (count === 0) expect(legacyLeft, 'nothing moved: the old copy must still be there').toBe(true);

    await new AppShell(setup).open('/enterprises');
    await expect(new EnterpriseRegister(setup).resultCount).toHaveText('Hiển thị 1–50 trên tổng số 1.000');
    expect(await storedRows(setup)).toHaveLength(1000);
    await setup.close();
  }
  console.log(`rows found after closing mid-move: ${[...seen].join(', ')}`);
});
