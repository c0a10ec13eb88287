// The synthetic province of `target/synth/province-<scale>` (examples/synth_rows.rs) and how the
// benchmarks put it into a laptop's database straight, as the app's store holds it.
import fs from 'node:fs';

// Every kind's rows (surveys and self-assessments with the summaries the store keeps beside
// them), and the merged province's communes and wards as the store's `admin_units` setting holds
// them (null for a province on the shipped unit list).
export function readProvince(provinceDir) {
  const province = (kind) => JSON.parse(fs.readFileSync(`${provinceDir}/${kind}.json`, 'utf8'));
  const unitsSetting = fs.existsSync(`${provinceDir}/admin_units.json`) ? fs.readFileSync(`${provinceDir}/admin_units.json`, 'utf8') : null;
  const rows = Object.fromEntries(['enterprise', 'survey', 'survey_summary', 'assessment', 'assessment_summary', 'activity'].map((k) => [k, province(k)]));
  return { rows, unitsSetting };
}

// Writes the rows into the app's database in one transaction. The app must have made the
// database (wait for its `nscl-loaded` mark) and be closed: the page is left on a plain file.
export async function seedProvince(page, base, { rows, unitsSetting }) {
  await page.goto(`${base}/favicon.svg`);
  await writeRows(page, rows, unitsSetting);
}

// Writes rows of several kinds (and the unit list, if given) into the app's database in one
// transaction, from a page of the app's origin where the app is not open; returns the
// transaction's time. The rows reach the page kind by kind first, 5,000 a message: no single
// message to it is too large.
export async function writeRows(page, byKind, unitsSetting) {
  await page.evaluate(() => { window.__rows = {}; });
  for (const [kind, list] of Object.entries(byKind)) {
    for (let i = 0; i < list.length; i += 5000) await page.evaluate(([k, r]) => { (window.__rows[k] ||= []).push(...r); }, [kind, list.slice(i, i + 5000)]);
  }
  return page.evaluate((units) => new Promise((resolve, reject) => {
    const open = indexedDB.open('nscl-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const t0 = performance.now();
      // A build from before summaries (BENCH_DIST) has no store for them, and reads whole records.
      const kinds = Object.keys(window.__rows).filter((k) => open.result.objectStoreNames.contains(k));
      const tx = open.result.transaction([...kinds, ...(units ? ['settings'] : [])], 'readwrite');
      for (const k of kinds) { const store = tx.objectStore(k); for (const row of window.__rows[k]) store.put(row); }
      if (units) tx.objectStore('settings').put(units, 'admin_units');
      tx.oncomplete = () => { open.result.close(); window.__rows = null; resolve(performance.now() - t0); };
      tx.onerror = () => reject(tx.error);
    };
  }), unitsSetting);
}
