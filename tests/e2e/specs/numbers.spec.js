// Numbers that cannot be misread: malformed thousands groups are refused with a message,
// an entry the two conventions read differently is shown back before saving, and a small
// amount keeps its precision. In Vietnamese and in English, where the meaning differs.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseForm, storedRows } from '../pages/app.js';
import { SurveyForm } from '../pages/survey.js';
import { TargetSettings } from '../pages/indicators.js';

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

// A language switch with a form open: every figure keeps the number it meant. `2.500` typed or
// shown in Vietnamese (two thousand five hundred) is written `2,500` for English, never left to
// be read as 2.5 on save. The same holds for text put aside and put back after the switch.
test('đổi ngôn ngữ khi biểu mẫu đang mở: số đã nhập và số chưa chạm đến vẫn giữ đúng giá trị', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty CP Xuất nhập khẩu Sa Giang', unit: 'tp-sa-dec', revenue: '2.500' });
  await expect(page.getByTestId('detail-revenue')).toHaveText('2.500');
  await page.getByTestId('edit-enterprise').click();
  await expect(form.field('revenue')).toHaveValue('2.500');
  await form.field('capital').fill('1.250'); // typed in Vietnamese: one thousand two hundred and fifty
  await app.chooseLanguageInHeader('en');
  await expect(form.field('revenue')).toHaveValue('2,500');
  await expect(form.field('capital')).toHaveValue('1,250');
  await form.save.click(); // revenue untouched
  await expect(page.getByTestId('detail-revenue')).toHaveText('2,500');
  const stored = JSON.parse((await storedRows(page, 'enterprise'))[0].json).payload;
  expect([stored.revenue_bn_vnd, stored.capital_bn_vnd]).toEqual([2500, 1250]);

  // A survey answer: what the box shows follows the language, and stays the stored number.
  await app.chooseLanguageInHeader('vi');
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.section('productivity');
  await survey.type('revenue', '2.500');
  await survey.storedPayload((p) => p.answers.revenue === '2500');
  await app.chooseLanguageInHeader('en');
  await expect(survey.input('revenue')).toHaveValue('2,500');
  await expect(page.getByTestId('echo-in-revenue')).toHaveText('= 2,500 million VND');
  await survey.type('revenue', '2,500'); // typed again as the officer now sees it: the same number
  await survey.storedPayload((p) => p.answers.revenue === '2500');
});

test('đổi ngôn ngữ khi đang sửa chỉ tiêu: chỉ tiêu đã gõ không bị đọc thành số khác', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const targets = new TargetSettings(page);
  await targets.open();
  await targets.edit('training_classes', '2021-2025', { value: '1.000' });
  await app.chooseLanguageInHeader('en');
  await expect(page.getByTestId('target-value')).toHaveValue('1,000');
  await targets.save();
  await expect(targets.current('training_classes', '2021-2025')).toHaveText('≥ 1,000');
});

test('chữ đã gõ được giữ lại rồi điền lại sau khi đổi ngôn ngữ vẫn đúng giá trị', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'HTX Nông nghiệp Mỹ Xương', unit: 'tp-sa-dec', revenue: '2.500' });
  await app.nav('settings').click(); // left unsaved: the text is put aside
  const kept = page.getByTestId('crash-rescued');
  await expect(kept).toContainText('Bạn đã rời biểu mẫu khi chưa lưu.');
  await app.chooseLanguageInHeader('en');
  // Listed as English writes it, then put back so.
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('2,500');
  await expect(kept.getByTestId('crash-rescued-fields')).not.toContainText('2.500');
  await kept.getByTestId('rescued-reopen').click();
  await expect(form.field('name')).toHaveValue('HTX Nông nghiệp Mỹ Xương');
  await expect(form.field('revenue')).toHaveValue('2,500');
  await form.save.click();
  await expect(page.getByTestId('detail-revenue')).toHaveText('2,500');
  const stored = JSON.parse((await storedRows(page, 'enterprise'))[0].json).payload;
  expect(stored.revenue_bn_vnd).toBe(2500);
});
