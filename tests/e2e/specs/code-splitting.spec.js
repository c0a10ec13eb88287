// Pages whose code loads on first use (src/ui/lazy_page.rs): every route opened cold by its
// address, online and then offline from the service worker; a chunk that cannot be fetched
// gives a message on that page only and loses nothing typed.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { blockChunk, AppShell, EnterpriseForm, seedRows, servedCopyOfBuild, untilControlled } from '../pages/app.js';
import { SurveyForm, SurveyList } from '../pages/survey.js';
import { recordActivity } from '../pages/activities.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
// A survey draft, its enterprise and a few others; a self-assessment and an activity.
const survey = read('survey').find((r) => r.keys.status === 'draft');
const assessment = read('assessment')[0];
const enterprise = [survey, assessment].map((r) => read('enterprise').find((e) => e.id === r.keys.enterprise_id))
  .concat(read('enterprise').slice(0, 10))
  .filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i);
const activity = read('activity')[0];
const indicator = JSON.parse(fs.readFileSync(new URL('../../../data/indicators.json', import.meta.url), 'utf8')).indicators[0].id;

// Every route of src/ui/app.rs, with the record it opens and the page group whose chunk has its
// code (the home page is the shell's own; only its indicators wait for a chunk). The list is checked
// against app.rs, so a new route cannot go untested.
const ROUTES = [
  { pattern: '/', path: '/', chunk: 'indicators' },
  { pattern: '/enterprises', path: '/enterprises', chunk: 'register' },
  { pattern: '/enterprises/new', path: '/enterprises/new', chunk: 'register' },
  { pattern: '/enterprises/import', path: '/enterprises/import', chunk: 'register' },
  { pattern: '/enterprises/:id/edit', path: `/enterprises/${enterprise[0].id}/edit`, chunk: 'register' },
  { pattern: '/enterprises/:id', path: `/enterprises/${enterprise[0].id}`, chunk: 'register' },
  { pattern: '/deleted', path: '/deleted', chunk: 'register' },
  { pattern: '/surveys', path: '/surveys', chunk: 'surveys' },
  { pattern: '/surveys/:id', path: `/surveys/${survey.id}`, chunk: 'surveys' },
  { pattern: '/self-assessment', path: '/self-assessment', chunk: 'surveys' },
  { pattern: '/readiness-report/:id', path: `/readiness-report/${assessment.keys.enterprise_id}`, chunk: 'surveys' },
  { pattern: '/profile', path: '/profile', chunk: 'surveys' },
  { pattern: '/self-assessment/:id', path: `/self-assessment/${assessment.id}`, chunk: 'surveys' },
  { pattern: '/activities', path: '/activities', chunk: 'programme' },
  { pattern: '/activities/new', path: '/activities/new', chunk: 'programme' },
  { pattern: '/activities/:id', path: `/activities/${activity.id}`, chunk: 'programme' },
  { pattern: '/report', path: '/report', chunk: 'programme' },
  { pattern: '/indicators/:id', path: `/indicators/${indicator}`, chunk: 'programme' },
  { pattern: '/sync', path: '/sync', chunk: 'admin' },
  { pattern: '/settings', path: '/settings', chunk: 'admin' },
];

