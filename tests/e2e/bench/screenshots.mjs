// Screenshots for README and review, at an officer's 1366×768, from the built bundle.
// Usage: node tests/e2e/bench/screenshots.mjs   (after make build synth-bench)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { seedRows } from '../pages/app.js';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4174;
const server = spawn('node', [`${root}scripts/serve.mjs`, `${root}dist`, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}`;
const out = `${root}docs/screenshots`;
fs.mkdirSync(out, { recursive: true });
const stored = fs.readFileSync(`${root}target/synth/enterprises-5000.json`, 'utf8');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(`${base}/favicon.svg`);
  await page.evaluate((raw) => localStorage.setItem('nscl.v1.enterprise', raw), stored);
  const shot = async (path, name, prepare) => {
    await page.goto(`${base}${path}`);
    await page.getByTestId('app-title').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    if (prepare) await prepare();
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  };
  await shot('/enterprises', 'registry');
  await shot('/enterprises', 'registry-search', async () => {
    await page.getByTestId('enterprise-search').fill('thuy san sa dec');
    await page.getByTestId('filter-size').selectOption('medium');
  });
  await shot('/enterprises/new', 'form-errors', async () => {
    await page.getByTestId('field-name').fill('Cơ sở Sen Tháp Mười');
    await page.getByTestId('field-tax-code').fill('0100233480');
    await page.getByTestId('field-vsic').selectOption('A');
    await page.getByTestId('field-employees').fill('12,5');
    await page.getByTestId('save-enterprise').click();
  });
  await shot('/enterprises', 'detail', async () => {
    await page.getByTestId('enterprise-link').first().click();
    await page.getByTestId('enterprise-detail').waitFor();
  });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${out}/detail-print.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await shot('/settings', 'settings');
  await shot('/enterprises', 'history', async () => {
    await page.getByTestId('enterprise-link').first().click();
    await page.getByTestId('edit-enterprise').click();
    await page.getByTestId('field-employees').fill('77');
    await page.getByTestId('field-notes').fill('Đã khảo sát lần 2 – cần hỗ trợ ISO 9001');
    await page.getByTestId('save-enterprise').click();
    await page.getByTestId('history-entry').nth(1).waitFor();
    await page.getByTestId('history').scrollIntoViewIfNeeded();
  });
  await shot('/settings?lang=en', 'settings-en');
  await shot('/enterprises?lang=en', 'registry-en');
  await page.goto(`${base}/?lang=vi`);

  // 600 synthetic surveys and self-assessments of the same province, and its activities; then a survey filled by hand.
  const province = (kind) => JSON.parse(fs.readFileSync(`${root}target/synth/province-5000/${kind}.json`, 'utf8'));
  const rows = { survey: province('survey').slice(0, 600), assessment: province('assessment').slice(0, 600), activity: province('activity') };
  await seedRows(page, rows);
  await shot('/surveys', 'survey-list', async () => { await page.getByTestId('survey-row').first().waitFor(); });
  await shot('/', 'dashboard');
  // An enterprise with self-assessments and activities: the lower part of its page.
  const assessed = new Set(rows.assessment.map((r) => JSON.parse(r.json).payload.enterprise_id));
  const supported = rows.activity.map((r) => JSON.parse(r.json).payload).flatMap((a) => a.enterprise_ids || []).find((id) => assessed.has(id));
  await shot(`/enterprises/${supported}`, 'detail-programme', async () => {
    await page.getByTestId('enterprise-assessment-row').first().waitFor();
    await page.getByTestId('enterprise-assessments').scrollIntoViewIfNeeded();
  });
  await shot(`/enterprises/${supported}?lang=en`, 'detail-programme-en', async () => {
    await page.getByTestId('enterprise-assessment-row').first().waitFor();
    await page.getByTestId('enterprise-assessments').scrollIntoViewIfNeeded();
  });
  await page.goto(`${base}/?lang=vi`);
  await shot('/enterprises', 'survey-profile', async () => {
    await page.getByTestId('enterprise-link').nth(3).click();
    await page.getByTestId('start-survey').click();
    await page.getByTestId('survey-editor').waitFor();
    await page.locator('[id="in-respondent_name"]').fill('Nguyễn Thị Hồng Hạnh');
    await page.locator('[id="in-respondent_phone"]').fill('091 234');
    await page.locator('[id="in-survey_date"]').fill('2026-11-20');
    await page.getByTestId('opt-markets-export').check();
    await page.locator('[id="in-export_share"]').fill('35,5');
    await page.locator('[id="in-respondent_phone"]').scrollIntoViewIfNeeded();
  });
  const surveyUrl = page.url();
  const inSurvey = async (name, prepare) => shot(new URL(surveyUrl).pathname, name, async () => { await page.getByTestId('survey-editor').waitFor(); await prepare(); });
  await inSurvey('survey-matrix', async () => {
    await page.getByTestId('section-link-management_systems_section').click();
    for (const row of ['iso_9001', 'iso_14001', 'iso_22000_haccp']) await page.getByTestId(`opt-management_systems.${row}-applying`).check();
  });
  await inSurvey('survey-productivity-error', async () => {
    await page.getByTestId('section-link-productivity').click();
    await page.locator('[id="in-employees"]').fill('120');
    await page.locator('[id="in-revenue"]').fill('85.000');
    await page.locator('[id="in-value_added"]').fill('90.000');
    await page.getByTestId('mark-complete').click();
    await page.getByTestId('section-link-productivity').click();
    await page.locator('[id="in-revenue"]').scrollIntoViewIfNeeded();
  });
  await inSurvey('survey-certificates', async () => {
    await page.getByTestId('section-link-certificates_section').click();
    await page.getByTestId('add-row-certificates').click();
    await page.getByTestId('opt-certificates[0].cert_standard-iso_9001').check();
    await page.locator('[id="in-certificates[0].cert_body"]').fill('QUACERT');
  });
  await inSurvey('survey-ranking', async () => {
    await page.getByTestId('section-link-support_needs_section').click();
    for (const need of ['iso_consulting', 'digital_transformation', 'training_nscl']) await page.getByTestId(`rank-support_needs-${need}`).click();
  });
  await shot(`${new URL(surveyUrl).pathname}?lang=en`, 'survey-en', async () => {
    await page.getByTestId('survey-editor').waitFor();
    await page.getByTestId('section-link-improvement_tools_section').click();
  });
  await page.goto(`${base}/?lang=vi`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill();
}
