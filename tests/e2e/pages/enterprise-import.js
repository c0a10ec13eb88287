// The enterprise list import (/enterprises/import) as an officer uses it: pick a
// spreadsheet, look at the column mapping, check the rows, read the summary,
// confirm or cancel. The selectors live here.
import { expect } from '@playwright/test';

export class EnterpriseImport {
  constructor(page) {
    this.page = page;
    this.file = page.getByTestId('import-file');
    this.preview = page.getByTestId('import-preview');
    this.read = page.getByTestId('import-read');
    this.summary = page.getByTestId('import-summary');
    this.counts = page.getByTestId('import-counts');
    this.error = page.getByTestId('import-error');
    this.done = page.getByTestId('import-done');
    this.confirmButton = page.getByTestId('import-confirm');
    this.fillEmpty = page.getByTestId('import-fill-empty');
  }

  // From the register page, as an officer finds it.
  async open() {
    await this.page.getByTestId('nav-enterprises').click();
    await this.page.getByTestId('import-enterprises').click();
    await expect(this.page.getByTestId('page-title')).toHaveText(/Nhập danh sách doanh nghiệp|Import an enterprise list/);
  }

  // A path, or { name, mimeType, buffer }; waits until the worker has read it into the preview.
  async pick(file) {
    await this.file.setInputFiles(file);
    await expect(this.preview).toBeVisible({ timeout: 30_000 });
  }

  // Picks a file the reader refuses; waits for the message.
  async pickRefused(file) {
    await this.file.setInputFiles(file);
    await expect(this.error).toBeVisible({ timeout: 30_000 });
  }

  mappedField(column) {
    return this.page.getByTestId(`map-col-${column}`);
  }

  async mapColumn(column, fieldKey) {
    await this.mappedField(column).selectOption(fieldKey);
  }

  async check() {
    await this.page.getByTestId('import-check').click();
    await expect(this.summary).toBeVisible({ timeout: 30_000 });
  }

  // The spreadsheet row numbers listed under a tab ('invalid', 'matches', 'new'), every page.
  async rowNumbers(tab) {
    await this.page.getByTestId(`tab-${tab}`).click();
    const numbers = [];
    for (;;) {
      const rows = this.page.getByTestId('import-row');
      for (const n of await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.row)))) numbers.push(n);
      const next = this.page.getByTestId('next-page');
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      const first = await rows.first().getAttribute('data-row');
      await next.click();
      await expect(rows.first()).not.toHaveAttribute('data-row', first);
    }
    return numbers;
  }

  // The row's details cell (its reasons, or the enterprise it matches).
  rowDetails(number) {
    return this.page.locator(`[data-testid="import-row"][data-row="${number}"] td`).nth(3);
  }

  async confirm() {
    await this.confirmButton.click();
    await expect(this.done).toBeVisible({ timeout: 30_000 });
  }

  async cancel() {
    await this.page.getByTestId('import-cancel').click();
    await expect(this.summary).toHaveCount(0);
    await expect(this.preview).toHaveCount(0);
  }
}

// The register's total, from "Hiển thị 1–50 trên tổng số 1.292" (0 when the register is empty).
export async function registerTotal(page) {
  await page.getByTestId('nav-enterprises').click();
  await expect(page.getByTestId('enterprise-search')).toBeVisible();
  const empty = page.getByTestId('empty-register');
  const count = page.getByTestId('result-count');
  await expect(empty.or(count.filter({ hasText: /\d/ }))).toBeVisible();
  if (await empty.isVisible()) return 0;
  const text = await count.textContent();
  const last = text.trim().split(/\s+/).pop();
  return Number(last.replace(/[.,]/g, ''));
}

// A valid Vietnamese tax code from nine digits (the check digit computed as the app does).
export function taxCode(nine) {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = Number(nine); ; n += 1) {
    const digits = String(n).padStart(9, '0').split('').map(Number);
    const r = digits.reduce((s, d, i) => s + d * weights[i], 0) % 11;
    if (r !== 0) return digits.join('') + String((10 - r) % 10);
  }
}