test('danh sách trang trong bài kiểm tra khớp với mọi đường dẫn của ứng dụng', () => {
  const app = fs.readFileSync(new URL('../../../src/ui/app.rs', import.meta.url), 'utf8');
  // PAGE_ROUTES's entries: `("/path", view)`, one a line.
  const patterns = [...app.matchAll(/^\s*\("(\/[^"]*)",/gm)].map((m) => m[1]);
  expect(patterns.length).toBeGreaterThan(10);
  expect(ROUTES.map((r) => r.pattern).sort()).toEqual(patterns.sort());
});

// The page groups whose own chunk (split_<group>.wasm) a page has fetched, sorted: `before` those the start's end fetches
// (`split_pages::warm_after_start`, the register's pages), once the start is over; `all` of them.
async function pageGroups(page) {
  return page.evaluate(() => {
    const warm = performance.getEntriesByName('nscl-warm-after-start')[0];
    const groups = (entries) => entries.map((e) => new URL(e.name).pathname.match(/\/split-[^/]+\/split_([a-z_]+)\.wasm$/)).filter(Boolean).map((m) => m[1]).sort();
    const fetched = performance.getEntriesByType('resource');
    return { before: warm ? groups(fetched.filter((e) => e.startTime < warm.startTime)) : null, all: groups(fetched) };
  });
}

// A page has opened: its heading, no "could not load" message, no "not found".
async function expectOpened(page, route) {
  await expect(page.locator('main h1').first(), `${route.path}: a heading`).toBeVisible();
  await expect(page.getByTestId('chunk-failed'), `${route.path}: no load failure`).toHaveCount(0);
  await expect(page.locator('main h1').first(), `${route.path}: not the not-found page`).not.toHaveText('Không tìm thấy trang');
}

test('mọi trang mở thẳng bằng địa chỉ khi có mạng, và khi mất mạng sau một lần ghé', async ({ context, page }) => {
  test.setTimeout(180_000);
  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, { enterprise, survey: [survey], assessment: [assessment], activity: [activity] });
  await untilControlled(page);

  // Cold, online: a new page for each address, as a link from a message or a bookmark opens it.
  // Every page fetches its own group's chunk and no other page group's.
  for (const route of ROUTES) {
    const tab = await context.newPage();
    await new AppShell(tab).open(route.path);
    await expectOpened(tab, route);
    // A fetch is listed once it has finished: the home page's heading can show before its indicators' chunk is in.
    // Every start on this laptop, which holds enterprises, fetches the register's group, which reads them
    // (`split_pages::register_reading`), and every start-up what runs once the register is read (`after_start`:
    // the form definitions' checker, the other kinds' lists' reading).
    const start = [...new Set([route.chunk, 'register', 'after_start'])];
    await expect.poll(async () => (await pageGroups(tab)).before, { message: `${route.path}: the page groups fetched during the start` }).toEqual([...start].sort());
    // No role is chosen on this laptop: with no page open, once the start is over, the officer's welcome form too.
    const after = route.path === '/' ? [...start, 'welcome'] : start;
    await expect.poll(async () => (await pageGroups(tab)).all, { message: `${route.path}: and after it` }).toEqual(after.sort());
    await tab.close();
  }

  // Offline, after that one visit: the service worker has every chunk, and the form definitions.
  await context.setOffline(true);
  for (const route of ROUTES) {
    const tab = await context.newPage();
    await new AppShell(tab).open(route.path);
    await expectOpened(tab, route);
    // A survey opens only once the definitions are in (or shows why not).
    if (route.pattern === '/surveys/:id') await expect(new SurveyForm(tab).editor, 'offline: the survey on its definition').toBeVisible();
    await expect(tab.getByTestId('forms-unavailable'), `${route.path}, offline: the definitions`).toHaveCount(0);
    await tab.close();
  }
  // And moving between pages inside one tab, offline: each page shows its own content.
  await page.goto('/');
  await app.waitUntilLoaded();
  const shown = {
    enterprises: 'result-count', surveys: 'new-survey', 'self-assessment': 'officer-assessments', activities: 'activity-count',
    report: 'report-page', sync: 'export-compress', settings: 'officer-name', dashboard: 'stat-enterprises',
  };
  for (const [nav, testid] of Object.entries(shown)) {
    await app.nav(nav).click();
    await expect(page.getByTestId(testid), `offline, ${nav}`).toBeVisible();
    await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  }
  await context.setOffline(false);
});

