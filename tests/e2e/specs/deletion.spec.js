// Deletions an officer can take back: an enterprise with its surveys, a survey on its own,
// the "recently deleted" page that restores them, and a survey opened and left that stores nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, EnterpriseRegister, storedRows } from '../pages/app.js';
import { SurveyForm, SurveyList } from '../pages/survey.js';

const SURVEY_TITLE = JSON.parse(fs.readFileSync(new URL('../../../data/forms/field_survey.json', import.meta.url), 'utf8')).title.vi;
const live = (rows) => rows.filter((r) => !JSON.parse(r.json).deleted);

test('mở phiếu khảo sát rồi rời đi không tạo gì; mở lại khi đã có bản nháp thì mở đúng bản nháp đó', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Thủy sản Vĩnh Hoàn', unit: 'tp-cao-lanh' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await page.getByTestId('survey-enterprise').click();
  await expect(page.getByTestId('no-enterprise-surveys')).toBeVisible();
  const list = new SurveyList(page);
  await list.open();
  await expect(page.getByTestId('no-surveys')).toBeVisible();
  // A reload of the new survey's address before any answer still stores nothing.
  await page.goBack();
  await page.getByTestId('start-survey').click();
  await expect(survey.editor).toBeVisible();
  await app.reload();
  await expect(survey.editor).toBeVisible();
  // Leaving writes whatever is pending: nothing is.
  await page.getByTestId('survey-enterprise').click();
  await expect(page.getByTestId('no-enterprise-surveys')).toBeVisible();
  expect(await storedRows(page, 'survey')).toHaveLength(0);
  await page.goBack();
  await expect(survey.editor).toBeVisible();

  // The first answer stores the draft; "survey this enterprise" then opens that draft again.
  await survey.type('respondent_name', 'Nguyễn Văn Hùng');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Nguyễn Văn Hùng');
  const draftId = survey.surveyId();
  await page.getByTestId('survey-enterprise').click();
  await expect(page.getByTestId('enterprise-survey-row')).toHaveCount(1);
  await page.getByTestId('start-survey').click();
  await expect(survey.editor).toBeVisible();
  expect(survey.surveyId()).toBe(draftId);
  await expect(survey.input('respondent_name')).toHaveValue('Nguyễn Văn Hùng');
  expect(await storedRows(page, 'survey')).toHaveLength(1);
});

test('phiếu đang mở bị xóa ở thẻ khác: nhập tiếp thì được hỏi, giữ phiếu thì phiếu được khôi phục cùng câu trả lời', async ({ context, page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'HTX Rau an toàn Tân Dương', unit: 'h-lai-vung' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Lê Văn Dương');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Lê Văn Dương');
  const id = survey.surveyId();

  const other = await context.newPage();
  await other.goto(`/surveys/${id}`);
  await new AppShell(other).waitUntilLoaded();
  await other.getByTestId('delete-filled').click();
  await other.getByTestId('confirm-yes').click();
  await expect(other.getByTestId('flash')).toContainText('Đã xóa phiếu');

  // Not merged quietly into the deleted record: asked.
  await survey.type('respondent_position', 'Chủ nhiệm');
  await expect(page.getByTestId('survey-deleted-elsewhere')).toBeVisible();
  await expect(page.getByTestId('survey-merged')).toHaveCount(0);
  const tomb = JSON.parse((await storedRows(page, 'survey')).find((r) => r.id === id).json);
  expect([tomb.deleted, tomb.payload.answers.respondent_position]).toEqual([true, undefined]);
  await page.getByTestId('keep-mine').click();
  await survey.storedPayload((p) => p.answers.respondent_position === 'Chủ nhiệm');
  await expect.poll(async () => JSON.parse((await storedRows(page, 'survey')).find((r) => r.id === id).json).deleted).toBe(false);
  await expect(page.getByTestId('survey-deleted-elsewhere')).toHaveCount(0);
});

test('xóa phiếu khảo sát có xác nhận, rồi khôi phục nó từ mục Đã xóa gần đây', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Hợp tác xã Xoài Mỹ Xương', unit: 'h-cao-lanh' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await expect(page.getByTestId('delete-filled')).toBeHidden(); // nothing stored yet, nothing to delete
  await survey.type('respondent_name', 'Trần Thị Mai');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Trần Thị Mai');
  const id = survey.surveyId();

  await page.getByTestId('delete-filled').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Đã xóa gần đây');
  await page.getByTestId('confirm-no').click();
  await expect(survey.editor).toBeVisible();
  await page.getByTestId('delete-filled').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa phiếu');
  await expect(page.getByTestId('no-surveys')).toBeVisible();
  await expect.poll(async () => JSON.parse((await storedRows(page, 'survey')).find((r) => r.id === id).json).deleted).toBe(true);

  await page.goto('/deleted');
  await app.waitUntilLoaded();
  const row = page.getByTestId('deleted-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Phiếu khảo sát');
  await expect(row.getByTestId('deleted-label')).toContainText('Hợp tác xã Xoài Mỹ Xương');
  await row.getByTestId('restore').click();
  await expect(app.flash()).toContainText('Đã khôi phục hồ sơ');
  await expect(page.getByTestId('nothing-deleted')).toBeVisible();

  await app.reload();
  await page.goto(`/surveys/${id}`);
  await app.waitUntilLoaded();
  await expect(survey.input('respondent_name')).toHaveValue('Trần Thị Mai');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Trần Thị Mai');
});

