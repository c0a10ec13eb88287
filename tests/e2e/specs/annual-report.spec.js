// Báo cáo sơ kết: the annual report of a synthetic province (make synth: 300 enterprises and the
// activities of 2021-2026). The officer opens the report for a year, edits the title and the
// signatory (kept after a reload), prints it to A4 PDF laid out as an administrative document
// (Decree 30/2020/NĐ-CP), and downloads its tables as XLSX and as CSV. Every expected number is
// worked out here from the same rows the app is given, never copied from the app.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { AppShell, seedRows, untilControlled } from '../pages/app.js';
import { AnnualReport, parseCsv, readXlsx } from '../pages/report.js';
import { compact, readPdf } from '../pages/pdf.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
const vi = (n) => n.toLocaleString('de-DE');
// Kinds whose enterprises the report lists as supported (src/report/content.rs, SUPPORT_KINDS).
const SUPPORT_KINDS = ['enterprise_support', 'standards_support', 'tfp_task'];
const TRAINING_LABEL = 'Lớp đào tạo, tập huấn về NSCL';

// The rows to seed, for the latest year with three support engagements: the first two name one
// enterprise (supported twice, so its row must show both supports) and the third is deleted (a
// tombstone the report leaves out).
function province() {
  const enterprise = read('enterprise');
  const activity = read('activity');
  const payloads = activity.map((r) => JSON.parse(r.json));
  const supportsIn = (y) => payloads.filter((a) => a.payload.activity_type === 'enterprise_support' && a.payload.start_date.startsWith(y));
  const years = [...new Set(payloads.map((a) => a.payload.start_date.slice(0, 4)))].sort().reverse();
  const year = years.find((y) => supportsIn(y).length >= 3);
  expect(year, 'the synthetic province has a year with three support engagements').toBeTruthy();
  const [first, second, gone] = supportsIn(year);
  const twice = first.payload.enterprise_ids[0];
  const put = (record) => {
    const i = activity.findIndex((r) => r.id === record.id);
    activity[i] = { ...activity[i], json: JSON.stringify(record) };
  };
  if (!second.payload.enterprise_ids.includes(twice)) put({ ...second, payload: { ...second.payload, enterprise_ids: [...second.payload.enterprise_ids, twice] } });
  // The deleted one's enterprises must not be the twice-supported one, so its row stays at two.
  gone.payload.enterprise_ids = gone.payload.enterprise_ids.filter((e) => e !== twice);
  gone.payload.title = `Hỗ trợ đã xóa: ${gone.payload.title}`;
  put({ ...gone, deleted: true });
  return { rows: { enterprise, activity }, year, twice, gone };
}

// What the report must say for `year`, worked out from the rows as seeded.
function expected(rows, year) {
  const acts = rows.activity.map((r) => JSON.parse(r.json)).filter((a) => !a.deleted && a.payload.start_date.startsWith(year));
  const supported = new Set(acts.filter((a) => SUPPORT_KINDS.includes(a.payload.activity_type)).flatMap((a) => a.payload.enterprise_ids));
  return {
    activities: acts.length,
    classes: acts.filter((a) => a.payload.activity_type === 'training_class').length,
    supported: supported.size,
    budget: acts.reduce((sum, a) => sum + (a.payload.budget_vnd ?? 0), 0),
    state: acts.filter((a) => a.payload.funding === 'state_budget').reduce((sum, a) => sum + (a.payload.budget_vnd ?? 0), 0),
  };
}

