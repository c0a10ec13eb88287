// Backups: what is not exported yet, the export file, the reminder, and the
// browser's storage promises.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, EnterpriseRegister, seedRows, seedStoredEnterprises } from '../pages/app.js';

async function exportFile(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^nscl-tinh-\d{8}-\d{4}\.json$/);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('Settings counts unexported changes; an export file carries every record and tombstone', async ({ page }) => {
  const app = new AppShell(page);
  const form = new EnterpriseForm(page);
  await app.open('/');
  await form.add({ name: 'Công ty TNHH Hoa kiểng Sa Đéc', taxCode: '1400100593' });
  await form.add({ name: 'HTX Xoài Mỹ Xương' });

  await app.nav('settings').click();
  await expect(page.getByTestId('unexported')).toHaveText('2 bản ghi chưa từng được xuất ra bản sao lưu.');
  await expect(page.getByTestId('storage-usage')).toContainText('Đang dùng');
  await expect(page.getByTestId('storage-persisted')).toContainText('Trình duyệt');

  const first = await exportFile(page, page.getByTestId('export-backup'));
  expect([first.format, first.version]).toEqual(['nscl-tracker-export', 2]);
  expect(first.records.enterprise.map((r) => r.payload.name).sort()).toEqual(['Công ty TNHH Hoa kiểng Sa Đéc', 'HTX Xoài Mỹ Xương']);
  expect(first.records.enterprise.every((r) => r.v === 2 && r.version && r.updated.ms > 0)).toBe(true);
  expect(first.admin_units.units).toHaveLength(12);
  await expect(app.flash()).toContainText('Đã xuất bản sao lưu');
  await expect(page.getByTestId('unexported')).toHaveText('Mọi thay đổi đã được xuất.');

  // Delete one: the next file carries the tombstone, and the count says one change since the backup.
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.openEnterprise('HTX Xoài Mỹ Xương');
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  // The deletion is stored once the app says so; a reload before that would drop it whole.
  await expect(app.flash()).toContainText('Đã xóa');
  // A deletion is a change the next file carries: counted as the page makes it, and as read again.
  await app.nav('settings').click();
  await expect(page.getByTestId('unexported')).toContainText('1 bản ghi đã thay đổi chưa được xuất kể từ lần sao lưu lúc');
  await app.reload();
  await app.nav('settings').click();
  await expect(page.getByTestId('unexported')).toContainText('1 bản ghi đã thay đổi chưa được xuất kể từ lần sao lưu lúc');
  await register.open();
  await register.openEnterprise('Công ty TNHH Hoa kiểng Sa Đéc');
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ employees: '45' });
  await form.save.click();
  await app.nav('settings').click();
  await expect(page.getByTestId('unexported')).toContainText('2 bản ghi đã thay đổi chưa được xuất kể từ lần sao lưu lúc');
  const second = await exportFile(page, page.getByTestId('export-backup'));
  const tomb = second.records.enterprise.find((r) => r.payload.name === 'HTX Xoài Mỹ Xương');
  expect(tomb.deleted).toBe(true);
  expect(second.records.enterprise.find((r) => r.payload.name === 'Công ty TNHH Hoa kiểng Sa Đéc').payload.employees).toBe(45);
  await expect(page.getByTestId('unexported')).toHaveText('Mọi thay đổi đã được xuất.');
});

test('many unexported changes bring a reminder with an export button', async ({ page }) => {
  const all = JSON.parse(fs.readFileSync(new URL('../../../target/synth/enterprises-5000.json', import.meta.url), 'utf8'));
  await seedStoredEnterprises(page, JSON.stringify({ ...all, records: all.records.slice(0, 25) }));
  const app = new AppShell(page);
  await app.open('/');
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toContainText('Có 25 thay đổi chưa được sao lưu');
  const file = await exportFile(page, page.getByTestId('reminder-export'));
  expect(file.records.enterprise).toHaveLength(25);
  await expect(reminder).toHaveCount(0);
  await app.reload();
  await expect(reminder).toHaveCount(0);
});

test('a backup keeps rows this build cannot read, is compact, and its download link outlives the click', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty Cổ phần Nông sản Tháp Mười' });
  // A damaged survey row and an enterprise row from a newer build, written behind the app's back.
  await seedRows(page, {
    survey: [{ id: 'broken-survey', updated_ms: 1, keys: {}, json: '{"id":"broken-survey","payload":' }],
    enterprise: [{ id: 'from-the-future', updated_ms: 2, keys: {}, json: JSON.stringify({ v: 99, id: 'from-the-future', kind: 'enterprise', payload: { name: 'Tương lai' } }) }],
  });
  await app.reload();
  await expect(page.getByTestId('quarantine-warning')).toBeVisible();
  // Watch when the app lets go of the file's object URL: never in the task of the click.
  await page.evaluate(() => {
    window.__revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => { window.__revoked.push(url); revoke(url); };
    // The app clicks a link it never puts in the page; what it does right after runs before this microtask.
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const href = this.href;
      window.__clicked = href;
      click.call(this);
      queueMicrotask(() => { window.__revokedSameTask = window.__revoked.includes(href); });
    };
  });
  await app.nav('settings').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.includes('\n'), 'compact: no pretty-printing').toBe(false);
  const file = JSON.parse(text);
  expect(file.records.enterprise.map((r) => r.payload.name)).toEqual(['Công ty Cổ phần Nông sản Tháp Mười']);
  const unreadable = Object.fromEntries(file.unreadable.map((u) => [`${u.kind}/${u.id}`, u.json]));
  expect(unreadable['survey/broken-survey']).toBe('{"id":"broken-survey","payload":');
  expect(JSON.parse(unreadable['enterprise/from-the-future']).v).toBe(99);
  expect(await page.evaluate(() => window.__clicked)).toMatch(/^blob:/);
  expect(await page.evaluate(() => window.__revokedSameTask), 'the URL is still valid after the click').toBe(false);
});