test('máy mới: trang chủ chỉ các bước đầu tiên, không tải phần mã chỉ tiêu; có doanh nghiệp thì bảng chỉ tiêu hiện ra', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await expect(page.getByTestId('stat-enterprises')).toHaveCount(0);
  // The start fetches what runs once the register is read, and once it is over the register's pages, the
  // likeliest next step; not the indicators' chunk, and the register's pages (which read the register) only
  // then, with nothing to read (checked once the start is over, here and after a reload).
  const groups = async () => (await pageGroups(page)).all;
  // (and, the role not chosen yet, the welcome form's).
  await expect.poll(groups).toEqual(['after_start', 'register', 'welcome']);
  expect((await pageGroups(page)).before).toEqual(['after_start']);
  expect(await page.evaluate(() => performance.getEntriesByName('nscl-register-counted').length)).toBe(1);
  await app.reload();
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await expect.poll(groups).toEqual(['after_start', 'register', 'welcome']);

  await page.getByTestId('add-first-enterprise').click();
  await new EnterpriseForm(page).fill({ name: 'Cơ sở Bánh phồng Sa Đéc' });
  await new EnterpriseForm(page).save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await app.nav('dashboard').click();
  await expect(page.getByTestId('dashboard-empty')).toHaveCount(0);
  await expect(page.getByTestId('stat-enterprises')).toHaveText('1');
  await expect(page.getByTestId('indicator-progress')).toBeVisible();
  expect(await groups()).toContain('indicators');
});

// The role question is in the first download; an officer's next step, the name and unit form, comes
// from a chunk of its own (`welcome`), fetched once the start is over while the question waits for the click.
test('máy mới: câu hỏi vai trò tải sẵn phần nhập tên cán bộ; không tải được thì báo rõ, ứng dụng vẫn chạy, thử lại thì nhập được', async ({ browser }) => {
  await withContextWithoutServiceWorker(browser, async (context) => {
    const page = await context.newPage();
    const chunk = await blockChunk(page, 'welcome');
    const app = new AppShell(page);
    await app.open('/');
    await expect(page.getByTestId('role-choice')).toBeVisible();
    await expect.poll(chunk.blocked, { message: 'the form is fetched before any click' }).toBeGreaterThan(0);

    await page.getByTestId('role-officer').click();
    const welcome = page.getByTestId('welcome');
    await expect(welcome.getByRole('heading')).toHaveText('Chào mừng! Cho biết bạn là ai');
    await expect(welcome.getByTestId('chunk-failed')).toContainText('Không tải được phần này của trang');
    // The app lives on: the register opens below the welcome.
    await app.nav('enterprises').click();
    await expect(page.getByTestId('result-count')).toBeVisible();

    // The connection back, "Thử lại" brings the form; the name given, the welcome is done for good.
    await chunk.unblock();
    await welcome.getByTestId('chunk-retry').click();
    await page.getByTestId('welcome-name').fill('Nguyễn Thị Hạnh');
    await page.getByTestId('welcome-start').click();
    await expect(welcome).toHaveCount(0);
    await app.reload();
    await expect(page.getByTestId('role-choice')).toHaveCount(0);
    await expect(welcome).toHaveCount(0);
    await app.nav('settings').click();
    await expect(page.getByTestId('officer-name')).toHaveValue('Nguyễn Thị Hạnh');
  });
});

// Opens the app, stores the enterprises and an activity (a store holding none of the lists' kinds
// reads none of them), sets `settings` in localStorage, and loads the page again with reading the
// activities failing (the register reads first, and whole).
async function reloadWithActivitiesUnreadable(page, settings = {}) {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('fail-activity-reads')) return;
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (...args) {
      if (this.name === 'activity') throw new DOMException('test: this read fails', 'UnknownError');
      return getAll.apply(this, args);
    };
  });
  await new AppShell(page).open('/');
  await seedRows(page, { enterprise, activity: [activity] });
  await page.evaluate((settings) => {
    for (const [key, value] of Object.entries(settings)) localStorage.setItem(key, value);
    sessionStorage.setItem('fail-activity-reads', '1');
  }, settings);
  await page.reload();
}

// An officer who put the welcome off meets it at a later start, its form once the start is over:
// or once it has failed, which must not leave the welcome without its form.
test('lời chào đến hạn vẫn có ô nhập tên khi một loại hồ sơ đọc không được', async ({ page }) => {
  await reloadWithActivitiesUnreadable(page, { 'nscl.role': 'officer' });
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('welcome').getByTestId('welcome-name')).toBeVisible();
  await expect(page.getByTestId('welcome-later')).toBeVisible();
});

