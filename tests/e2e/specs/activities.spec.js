// Nhật ký hoạt động của chương trình NSCL, như cán bộ ghi: một lớp tập huấn, một chuyên gia,
// hai lần hỗ trợ cho cùng một doanh nghiệp (chọn bằng ô tìm kiếm trong danh bạ 300 doanh
// nghiệp) và một hồ sơ Giải thưởng Chất lượng Quốc gia đạt giải Vàng; tải lại trang vẫn còn;
// lọc theo loại, năm và theo danh sách mã (liên kết từ trang Tổng quan); sửa và xem lịch sử;
// xóa; trang doanh nghiệp liệt kê hoạt động của nó; số sai hoặc ngày kết thúc trước ngày bắt
// đầu thì báo lỗi và không lưu gì.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, seedRows, storedRows } from '../pages/app.js';
import { ActivityForm, ActivityList, EnterpriseActivities, recordActivity } from '../pages/activities.js';

const synth = new URL('../../../target/synth/province-300/enterprise.json', import.meta.url);
const enterpriseRows = () => JSON.parse(fs.readFileSync(synth, 'utf8'));

// A register enterprise with a tax code and a name no other enterprise has, so the picker shows it once.
function someEnterprise(rows, skip = 0) {
  const all = rows.map((r) => JSON.parse(r.json).payload);
  const ids = rows.map((r) => r.id);
  const unique = all.map((e, i) => ({ ...e, id: ids[i] })).filter((e) => e.tax_code && all.filter((x) => x.name === e.name).length === 1);
  return unique[skip];
}

// Một trình duyệt mới với danh bạ 300 doanh nghiệp tổng hợp, chưa có hoạt động nào.
async function openWithRegister(page) {
  const rows = enterpriseRows();
  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, { enterprise: rows });
  await app.reload();
  return { app, rows };
}

const stored = async (page) => (await storedRows(page, 'activity')).map((r) => JSON.parse(r.json));

