// An officer's first week: the first-run welcome, dates typed day first in an English browser,
// a whole survey printed, the first problem found, phone numbers and rankings as people write
// them, search that respects diacritics, a list that keeps its filters, and the keyboard path.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, EnterpriseRegister, storedRows, untilControlled } from '../pages/app.js';
import { SurveyForm, SurveyList } from '../pages/survey.js';
import { RoleChoice } from '../pages/readiness.js';
import { compact, readPdf } from '../pages/pdf.js';

const form = JSON.parse(fs.readFileSync(new URL('../../../data/forms/field_survey.json', import.meta.url), 'utf8'));

test('lần đầu mở: hỏi tên và đơn vị của cán bộ, gợi ý thêm doanh nghiệp đầu tiên, rồi tên hiện trong danh sách phiếu và lịch sử', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  await page.getByTestId('role-officer').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-start').click();
  await expect(page.getByTestId('welcome-name-error')).toBeVisible(); // the name is needed
  await page.getByTestId('welcome-name').fill('Nguyễn Thị Hạnh');
  await page.getByTestId('welcome-unit').selectOption('h-lai-vung');
  await page.getByTestId('welcome-start').click();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  // The dashboard of an empty device says what to do, not a page of zeros.
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await expect(page.getByTestId('stat-enterprises')).toHaveCount(0);
  await page.getByTestId('add-first-enterprise').click();
  const enterprise = new EnterpriseForm(page);
  await expect(enterprise.field('unit')).toHaveValue('h-lai-vung');
  await enterprise.fill({ name: 'Cơ sở Nem Lai Vung Bà Sáu' });
  await enterprise.save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await expect(page.getByTestId('detail-officer')).toHaveText('Nguyễn Thị Hạnh');

  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Bà Sáu');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Bà Sáu');
  const list = new SurveyList(page);
  await list.open();
  await expect(list.rows).toContainText('Nguyễn Thị Hạnh');
  await page.getByTestId('survey-link').click();
  await page.getByTestId('survey-history').locator('summary').click();
  await expect(page.getByTestId('survey-history')).toContainText('Nguyễn Thị Hạnh');

  await app.reload();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await expect(page.getByTestId('role-choice')).toHaveCount(0);
  await app.nav('dashboard').click();
  await expect(page.getByTestId('stat-enterprises')).toHaveText('1');
});

test.describe('trình duyệt tiếng Anh (en-US)', () => {
  test.use({ locale: 'en-US' });

  test('ngày trong phiếu khảo sát gõ và hiện theo dd/mm/yyyy', async ({ page }) => {
    const app = new AppShell(page);
    await app.open('/');
    await new EnterpriseForm(page).add({ name: 'HTX Sen Tháp Mười', unit: 'h-thap-muoi' });
    const survey = new SurveyForm(page);
    await survey.startFromEnterprisePage();
    const date = survey.input('survey_date');
    await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await date.fill('05/11/2026');
    await survey.storedPayload((p) => p.answers.survey_date === '2026-11-05');
    await app.reload();
    await expect(survey.input('survey_date')).toHaveValue('05/11/2026');
    // Month first, as an en-US browser would write it, is not a day here: refused, kept as typed.
    await survey.input('survey_date').fill('11/24/2026');
    await expect(survey.input('survey_date')).toHaveAttribute('aria-invalid', 'true');
    await survey.storedPayload((p) => p.answers.survey_date === '11/24/2026');
    await page.getByTestId('first-missing').click();
    await expect(survey.issue('survey_date')).toBeVisible();
  });
});

test('in cả phiếu khảo sát ra A4: mọi phần có tiêu đề, không có thanh điều hướng', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Gốm Sa Đéc', unit: 'tp-sa-dec' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Trần Văn Gốm');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Trần Văn Gốm');
  await expect(page.getByTestId('print-survey')).toBeVisible();
  const pdf = readPdf(await page.pdf({ format: 'A4' }));
  const text = compact(pdf.text);
  const shown = form.sections.filter((s) => !s.relevant);
  for (const section of shown) expect(text, section.id).toContain(compact(section.title.vi));
  expect(text).toContain(compact('Trần Văn Gốm'));
  expect(text).not.toContain(compact('Đồng bộ dữ liệu')); // no navigation
  expect(pdf.pages).toBeGreaterThan(1);
  // After printing, the screen is one section again.
  await expect(page.getByTestId('section-profile')).toBeVisible();
  await expect(page.locator('.printed-section')).toHaveCount(0);
});

