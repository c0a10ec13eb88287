// Hardening: no typed text crashes the app, a crash keeps the officer's text,
// deletions and saves are checked where they are written, and nothing runs or
// loads that the app did not ship.
import { test, expect } from '@playwright/test';
import { blockChunk, AppShell, EnterpriseForm, EnterpriseRegister, storedRows, untilControlled } from '../pages/app.js';
import fs from 'node:fs';
import { SurveyForm } from '../pages/survey.js';

// What a Vietnamese keyboard, a paste from Word or a stray key can put into any field.
const HOSTILE = [
  '01234567ấ12', // the tax code that used to abort the app
  'ấấấấấấấấấấấấấ',
  '１２３４５６７８９０', // full-width digits
  '12,5ẫ', '-0,0e999', '9'.repeat(400),
  '😀🇻🇳👨‍👩‍👧', 'a\u0301\u0323\u0300', // emoji, a letter with stacked combining marks
  '\u202Eabc\u200F', '\u0000nul', // right-to-left override and mark, NUL
  '<img src=x onerror=alert(1)>', '"; DROP TABLE x; --',
  'Đ'.repeat(10_000),
];

// Fails the test on any uncaught error in the page (a wasm panic is one).
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// Types every hostile string into every text field on screen, one after another.
async function typeEverywhere(page, fields) {
  const count = await fields.count();
  let typed = 0;
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    for (const text of HOSTILE) await field.fill(text);
    typed += 1;
  }
  return typed;
}

const TEXT_FIELDS = 'main input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=date]), main textarea';

