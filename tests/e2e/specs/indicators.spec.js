// Chỉ tiêu Kế hoạch 105/KH-UBND trên trang tổng quan: mục tiêu sửa trong Cài đặt (có lịch sử),
// số thực hiện của tỉnh mẫu (make synth, 300 doanh nghiệp) khớp với trang liệt kê bản ghi
// làm nên con số. Dữ liệu được nạp thẳng vào IndexedDB như các spec khác.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, seedRows, untilControlled } from '../pages/app.js';
import { IndicatorDashboard, RecordsBehind, TargetSettings } from '../pages/indicators.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
const province = () => Object.fromEntries(['enterprise', 'survey', 'assessment', 'activity'].map((k) => [k, read(k)]));
const vi = (n) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });

// Hoạt động chưa xóa của một loại, bắt đầu trong 2021-2025: cách tính viết độc lập với ứng dụng.
function activitiesOf(rows, kind) {
  return rows.activity.map((r) => JSON.parse(r.json)).filter((a) => !a.deleted && a.payload.activity_type === kind)
    .filter((a) => { const y = Number(a.payload.start_date.slice(0, 4)); return y >= 2021 && y <= 2025; });
}
// Mỗi doanh nghiệp tính một lần; hoạt động chưa liên kết doanh nghiệp tính là một.
function distinctEnterprises(acts) {
  const keys = new Set();
  for (const a of acts) {
    const ids = a.payload.enterprise_ids || [];
    if (ids.length === 0) keys.add(`record:${a.id}`);
    for (const e of ids) keys.add(e);
  }
  return keys.size;
}

async function openProvince(page) {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  await seedRows(page, province());
  await app.reload();
  return app;
}

test('đổi mục tiêu trong Cài đặt: trang tổng quan theo, lịch sử ghi lại, tải lại vẫn giữ, trả về mặc định', async ({ page }) => {
  const rows = province();
  const classes = activitiesOf(rows, 'training_class').length;
  expect(classes).toBeGreaterThan(0);
  const app = await openProvince(page);
  const dashboard = new IndicatorDashboard(page);
  const settings = new TargetSettings(page);

  // Người sửa được ghi vào lịch sử.
  await app.nav('settings').click();
  await page.getByTestId('officer-name').fill('Nguyễn Thị Hoa');

  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');
  await expect(dashboard.target('training_classes')).toHaveText('≥ 10');
  await expect(dashboard.actual('training_classes')).toHaveText(vi(classes));
  await expect(dashboard.target('enterprises_supported')).toHaveText('≥ 15');
  await expect(dashboard.target('organisations_guided')).toHaveText('~ 500');

  await settings.open();
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 10');
  await expect(settings.current('training_classes', '2026-2030')).toHaveText('≥ 11 (khoảng 11–12; phấn đấu 12)');
  await expect(page.getByTestId('target-history-empty')).toBeVisible();

  // Gõ sai: báo lỗi, không lưu gì.
  await settings.edit('training_classes', '2021-2025', { value: 'mười hai' });
  await settings.save();
  await expect(settings.error).toHaveText('Mục tiêu phải là một số, ví dụ 12.');
  await settings.edit('training_classes', '2021-2025', { value: '3,14' });
  await settings.save();
  await expect(settings.error).toHaveText('Mục tiêu phải là số nguyên: chỉ tiêu đếm lớp, người, doanh nghiệp…');
  await settings.edit('training_classes', '2021-2025', { value: '12', stretch: '11' });
  await settings.save();
  await expect(settings.error).toHaveText('Mục tiêu phấn đấu phải không thấp hơn mục tiêu.');
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 10');

  await settings.edit('training_classes', '2021-2025', { value: '12', stretch: '', note: 'Quyết định điều chỉnh số 15/QĐ-UBND' });
  await settings.save();
  await expect(app.flash()).toContainText('Đã lưu mục tiêu.');
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 12');
  // Giai đoạn sau tính từ mục tiêu mới: 12 × 1,10 = 13,2 → 14; 12 × 1,15 = 13,8 → 14.
  await expect(settings.current('training_classes', '2026-2030')).toHaveText('≥ 14');
  await expect(settings.entries).toHaveCount(1);
  const entry = settings.entries.first();
  await expect(entry).toContainText('Nguyễn Thị Hoa');
  await expect(entry).toContainText('Lớp đào tạo, tập huấn về NSCL · 2021-2025');
  await expect(entry.getByTestId('history-change').filter({ hasText: 'Mục tiêu:' })).toContainText('10 (mặc định) → 12');
  await expect(entry.getByTestId('history-change').filter({ hasText: 'Căn cứ, ghi chú:' })).toContainText('Quyết định điều chỉnh số 15/QĐ-UBND');

  // Trang tổng quan theo mục tiêu mới.
  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');
  await expect(dashboard.target('training_classes')).toHaveText('≥ 12');
  await expect(page.getByTestId('indicator-percent-training_classes')).toHaveText(`${vi(Math.round((classes / 12) * 1000) / 10)}%`);
  // 2021-2025 đã qua: đạt hoặc không đạt.
  await expect(dashboard.pace('training_classes')).toHaveText(classes >= 12 ? 'Đã đạt' : 'Không đạt');
  // Biểu đồ tiến độ dùng cùng mục tiêu: bảng số liệu của biểu đồ (cho trình đọc màn hình) ghi 12.
  await expect(page.getByTestId('chart-progress-table').locator('tr', { hasText: 'Lớp đào tạo, tập huấn về NSCL' }).locator('td').first()).toHaveText('12');

  // Tải lại: mục tiêu và lịch sử vẫn còn.
  await app.reload();
  await settings.open();
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 12');
  await expect(settings.entries).toHaveCount(1);

  // Trả về mặc định: một phiên bản mới, lịch sử có hai dòng.
  await settings.reset('training_classes', '2021-2025');
  await expect(app.flash()).toContainText('Đã trả mục tiêu về mặc định.');
  await expect(settings.current('training_classes', '2021-2025')).toHaveText('≥ 10');
  await expect(settings.entries).toHaveCount(2);
  await expect(settings.entries.first().getByTestId('history-change').filter({ hasText: 'Mục tiêu:' })).toContainText('12 → —');
  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');
  await expect(dashboard.target('training_classes')).toHaveText('≥ 10');
});

