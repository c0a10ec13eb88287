// Trunk post-build hook: writes sw.js with the list of files to precache.
// Trunk hashes file names, so the list changes with every build; VERSION is a
// hash of the files' contents, so an unchanged build keeps its cache.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { moveInlineScripts } from './csp-loader.mjs';
import { placeSplitChunks } from './split-chunks.mjs';
import { precompress } from './precompress.mjs';
import { minifyAssets } from './minify.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('precache: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
// The split build's chunks first: they rename the main JS module the loader imports. Trunk
// starts post-build hooks in parallel, so this one hook does both, in order.
const split = placeSplitChunks(dir);
console.log(split ? `precache: ${split.chunks} wasm chunk(s) in ${split.folder}/` : 'precache: not a split build');
// Then the inline loader, so its new file is precached like the rest.
const movedScripts = moveInlineScripts(dir);
console.log(`precache: ${movedScripts} inline script(s) moved to files for the content security policy`);
// Then every script and style sheet minified, before the list hashes their contents.
const minified = minifyAssets(dir);
console.log(`precache: JS and CSS minified, ${minified.before} -> ${minified.after} B`);
const template = fs.readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');

const files = [];
const walk = (d) => {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name !== 'sw.js' && !/\.(gz|br)$/.test(entry.name)) files.push(full);
  }
};
walk(dir);
files.sort();

const hash = crypto.createHash('sha256');
const urls = [];
// Each file with a hash of its content: an update copies from the earlier build's cache every
// file whose content it already holds, and downloads only the rest (sw-template.js).
const entries = [];
for (const f of files) {
  const rel = '/' + path.relative(dir, f).split(path.sep).join('/');
  const bytes = fs.readFileSync(f);
  hash.update(rel);
  hash.update(bytes);
  urls.push(rel);
  entries.push([rel, crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)]);
}
// The workers (the spreadsheet's, index.html's data-type="worker", and the sync file's hasher and
// packer, public/hash-worker.js and public/pack-worker.js) are fetched on demand, not by the page at load: the list above must hold
// them, or they fail offline. Trunk writes them unhashed.
const workerFiles = ['/spreadsheet-worker_loader.js', '/spreadsheet-worker.js', '/spreadsheet-worker_bg.wasm', '/hash-worker.js', '/pack-worker.js'];
const missingWorker = workerFiles.filter((f) => !urls.includes(f));
if (missingWorker.length) {
  console.error(`precache: the workers' files are missing from the build: ${missingWorker.join(', ')}`);
  process.exit(1);
}
const version = hash.digest('hex').slice(0, 16);
const header = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(entries)};\n\n`;
fs.writeFileSync(path.join(dir, 'sw.js'), header + template);
console.log(`precache: ${urls.length} files, version ${version}`);

// Last, so sw.js has its copies too. Release builds only: brotli at its best takes seconds.
if (process.env.TRUNK_PROFILE === 'release') {
  console.log(`precache: ${precompress(dir)} files precompressed (.gz, .br)`);
}
