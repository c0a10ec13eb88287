// Numbers that cannot be misread: malformed thousands groups are refused with a message,
// an entry the two conventions read differently is shown back before saving, and a small
// amount keeps its precision. In Vietnamese and in English, where the meaning differs.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseForm, storedRows } from '../pages/app.js';
import { SurveyForm } from '../pages/survey.js';

test('doanh thu có dấu phân cách sai chỗ bị từ chối kèm lời nhắn, không thành một số khác', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'Công ty TNHH Kiểm tra số liệu', unit: 'tp-cao-lanh', vsic: 'C', employees: '8' });
  for (const bad of ['2,5,6', '1.2.3', '1,2.3']) {
    await form.field('revenue').fill(bad);
    await form.field('revenue').blur();
    await expect(form.error('revenue')).toContainText('Dấu phân cách không đúng chỗ');
    // Refused for the size class too.
    await expect(page.getByTestId('computed-size')).toContainText('Cần ngành, số lao động và doanh thu');
  }
  await form.save.click();
  await expect(page.getByTestId('form-error-summary')).toBeVisible();
  expect(await storedRows(page, 'enterprise')).toHaveLength(0);

  // A figure the field refuses as too large does not class the enterprise either.
  await form.field('revenue').fill('2');
  await expect(page.getByTestId('computed-size')).toContainText('Siêu nhỏ');
  await form.field('employees').fill('2000000');
  await expect(page.getByTestId('computed-size')).toContainText('Cần ngành, số lao động và doanh thu');
});

test('một số đọc khác nhau theo hai cách viết được đọc theo ngôn ngữ đang dùng và hiện lại bên cạnh ô', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'HTX Dịch vụ Nông nghiệp Tân Thuận', unit: 'tp-cao-lanh', revenue: '2.500' });
  await expect(page.getByTestId('field-revenue-echo')).toHaveText('= 2.500 tỷ đồng');
  await form.field('revenue').fill('1,250');
  await expect(page.getByTestId('field-revenue-echo')).toHaveText('= 1,25 tỷ đồng');
  await form.field('revenue').fill('1.234,5');
  await expect(page.getByTestId('field-revenue-echo')).toHaveCount(0); // only one reading: nothing to show back
  await form.field('capital').fill('0,0001');
  await form.save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await expect(page.getByTestId('detail-capital')).toHaveText('0,0001');
  await expect(page.getByTestId('detail-revenue')).toHaveText('1.234,5');

  // In English the same keys mean the English numbers.
  await app.chooseLanguageInHeader('en');
  await page.getByTestId('edit-enterprise').click();
  await expect(form.field('capital')).toHaveValue('0.0001');
  await form.field('revenue').fill('2.500');
  await expect(page.getByTestId('field-revenue-echo')).toHaveText('= 2.5 billion VND');
  await form.save.click();
  await expect(page.getByTestId('detail-revenue')).toHaveText('2.5');
  const stored = JSON.parse((await storedRows(page, 'enterprise'))[0].json).payload;
  expect([stored.revenue_bn_vnd, stored.capital_bn_vnd]).toEqual([2.5, 0.0001]);
});

test('trong phiếu khảo sát: số mơ hồ được hiện lại, số sai nhóm bị báo lỗi', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty CP Thực phẩm Sa Giang', unit: 'tp-sa-dec' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.section('productivity');
  await survey.type('revenue', '2.500');
  await expect(page.getByTestId('echo-in-revenue')).toHaveText('= 2.500 triệu đồng');
  await survey.storedPayload((p) => p.answers.revenue === '2500');
  await survey.type('revenue', '2,5,6');
  await expect(page.getByTestId('echo-in-revenue')).toHaveCount(0);
  await survey.storedPayload((p) => p.answers.revenue === '2,5,6'); // kept as typed, not as another number
  await page.getByTestId('first-missing').click();
  await survey.section('productivity');
  await expect(survey.issue('revenue')).toContainText('Hãy nhập một số');
});
