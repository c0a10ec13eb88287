// The foundation scenario: an officer builds the register, searches it,
// gets a clear tax-code error, reloads, and switches to English.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseRegister, EnterpriseForm } from '../pages/app.js';

const SADEC = {
  name: 'Công ty TNHH Hoa kiểng Sa Đéc',
  taxCode: '1400100593',
  address: 'Phường Tân Quy Đông, Sa Đéc',
  unit: 'tp-sa-dec',
  vsic: 'A',
  ownership: 'private',
  employees: '45',
  revenue: '12,5',
  capital: '8',
  products: ['flowers', 'ocop'],
  ocopStars: '4',
};
const XUAT_KHAU = { name: 'Dong Thap Export Joint Stock Company', taxCode: '0100233488', unit: 'tp-cao-lanh', vsic: 'C', employees: '1250', revenue: '2.400', capital: '900' };
const XOAI = { name: 'HTX Xoài Mỹ Xương', unit: 'h-cao-lanh', vsic: 'A', employees: '9', revenue: '2', products: ['mango'] };

test('add three enterprises, search without diacritics, reject a bad tax code, reload, switch to English', async ({ page }) => {
  const app = new AppShell(page);
  const register = new EnterpriseRegister(page);
  const form = new EnterpriseForm(page);
  await app.open('/');
  await expect(app.title).toHaveText('Tổng quan');

  await form.add(SADEC);
  await expect(page.getByTestId('detail-size')).toHaveText('Nhỏ');
  await expect(page.getByTestId('detail-products')).toHaveText('Hoa, cây kiểng, Sản phẩm OCOP (★★★★)');
  await expect(page.getByTestId('detail-revenue')).toHaveText('12,5');
  await form.add(XUAT_KHAU);
  await expect(page.getByTestId('detail-employees')).toHaveText('1.250');
  await expect(page.getByTestId('detail-size')).toHaveText('Lớn');

  // The third has no tax code: a warning, but it saves.
  await form.startNew();
  await form.fill(XOAI);
  await form.field('tax-code').focus();
  await form.field('tax-code').blur();
  await expect(page.getByTestId('field-tax-code-warning')).toContainText('Chưa có mã số thuế');
  await form.save.click();
  await expect(page.getByTestId('enterprise-name')).toHaveText(XOAI.name);
  await expect(page.getByTestId('missing-tax-warning')).toBeVisible();
  await expect(app.flash()).toContainText('Đã lưu');

  await register.open();
  await expect(app.flash(), 'a message belongs to the page it was shown on').toHaveCount(0);
  await expect(register.rows).toHaveCount(3);
  await expect(register.resultCount).toHaveText('Hiển thị 1–3 trên tổng số 3');

  // Typed without diacritics, in lower case.
  await register.search.fill('xoai my xuong');
  await expect(register.rows).toHaveCount(1);
  await expect(register.row(XOAI.name)).toBeVisible();
  await register.search.fill('sa dec');
  await expect(await register.names()).toEqual([SADEC.name]);
  await register.search.fill('1400');
  await expect(await register.names()).toEqual([SADEC.name]);
  await register.search.fill('dong thap');
  await expect(await register.names()).toEqual([XUAT_KHAU.name]);
  await register.search.fill('');

  // A wrong check digit is refused with a clear message, and what was typed stays.
  await form.startNew();
  await form.fill({ name: 'Cơ sở Sen Tháp Mười', taxCode: '0100233480', address: 'Mỹ Hòa' });
  await form.save.click();
  await expect(form.error('tax-code')).toHaveText(/chữ số kiểm tra.*đối chiếu với giấy chứng nhận đăng ký/);
  await expect(form.error('tax-code')).not.toContainText('8');
  await expect(page.getByTestId('form-error-summary')).toBeVisible();
  await expect(form.field('tax-code')).toBeFocused();
  await expect(form.field('tax-code')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.field('name')).toHaveValue('Cơ sở Sen Tháp Mười');
  await expect(form.field('address')).toHaveValue('Mỹ Hòa');
  // Leave without saving: the register still has three.
  await page.getByTestId('cancel').click();

  await app.reload();
  await register.open();
  await expect(register.rows).toHaveCount(3);
  for (const e of [SADEC, XUAT_KHAU, XOAI]) await expect(register.row(e.name)).toBeVisible();
  // Default sort is Vietnamese alphabetical.
  await expect(await register.names()).toEqual([SADEC.name, XUAT_KHAU.name, XOAI.name]);

  await app.chooseLanguageInSettings('en');
  await expect(app.title).toHaveText('Settings');
  await expect(app.nav('enterprises')).toHaveText('Enterprises');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await register.open();
  await expect(page.getByTestId('page-title')).toHaveText('Enterprise register');
  await expect(page.getByRole('columnheader', { name: 'Tax code' })).toBeVisible();
  await expect(register.resultCount).toHaveText('Showing 1–3 of 3');
  await expect(register.row(XUAT_KHAU.name)).toContainText('1,250');
  await expect(register.row(XUAT_KHAU.name)).toContainText('Large');

  // The choice is remembered across a reload.
  await app.reload();
  await expect(app.nav('dashboard')).toHaveText('Dashboard');
  await register.open();
  await register.openEnterprise(SADEC.name);
  await expect(page.getByTestId('detail-size')).toHaveText('Small');
  await expect(page.getByTestId('detail-revenue')).toHaveText('12.5');
});
