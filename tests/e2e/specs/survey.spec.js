// The officers' field survey, as an officer fills it: two visits, a reload,
// no network, rule errors, completion, and a form updated between visits.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, storedRows, untilControlled } from '../pages/app.js';
import { SurveyForm, SurveyList, newerForm } from '../pages/survey.js';

const shippedSurvey = fs.readFileSync(new URL('../../../data/forms/field_survey.json', import.meta.url), 'utf8');
const SYSTEMS = ['iso_9001', 'iso_14001', 'iso_22000_haccp', 'iso_45001', 'iso_50001', 'iso_56002', 'iso_iec_27001', 'vietgap_globalgap', 'organic'];
const NOTES_LABEL = JSON.parse(shippedSurvey).sections.flatMap((s) => s.questions).find((q) => q.id === 'notes').label.vi;
const RESPONDENT_LABEL = JSON.parse(shippedSurvey).sections.flatMap((s) => s.questions).find((q) => q.id === 'respondent_name').label.vi;
const TOOLS = ['five_s', 'kaizen', 'lean', 'six_sigma', 'tpm', 'kpi_bsc', 'qcc', 'green_productivity'];

test('fill half, reload, finish offline through the rule errors, complete, and see it on the enterprise page', async ({ context, page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Thủy sản Sa Đéc', taxCode: '1400100593', unit: 'tp-sa-dec' });
  await expect(page.getByTestId('no-enterprise-surveys')).toBeVisible();

  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await expect(survey.status).toHaveText('Bản nháp');
  await expect(survey.title).toContainText('phiên bản 1');

  // First visit: half the survey.
  await survey.type('respondent_name', 'Nguyễn Thị Hồng <b>Hạnh</b>');
  await survey.type('respondent_phone', '0912 345');
  await expect(survey.issue('respondent_phone')).toContainText('0');
  await survey.type('respondent_phone', '0277.3851.234'); // a landline, typed with dots
  await expect(survey.issue('respondent_phone')).toHaveCount(0);
  await survey.storedPayload((p) => p.answers.respondent_phone === '02773851234');
  await survey.type('respondent_phone', '0912345678');
  await expect(survey.issue('respondent_phone')).toHaveCount(0);
  await survey.type('survey_date', '2026-11-20');
  await survey.choose('visit_number', 'first');
  await survey.type('main_products', 'Cá tra phi lê đông lạnh');
  await survey.choose('markets', 'in_province');
  await survey.choose('markets', 'export');
  await expect(survey.question('export_share')).toBeVisible();
  await survey.type('export_share', '35,5');
  await expect(page.getByTestId('section-progress-profile')).toHaveText(/^[0-9]+ \/ [0-9]+$/);
  await survey.section('management_systems_section');
  await survey.matrix('management_systems', SYSTEMS.slice(0, 4), 'not_applied');
  await survey.page.getByTestId('opt-management_systems.iso_9001-certified').check();
  await survey.storedPayload((p) => p.answers.management_systems && p.answers.management_systems.iso_9001 === 'certified' && p.answers.export_share === '35.5');

  // The draft survives a reload.
  await app.reload();
  await expect(survey.editor).toBeVisible();
  await expect(survey.input('respondent_name')).toHaveValue('Nguyễn Thị Hồng <b>Hạnh</b>');
  await expect(survey.input('export_share')).toHaveValue('35,5');
  await expect(survey.option('visit_number', 'first')).toBeChecked();
  await expect(page.locator('b')).toHaveCount(0);
  await survey.section('management_systems_section');
  await expect(page.getByTestId('opt-management_systems.iso_9001-certified')).toBeChecked();

  // Second visit, no network: the app and the draft still open.
  await context.setOffline(true);
  await app.reload();
  await expect(survey.input('respondent_name')).toHaveValue('Nguyễn Thị Hồng <b>Hạnh</b>');

  // Completing too early lands on the first unanswered required question.
  await survey.markComplete();
  await expect(page.getByTestId('flash')).toContainText('Chưa thể hoàn thành');
  await expect(page.getByTestId('section-management_systems_section')).toBeVisible();
  await expect(survey.issue('management_systems')).toContainText('dòng chưa trả lời');
  await expect(survey.status).toHaveText('Bản nháp');

  await survey.matrix('management_systems', SYSTEMS.slice(4), 'planning');
  await expect(survey.issue('management_systems')).toHaveCount(0);
  await expect(survey.computed('systems_certified_count')).toHaveText('1');
  await page.getByTestId('next-section').click();
  await survey.matrix('improvement_tools', TOOLS, '2');
  await survey.section('standards_ip');
  await survey.choose('traceability', 'yes');
  await survey.choose('traceability_methods', 'qr_stamps');
  await survey.section('digital');
  await survey.choose('digital_tools', 'accounting_software');
  await survey.choose('digital_tools', 'e_invoicing');
  await survey.choose('smart_readiness', '1');

  // Productivity: value added above revenue is refused, with the form's own message.
  await survey.section('productivity');
  await survey.type('fin_year', '2025');
  await survey.type('employees', '120');
  await survey.type('revenue', '85.000');
  await survey.type('value_added', '90.000');
  await expect(survey.issue('value_added')).toHaveText('Giá trị gia tăng không thể lớn hơn doanh thu.');
  // An answer that breaks a rule is still saved with the draft; only completing waits for it.
  await survey.storedPayload((p) => p.answers.value_added === '90000' && p.status === 'draft');
  // Completing now goes to the first problem in form order: the wrong answer comes before the empty one.
  await survey.markComplete();
  await expect(survey.status).toHaveText('Bản nháp');
  await expect(survey.input('value_added')).toBeFocused();
  await expect(survey.issue('value_added')).toBeVisible();
  await survey.type('value_added', '24.000');
  await expect(survey.issue('value_added')).toHaveCount(0);
  // Then to the first required question still empty, further on.
  await survey.markComplete();
  await expect(survey.issue('award_interest')).toHaveText('Câu này bắt buộc trả lời.');
  await expect(page.getByTestId('section-quality_award_section')).toBeVisible();
  await expect(page.locator('[name="r-award_interest"]').first()).toBeFocused();
  await survey.section('productivity');
  await expect(survey.computed('labour_productivity')).toHaveText('200 triệu đồng/người/năm');

  // A certificate, one row of the repeat group.
  await survey.section('certificates_section');
  await page.getByTestId('add-row-certificates').click();
  await survey.choose('certificates[0].cert_standard', 'iso_9001');
  await survey.type('certificates[0].cert_body', 'QUACERT');
  await survey.type('certificates[0].cert_number', 'HT 1234/2.22.13');
  await survey.type('certificates[0].cert_issue_date', '2024-03-01');
  await survey.type('certificates[0].cert_expiry_date', '2023-03-01');
  await expect(survey.issue('certificates[0].cert_expiry_date')).toBeVisible();
  await survey.type('certificates[0].cert_expiry_date', '2027-02-28');
  await expect(survey.issue('certificates[0].cert_expiry_date')).toHaveCount(0);

  await survey.section('quality_award_section');
  await survey.choose('award_interest', 'want_information');

  await survey.markComplete();
  await expect(survey.status).toHaveText('Hoàn thành');
  await expect(page.getByTestId('flash')).toContainText('hoàn thành');
  await expect(page.getByTestId('edit-survey')).toBeVisible();
  await expect(survey.input('fin_year')).toHaveCount(0); // another section is on screen
  const done = await survey.storedPayload((p) => p.status === 'complete');
  expect(done.form_version).toBe(1);
  expect(done.answers.value_added).toBe('24000');

  // Listed as complete on the enterprise page, still offline.
  await page.getByTestId('survey-enterprise').click();
  await expect(page.getByTestId('enterprise-survey-status')).toHaveText('Hoàn thành');
  await expect(page.getByTestId('enterprise-survey-link')).toHaveText('20/11/2026');

  // Reopened and changed: the completed version is kept in the history.
  await page.getByTestId('enterprise-survey-link').click();
  await page.getByTestId('edit-survey').click();
  await survey.section('officer_notes');
  await survey.type('notes', 'Cần hỗ trợ áp dụng 5S tại xưởng chế biến.');
  await survey.storedPayload((p) => p.status === 'draft' && p.answers.notes);
  await survey.markComplete();
  await expect(survey.status).toHaveText('Hoàn thành');
  await page.getByTestId('survey-history').locator('summary').click();
  // Now, the reopened draft with the note, the first completion, and the draft before it.
  const history = page.getByTestId('survey-history-row');
  await expect(history).toHaveCount(4);
  await expect(history.getByTestId('history-status')).toHaveText(['Hoàn thành', 'Bản nháp', 'Hoàn thành', 'Bản nháp']);
  await expect(history.nth(1)).toContainText(NOTES_LABEL);

  const list = new SurveyList(page);
  await list.open();
  await expect(list.rows).toHaveCount(1);
  await page.getByTestId('filter-status').selectOption('draft');
  await expect(page.getByTestId('no-survey-results')).toBeVisible();
  await page.getByTestId('filter-status').selectOption('complete');
  await expect(list.rows).toHaveCount(1);
  await page.getByTestId('filter-from').fill('2026-11-21');
  await expect(page.getByTestId('no-survey-results')).toBeVisible();
  await page.getByTestId('filter-from').fill('2026-11-20');
  await expect(list.rows).toHaveCount(1);
  await context.setOffline(false);
});

test('a draft started on an older form version opens on the newer one, keeping answers that no longer fit', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'HTX Xoài Cao Lãnh', unit: 'tp-cao-lanh' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Trần Văn Bình');
  await survey.type('respondent_position', 'Giám đốc hợp tác xã');
  await survey.choose('markets', 'in_province');
  await survey.choose('markets', 'other_provinces');
  await survey.storedPayload((p) => p.answers.respondent_position && (p.answers.markets || []).length === 2);
  const draftUrl = page.url();

  // The department sends next year's form: one question gone, one choice gone, one question new.
  const v2 = newerForm(shippedSurvey, (def) => {
    const profile = def.sections.find((s) => s.id === 'profile');
    profile.questions = profile.questions.filter((q) => q.id !== 'respondent_position');
    const markets = profile.questions.find((q) => q.id === 'markets');
    markets.choices = markets.choices.filter((c) => c.value !== 'other_provinces');
    profile.questions.push({ id: 'cooperative_members', type: 'integer', label: { vi: 'Số thành viên hợp tác xã', en: 'Cooperative members' }, min: 0 });
  });
  await page.getByTestId('nav-settings').click();
  const broken = newerForm(shippedSurvey, (def) => { def.sections[0].questions[1].relevant = 'respondent_nmae = 1'; });
  await page.getByTestId('install-form').setInputFiles({ name: 'phieu-loi.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.getByTestId('form-invalid')).toContainText("phieu-loi.json: question 'respondent_name': relevant names 'respondent_nmae'");
  const surveyForms = page.getByTestId('form-row').filter({ hasText: 'field-survey' });
  await expect(surveyForms).toHaveCount(1);
  const readiness = page.getByTestId('form-row').filter({ hasText: 'iso9001-readiness' });
  await expect(readiness.getByTestId('form-purpose')).toHaveText('Doanh nghiệp tự đánh giá');
  await expect(surveyForms.getByTestId('form-purpose')).toHaveText('Cán bộ khảo sát doanh nghiệp');
  await page.getByTestId('install-form').setInputFiles({ name: 'phieu-khao-sat-2027.json', mimeType: 'application/json', buffer: Buffer.from(v2) });
  await expect(page.getByTestId('form-installed')).toContainText('phiên bản 2');
  await expect(surveyForms.getByTestId('form-version')).toHaveText(['1', '2']);

  await page.goto(draftUrl);
  await app.waitUntilLoaded();
  await expect(page.getByTestId('form-upgraded')).toContainText('phiên bản 1 sang phiên bản 2');
  await expect(survey.title).toContainText('phiên bản 2');
  await expect(survey.input('respondent_name')).toHaveValue('Trần Văn Bình');
  await expect(survey.option('markets', 'in_province')).toBeChecked();
  await expect(survey.input('cooperative_members')).toBeVisible();
  await expect(page.getByTestId('orphan-respondent_position')).toContainText('Giám đốc hợp tác xã');
  await expect(page.getByTestId('orphan-markets')).toContainText('Các tỉnh, thành phố khác');
  const moved = await survey.storedPayload((p) => p.form_version === 2);
  expect(moved.orphans.map((o) => o.question).sort()).toEqual(['markets', 'respondent_position']);
  expect(moved.answers.respondent_position).toBeUndefined();

  // After a reload the moved draft and its kept answers are still there, and it is not moved twice.
  await app.reload();
  await expect(page.getByTestId('form-upgraded')).toHaveCount(0);
  await expect(page.getByTestId('orphan-respondent_position')).toContainText('Giám đốc hợp tác xã');
  await survey.type('cooperative_members', '42');
  await survey.storedPayload((p) => p.answers.cooperative_members === '42' && p.orphans.length === 2);
});

test('a reload straight after typing loses nothing, and leaving the page writes the draft', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Doanh nghiệp tư nhân Bánh phồng tôm Sa Giang', unit: 'tp-sa-dec' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Lê Thị Thu');
  await survey.input('main_products').pressSequentially('Bánh phồng tôm', { delay: 0 });
  await page.reload(); // no wait: the last keys are still in the autosave's quiet period
  await app.waitUntilLoaded();
  await expect(survey.input('respondent_name')).toHaveValue('Lê Thị Thu');
  await expect(survey.input('main_products')).toHaveValue('Bánh phồng tôm');
  await survey.storedPayload((p) => p.answers.main_products === 'Bánh phồng tôm');

  await survey.type('respondent_position', 'Kế toán trưởng');
  await page.getByTestId('survey-enterprise').click(); // leaves at once
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await page.getByTestId('enterprise-survey-link').click();
  await expect(survey.input('respondent_position')).toHaveValue('Kế toán trưởng');
});