test('tỉnh mẫu: mỗi số thực hiện trên trang tổng quan khớp với số bản ghi ở trang liệt kê', async ({ page }) => {
  const rows = province();
  await openProvince(page);
  const dashboard = new IndicatorDashboard(page);
  const behind = new RecordsBehind(page);
  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');

  // Chỉ tiêu đếm bản ghi: mỗi hoạt động một dòng.
  for (const [id, kind] of [['training_classes', 'training_class'], ['testing_fields', 'testing_field']]) {
    const n = activitiesOf(rows, kind).length;
    await expect(dashboard.actual(id)).toHaveText(vi(n));
    await dashboard.openBehind(id);
    await expect(behind.value).toHaveText(vi(n));
    await expect(behind.activities).toHaveCount(n);
    await behind.back();
    await dashboard.choosePeriod('2021-2025');
  }
  // Chỉ tiêu đếm doanh nghiệp: mỗi doanh nghiệp một dòng, dù được hỗ trợ nhiều lần.
  for (const [id, kind] of [['enterprises_supported', 'enterprise_support'], ['award_entrants', 'award_entry']]) {
    const acts = activitiesOf(rows, kind);
    const n = distinctEnterprises(acts);
    await expect(dashboard.actual(id)).toHaveText(vi(n));
    await dashboard.openBehind(id);
    await expect(behind.value).toHaveText(vi(n));
    await expect(behind.counted).toHaveCount(n);
    // Mỗi hoạt động nằm dưới doanh nghiệp của nó, có liên kết tới bản ghi.
    const firstLinked = acts.find((a) => (a.payload.enterprise_ids || []).length > 0);
    if (firstLinked) await expect(page.locator(`a[href="/activities/${firstLinked.id}"]`).first()).toBeVisible();
    await behind.back();
    await dashboard.choosePeriod('2021-2025');
  }
  // Chỉ tiêu cộng dồn: số trên trang tổng quan bằng số ở trang liệt kê; trang liệt kê đủ các hoạt động.
  for (const [id, kinds] of [['organisations_guided', ['training_class', 'outreach']], ['experts_trained', ['expert', 'expert_training']]]) {
    const acts = kinds.flatMap((k) => activitiesOf(rows, k));
    const shown = await dashboard.actual(id).textContent();
    await dashboard.openBehind(id);
    await expect(behind.value).toHaveText(shown);
    await expect(behind.activities).toHaveCount(acts.length);
    await behind.back();
    await dashboard.choosePeriod('2021-2025');
  }
  // Một năm, theo liên kết của bảng theo năm.
  const y2022 = rows.activity.map((r) => JSON.parse(r.json)).filter((a) => !a.deleted && a.payload.activity_type === 'training_class' && a.payload.start_date.startsWith('2022')).length;
  await page.getByTestId('trend-training_classes-2022').click();
  await expect(behind.value).toHaveText(vi(y2022));
  await expect(behind.activities).toHaveCount(y2022);
  await expect(page.getByTestId('behind-scope')).toContainText('2022');
});

