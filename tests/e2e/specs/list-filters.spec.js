// The survey, activity and self-assessment lists filter a synthetic province of 300 enterprises
// (900 surveys, 900 self-assessments, its activities) through indexes worked out once per change
// of the records (issue 16): every count must be what the records themselves say, and a record
// deleted, or added, changes the counts without a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseForm, EnterpriseRegister, holdReadsAfterFirst, seedRows, storedRows } from '../pages/app.js';
import { SurveyForm } from '../pages/survey.js';
import { OfficerAssessments, RoleChoice } from '../pages/readiness.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
const rows = { enterprise: read('enterprise'), survey: read('survey'), assessment: read('assessment'), activity: read('activity') };
const records = (kind) => rows[kind].map((r) => JSON.parse(r.json));
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
const vi = (n) => n.toLocaleString('de-DE');
const unitOf = Object.fromEntries(records('enterprise').map((e) => [e.id, e.payload.admin_unit_id]));
const nameOf = Object.fromEntries(records('enterprise').map((e) => [e.id, e.payload.name]));
const showing = (n) => `Hiển thị 1–${vi(Math.min(n, 50))} trên tổng số ${vi(n)}`;
// An activity's plan item: its own, or its kind's (data/activity_types.json).
const kinds = JSON.parse(fs.readFileSync(new URL('../../../data/activity_types.json', import.meta.url), 'utf8')).types;
const planOf = (a) => a.payload.plan_item || kinds.find((k) => k.id === a.payload.activity_type)?.plan_item || '';
// The value the most records hold.
const mostCommon = (list, key) => {
  const n = new Map();
  for (const x of list) n.set(key(x), (n.get(key(x)) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
};

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new RoleChoice(page).choose('officer');
  await seedRows(page, rows);
  await app.open('/');
});

test('the survey list: officer typed with or without marks, unit and status, counted as the records say; a deletion is counted at once', async ({ page }) => {
  const surveys = records('survey');
  await page.getByTestId('nav-surveys').click();
  const count = page.getByTestId('survey-count');
  await expect(count).toHaveText(showing(surveys.length));

  // The officer's name folded: "Đặng" is found by "dang" and by "Đặng" alike (the filter folds both sides).
  const byOfficer = (typed) => surveys.filter((s) => fold(s.officer).includes(fold(typed)));
  const typed = 'Đặng Y';
  expect(byOfficer(typed).length).toBeGreaterThan(0);
  await page.getByTestId('filter-officer').fill(typed);
  await expect(count).toHaveText(showing(byOfficer(typed).length));
  await page.getByTestId('filter-officer').fill('dang');
  await expect(count).toHaveText(showing(byOfficer('dang').length));
  await page.getByTestId('filter-officer').fill('dang y');
  await expect(count).toHaveText(showing(byOfficer(typed).length));
  await expect(page.getByTestId('survey-row')).toHaveCount(Math.min(byOfficer(typed).length, 50));
  for (const officer of await page.getByTestId('survey-row').locator('td:nth-child(6)').allTextContents()) expect(fold(officer)).toContain('dang y');

  // With a unit and a status: the unit is the surveyed enterprise's.
  const unit = unitOf[byOfficer(typed)[0].payload.enterprise_id];
  await page.getByTestId('filter-survey-unit').selectOption(unit);
  const inUnit = byOfficer(typed).filter((s) => unitOf[s.payload.enterprise_id] === unit);
  await expect(count).toHaveText(showing(inUnit.length));
  await page.getByTestId('filter-survey-unit').selectOption('');
  await page.getByTestId('filter-status').selectOption('complete');
  const complete = byOfficer(typed).filter((s) => s.payload.status === 'complete');
  await expect(count).toHaveText(complete.length ? showing(complete.length) : '');

  // Deleting one of the matches from its editor: the list, filters kept, counts one fewer.
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('survey-link').first().click();
  await page.getByTestId('delete-filled').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('flash')).toContainText('Đã xóa phiếu');
  await page.getByTestId('nav-surveys').click();
  await page.getByTestId('filter-officer').fill('dang y');
  await expect(count).toHaveText(showing(byOfficer(typed).length - 1));
});