// The database opens while the page builds and lays out its first screen (`idb::open_early`), not
// after it: on a new laptop the open creates every store, on any laptop it waits for the browser.
test('cơ sở dữ liệu được mở trong lúc dựng màn hình đầu tiên, trên máy mới và khi mở lại', async ({ page }) => {
  // Whether the shell's navigation was in the document when the page asked for each database open.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    window.__opens = [];
    IDBFactory.prototype.open = function (...args) {
      window.__opens.push({ name: args[0], shellBuilt: document.querySelector('nav') !== null });
      return open.apply(this, args);
    };
  });
  const app = new AppShell(page);
  const opens = () => page.evaluate(() => window.__opens);
  await app.open('/');
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  expect(await opens()).toEqual([{ name: 'nscl-tracker', shellBuilt: false }]);

  await page.getByTestId('add-first-enterprise').click();
  await new EnterpriseForm(page).fill({ name: 'Cơ sở Bánh phồng Sa Đéc' });
  await new EnterpriseForm(page).save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await app.reload();
  await expect(page.getByTestId('enterprise-detail')).toContainText('Cơ sở Bánh phồng Sa Đéc');
  expect(await opens()).toEqual([{ name: 'nscl-tracker', shellBuilt: false }]);
});

// For each file the page asks for: whether the home page showed the register's read by then (its
// first steps or its counts, the "loading" banner gone), and whether a frame has been drawn since.
// The flag is set in a frame's `requestAnimationFrame` callbacks, which run just before that frame
// is painted, and asked for when the first screen shows: its changes are on the next frame drawn.
function watchFirstScreen() {
  window.__asked = [];
  const fetch = window.fetch;
  window.fetch = function (resource, ...rest) {
    const url = new URL(resource instanceof Request ? resource.url : String(resource), location.href);
    window.__asked.push({ path: url.pathname, shown: window.__shown === true, drawn: window.__drawn === true });
    return fetch.call(this, resource, ...rest);
  };
  new MutationObserver((_, observer) => {
    const shown = document.querySelector('[data-testid="dashboard-empty"], [data-testid="stat-enterprises"]');
    if (shown && !document.querySelector('[data-testid="loading"]')) {
      window.__shown = true;
      requestAnimationFrame(() => { window.__drawn = true; });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

// At least `count` files whose path matches `files` asked for, each once the first screen was
// shown and drawn.
async function expectDrawnBeforeAsking(page, files, count) {
  const asked = () => page.evaluate((source) => window.__asked.filter((a) => new RegExp(source).test(a.path)), files.source);
  await expect.poll(async () => (await asked()).length).toBeGreaterThanOrEqual(count);
  for (const a of await asked()) expect(a, `${a.path}: asked for after the first screen was drawn`).toEqual({ path: a.path, shown: true, drawn: true });
}

test('trang chủ được vẽ ra trước khi ứng dụng xin phần mã chạy sau khởi động, các bộ câu hỏi và phần mã chỉ tiêu', async ({ page }) => {
  // Asking for a chunk's files and the definitions takes the page tens of milliseconds: after the
  // first screen is drawn, not before it.
  await page.addInitScript(watchFirstScreen);
  const app = new AppShell(page);
  await app.open('/');
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  // A new laptop: the conflict count's chunk and the 16 shipped definitions.
  const afterStart = /\/forms\/[a-z0-9_]+\.json$|\/split_after_start\.wasm$/;
  await expectDrawnBeforeAsking(page, afterStart, 17);

  // A laptop with an enterprise and an activity: the counts first, then the chunk that reads the
  // lists (and counts conflicts), the definitions and the indicators' chunk.
  await page.getByTestId('add-first-enterprise').click();
  await new EnterpriseForm(page).fill({ name: 'Cơ sở Bánh phồng Sa Đéc' });
  await new EnterpriseForm(page).save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await recordActivity(page, { kind: 'training_class', title: 'Lớp tập huấn 5S cho doanh nghiệp Sa Đéc', start: '2026-03-10' });
  await page.goto('/');
  await expect(page.getByTestId('stat-enterprises')).toBeVisible();
  await expect(page.getByTestId('stat-activities')).toHaveText('1');
  await expectDrawnBeforeAsking(page, afterStart, 17);
  await expectDrawnBeforeAsking(page, /\/split_indicators\.wasm$/, 1);
});

test('một loại hồ sơ đọc không được sau sổ doanh nghiệp: trang chủ vẫn hiện số đếm, dưới thông báo lỗi', async ({ page }) => {
  await reloadWithActivitiesUnreadable(page);
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('stat-enterprises')).toHaveText(String(enterprise.length));
  await expect(page.getByTestId('dashboard-empty')).toHaveCount(0);
});

// A browser context whose pages the service worker does not serve: every chunk comes from the
// network, where a test can block one.
async function withContextWithoutServiceWorker(browser, run) {
  const context = await browser.newContext({ ...test.info().project.use, serviceWorkers: 'block' });
  try {
    await run(context);
  } finally {
    await context.close();
  }
}

// A laptop whose page requests can be blocked: no service worker (it would serve them), the
// survey draft and its enterprises stored. `run(page, app)` drives it; the context is closed after.
async function withoutServiceWorker(browser, run) {
  await withContextWithoutServiceWorker(browser, async (context) => {
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open('/');
    await seedRows(page, { enterprise, survey: [survey] });
    // The database seeded at schema 5 upgraded, with the chunk its summaries' code comes in,
    // before a test blocks any.
    await app.waitUntilLoaded();
    await run(page, app);
  });
}

test('trang không tải được phần mã của nó: báo lỗi rõ ràng, ứng dụng vẫn chạy, phiếu đang nhập không mất', async ({ browser }) => {
  await withoutServiceWorker(browser, async (page, app) => {
    await app.open(`/surveys/${survey.id}`);
    const form = new SurveyForm(page);
    await expect(form.editor).toBeVisible();
    await form.type('respondent_name', 'Nguyễn Thị Hạnh');

    // The programme pages' chunk cannot be fetched (a dropped connection, a host that lost it).
    const programme = await blockChunk(page, 'programme');
    await app.nav('activities').click();
    const failed = page.getByTestId('chunk-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('Không tải được trang này');
    expect(programme.blocked()).toBeGreaterThan(0);

    // The app lives on: the navigation works, and the survey kept what was typed.
    await page.goBack();
    await expect(form.editor).toBeVisible();
    await expect(form.input('respondent_name')).toHaveValue('Nguyễn Thị Hạnh');
    await app.nav('enterprises').click();
    await expect(page.getByTestId('result-count')).toBeVisible();

    // Back on the failed page with the connection restored, "Thử lại" loads it.
    await app.nav('activities').click();
    await expect(failed).toBeVisible();
    await programme.unblock();
    await page.getByTestId('chunk-retry').click();
    await expect(failed).toHaveCount(0);
    await expect(page.getByTestId('activity-count')).toBeVisible();

    // A chunk slow to come (a first visit on a weak connection) says it is loading, then shows the page.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/split_admin\.wasm$/, async (route) => { await held; await route.continue(); });
    await app.nav('settings').click();
    await expect(page.getByTestId('chunk-loading')).toHaveText('Đang tải trang…');
    release();
    await expect(page.getByTestId('officer-name')).toBeVisible();
    await expect(page.getByTestId('chunk-loading')).toHaveCount(0);
  });
});

test('bộ câu hỏi đi kèm ứng dụng không tải được: sổ doanh nghiệp vẫn dùng được, trang khảo sát nói rõ lý do, tải lại thì mở được', async ({ browser }) => {
  // The shipped form definitions are fetched after start-up (src/web/shipped_forms.rs), not built
  // into the first download.
  await withoutServiceWorker(browser, async (page, app) => {
    const definitions = /\/forms\/[a-z0-9_]+\.json$/;
    let blocked = 0;
    await page.route(definitions, (route) => { blocked += 1; return route.abort('internetdisconnected'); });
    await app.open(`/surveys/${survey.id}`);

    // The page says why the survey cannot open, and every page says how to mend it.
    const banner = page.getByTestId('forms-unavailable');
    await expect(banner).toContainText('Chưa tải được các bộ câu hỏi và phiếu khảo sát đi kèm ứng dụng');
    await expect(page.getByTestId('form-missing')).toContainText('Chưa tải được các bộ câu hỏi');
    await expect(new SurveyForm(page).editor).toHaveCount(0);
    expect(blocked).toBeGreaterThan(0);
    // The register does not need them.
    await app.nav('enterprises').click();
    await expect(page.getByTestId('result-count')).toBeVisible();
    await expect(page.getByTestId('enterprise-row')).toHaveCount(enterprise.length);
    await expect(banner).toBeVisible();

    // A host that answers a missing file with its home page (status 200, as single-page hosts do):
    // still unavailable, said the same way, not a survey page asking to install a definition.
    await page.unroute(definitions);
    const home = fs.readFileSync(path.join(new URL('../../../dist/', import.meta.url).pathname, 'index.html'), 'utf8');
    await page.route(/\/forms\/lean_readiness\.json$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: home }));
    await banner.getByTestId('forms-unavailable-reload').click();
    await expect(page.getByTestId('enterprise-row')).toHaveCount(enterprise.length);
    await expect(banner).toContainText('Chưa tải được các bộ câu hỏi');

    // The connection back, "Tải lại ngay" reads them, and the draft opens with its answers.
    await page.unroute(/\/forms\/lean_readiness\.json$/);
    await banner.getByTestId('forms-unavailable-reload').click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('enterprise-row')).toHaveCount(enterprise.length);
    await page.goBack();
    const form = new SurveyForm(page);
    await expect(form.editor).toBeVisible();
    await expect(page.getByTestId('form-missing')).toHaveCount(0);
    await expect(form.input('respondent_name')).toHaveValue(JSON.parse(survey.json).payload.answers.respondent_name ?? '');
  });
});

test('máy mới: các bước đầu tiên hiện ra mà không chờ phần mã chạy sau khi khởi động', async ({ browser }) => {
  // Nothing but the register to read: the lists are read as empty without the chunk that reads them.
  await withContextWithoutServiceWorker(browser, async (context) => {
    const page = await context.newPage();
    const afterStart = await blockChunk(page, 'after_start');
    await new AppShell(page).open('/');
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
    // The form definitions' checker is in that chunk: they say so, once it has been asked for.
    await expect(page.getByTestId('forms-unavailable')).toBeVisible();
    expect(afterStart.blocked()).toBeGreaterThan(0);
    await expect(page.getByTestId('lists-unavailable')).toHaveCount(0);

    // Another tab, which has the chunk, records an activity: this one cannot read it, and says so.
    const other = await context.newPage();
    await new AppShell(other).open('/');
    await recordActivity(other, { kind: 'training_class', title: 'Lớp tập huấn 5S cho doanh nghiệp Cao Lãnh', start: '2026-03-10' });
    await expect(page.getByTestId('lists-unavailable')).toBeVisible();
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  });
});

test('phần mã đọc các danh sách không tải được: sổ doanh nghiệp vẫn dùng được, mọi trang nói rõ lý do, tải lại thì có', async ({ browser }) => {
  // The surveys', self-assessments', activities' and targets' lists are read by code fetched once the
  // register is read (src/ui/split_pages.rs, `after_start`), not built into the first download.
  await withoutServiceWorker(browser, async (page, app) => {
    const afterStart = await blockChunk(page, 'after_start');
    await app.reload();
    const banner = page.getByTestId('lists-unavailable');
    await expect(banner).toContainText('Chưa tải được phần đọc danh sách phiếu khảo sát');
    expect(afterStart.blocked()).toBeGreaterThan(0);
    // The register was read before: the home page counts it, its list shows it.
    await expect(page.getByTestId('stat-enterprises')).toHaveText(String(enterprise.length));
    await app.nav('enterprises').click();
    await expect(page.getByTestId('enterprise-row')).toHaveCount(enterprise.length);
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('storage-error')).toHaveCount(0);

    // The connection back, "Tải lại ngay" reads the lists: the stored survey is listed.
    await afterStart.unblock();
    await banner.getByTestId('lists-unavailable-reload').click();
    await app.waitUntilLoaded();
    const surveys = new SurveyList(page);
    await surveys.open();
    await expect(surveys.rows).toHaveCount(1);
    await expect(banner).toHaveCount(0);
  });
});

