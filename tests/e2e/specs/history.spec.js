// Each record keeps its earlier versions: who changed what and when, field by
// field, and any earlier version can be restored.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseForm } from '../pages/app.js';

async function edit(page, values) {
  await page.getByTestId('edit-enterprise').click();
  const form = new EnterpriseForm(page);
  await form.fill(values);
  await form.save.click();
  await expect(page.getByTestId('enterprise-detail')).toBeVisible();
}

test('the history shows each change with the officer, and restores an earlier version', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/settings');
  await page.getByTestId('officer-name').fill('Nguyễn Thị Hạnh');
  const form = new EnterpriseForm(page);
  await form.add({ name: 'HTX Xoài Mỹ Xương', employees: '20', address: 'Mỹ Xương' });
  await expect(page.getByTestId('history-empty')).toBeVisible();

  await edit(page, { employees: '35', address: 'Xã Mỹ Xương, Cao Lãnh' });
  await expect(page.getByTestId('detail-employees')).toHaveText('35');
  await edit(page, { notes: 'Đã khảo sát lần 2' });

  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Phiên bản hiện tại');
  await expect(entries.nth(0)).toContainText('Nguyễn Thị Hạnh');
  await expect(entries.nth(0).getByTestId('history-change')).toHaveText(['Ghi chú: — → Đã khảo sát lần 2']);
  await expect(entries.nth(1).getByTestId('history-change')).toHaveText([
    'Địa chỉ: Mỹ Xương → Xã Mỹ Xương, Cao Lãnh',
    'Số lao động tham gia BHXH: 20 → 35',
  ]);
  await expect(entries.nth(2)).toContainText('Phiên bản cũ nhất còn lưu.');

  // Restore the first version: a new version, and nothing is lost from the history.
  await entries.nth(2).getByTestId('history-restore').click();
  await expect(page.getByTestId('detail-employees')).toHaveText('20');
  await expect(page.getByTestId('detail-address')).toHaveText('Mỹ Xương');
  await expect(page.getByTestId('detail-notes')).toHaveText('—');
  await expect(entries).toHaveCount(4);
  await app.reload();
  await expect(page.getByTestId('detail-employees')).toHaveText('20');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(1).getByTestId('history-change')).toContainText(['Ghi chú: — → Đã khảo sát lần 2']);
});

test('only the configured number of earlier versions is kept', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/settings');
  await page.getByTestId('history-depth').selectOption('5');
  await new EnterpriseForm(page).add({ name: 'Cơ sở Sen Tháp Mười', employees: '1' });
  for (let n = 2; n <= 8; n++) await edit(page, { employees: String(n) });
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(6);
  await expect(entries.last().getByTestId('history-change')).toHaveCount(0);
  await expect(entries.nth(1).getByTestId('history-change')).toHaveText(['Số lao động tham gia BHXH: 6 → 7']);
});
