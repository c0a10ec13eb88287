// The survey, activity and self-assessment lists filter a synthetic province of 300 enterprises
// (900 surveys, 900 self-assessments, its activities) through indexes worked out once per change
// of the records (issue 16): every count must be what the records themselves say, and a record
// deleted, or added, changes the counts without a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, holdReadsAfterFirst, seedRows, storedRows } from '../pages/app.js';
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

test('the activity list: words found in titles and enterprises\' names, with kind and year', async ({ page }) => {
  const activities = records('activity');
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
});

test('the self-assessment list: band and unit counted as the records say', async ({ page }) => {
  const assessments = records('assessment');
  const band = (r) => (r == null ? null : r < 40 ? 'not_ready' : r < 70 ? 'preparing' : 'ready');
  const officer = new OfficerAssessments(page);
  await officer.open();
  await officer.showAssessments();
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