test('báo cáo sơ kết năm: sửa tiêu đề và người ký, in ra A4, tải XLSX và CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const { rows, year, twice, gone } = province();
  const want = expected(rows, year);
  const enterprises = Object.fromEntries(rows.enterprise.map((r) => JSON.parse(r.json)).map((e) => [e.id, e.payload]));

  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  await seedRows(page, rows);
  await app.reload();

  const report = new AnnualReport(page);
  await report.open();
  await report.choosePeriod(year);

  // I. Chỉ tiêu: the training classes of the year, counted from the records.
  const classes = await report.rowCells('indicators', TRAINING_LABEL);
  expect(classes[5]).toBe(vi(want.classes));
  // III. Doanh nghiệp được hỗ trợ: each once; the one supported twice shows both supports.
  await expect(report.table('enterprises').locator('tbody tr:not(.report-total)')).toHaveCount(want.supported);
  const twiceCells = await report.rowCells('enterprises', enterprises[twice].name);
  expect(twiceCells[5]).toBe('2');
  await expect(report.table('enterprises').locator('tbody tr').filter({ hasText: enterprises[twice].name }).locator('.report-line')).toHaveCount(2);
  // IV. The deleted activity is not listed.
  await expect(report.table('activities')).not.toContainText(gone.payload.title);
  await expect(report.table('activities').locator('tbody tr.report-total')).toContainText(`Cộng: ${vi(want.activities)} hoạt động`);
  // V. Kinh phí: the total over every source.
  const total = report.table('budget').locator('tbody tr.report-total td');
  await expect(total.last()).toHaveText(vi(want.budget));
  await expect(total.nth(3)).toHaveText(vi(want.state));

  expect(want.budget, 'the year has activities with a budget').toBeGreaterThan(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('bao-cao-man-hinh.png') });

  // The title and the signatory, edited before printing, are kept on this device after a reload.
  const title = `Sơ kết năm ${year} thực hiện Kế hoạch 105/KH-UBND <b>về NSCL</b>`;
  await report.fill('title', title);
  await report.fill('signer-position', 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC');
  await report.fill('signer-name', 'Nguyễn Văn Thành');
  await expect(report.shown('doc-title')).toHaveText(title);
  await app.reload();
  await expect(report.document).toBeVisible();
  await report.choosePeriod(year);
  await expect(report.field('title')).toHaveValue(title);
  await expect(report.field('signer-name')).toHaveValue('Nguyễn Văn Thành');
  // Typed text is text: the tags show as typed, nothing becomes markup.
  await expect(report.shown('doc-title')).toHaveText(title);
  await expect(report.shown('doc-title').locator('b')).toHaveCount(0);
  await expect(report.shown('doc-signature')).toContainText('PHÓ GIÁM ĐỐC');
  await expect(report.shown('doc-signer-name')).toHaveText('Nguyễn Văn Thành');
  await expect(report.shown('doc-date')).toHaveText(/^Đồng Tháp, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);

  // In: A4, the motto and the indicator table in the PDF's text; no menu or buttons.
  const pdfBytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pdfPath = test.info().outputPath('bao-cao.pdf');
  fs.writeFileSync(pdfPath, pdfBytes);
  const pdf = readPdf(pdfBytes);
  const text = compact(pdf.text);
  for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH ĐỒNG THÁP', 'BÁO CÁO', title,
    'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', TRAINING_LABEL, 'Nơi nhận:', 'Nguyễn Văn Thành', vi(want.budget)]) {
    expect(text, s).toContain(compact(s));
  }
  for (const s of ['In báo cáo', 'Theo dõi Năng suất Chất lượng', 'Khôi phục mặc định']) expect(text, s).not.toContain(compact(s));
  expect(pdf.pages).toBeGreaterThan(1);
  // The pages as pictures, to look at (test-results/…/trang-*.png).
  execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, test.info().outputPath('trang')]);
  // Page by page: each plan item's heading row in section IV is printed on the page of its first
  // activity, never alone at a page's foot (this year's 2.3.4 was, before the rows kept together).
  const pageTexts = pdf.text.split('\f').map(compact);
  const groups = await page.getByTestId('report-section-activities').locator('tr.report-group').evaluateAll((rows) => rows.map((r) => {
    const next = r.nextElementSibling;
    return { heading: r.textContent, first: next && !next.classList.contains('report-group') ? [...next.cells].slice(1, 4).map((c) => c.textContent) : null };
  }));
  expect(groups.filter((g) => g.first).length).toBeGreaterThan(2);
  for (const g of groups.filter((g) => g.first)) {
    const at = pageTexts.findIndex((t) => t.includes(compact(g.heading)));
    expect(at, g.heading).toBeGreaterThanOrEqual(0);
    for (const cell of g.first) expect(pageTexts[at], `${g.heading}: its first activity on its page`).toContain(compact(cell));
  }

  // XLSX: one sheet per table, numbers as numbers.
  const xlsx = await report.downloadXlsx();
  expect(xlsx.name).toBe(`bao-cao-${year}.xlsx`);
  const sheets = readXlsx(xlsx.bytes);
  expect(sheets.map((s) => s.name)).toEqual(['Chỉ tiêu', 'Doanh nghiệp được hỗ trợ', 'Hoạt động', 'Kinh phí']);
  const [indicators, supported, , budget] = sheets;
  expect(indicators.rows[0]).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Mức phấn đấu', 'Thực hiện', 'Tỷ lệ đạt (%)', 'Đánh giá']);
  expect(indicators.rows.find((r) => r[1] === TRAINING_LABEL)[5]).toBe(want.classes);
  expect(supported.rows.filter((r) => typeof r[0] === 'number')).toHaveLength(want.supported);
  expect(supported.rows.find((r) => r[1] === enterprises[twice].name)[5]).toBe(2);
  const budgetTotal = budget.rows[budget.rows.length - 1];
  expect(budgetTotal[1]).toBe('Tổng cộng');
  expect(budgetTotal[6]).toBe(want.budget);
  expect(budgetTotal[3]).toBe(want.state);

  // CSV: the budget table, with the byte-order mark Excel needs for Vietnamese, numbers unformatted.
  const csv = await report.downloadCsv('budget');
  expect(csv.name).toBe(`bao-cao-${year}-budget.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvRows = parseCsv(csv.bytes.toString('utf8').slice(1));
  expect(csvRows[0]).toEqual(['Mục', 'Nội dung', 'Số hoạt động có kinh phí', 'Ngân sách nhà nước', 'Kinh phí huy động', 'Không ghi nguồn', 'Tổng cộng']);
  expect(csvRows.find((r) => r[0] === '2.3.3')[1]).toBe('Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, hệ thống quản lý, công cụ cải tiến');
  expect(csvRows[csvRows.length - 1][6]).toBe(String(want.budget));
});

test('a report with nothing done yet prints its empty sections III and IV on one page, not a page each', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  const report = new AnnualReport(page);
  await report.open();
  await expect(page.getByTestId('report-section-enterprises')).toHaveClass(/gov-section-empty/);
  await expect(page.getByTestId('report-section-activities')).toHaveClass(/gov-section-empty/);
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  fs.writeFileSync(test.info().outputPath('bao-cao-trong.pdf'), bytes);
  const pdf = readPdf(bytes);
  const pages = pdf.text.split('\f').map(compact);
  const pageOf = (heading) => pages.findIndex((t) => t.includes(compact(heading)));
  expect(pageOf('III. DOANH NGHIỆP ĐƯỢC HỖ TRỢ')).toBeGreaterThanOrEqual(0);
  expect(pageOf('IV. HOẠT ĐỘNG THEO NHIỆM VỤ CỦA KẾ HOẠCH')).toBe(pageOf('III. DOANH NGHIỆP ĐƯỢC HỖ TRỢ'));
});
