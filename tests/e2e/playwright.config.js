// End-to-end tests against the release bundle in dist/, in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4173);

// Specs that must have the machine to themselves: they close a page in the middle of a
// transaction, or wait for another tab within a set time. `make test-e2e` runs them after the
// rest, in a run of their own with one worker.
const ALONE = ['**/migration.spec.js', '**/storage-safety.spec.js', '**/province-scale.spec.js', '**/sync-safety.spec.js'];

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Every test opens its own browser context, so spec files run two at a time (one per core).
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // The machine has no network but the package registries: keep Chromium from calling out.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'parallel', testIgnore: ALONE },
    { name: 'alone', testMatch: ALONE, workers: 1 },
  ],
  webServer: {
    command: `node ../../scripts/serve.mjs ${process.env.E2E_DIST || '../../dist'} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