test('two tabs on one draft: different answers are merged, and only an answer both changed is asked about', async ({ context, page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Gạch ngói Lai Vung', unit: 'h-lai-vung' });
  const first = new SurveyForm(page);
  await first.startFromEnterprisePage();
  await first.type('respondent_name', 'Võ Văn Kiệt');
  await first.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt');
  const url = page.url();

  const other = await context.newPage();
  const otherApp = new AppShell(other);
  await other.goto(url);
  await otherApp.waitUntilLoaded();
  const second = new SurveyForm(other);
  await expect(second.input('respondent_name')).toHaveValue('Võ Văn Kiệt');

  // Different questions in each tab: both kept, nothing asked.
  await first.type('main_products', 'Gạch tuynel');
  await first.storedPayload((p) => p.answers.main_products === 'Gạch tuynel');
  await second.type('respondent_position', 'Giám đốc');
  await expect(other.getByTestId('survey-merged')).toBeVisible();
  await expect(other.getByTestId('survey-conflict')).toHaveCount(0);
  await expect(second.input('main_products')).toHaveValue('Gạch tuynel');
  await second.storedPayload((p) => p.answers.main_products === 'Gạch tuynel' && p.answers.respondent_position === 'Giám đốc' && p.answers.respondent_name === 'Võ Văn Kiệt');

  // The same question changed in both: only that one is asked about, and nothing is written until the officer chooses.
  await first.type('respondent_name', 'Võ Văn Kiệt (tab 1)');
  await first.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt (tab 1)');
  await second.type('respondent_name', 'Võ Văn Kiệt (tab 2)');
  await expect(other.getByTestId('survey-conflict')).toBeVisible();
  await expect(other.getByTestId('conflict-questions').locator('li')).toHaveText([RESPONDENT_LABEL]);
  await expect(second.input('main_products')).toBeDisabled();
  await first.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt (tab 1)' && p.answers.respondent_position === 'Giám đốc');

  await other.getByTestId('keep-mine').click();
  await second.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt (tab 2)' && p.answers.main_products === 'Gạch tuynel' && p.answers.respondent_position === 'Giám đốc');
  await expect(other.getByTestId('survey-conflict')).toHaveCount(0);
  // The first tab's version is in the history, not lost.
  await other.getByTestId('survey-history').locator('summary').click();
  await expect(other.getByTestId('survey-history-row')).not.toHaveCount(0);
  const kept = JSON.stringify(await storedRows(other, 'history'));
  expect(kept).toContain('Võ Văn Kiệt (tab 1)');

  // The first tab's next answer merges quietly with the second tab's name.
  await first.type('respondent_phone', '0912345678');
  await first.storedPayload((p) => p.answers.respondent_phone === '0912345678' && p.answers.respondent_name === 'Võ Văn Kiệt (tab 2)');
  await expect(first.input('respondent_name')).toHaveValue('Võ Văn Kiệt (tab 2)');
  // The second tab changes the name again; the first changes it too: asked, and "use the saved
  // answers" takes the second's name while the first's phone stays.
  await second.type('respondent_name', 'Võ Văn Kiệt (tab 2, lần 2)');
  await second.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt (tab 2, lần 2)' && p.answers.respondent_phone === '0912345678');
  await first.type('respondent_name', 'Tên của tab 1');
  await expect(page.getByTestId('survey-conflict')).toBeVisible();
  await page.getByTestId('load-theirs').click();
  await expect(first.input('respondent_name')).toHaveValue('Võ Văn Kiệt (tab 2, lần 2)');
  await expect(first.input('respondent_phone')).toHaveValue(/^0912 ?345 ?678$/);
  await first.storedPayload((p) => p.answers.respondent_name === 'Võ Văn Kiệt (tab 2, lần 2)' && p.answers.respondent_phone === '0912345678');

  // A list open in a third tab follows the saves of the others.
  const listTab = await context.newPage();
  await listTab.goto('/surveys');
  await new AppShell(listTab).waitUntilLoaded();
  const answered = listTab.getByTestId('survey-row').locator('td.num');
  await expect(answered).toHaveText(/^4 \//);
  await first.type('respondent_phone', '');
  await expect(answered).toHaveText(/^3 \//);
});

test('a new survey from the list: pick an enterprise, or add one and go straight to its survey', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Hợp tác xã Hoa kiểng Sa Đéc', unit: 'tp-sa-dec' });
  const list = new SurveyList(page);
  await list.open();
  await expect(page.getByTestId('no-surveys')).toBeVisible();
  await page.getByTestId('new-survey').click();
  await page.getByTestId('picker-search').fill('hoa kieng');
  await page.getByTestId('picker-choose').filter({ hasText: 'Hợp tác xã Hoa kiểng Sa Đéc' }).click();
  const survey = new SurveyForm(page);
  await expect(survey.editor).toBeVisible();
  await expect(page.getByTestId('survey-enterprise')).toHaveText('Hợp tác xã Hoa kiểng Sa Đéc');
  // Stored at the first answer: opened and left, it would not be listed.
  await survey.type('respondent_name', 'Phạm Văn Đồng');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Phạm Văn Đồng');

  await list.open();
  await expect(list.rows).toHaveCount(1);
  await page.getByTestId('new-survey').click();
  await page.getByTestId('picker-add-enterprise').click();
  await new EnterpriseForm(page).fill({ name: 'Cơ sở Bánh pía Tân Huê Viên', unit: 'h-chau-thanh' });
  await page.getByTestId('save-enterprise').click();
  await expect(survey.editor).toBeVisible();
  await expect(page.getByTestId('survey-enterprise')).toHaveText('Cơ sở Bánh pía Tân Huê Viên');
  await survey.type('respondent_name', 'Lưu Thị Huê');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Lưu Thị Huê');
  await list.open();
  await expect(list.rows).toHaveCount(2);
  await page.getByTestId('filter-survey-unit').selectOption('h-chau-thanh');
  await expect(list.rows).toHaveCount(1);
  await expect(page.getByTestId('survey-link')).toHaveText('Cơ sở Bánh pía Tân Huê Viên');
});

test('a new survey\'s address whose id no record can have opens nothing and stores nothing', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'HTX Xoài Mỹ Xương' });
  const enterprise = new URL(page.url()).pathname.split('/').pop();
  // `..%2F..%2Fx` is read back as `../../x`: stored, the survey would have no page, and every
  // file this laptop writes would be refused.
  await page.goto(`/surveys/..%2F..%2Fx?for=${enterprise}`);
  await app.waitUntilLoaded();
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('survey-editor')).toHaveCount(0);
  expect(await storedRows(page, 'survey')).toEqual([]);
});
