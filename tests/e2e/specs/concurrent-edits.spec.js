// Two tabs edit the same enterprise: the second save is stopped, shown what
// changed, and loses nothing.
import { test, expect } from '@playwright/test';
import { AppShell, EnterpriseRegister, EnterpriseForm } from '../pages/app.js';

async function openEdit(page, name) {
  const register = new EnterpriseRegister(page);
  await register.open();
  await register.openEnterprise(name);
  await page.getByTestId('edit-enterprise').click();
  await expect(page.getByTestId('enterprise-form')).toBeVisible();
  return new EnterpriseForm(page);
}

test('the second save of the same record asks, and both edits survive', async ({ page, context }) => {
  const a = new AppShell(page);
  await a.open('/');
  await new EnterpriseForm(page).add({ name: 'HTX Sen Tháp Mười', address: 'Mỹ Hòa', phone: '0277 3111 222', notes: 'ban đầu' });

  const other = await context.newPage();
  await new AppShell(other).open('/');
  const formB = await openEdit(other, 'HTX Sen Tháp Mười');
  const formA = await openEdit(page, 'HTX Sen Tháp Mười');

  await formA.fill({ address: 'Xã Mỹ Hòa, Tháp Mười', notes: 'ghi chú của A' });
  await formA.save.click();
  await expect(page.getByTestId('detail-address')).toHaveText('Xã Mỹ Hòa, Tháp Mười');

  await formB.fill({ phone: '0277 3999 888', notes: 'ghi chú của B' });
  await formB.save.click();
  const prompt = other.getByTestId('conflict-prompt');
  await expect(prompt).toContainText('Doanh nghiệp này vừa được sửa ở nơi khác');
  await expect(other.getByTestId('conflict-their-fields')).toHaveText('Những ô họ đã sửa: Địa chỉ, Ghi chú');
  await expect(other.getByTestId('conflict-both-fields')).toContainText('Ghi chú');
  // Nothing was saved yet; the form holds A's address and B's own changes.
  await expect(formB.field('address')).toHaveValue('Xã Mỹ Hòa, Tháp Mười');
  await expect(formB.field('phone')).toHaveValue('0277 3999 888');
  await expect(formB.field('notes')).toHaveValue('ghi chú của B');

  await formB.save.click();
  await expect(other.getByTestId('detail-address')).toHaveText('Xã Mỹ Hòa, Tháp Mười');
  await expect(other.getByTestId('detail-phone')).toHaveText('0277 3999 888');
  await expect(other.getByTestId('detail-notes')).toHaveText('ghi chú của B');

  await a.reload();
  await expect(page.getByTestId('detail-phone')).toHaveText('0277 3999 888');
  await expect(page.getByTestId('detail-address')).toHaveText('Xã Mỹ Hòa, Tháp Mười');
});

test('the officer can drop their own changes and take the saved version', async ({ page, context }) => {
  await new AppShell(page).open('/');
  await new EnterpriseForm(page).add({ name: 'Công ty TNHH Xoài Cao Lãnh', employees: '20' });
  const other = await context.newPage();
  await new AppShell(other).open('/');
  const formB = await openEdit(other, 'Công ty TNHH Xoài Cao Lãnh');
  const formA = await openEdit(page, 'Công ty TNHH Xoài Cao Lãnh');
  await formA.fill({ employees: '35' });
  await formA.save.click();
  await expect(page.getByTestId('detail-employees')).toHaveText('35');

  await formB.fill({ employees: '22' });
  await formB.save.click();
  await other.getByTestId('conflict-take-theirs').click();
  await expect(formB.field('employees')).toHaveValue('35');
  await expect(other.getByTestId('conflict-prompt')).toHaveCount(0);
  await formB.save.click();
  await expect(other.getByTestId('detail-employees')).toHaveText('35');
});