test('ghi năm hoạt động, tải lại vẫn còn, lọc theo loại, năm, chữ tìm và danh sách mã', async ({ page }) => {
  const { app, rows } = await openWithRegister(page);
  const target = someEnterprise(rows);

  const lop = {
    kind: 'training_class', title: 'Lớp tập huấn ISO 9001:2015 cho doanh nghiệp Sa Đéc', start: '2026-03-10', end: '2026-03-12',
    unit: 'tp-sa-dec', organiser: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', topics: ['iso_9001'],
    participants: '45', organisations: '1.234', budget: '45.000.000', funding: 'state_budget',
  };
  const chuyenGia = {
    kind: 'expert', title: 'Chuyên gia NSCL được cấp chứng chỉ năm 2026', start: '2026-05-20',
    expert: { name: 'Nguyễn Thị Mai', organisation: 'Sở Khoa học và Công nghệ Đồng Tháp', certificate: 'CG-2026-015' },
  };
  const hoTro1 = {
    kind: 'enterprise_support', title: 'Hỗ trợ xây dựng và áp dụng ISO 22000', start: '2026-04-01', end: '2026-09-30',
    enterprises: [{ search: target.tax_code, name: target.name }], topics: ['iso_22000_haccp'], certified: 'yes', budget: '120000000', funding: 'state_budget',
  };
  // Tìm bằng tên viết không dấu: ô tìm kiếm bỏ qua dấu và chữ hoa.
  const words = target.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').split(' ');
  const hoTro2 = {
    kind: 'enterprise_support', title: 'Hỗ trợ áp dụng công cụ 5S', start: '2026-07-15',
    enterprises: [{ search: words.join(' ').toLowerCase(), name: target.name }], topics: ['five_s'], certified: 'no', budget: '30.000.000 đ', funding: 'mobilised',
  };
  const giaiThuong = {
    kind: 'award_entry', title: 'Tham dự Giải thưởng Chất lượng Quốc gia 2025', start: '2025-09-15',
    enterprises: [{ search: target.tax_code, name: target.name }], award: 'gold',
  };

  const form = new ActivityForm(page);
  // Mỗi loại chỉ hiện những ô của nó: lớp học có số người dự, chuyên gia thì có họ tên, không có kinh phí.
  await form.startNew();
  await form.field('kind').selectOption('expert');
  await expect(form.field('expert-name')).toBeVisible();
  await expect(form.field('budget')).toHaveCount(0);
  await expect(form.field('participants')).toHaveCount(0);
  await form.field('kind').selectOption('training_class');
  await expect(form.field('expert-name')).toHaveCount(0);
  await expect(form.field('participants')).toBeVisible();
  // Nhiệm vụ của kế hoạch mặc định theo loại: lớp tập huấn thuộc 2.3.4.
  await expect(form.field('plan-item')).toHaveValue('2.3.4');
  await form.fill(lop);
  const idLop = await form.save(lop.title);
  // Kinh phí hiện theo cách viết số của Việt Nam.
  await expect(form.field('budget')).toHaveValue('45.000.000');

  const idChuyenGia = await recordActivity(page, chuyenGia);
  const idHoTro1 = await recordActivity(page, hoTro1);
  const idHoTro2 = await recordActivity(page, hoTro2);
  const idGiai = await recordActivity(page, giaiThuong);

  // Đã lưu đúng như nhập, mỗi hoạt động một bản ghi.
  const saved = await stored(page);
  expect(saved.map((r) => r.id).sort()).toEqual([idLop, idChuyenGia, idHoTro1, idHoTro2, idGiai].sort());
  const byId = Object.fromEntries(saved.map((r) => [r.id, r.payload]));
  expect(byId[idLop]).toMatchObject({ participants: 45, organisations: 1234, budget_vnd: 45_000_000, funding: 'state_budget', end_date: '2026-03-12', topics: ['iso_9001'] });
  expect(byId[idChuyenGia].expert).toEqual({ name: 'Nguyễn Thị Mai', organisation: 'Sở Khoa học và Công nghệ Đồng Tháp', certificate: 'CG-2026-015' });
  expect(byId[idHoTro1]).toMatchObject({ certified: true, budget_vnd: 120_000_000, enterprise_ids: [target.id] });
  expect(byId[idHoTro2]).toMatchObject({ certified: false, budget_vnd: 30_000_000, funding: 'mobilised', enterprise_ids: [target.id] });
  expect(byId[idGiai]).toMatchObject({ award_result: 'gold', enterprise_ids: [target.id] });

  await app.reload();
  const list = new ActivityList(page);
  await list.open();
  await expect(list.rows).toHaveCount(5);
  await expect(list.count).toHaveText('Hiển thị 1–5 trên tổng số 5');
  // Mới nhất trước, theo ngày bắt đầu; chuyên gia kèm họ tên.
  const chuyenGiaRow = `${chuyenGia.title} (${chuyenGia.expert.name})`;
  await expect(list.links).toHaveText([hoTro2.title, chuyenGiaRow, hoTro1.title, lop.title, giaiThuong.title]);
  await expect(list.row(hoTro1.title).getByTestId('activity-row-budget')).toHaveText('120.000.000');
  await expect(list.row(hoTro1.title).getByTestId('activity-row-enterprises')).toHaveText(target.name);
  await expect(list.row(lop.title).getByTestId('activity-row-date')).toHaveText('10/03/2026 – 12/03/2026');

  // Lọc theo loại: hai lần hỗ trợ; bộ lọc nằm trong địa chỉ trang.
  await list.filterBy('kind', 'enterprise_support');
  await expect(list.rows).toHaveCount(2);
  await expect(page).toHaveURL(/\?kind=enterprise_support$/);
  await list.filterBy('year', '2026');
  await expect(list.rows).toHaveCount(2);
  await list.filterBy('kind', '');
  await expect(list.rows).toHaveCount(4);
  await list.filterBy('year', '2025');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(giaiThuong.title)).toHaveCount(1);
  await list.filterBy('year', '');

  // Tìm theo tên chuyên gia (không dấu) và theo tên doanh nghiệp.
  await list.search.fill('nguyen thi mai');
  await expect(list.links).toHaveText([chuyenGiaRow]);
  await list.search.fill(target.name);
  await expect(list.rows).toHaveCount(3);
  await list.search.fill('không có hoạt động nào như thế');
  await expect(page.getByTestId('no-activity-results')).toBeVisible();

  // Một liên kết (như từ trang Tổng quan) mở danh sách đã lọc, kể cả theo danh sách mã.
  await list.open('?kind=enterprise_support&year=2026');
  await expect(list.rows).toHaveCount(2);
  await expect(list.filter('kind')).toHaveValue('enterprise_support');
  await list.open(`?ids=${idLop},${idGiai}`);
  await expect(page.getByTestId('activities-selected-only')).toBeVisible();
  await expect(list.links).toHaveText([lop.title, giaiThuong.title]);
  await page.getByTestId('show-all-activities').click();
  await expect(list.rows).toHaveCount(5);

  await page.screenshot({ path: test.info().outputPath('activities-list.png') });
  await list.openActivity(hoTro1.title);
  await expect(form.linked).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('activity-form.png'), fullPage: true });
});

