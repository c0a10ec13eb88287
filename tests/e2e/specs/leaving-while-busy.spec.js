// An officer in a hurry leaves a page while its work still waits (a save on the disk, an export
// reading the laptop's records, an import reading its files, an enterprise's result file being
// made): the app stays where they went, no error kills the page, and what was asked for is done,
// or cleanly dropped, or said to have failed where they are.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppShell, EnterpriseRegister, EnterpriseForm, fillDisk, holdStore, storedRows } from '../pages/app.js';
import { SurveyForm } from '../pages/survey.js';
import { SyncPage } from '../pages/sync.js';
import { EnterpriseHome, openDevice } from '../pages/readiness.js';

const fixture = (name) => new URL(`../../fixtures/sync/${name}`, import.meta.url).pathname;

// Every error thrown on the page (a wasm panic is one), for the test to check there were none.
function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

// Waits for `state()` to say `wanted`; if the page has thrown (a panic ends the app, so `wanted`
// never comes), the failure, at the poll's timeout, names the page's first error instead.
const untilUnlessError = (errors, state, wanted) => expect.poll(() => (errors.length ? `page error: ${errors[0]}` : state())).toBe(wanted);

// Waits two animation frames: a form's fill from kept text, which waits a frame for its fields, would be in.
const twoFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// Clicks `button` with the enterprise store held, so the file it asks for waits on the laptop's
// records; goes to Settings; releases the store; and gives the download that follows.
async function downloadAfterLeaving(page, errors, button) {
  const disk = await holdStore(page, 'enterprise');
  let download;
  page.waitForEvent('download').then((d) => { download = d; }, () => {});
  await button.click();
  await new AppShell(page).nav('settings').click();
  await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
  await disk.release();
  await untilUnlessError(errors, () => (download ? 'downloaded' : 'exporting'), 'downloaded');
  return download;
}

// Another version of the enterprise called `name` is written, from `page`, and this tab is told
// as another tab would tell it: by `device`, through the held store while a save waits (`held`),
// else straight into the database (as an import writes it). `address` changes its address,
// `deleted` deletes it.
const writeOtherVersion = (page, { name, device = 'other-tab', held = false, address, deleted }) => page.evaluate((w) => new Promise((resolve, reject) => {
  const write = (store, done) => {
    store.getAll().onsuccess = (ev) => {
      const row = ev.target.result.find((r) => JSON.parse(r.json).payload.name === w.name);
      const rec = JSON.parse(row.json);
      rec.version = { ...rec.version, [w.device]: 1 };
      rec.updated = { ms: rec.updated.ms + 1000, counter: 0, device: w.device };
      if (w.address) rec.payload.address = w.address;
      if (w.deleted) rec.deleted = true;
      row.json = JSON.stringify(rec);
      row.updated_ms = rec.updated.ms;
      store.put(row).onsuccess = () => { new BroadcastChannel('nscl-tracker').postMessage(`enterprise:${row.id}`); done(); resolve(); };
    };
  };
  if (w.held) {
    window.__inHeldStore.push((store) => write(store, () => {}));
    return;
  }
  const open = indexedDB.open('nscl-tracker');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => write(open.result.transaction('enterprise', 'readwrite').objectStore('enterprise'), () => open.result.close());
}), { name, device, held, address, deleted });

// An enterprise registered, then edited (45 employees) and saved with the enterprise store held;
// the officer goes to Settings, `beforeRelease` runs, and the store is released. `beforeSave` runs
// before the save is clicked.
async function saveThenLeave(page, { beforeSave = async () => {}, beforeRelease = async () => {} } = {}) {
  const app = new AppShell(page);
  const form = new EnterpriseForm(page);
  await app.open('/');
  await form.add({ name: 'HTX Xoài Mỹ Xương' });
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ employees: '45' });
  await beforeSave();
  const disk = await holdStore(page, 'enterprise');
  await form.save.click();
  await app.nav('settings').click();
  await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
  await beforeRelease();
  await disk.release();
  return app;
}

