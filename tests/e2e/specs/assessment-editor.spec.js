// A self-assessment filled in the field survey's editor: started from the enterprise's
// Self-assessment page, dated today, saved as it is answered, kept across a reload, and
// finished once every requirement is rated.
import { test, expect } from '@playwright/test';
import { AppShell } from '../pages/app.js';
import { AssessmentForm } from '../pages/assessment.js';
import { EnterpriseHome, RoleChoice, browserDate } from '../pages/readiness.js';

const FORM = 'iso9001-readiness';
// Each clause of ISO 9001 and its requirements, as the questionnaire lists them.
const CLAUSES = [
  ['context', 'clause_4', ['c4_1', 'c4_2', 'c4_3', 'c4_4']],
  ['leadership', 'clause_5', ['c5_1', 'c5_2', 'c5_3', 'c5_4']],
  ['planning', 'clause_6', ['c6_1', 'c6_2', 'c6_3']],
  ['support', 'clause_7', ['c7_1', 'c7_2', 'c7_3', 'c7_4', 'c7_5', 'c7_6']],
  ['operation', 'clause_8', ['c8_1', 'c8_2', 'c8_3', 'c8_4', 'c8_5', 'c8_6', 'c8_7']],
  ['evaluation', 'clause_9', ['c9_1', 'c9_2', 'c9_3', 'c9_4']],
  ['improvement', 'clause_10', ['c10_1', 'c10_2']],
];

test('start a self-assessment, answer some statements, reload, finish it', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  // On the enterprise's own device, with its profile filled: the modules it can assess itself on.
  await new RoleChoice(page).choose('enterprise');
  await new EnterpriseHome(page).fillProfile({ name: 'Công ty TNHH Thủy sản Sa Đéc', taxCode: '1400100593' });
  const assessment = new AssessmentForm(page);
  await assessment.startModule(FORM);
  await expect(assessment.status).toHaveText('Bản nháp');
  await expect(assessment.title).toContainText('ISO 9001');
  await expect(assessment.enterprise).toHaveText('Công ty TNHH Thủy sản Sa Đéc');
  await expect(assessment.finishButton).toHaveText('Hoàn thành đánh giá');
  await expect(page.getByTestId('survey-editor')).toHaveCount(0);

  // Dated today, as the device sees it.
  const today = await browserDate(page);
  await expect(assessment.input('assessment_date')).toHaveValue(today.split('-').reverse().join('/')); // shown day first
  const started = await assessment.storedPayload((p) => p.status === 'draft');
  expect(started.form_id).toBe(FORM);
  expect(started.answers.assessment_date).toBe(today);

  // Who the enterprise is, and a few statements of clause 4.
  await assessment.type('enterprise_name', 'Công ty TNHH Thủy sản Sa Đéc');
  await assessment.type('tax_code', '1400100593');
  await assessment.type('respondent_name', 'Lê Thị Thu');
  await assessment.section('context');
  await assessment.page.getByTestId('opt-clause_4.c4_1-compliant').check();
  await assessment.page.getByTestId('opt-clause_4.c4_2-partial').check();
  await expect(page.getByTestId('save-state')).toContainText('Đã lưu');
  const saved = await assessment.storedPayload((p) => p.answers.clause_4 && p.answers.clause_4.c4_2 === 'partial');
  expect(saved.answers.enterprise_name).toBe('Công ty TNHH Thủy sản Sa Đéc');
  expect(saved.readiness).toBe(75);

  // The answers survive a reload.
  await app.reload();
  await expect(assessment.editor).toBeVisible();
  await expect(assessment.input('enterprise_name')).toHaveValue('Công ty TNHH Thủy sản Sa Đéc');
  await expect(assessment.input('tax_code')).toHaveValue('1400100593');
  await expect(assessment.input('assessment_date')).toHaveValue(today.split('-').reverse().join('/'));
  await assessment.section('context');
  await expect(page.getByTestId('opt-clause_4.c4_1-compliant')).toBeChecked();
  await expect(page.getByTestId('opt-clause_4.c4_2-partial')).toBeChecked();

  // Finishing too early lands on the first requirement not rated yet.
  await assessment.finish();
  await expect(app.flash()).toContainText('Chưa thể hoàn thành');
  await expect(assessment.status).toHaveText('Bản nháp');
  await expect(assessment.issue('clause_4')).toContainText('dòng chưa trả lời');

  // Every requirement rated: met, but design (8.3) not applicable.
  for (const [section, clause, rows] of CLAUSES) {
    await assessment.section(section);
    for (const row of rows) {
      const value = row === 'c8_3' ? 'not_applicable' : (row === 'c4_2' ? 'partial' : 'compliant');
      await page.getByTestId(`opt-${clause}.${row}-${value}`).check();
    }
  }
  await assessment.finish();
  await expect(assessment.status).toHaveClass(/badge-done/);
  await expect(assessment.status).not.toHaveText('Bản nháp');
  await expect(app.flash()).toContainText('hoàn thành');
  await expect(page.getByTestId('edit-survey')).toBeVisible();
  const done = await assessment.storedPayload((p) => p.status === 'submitted');
  expect(done.answers.clause_8.c8_3).toBe('not_applicable');
  // 28.5 points over the 29 applicable requirements.
  expect(done.readiness).toBeCloseTo((100 * 28.5) / 29, 6);

  // Still finished after a reload, and read-only until reopened.
  await app.reload();
  await expect(assessment.status).toHaveClass(/badge-done/);
  await expect(assessment.input('enterprise_name')).toBeDisabled();
});