test('hostile text in every field of the enterprise form, a survey and Settings never stops the app', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.startNew();
  const typed = await typeEverywhere(page, page.locator(TEXT_FIELDS));
  expect(typed, 'every text field of the enterprise form').toBeGreaterThan(8);
  await form.save.click();
  await expect(page.getByTestId('form-error-summary')).toBeVisible();
  // The app still validates and saves once the text is sensible.
  await form.fill({ name: 'Công ty TNHH Bền Vững', taxCode: '1400100593', employees: '12', revenue: '3,5', capital: '1', phone: '0912345678', email: 'a@b.vn', address: 'Xã Tân Thuận Đông', notes: 'Ghi chú 😀 <b>x</b>' });
  await form.field('contact-name').fill('Chị Lan');
  await form.save.click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('Công ty TNHH Bền Vững');
  await expect(page.getByTestId('detail-notes')).toHaveText('Ghi chú 😀 <b>x</b>');

  // A survey: every text and number question of every section.
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  const sections = page.getByTestId(/^section-link-/);
  const n = await sections.count();
  let surveyFields = 0;
  for (let i = 0; i < n; i++) {
    await sections.nth(i).click();
    // Some sections are all choices: no text to type there.
    surveyFields += await typeEverywhere(page, page.locator('[data-testid=survey-editor] ' + TEXT_FIELDS.replaceAll('main ', '')));
  }
  expect(surveyFields, 'the survey\'s text and number questions').toBeGreaterThan(10);
  // The draft still saves: a sensible answer reaches the store.
  await sections.first().click();
  await survey.type('respondent_name', 'Nguyễn Thị Hạnh');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Nguyễn Thị Hạnh');

  // Settings: the officer's name and the unit editor.
  await app.nav('settings').click();
  // The page's code loads on first use: count its fields once it is drawn.
  await expect(page.getByTestId('unit-new-vi')).toBeVisible();
  expect(await typeEverywhere(page, page.locator(TEXT_FIELDS)), 'the officer\'s name and the unit editor').toBeGreaterThan(2);
  await page.getByTestId('unit-new-vi').fill('Phường An Bình 😀');
  await page.getByTestId('unit-new-en').fill('An Binh Ward');
  await page.getByTestId('unit-add').click();
  await expect(page.getByTestId('unit-row').filter({ hasText: 'Phường An Bình 😀' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('if the app ever stops on an error, the officer sees why, keeps what was typed, and gets it back after a reload', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.startNew();
  await form.fill({ name: 'HTX Rau sạch <Tân Khánh Đông>', address: 'Ấp 3, xã Tân Khánh Đông', notes: 'Gặp chị Lan lúc 9 giờ' });
  // The end-to-end build exports one function that panics, for this test only; the abort reaches the caller.
  test.skip(!(await page.evaluate(() => typeof window.wasmBindings?.nscl_panic_for_test === 'function')), 'needs the end-to-end build (make build-e2e)');
  const aborted = await page.evaluate(() => { try { window.wasmBindings.nscl_panic_for_test(); return null; } catch (e) { return String(e); } });
  expect(aborted).toContain('unreachable');
  const overlay = page.getByTestId('crash-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Ứng dụng gặp lỗi và đã dừng.');
  // The values are shown as text, markup and all.
  await expect(overlay.getByTestId('crash-fields')).toContainText('HTX Rau sạch <Tân Khánh Đông>');
  await expect(overlay.getByTestId('crash-fields')).toContainText('Gặp chị Lan lúc 9 giờ');
  expect(await page.locator('img').count()).toBe(0);

  await overlay.getByTestId('crash-reload').click();
  await app.waitUntilLoaded();
  // Said as a crash: the form's own keeping of its text as the page went did not take its place.
  await expect(page.getByTestId('crash-rescued')).toContainText('Ứng dụng đã dừng vì một lỗi. Những gì bạn gõ dở đã được điền lại');
  await expect(form.field('name')).toHaveValue('HTX Rau sạch <Tân Khánh Đông>');
  await expect(form.field('address')).toHaveValue('Ấp 3, xã Tân Khánh Đông');
  await expect(form.field('notes')).toHaveValue('Gặp chị Lan lúc 9 giờ');
  await form.save.click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('HTX Rau sạch <Tân Khánh Đông>');
  await page.getByTestId('crash-dismiss').click();
  await expect(page.getByTestId('crash-rescued')).toHaveCount(0);
  // Once put back, a later reload does not type it again.
  await app.reload();
  await expect(page.getByTestId('crash-rescued')).toHaveCount(0);
});

// The banner that lists the rescued text comes from a chunk (src/ui/split_pages.rs,
// `crash_rescue_banner`); putting the text back does not wait for it: typing after the crash must
// build on the rescued text, or leaving the form would keep the new typing in its place.
test('after a crash the text goes back into its form even when the banner\'s code cannot be loaded, and the banner comes when it can', async ({ browser }) => {
  const context = await browser.newContext({ ...test.info().project.use, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open('/');
    const form = new EnterpriseForm(page);
    await form.startNew();
    await form.fill({ name: 'HTX Rau sạch Tân Khánh Đông', notes: 'Gặp chị Lan lúc 9 giờ' });
    test.skip(!(await page.evaluate(() => typeof window.wasmBindings?.nscl_panic_for_test === 'function')), 'needs the end-to-end build (make build-e2e)');
    await page.evaluate(() => { try { window.wasmBindings.nscl_panic_for_test(); } catch { /* the abort */ } });
    const overlay = page.getByTestId('crash-overlay');
    await expect(overlay).toBeVisible();

    const afterStart = await blockChunk(page, 'after_start');
    await overlay.getByTestId('crash-reload').click();
    await app.waitUntilLoaded();
    const failed = page.getByTestId('chunk-failed');
    await expect(failed).toContainText('Không tải được phần này của trang');
    expect(afterStart.blocked()).toBeGreaterThan(0);
    await expect(page.getByTestId('crash-rescued')).toHaveCount(0);
    await expect(form.field('name')).toHaveValue('HTX Rau sạch Tân Khánh Đông');
    await expect(form.field('notes')).toHaveValue('Gặp chị Lan lúc 9 giờ');
    // Typed on, the form is left unsaved: what it keeps holds the rescued text and the new.
    await form.field('address').fill('Ấp 3, xã Tân Khánh Đông');
    await app.nav('dashboard').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('nscl.crash_rescue'))).toContain('Gặp chị Lan lúc 9 giờ');
    expect(await page.evaluate(() => localStorage.getItem('nscl.crash_rescue'))).toContain('Ấp 3, xã Tân Khánh Đông');

    // The connection back: "Thử lại" brings the banner, which lists what was kept.
    await afterStart.unblock();
    await failed.getByTestId('chunk-retry').click();
    await expect(page.getByTestId('crash-rescued')).toContainText('Bạn đã rời biểu mẫu khi chưa lưu.');
    await expect(page.getByTestId('crash-rescued-fields')).toContainText('Gặp chị Lan lúc 9 giờ');
    await expect(page.getByTestId('crash-rescued-fields')).toContainText('Ấp 3, xã Tân Khánh Đông');
  } finally {
    await context.close();
  }
});

// Writes a newer version of the stored enterprise row as "another laptop" would (an import
// in another tab), straight into IndexedDB, so the page is not told.
async function overwriteStored(page, name, fields) {
  await page.evaluate(([name, fields]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('enterprise', 'readwrite');
      const store = tx.objectStore('enterprise');
      store.getAll().onsuccess = (ev) => {
        const row = ev.target.result.find((r) => JSON.parse(r.json).payload.name === name);
        const rec = JSON.parse(row.json);
        rec.version = { ...rec.version, 'other-laptop': (rec.version['other-laptop'] || 0) + 1 };
        rec.updated = { ms: rec.updated.ms + 1000, counter: 0, device: 'other-laptop' };
        rec.device_id = 'other-laptop';
        rec.officer = 'Cán bộ huyện khác';
        if ('deleted' in fields) rec.deleted = fields.deleted;
        Object.assign(rec.payload, fields.payload || {});
        row.json = JSON.stringify(rec);
        row.updated_ms = rec.updated.ms;
        store.put(row);
      };
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [name, fields]);
}

async function storedEnterprise(page, id) {
  const row = (await storedRows(page)).find((r) => r.id === id);
  return row && JSON.parse(row.json);
}

test('a deletion is checked against what is stored: a version changed since the page showed it is not deleted', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Cơ sở Nem Lai Vung' });
  const id = new URL(page.url()).pathname.split('/').pop();
  await overwriteStored(page, 'Cơ sở Nem Lai Vung', { payload: { address: 'Thị trấn Lai Vung' } });
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('chưa xóa');
  const stored = await storedEnterprise(page, id);
  expect(stored.deleted).toBe(false);
  expect(stored.payload.address).toBe('Thị trấn Lai Vung');
  // The page now shows the stored version; deleting it again works.
  await expect(page.getByTestId('detail-address')).toHaveText('Thị trấn Lai Vung');
  await page.getByTestId('delete-enterprise').click();
  await page.getByTestId('confirm-yes').click();
  await expect(app.flash()).toContainText('Đã xóa doanh nghiệp.');
  expect((await storedEnterprise(page, id)).deleted).toBe(true);
});

test('another writer landing while a save runs ends in the conflict prompt, and both changes are kept', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty Gốm Tân Hòa' });
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ address: 'Xã Tân Hòa' });
  // Another writer lands between the page's own read of the record and its write: the
  // first time the page reads the stored record, a newer version is written at once. The
  // writer's connection is open beforehand and its transaction is created inside the read's
  // success event, so it is queued before any transaction the page opens after that read.
  await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('nscl-tracker');
    open.onsuccess = () => {
      const db = open.result;
      const realGet = IDBObjectStore.prototype.get;
      let armed = true;
      IDBObjectStore.prototype.get = function (...args) {
        const req = realGet.apply(this, args);
        if (armed && this.name === 'enterprise') {
          armed = false;
          req.addEventListener('success', () => {
            const row = req.result;
            const rec = JSON.parse(row.json);
            rec.version = { ...rec.version, 'other-laptop': 1 };
            rec.updated = { ms: rec.updated.ms + 1000, counter: 0, device: 'other-laptop' };
            rec.officer = 'Cán bộ huyện khác';
            rec.payload.contact_name = 'Ông Sáu';
            row.json = JSON.stringify(rec);
            db.transaction('enterprise', 'readwrite').objectStore('enterprise').put(row);
          });
        }
        return req;
      };
      resolve();
    };
  }));
  await form.save.click();
  await expect(page.getByTestId('conflict-prompt')).toBeVisible();
  await expect(page.getByTestId('conflict-prompt')).toContainText('Cán bộ huyện khác');
  // The other writer's change is merged into the form, and nothing of either is lost on save.
  await form.save.click();
  await expect(page.getByTestId('detail-address')).toHaveText('Xã Tân Hòa');
  const id = new URL(page.url()).pathname.split('/').pop();
  const stored = await storedEnterprise(page, id);
  expect(stored.payload.contact_name).toBe('Ông Sáu');
  expect(stored.payload.address).toBe('Xã Tân Hòa');
});

