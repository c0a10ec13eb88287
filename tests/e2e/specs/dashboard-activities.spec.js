// Từ nhật ký hoạt động đến trang tổng quan, như cán bộ làm: ghi một lớp tập huấn, một chuyên
// gia, hai lần hỗ trợ cho cùng một doanh nghiệp và một hồ sơ Giải thưởng Chất lượng Quốc gia
// đạt giải Vàng qua biểu mẫu; trang tổng quan đếm đúng (doanh nghiệp được hỗ trợ hai lần tính
// một), và liên kết của mỗi số liệt kê đúng các bản ghi đó, không hơn không kém.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, seedRows } from '../pages/app.js';
import { recordActivity } from '../pages/activities.js';
import { IndicatorDashboard, RecordsBehind } from '../pages/indicators.js';

const synth = new URL('../../../target/synth/province-300/enterprise.json', import.meta.url);

test('năm hoạt động ghi qua biểu mẫu: tổng quan đếm đúng, liên kết liệt kê đúng các bản ghi', async ({ page }) => {
  // Một danh bạ có sẵn (300 doanh nghiệp tổng hợp), chưa có hoạt động nào.
  const rows = JSON.parse(fs.readFileSync(synth, 'utf8'));
  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, { enterprise: rows });
  await app.reload();
  const enterprises = rows.map((r) => ({ id: r.id, ...JSON.parse(r.json).payload }));
  const unique = (e) => e.tax_code && enterprises.filter((x) => x.name === e.name).length === 1;
  const [a, b] = enterprises.filter(unique);

  // Cả năm hoạt động đều trong năm 2026, thuộc giai đoạn 2026-2030.
  const ids = {};
  ids.lop = await recordActivity(page, {
    kind: 'training_class', title: 'Lớp tập huấn Lean cho doanh nghiệp chế biến', start: '2026-03-10',
    unit: 'tp-sa-dec', participants: '40', organisations: '17', budget: '30.000.000', funding: 'state_budget',
  });
  ids.chuyenGia = await recordActivity(page, {
    kind: 'expert', title: 'Chuyên gia NSCL Trần Văn Khoa', start: '2026-04-02',
    expert: { name: 'Trần Văn Khoa', organisation: 'Chi cục TĐC Đồng Tháp', certificate: 'CG-2026-001' },
  });
  ids.hoTro1 = await recordActivity(page, {
    kind: 'enterprise_support', title: 'Hỗ trợ áp dụng ISO 9001', start: '2026-05-01',
    enterprises: [{ search: a.tax_code, name: a.name }], topics: ['iso_9001'], certified: 'yes',
  });
  ids.hoTro2 = await recordActivity(page, {
    kind: 'enterprise_support', title: 'Hỗ trợ áp dụng 5S', start: '2026-06-01',
    enterprises: [{ search: a.tax_code, name: a.name }], topics: ['five_s'], certified: 'no',
  });
  ids.giai = await recordActivity(page, {
    kind: 'award_entry', title: 'Tham dự Giải thưởng Chất lượng Quốc gia 2026', start: '2026-08-20',
    enterprises: [{ search: b.tax_code, name: b.name }], award: 'gold',
  });

  const dashboard = new IndicatorDashboard(page);
  const behind = new RecordsBehind(page);
  await dashboard.open();
  await dashboard.choosePeriod('2026-2030');
  const expected = {
    training_classes: '1', experts_trained: '1', organisations_guided: '17',
    // Hai lần hỗ trợ cùng một doanh nghiệp: tính một.
    enterprises_supported: '1', award_entrants: '1', award_gold: '1', testing_fields: '0',
  };
  for (const [id, n] of Object.entries(expected)) await expect(dashboard.actual(id)).toHaveText(n);

  // Số doanh nghiệp được hỗ trợ: một dòng, doanh nghiệp A, với đúng hai hoạt động hỗ trợ.
  await dashboard.openBehind('enterprises_supported');
  await expect(behind.value).toHaveText('1');
  await expect(behind.enterprises).toHaveText([a.name]);
  const links = page.locator('[data-testid="behind-enterprises"] a[href^="/activities/"]');
  expect((await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).sort())
    .toEqual([`/activities/${ids.hoTro1}`, `/activities/${ids.hoTro2}`].sort());
  // Liên kết mở đúng bản ghi.
  await page.locator(`a[href="/activities/${ids.hoTro2}"]`).click();
  await expect(page.getByTestId('page-title')).toHaveText('Hỗ trợ áp dụng 5S');

  // Giải Vàng: doanh nghiệp B, từ hồ sơ dự giải.
  await dashboard.open();
  await dashboard.choosePeriod('2026-2030');
  await dashboard.openBehind('award_gold');
  await expect(behind.enterprises).toHaveText([b.name]);
  await expect(page.locator(`[data-testid="behind-enterprises"] a[href="/activities/${ids.giai}"]`)).toHaveCount(1);

  // Lớp tập huấn và chuyên gia: mỗi số liệt kê đúng một hoạt động, là hoạt động đã ghi.
  for (const [id, activity] of [['training_classes', ids.lop], ['experts_trained', ids.chuyenGia]]) {
    await dashboard.open();
    await dashboard.choosePeriod('2026-2030');
    await dashboard.openBehind(id);
    await expect(behind.activities).toHaveCount(1);
    await expect(behind.activities.locator(`a[href="/activities/${activity}"]`)).toHaveCount(1);
  }

  // Giai đoạn 2021-2025 không có hoạt động nào trong số này.
  await dashboard.open();
  await dashboard.choosePeriod('2021-2025');
  for (const id of Object.keys(expected)) await expect(dashboard.actual(id)).toHaveText('0');

  // Bảng theo đơn vị: lớp tập huấn tính ở Sa Đéc, và số đó dẫn tới đúng hoạt động.
  await dashboard.choosePeriod('2026-2030');
  const unitLink = page.getByTestId('indicator-units').locator('a[href="/indicators/training_classes?period=2026-2030&unit=tp-sa-dec"]');
  await expect(unitLink).toHaveText('1');
  await unitLink.click();
  await expect(behind.activities.locator(`a[href="/activities/${ids.lop}"]`)).toHaveCount(1);

  // Tên đơn vị là chữ, không bao giờ là mã HTML: đổi tên Sa Đéc thành một cái bẫy, bảng và biểu đồ vẫn hiện nguyên chữ.
  const trap = '<img src=x onerror="window.__pwned = 1">Sa Đéc & "mới"';
  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('unit-row').filter({ has: page.getByTestId('unit-name').getByText('Sa Đéc', { exact: false }) }).first();
  await row.getByTestId('unit-rename').click();
  await page.getByTestId('unit-rename-vi').fill(trap);
  await page.getByTestId('unit-rename-save').click();
  await expect(page.getByTestId('unit-name').getByText(trap, { exact: true })).toHaveCount(1);
  await dashboard.open();
  await dashboard.choosePeriod('2026-2030');
  await expect(page.getByTestId('indicator-units').locator('tbody th', { hasText: trap })).toHaveCount(1);
  await expect(page.getByTestId('chart-units-table').locator('tbody th', { hasText: trap })).toHaveCount(1);
  await expect(page.locator('[data-testid="indicators"] img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
