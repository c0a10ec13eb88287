// The size of a build, as an officer's first visit downloads it.
//
//   node scripts/bundle-size.mjs [--brotli] <dist> [<budget name>]
//
// "Initial" is what the first screen needs: index.html and every file it names (the loader, the
// main JS and wasm modules, the style sheets), compressed as a host sends them (gzip -9, and
// brotli at quality 11 for hosts that have it). Every other part is listed on its own: the page
// chunks (split-<build>/), loaded when a page is first opened, the spreadsheet worker, the
// form definitions (forms/), fetched after start-up, and the English texts (texts/), fetched
// when the page is shown in English.
// With a budget name, the initial gzip size must stay within docs/size-budget.json's number for
// it, or this exits 1: `make test` checks the test bundle, `make bench` the release bundle.
import fs from 'node:fs';
import path from 'node:path';
import { gzip, brotli } from './precompress.mjs';

const args = process.argv.slice(2);
const withBrotli = args[0] === '--brotli';
const [dist, budgetName] = withBrotli ? args.slice(1) : args;
if (!dist) {
  console.error('usage: node scripts/bundle-size.mjs [--brotli] <dist> [<budget name>]');
  process.exit(2);
}

const sizes = (file) => {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, raw: buf.length, gzip: gzip(buf).length, brotli: withBrotli ? brotli(buf).length : 0 };
};
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const named = [...html.matchAll(/(?:href|src)="\/([^"?#]+)"/g)].map((m) => m[1])
  .filter((f) => fs.existsSync(path.join(dist, f)) && !/\.(png|svg|webmanifest)$/.test(f));
// The loader script imports the main module and fetches its wasm by name.
// Either quote: Trunk writes single ones, scripts/minify.mjs double.
const boot = named.filter((f) => f.endsWith('.js')).flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/['"]\/([^'"]+\.(?:js|wasm))['"]/g)].map((m) => m[1]));
// The main module imports the chunks' loader statically: it comes with the first screen too.
const splitLoader = fs.readdirSync(dist).filter((f) => f.startsWith('split-')).map((d) => `${d}/__wasm_split.js`);
const initialFiles = [...new Set(['index.html', ...named, ...boot, ...splitLoader])].filter((f) => fs.existsSync(path.join(dist, f)));
const initial = initialFiles.map(sizes);

const all = [];
const walk = (d) => {
  for (const e of fs.readdirSync(path.join(dist, d), { withFileTypes: true })) {
    const rel = d ? `${d}/${e.name}` : e.name;
    if (e.isDirectory()) walk(rel);
    else if (!/\.(br|gz)$/.test(e.name)) all.push(rel);
  }
};
walk('');
const code = (f) => /\.(js|wasm|css)$/.test(f) && f !== 'sw.js';
const chunks = all.filter((f) => f.startsWith('split-') && code(f) && !initialFiles.includes(f)).map(sizes);
const worker = all.filter((f) => f.startsWith('spreadsheet-worker') && code(f)).map(sizes);
const other = all.filter((f) => code(f) && !initialFiles.includes(f) && !f.startsWith('split-') && !f.startsWith('spreadsheet-worker')).map(sizes);
// The shipped form definitions (data/forms, served as forms/*.json), fetched once the register is on screen.
const forms = all.filter((f) => f.startsWith('forms/') && f.endsWith('.json')).map(sizes);
// The English of the fixed texts (data/texts, served as texts/en.json), fetched to show English.
const texts = all.filter((f) => f.startsWith('texts/') && f.endsWith('.json')).map(sizes);

