// Installable and offline: after one visit the app opens with the network off,
// and a new deployment waits for the officer instead of swapping code.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { AppShell, EnterpriseRegister, EnterpriseForm, servedCopyOfBuild, untilControlled } from '../pages/app.js';

test('after one visit the app opens offline, and what is added offline survives a reload', async ({ context, page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest.short_name).toBe('NSCL');

  await context.setOffline(true);
  await page.close();
  const offline = await context.newPage();
  const shell = new AppShell(offline);
  await shell.open('/enterprises/new');
  await expect(offline.getByTestId('offline-notice')).toBeVisible();
  const form = new EnterpriseForm(offline);
  await form.fill({ name: 'HTX Lúa gạo Phú Thành', taxCode: '1400100593', unit: 'h-tam-nong' });
  await form.save.click();
  await expect(offline.getByTestId('enterprise-name')).toHaveText('HTX Lúa gạo Phú Thành');

  await shell.reload();
  await expect(offline.getByTestId('enterprise-name')).toHaveText('HTX Lúa gạo Phú Thành');
  const register = new EnterpriseRegister(offline);
  await register.open();
  await expect(register.row('HTX Lúa gạo Phú Thành')).toBeVisible();

  await context.setOffline(false);
  await expect(offline.getByTestId('offline-notice')).toHaveCount(0);
});

test('a new deployment shows "reload" and keeps the open form until the officer chooses', async ({ browser }) => {
  // A deployment we can change: a copy of the build on its own port.
  const site = await servedCopyOfBuild();
  const { dir } = site;
  const context = await browser.newContext({ baseURL: site.origin });
  try {
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open('/');
    await untilControlled(page);
    const form = new EnterpriseForm(page);
    await form.startNew();
    await form.fill({ name: 'Đang nhập dở' });

    // Deploy: the new build's service worker differs.
    const sw = path.join(dir, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByTestId('update-banner')).toBeVisible();
    await expect(page.getByTestId('update-banner')).toContainText('Đã có phiên bản mới');
    await expect(form.field('name')).toHaveValue('Đang nhập dở');

    await page.getByTestId('update-reload').click();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await app.waitUntilLoaded();
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).join(','))).toMatch(/-next$/);
  } finally {
    await context.close();
    site.stop();
  }
});