test('an officer who goes on while a save waits on the disk stays where they went, and the save is kept', async ({ page }) => {
  const errors = pageErrors(page);
  const register = new EnterpriseRegister(page);
  const app = await saveThenLeave(page);
  const settings = page.getByTestId('page-title').filter({ hasText: 'Cài đặt' });
  // The save ends on the page the officer went to: its message shows there, and the app stays.
  await expect(app.flash()).toHaveText(/Đã lưu doanh nghiệp\./);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(settings).toBeVisible();

  await app.reload();
  await register.open();
  await register.openEnterprise('HTX Xoài Mỹ Xương');
  await expect(page.getByTestId('enterprise-detail')).toContainText('45');
  expect(errors).toEqual([]);
});

test('an officer who leaves and comes back to the same form before the save ends is not taken from it', async ({ page }) => {
  const errors = pageErrors(page);
  const form = new EnterpriseForm(page);
  // Back to the same address: a new form on it, where the officer starts typing again.
  const app = await saveThenLeave(page, { beforeRelease: async () => {
    await page.goBack();
    await expect(page).toHaveURL(/\/enterprises\/[^/]+\/edit$/);
    await form.fill({ notes: 'Đang gõ dở' });
  } });
  // The first save ends: it says so here, and leaves the form and its typing where they are.
  await expect(app.flash()).toHaveText(/Đã lưu doanh nghiệp\./);
  await expect(page).toHaveURL(/\/enterprises\/[^/]+\/edit$/);
  await expect(form.field('notes')).toHaveValue('Đang gõ dở');
  expect(errors).toEqual([]);
});

test('a save that fails after the officer has gone on is said where they are, and what they typed goes back into the form', async ({ page }) => {
  const errors = pageErrors(page);
  const form = new EnterpriseForm(page);
  const register = new EnterpriseRegister(page);
  // The disk is slow, then full: the save fails only once the officer is elsewhere.
  let disk;
  // Ticking OCOP brings its stars on screen: both must come back, the stars once the box is ticked.
  const app = await saveThenLeave(page, { beforeSave: async () => {
    await form.fill({ products: ['ocop'], ocopStars: '4' });
    disk = await fillDisk(page, 'enterprise');
  } });
  await expect(app.flash()).toHaveText(/^Thay đổi bạn bấm lưu trước khi rời trang chưa được lưu\. Bộ nhớ của trình duyệt đã đầy\./);
  await expect(page).toHaveURL(/\/settings$/);
  // What the officer saved is listed where they are, and stays through a reload.
  const kept = page.getByTestId('crash-rescued');
  await expect(kept).toContainText('được giữ ở đây');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('HTX Xoài Mỹ Xương');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');
  await disk.makeRoom();
  await app.reload();
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');

  // Opened again, the form has it back, and it saves.
  await kept.getByTestId('rescued-reopen').click();
  await expect(page).toHaveURL(/\/enterprises\/[^/]+\/edit$/);
  await expect(form.field('employees')).toHaveValue('45');
  await expect(page.getByTestId('product-ocop')).toBeChecked();
  await expect(form.field('ocop-stars')).toHaveValue('4');
  await expect(kept).toContainText('Những gì bạn đã nhập trước khi rời trang đã được điền lại vào biểu mẫu');
  await form.save.click();
  await expect(page.getByTestId('enterprise-detail')).toContainText('45');
  await expect(page.getByTestId('enterprise-detail')).toContainText('★★★★');
  await page.getByTestId('crash-dismiss').click();
  await app.reload();
  await expect(kept).toHaveCount(0);
  await register.open();
  await register.openEnterprise('HTX Xoài Mỹ Xương');
  await expect(page.getByTestId('enterprise-detail')).toContainText('45');
  expect(errors).toEqual([]);
});