test('an edit of an enterprise deleted meanwhile is never stored as a deletion: restore with the edit, or drop it', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'HTX Sen Tháp Mười' });
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ address: 'Xã Mỹ Hòa' });
  await overwriteStored(page, 'HTX Sen Tháp Mười', { deleted: true });
  await form.save.click();
  const prompt = page.getByTestId('deleted-prompt');
  await expect(prompt).toContainText('đã bị xóa ở nơi khác');
  await expect(prompt).toContainText('Cán bộ huyện khác');
  expect((await storedEnterprise(page, id)).deleted, 'nothing written yet').toBe(true);
  await prompt.getByTestId('deleted-restore').click();
  await expect(page.getByTestId('detail-address')).toHaveText('Xã Mỹ Hòa');
  let stored = await storedEnterprise(page, id);
  expect(stored.deleted).toBe(false);
  expect(stored.version['other-laptop'], 'the restore descends from the deletion').toBe(1);

  // Again, and this time the officer drops the edit: it stays deleted, as a new version of this laptop.
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ address: 'Xã Mỹ An' });
  await overwriteStored(page, 'HTX Sen Tháp Mười', { deleted: true });
  await form.save.click();
  await page.getByTestId('deleted-discard').click();
  await expect(app.flash()).toContainText('Đã bỏ thay đổi của bạn');
  stored = await storedEnterprise(page, id);
  expect(stored.deleted).toBe(true);
  expect(stored.payload.address).toBe('Xã Mỹ Hòa');
  expect(stored.version['other-laptop']).toBe(2);
  expect(stored.device_id, 'the choice is a new version of this laptop').not.toBe('other-laptop');
  await expect(new EnterpriseRegister(page).row('HTX Sen Tháp Mười')).toHaveCount(0);
});