test('a filter that brings a new page draws the rows the screen shows by the next frame and the rest just after, in order, and none missing', async ({ page }) => {
  const surveys = records('survey');
  const byOfficer = (typed) => surveys.filter((s) => !s.deleted && fold(s.officer).includes(fold(typed)));
  await page.getByTestId('nav-surveys').click();
  // Every survey read first: a part of them arriving while typing would change the page too.
  await expect(page.getByTestId('survey-count')).toHaveText(showing(surveys.length));
  await expect(page.getByTestId('still-reading')).toHaveCount(0);
  const rows = page.getByTestId('survey-row');
  await expect(rows).toHaveCount(50);
  const drawn = () => page.getByTestId('survey-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const before = await drawn();
  // Typed as a person types: the value set and `input` fired; what is on the page when the next
  // frame is drawn is read in that frame's callback (the list's rest waits for the frame), with
  // how many of its rows begin inside the window.
  const typed = 'dang';
  const matching = byOfficer(typed);
  expect(matching.length).toBeGreaterThan(50);
  const { atFrame, seen } = await page.evaluate(async (text) => {
    const input = document.querySelector('[data-testid="filter-officer"]');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(r));
    const rows = [...document.querySelectorAll('[data-testid="survey-row"]')];
    return {
      atFrame: rows.map((row) => row.querySelector('[data-testid="survey-link"]').getAttribute('href')),
      seen: rows.filter((row) => row.getBoundingClientRect().top < window.innerHeight).length,
    };
  }, typed);
  await expect(page.getByTestId('survey-count')).toHaveText(showing(matching.length));
  await expect(rows).toHaveCount(50);
  const after = await drawn();
  const isNew = (href) => !before.includes(href);
  // The new page is mostly new rows. By the frame, the window showed the page's first rows, in
  // order, none missing, and every row kept was drawn; the other new rows came after it, in place.
  expect(seen).toBeGreaterThan(0);
  expect(atFrame.slice(0, seen)).toEqual(after.slice(0, seen));
  expect(atFrame.length).toBeLessThan(50);
  expect(atFrame).toEqual(after.filter((href) => atFrame.includes(href)));
  expect(after.filter((href) => !isNew(href)).every((href) => atFrame.includes(href))).toBe(true);
  // Every row drawn is a match, each once.
  const ids = new Set(matching.map((s) => `/surveys/${s.id}`));
  expect(after.every((href) => ids.has(href))).toBe(true);
  expect(new Set(after).size).toBe(50);
  for (const officer of await page.getByTestId('survey-row').locator('td:nth-child(6)').allTextContents()) expect(fold(officer)).toContain(typed);

  // A page turned is drawn whole by its frame: the pager is below the rows, where the officer
  // clicked, and a page drawn short would pull them up the list.
  expect(matching.length).toBeGreaterThanOrEqual(100);
  const turned = await page.evaluate(async () => {
    document.querySelector('[data-testid="next-page"]').click();
    await new Promise((r) => requestAnimationFrame(r));
    return [...document.querySelectorAll('[data-testid="survey-link"]')].map((a) => a.getAttribute('href'));
  });
  expect(turned).toHaveLength(50);
  expect(turned.filter((href) => after.includes(href))).toEqual([]);
  await expect(page.getByTestId('survey-count')).toHaveText(`Hiển thị 51–100 trên tổng số ${vi(matching.length)}`);
});

test('the register\'s search and unit filter come back as they were after another page, and after a reload', async ({ page }) => {
  const register = new EnterpriseRegister(page);
  await register.open();
  const live = records('enterprise').filter((e) => !e.deleted);
  const unit = mostCommon(live, (e) => e.payload.admin_unit_id);
  const inUnit = live.filter((e) => e.payload.admin_unit_id === unit);
  expect(inUnit.length).toBeGreaterThan(1);
  await page.getByTestId('filter-unit').selectOption(unit);
  await expect(register.resultCount).toHaveText(showing(inUnit.length));
  // One enterprise's whole name: fewer than the unit holds.
  const name = inUnit[0].payload.name;
  await register.search.fill(name);
  await expect(register.resultCount).not.toHaveText(showing(inUnit.length));
  const count = await register.resultCount.textContent();
  const kept = async () => {
    await expect(register.search).toHaveValue(name);
    await expect(page.getByTestId('filter-unit')).toHaveValue(unit);
    await expect(register.resultCount).toHaveText(count);
    await expect(register.row(name)).toHaveCount(1);
  };
  await new AppShell(page).nav('dashboard').click();
  await expect(page.getByTestId('stat-enterprises')).toBeVisible();
  await register.open();
  await kept();
  await page.reload();
  await kept();
});

