// Installable and offline: after one visit the app opens with the network off,
// and a new deployment waits for the officer instead of swapping code.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { AppShell, EnterpriseRegister, EnterpriseForm, servedCopyOfBuild, untilControlled } from '../pages/app.js';

// A deployment whose files are all the same but for the service worker's version.
function deployNextVersion(dir) {
  const sw = path.join(dir, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
}

// The app opened from a served copy of the build in a context of its own, once controlled by the service worker.
async function openControlled(browser, site) {
  const context = await browser.newContext({ baseURL: site.origin });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  return { context, page, app };
}

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
  const { context, page, app } = await openControlled(browser, site);
  try {
    const form = new EnterpriseForm(page);
    await form.startNew();
    await form.fill({ name: 'Đang nhập dở' });

    // Deploy: the new build's service worker differs.
    deployNextVersion(site.dir);
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

test('a file refused once while the app installs for offline use is asked for again, and the app opens offline', async ({ browser }) => {
  // The spreadsheet worker is only fetched by the service worker at install (the page loads it on demand).
  const worker = '/spreadsheet-worker_bg.wasm';
  const site = await servedCopyOfBuild({ failOnce: [worker] });
  const context = await browser.newContext({ baseURL: site.origin });
  try {
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open('/');
    // The one install takes control (an install that failed would leave the page without it
    // until a later visit tried again).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 45_000 });
    await expect.poll(() => site.requests.filter((p) => p === worker).length, { message: 'refused once, then asked for again' }).toBe(2);
    expect(await page.evaluate(async (w) => Boolean(await caches.match(w)), worker)).toBe(true);

    await context.setOffline(true);
    const offline = await context.newPage();
    await new AppShell(offline).open('/enterprises');
    await expect(offline.getByTestId('offline-notice')).toBeVisible();
    await expect(offline.getByTestId('page-title')).toBeVisible();
  } finally {
    await context.close();
    site.stop();
  }
});

test('a new deployment copies the files it shares with the running one from its cache instead of downloading them', async ({ browser }) => {
  const site = await servedCopyOfBuild();
  // A host that sends one file other than the build made it: it is kept as sent, and known as such.
  fs.appendFileSync(path.join(site.dir, 'favicon.svg'), '<!-- altered by the host -->\n');
  const { context, page } = await openControlled(browser, site);
  try {
    const precached = await page.evaluate(async () => (await (await caches.match('/__precache-list.json')).json()).map(([p]) => p));
    expect(precached).toContain('/spreadsheet-worker_bg.wasm');
    expect(precached).toContain('/index.html');

    const asked = site.requests.length;
    deployNextVersion(site.dir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByTestId('update-banner')).toBeVisible();
    expect(site.requests.slice(asked).filter((p) => precached.includes(p)), 'only the altered file asked for again').toEqual(['/favicon.svg']);
    const filled = await page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.endsWith('-next'));
      return (await (await caches.open(name)).keys()).length;
    });
    expect(filled, 'every file and the list').toBe(precached.length + 1);
  } finally {
    await context.close();
    site.stop();
  }
});