test('khảo sát của tỉnh mẫu: số doanh nghiệp áp dụng ISO 9001 và 5S khớp với danh sách doanh nghiệp phía sau', async ({ page }) => {
  const rows = province();
  // Phiếu gần nhất trong 2021-2025 của mỗi doanh nghiệp có trả lời phần hệ thống, công cụ.
  const answered = (a) => a && Object.values(a).some((v) => v !== '');
  const latest = new Map();
  for (const r of rows.survey) {
    const s = JSON.parse(r.json);
    const p = s.payload;
    if (s.deleted || p.form_id !== 'field-survey' || !(answered(p.answers.management_systems) || answered(p.answers.improvement_tools))) continue;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(p.answers.survey_date || '') ? p.answers.survey_date : new Date(s.created.ms).toISOString().slice(0, 10);
    const y = Number(date.slice(0, 4));
    if (y < 2021 || y > 2025) continue;
    const here = latest.get(p.enterprise_id);
    if (!here || date > here.date || (date === here.date && s.updated.ms > here.ms)) latest.set(p.enterprise_id, { date, ms: s.updated.ms, p });
  }
  const iso = [...latest.values()].filter(({ p }) => ['applying', 'certified'].includes(p.answers.management_systems?.iso_9001)).length;
  const fiveS = [...latest.values()].filter(({ p }) => Number(p.answers.improvement_tools?.five_s) >= 2).length;
  expect(latest.size).toBeGreaterThan(0);

  await openProvince(page);
  const dashboard = new IndicatorDashboard(page);
  const behind = new RecordsBehind(page);
  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');
  await expect(page.getByTestId('survey-surveyed')).toHaveText(vi(latest.size));
  for (const [row, n] of [['iso_9001', iso], ['five_s', fiveS]]) {
    await expect(page.getByTestId(`survey-applying-${row}`)).toHaveText(vi(n));
    await page.getByTestId(`survey-applying-${row}`).click();
    await expect(behind.value).toHaveText(vi(n));
    await expect(behind.counted).toHaveCount(n);
    await behind.back();
    await dashboard.choosePeriod('2021-2025');
  }
});

// One indicator's records, then another's by a link in the page (the router follows it without a
// reload): the same page with other params. The second address's period and unit are shown, and
// the first's again after "back" (the router keeps the page when only its params change, and the
// page's own params and query follow the address: src/ui/router.rs).
test('từ trang liệt kê của một chỉ tiêu sang chỉ tiêu khác bằng liên kết: kỳ và đơn vị theo địa chỉ mới, quay lại thì theo địa chỉ cũ', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/indicators/training_classes?period=2021-2025');
  const scope = page.getByTestId('behind-scope');
  await expect(scope).toHaveText('2021-2025 · Toàn tỉnh');
  await page.evaluate(() => {
    window.notReloaded = true;
    const link = document.createElement('a');
    link.href = '/indicators/experts_trained?period=2026-2030&unit=none';
    link.textContent = 'Chuyên gia NSCL, 2026-2030, không gắn đơn vị';
    link.dataset.testid = 'next-indicator';
    document.querySelector('main').prepend(link);
  });
  await page.getByTestId('next-indicator').click();
  await expect(page).toHaveURL(/\/indicators\/experts_trained\?period=2026-2030&unit=none$/);
  await expect(scope).toHaveText('2026-2030 · Không gắn đơn vị');
  await page.goBack();
  await expect(page).toHaveURL(/\/indicators\/training_classes\?period=2021-2025$/);
  await expect(scope).toHaveText('2021-2025 · Toàn tỉnh');
  expect(await page.evaluate(() => window.notReloaded)).toBe(true);
});