test('máy đã có doanh nghiệp: phần mã đọc sổ được tải trong lúc mở kho dữ liệu, không đợi đếm xong', async ({ page }) => {
  // When the fetch of the register's reading code began, against the start's count of the enterprise
  // rows (`Register::read_register_from_chunk`): after it when the last read found none, before it
  // when it found some (the hint `nscl.register_held`).
  const order = () => page.evaluate(() => {
    const fetched = performance.getEntriesByType('resource').find((e) => /\/split_register\.wasm$/.test(new URL(e.name).pathname));
    const counted = performance.getEntriesByName('nscl-register-counted')[0];
    return fetched && counted ? (fetched.startTime < counted.startTime ? 'before the count' : 'after the count') : null;
  });
  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, { enterprise }, { reopen: false });
  // The start that finds them first: it had no hint.
  await app.open('/');
  await expect.poll(order).toBe('after the count');
  await expect(page.getByTestId('stat-enterprises')).toHaveText(String(enterprise.length));
  // Every later start fetches it at once, and the read takes that same load: one request.
  await app.reload();
  await expect.poll(order).toBe('before the count');
  await expect(page.getByTestId('stat-enterprises')).toHaveText(String(enterprise.length));
  const requests = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/split_register\.wasm$/.test(new URL(e.name).pathname)).length);
  expect(requests).toBe(1);
});

