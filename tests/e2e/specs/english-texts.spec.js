// The English of the fixed texts is not in the first download (src/i18n/english.rs): the page
// fetches it when it is to show English, the service worker keeps it for offline use, and a page
// that cannot have it stays in Vietnamese and says why.
import { test, expect } from '@playwright/test';
import { AppShell, untilControlled } from '../pages/app.js';

const englishRequests = (page) => {
  const seen = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/texts/en.json') seen.push(r.url());
  });
  return seen;
};

test('a Vietnamese page never fetches the English texts; English is fetched when chosen and opens offline after one visit', async ({ context, page }) => {
  const seen = englishRequests(page);
  const app = new AppShell(page);
  await app.open('/');
  await expect(app.title).toHaveText('Tổng quan');
  await untilControlled(page);
  expect(seen).toEqual([]);

  // The service worker has the file: English with the network off.
  await context.setOffline(true);
  await page.getByTestId('header-lang-en').click();
  await expect(app.title).toHaveText('Dashboard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('header-lang-en')).toHaveAttribute('aria-pressed', 'true');
  expect(seen).toHaveLength(1);
  await expect(page.getByTestId('flash')).toHaveCount(0);

  // The choice is kept: the next open, still offline, is in English from its first screen.
  await page.close();
  const again = await context.newPage();
  const seenAgain = englishRequests(again);
  const shell = new AppShell(again);
  await shell.open('/settings');
  await expect(shell.title).toHaveText('Settings');
  // Asked for once, by the boot script beside the wasm (scripts/english-early.js); the app took that answer.
  expect(seenAgain).toHaveLength(1);
  await expect(again.getByTestId('lang-en')).toBeChecked();
  await expect(again.getByTestId('flash')).toHaveCount(0);
  await context.setOffline(false);
});

test.describe('without the English texts', () => {
  // No service worker: the blocked request below is the page's own, never answered from a cache.
  test.use({ serviceWorkers: 'block' });

  test('the page stays in Vietnamese, says why, and switches once the texts can be had', async ({ page }) => {
    // First the network fails; later the host answers with another build's texts.
    let answer = 'abort';
    await page.route('**/texts/en.json', (route) =>
      answer === 'abort' ? route.abort() : route.fulfill({ contentType: 'application/json', body: JSON.stringify({ about: '', fingerprint: '0123456789abcdef', texts: ['Dashboard'] }) }));
    const app = new AppShell(page);
    await app.open('/');
    await expect(app.title).toHaveText('Tổng quan');

    await page.getByTestId('header-lang-en').click();
    await expect(page.getByTestId('flash')).toContainText('The English texts could not be loaded');
    await expect(page.getByTestId('flash')).toContainText('Không tải được bản tiếng Anh');
    await expect(app.title).toHaveText('Tổng quan');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('header-lang-vi')).toHaveAttribute('aria-pressed', 'true');

    // Settings' radio button follows the language the page really shows.
    answer = 'another build';
    await app.open('/settings');
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('flash')).toContainText('The English texts received belong to another version of the app');
    await expect(page.getByTestId('lang-vi')).toBeChecked();

    // An English link opens in Vietnamese with the message, and keeps the choice for later.
    await app.open('/enterprises?lang=en');
    await expect(app.title).toHaveText('Danh bạ doanh nghiệp');
    await expect(page.getByTestId('flash')).toContainText('Bản tiếng Anh nhận được thuộc một phiên bản khác');
    expect(await page.evaluate(() => localStorage.getItem('nscl.lang'))).toBe('en');

    await page.unroute('**/texts/en.json');
    await page.getByTestId('header-lang-en').click();
    await expect(app.title).toHaveText('Enterprise register');
    await expect(page.getByTestId('flash')).toHaveCount(0);
    await app.open('/');
    await expect(app.title).toHaveText('Dashboard');
  });

  test('Vietnamese chosen while the English texts are on their way stays chosen', async ({ page }) => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/texts/en.json', async (route) => {
      await held;
      await route.continue();
    });
    const app = new AppShell(page);
    await app.open('/');
    await page.getByTestId('header-lang-en').click();
    await page.getByTestId('header-lang-vi').click();
    release();
    await page.waitForFunction(() => performance.getEntriesByName('nscl-english-loaded').length > 0);
    // The frame after: whatever the page would switch to is drawn by then.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(app.title).toHaveText('Tổng quan');
    await expect(page.getByTestId('header-lang-vi')).toHaveAttribute('aria-pressed', 'true');
    // The texts are in: English now comes at once.
    await page.getByTestId('header-lang-en').click();
    await expect(app.title).toHaveText('Dashboard');
  });

  test('an English page whose texts do not come opens in Vietnamese after a few seconds, not blank', async ({ page }) => {
    let giveUp;
    const hanging = new Promise((resolve) => (giveUp = resolve));
    await page.route('**/texts/en.json', async (route) => {
      await hanging;
      await route.abort();
    });
    const app = new AppShell(page);
    await page.goto('/?lang=en');
    // src/web/english_texts.rs waits 4 s for them.
    await expect(page.getByTestId('app-title')).toBeVisible({ timeout: 15_000 });
    await expect(app.title).toHaveText('Tổng quan');
    await expect(page.getByTestId('flash')).toContainText('The English texts could not be loaded');
    giveUp();
  });
});
