// Page objects: tests say what an officer does; the selectors live here.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

export class AppShell {
  constructor(page) {
    this.page = page;
    this.title = page.getByTestId('page-title');
  }

  async open(path = '/') {
    await this.page.goto(path);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded() {
    await expect(this.page.getByTestId('app-title')).toBeVisible();
    await expect(this.page.getByTestId('loading')).toHaveCount(0);
  }

  nav(name) {
    return this.page.getByTestId(`nav-${name}`);
  }

  async reload() {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  // The header's language buttons. Switching to English waits for its texts: what opens before
  // the page is in the language (<html lang>) is still in the earlier one, as a person sees.
  async chooseLanguageInHeader(code) {
    await this.page.getByTestId(`header-lang-${code}`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', code);
  }

  async chooseLanguageInSettings(code) {
    await this.nav('settings').click();
    await this.page.getByTestId(`lang-${code}`).check();
  }

  flash() {
    return this.page.getByTestId('flash');
  }
}

export class EnterpriseRegister {
  constructor(page) {
    this.page = page;
    this.search = page.getByTestId('enterprise-search');
    this.rows = page.getByTestId('enterprise-row');
    this.resultCount = page.getByTestId('result-count');
  }

  async open() {
    await this.page.getByTestId('nav-enterprises').click();
    await expect(this.page.getByTestId('enterprise-search')).toBeVisible();
  }

  row(name) {
    return this.rows.filter({ has: this.page.getByTestId('enterprise-link').getByText(name, { exact: true }) });
  }

  names() {
    return this.page.getByTestId('enterprise-link').allTextContents();
  }

  async openEnterprise(name) {
    await this.page.getByTestId('enterprise-link').getByText(name, { exact: true }).click();
    await expect(this.page.getByTestId('enterprise-detail')).toBeVisible();
  }
}

export class EnterpriseForm {
  constructor(page) {
    this.page = page;
    this.save = page.getByTestId('save-enterprise');
  }

  field(name) {
    return this.page.getByTestId(`field-${name}`);
  }

  error(name) {
    return this.page.getByTestId(`field-${name}-error`);
  }

  async startNew() {
    await this.page.getByTestId('nav-enterprises').click();
    await this.page.getByTestId('add-enterprise').click();
    await expect(this.page.getByTestId('enterprise-form')).toBeVisible();
  }

  // Fills what is given: { name, taxCode, address, unit, vsic, ownership, employees, revenue, capital, products: [], notes }
  async fill(e) {
    if (e.name !== undefined) await this.field('name').fill(e.name);
    if (e.taxCode !== undefined) await this.field('tax-code').fill(e.taxCode);
    if (e.address !== undefined) await this.field('address').fill(e.address);
    if (e.unit !== undefined) await this.field('unit').selectOption(e.unit);
    if (e.vsic !== undefined) await this.field('vsic').selectOption(e.vsic);
    if (e.ownership !== undefined) await this.field('ownership').selectOption(e.ownership);
    if (e.employees !== undefined) await this.field('employees').fill(e.employees);
    if (e.revenue !== undefined) await this.field('revenue').fill(e.revenue);
    if (e.capital !== undefined) await this.field('capital').fill(e.capital);
    for (const p of e.products || []) await this.page.getByTestId(`product-${p}`).check();
    if (e.ocopStars !== undefined) await this.field('ocop-stars').selectOption(e.ocopStars);
    if (e.phone !== undefined) await this.field('phone').fill(e.phone);
    if (e.email !== undefined) await this.field('email').fill(e.email);
    if (e.notes !== undefined) await this.field('notes').fill(e.notes);
  }

  async add(e) {
    await this.startNew();
    await this.fill(e);
    await this.save.click();
    await expect(this.page.getByTestId('enterprise-detail')).toBeVisible();
    await expect(this.page.getByTestId('enterprise-name')).toHaveText(e.name);
  }
}

// Waits until the service worker controls the page: from then on the app opens offline.
// Installing it caches the whole build (some 13 MB of the test build): a busy machine has been seen
// to take over 20 s.
// A worker whose install failed (one precache fetch refused on a loaded machine fails it all)
// is tried again only when a page registers it again, as a person's reload would: after 30 s
// without control the page is reloaded, once, and the reason is logged.
export async function untilControlled(page) {
  const controlled = (timeout) => page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout }).then(() => true, () => false);
  if (await controlled(30_000)) return;
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg ? `installing ${!!reg.installing}, waiting ${!!reg.waiting}, active ${reg.active ? reg.active.state : 'none'}` : 'no registration';
  });
  console.log(`untilControlled: not controlled after 30 s (${state}); reloading once`);
  await page.reload();
  if (!(await controlled(45_000))) throw new Error(`the service worker never took control of the page (${state}, then reloaded)`);
}

