// File sync between laptops: two browser contexts stand for two laptops that share nothing but
// the files they export and import.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppShell, EnterpriseForm, EnterpriseRegister, seedRows, storedRows } from '../pages/app.js';
import { SurveyForm, SurveyList } from '../pages/survey.js';
import { SyncPage, openLaptop, dumpDatabase } from '../pages/sync.js';
import { TargetSettings } from '../pages/indicators.js';
import { validateSyncFile, checksumOk } from '../lib/sync-schema.js';
import { newerVersions } from '../lib/newer-versions.js';

const RECORD_STORES = ['enterprise', 'survey', 'assessment', 'activity'];

// Each test drives two to four laptops through several rounds of files.
test.describe.configure({ timeout: 180_000 });

const laptop = openLaptop;

async function editEmployees(l, name, employees) {
  await l.register.open();
  await l.register.openEnterprise(name);
  await l.page.getByTestId('edit-enterprise').click();
  await l.form.fill({ employees });
  await l.form.save.click();
  await expect(l.page.getByTestId('enterprise-detail')).toBeVisible();
}

async function shownEmployees(l, name) {
  await l.register.open();
  await l.register.openEnterprise(name);
  return l.page.getByTestId('enterprise-detail').textContent();
}

test('two laptops exchange files, see the same conflict, resolve it and end with identical stores', async ({ browser }) => {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const b = await laptop(browser, 'Trần Văn Bình');
  for (const name of ['Công ty TNHH Hoa kiểng Sa Đéc', 'HTX Xoài Mỹ Xương', 'Cơ sở Nem Lai Vung']) await a.form.add({ name });
  const survey = new SurveyForm(a.page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Lê Thị Tám');
  await survey.storedPayload((p) => JSON.stringify(p.answers).includes('Lê Thị Tám'));

  // A exports everything; the file is what the schema and the checksum rule say.
  await a.sync.open();
  const first = await a.sync.exportFile();
  expect(first.name).toMatch(/^nscl-tinh-nguyen-thi-hanh-\d{8}-\d{4}\.json$/);
  expect(checksumOk(first.bytes)).toBe(true);
  const parsed = JSON.parse(first.bytes.toString('utf8'));
  expect(validateSyncFile(parsed).errors).toEqual([]);
  expect(parsed.records.enterprise).toHaveLength(3);
  expect(parsed.records.survey).toHaveLength(1);

  // B previews and imports it.
  await b.sync.open();
  await b.sync.choose([first.path]);
  await expect(b.sync.fileStatus(0)).toHaveText('Hợp lệ: 4 bản ghi.');
  expect(await b.sync.counts('enterprise')).toEqual({ new: 3, updated: 0, conflicts: 0, deleted: 0, unchanged: 0 });
  expect(await b.sync.counts('survey')).toEqual({ new: 1, updated: 0, conflicts: 0, deleted: 0, unchanged: 0 });
  await b.sync.apply();
  await expect(b.sync.note).toHaveText('Đã nhập: 4 mới, 0 cập nhật, 0 xung đột, 0 xóa.');
  await b.register.open();
  await expect(b.register.rows).toHaveCount(3);

  // Both edit the same enterprise without seeing each other; B first, then A.
  await editEmployees(b, 'HTX Xoài Mỹ Xương', '12');
  await editEmployees(a, 'HTX Xoài Mỹ Xương', '30');
  await a.sync.open();
  const fromA = await a.sync.exportFile();
  await b.sync.open();
  const fromB = await b.sync.exportFile();
  await a.sync.choose([fromB.path]);
  expect((await a.sync.counts('enterprise')).conflicts).toBe(1);
  // The preview opens to the field that differs, each laptop's value side by side.
  await a.page.getByTestId('preview-kind-enterprise').locator('summary').click();
  await expect(a.page.getByTestId('field-diff-row')).toHaveCount(1);
  await expect(a.page.getByTestId('field-diff-row')).toContainText('30');
  await expect(a.page.getByTestId('field-diff-row')).toContainText('12');
  await a.sync.apply();
  await b.sync.importFiles([fromA.path]);
  for (const l of [a, b]) {
    await expect(l.page.getByTestId('nav-conflicts')).toHaveText('1');
    // The later edit (A's) is shown on both.
    expect(await shownEmployees(l, 'HTX Xoài Mỹ Xương')).toContain('30');
  }

  // Editing the enterprise while its conflict waits is refused, with a way to the conflicts list.
  await a.register.open();
  await a.register.openEnterprise('HTX Xoài Mỹ Xương');
  await a.page.getByTestId('edit-enterprise').click();
  await a.form.fill({ employees: '99' });
  await a.form.save.click();
  await expect(a.page.getByTestId('save-in-conflict')).toContainText('Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước');

  // A keeps B's version; the resolution travels both ways and the stores end identical.
  await a.sync.open();
  await expect(a.sync.conflicts).toHaveCount(1);
  await expect(a.sync.conflicts.getByTestId('conflict-label')).toHaveText('HTX Xoài Mỹ Xương');
  await a.sync.conflicts.getByTestId('keep-version').nth(1).click();
  await expect(a.page.getByTestId('conflict-note')).toHaveText('Đã xử lý xung đột. Kết quả sẽ đi theo tệp xuất lần sau.');
  await expect(a.page.getByTestId('no-conflicts')).toBeVisible();
  await expect(a.page.getByTestId('nav-conflicts')).toHaveCount(0);
  const resolved = await a.sync.exportFile();
  await b.sync.open();
  await b.sync.importFiles([resolved.path]);
  await expect(b.page.getByTestId('nav-conflicts')).toHaveCount(0);
  const back = await b.sync.exportFile();
  await a.sync.choose([back.path]);
  await expect(a.sync.fileStatus(0)).toHaveText('Máy này đã có mọi dữ liệu trong tệp.');
  await expect(a.page.getByTestId('preview-nothing')).toBeVisible();
  await expect(a.page.getByTestId('apply-import')).toBeDisabled();
  const stores = { stores: [...RECORD_STORES, 'settings'], leaveSettings: ['sync_audit', 'sync_undo', 'installed_forms', 'admin_units'] };
  expect(await dumpDatabase(a.page, stores)).toEqual(await dumpDatabase(b.page, stores));
  expect(await shownEmployees(b, 'HTX Xoài Mỹ Xương')).toContain('12');

  // The log says who exported and imported what.
  await a.sync.open();
  const actions = await a.page.getByTestId('audit-action').allTextContents();
  expect(actions.slice(0, 4)).toEqual(['Xuất tệp', 'Xử lý xung đột', 'Nhập tệp', 'Xuất tệp']);
  await a.page.screenshot({ path: test.info().outputPath('sync-after-resolve.png'), fullPage: true });
  await a.context.close();
  await b.context.close();
});

test('an encrypted, compressed file opens with its passphrase; a wrong one imports nothing', async ({ browser }) => {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const b = await laptop(browser, 'Trần Văn Bình');
  await a.form.add({ name: 'Công ty Sen Hồng', taxCode: '1400100593' });
  await a.sync.open();
  await a.page.getByTestId('export-passphrase').fill('ngắn');
  await expect(a.page.getByTestId('passphrase-problem')).toHaveText('Mật khẩu cần ít nhất 8 ký tự.');
  const file = await a.sync.exportFile({ compress: true, passphrase: 'Đồng Tháp 2026!' });
  expect(file.name).toMatch(/\.json\.gz\.enc$/);
  const newline = file.bytes.indexOf(0x0a);
  const header = JSON.parse(file.bytes.subarray(0, newline).toString('utf8'));
  expect(header).toMatchObject({ format: 'nscl-tracker-encrypted', cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600000 });
  expect(Object.keys(header).sort()).toEqual(['cipher', 'format', 'iterations', 'iv', 'kdf', 'salt', 'version']);
  expect(file.bytes.includes(Buffer.from('Sen Hồng'))).toBe(false);

  await b.sync.open();
  const before = await dumpDatabase(b.page);
  await b.sync.choose([file.path]);
  await expect(b.sync.fileStatus(0)).toHaveText('Tệp được mã hóa. Nhập mật khẩu của tệp để đọc.');
  await b.sync.decrypt('Dong Thap 2026!');
  await expect(b.sync.fileStatus(0)).toHaveText('Sai mật khẩu hoặc tệp bị hỏng.');
  await expect(b.sync.preview).toHaveCount(0);
  expect(await dumpDatabase(b.page)).toEqual(before);
  // The right passphrase, typed with decomposed marks as some keyboards send them.
  await b.sync.decrypt('Đồng Tháp 2026!'.normalize('NFD'));
  await expect(b.sync.fileStatus(0)).toHaveText('Hợp lệ: 1 bản ghi.');
  await b.sync.apply();
  await b.register.open();
  await expect(b.register.rows).toHaveCount(1);

  // A compressed file without a passphrase is gzip, smaller than the plain one, and reads too.
  await a.sync.open();
  const gz = await a.sync.exportFile({ compress: true });
  const plain = await a.sync.exportFile();
  expect(gz.name).toMatch(/\.json\.gz$/);
  expect(zlib.gunzipSync(gz.bytes).subarray(0, 40).toString()).toContain('"format":"nscl-tracker-export"');
  expect(checksumOk(zlib.gunzipSync(gz.bytes))).toBe(true);
  expect(plain.bytes.length).toBeGreaterThan(0);
  await a.context.close();
  await b.context.close();
});

test('undo puts the stores back exactly as they were before the import', async ({ browser }) => {
  const a = await laptop(browser, 'A');
  const b = await laptop(browser, 'B');
  await a.form.add({ name: 'Một' });
  await a.form.add({ name: 'Hai' });
  await a.sync.open();
  const base = await a.sync.exportFile();
  await b.sync.open();
  await b.sync.importFiles([base.path]);
  await editEmployees(b, 'Một', '5');
  await editEmployees(a, 'Hai', '7');
  await a.form.add({ name: 'Ba' });
  await a.sync.open();
  const next = await a.sync.exportFile();
  await b.sync.open();
  const everything = { leaveSettings: ['sync_audit', 'sync_undo'] };
  const before = await dumpDatabase(b.page, everything);
  await b.sync.importFiles([next.path]);
  expect(await dumpDatabase(b.page, everything)).not.toEqual(before);
  await b.sync.undo();
  expect(await dumpDatabase(b.page, everything)).toEqual(before);
  await b.register.open();
  await expect(b.register.rows).toHaveCount(2);
  await b.app.reload();
  await b.sync.open();
  await expect(b.page.getByTestId('undo-import')).toHaveCount(0);
  // The log is read after the page is drawn: wait for its newest line first.
  await expect(b.page.getByTestId('audit-action').first()).toHaveText('Hoàn tác nhập');
  const actions = await b.page.getByTestId('audit-action').allTextContents();
  expect(actions.slice(0, 2)).toEqual(['Hoàn tác nhập', 'Nhập tệp']);
  // The undo's line names the file whose import it took back, and what that import had changed.
  const files = await b.page.getByTestId('audit-files').allTextContents();
  expect(files[0]).toContain(next.name);
  expect(files[0]).toBe(files[1]);
  const changes = await b.page.getByTestId('audit-changes').allTextContents();
  expect(changes[0]).toBe(`Đã hoàn tác: ${changes[1]}`);
  expect(changes[1]).toMatch(/^Doanh nghiệp: /);
  await a.context.close();
  await b.context.close();
});

// The synthetic province of 300 enterprises (`make synth`): every kind's rows as the store keeps them.
const province300 = () => Object.fromEntries(RECORD_STORES.map((k) => [k, JSON.parse(fs.readFileSync(new URL(`../../../target/synth/province-300/${k}.json`, import.meta.url), 'utf8'))]));

test('an import that updates every record a laptop holds is undone to the byte, its undo kept in parts', async ({ browser }) => {
  const held = province300();
  const a = await laptop(browser, 'Cán bộ A');
  await seedRows(a.page, newerVersions(held, 'laptop-a', (kind, record) => {
    if (kind === 'enterprise') record.payload.name = `${record.payload.name} (đã sửa)`;
  }));
  await a.sync.open();
  const file = await a.sync.exportFile({ compress: true });
  await a.context.close();

  // Laptop B holds the province, each enterprise with an earlier version in its history.
  const b = await laptop(browser, 'Điều phối tỉnh');
  const history = held.enterprise.map((r) => {
    const record = JSON.parse(r.json);
    const ms = record.updated.ms - 1000;
    record.updated = { ...record.updated, ms };
    record.payload.name = `${record.payload.name} (bản trước)`;
    return { key: `${r.id}/${String(ms).padStart(15, '0')}/0000000000000000`, record_id: r.id, kind: 'enterprise', updated_ms: ms, json: JSON.stringify(record) };
  });
  await seedRows(b.page, { ...held, history });
  await b.sync.open();
  const everything = { leaveSettings: ['sync_audit', 'sync_undo'] };
  const before = await dumpDatabase(b.page, everything);
  await b.sync.choose([file.path]);
  for (const kind of RECORD_STORES) expect((await b.sync.counts(kind)).updated, kind).toBe(held[kind].length);
  await b.sync.apply();
  await b.register.open();
  await expect(b.register.rows.first()).toContainText('(đã sửa)');
  // The undo of about 3 MB of replaced records and histories is kept in parts of about 1 MiB.
  const settings = JSON.parse(await dumpDatabase(b.page, { stores: ['settings'] })).settings.map(([key]) => key);
  expect(settings).toContain('sync_undo#part000001');
  await b.sync.open();
  await b.sync.undo();
  expect(await dumpDatabase(b.page, everything)).toEqual(before);
  const left = JSON.parse(await dumpDatabase(b.page, { stores: ['settings'] })).settings.map(([key]) => key);
  expect(left.filter((key) => key.startsWith('sync_undo')), 'the undo and its parts are used up').toEqual([]);
  await b.context.close();
});

test('an import undone leaves the lists, and the same file imported again brings every record back', async ({ browser }) => {
  const held = province300();
  const a = await laptop(browser, 'Cán bộ A');
  await seedRows(a.page, held);
  await a.sync.open();
  const file = await a.sync.exportFile({ compress: true });
  await a.context.close();

  const b = await laptop(browser, 'Điều phối tỉnh');
  const surveys = new SurveyList(b.page);
  await b.sync.open();
  await b.sync.importFiles([file.path]);
  await surveys.open();
  // Every survey of the file, once the page has read them all again after the write.
  const live = held.survey.filter((r) => !JSON.parse(r.json).deleted).length;
  const shown = `Hiển thị 1–${Math.min(live, 50)} trên tổng số ${live.toLocaleString('de-DE')}`;
  await expect(b.page.getByTestId('survey-count')).toHaveText(shown);
  // The same file again: read against the surveys the page holds, every record is unchanged.
  await b.sync.open();
  await b.sync.choose([file.path]);
  await expect(b.page.getByTestId('preview-nothing')).toBeVisible();
  for (const kind of RECORD_STORES) expect((await b.sync.counts(kind)).unchanged, kind).toBe(held[kind].length);
  await b.page.getByTestId('cancel-import').click();
  await b.sync.undo();
  // The page holds what the store holds again: none of the undone surveys stays listed.
  await surveys.open();
  await expect(surveys.rows).toHaveCount(0);
  // And the file is new again, not taken for one already held.
  await b.sync.open();
  await b.sync.choose([file.path]);
  for (const kind of RECORD_STORES) expect((await b.sync.counts(kind)).new, kind).toBe(held[kind].length);
  await b.sync.apply();
  await surveys.open();
  await expect(b.page.getByTestId('survey-count')).toHaveText(shown);
  await b.context.close();
});

test('a roll-up of three files at once shows the one given twice and applies in one step', async ({ browser }) => {
  const hq = await laptop(browser, 'Điều phối tỉnh');
  const files = [];
  for (const [officer, names] of [['Cán bộ Sa Đéc', ['Sa Đéc 1', 'Sa Đéc 2']], ['Cán bộ Lai Vung', ['Lai Vung 1']], ['Cán bộ Cao Lãnh', ['Cao Lãnh 1', 'Cao Lãnh 2']]]) {
    const l = await laptop(browser, officer);
    for (const name of names) await l.form.add({ name });
    await l.sync.open();
    files.push(await l.sync.exportFile({ compress: true }));
    await l.context.close();
  }
  await hq.sync.open();
  await hq.sync.choose([files[0].path, files[1].path, files[2].path, files[1].path]);
  await expect(hq.sync.fileStatus(0)).toHaveText('Hợp lệ: 2 bản ghi.');
  await expect(hq.sync.fileStatus(3)).toHaveText(`Trùng với tệp ${files[1].name} ở trên: bỏ qua.`);
  expect((await hq.sync.counts('enterprise')).new).toBe(5);
  await hq.sync.apply();
  await hq.register.open();
  await expect(hq.register.rows).toHaveCount(5);
  // The same files again: every one is recognised as already held.
  await hq.sync.open();
  await hq.sync.choose([files[0].path, files[2].path]);
  await expect(hq.sync.fileStatus(0)).toHaveText('Máy này đã có mọi dữ liệu trong tệp.');
  await expect(hq.sync.fileStatus(1)).toHaveText('Máy này đã có mọi dữ liệu trong tệp.');
  await expect(hq.page.getByTestId('apply-import')).toBeDisabled();
  await hq.context.close();
});

test('one enterprise registered on two laptops is offered for merging; its survey follows the kept record on both', async ({ browser }) => {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const b = await laptop(browser, 'Trần Văn Bình');
  await a.form.add({ name: 'Công ty Sen Hồng', taxCode: '1400100593', address: 'Sa Đéc' });
  await b.form.add({ name: 'Cty Sen Hong', taxCode: '1400100593', employees: '25' });
  const survey = new SurveyForm(b.page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Võ Văn Kiệt');
  await survey.storedPayload((p) => JSON.stringify(p.answers).includes('Võ Văn Kiệt'));
  await b.sync.open();
  const fromB = await b.sync.exportFile();
  await a.sync.open();
  await a.sync.choose([fromB.path]);
  await expect(a.page.getByTestId('preview-duplicates')).toContainText('2 doanh nghiệp sẽ trùng mã số thuế');
  await a.sync.apply();
  const group = a.page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  // Keep A's record, taking the workforce from B's.
  // Columns are in id order (random ids): find A's.
  const keepA = (await group.getByTestId('duplicate-record').allTextContents()).findIndex((t) => t.includes('Nguyễn Thị Hạnh'));
  const employees = group.getByTestId('duplicate-field').filter({ hasText: 'Số lao động' });
  await employees.getByTestId('pick-duplicate-field').nth(1 - keepA).check();
  await group.getByTestId('keep-enterprise').nth(keepA).click();
  await expect(a.page.getByTestId('duplicates-note')).toHaveText('Đã gộp doanh nghiệp. Việc gộp sẽ đi theo tệp xuất lần sau.');
  await expect(group).toHaveCount(0);
  await a.register.open();
  await expect(a.register.rows).toHaveCount(1);
  await a.register.openEnterprise('Công ty Sen Hồng');
  await expect(a.page.getByTestId('enterprise-detail')).toContainText('25');
  await expect(a.page.getByTestId('enterprise-survey-row')).toHaveCount(1);

  // The merge travels to B: one enterprise, and B's survey under it.
  await a.sync.open();
  const merged = await a.sync.exportFile();
  await b.sync.open();
  await b.sync.importFiles([merged.path]);
  await b.register.open();
  await expect(b.register.rows).toHaveCount(1);
  await b.register.openEnterprise('Công ty Sen Hồng');
  await expect(b.page.getByTestId('enterprise-survey-row')).toHaveCount(1);
  await a.context.close();
  await b.context.close();
});

test('a new laptop restored from a full backup holds exactly the records of the laptop that wrote it', async ({ browser }) => {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  for (const name of ['Một', 'Hai', 'Ba']) await a.form.add({ name });
  await a.register.open();
  await a.register.openEnterprise('Hai');
  await a.page.getByTestId('delete-enterprise').click();
  await a.page.getByTestId('confirm-yes').click();
  await expect(a.app.flash()).toContainText('Đã xóa');
  await a.sync.open();
  const backup = await a.sync.exportFile({ compress: true });
  const fresh = await laptop(browser, 'Máy mới');
  await fresh.sync.open();
  await fresh.sync.choose([backup.path]);
  expect(await fresh.sync.counts('enterprise')).toEqual({ new: 2, updated: 0, conflicts: 0, deleted: 1, unchanged: 0 });
  await fresh.sync.apply();
  const records = { stores: RECORD_STORES };
  expect(await dumpDatabase(fresh.page, records)).toEqual(await dumpDatabase(a.page, records));
  await fresh.app.reload();
  await fresh.register.open();
  await expect(fresh.register.rows).toHaveCount(2);
  await a.context.close();
  await fresh.context.close();
});

// Laptops A and B; on A an enterprise and a survey of it, its respondent typed and stored.
async function surveyStartedOnA(browser) {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const b = await laptop(browser, 'Trần Văn Bình');
  await a.form.add({ name: 'Công ty Sen Hồng' });
  const survey = new SurveyForm(a.page);
  await survey.startFromEnterprisePage();
  await survey.type('respondent_name', 'Lê Thị Tám');
  await survey.storedPayload((p) => p.answers.respondent_name === 'Lê Thị Tám');
  return { a, b, survey };
}

test('a survey open in the editor while an import changes it ends in the conflict prompt, not a lost edit', async ({ browser }) => {
  const { a, b, survey: editing } = await surveyStartedOnA(browser);
  const tab = await a.context.newPage();
  const sync = new SyncPage(tab);
  await new AppShell(tab).open('/');
  await sync.open();
  const first = await sync.exportFile();
  await b.sync.open();
  await b.sync.importFiles([first.path]);
  // B changes the survey and sends it back; A's other tab imports while the editor is open.
  const surveyId = editing.surveyId();
  await b.page.goto(`/surveys/${surveyId}`);
  const onB = new SurveyForm(b.page);
  await expect(onB.editor).toBeVisible();
  await onB.type('respondent_phone', '0912345678');
  await onB.type('respondent_name', 'Lê Thị Tám (B sửa)');
  await onB.storedPayload((p) => JSON.stringify(p.answers).includes('0912345678') && p.answers.respondent_name === 'Lê Thị Tám (B sửa)');
  await b.page.goto('/');
  await b.sync.open();
  const fromB = await b.sync.exportFile();
  await sync.importFiles([fromB.path]);
  // The same answer changed on both laptops is asked about; B's other answer is merged in meanwhile.
  await editing.type('respondent_name', 'Lê Thị Tám (A sửa)');
  await expect(a.page.getByTestId('survey-conflict')).toBeVisible();
  await expect(a.page.getByTestId('conflict-questions').locator('li')).toHaveCount(1);
  await a.page.getByTestId('keep-mine').click();
  await editing.storedPayload((p) => p.answers.respondent_name === 'Lê Thị Tám (A sửa)' && p.answers.respondent_phone === '0912345678');
  await expect(editing.input('respondent_phone')).toHaveValue(/^0912 ?345 ?678$/);
  await a.context.close();
  await b.context.close();
});

// Editing a survey over another laptop's version waiting in the conflicts list would drop that
// version unseen (a version vector cannot tell an edit of the shown version from one that has
// seen the waiting one): the save waits until the conflict is resolved, as for an enterprise.
test('a survey with another laptop\'s version waiting is not saved over: the editor says why and keeps the answers', async ({ browser }) => {
  const { a, b, survey: onA } = await surveyStartedOnA(browser);
  const surveyId = onA.surveyId();
  await a.page.goto('/');
  await a.sync.open();
  const first = await a.sync.exportFile();
  await b.sync.open();
  await b.sync.importFiles([first.path]);

  // Both change the same answer without seeing each other; each file then holds a version the other lacks.
  await b.page.goto(`/surveys/${surveyId}`);
  const onB = new SurveyForm(b.page);
  await expect(onB.editor).toBeVisible();
  await onB.type('respondent_name', 'Lê Thị Tám (B sửa)');
  await onB.storedPayload((p) => p.answers.respondent_name === 'Lê Thị Tám (B sửa)');
  await b.page.goto('/');
  await b.sync.open();
  const fromB = await b.sync.exportFile();
  await a.page.goto(`/surveys/${surveyId}`);
  await expect(onA.editor).toBeVisible();
  await onA.type('respondent_name', 'Lê Thị Tám (A sửa)');
  await onA.storedPayload((p) => p.answers.respondent_name === 'Lê Thị Tám (A sửa)');
  await a.page.goto('/');
  await a.sync.open();
  await a.sync.importFiles([fromB.path]);
  await expect(a.page.getByTestId('nav-conflicts')).toHaveText('1');

  // A types into the survey while the conflict waits: nothing is written, the editor says why, the answer stays.
  await a.page.goto(`/surveys/${surveyId}`);
  await expect(onA.editor).toBeVisible();
  const before = await storedRows(a.page, 'survey');
  await onA.type('respondent_phone', '0912345678');
  await expect(a.page.getByTestId('save-state')).toContainText('Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước');
  await expect(onA.input('respondent_phone')).toHaveValue(/^0912 ?345 ?678$/);
  expect(await storedRows(a.page, 'survey')).toEqual(before);

  // Resolved (A keeps its own version), the next change is saved, with the answer typed meanwhile.
  await a.page.goto('/');
  await a.sync.open();
  await expect(a.sync.conflicts).toHaveCount(1);
  await a.sync.conflicts.getByTestId('keep-version').first().click();
  await expect(a.page.getByTestId('no-conflicts')).toBeVisible();
  await a.page.goto(`/surveys/${surveyId}`);
  await expect(onA.editor).toBeVisible();
  await onA.type('respondent_phone', '0912345678');
  await onA.storedPayload((p) => p.answers.respondent_phone === '0912345678' && p.answers.respondent_name === 'Lê Thị Tám (A sửa)');
  await a.context.close();
  await b.context.close();
});

test('a target with another laptop\'s version waiting is not saved over until the conflict is resolved', async ({ browser }) => {
  const a = await laptop(browser, 'Nguyễn Thị Hạnh');
  const b = await laptop(browser, 'Trần Văn Bình');
  const setTarget = async (l, value) => {
    const settings = new TargetSettings(l.page);
    await settings.open();
    await settings.edit('training_classes', '2021-2025', { value });
    await settings.save();
    return settings;
  };
  await a.form.add({ name: 'Công ty Sen Hồng' });
  await expect((await setTarget(a, '12')).current('training_classes', '2021-2025')).toHaveText('≥ 12');
  await a.sync.open();
  await b.sync.open();
  await b.sync.importFiles([(await a.sync.exportFile()).path]);
  await expect((await setTarget(b, '13')).current('training_classes', '2021-2025')).toHaveText('≥ 13');
  await b.sync.open();
  const fromB = await b.sync.exportFile();
  await expect((await setTarget(a, '14')).current('training_classes', '2021-2025')).toHaveText('≥ 14');
  await a.sync.open();
  await a.sync.importFiles([fromB.path]);
  await expect(a.page.getByTestId('nav-conflicts')).toHaveText('1');

  const before = await storedRows(a.page, 'indicator_target');
  const settings = await setTarget(a, '15');
  await expect(settings.error).toContainText('Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước');
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 14');
  expect(await storedRows(a.page, 'indicator_target')).toEqual(before);

  await a.sync.open();
  await a.sync.conflicts.getByTestId('keep-version').first().click();
  await expect(a.page.getByTestId('no-conflicts')).toBeVisible();
  await expect((await setTarget(a, '15')).current('training_classes', '2021-2025')).toHaveText('≥ 15');
  await a.context.close();
  await b.context.close();
});