test('thẻ chưa đọc doanh nghiệp nào và không tải được phần mã đọc sổ: doanh nghiệp thẻ khác vừa lưu được báo là chưa đọc được, thẻ này vẫn ghi được', async ({ browser }) => {
  await withContextWithoutServiceWorker(browser, async (context) => {
    // A new device's tab, which read no enterprise, and cannot fetch the code that reads them (the
    // register's group, `split_pages::register_reading`).
    const page = await context.newPage();
    const reader = await blockChunk(page, 'register');
    await new AppShell(page).open('/');
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();

    const other = await context.newPage();
    await new AppShell(other).open('/enterprises/new');
    await new EnterpriseForm(other).fill({ name: 'Hợp tác xã Xoài Cát Hòa Lộc' });
    await new EnterpriseForm(other).save.click();
    await expect(other.getByTestId('enterprise-detail')).toBeVisible();

    // This tab says so, and is not made read-only for it.
    const banner = page.getByTestId('enterprise-change-unread');
    await expect(banner).toContainText('Một thẻ khác vừa lưu thay đổi trong sổ doanh nghiệp');
    expect(reader.blocked()).toBeGreaterThan(0);
    await expect(page.getByTestId('storage-error')).toHaveCount(0);
    await new AppShell(page).nav('activities').click();
    await page.getByTestId('new-activity').click();
    await expect(page.getByTestId('save-activity')).toBeEnabled();

    // The connection back, a reload reads the register with it.
    await reader.unblock();
    await banner.getByTestId('enterprise-change-unread-reload').click();
    await new AppShell(page).waitUntilLoaded();
    await expect(page.getByTestId('enterprise-change-unread')).toHaveCount(0);
    await new AppShell(page).nav('dashboard').click();
    await expect(page.getByTestId('stat-enterprises')).toHaveText('1');
  });
});

