// What the benchmarks of opening the app share (split-bench.mjs, builds-alternating.mjs): the
// browser, the page groups' links, "Fast 3G", the mark of a page ready, and a build served.
import { spawn } from 'node:child_process';

const root = new URL('../../../', import.meta.url).pathname;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Each page group's nav link, and what shows once its page is up.
export const PAGES = [
  ['enterprises', '[data-testid="result-count"]'],
  ['surveys', '[data-testid="new-survey"]'],
  ['self-assessment', '[data-testid="officer-assessments"]'],
  ['activities', '[data-testid="activity-count"]'],
  ['report', '[data-testid="report-page"]'],
  ['sync', '[data-testid="export-compress"]'],
  ['settings', '[data-testid="officer-name"]'],
];

export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

// A slow mobile connection, as officers in the field have (Chrome's "Fast 3G" preset: 150 ms, 1.6 Mbit/s down).
export const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// In the page, the frame after `ready` is in the document with no "loading" banner: the
// `bench-ready` mark. Passed to `addInitScript`, so it carries nothing from this module.
export function markReady(ready) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(ready) && !document.querySelector('[data-testid="loading"]')) {
      observer.disconnect();
      requestAnimationFrame(() => performance.mark('bench-ready'));
    }
  }).observe(document, { childList: true, subtree: true });
}

// A build served as scripts/serve.mjs serves it (its headers, its content security policy).
export async function serve(dist, port) {
  const server = spawn('node', [`${root}scripts/serve.mjs`, dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return server;
}
