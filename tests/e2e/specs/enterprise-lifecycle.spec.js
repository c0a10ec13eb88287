// Editing, deleting with confirmation, duplicate tax codes and hostile text.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseRegister, EnterpriseForm } from '../pages/app.js';

test.beforeEach(async ({ page }) => {
  await new AppShell(page).open('/');
});

test('edit changes the computed size; delete asks first and survives a reload', async ({ page }) => {
  const app = new AppShell(page);
  const register = new EnterpriseRegister(page);
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty TNHH Cơ khí Tháp Mười', taxCode: '1400100593', vsic: 'C', employees: '8', revenue: '2,5' });
  await expect(page.getByTestId('detail-size')).toHaveText('Siêu nhỏ');

  await page.getByTestId('edit-enterprise').click();
  await expect(form.field('employees')).toHaveValue('8');
  await expect(form.field('revenue')).toHaveValue('2,5');
  await form.field('employees').fill('150');
  await expect(page.getByTestId('computed-size')).toContainText('Vừa');
  await form.save.click();
  await expect(page.getByTestId('detail-size')).toHaveText('Vừa');
  await expect(page.getByTestId('detail-tax-code')).toHaveText('1400100593', { message: 'editing keeps the tax code without calling it a duplicate' });

  // Cancel leaves it; Escape too; confirm deletes.
  await page.getByTestId('delete-enterprise').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Xóa “Công ty TNHH Cơ khí Tháp Mười” khỏi danh bạ?');
  await expect(page.getByTestId('confirm-no')).toBeFocused();
  await page.getByTestId('confirm-no').click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('delete-enterprise').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await app.reload();
  await expect(page.getByTestId('enterprise-name')).toHaveText('Công ty TNHH Cơ khí Tháp Mười');

  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa');
  await expect(page.getByTestId('empty-register')).toBeVisible();
  await app.reload();
  await register.open();
  await expect(page.getByTestId('empty-register')).toBeVisible();
  await expect(register.rows).toHaveCount(0);
});

test('a duplicate tax code is refused and links to the enterprise that has it', async ({ page }) => {
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty Cổ phần Xuất nhập khẩu Sa Giang', taxCode: '0100233488' });
  await form.add({ name: 'Chi nhánh Sa Giang tại Cao Lãnh', taxCode: '0100233488-001' });

  await form.startNew();
  await form.fill({ name: 'Sa Giang (nhập trùng)', taxCode: ' 0100233488 ' });
  await form.save.click();
  await expect(form.error('tax-code')).toContainText('Mã số thuế này đã có trong danh bạ');
  await expect(form.field('name')).toHaveValue('Sa Giang (nhập trùng)');
  await page.getByTestId('duplicate-link').click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('Công ty Cổ phần Xuất nhập khẩu Sa Giang');

  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(register.rows).toHaveCount(2);
});

test('names and notes are shown as text, never as markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const hostile = '<img src=x onerror=alert(1)>';
  const form = new EnterpriseForm(page);
  await form.add({ name: hostile, notes: '<script>alert(2)</script> & <b>đậm</b>' });
  await expect(page.getByTestId('enterprise-name')).toHaveText(hostile);
  await expect(page.getByTestId('detail-notes')).toHaveText('<script>alert(2)</script> & <b>đậm</b>');
  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(register.row(hostile)).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('main b')).toHaveCount(0);
  await register.search.fill('img src');
  await expect(register.rows).toHaveCount(1);
  expect(dialogs).toBe(0);
});

test('bad numbers, emails and phones get messages in place and nothing typed is lost', async ({ page }) => {
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'HTX Sen Tháp Mười', employees: '12,5', revenue: 'nhiều', phone: '12', email: 'a@b' });
  await form.save.click();
  await expect(form.error('employees')).toHaveText('Vui lòng nhập số nguyên không âm, ví dụ 25.');
  await expect(form.error('revenue')).toHaveText('Vui lòng nhập một số không âm, ví dụ 2,5.');
  await expect(form.error('phone')).toContainText('Số điện thoại không hợp lệ');
  await expect(form.error('email')).toContainText('email không hợp lệ');
  await expect(form.field('employees')).toBeFocused();
  await expect(form.field('revenue')).toHaveValue('nhiều');

  // Fixing a field clears its message as the officer types.
  await form.field('employees').fill('12');
  await expect(form.error('employees')).toHaveCount(0);
  await form.fill({ revenue: '3,2', phone: '0277 3851 234', email: 'lienhe@sen.vn' });
  await form.save.click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('HTX Sen Tháp Mười');
  await expect(page.getByTestId('detail-revenue')).toHaveText('3,2');
});