test('phần mã đọc sổ doanh nghiệp không tải được: báo rõ, không ghi gì, tải lại thì đủ cả', async ({ browser }) => {
  // Decoding the stored enterprises comes with the register's pages (src/ui/split_pages.rs, `register_reading`),
  // which every start on a device holding any fetches at once, not with the first download.
  await withoutServiceWorker(browser, async (page, app) => {
    const reader = await blockChunk(page, 'register');
    await app.reload();
    const banner = page.getByTestId('storage-error');
    await expect(banner).toContainText('Chưa tải được phần mã đọc danh bạ doanh nghiệp');
    expect(reader.blocked()).toBeGreaterThan(0);
    // The app lives on, and writes nothing against a register it could not read.
    await app.nav('activities').click();
    await page.getByTestId('new-activity').click();
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('save-activity')).toBeDisabled();

    // The connection back, "Tải lại ngay" reads the register: every stored enterprise is there.
    await reader.unblock();
    await banner.getByTestId('storage-error-reload').click();
    await app.waitUntilLoaded();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('save-activity')).toBeEnabled();
    await app.nav('enterprises').click();
    await expect(page.getByTestId('enterprise-row')).toHaveCount(enterprise.length);
  });
});

// Deploys "the next build" into dir as a deployment would: its chunks in a folder of another name
// (the old folder gone from the host), the main module and the loader renamed after it, index.html
// pointing at them, and the service worker's list made again by the build's own hook.
function deployNextBuild(dir) {
  const old = fs.readdirSync(dir).find((f) => f.startsWith('split-'));
  const next = `split-${crypto.randomBytes(8).toString('hex')}`;
  fs.renameSync(path.join(dir, old), path.join(dir, next));
  const renamed = {};
  const mainJs = fs.readdirSync(dir).find((f) => /^nscl-tracker-[0-9a-f]+\.js$/.test(f));
  const nextJs = mainJs.replace('.js', '-next.js');
  fs.writeFileSync(path.join(dir, nextJs), fs.readFileSync(path.join(dir, mainJs), 'utf8').replaceAll(`./${old}/`, `./${next}/`));
  fs.rmSync(path.join(dir, mainJs));
  renamed[mainJs] = nextJs;
  const loader = path.join(dir, next, '__wasm_split.js');
  fs.writeFileSync(loader, fs.readFileSync(loader, 'utf8').replaceAll(`../${mainJs}`, `../${nextJs}`));
  for (const boot of fs.readdirSync(dir).filter((f) => /^boot-.*\.js$/.test(f))) {
    const nextBoot = boot.replace('.js', '-next.js');
    fs.writeFileSync(path.join(dir, nextBoot), fs.readFileSync(path.join(dir, boot), 'utf8').replaceAll(mainJs, nextJs));
    fs.rmSync(path.join(dir, boot));
    renamed[boot] = nextBoot;
  }
  let html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace(/ integrity="[^"]*"/g, '');
  for (const [from, to] of Object.entries(renamed)) html = html.replaceAll(from, to);
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  execFileSync('node', [new URL('../../../scripts/precache.mjs', import.meta.url).pathname, dir]);
  return next;
}