test('dropping an edit of a deleted enterprise that someone restored meanwhile shows it again, not deleted', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty Gạch Tuynel Thanh Bình' });
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ address: 'Xã Bình Thành' });
  await overwriteStored(page, 'Công ty Gạch Tuynel Thanh Bình', { deleted: true });
  await form.save.click();
  await expect(page.getByTestId('deleted-prompt')).toBeVisible();
  // Another laptop's file restores it before the officer chooses.
  await overwriteStored(page, 'Công ty Gạch Tuynel Thanh Bình', { deleted: false, payload: { address: 'Thị trấn Thanh Bình' } });
  await page.getByTestId('deleted-discard').click();
  await expect(app.flash()).toContainText('vừa được khôi phục ở nơi khác');
  await expect(page.getByTestId('enterprise-name')).toHaveText('Công ty Gạch Tuynel Thanh Bình');
  await expect(page.getByTestId('detail-address')).toHaveText('Thị trấn Thanh Bình');
  const stored = await storedEnterprise(page, id);
  expect(stored.deleted, 'the restore stands; nothing was written over it').toBe(false);
  expect(stored.device_id).toBe('other-laptop');
});

test('leaving the form while its save is still running does not stop the app', async ({ page }) => {
  const errors = watchErrors(page);
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'Công ty Bánh phồng Sa Đéc' });
  await page.getByTestId('edit-enterprise').click();
  await form.fill({ address: 'Phường 1' });
  await overwriteStored(page, 'Công ty Bánh phồng Sa Đéc', { payload: { contact_name: 'Bà Ba' } });
  // Save and leave in the same moment: the save's answer (a conflict) arrives after the form is gone.
  await page.evaluate(() => {
    document.querySelector('[data-testid=save-enterprise]').click();
    document.querySelector('[data-testid=cancel]').click();
  });
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  // The app still works: another enterprise saves.
  await form.add({ name: 'Công ty Kẹo dừa Bến Tre' });
  expect(errors).toEqual([]);
});

