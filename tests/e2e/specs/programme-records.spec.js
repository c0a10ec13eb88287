// Self-assessments and programme activities of a synthetic province
// (make synth: 300 enterprises, 3 surveys and 3 self-assessments each, and
// the activities of 2021-2026): stored beside the register, counted on the
// dashboard, listed on each enterprise's page, kept offline, carried by the
// backup file. A damaged row is kept aside and reported while the rest load.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, seedRows, storedRows, untilControlled } from '../pages/app.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
const KINDS = ['enterprise', 'survey', 'assessment', 'activity'];
const province = () => Object.fromEntries(KINDS.map((k) => [k, read(k)]));
const payloads = (rows) => rows.map((r) => JSON.parse(r.json));
const vi = (n) => n.toLocaleString('de-DE');

// The enterprise with the most self-assessments and activities together, so its page shows both.
function busiest(rows) {
  const assessments = payloads(rows.assessment);
  const activities = payloads(rows.activity);
  const score = (id) => assessments.filter((a) => a.payload.enterprise_id === id).length * activities.filter((a) => a.payload.enterprise_ids?.includes(id)).length;
  const enterprises = payloads(rows.enterprise);
  const e = enterprises.reduce((best, x) => (score(x.id) > score(best.id) ? x : best));
  return {
    enterprise: e,
    assessments: assessments.filter((a) => a.payload.enterprise_id === e.id),
    activities: activities.filter((a) => a.payload.enterprise_ids?.includes(e.id)),
  };
}

test('a province with self-assessments and activities: dashboard, enterprise page, offline, backup file', async ({ page, context }) => {
  const rows = province();
  const target = busiest(rows);
  expect(target.assessments.length).toBe(3);
  expect(target.activities.length).toBeGreaterThan(0);
  // Text from a file is text: an activity title that looks like markup stays text.
  const trap = '<img src=x onerror="window.__pwned = 1">Hỗ trợ áp dụng 5S & Kaizen';
  const i = rows.activity.findIndex((r) => r.id === target.activities[0].id);
  const changed = JSON.parse(rows.activity[i].json);
  changed.payload.title = trap;
  rows.activity[i] = { ...rows.activity[i], json: JSON.stringify(changed) };

  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  await seedRows(page, rows);
  await app.reload();

  const live = (kind) => payloads(rows[kind]).filter((r) => !r.deleted).length;
  await expect(page.getByTestId('stat-enterprises')).toHaveText(vi(live('enterprise')));
  await expect(page.getByTestId('stat-surveys')).toHaveText(vi(live('survey')));
  await expect(page.getByTestId('stat-assessments')).toHaveText(vi(live('assessment')));
  await expect(page.getByTestId('stat-activities')).toHaveText(vi(live('activity')));

  const register = new EnterpriseRegister(page);
  const checkPage = async () => {
    await register.open();
    await register.search.fill(target.enterprise.payload.tax_code || target.enterprise.payload.name);
    await register.openEnterprise(target.enterprise.payload.name);
    const assessmentRows = page.getByTestId('enterprise-assessment-row');
    await expect(assessmentRows).toHaveCount(3);
    // Newest first, each with its readiness score as the app computed it when it was saved.
    const newest = [...target.assessments].sort((a, b) => b.payload.answers.assessment_date.localeCompare(a.payload.answers.assessment_date))[0];
    const [d, m, y] = [newest.payload.answers.assessment_date.slice(8), newest.payload.answers.assessment_date.slice(5, 7), newest.payload.answers.assessment_date.slice(0, 4)];
    await expect(assessmentRows.first()).toContainText(`${d}/${m}/${y}`);
    await expect(assessmentRows.first()).toContainText('Tự đánh giá mức độ sẵn sàng áp dụng ISO 9001:2015');
    const shown = await assessmentRows.first().getByTestId('enterprise-assessment-readiness').textContent();
    expect(shown).toMatch(/^\d{1,3}(,\d)?%$/);
    expect(Math.abs(Number(shown.replace('%', '').replace(',', '.')) - newest.payload.readiness)).toBeLessThanOrEqual(0.05);
    await expect(page.getByTestId('enterprise-activity-row')).toHaveCount(target.activities.length);
    await expect(page.getByTestId('enterprise-activity-title').filter({ hasText: trap })).toHaveCount(1);
    await expect(page.getByTestId('enterprise-activities').locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  };
  await checkPage();

  // The same with the network off, after a reload.
  await context.setOffline(true);
  await app.reload();
  await checkPage();
  await context.setOffline(false);

  // Every kind counts as not backed up yet; the backup carries every kind, tombstones included.
  await app.nav('settings').click();
  const total = KINDS.reduce((n, k) => n + rows[k].length, 0);
  await expect(page.getByTestId('unexported')).toHaveText(`${vi(total)} bản ghi chưa từng được xuất ra bản sao lưu.`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(file.records.enterprise).toHaveLength(rows.enterprise.length);
  expect(file.records.survey).toHaveLength(rows.survey.length);
  expect(file.records.assessment).toHaveLength(rows.assessment.length);
  expect(file.records.activity).toHaveLength(rows.activity.length);
  expect(file.records.activity.find((a) => a.id === changed.id).payload.title).toBe(trap);
  expect(file.records.assessment.find((a) => a.id === target.assessments[0].id)).toEqual(target.assessments[0]);
  await expect(page.getByTestId('unexported')).toHaveText('Mọi thay đổi đã được xuất.');
});

test('a damaged self-assessment is kept aside and reported; every other record loads', async ({ page }) => {
  const rows = province();
  const broken = { id: 'hong-1', updated_ms: 0, keys: {}, json: '{"v": 2, "id": "hong-1", "kind": "assessment", "payload": "không đọc được' };
  rows.assessment = [...rows.assessment.slice(0, 50), broken];
  rows.survey = [];
  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, rows);
  await app.reload();
  await expect(page.getByTestId('quarantine-warning')).toContainText('1 bản ghi đã lưu bị lỗi và không đọc được');
  await expect(page.getByTestId('stat-assessments')).toHaveText('50');
  await expect(page.getByTestId('stat-enterprises')).toHaveText(vi(rows.enterprise.length));
  // Kept as it was, never rewritten.
  const stored = (await storedRows(page, 'assessment')).find((r) => r.id === 'hong-1');
  expect(stored.json).toBe(broken.json);
});