test('a save refused after the officer has gone on, because the record changed elsewhere, lists what they typed and never puts it over the new version', async ({ page }) => {
  const errors = pageErrors(page);
  const form = new EnterpriseForm(page);
  // Another tab's version (a new address) lands while the save waits.
  const app = await saveThenLeave(page, { beforeRelease: () => writeOtherVersion(page, { name: 'HTX Xoài Mỹ Xương', held: true, address: 'Ấp Mỹ Thới, bản của huyện khác' }) });
  await expect(app.flash()).toHaveText(/^Thay đổi bạn bấm lưu trước khi rời trang chưa được lưu\. Bản ghi vừa được sửa ở nơi khác/);
  const kept = page.getByTestId('crash-rescued');
  await expect(kept).toContainText('đã được sửa ở nơi khác');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');

  // The record opens at its new version, with the officer's text beside it, not in it.
  await kept.getByTestId('rescued-reopen').click();
  await expect(page).toHaveURL(/\/enterprises\/[^/]+\/edit$/);
  await expect(form.field('address')).toHaveValue('Ấp Mỹ Thới, bản của huyện khác');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');
  await expect(kept).toContainText('đã được sửa ở nơi khác');
  // Two frames after the form showed: a fill would be in.
  await twoFrames(page);
  await expect(form.field('employees')).toHaveValue('');
  await expect(kept).not.toContainText('đã được điền lại');
  expect(await page.evaluate(() => localStorage.getItem('nscl.crash_rescue'))).toContain('"45"');
  expect(errors).toEqual([]);
});

test('a save refused after the officer has gone on, because the record was deleted elsewhere, says so and points to the deleted records', async ({ page }) => {
  const errors = pageErrors(page);
  // Another tab deletes the enterprise while the save waits.
  const app = await saveThenLeave(page, { beforeRelease: () => writeOtherVersion(page, { name: 'HTX Xoài Mỹ Xương', held: true, deleted: true }) });
  await expect(app.flash()).toHaveText(/^Thay đổi bạn bấm lưu trước khi rời trang chưa được lưu\. Bản ghi vừa bị xóa ở nơi khác \(thẻ khác hoặc tệp nhập vào\)\./);
  const kept = page.getByTestId('crash-rescued');
  await expect(kept).toContainText('Bản ghi đã bị xóa ở nơi khác');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');
  // The way back is the deleted records, where it is restored; the typed text stays listed.
  await kept.getByTestId('rescued-reopen').click();
  await expect(page).toHaveURL(/\/deleted$/);
  await expect(page.getByTestId('deleted-label')).toHaveText('HTX Xoài Mỹ Xương');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');
  expect(errors).toEqual([]);
});

test('a save that fails while the officer is back in a new form at the same address leaves that form\'s typing alone', async ({ page }) => {
  const errors = pageErrors(page);
  const form = new EnterpriseForm(page);
  const app = await saveThenLeave(page, {
    beforeSave: async () => { await fillDisk(page, 'enterprise'); },
    beforeRelease: async () => {
      await page.goBack();
      await expect(page).toHaveURL(/\/enterprises\/[^/]+\/edit$/);
      await form.fill({ notes: 'Đang gõ dở' });
    },
  });
  await expect(app.flash()).toHaveText(/^Thay đổi bạn bấm lưu trước khi rời trang chưa được lưu\./);
  const kept = page.getByTestId('crash-rescued');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('45');
  // The form on screen is a new one, with newer typing: the old text is listed, not put in it.
  await twoFrames(page);
  await expect(form.field('notes')).toHaveValue('Đang gõ dở');
  await expect(form.field('employees')).toHaveValue('');
  await expect(kept).not.toContainText('đã được điền lại');
  expect(errors).toEqual([]);
});