test('bản triển khai mới với các phần mã khác: phiếu khảo sát đang mở không mất, trang chưa mở vẫn tải được, tải lại thì dùng bản mới', async ({ browser }) => {
  test.setTimeout(120_000);
  const site = await servedCopyOfBuild();
  const context = await browser.newContext({ ...test.info().project.use, baseURL: site.origin });
  try {
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open('/');
    await untilControlled(page);
    await seedRows(page, { enterprise, survey: [survey] });
    await app.open(`/surveys/${survey.id}`);
    const form = new SurveyForm(page);
    await expect(form.editor).toBeVisible();
    await form.type('respondent_name', 'Trần Văn Bình');

    const next = deployNextBuild(site.dir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByTestId('update-banner')).toBeVisible();
    await expect(form.input('respondent_name')).toHaveValue('Trần Văn Bình');

    // A page group not opened yet: its chunk is no longer on the host, but the running build's
    // service worker still has its own build's chunks.
    await app.nav('activities').click();
    await expect(page.getByTestId('activity-count')).toBeVisible();
    await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
    await page.goBack();
    await expect(form.input('respondent_name')).toHaveValue('Trần Văn Bình');

    // The officer chooses to reload: the new build, its chunks from the new folder, the draft kept.
    await page.getByTestId('update-reload').click();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await app.waitUntilLoaded();
    await expect(form.input('respondent_name')).toHaveValue('Trần Văn Bình');
    const folders = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/')[1]).filter((p) => p.startsWith('split-')))]);
    expect(folders).toEqual([next]);
  } finally {
    await context.close();
    site.stop();
  }
});