// Seeds localStorage as the first (localStorage) builds left it; the app moves it into IndexedDB on start.
export async function seedStoredEnterprises(page, collectionJson) {
  await page.goto('/favicon.svg');
  await page.evaluate((raw) => localStorage.setItem('nscl.v1.enterprise', raw), collectionJson);
}

// The rows of the IndexedDB record store, read with the browser's own API (from any page of the origin).
// Gives up after `timeoutMs` with a clear error rather than hanging the test.
export async function storedRows(page, kind = 'enterprise', timeoutMs = 10_000) {
  const result = await page.evaluate(([kind, timeoutMs]) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ timeout: true }), timeoutMs);
    const done = (value) => { clearTimeout(timer); resolve(value); };
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => { clearTimeout(timer); reject(open.error); };
    open.onupgradeneeded = () => { open.transaction.abort(); done({ rows: [] }); };
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(kind)) { db.close(); done({ rows: [] }); return; }
      const req = db.transaction(kind).objectStore(kind).getAll();
      req.onsuccess = () => { db.close(); done({ rows: req.result }); };
      req.onerror = () => { db.close(); clearTimeout(timer); reject(req.error); };
    };
  }), [kind, timeoutMs]);
  if (result.timeout) throw new Error(`IndexedDB did not answer within ${timeoutMs} ms`);
  return result.rows;
}

// The same, from a fresh page of the context, retried while a page that was just
// closed may still hold the database (the browser tears closed pages down asynchronously).
export async function storedRowsAfterClose(context, kind = 'enterprise') {
  let lastError;
  for (let attempt = 0; attempt < 6; attempt++) {
    // Opening the page itself has been seen to hang for minutes right after such a close; give up
    // on that attempt after 15 s and try again rather than spend the whole test waiting.
    const opening = context.newPage();
    const probe = await Promise.race([opening, new Promise((r) => setTimeout(() => r(null), 15_000))]);
    if (!probe) {
      lastError = new Error('a new page did not open within 15 s');
      opening.then((p) => p.close()).catch(() => {});
      continue;
    }
    try {
      await probe.goto('/favicon.svg');
      return await storedRows(probe, kind, 5_000);
    } catch (e) {
      lastError = e;
    } finally {
      await probe.close();
    }
  }
  throw lastError;
}

