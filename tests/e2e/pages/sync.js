// The Sync page as an officer uses it: export a file, import files, look at the preview,
// apply, undo, resolve conflicts. The selectors live here.
import { expect, test } from '@playwright/test';
import { AppShell, EnterpriseForm, EnterpriseRegister } from './app.js';
import fs from 'node:fs';

let exports = 0;

export class SyncPage {
  constructor(page) {
    this.page = page;
    this.preview = page.getByTestId('import-preview');
    this.note = page.getByTestId('import-note');
    this.fileRows = page.getByTestId('import-file');
    this.conflicts = page.getByTestId('conflict');
  }

  async open() {
    await this.page.getByTestId('nav-sync').click();
    await expect(this.page.getByTestId('page-title')).toHaveText(/Đồng bộ dữ liệu|Sync data/);
  }

  // Exports with the options given; returns { name, path, bytes }.
  async exportFile({ compress = false, passphrase, since, recipient } = {}) {
    if (since) await this.page.getByTestId('scope-since').check();
    else await this.page.getByTestId('scope-everything').check();
    if (recipient !== undefined) await this.page.getByTestId('sync-recipient').fill(recipient);
    const box = this.page.getByTestId('export-compress');
    if (compress) await box.check(); else await box.uncheck();
    await this.page.getByTestId('export-passphrase').fill(passphrase || '');
    await this.page.getByTestId('export-passphrase-repeat').fill(passphrase || '');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-file').click()]);
    // Kept in the test's output folder: a download's own file goes when its context closes.
    exports += 1;
    const path = test.info().outputPath(`export-${exports}`, download.suggestedFilename());
    await download.saveAs(path);
    await expect(this.page.getByTestId('export-done')).toBeVisible();
    return { name: download.suggestedFilename(), path, bytes: fs.readFileSync(path) };
  }

  // Chooses files (paths, or { name, mimeType, buffer } objects) and waits until every one is read.
  async choose(files) {
    await this.page.getByTestId('import-files').setInputFiles(files);
    await expect(this.fileRows).toHaveCount(files.length);
    await expect(this.page.getByTestId('import-busy')).toHaveCount(0);
  }

  async decrypt(passphrase) {
    await this.page.getByTestId('import-passphrase').fill(passphrase);
    await this.page.getByTestId('import-decrypt').click();
    await expect(this.page.getByTestId('import-busy')).toHaveCount(0);
  }

  fileStatus(i) {
    return this.fileRows.nth(i).getByTestId('import-file-status');
  }

  // { new, updated, conflicts, deleted, unchanged } of one kind in the preview.
  async counts(kind) {
    const row = this.page.getByTestId(`preview-row-${kind}`);
    const n = async (what) => Number(await row.getByTestId(`count-${what}`).textContent());
    return { new: await n('new'), updated: await n('updated'), conflicts: await n('conflicts'), deleted: await n('deleted'), unchanged: await n('unchanged') };
  }

  async apply() {
    await this.page.getByTestId('apply-import').click();
    await expect(this.note).toContainText(/Đã nhập|Imported/);
    await expect(this.preview).toHaveCount(0);
  }

  async importFiles(files, passphrase) {
    await this.choose(files);
    if (passphrase) await this.decrypt(passphrase);
    await expect(this.preview).toBeVisible();
    await this.apply();
  }

  async undo() {
    await this.page.getByTestId('undo-import').click();
    await this.page.getByTestId('confirm-yes').click();
    await expect(this.note).toHaveText(/Đã hoàn tác|was undone/);
  }
}

// Every object store of the app's database, every row with its key, as one JSON text: two
// laptops hold the same data when these are equal. `leaveSettings` names setting keys to skip
// (with the parts an undo is kept in, `src/store/undo_text.rs`).
export async function dumpDatabase(page, { stores, leaveSettings = [] } = {}) {
  return page.evaluate(([only, leaveSettings]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      // Export packs are copies of the records, made again from them whenever they are missing
      // (src/sync/pack.rs): what the database holds is the rest.
      const names = [...db.objectStoreNames].filter((n) => (only ? only.includes(n) : n !== 'export_pack')).sort();
      const tx = db.transaction(names);
      const out = {};
      for (const n of names) {
        const store = tx.objectStore(n);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          out[n] = keys.result.map((k, i) => [k, values.result[i]]).filter(([k]) => n !== 'settings' || !leaveSettings.some((left) => k === left || k.startsWith(`${left}#part`)));
        };
      }
      tx.oncomplete = () => { db.close(); resolve(JSON.stringify(out)); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  }), [stores || null, leaveSettings]);
}

// The same, from a fresh page of the context, retried while a page that was just closed may
// still hold the database (as storedRowsAfterClose in app.js does).
export async function dumpDatabaseAfterClose(context, options) {
  let lastError;
  for (let attempt = 0; attempt < 6; attempt++) {
    const opening = context.newPage();
    const probe = await Promise.race([opening, new Promise((r) => setTimeout(() => r(null), 15_000))]);
    if (!probe) {
      lastError = new Error('a new page did not open within 15 s');
      opening.then((p) => p.close()).catch(() => {});
      continue;
    }
    try {
      await probe.goto('/favicon.svg');
      return await Promise.race([
        dumpDatabase(probe, options),
        new Promise((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not answer within 10 s')), 10_000)),
      ]);
    } catch (e) {
      lastError = e;
    } finally {
      await probe.close();
    }
  }
  throw lastError;
}

// A laptop: its own browser context (its own IndexedDB), with an officer's name set in Settings.
// `initScript` runs in every page of it before the app (for specs that watch or break the browser's APIs).
export async function openLaptop(browser, officer, { initScript } = {}) {
  const context = await browser.newContext({ ...test.info().project.use, acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.open('/');
  await app.nav('settings').click();
  await page.getByTestId('officer-name').fill(officer);
  return { context, page, app, sync: new SyncPage(page), form: new EnterpriseForm(page), register: new EnterpriseRegister(page) };
}
