// Bad storage conditions never lose data: a full disk, damaged records, a newer
// app's data, and a second tab.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, EnterpriseForm, fillDisk, seedStoredEnterprises, storedRows } from '../pages/app.js';

test('a full disk keeps the form as typed and the stored records intact', async ({ page }) => {
  const app = new AppShell(page);
  const form = new EnterpriseForm(page);
  await app.open('/');
  await form.add({ name: 'Công ty TNHH Hoa kiểng Tân Quy Đông', taxCode: '1400100593' });

  // From now on the browser reports a full quota for records, as Chromium does.
  const disk = await fillDisk(page, 'enterprise');
  await form.startNew();
  await form.fill({ name: 'HTX Xoài Cao Lãnh', employees: '20', notes: 'Ghi chú quan trọng' });
  await form.save.click();
  await expect(page.getByTestId('save-error')).toHaveText(/Bộ nhớ của trình duyệt đã đầy/);
  await expect(form.field('name')).toHaveValue('HTX Xoài Cao Lãnh');
  await expect(form.field('notes')).toHaveValue('Ghi chú quan trọng');
  // A backup can be taken at once, and it holds what is stored.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quota-export').click()]);
  const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(backup.records.enterprise.map((r) => r.payload.name)).toEqual(['Công ty TNHH Hoa kiểng Tân Quy Đông']);
  await expect(form.field('name')).toHaveValue('HTX Xoài Cao Lãnh');

  // Space freed: the same form saves.
  await disk.makeRoom();
  await form.save.click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('HTX Xoài Cao Lãnh');
  await app.reload();
  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(register.rows).toHaveCount(2);
});

test('damaged records are reported and kept; the rest load and stay editable', async ({ page }) => {
  const good = { id: '11111111-1111-4111-8111-111111111111', kind: 'enterprise', created_ms: 1700000000000, updated_ms: 1700000000000, device_id: 'd', payload: { name: 'Công ty Cổ phần Dược Đồng Tháp' } };
  const broken = { id: 'broken', kind: 'enterprise', payload: 'written by a broken build' };
  await seedStoredEnterprises(page, JSON.stringify({ schema: 1, kind: 'enterprise', records: [good, broken] }));
  const app = new AppShell(page);
  await app.open('/enterprises');
  await expect(page.getByTestId('quarantine-warning')).toContainText('1 bản ghi đã lưu bị lỗi');
  const register = new EnterpriseRegister(page);
  await expect(register.rows).toHaveCount(1);

  await new EnterpriseForm(page).add({ name: 'HTX Nông nghiệp Tân Hồng' });
  // Moved into IndexedDB, the damaged one verbatim, and the old copy removed only after that.
  const rows = await storedRows(page);
  expect(rows).toHaveLength(3);
  expect(JSON.parse(rows.find((r) => r.id === 'broken').json)).toEqual(broken);
  expect(await page.evaluate(() => localStorage.getItem('nscl.v1.enterprise'))).toBeNull();
  await app.reload();
  await expect(page.getByTestId('quarantine-warning')).toContainText('1 bản ghi');
});

test('a database from a newer app version is never written', async ({ page }) => {
  await page.goto('/favicon.svg');
  // A later build upgraded the database to version 99 and stored something of its own.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker', 99);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('future', { keyPath: 'id' }).put({ id: 'x', note: 'từ phiên bản sau' });
    };
    open.onsuccess = () => { open.result.close(); resolve(); };
    open.onerror = () => reject(open.error);
  }));
  const app = new AppShell(page);
  await page.goto('/enterprises/new');
  await expect(page.getByTestId('storage-error')).toContainText('phiên bản mới hơn');
  await expect(page.getByTestId('save-enterprise')).toBeDisabled();
  await app.nav('enterprises').click();
  await expect(page.getByTestId('page-title')).toHaveText('Danh bạ doanh nghiệp');
  const after = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('nscl-tracker');
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('future').objectStore('future').get('x');
      req.onsuccess = () => { resolve({ version: db.version, stores: [...db.objectStoreNames], x: req.result }); db.close(); };
    };
  }));
  expect(after).toEqual({ version: 99, stores: ['future'], x: { id: 'x', note: 'từ phiên bản sau' } });
});