test('a search keeps the rows it still shows: the same rows, not drawn again, in their order, and a row\'s link opens its enterprise in the page', async ({ page }) => {
  const live = records('enterprise').filter((e) => !e.deleted).map((e) => e.payload.name);
  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(register.resultCount).toHaveText(showing(live.length));
  await expect(register.rows).toHaveCount(50);
  const before = await register.names();
  // Each row drawn is marked with its name: a row drawn again would come without the mark.
  await register.rows.evaluateAll((rows) => rows.forEach((row) => { row.__drawnAs = row.querySelector('a').textContent; }));
  // Words that some rows of the first page hold and others do not, and that rows of later pages
  // hold too: the search keeps some rows, drops the others and brings new ones.
  const holds = (word) => (name) => fold(name).includes(word);
  const word = ['thuc pham', 'nong san', 'luong thuc', 'thuong mai', 'co khi', 'sen'].find((w) => {
    const onPage = before.filter(holds(w)).length;
    return onPage > 0 && onPage < before.length && live.filter(holds(w)).length > onPage;
  });
  expect(word).toBeDefined();
  await register.search.fill(word);
  // The search looks in addresses and contacts too: the count says how many it found.
  await expect(register.resultCount).not.toHaveText(showing(live.length));
  const found = Number((await register.resultCount.textContent()).match(/tổng số ([\d.]+)/)[1].replace(/\./g, ''));
  expect(found).toBeGreaterThanOrEqual(live.filter(holds(word)).length);
  await expect(register.rows).toHaveCount(Math.min(50, found));
  const after = await register.rows.evaluateAll((rows) => rows.map((row) => ({ name: row.querySelector('a').textContent, mark: row.__drawnAs ?? null })));
  const kept = after.filter((row) => before.includes(row.name));
  // Every row of the first page whose name holds the word still shows (the search also looks in
  // addresses and contacts, so others may too), and some rows are new.
  expect(before.filter(holds(word)).every((name) => kept.some((row) => row.name === name))).toBe(true);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(after.length);
  expect(kept.every((row) => row.mark === row.name)).toBe(true);
  expect(after.filter((row) => !before.includes(row.name)).every((row) => row.mark === null)).toBe(true);
  expect(kept.map((row) => row.name)).toEqual(before.filter((name) => kept.some((row) => row.name === name)));
  // Cleared, the first page comes back as it was.
  await register.search.fill('');
  await expect(register.resultCount).toHaveText(showing(live.length));
  await expect(register.rows).toHaveCount(50);
  expect(await register.names()).toEqual(before);
  // The rows are not Leptos's views, yet their links are the app's: the router opens the
  // enterprise in the same document (a mark on the window survives), no page load.
  await page.evaluate(() => { window.__sameDocument = true; });
  await register.openEnterprise(before[1]);
  await expect(page).toHaveURL(/\/enterprises\/[^/]+$/);
  expect(await page.evaluate(() => window.__sameDocument === true)).toBe(true);
});

test('an edit saved in another tab reaches the survey list\'s filters here, through the survey\'s summary', async ({ page, context }) => {
  const surveys = records('survey');
  expect(surveys.some((s) => (s.payload.answers.survey_date ?? '').startsWith('2020'))).toBe(false);
  await page.getByTestId('nav-surveys').click();
  const count = page.getByTestId('survey-count');
  await expect(count).toHaveText(showing(surveys.length));
  await page.getByTestId('filter-from').fill('01/01/2020');
  await page.getByTestId('filter-to').fill('31/12/2020');
  await expect(page.getByTestId('no-survey-results')).toBeVisible();

  // Another tab moves one visit into 2020.
  const target = surveys[17];
  const other = await context.newPage();
  const survey = new SurveyForm(other);
  await new AppShell(other).open(`/surveys/${target.id}`);
  await survey.type('survey_date', '15/01/2020');
  await survey.storedPayload((p) => p.answers.survey_date === '2020-01-15');
  await other.close();

  await expect(count).toHaveText(showing(1));
  await expect(page.getByTestId('survey-link')).toHaveText(nameOf[target.payload.enterprise_id]);
  // The summary is what the list read: the whole record still holds every answer.
  const stored = (await storedRows(page, 'survey')).find((r) => r.id === target.id);
  expect(Object.keys(JSON.parse(stored.json).payload.answers).length).toBe(Object.keys(target.payload.answers).length);
  const [brief] = (await storedRows(page, 'survey_summary')).filter((r) => r.id === target.id);
  expect(JSON.parse(brief.json).payload.answers.survey_date).toBe('2020-01-15');
});