test('thêm hoạt động từ trang doanh nghiệp, sửa và xem lịch sử, rồi xóa', async ({ page }) => {
  const { rows } = await openWithRegister(page);
  const target = someEnterprise(rows, 1);
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill(target.tax_code);
  await register.openEnterprise(target.name);

  const onPage = new EnterpriseActivities(page);
  await expect(page.getByTestId('no-enterprise-activities')).toBeVisible();
  await onPage.add.click();
  // Mẫu mới đã gắn sẵn doanh nghiệp này và đơn vị hành chính của nó, mặc định là một lần hỗ trợ.
  const form = new ActivityForm(page);
  await expect(form.field('kind')).toHaveValue('enterprise_support');
  await expect(form.linked).toContainText(target.name);
  await expect(form.field('unit')).toHaveValue(target.admin_unit_id);
  await form.fill({ title: 'Hỗ trợ áp dụng Kaizen', start: '2026-02-02', topics: ['kaizen'] });
  const id = await form.save('Hỗ trợ áp dụng Kaizen');
  await expect(form.historyEntries()).toHaveCount(1);

  // Sửa: thêm kinh phí, đánh dấu đã chứng nhận; lịch sử ghi lại từng thay đổi.
  await form.fill({ budget: '80000000', certified: 'yes', title: 'Hỗ trợ áp dụng Kaizen và 5S' });
  await form.saveButton.click();
  await expect(page.getByTestId('flash')).toContainText('Đã lưu hoạt động.');
  await expect(form.historyEntries()).toHaveCount(2);
  await expect(form.historyChanges()).toContainText([
    'Tên hoạt động: Hỗ trợ áp dụng Kaizen → Hỗ trợ áp dụng Kaizen và 5S',
    'Đã được chứng nhận: — → Có',
    'Kinh phí (đồng): — → 80.000.000',
  ]);
  // Sau khi lưu, kinh phí hiện theo cách viết số của Việt Nam.
  await expect(form.field('budget')).toHaveValue('80.000.000');
  await page.screenshot({ path: test.info().outputPath('activity-history.png'), fullPage: true });

  // Tải lại: bản đã sửa và lịch sử vẫn còn.
  await page.reload();
  await expect(form.field('title')).toHaveValue('Hỗ trợ áp dụng Kaizen và 5S');
  await expect(form.field('budget')).toHaveValue('80.000.000');
  await expect(form.historyEntries()).toHaveCount(2);

  // Trang doanh nghiệp liệt kê hoạt động, với liên kết mở nó.
  await form.linked.getByTestId('activity-enterprise-name').click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
  await expect(onPage.links).toHaveText(['Hỗ trợ áp dụng Kaizen và 5S']);
  await expect(onPage.rows.first()).toContainText('Đã được chứng nhận');
  await onPage.section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('enterprise-activities.png') });
  await onPage.open('Hỗ trợ áp dụng Kaizen và 5S');
  expect(form.activityId()).toBe(id);

  // Xóa cần xác nhận; Hủy thì không xóa gì.
  await page.getByTestId('delete-activity').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Hỗ trợ áp dụng Kaizen và 5S');
  await page.getByTestId('confirm-no').click();
  await expect(form.form).toBeVisible();
  await form.delete();
  await expect(page.getByTestId('no-activities')).toBeVisible();
  // Xóa là một phiên bản mới đánh dấu đã xóa (để đồng bộ sang máy khác), không phải mất bản ghi.
  const [tombstone] = await stored(page);
  expect(tombstone).toMatchObject({ id, deleted: true });
  await page.goto(`/activities/${id}`);
  await expect(page.getByTestId('activity-not-found')).toBeVisible();
  await register.open();
  await register.search.fill(target.tax_code);
  await register.openEnterprise(target.name);
  await expect(page.getByTestId('no-enterprise-activities')).toBeVisible();
});