// Writes rows of several kinds ({ kind: [{id, updated_ms, keys, json}] }, as examples/synth_rows.rs
// writes them) into the app's IndexedDB, as the build before summaries (schema 5) kept them: every
// row already stored is kept, the database is made again at schema 5 with these rows added, and the
// app, opened again, upgrades it and works out the summaries of surveys and self-assessments itself
// (src/store/summary.rs), as it does on an officer's laptop. The app must have opened once.
// `reopen: false` leaves the page on a file of the app's origin, the database not yet upgraded.
export async function seedRows(page, rowsByKind, { reopen = true } = {}) {
  const back = page.url();
  // No page of the app holds the database while it is made again.
  await page.goto(new URL('/favicon.svg', back).href);
  await page.evaluate(async (byKind) => {
    const done = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const now = await done(indexedDB.open('nscl-tracker'));
    const kept = {};
    // Summaries and export packs are worked out from the records: a schema-5 database has neither.
    const stores = [...now.objectStoreNames].filter((n) => !n.endsWith('_summary') && n !== 'export_pack');
    if (stores.length) {
      const tx = now.transaction(stores);
      for (const name of stores) {
        const store = tx.objectStore(name);
        kept[name] = { keys: await done(store.getAllKeys()), values: await done(store.getAll()) };
      }
    }
    now.close();
    // A database at schema 5 holding the kept rows and the given ones.
    const made = () => {
      const open = indexedDB.open('nscl-tracker', 5);
      open.onupgradeneeded = () => {
        const db = open.result;
        const store = (name, indexes) => {
          const s = db.createObjectStore(name, { keyPath: 'id' });
          for (const [index, path] of Object.entries(indexes)) s.createIndex(index, path);
        };
        store('enterprise', { by_tax_code: 'keys.tax_code', by_unit: 'keys.admin_unit_id', by_updated: 'updated_ms' });
        db.createObjectStore('settings');
        db.createObjectStore('history', { keyPath: 'key' }).createIndex('by_record', 'record_id');
        store('survey', { by_enterprise: 'keys.enterprise_id', by_status: 'keys.status', by_updated: 'updated_ms' });
        store('assessment', { by_enterprise: 'keys.enterprise_id', by_tax_code: 'keys.tax_code', by_status: 'keys.status', by_updated: 'updated_ms' });
        store('activity', { by_type: 'keys.activity_type', by_year: 'keys.year', by_unit: 'keys.admin_unit_id', by_updated: 'updated_ms' });
        store('indicator_target', { by_indicator: 'keys.indicator_id', by_updated: 'updated_ms' });
        const tx = open.transaction;
        for (const [name, { keys, values }] of Object.entries(kept)) {
          const s = tx.objectStore(name);
          values.forEach((v, i) => (s.keyPath === null ? s.put(v, keys[i]) : s.put(v)));
        }
        for (const [kind, rows] of Object.entries(byKind)) {
          const s = tx.objectStore(kind);
          for (const row of rows) s.put(row);
        }
      };
      return open;
    };
    // The app's page just left may still be torn down while this runs (Chromium unloads the old
    // document after the new one commits): told of the deletion, it closes its connection, and a
    // read of its still under way opens the database again at the app's schema, before this
    // makes it (a VersionError) or after (it is found upgraded). Made again until schema 5 is
    // what stays; the reason for any other refusal is thrown.
    for (let attempt = 1; ; attempt++) {
      await done(indexedDB.deleteDatabase('nscl-tracker'));
      try {
        (await done(made())).close();
      } catch (e) {
        if (e?.name !== 'VersionError' || attempt === 10) throw e;
        continue;
      }
      const found = await done(indexedDB.open('nscl-tracker'));
      const version = found.version;
      found.close();
      if (version === 5) break;
      if (attempt === 10) throw new Error(`seedRows: the database was upgraded to ${version} as it was made`);
    }
  }, rowsByKind);
  if (reopen) await page.goto(back);
}