test('an open tab steps aside when a newer build upgrades the database, then refuses to write', async ({ page, context }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Gốm Tân Hồng' });

  // A newer build, in another tab, upgrades the database: it must not wait for this tab.
  const newer = await context.newPage();
  await newer.goto('/favicon.svg');
  const upgraded = await newer.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker', 99);
    open.onblocked = () => resolve('blocked');
    open.onupgradeneeded = () => open.result.createObjectStore('future');
    open.onsuccess = () => { open.result.close(); resolve('upgraded'); };
    open.onerror = () => reject(open.error);
  }));
  expect(upgraded).toBe('upgraded');

  // The older tab now says "please update" and writes nothing.
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'Không được ghi' });
  await form.save.click();
  await expect(page.getByTestId('save-error')).toContainText('phiên bản mới hơn');
  await expect(form.field('name')).toHaveValue('Không được ghi');
});

test('a change in one tab shows in the other', async ({ page, context }) => {
  const app = new AppShell(page);
  await app.open('/enterprises');
  const other = await context.newPage();
  await new AppShell(other).open('/enterprises');
  await expect(other.getByTestId('empty-register')).toBeVisible();
  // The officer works in the tab in front; Playwright's clicks in a tab behind wait for frames it never paints.
  const use = async (tab) => tab.bringToFront();

  await use(page);
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Sen Vàng' });
  const otherRegister = new EnterpriseRegister(other);
  await expect(otherRegister.row('Công ty TNHH Sen Vàng')).toBeVisible({ timeout: 1000 });
  // It read that one enterprise, not the whole store again (each full read marks the register loaded).
  const fullReads = () => other.evaluate(() => performance.getEntriesByName('nscl-register-loaded').length);
  expect(await fullReads()).toBe(1);

  // A deletion shows too.
  await new EnterpriseForm(page).add({ name: 'Cơ sở Tạm Thời' });
  await expect(otherRegister.row('Cơ sở Tạm Thời')).toBeVisible({ timeout: 1000 });
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(new AppShell(page).flash()).toContainText('Đã xóa');
  await expect(otherRegister.row('Cơ sở Tạm Thời')).toHaveCount(0, { timeout: 1000 });
  expect(await fullReads()).toBe(1);
  // A change of reference data makes the other tab read everything again; the tab that wrote never
  // reads its own writes back.
  await new AppShell(page).nav('settings').click();
  await page.getByTestId('unit-new-vi').fill('Phường Mỹ Tho');
  await page.getByTestId('unit-new-en').fill('My Tho Ward');
  await page.getByTestId('unit-add').click();
  await expect(page.getByTestId('unit-row')).toHaveCount(13);
  await expect.poll(fullReads, { timeout: 1000 }).toBe(2);
  expect(await page.evaluate(() => performance.getEntriesByName('nscl-register-loaded').length)).toBe(1);

  // An edit open in the second tab keeps what is typed while the first tab saves.
  const otherForm = new EnterpriseForm(other);
  await use(other);
  await otherRegister.openEnterprise('Công ty TNHH Sen Vàng');
  await other.getByTestId('edit-enterprise').click();
  await otherForm.fill({ address: 'Xã Long Thuận' });
  const reloads = () => other.evaluate(() => performance.getEntriesByName('nscl-enterprise-reloaded').length);
  const before = await reloads();
  await use(page);
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Lúa gạo Tam Nông' });
  await use(other);
  // The first tab's save has reached the second one (it read the new enterprise) ...
  await expect.poll(reloads, { timeout: 5000 }).toBeGreaterThan(before);
  // ... and the form there still holds what was typed.
  await expect(otherForm.field('address')).toHaveValue('Xã Long Thuận');
  await otherForm.save.click();
  await expect(other.getByTestId('detail-address')).toHaveText('Xã Long Thuận');

  // The second tab's own new record keeps the first tab's records.
  await otherForm.add({ name: 'HTX Cá tra Hồng Ngự' });
  await use(page);
  await app.reload();
  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(register.rows).toHaveCount(3);
  await expect(register.row('Công ty TNHH Sen Vàng')).toBeVisible();
});

test('the print stylesheet hides navigation and controls', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty Cổ phần Thủy sản Sa Đéc', taxCode: '1400100593' });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('delete-enterprise')).toBeHidden();
  await expect(page.getByTestId('enterprise-name')).toBeVisible();
  await expect(page.getByTestId('detail-tax-code')).toHaveText('1400100593');
});
