// The app's own router (src/ui/router.rs): links, the back and forward buttons, the skip link,
// addresses typed by hand, without the page ever being loaded again.
import { test, expect } from '@playwright/test';
import { AppShell } from '../pages/app.js';

// A mark on the page's window: still there after a navigation only if the page was not loaded again.
const markThisLoad = (page) => page.evaluate(() => { window.__sameLoad = true; });
const sameLoad = (page) => page.evaluate(() => window.__sameLoad === true);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('nscl.role', 'officer'));
});

test('links and the back and forward buttons change the page without loading it again', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await markThisLoad(page);
  await app.nav('enterprises').click();
  await expect(page).toHaveURL(/\/enterprises$/);
  await expect(app.title).toHaveText('Danh bạ doanh nghiệp');
  // The new page's heading has the focus, for a keyboard or screen reader (ui/page_focus.rs).
  await expect(app.title).toBeFocused();
  await page.getByTestId('add-enterprise').click();
  await expect(page).toHaveURL(/\/enterprises\/new$/);
  await expect(page.getByTestId('enterprise-form')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/enterprises$/);
  await expect(app.title).toHaveText('Danh bạ doanh nghiệp');
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(app.title).toHaveText('Tổng quan');
  await page.goForward();
  await expect(app.title).toHaveText('Danh bạ doanh nghiệp');
  await expect(app.nav('enterprises')).toHaveAttribute('aria-current', 'page');
  expect(await sameLoad(page)).toBe(true);

  // A link to the page shown adds no entry: back then leaves it.
  await app.nav('enterprises').click();
  await page.goBack();
  await expect(app.title).toHaveText('Tổng quan');
  expect(await sameLoad(page)).toBe(true);
});

test('the skip link moves to the page\'s content, and a click with Ctrl is left to the browser', async ({ page, context }) => {
  const app = new AppShell(page);
  await app.open('/enterprises');
  await markThisLoad(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/enterprises#main$/);
  await expect(page.locator('main')).toBeFocused();
  await expect(app.title).toHaveText('Danh bạ doanh nghiệp');

  // Ctrl+click opens the link in a new tab, as in any site; this tab stays where it was.
  const opened = context.waitForEvent('page');
  await app.nav('settings').click({ modifiers: ['Control'] });
  const other = await opened;
  await other.waitForLoadState();
  expect(new URL(other.url()).pathname).toBe('/settings');
  await expect(page).toHaveURL(/\/enterprises#main$/);
  await expect(app.title).toHaveText('Danh bạ doanh nghiệp');
  expect(await sameLoad(page)).toBe(true);
});

test('an address typed by hand: an unknown page, an odd id and a query are read, never a crash', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppShell(page);
  await app.open('/khong-co%2Ftrang/nay/');
  await expect(app.title).toHaveText('Không tìm thấy trang này.');
  // An id with escapes and letters with diacritics (a broken escape in a path is refused by the host
  // itself: address.rs's tests cover the router's side).
  await app.open('/enterprises/%E1%BB%87%20x%2B/');
  await expect(page.getByTestId('not-found')).toBeVisible();
  // The menu still works from there, and a trailing slash is the same page.
  await app.nav('activities').click();
  await expect(page.getByTestId('activity-count')).toBeVisible();
  // A query with a broken escape and a value no kind has: read as typed, nothing filtered away wrongly.
  await app.open('/activities/?q=%C4%91%E1%BB%93ng+th%C3%A1p%zz&kind=%');
  await expect(page.getByTestId('activity-search')).toHaveValue('đồng tháp%zz');
  expect(errors).toEqual([]);
});