test('a survey deletion that fails after the officer has gone on says so where they are, and the survey stays', async ({ page }) => {
  const errors = pageErrors(page);
  const app = new AppShell(page);
  const survey = new SurveyForm(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Hợp tác xã Xoài Mỹ Xương', unit: 'h-cao-lanh' });
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Trần Thị Mai');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Trần Thị Mai');
  const id = survey.surveyId();
  // The disk is slow, then full: the deletion fails only once the officer is elsewhere, where
  // the editor it would have given back its autosave to is gone.
  await fillDisk(page, 'survey');
  const disk = await holdStore(page, 'survey');
  await page.getByTestId('delete-filled').click();
  await page.getByTestId('confirm-yes').click();
  await app.nav('settings').click();
  await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
  await disk.release();
  await untilUnlessError(errors, async () => ((await app.flash().count()) ? 'said' : 'waiting'), 'said');
  await expect(app.flash()).toHaveText(/^Bản ghi bạn bấm xóa trước khi rời trang chưa bị xóa\. Bộ nhớ của trình duyệt đã đầy\./);
  await expect(page).toHaveURL(/\/settings$/);
  const stored = (await storedRows(page, 'survey')).find((r) => r.id === id);
  expect(JSON.parse(stored.json).deleted).toBeFalsy();
  expect(errors).toEqual([]);
});