test('the activity list: words found in titles and enterprises\' names, with kind, plan item, year and unit, counted as the records say; a deletion is counted at once', async ({ page }) => {
  const activities = records('activity').filter((a) => !a.deleted);
  const text = (a) => fold([a.payload.title, a.payload.organiser, a.payload.reference, a.payload.expert?.name ?? '', a.payload.expert?.organisation ?? '',
    ...a.payload.enterprise_ids.map((id) => nameOf[id] ?? '')].join(' '));
  const matching = (words) => activities.filter((a) => fold(words).split(' ').every((w) => text(a).includes(w)));
  await page.getByTestId('nav-activities').click();
  const count = page.getByTestId('activity-count');
  await expect(count).toHaveText(showing(activities.length));
  // A word of an enterprise's name: only the enterprises' names hold "thuy san".
  await page.getByTestId('activity-search').fill('Thủy sản');
  expect(matching('thuy san').length).toBeGreaterThan(0);
  await expect(count).toHaveText(showing(matching('thuy san').length));
  await page.getByTestId('activity-search').fill('lop tap huan');
  await expect(count).toHaveText(showing(matching('lop tap huan').length));
  const year = Math.max(...activities.map((a) => Number(a.payload.start_date.slice(0, 4))));
  await page.getByTestId('filter-activity-year').selectOption(String(year));
  const ofYear = matching('lop tap huan').filter((a) => a.payload.start_date.startsWith(String(year)));
  await expect(count).toHaveText(ofYear.length ? showing(ofYear.length) : '');
  // The words go into the address with the other filters (the list follows each keystroke, the
  // address a filter's change or leaving the box): the same list comes back from it.
  await expect(page).toHaveURL(new RegExp(`[?&]q=lop(\\+|%20)tap(\\+|%20)huan.*year=${year}|year=${year}.*[?&]q=lop(\\+|%20)tap(\\+|%20)huan`));
  await page.reload();
  await expect(page.getByTestId('activity-search')).toHaveValue('lop tap huan');
  await expect(count).toHaveText(ofYear.length ? showing(ofYear.length) : '');
  await page.getByTestId('filter-activity-year').selectOption('');
  await page.getByTestId('activity-search').fill('');
  await expect(count).toHaveText(showing(activities.length));
  await page.getByTestId('activity-search').press('Tab');
  await expect(page).not.toHaveURL(/[?&]q=/);

  // By kind; by plan item (an activity's own, or its kind's), then with a unit too.
  const kind = mostCommon(activities, (a) => a.payload.activity_type);
  const ofKind = activities.filter((a) => a.payload.activity_type === kind);
  expect(ofKind.length).toBeLessThan(activities.length);
  await page.getByTestId('filter-activity-kind').selectOption(kind);
  await expect(count).toHaveText(showing(ofKind.length));
  // The rows the window shows come first, the rest just after: every row of the page before reading them.
  const activityRows = page.getByTestId('activity-row');
  await expect(activityRows).toHaveCount(Math.min(50, ofKind.length));
  const kindLabel = kinds.find((k) => k.id === kind).label.vi;
  for (const shown of await page.getByTestId('activity-row-kind').allTextContents()) expect(shown).toBe(kindLabel);
  await page.getByTestId('filter-activity-kind').selectOption('');
  const plan = mostCommon(activities, planOf);
  const ofPlan = activities.filter((a) => planOf(a) === plan);
  await page.getByTestId('filter-activity-plan').selectOption(plan);
  await expect(count).toHaveText(showing(ofPlan.length));
  const unit = mostCommon(ofPlan.filter((a) => a.payload.admin_unit_id), (a) => a.payload.admin_unit_id);
  const ofPlanInUnit = ofPlan.filter((a) => a.payload.admin_unit_id === unit);
  expect(ofPlanInUnit.length).toBeLessThan(ofPlan.length);
  await page.getByTestId('filter-activity-unit').selectOption(unit);
  await expect(count).toHaveText(showing(ofPlanInUnit.length));
  await expect(activityRows).toHaveCount(Math.min(50, ofPlanInUnit.length));
  const ids = new Set(ofPlanInUnit.map((a) => `/activities/${a.id}`));
  const links = await page.getByTestId('activity-link').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  expect(links.length).toBe(Math.min(50, ofPlanInUnit.length));
  expect(links.every((href) => ids.has(href))).toBe(true);

  // Deleting one of them from its page: back on the list, the same filters count one fewer.
  await page.getByTestId('activity-link').first().click();
  await page.getByTestId('delete-activity').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('activity-list')).toBeVisible();
  await page.getByTestId('filter-activity-plan').selectOption(plan);
  await page.getByTestId('filter-activity-unit').selectOption(unit);
  await expect(count).toHaveText(ofPlanInUnit.length > 1 ? showing(ofPlanInUnit.length - 1) : '');
  await expect(activityRows).toHaveCount(Math.min(50, ofPlanInUnit.length - 1));
  const after = await page.getByTestId('activity-link').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  expect(after).not.toContain(links[0]);
  expect(after.every((href) => ids.has(href))).toBe(true);
});

