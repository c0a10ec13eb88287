// Charts as figures (src/ui/charts/figure.rs): an enterprise's readiness radar and its history on
// its page in the register, each with its numbers in a table for screen readers and two
// downloads. The SVG file parses as XML and holds the labels the table names; the PNG is a PNG,
// drawn at twice the chart's size. The data is the synthetic province (make synth).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, seedRows } from '../pages/app.js';
import { ChartFigure, parseSvg, pngInfo } from '../pages/charts.js';

const dir = new URL('../../../target/synth/province-300/', import.meta.url);
const read = (kind) => JSON.parse(fs.readFileSync(new URL(`${kind}.json`, dir), 'utf8'));
const payload = (row) => JSON.parse(row.json);

// Numbers and dates as the app writes them in Vietnamese.
const viPercent = (x) => `${(Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '').replace('.', ',')}%`;
const viDate = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('biểu đồ mức sẵn sàng của doanh nghiệp: bảng số liệu cho trình đọc màn hình, tải SVG và PNG', async ({ page }) => {
  const rows = { enterprise: read('enterprise'), assessment: read('assessment') };
  // An enterprise with at least two scored self-assessments, so the radar has this time and the
  // time before, and the history a line.
  const sent = rows.assessment.map(payload).filter((a) => !a.deleted && Number.isFinite(a.payload.readiness));
  const byEnterprise = {};
  for (const a of sent) (byEnterprise[a.payload.enterprise_id] ??= []).push(a);
  const enterprise = rows.enterprise.map(payload).find((e) => !e.deleted && (byEnterprise[e.id]?.length ?? 0) >= 2);
  expect(enterprise).toBeDefined();
  const own = byEnterprise[enterprise.id];

  const app = new AppShell(page);
  await app.open('/');
  await seedRows(page, rows);
  await app.reload();
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill(enterprise.payload.tax_code || enterprise.payload.name);
  await register.openEnterprise(enterprise.payload.name);

  const radar = new ChartFigure(page, 'readiness-radar');
  await expect(radar.svg).toHaveCount(1);
  await expect(radar.svgButton).toHaveText('Tải ảnh SVG');
  await expect(radar.pngButton).toHaveText('Tải ảnh PNG');
  // Each button's accessible name says which chart it saves (a page has several).
  await expect(radar.pngButton).toHaveAccessibleName('Tải ảnh PNG: Mức độ sẵn sàng theo nội dung');
  await expect(page.getByRole('button', { name: 'Tải ảnh SVG: Mức độ sẵn sàng qua các lần đánh giá' })).toHaveCount(1);

  // The numbers a screen reader gets: one row per module assessed, the latest and the one before.
  const numbers = await radar.numbers();
  expect(numbers.caption).toBe('Mức độ sẵn sàng theo nội dung');
  expect(numbers.header).toEqual(['Nội dung', 'Lần đánh giá gần nhất', 'Lần trước']);
  expect(numbers.rows).toHaveLength(1);
  // The table is in the page for screen readers but takes no room on screen.
  const box = await radar.numbersBox.boundingBox();
  expect(box.width * box.height).toBeLessThanOrEqual(1);

  // The SVG file: well formed, the chart's title and the module's name in it, nothing but SVG.
  const svgFile = await radar.downloadSvg();
  expect(svgFile.name).toBe('muc-do-san-sang-theo-noi-dung.svg');
  const text = svgFile.bytes.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const svg = await parseSvg(page, text);
  expect(svg.error).toBeNull();
  expect(svg.root).toBe('svg');
  expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
  expect(svg.scripts).toBe(0);
  expect(svg.title).toBe(numbers.caption);
  expect(svg.texts).toContain(numbers.caption);
  for (const [module] of numbers.rows) expect(svg.texts).toContain(module);
  // The file is the chart on the page: the same texts in the same order.
  expect(svg.texts).toEqual((await radar.svg.locator('text').allTextContents()).map((t) => t.trim()));

  // The PNG: a PNG, twice the chart's size (sharp on slides and projectors).
  const pngFile = await radar.downloadPng();
  expect(pngFile.name).toBe('muc-do-san-sang-theo-noi-dung.png');
  const png = pngInfo(pngFile.bytes);
  expect(png.isPng).toBe(true);
  expect([png.width, png.height]).toEqual([2 * svg.width, 2 * svg.height]);
  fs.writeFileSync(test.info().outputPath('readiness-radar.png'), pngFile.bytes);

  // The history: its table lists every assessment sent, by date, with its readiness, and the SVG
  // writes each date on its axis where they fit, and the percentages the table gives.
  const history = new ChartFigure(page, 'readiness-history');
  const historyNumbers = await history.numbers();
  expect(historyNumbers.header).toEqual(['Nội dung', 'Ngày đánh giá', 'Mức sẵn sàng']);
  const expected = own.map((a) => [viDate(a.payload.answers.assessment_date), viPercent(a.payload.readiness)]).sort();
  expect(historyNumbers.rows.map(([, date, percent]) => [date, percent]).sort()).toEqual(expected);
  const historySvg = await parseSvg(page, (await history.downloadSvg()).bytes.toString('utf8'));
  expect(historySvg.error).toBeNull();
  expect(historySvg.texts).toContain(historyNumbers.rows[0][0]);
  expect(historySvg.texts).toContain(historyNumbers.rows[0][1]);

  await radar.chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('chart-figures.png') });
});