// Writes `bytes` into a database of its own; says 'complete' or the name of the error it was refused with.
// (A run of one letter: random bytes were tried, and a probe that fits before the quota takes
// effect then fills the room a spec's own small save needs.)
export const probeWrite = (page, bytes) => page.evaluate((bytes) => new Promise((resolve) => {
  const open = indexedDB.open('nscl-quota-probe', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('s');
  open.onerror = () => resolve(open.error ? open.error.name : 'error');
  open.onsuccess = () => {
    const tx = open.result.transaction('s', 'readwrite');
    tx.objectStore('s').put('x'.repeat(bytes), 'probe');
    // A probe that fits is taken out again: left in place, it was counted in the usage the next
    // probe's quota is set from, and a probe of the same size replacing it then always fit.
    tx.oncomplete = () => {
      open.result.close();
      const gone = indexedDB.deleteDatabase('nscl-quota-probe');
      gone.onsuccess = gone.onerror = () => resolve('complete');
    };
    tx.onabort = () => { open.result.close(); resolve(tx.error ? tx.error.name : 'abort'); };
  };
}), bytes);

// A copy of the build under test (E2E_DIST, else dist/), served on a port of its own, so a spec
// can change it as a new deployment would (service workers are per origin). `stop()` ends the
// server and removes the copy.
// `requests` gathers every path the copy is asked for; `failOnce` lists paths whose first
// request is refused with a 503 (scripts/serve.mjs).
export async function servedCopyOfBuild({ failOnce = [] } = {}) {
  const built = path.resolve(new URL('..', import.meta.url).pathname, process.env.E2E_DIST || '../../dist');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nscl-deploy-'));
  fs.cpSync(built, dir, { recursive: true });
  const env = { ...process.env, SERVE_LOG: '1', SERVE_FAIL_ONCE: failOnce.join(',') };
  const server = spawn('node', [new URL('../../../scripts/serve.mjs', import.meta.url).pathname, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const requests = [];
  let pending = '';
  const origin = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const lines = (pending + String(chunk)).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const url = line.match(/^NSCL Tracker: (http:\/\/[0-9.:]+)/);
        if (url) resolve(url[1]);
        else if (line.startsWith('GET ')) requests.push(line.slice(4));
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited: ${code}`)));
  });
  return { dir, origin, requests, stop: () => { server.kill('SIGKILL'); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// Catches a page between the first read of an IndexedDB store and the rest, instead of racing
// it: once `arm(page)` has run (sessionStorage, so from the next load of this tab), every
// `getAll` of `store` after the first is answered only when `release(page)` is called.
export async function holdReadsAfterFirst(page, store) {
  const flag = `hold-${store}`;
  await page.addInitScript(([flag, store]) => {
    if (!sessionStorage.getItem(flag)) return;
    let release;
    const released = new Promise((r) => { release = r; });
    window.__releaseHeldReads = release;
    const getAll = IDBObjectStore.prototype.getAll;
    let reads = 0;
    IDBObjectStore.prototype.getAll = function (...args) {
      const request = getAll.apply(this, args);
      if (this.name === store && ++reads > 1) request.__held = true;
      return request;
    };
    const onsuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
    Object.defineProperty(IDBRequest.prototype, 'onsuccess', {
      configurable: true,
      get() { return onsuccess.get.call(this); },
      set(fn) { onsuccess.set.call(this, fn && this.__held ? (e) => { released.then(() => fn.call(this, e)); } : fn); },
    });
  }, [flag, store]);
  return {
    arm: () => page.evaluate((flag) => sessionStorage.setItem(flag, '1'), flag),
    release: () => page.evaluate(() => window.__releaseHeldReads()),
  };
}

// From now on the browser reports a full quota for writes to `store`'s records, as Chromium does;
// `makeRoom()` ends that.
export async function fillDisk(page, store) {
  await page.evaluate((store) => {
    const original = IDBObjectStore.prototype.put;
    window.__makeRoom = () => { IDBObjectStore.prototype.put = original; };
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }, store);
  return { makeRoom: () => page.evaluate(() => window.__makeRoom()) };
}

// Holds the app's reads and writes of an IndexedDB store, as a slow disk would: a second
// connection keeps a read-write transaction on `store` open (one request after another) until
// `release()` is called, so every transaction of the app on that store waits behind it.
// Resolves once the hold is in place.
export async function holdStore(page, store) {
  await page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      let held = true;
      window.__releaseStore = () => { held = false; };
      const tx = db.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      // A test may write through the held transaction before releasing it (a function pushed to
      // `window.__inHeldStore` is called with the store): that write lands before any the app
      // asked for meanwhile.
      window.__inHeldStore = [];
      const again = () => {
        if (!held) return;
        for (const write of window.__inHeldStore.splice(0)) write(os);
        os.count().onsuccess = again;
      };
      os.count().onsuccess = () => { again(); resolve(); };
      tx.oncomplete = () => db.close();
    };
  }), store);
  return { release: () => page.evaluate(() => window.__releaseStore()) };
}

// Makes every request for a page group's chunk (`split_<group>.wasm`, src/ui/split_pages.rs) fail
// as a dropped connection would, for a context without the service worker: `blocked()` counts
// the requests refused, `unblock()` lets them through again.
export async function blockChunk(page, group) {
  const url = new RegExp(`/split_${group}\\.wasm$`);
  let count = 0;
  await page.route(url, (route) => { count += 1; return route.abort('internetdisconnected'); });
  return { blocked: () => count, unblock: () => page.unroute(url) };
}