test('the dashboard\'s counts and the "not exported" count are what the records say, and follow a deletion here and an edit in another tab without a reload', async ({ page, context }) => {
  const live = records('enterprise').filter((e) => !e.deleted);
  const num = (t) => Number(t.replace(/\./g, ''));
  const byUnit = (list) => {
    const n = {};
    for (const e of list) n[e.payload.admin_unit_id ?? ''] = (n[e.payload.admin_unit_id ?? ''] ?? 0) + 1;
    return Object.fromEntries(Object.entries(n).map(([u, c]) => [u, vi(c)]));
  };
  const shownByUnit = () => page.getByTestId('by-unit-row').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.unit, r.querySelector('td').textContent])));
  const shownBySize = () => page.getByTestId('by-size-row').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.size, r.querySelector('td').textContent])));
  const expectCounts = async (list) => {
    await expect(page.getByTestId('stat-enterprises')).toHaveText(vi(list.length));
    await expect(page.getByTestId('stat-with-tax-code')).toHaveText(vi(list.filter((e) => e.payload.tax_code).length));
    await expect.poll(shownByUnit).toEqual(byUnit(list));
    // Every enterprise has one size (or none known), and the SME card is the three small classes.
    await expect.poll(async () => Object.values(await shownBySize()).reduce((n, t) => n + num(t), 0)).toBe(list.length);
    const sizes = await shownBySize();
    await expect(page.getByTestId('stat-sme')).toHaveText(vi(num(sizes.micro) + num(sizes.small) + num(sizes.medium)));
  };
  // Nothing was ever exported: every record is a change still to export.
  const stored = Object.values(rows).reduce((n, list) => n + list.length, 0);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('unexported')).toHaveText(`${vi(stored)} bản ghi chưa từng được xuất ra bản sao lưu.`);
  await page.getByTestId('nav-dashboard').click();
  for (const [id, kind] of [['stat-surveys', 'survey'], ['stat-assessments', 'assessment'], ['stat-activities', 'activity']]) {
    await expect(page.getByTestId(id)).toHaveText(vi(records(kind).filter((r) => !r.deleted).length));
  }
  await expectCounts(live);

  // An enterprise with a tax code deleted here: one fewer in its unit and with a tax code.
  const app = new AppShell(page);
  const gone = live.find((e) => e.payload.tax_code && e.payload.admin_unit_id);
  await app.open(`/enterprises/${gone.id}`);
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa');
  await page.getByTestId('nav-dashboard').click();
  const left = live.filter((e) => e.id !== gone.id);
  await expectCounts(left);

  // Another tab moves an enterprise to another unit: the counts by unit follow here.
  const moved = left.find((e) => e.payload.admin_unit_id && e.payload.admin_unit_id !== gone.payload.admin_unit_id);
  const other = await context.newPage();
  await new AppShell(other).open(`/enterprises/${moved.id}`);
  await other.getByTestId('edit-enterprise').click();
  await new EnterpriseForm(other).fill({ unit: gone.payload.admin_unit_id });
  await other.getByTestId('save-enterprise').click();
  await expect.poll(async () => JSON.parse((await storedRows(other, 'enterprise')).find((r) => r.id === moved.id).json).payload.admin_unit_id).toBe(gone.payload.admin_unit_id);
  await other.close();
  await expectCounts(left.map((e) => (e.id === moved.id ? { ...e, payload: { ...e.payload, admin_unit_id: gone.payload.admin_unit_id } } : e)));
  // The deletion and the edit were changes of records never exported: the count stays, here and
  // once everything is read again (the deleted enterprise is still a change to export).
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('unexported')).toHaveText(`${vi(stored)} bản ghi chưa từng được xuất ra bản sao lưu.`);
  await app.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('unexported')).toHaveText(`${vi(stored)} bản ghi chưa từng được xuất ra bản sao lưu.`);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('stat-enterprises')).toHaveText(vi(left.length));
});