test('hoàn thành phiếu sớm đưa đến chỗ sai đầu tiên theo thứ tự phiếu, kể cả câu trả lời sai; số điện thoại có dấu cách; xếp hạng có số thứ tự', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty CP Bánh kẹo Phú Thành', unit: 'tp-cao-lanh' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Phạm Thị Thành');
  await survey.type('respondent_phone', '0913 456 78'); // one digit short: wrong, before the first unanswered
  await survey.markComplete();
  await expect(survey.input('respondent_phone')).toBeFocused();
  await survey.type('respondent_phone', '0913 456 789');
  await expect(survey.issue('respondent_phone')).toHaveCount(0);
  await survey.storedPayload((p) => p.answers.respondent_phone === '0913456789');
  await survey.markComplete();
  await expect(survey.input('survey_date')).toBeFocused(); // now the first unanswered required one
  await expect(page.getByTestId('survey-progress')).toHaveText(/^Đã trả lời \d+ \/ \d+ câu hỏi$/);

  await survey.section('support_needs_section');
  await page.getByTestId('rank-support_needs-training_nscl').click();
  await page.getByTestId('rank-support_needs-iso_consulting').click();
  await expect(page.getByTestId('ranked-support_needs').getByTestId('rank-number')).toHaveText(['1.', '2.']);
});

test('tìm kiếm: gõ có dấu thì lọc theo dấu, gõ không dấu thì tìm cả hai; mã số thuế khớp từ đầu', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty TNHH Đồng Tiến', taxCode: '1400100593', unit: 'tp-cao-lanh' });
  await form.add({ name: 'Công ty TNHH Đông Hải', unit: 'tp-cao-lanh' });
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill('Đồng');
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows).toContainText('Đồng Tiến');
  await register.search.fill('Đông');
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows).toContainText('Đông Hải');
  await register.search.fill('dong');
  await expect(register.rows).toHaveCount(2);
  await register.search.fill('140010');
  await expect(register.rows).toHaveCount(1);
  await register.search.fill('0100593');
  await expect(page.getByTestId('no-results')).toBeVisible();
});

test('danh sách giữ ô tìm kiếm và bộ lọc khi mở một doanh nghiệp rồi quay lại, và khi tải lại trang', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'HTX Xoài Cao Lãnh', unit: 'tp-cao-lanh' });
  await form.add({ name: 'HTX Xoài Mỹ Xương', unit: 'h-cao-lanh' });
  await form.add({ name: 'HTX Lúa Tháp Mười', unit: 'h-thap-muoi' });
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill('xoai');
  await page.getByTestId('filter-unit').selectOption('h-cao-lanh');
  await expect(register.rows).toHaveCount(1);
  await register.openEnterprise('HTX Xoài Mỹ Xương');
  await page.getByTestId('back-to-list').click();
  await expect(register.search).toHaveValue('xoai');
  await expect(page.getByTestId('filter-unit')).toHaveValue('h-cao-lanh');
  await expect(register.rows).toHaveCount(1);
  await app.reload();
  await expect(register.search).toHaveValue('xoai');
  await expect(page.getByTestId('filter-unit')).toHaveValue('h-cao-lanh');
  await expect(register.rows).toHaveCount(1);
});

test('bàn phím: sau khi chuyển trang, con trỏ ở tiêu đề của trang; Enter lưu tên đơn vị đang sửa', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await app.nav('enterprises').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main h1')).toHaveText('Danh bạ doanh nghiệp');
  await app.nav('settings').click();
  await expect(page.locator('main h1')).toBeFocused();

  const row = page.getByTestId('unit-row').filter({ hasText: 'Lai Vung' }).first();
  await row.getByTestId('unit-rename').click();
  await page.getByTestId('unit-rename-vi').fill('Huyện Lai Vung (cũ)');
  await page.getByTestId('unit-rename-vi').press('Enter');
  await expect(page.getByTestId('unit-rename-vi')).toHaveCount(0);
  await expect(page.getByTestId('unit-row').filter({ hasText: 'Huyện Lai Vung (cũ)' })).toHaveCount(1);
});
