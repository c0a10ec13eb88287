// Screenshots of an officer's first week (issue 14), at 1366×768 from the built bundle in dist/:
// the first-run welcome, the empty dashboard, the enterprise deletion that asks about its surveys,
// "recently deleted", and the first page of a survey printed on A4 (the PDF and its first page as PNG).
// Usage: node tests/e2e/bench/screenshots-field-week.mjs   (after make build-e2e; needs pdftoppm)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';

const root = new URL('../../../', import.meta.url).pathname;
const port = 4175;
const server = spawn('node', [`${root}scripts/serve.mjs`, `${root}dist`, String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
const out = `${root}docs/screenshots`;
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  // The server is up once it answers.
  for (let i = 0; ; i++) {
    try { await page.goto(`${base}/`); break; } catch (e) { if (i > 50) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
  const ready = async () => {
    await page.getByTestId('app-title').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
  };
  const shot = async (name) => {
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  };
  await ready();
  await page.getByTestId('role-officer').click();
  await page.getByTestId('welcome-name').fill('Nguyễn Thị Hạnh');
  await page.getByTestId('welcome-unit').selectOption('h-lai-vung');
  await shot('first-run-welcome');
  await page.getByTestId('welcome-start').click();
  await page.getByTestId('dashboard-empty').waitFor();
  await shot('first-run-dashboard');

  // Two enterprises, one with a survey; the second is deleted with its survey.
  for (const name of ['Cơ sở Nem Lai Vung Bà Sáu', 'Công ty TNHH Gốm Đỏ Vĩnh Long']) {
    await page.goto(`${base}/enterprises/new`);
    await ready();
    await page.getByTestId('field-name').fill(name);
    await page.getByTestId('save-enterprise').click();
    await page.getByTestId('enterprise-detail').waitFor();
    await page.getByTestId('start-survey').click();
    await page.locator('[id="in-respondent_name"]').fill('Trần Văn Út');
    await page.locator('[id="in-respondent_phone"]').fill('0913 456 789');
    await page.locator('[id="in-survey_date"]').fill('24/11/2026');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
  }
  await page.pdf({ path: `${out}/survey-print.pdf`, format: 'A4' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', `${out}/survey-print.pdf`, `${out}/survey-print`]);
  console.log(`${out}/survey-print.png`);
  await page.getByTestId('survey-enterprise').click();
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('linked-counts').waitFor();
  await shot('delete-enterprise-linked');
  await page.getByTestId('linked-delete').check();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('recently-deleted-link').click();
  await page.getByTestId('deleted-row').nth(1).waitFor();
  await shot('recently-deleted');
} finally {
  await browser.close();
  server.kill();
}