test('số sai hoặc ngày kết thúc trước ngày bắt đầu: báo lỗi bằng tiếng Việt và không lưu gì', async ({ page }) => {
  await openWithRegister(page);
  const form = new ActivityForm(page);
  await form.startNew();
  await form.saveButton.click();
  await expect(page.getByTestId('activity-form-errors')).toHaveText('Chưa lưu: vui lòng sửa các ô được đánh dấu.');
  await expect(form.error('kind')).toHaveText('Vui lòng nhập thông tin này.');

  await form.fill({ kind: 'training_class', title: 'Lớp tập huấn Lean', start: '2026-06-10', end: '2026-06-08', participants: 'ba mươi', organisations: '-5', budget: '1,5 triệu' });
  await form.saveButton.click();
  await expect(form.error('end-date')).toHaveText('Ngày kết thúc không được trước ngày bắt đầu.');
  await expect(form.error('participants')).toHaveText('Vui lòng nhập số nguyên không âm, ví dụ 25.');
  await expect(form.error('organisations')).toHaveText('Vui lòng nhập số nguyên không âm, ví dụ 25.');
  await expect(form.error('budget')).toHaveText('Vui lòng nhập số tiền nguyên (đồng), ví dụ 150.000.000.');
  // Ô sai đầu tiên được chọn để sửa ngay.
  await expect(form.field('end-date')).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('activity-errors.png'), fullPage: true });
  await expect(page).toHaveURL(/\/activities\/new$/);
  expect(await stored(page)).toEqual([]);

  // Sửa từng ô thì thông báo của ô đó biến mất; sửa hết thì lưu được.
  await form.fill({ end: '2026-06-12', participants: '30', organisations: '12', budget: '1.500.000' });
  await expect(form.error('end-date')).toHaveCount(0);
  await expect(form.error('budget')).toHaveCount(0);
  await form.save('Lớp tập huấn Lean');
  expect((await stored(page)).map((r) => r.payload.budget_vnd)).toEqual([1_500_000]);
});

test('hoạt động thuộc loại đã ngừng dùng vẫn mở, hiện tên loại và sửa được', async ({ page }) => {
  await openWithRegister(page);
  const id = '0b7e2a52-3c1d-4f0e-9a55-2f1d3c4b5a61';
  const record = {
    v: 2, id, kind: 'activity',
    created: { ms: 1650000000000, counter: 0, device: 'may-cu' }, updated: { ms: 1650000000000, counter: 0, device: 'may-cu' },
    version: { 'may-cu': 1 }, officer: 'Cán bộ cũ', device_id: 'may-cu', deleted: false,
    payload: { activity_type: 'expert_training', title: 'Khóa đào tạo chuyên gia NSCL 2022', start_date: '2022-04-15', organiser: 'Viện Năng suất Việt Nam', participants: 25, experts_qualified: 8, enterprise_ids: [], topics: [], notes: '' },
  };
  await seedRows(page, { activity: [{ id, updated_ms: 1650000000000, keys: { activity_type: 'expert_training', year: '2022' }, json: JSON.stringify(record) }] });
  await page.reload();
  const list = new ActivityList(page);
  await list.open();
  await expect(list.row('Khóa đào tạo chuyên gia NSCL 2022').getByTestId('activity-row-kind')).toHaveText('Đào tạo chuyên gia NSCL');
  await list.openActivity('Khóa đào tạo chuyên gia NSCL 2022');
  const form = new ActivityForm(page);
  await expect(page.getByTestId('activity-kind-note')).toContainText('không còn dùng cho hoạt động mới');
  await expect(form.field('experts-qualified')).toHaveValue('8');
  await form.field('experts-qualified').fill('9');
  await form.saveButton.click();
  await expect(page.getByTestId('flash')).toContainText('Đã lưu hoạt động.');
  const [saved] = await stored(page);
  expect(saved.payload).toMatchObject({ activity_type: 'expert_training', experts_qualified: 9, participants: 25 });
  // Loại đã ngừng dùng không có trong danh sách cho hoạt động mới.
  await form.startNew();
  await expect(form.field('kind').locator('option[value="expert_training"]')).toHaveCount(0);
});
