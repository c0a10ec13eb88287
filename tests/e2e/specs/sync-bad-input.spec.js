// Files that must not be imported: each gets a clear message in the officer's language, and the
// database is unchanged. The files are in tests/fixtures/sync/ (see its README).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { AppShell, EnterpriseForm, EnterpriseRegister } from '../pages/app.js';
import { SyncPage, dumpDatabase } from '../pages/sync.js';

const fixture = (name) => new URL(`../../fixtures/sync/${name}`, import.meta.url).pathname;

const REFUSED = [
  ['truncated.json', 'Tệp bị cắt ngắn: phần cuối bị mất khi sao chép. Hãy xin lại tệp.'],
  ['truncated.json.gz', 'Tệp nén bị hỏng hoặc bị cắt ngắn khi sao chép.'],
  ['invalid-json.json', /^Tệp không đúng định dạng JSON: thiếu một giá trị hoặc có chữ lạ \(dòng \d+, cột \d+\)\.$/],
  ['not-utf8.json', 'Tệp không phải văn bản UTF-8, nên không phải tệp của NSCL Tracker.'],
  ['wrong-format.json', 'Đây không phải tệp dữ liệu của NSCL Tracker.'],
  ['future-version.json', 'Tệp dùng định dạng phiên bản 99, mới hơn ứng dụng này. Hãy cập nhật ứng dụng rồi nhập lại.'],
  ['checksum-mismatch.json', 'Nội dung tệp không khớp mã kiểm tra: tệp đã bị sửa hoặc hỏng sau khi xuất.'],
  ['duplicate-ids.json', /^Tệp có hai bản ghi doanh nghiệp cùng mã .+: tệp bị hỏng\.$/],
  ['wrong-shape.json', /^Bản ghi doanh nghiệp thứ 1 trong tệp sai cấu trúc: có một số ở chỗ cần một đoạn chữ \(dòng \d+, cột \d+\)\.$/],
  ['bad-id.json', 'Bản ghi doanh nghiệp thứ 1 trong tệp sai cấu trúc: mã “../../x” không dùng được làm mã bản ghi.'],
  ['impossible-time.json', 'Bản ghi doanh nghiệp thứ 1 trong tệp sai cấu trúc: có thời điểm thay đổi mà trình duyệt không lưu được.'],
  ['unknown-kind.json', 'Tệp có loại hồ sơ “widget” mà ứng dụng này không biết. Hãy cập nhật ứng dụng.'],
];

test('every damaged or foreign file is refused with its reason, and nothing is written', async ({ page }) => {
  const app = new AppShell(page);
  const sync = new SyncPage(page);
  await app.open('/');
  await new EnterpriseForm(page).add({ name: 'Đã có từ trước' });
  await sync.open();
  // The over-size file: sparse, so it takes no disk space, and refused before it is read.
  const big = test.info().outputPath('nscl-tinh-big-20261201-0930.json');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 201 * 1024 * 1024);
  const before = await dumpDatabase(page);
  await sync.choose([...REFUSED.map(([name]) => fixture(name)), big]);
  for (const [i, [, message]] of REFUSED.entries()) {
    await expect(sync.fileStatus(i)).toHaveText(message);
    // All in Vietnamese: the parser's English words used to be quoted inside the message.
    expect(await sync.fileStatus(i).textContent()).not.toMatch(/\b(record|expected|invalid|type|field|line|column|at)\b/);
  }
  await expect(sync.fileStatus(REFUSED.length)).toHaveText('Tệp quá lớn (201 MB); giới hạn là 200 MB. Hãy xuất theo từng huyện hoặc từng loại hồ sơ.');
  await expect(sync.preview).toHaveCount(0);
  expect(await dumpDatabase(page)).toEqual(before);
  fs.rmSync(big);

  // In English too.
  await app.chooseLanguageInHeader('en');
  await sync.choose([fixture('future-version.json')]);
  await expect(sync.fileStatus(0)).toHaveText('The file uses format version 99, newer than this app. Update the app, then import it again.');
  await sync.choose([fixture('wrong-shape.json')]);
  await expect(sync.fileStatus(0)).toHaveText(/^Enterprise record 1 in the file has the wrong shape: it has a number where text is needed \(line \d+, column \d+\)\.$/);
  expect(await dumpDatabase(page)).toEqual(before);
});

test('a good file beside a bad one: the bad one is named, the good one previewed and imported', async ({ page }) => {
  const app = new AppShell(page);
  const sync = new SyncPage(page);
  await app.open('/');
  await sync.open();
  await sync.choose([fixture('valid.json.gz'), fixture('checksum-mismatch.json'), fixture('v1-backup.json')]);
  await expect(sync.fileStatus(0)).toHaveText('Hợp lệ: 3 bản ghi.');
  await expect(sync.fileStatus(1)).toContainText('không khớp mã kiểm tra');
  await expect(sync.fileStatus(2)).toHaveText('Hợp lệ: 2 bản ghi.');
  expect((await sync.counts('survey')).new).toBe(1);
  await sync.apply();
  await new EnterpriseRegister(page).open();
  // The version-1 backup holds the same two enterprises as the other file.
  await expect(page.getByTestId('enterprise-row')).toHaveCount(2);
});

test('names carrying HTML and script show as text in the preview, the diff and the register', async ({ page }) => {
  const app = new AppShell(page);
  const sync = new SyncPage(page);
  await app.open('/');
  await sync.open();
  await sync.choose([fixture('html-names.json')]);
  await page.getByTestId('preview-kind-enterprise').locator('summary').click();
  const labels = page.getByTestId('preview-kind-enterprise').getByTestId('preview-label');
  await expect(labels).toHaveText(['<img src=x onerror="window.__xss=1"> (1400100593)', '<script>window.__xss=2</script>']);
  // The survey is named by its enterprise, which arrives in the same file.
  await page.getByTestId('preview-kind-survey').locator('summary').click();
  await expect(page.getByTestId('preview-kind-survey').getByTestId('preview-label')).toHaveText([/^<img src=x onerror="window.__xss=1"> · /]);
  expect(await page.getByTestId('import-preview').locator('img, script').count()).toBe(0);
  await sync.apply();
  const register = new EnterpriseRegister(page);
  await register.open();
  await expect(page.getByTestId('enterprise-link')).toHaveText(['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>']);

  // Another laptop's newer version of one of them puts HTML into a field diff.
  const file = JSON.parse(fs.readFileSync(fixture('html-names.json'), 'utf8'));
  delete file.checksum;
  const record = file.records.enterprise[1];
  record.version['laptop-x'] = 1;
  record.updated = { ms: record.updated.ms + 60_000, counter: 0, device: 'laptop-x' };
  record.device_id = 'laptop-x';
  record.payload.notes = '<b onmouseover="window.__xss=3">ghi chú</b>';
  const body = JSON.stringify(file).slice(0, -1);
  const newer = test.info().outputPath('newer.json');
  fs.writeFileSync(newer, `${body},"checksum":"${createHash('sha256').update(body).digest('hex')}"}`);
  await sync.open();
  await sync.choose([newer]);
  expect(await sync.counts('enterprise')).toEqual({ new: 0, updated: 1, conflicts: 0, deleted: 0, unchanged: 1 });
  await page.getByTestId('preview-kind-enterprise').locator('summary').click();
  await expect(page.getByTestId('field-diff-row')).toHaveText([/<b onmouseover="window.__xss=3">ghi chú<\/b>/]);
  expect(await page.getByTestId('import-preview').locator('b, img, script').count()).toBe(0);
  await sync.apply();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