test('decomposed Vietnamese (pasted from macOS or Word) is stored composed, and searches and sorts like typed text', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const form = new EnterpriseForm(page);
  const decomposed = 'Công ty Đồng Tháp'.normalize('NFD');
  expect(decomposed).not.toBe('Công ty Đồng Tháp');
  await form.add({ name: 'Công ty Ánh Dương' });
  await form.startNew();
  await form.field('name').fill(decomposed);
  await form.save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop();
  expect((await storedEnterprise(page, id)).payload.name).toBe('Công ty Đồng Tháp'.normalize('NFC'));
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill('Đồng Tháp');
  await expect(register.rows).toHaveCount(1);
  await register.search.fill('ánh dương'.normalize('NFD'));
  await expect(register.rows).toHaveCount(1);

  // Decomposed text typed into the middle of a field: the caret stays where the officer typed.
  await register.openEnterprise('Công ty Ánh Dương');
  await page.getByTestId('edit-enterprise').click();
  const name = form.field('name');
  await name.evaluate((el) => { el.focus(); el.setSelectionRange(8, 8); });
  await page.keyboard.insertText('Mới '.normalize('NFD'));
  await page.keyboard.type('X');
  await expect(name).toHaveValue('Công ty Mới XÁnh Dương');
});

test('nothing runs or loads that the app did not ship: a strict content security policy, and no other origin', async ({ page, context }) => {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/');
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("connect-src 'self'");
  expect(header).not.toContain('unsafe-inline');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header.startsWith(meta)).toBe(true);
  expect(await page.locator('script:not([src])').count(), 'no inline script').toBe(0);

  // A full session: the register, a survey, Settings with a backup, a reload served by the service worker.
  const app = new AppShell(page);
  await app.waitUntilLoaded();
  await new EnterpriseForm(page).add({ name: 'Công ty <script>alert(1)</script> Mỹ Phong', taxCode: '1400100593' });
  await new SurveyForm(page).startFromEnterprisePage();
  await new SurveyForm(page).type('respondent_name', 'Trần Văn Út');
  await app.nav('dashboard').click();
  await app.nav('settings').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-backup').click();
  await download;
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await app.reload();
  await new EnterpriseRegister(page).open();
  await expect(new EnterpriseRegister(page).row('Công ty <script>alert(1)</script> Mỹ Phong')).toBeVisible();

  const origin = new URL(page.url()).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

// A rescue as the app puts one aside when a page goes before its write lands.
async function putRescueAside(page, surveyId, tab, rescue) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [`nscl.rescue.${surveyId}.${tab}`, rescue]);
}