test('the self-assessment list: module, dates, band and unit counted as the records say', async ({ page }) => {
  const assessments = records('assessment');
  const band = (r) => (r == null ? null : r < 40 ? 'not_ready' : r < 70 ? 'preparing' : 'ready');
  const officer = new OfficerAssessments(page);
  await officer.open();
  await officer.showAssessments();
  await expect(officer.count).toHaveText(`${vi(assessments.length)} lượt tự đánh giá`);
  // By module, then within dates (the assessment's own date, typed as the officer reads it: dd/mm/yyyy).
  const module = mostCommon(assessments, (a) => a.payload.form_id);
  const ofModule = assessments.filter((a) => a.payload.form_id === module);
  const modules = await officer.filter('module').locator('option').evaluateAll((all) => all.map((o) => o.value).filter(Boolean));
  const other = modules.find((m) => m !== module);
  expect(modules).toContain(module);
  await officer.filter('module').selectOption(other);
  const ofOther = assessments.filter((a) => a.payload.form_id === other);
  await expect(officer.count).toHaveText(`${vi(ofOther.length)} lượt tự đánh giá`);
  if (!ofOther.length) await expect(page.getByTestId('no-assessment-results')).toBeVisible();
  await officer.filter('module').selectOption(module);
  await expect(officer.count).toHaveText(`${vi(ofModule.length)} lượt tự đánh giá`);
  const dateOf = (a) => {
    const d = (a.payload.answers.assessment_date ?? '').trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : new Date(a.updated.ms).toISOString().slice(0, 10);
  };
  const dates = ofModule.map(dateOf).sort();
  const [from, to] = [dates[Math.floor(dates.length / 4)], dates[Math.floor((dates.length * 3) / 4)]];
  const typed = (iso) => iso.split('-').reverse().join('/');
  await officer.filter('from').fill(typed(from));
  await officer.filter('to').fill(typed(to));
  const within = ofModule.filter((a) => dateOf(a) >= from && dateOf(a) <= to);
  expect(within.length).toBeGreaterThan(0);
  expect(within.length).toBeLessThan(ofModule.length);
  await expect(officer.count).toHaveText(`${vi(within.length)} lượt tự đánh giá`);
  await expect(officer.rows).toHaveCount(Math.min(50, within.length));
  for (const shown of await officer.rows.locator('td:first-child').allTextContents()) {
    const iso = shown.split('/').reverse().join('-');
    expect(iso >= from && iso <= to).toBe(true);
  }
  await officer.filter('from').fill('');
  await officer.filter('to').fill('');
  await officer.filter('module').selectOption('');
  await expect(officer.count).toHaveText(`${vi(assessments.length)} lượt tự đánh giá`);
  const ready = assessments.filter((a) => band(a.payload.readiness) === 'ready');
  await officer.filter('band').selectOption('ready');
  await expect(officer.count).toHaveText(`${vi(ready.length)} lượt tự đánh giá`);
  await expect(officer.rows).toHaveCount(Math.min(ready.length, 50));
  // Each row as its record says: the enterprise's name and band, and its own page's link.
  const readyIds = new Set(ready.map((a) => a.id));
  const shown = await officer.rows.evaluateAll((rows) => rows.map((row) => ({
    name: row.cells[1].textContent,
    band: row.cells[5].textContent,
    bandClass: row.cells[5].querySelector('span').className,
    open: row.querySelector('[data-testid="assessment-open"]').getAttribute('href'),
  })));
  for (const row of shown) {
    const id = row.open.replace('/self-assessment/', '');
    expect(readyIds.has(id)).toBe(true);
    const record = ready.find((a) => a.id === id);
    expect(row.name).toBe(nameOf[record.payload.enterprise_id]);
    expect([row.band, row.bandClass]).toEqual(['Sẵn sàng áp dụng/chứng nhận', 'band band-ready']);
  }
  // A filter that keeps rows keeps their elements: each row is marked with its link, and after the
  // unit is chosen the rows of that unit are the same elements, in their order; no other row is.
  await officer.rows.evaluateAll((rows) => rows.forEach((row) => { row.__drawnAs = row.querySelector('[data-testid="assessment-open"]').getAttribute('href'); }));
  // The unit of the first row shown: some rows stay, the others leave.
  const unit = unitOf[ready.find((a) => `/self-assessment/${a.id}` === shown[0].open).payload.enterprise_id];
  await officer.filter('unit').selectOption(unit);
  const readyInUnit = ready.filter((a) => unitOf[a.payload.enterprise_id] === unit);
  await expect(officer.count).toHaveText(`${vi(readyInUnit.length)} lượt tự đánh giá`);
  await expect(officer.rows).toHaveCount(Math.min(readyInUnit.length, 50));
  const after = await officer.rows.evaluateAll((rows) => rows.map((row) => ({ open: row.querySelector('[data-testid="assessment-open"]').getAttribute('href'), mark: row.__drawnAs ?? null })));
  const inUnit = (href) => unitOf[ready.find((a) => `/self-assessment/${a.id}` === href).payload.enterprise_id] === unit;
  const keptBefore = shown.map((row) => row.open).filter(inUnit);
  expect(keptBefore.length).toBeGreaterThan(0);
  expect(keptBefore.length).toBeLessThan(shown.length);
  expect(after.filter((row) => row.mark !== null).map((row) => row.open)).toEqual(keptBefore);
  expect(after.every((row) => row.mark === null || row.mark === row.open)).toBe(true);
  // The rows are not Leptos's views, yet their links are the app's: the self-assessment opens in
  // the same document (a mark on the window survives).
  await page.evaluate(() => { window.__sameDocument = true; });
  await officer.rows.first().getByTestId('assessment-open').click();
  await expect(page).toHaveURL(new RegExp(`${after[0].open}$`));
  expect(await page.evaluate(() => window.__sameDocument === true)).toBe(true);
});