test('xóa doanh nghiệp có phiếu gắn kèm: hộp xác nhận đếm và hỏi giữ hay xóa; khôi phục được cả hai', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  const register = new EnterpriseRegister(page);
  const survey = new SurveyForm(page);

  // One enterprise keeps its survey when deleted; the other takes it along.
  for (const name of ['Công ty CP Dược Đồng Tháp', 'Cơ sở Nem Lai Vung']) {
    await form.add({ name, unit: 'h-lai-vung' });
    await survey.startFromEnterprisePage();
    await survey.type('respondent_name', `Người trả lời ${name}`);
    await survey.storedPayload((p) => p.answers.respondent_name === `Người trả lời ${name}`);
  }

  await register.open();
  await register.openEnterprise('Công ty CP Dược Đồng Tháp');
  await page.getByTestId('delete-enterprise').click();
  await expect(page.getByTestId('linked-counts')).toHaveText('Gắn với doanh nghiệp này: 1 phiếu khảo sát, 0 tự đánh giá, 0 hoạt động.');
  await expect(page.getByTestId('linked-keep')).toBeChecked();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa doanh nghiệp');
  // Kept, and findable in the survey list; the dashboard says it counts one of a deleted enterprise.
  const list = new SurveyList(page);
  await list.open();
  await expect(list.rows).toHaveCount(2);
  await app.nav('dashboard').click();
  await expect(page.getByTestId('stat-surveys')).toHaveText('2');
  await expect(page.getByTestId('stat-unlinked')).toHaveText('trong đó 1 của doanh nghiệp đã xóa hoặc không có trong danh bạ');

  await register.open();
  await register.openEnterprise('Cơ sở Nem Lai Vung');
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('linked-delete').check();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa doanh nghiệp');
  await list.open();
  await expect(list.rows).toHaveCount(1);
  expect(live(await storedRows(page, 'survey'))).toHaveLength(1);
  expect(live(await storedRows(page, 'enterprise'))).toHaveLength(0);

  // Recently deleted: both enterprises and the survey that went with one, newest first.
  await register.open();
  await page.getByTestId('recently-deleted-link').click();
  const rows = page.getByTestId('deleted-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('deleted-label')).toContainText(['Cơ sở Nem Lai Vung (đã xóa)', 'Cơ sở Nem Lai Vung', 'Công ty CP Dược Đồng Tháp']);
  const ofKind = (kind) => rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${kind}$`) }) });
  await expect(ofKind('Phiếu khảo sát').getByTestId('deleted-label')).toHaveText('Cơ sở Nem Lai Vung (đã xóa) · ' + SURVEY_TITLE);
  await ofKind('Doanh nghiệp').filter({ hasText: 'Cơ sở Nem Lai Vung' }).getByTestId('restore').click();
  await expect(rows).toHaveCount(2);
  await ofKind('Phiếu khảo sát').getByTestId('restore').click();
  await expect(rows).toHaveCount(1);

  // Restored as they were, after a reload too.
  await app.reload();
  await register.open();
  await expect(register.rows).toHaveCount(1);
  await register.openEnterprise('Cơ sở Nem Lai Vung');
  await expect(page.getByTestId('enterprise-survey-row')).toHaveCount(1);
  expect(live(await storedRows(page, 'survey'))).toHaveLength(2);
});

test('khôi phục doanh nghiệp bị từ chối khi mã số thuế đã thuộc doanh nghiệp khác', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty TNHH Sa Giang', taxCode: '1400100593', unit: 'tp-sa-dec' });
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa doanh nghiệp');
  await form.add({ name: 'Công ty CP Sa Giang', taxCode: '1400100593', unit: 'tp-sa-dec' });
  await page.goto('/deleted');
  await app.waitUntilLoaded();
  await page.getByTestId('deleted-row').getByTestId('restore').click();
  await expect(app.flash()).toContainText('mã số thuế');
  await expect(page.getByTestId('deleted-row')).toHaveCount(1);
  expect(live(await storedRows(page, 'enterprise'))).toHaveLength(1);
});