test('rescued survey answers: another tab\'s later save is never written over, and a rescue on an older form is moved to the new one', async ({ page }) => {
  const shipped = fs.readFileSync(new URL('../../../data/forms/field_survey.json', import.meta.url), 'utf8');
  const app = new AppShell(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'HTX Lúa Tháp Mười' });
  const survey = new SurveyForm(page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Lê Văn A');
  const first = await survey.storedPayload((p) => p.answers.respondent_name === 'Lê Văn A');
  const id = survey.surveyId();
  const stored = async () => JSON.parse((await storedRows(page, 'survey')).find((r) => r.id === id).json);
  const v1 = await stored();

  // A tab that was closed unwritten on v1's version, but another tab of this laptop saved after it.
  await survey.type('respondent_name', 'Lê Văn B (tab khác)');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Lê Văn B (tab khác)');
  await app.nav('surveys').click();
  await putRescueAside(page, id, 'closed-tab', { base: v1.updated, in_flight: null, form_version: 1, answers: { ...first.answers, respondent_name: 'Lê Văn A (cũ)' }, orphans: [] });
  await page.goto(`/surveys/${id}`);
  await app.waitUntilLoaded();
  await expect(survey.input('respondent_name')).toHaveValue('Lê Văn B (tab khác)');
  expect(await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith(`nscl.rescue.${id}.`)), id), 'proven stale, so removed').toEqual([]);

  // A rescue made on the stored version, on form version 1; then next year's form arrives.
  const current = await stored();
  await app.nav('surveys').click();
  await putRescueAside(page, id, 'closed-tab', {
    base: current.updated, in_flight: null, form_version: 1,
    answers: { ...current.payload.answers, respondent_name: 'Nguyễn Thị Cúc', respondent_position: 'Kế toán' }, orphans: [],
  });
  const v2 = JSON.parse(shipped);
  v2.version += 1;
  const profile = v2.sections.find((s) => s.id === 'profile');
  profile.questions = profile.questions.filter((q) => q.id !== 'respondent_position');
  await app.nav('settings').click();
  await page.getByTestId('install-form').setInputFiles({ name: 'phieu-2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v2)) });
  await expect(page.getByTestId('form-installed')).toContainText('phiên bản 2');
  await page.goto(`/surveys/${id}`);
  await app.waitUntilLoaded();
  await expect(page.getByTestId('form-upgraded')).toContainText('phiên bản 1 sang phiên bản 2');
  await expect(survey.input('respondent_name')).toHaveValue('Nguyễn Thị Cúc');
  await expect(page.getByTestId('orphan-respondent_position')).toContainText('Kế toán');
  const moved = await survey.storedPayload((p) => p.form_version === 2 && p.answers.respondent_name === 'Nguyễn Thị Cúc');
  expect(moved.orphans.map((o) => o.question)).toContain('respondent_position');
  await expect.poll(() => page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith(`nscl.rescue.${id}.`)).length, id)).toBe(0);
});

test('an installed form this version checks more strictly than before is named in Settings, not dropped silently', async ({ page }) => {
  const shipped = JSON.parse(fs.readFileSync(new URL('../../../data/forms/field_survey.json', import.meta.url), 'utf8'));
  // Installed under an earlier build: a pattern computed from another answer, which forms may no longer use.
  shipped.version += 1;
  const name = shipped.sections[0].questions.find((q) => q.id === 'respondent_name');
  name.constraint = 'matches(., respondent_position)';
  name.constraint_message = { vi: 'Sai mẫu', en: 'Wrong pattern' };
  const app = new AppShell(page);
  await app.open('/');
  // The reload below must not land while the service worker is still caching the first load's
  // files: a busy machine then served a page that never started (seen in CI, one run in three).
  await untilControlled(page);
  await page.evaluate((installed) => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put(JSON.stringify(installed), 'installed_forms');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [{ file: 'phieu-2027.json', source: JSON.stringify(shipped) }]);
  await app.reload();
  await app.nav('settings').click();
  const refused = page.getByTestId('forms-refused');
  await expect(refused).toContainText('không nạp được các biểu mẫu đã cài dưới đây');
  await expect(refused).toContainText("phieu-2027.json: question 'respondent_name'");
  await expect(refused).toContainText('matches()');
  // The shipped version stays the one in use.
  await expect(page.getByTestId('form-row').filter({ hasText: 'field-survey' }).getByTestId('form-version')).toHaveText(['1']);
});