test('a list shows what has been read while the rest is still read, says how much, and one kind never waits for another', async ({ page }) => {
  // After the first step of 200 surveys, the page's next reads of the surveys' summaries (what the
  // list is read from) are held until the test lets them go (their answer is delivered then): the
  // list is caught mid-read, not raced.
  const held = await holdReadsAfterFirst(page, 'survey_summary');
  const total = rows.survey.length;
  await held.arm();
  await new AppShell(page).open('/surveys');
  const note = page.getByTestId('still-reading');
  await expect(note).toHaveText(`Đang đọc dữ liệu trên máy: 200 / ${vi(total)} bản ghi. Danh sách sẽ đầy đủ khi đọc xong.`);
  await expect(page.getByTestId('survey-row')).toHaveCount(50);
  await expect(page.getByTestId('survey-count')).toHaveText(showing(200));
  // The self-assessments are read beside the surveys, not after them: their list is whole already.
  const officer = new OfficerAssessments(page);
  await officer.open();
  await officer.showAssessments();
  await expect(officer.count).toHaveText(`${vi(rows.assessment.length)} lượt tự đánh giá`);
  await expect(note).toHaveCount(0);
  // The dashboard's survey count waits for all of them rather than show a part.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('stat-surveys')).toHaveText('…');
  await held.release();
  await expect(page.getByTestId('stat-surveys')).toHaveText(vi(total));
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('survey-count')).toHaveText(showing(total));
  await expect(note).toHaveCount(0);
});