const line = (label, t) => `${label.padEnd(52)} ${kb(t.raw).padStart(11)} raw ${kb(t.gzip).padStart(10)} gzip` + (withBrotli ? ` ${kb(t.brotli).padStart(10)} brotli` : '');
console.log(`Bundle sizes of ${dist}`);
for (const r of initial) console.log(line(`  ${r.file}`, r));
const initialSum = sum(initial);
console.log(line('initial download', initialSum));
// Per page group: its own chunk, plus the shared chunks (listed in the loader) it needs.
const loaderFile = all.find((f) => f.startsWith('split-') && f.endsWith('__wasm_split.js'));
if (loaderFile) {
  const loader = fs.readFileSync(path.join(dist, loaderFile), 'utf8');
  const folder = path.dirname(loaderFile);
  const chunkVar = Object.fromEntries([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
  let groups = 0;
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g)) {
    const files = [m[2], ...m[3].split(',').map((s) => s.trim()).filter(Boolean).map((v) => chunkVar[v])];
    // Two groups are no pages: every start-up fetches `after_start` once the register is read; a new
    // device's role question fetches `welcome`, the officer's name and unit form (src/ui/split_pages.rs).
    // The register's pages also read the register: every start with enterprises stored fetches them.
    const label = { after_start: 'after every start-up', welcome: "a new device's welcome form" }[m[1]] ?? `first open of the ${m[1]} pages`;
    console.log(line(`  ${label} (${files.length} files)`, sum(files.map((f) => sizes(`${folder}/${f}`)))));
    groups += 1;
  }
  // Each on-demand part is reported, or the check says why not (a loader written differently).
  if (groups === 0) {
    console.error(`size: no page group found in ${loaderFile}: scripts/bundle-size.mjs reads them from the loader's text as wasm-split-cli writes it`);
    process.exit(1);
  }
}
console.log(line(`page chunks, all (${chunks.length} files)`, sum(chunks)));
if (worker.length) console.log(line('spreadsheet worker (on demand)', sum(worker)));
if (forms.length) console.log(line(`form definitions, after start-up (${forms.length} files)`, sum(forms)));
if (texts.length) console.log(line('English texts, when English is chosen', sum(texts)));
if (other.length) console.log(line(`other code (${other.map((r) => r.file).join(', ')})`, sum(other)));
console.log(line('all parts together', sum([...initial, ...chunks, ...worker, ...other, ...forms, ...texts])));

// The definitions are fetched so that the first download need not hold them: a build that also
// builds them into its main module (form::library::SHIPPED outside its cfg) pays twice.
const mainWasm = initialFiles.filter((f) => f.endsWith('.wasm')).map((f) => fs.readFileSync(path.join(dist, f)));
for (const f of forms) {
  const text = fs.readFileSync(path.join(dist, f.file));
  if (mainWasm.some((w) => w.includes(text.subarray(0, 400)))) {
    console.error(`size: ${f.file} is also built into the first download's wasm; it should only be fetched (src/web/shipped_forms.rs)`);
    process.exit(1);
  }
}

// Likewise the English texts: a build that holds them (i18n::messages::ENGLISH outside its cfg)
// would carry them twice. Their longest text stands for them all.
for (const f of texts) {
  const longest = JSON.parse(fs.readFileSync(path.join(dist, f.file), 'utf8')).texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (mainWasm.some((w) => w.includes(Buffer.from(longest)))) {
    console.error(`size: the English texts of ${f.file} are also built into the first download's wasm; they should only be fetched (src/i18n/english.rs)`);
    process.exit(1);
  }
}

// And the Vietnamese of the texts only pages show (`Key => page "…"` in src/i18n/messages.rs),
// which go into a chunk with the code that installs them (src/i18n/page_texts.rs): a build whose
// first download holds them has a function that reads them outside a chunk. The longest without
// escapes stands for them all.
{
  const messages = fs.readFileSync(new URL('../src/i18n/messages.rs', import.meta.url), 'utf8');
  const pageTexts = [...messages.matchAll(/^\s*[A-Z][A-Za-z0-9]* => page "([^"\\]*)", /gm)].map((m) => m[1]);
  const longest = pageTexts.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (pageTexts.length && mainWasm.some((w) => w.includes(Buffer.from(longest)))) {
    console.error(`size: the pages' Vietnamese texts are built into the first download's wasm; they should come with the chunks (src/i18n/page_texts.rs)`);
    process.exit(1);
  }
}

if (budgetName) {
  const budgets = JSON.parse(fs.readFileSync(new URL('../docs/size-budget.json', import.meta.url), 'utf8'));
  const budget = budgets[budgetName];
  if (typeof budget !== 'number') {
    console.error(`size budget: docs/size-budget.json has no "${budgetName}"`);
    process.exit(2);
  }
  if (initialSum.gzip > budget) {
    console.error(`size budget: the initial download is ${initialSum.gzip} B gzipped, over the "${budgetName}" budget of ${budget} B (docs/size-budget.json). Load the new code on demand (src/ui/lazy_page.rs), or raise the budget with a reason in docs/benchmarks.md.`);
    process.exit(1);
  }
  console.log(`size budget "${budgetName}": ${initialSum.gzip} B of ${budget} B gzipped (${((100 * initialSum.gzip) / budget).toFixed(1)} %)`);
}