test('an export left for another page while it reads the records still hands over its file, and the page lives on', async ({ page }) => {
  const errors = pageErrors(page);
  const app = new AppShell(page);
  const sync = new SyncPage(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Hoa kiểng Sa Đéc', taxCode: '1400100593' });
  await sync.open();
  await page.getByTestId('sync-recipient').fill('Sở KHCN');

  const download = await downloadAfterLeaving(page, errors, page.getByTestId('export-file'));
  // The file is made as the form said at the click (packed, as the form has it by default).
  expect(download.suggestedFilename()).toMatch(/\.json\.gz$/);
  const file = JSON.parse(zlib.gunzipSync(fs.readFileSync(await download.path())).toString('utf8'));
  expect(file.records.enterprise.map((r) => r.payload.name)).toEqual(['Công ty TNHH Hoa kiểng Sa Đéc']);
  expect(file.scope.recipient).toBe('Sở KHCN');
  await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
  await expect(page.getByTestId('crash-overlay')).toHaveCount(0);
  expect(errors).toEqual([]);
  // Still a working app: the register opens.
  await new EnterpriseRegister(page).open();
  await expect(page.getByTestId('enterprise-row')).toHaveCount(1);
});

test.describe('without a service worker, so the form definitions can be held', () => {
  test.use({ serviceWorkers: 'block' });

  test('an import left for another page while its files are read is dropped, and the page lives on', async ({ page }) => {
    const errors = pageErrors(page);
    // The form definitions, which a file is checked against before it is read, come only when released.
    let release;
    const released = new Promise((r) => { release = r; });
    await page.route('**/forms/**', async (route) => { await released; await route.continue(); });
    const app = new AppShell(page);
    const sync = new SyncPage(page);
    await app.open('/');
    await sync.open();
    await page.getByTestId('import-files').setInputFiles([fixture('valid.json')]);
    await expect(page.getByTestId('import-busy')).toBeVisible();
    await app.nav('settings').click();
    await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
    release();
    // The definitions in, the abandoned read goes on to its end with nowhere to show: nothing
    // fails, and the officer stays where they went.
    const read = () => page.evaluate(() => (performance.getEntriesByName('nscl-import-read').length ? 'read' : 'reading'));
    await untilUnlessError(errors, read, 'read');
    await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
    await expect(page.getByTestId('crash-overlay')).toHaveCount(0);
    expect(errors).toEqual([]);
    // Back on the Sync page, the same file is read and previewed as usual.
    await sync.open();
    await sync.choose([fixture('valid.json')]);
    await expect(sync.fileStatus(0)).toHaveText('Hợp lệ: 3 bản ghi.');
  });
});

test('an enterprise that leaves its page while its result file is made still gets the file, and the page lives on', async ({ browser }) => {
  const { context, page } = await openDevice(browser, 'enterprise');
  const errors = pageErrors(page);
  const home = new EnterpriseHome(page);
  await home.fillProfile({ name: 'HTX Xoài Cát Chu Mỹ Xương', taxCode: '1401234568' });
  await home.open();

  const download = await downloadAfterLeaving(page, errors, page.getByTestId('export-result'));
  expect(download.suggestedFilename()).toMatch(/ket-qua-tu-danh-gia-1401234568/);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(file.records.enterprise.map((r) => r.payload.name)).toEqual(['HTX Xoài Cát Chu Mỹ Xương']);
  await expect(page.getByTestId('crash-overlay')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

// An enterprise 'HTX Sen Tháp Mười' of 45 employees, edited as `typed` says and left unsaved for
// Settings, where the banner says its text is kept. Gives the form and the banner.
async function leaveUnsaved(page, typed) {
  const app = new AppShell(page);
  const form = new EnterpriseForm(page);
  await app.open('/');
  await form.add({ name: 'HTX Sen Tháp Mười', employees: '45' });
  await page.getByTestId('edit-enterprise').click();
  await form.fill(typed);
  await app.nav('settings').click();
  await expect(page.getByTestId('page-title')).toHaveText('Cài đặt');
  const kept = page.getByTestId('crash-rescued');
  await expect(kept).toContainText('Bạn đã rời biểu mẫu khi chưa lưu.');
  return { form, kept };
}

test('an edit left unsaved, for another page or a reload, is kept and goes back into the form; a cancelled one is not kept', async ({ page }) => {
  const errors = pageErrors(page);
  // Another page: nothing was saved, and what was typed is listed (a choice by its name, not its code).
  const { form, kept } = await leaveUnsaved(page, { employees: '52', notes: 'Ghi chú chưa lưu', unit: 'tp-sa-dec' });
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('52');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('Ghi chú chưa lưu');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('Thành phố Sa Đéc');
  await expect(kept.getByTestId('crash-rescued-fields')).not.toContainText('tp-sa-dec');
  // Opening the form again puts it back; saving it keeps it.
  await kept.getByTestId('rescued-reopen').click();
  await expect(form.field('employees')).toHaveValue('52');
  await expect(form.field('notes')).toHaveValue('Ghi chú chưa lưu');
  await expect(form.field('unit')).toHaveValue('tp-sa-dec');
  await form.save.click();
  await expect(page.getByTestId('enterprise-detail')).toContainText('52');
  await kept.getByTestId('crash-dismiss').click();

  // A reload in the middle of an edit: the form comes back with the edit in it.
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ employees: '60' });
  await page.reload();
  await expect(form.field('employees')).toHaveValue('60');
  await expect(kept).toContainText('đã được điền lại vào biểu mẫu');
  await kept.getByTestId('crash-dismiss').click();

  // Cancel drops the edit on purpose: nothing is kept.
  await form.fill({ employees: '70' });
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('enterprise-detail')).toContainText('52');
  await expect(kept).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('nscl.crash_rescue'))).toBeNull();
  expect(errors).toEqual([]);
});

test('an edit left unsaved is only listed, never put back, once the record has changed elsewhere', async ({ page, context }) => {
  const errors = pageErrors(page);
  const { form, kept } = await leaveUnsaved(page, { employees: '52' });
  // Another laptop's version (a new address) arrives, as an import writes it, and this tab hears of it.
  const other = await context.newPage();
  await other.goto('/favicon.svg');
  await writeOtherVersion(other, { name: 'HTX Sen Tháp Mười', device: 'laptop-khac', address: 'Ấp Mỹ Thới, bản của máy khác' });
  await other.close();
  // The form opens on the new version; the text is listed beside it, not typed over it.
  await kept.getByTestId('rescued-reopen').click();
  await expect(form.field('address')).toHaveValue('Ấp Mỹ Thới, bản của máy khác');
  await expect(kept).toContainText('đã được sửa ở nơi khác');
  await twoFrames(page);
  await expect(form.field('employees')).toHaveValue('45');
  await expect(kept.getByTestId('crash-rescued-fields')).toContainText('52');
  expect(errors).toEqual([]);
});
