// The register at province scale: 5,000 synthetic enterprises (make synth).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, holdReadsAfterFirst, seedStoredEnterprises } from '../pages/app.js';

const SYNTH = new URL('../../../target/synth/enterprises-5000.json', import.meta.url);
const stored = fs.readFileSync(SYNTH, 'utf8');
const records = JSON.parse(stored).records;

test('5,000 enterprises: one page of rows in the DOM, paging, filters, sorting and search', async ({ page }) => {
  await seedStoredEnterprises(page, stored);
  const app = new AppShell(page);
  const register = new EnterpriseRegister(page);
  await app.open('/');
  await expect(page.getByTestId('stat-enterprises')).toHaveText('5.000');
  await register.open();
  await expect(register.resultCount).toHaveText('Hiển thị 1–50 trên tổng số 5.000');
  await expect(register.rows).toHaveCount(50);
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1/100');
  await page.getByTestId('next-page').click();
  await expect(register.resultCount).toHaveText('Hiển thị 51–100 trên tổng số 5.000');
  await expect(page.getByTestId('prev-page')).toBeEnabled();

  // Filter by unit: the count matches the data.
  const inSaDec = records.filter((r) => r.payload.admin_unit_id === 'tp-sa-dec').length;
  await page.getByTestId('filter-unit').selectOption('tp-sa-dec');
  await expect(register.resultCount).toContainText(`tổng số ${inSaDec.toLocaleString('de-DE')}`);
  await expect(page.getByTestId('page-indicator')).toHaveText(`Trang 1/${Math.ceil(inSaDec / 50)}`);

  // Largest first by employees.
  await page.getByTestId('sort-key').selectOption('employees');
  await page.getByTestId('sort-direction').click();
  const maxInSaDec = Math.max(...records.filter((r) => r.payload.admin_unit_id === 'tp-sa-dec').map((r) => r.payload.employees));
  await expect(register.rows.first()).toContainText(maxInSaDec.toLocaleString('de-DE'));
  await page.getByTestId('clear-filters').click();
  await expect(register.resultCount).toContainText('tổng số 5.000');

  // Search by a name typed without diacritics, then by a tax-code prefix.
  const target = records.find((r) => r.payload.name.includes('Đ') && r.payload.tax_code);
  const folded = target.payload.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  await register.search.fill(folded);
  await expect(register.row(target.payload.name)).toBeVisible();
  await register.search.fill(target.payload.tax_code);
  await expect(register.rows).toHaveCount(1);
  await expect(register.row(target.payload.name)).toBeVisible();
  const prefix = target.payload.tax_code.slice(0, 6);
  const withPrefix = records.filter((r) => (r.payload.tax_code || '').startsWith(prefix) || r.payload.contact_phone.replace(/ /g, '').includes(prefix)).length;
  await register.search.fill(prefix);
  await expect(register.resultCount).toContainText(`tổng số ${withPrefix.toLocaleString('de-DE')}`);
});

test('a large register shows its first 500 enterprises while the rest is read, says how many, and no count shows a part', async ({ page }) => {
  // The reads of the register after its first part are held until the test lets them go: the
  // page is caught between its first rows and the rest, not raced.
  const held = await holdReadsAfterFirst(page, 'enterprise');
  await seedStoredEnterprises(page, stored);
  // The first open moves the register into IndexedDB; the next is the cold open caught mid-read.
  await new AppShell(page).open('/');
  await held.arm();
  await page.goto('/enterprises');
  const register = new EnterpriseRegister(page);
  const note = page.getByTestId('still-reading');
  await expect(note).toHaveText('Đang đọc dữ liệu trên máy: 500 / 5.000 bản ghi. Danh sách sẽ đầy đủ khi đọc xong.');
  await expect(register.rows).toHaveCount(50);
  await expect(register.resultCount).toHaveText('Hiển thị 1–50 trên tổng số 500');
  await expect(page.getByTestId('loading')).toBeVisible();
  // The first 500 in id order (IndexedDB's key order) are searchable already.
  const first = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, 500);
  const one = first.find((r) => r.payload.tax_code);
  await register.search.fill(one.payload.tax_code);
  await expect(register.row(one.payload.name)).toBeVisible();
  await register.search.fill('');
  // Counts and forms wait for the whole register rather than count or check against a part.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('stat-enterprises')).toHaveText('…');
  // The indicators count activities, read after the register: "…", not a 0 marked behind.
  const firstActual = page.locator('[data-testid^="indicator-actual-"]').first();
  await expect(firstActual).toHaveText('…');
  await expect(page.locator('[data-testid^="indicator-pace-"]').first()).toHaveText('');
  await held.release();
  await expect(page.getByTestId('stat-enterprises')).toHaveText('5.000');
  // This province has no activities: counted, the figure is 0.
  await expect(firstActual).toHaveText('0');
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await page.getByTestId('nav-enterprises').click();
  await expect(register.resultCount).toHaveText('Hiển thị 1–50 trên tổng số 5.000');
  await expect(note).toHaveCount(0);
});
