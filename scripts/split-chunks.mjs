// Puts a split build's chunks into the staging dir (called first by precache.mjs, the
// post-build hook, so the chunks are precached like the rest).
//
// tools/split/wasm-bindgen left the chunks wasm-split cut off the app's module, and the
// loader that fetches them (__wasm_split.js), in <wasm-bindgen out dir>/split. Their names
// (chunk_12.wasm) say nothing about their content, so they go into a folder named by the hash
// of the whole build's code, split-<hash>/: a new deployment never mixes chunks of two builds,
// and the files can be cached for good. The main JS module imports the loader from there. It and
// the main wasm module get names from the same hash (Trunk named them before the split, from
// what cargo linked: a new wasm-split could change their content under the same names), and
// index.html's references and the preload's integrity follow them.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const LOADER = '__wasm_split.js';
// The flags the app's main module is optimised with (index.html's data-wasm-opt-params).
const WASM_OPT_FLAGS = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

export function placeSplitChunks(dir, { app = 'nscl-tracker' } = {}) {
  const jsName = fs.readdirSync(dir).find((f) => f.startsWith(`${app}-`) && f.endsWith('.js') && !f.endsWith('_bg.js'));
  if (!jsName) throw new Error(`split-chunks: no ${app}-<hash>.js in ${dir}`);
  const jsPath = path.join(dir, jsName);
  const js = fs.readFileSync(jsPath, 'utf8');
  if (!js.includes(`from "./${LOADER}"`)) return null; // not a split build: nothing to place

  const profile = process.env.TRUNK_PROFILE || 'debug';
  const target = process.env.CARGO_TARGET_DIR || 'target';
  const from = path.join(target, 'wasm-bindgen', profile, 'split');
  if (!fs.existsSync(path.join(from, LOADER))) {
    throw new Error(`split-chunks: ${jsName} imports ${LOADER}, but ${from} has none (was tools/split first on PATH?)`);
  }
  const chunks = fs.readdirSync(from).filter((f) => f.endsWith('.wasm')).sort();
  const wasmName = jsName.replace(/\.js$/, '_bg.wasm');

  const hash = crypto.createHash('sha256');
  hash.update(js);
  hash.update(fs.readFileSync(path.join(dir, wasmName)));
  for (const f of [LOADER, ...chunks]) {
    hash.update(f);
    hash.update(fs.readFileSync(path.join(from, f)));
  }
  const id = hash.digest('hex').slice(0, 16);
  const folder = `split-${id}`;
  const newJsName = `${app}-${id}.js`;
  const newWasmName = `${app}-${id}_bg.wasm`;
  fs.mkdirSync(path.join(dir, folder));

  for (const f of chunks) {
    const out = path.join(dir, folder, f);
    if (profile === 'release') {
      execFileSync('wasm-opt', [...WASM_OPT_FLAGS, path.join(from, f), '-o', out], { stdio: 'inherit' });
    } else {
      fs.copyFileSync(path.join(from, f), out);
    }
  }
  const loader = fs.readFileSync(path.join(from, LOADER), 'utf8');
  if (!loader.includes('"./main.js"')) throw new Error(`split-chunks: ${LOADER} does not import ./main.js`);
  fs.writeFileSync(path.join(dir, folder, LOADER), loader.replaceAll('"./main.js"', `"../${newJsName}"`));

  // Only the ES imports move: the same string also names the wasm's import module, which stays.
  const newJs = js.replaceAll(`from "./${LOADER}"`, `from "./${folder}/${LOADER}"`);
  if (newJs === js) throw new Error(`split-chunks: ${jsName} has no import from ./${LOADER}`);
  fs.writeFileSync(path.join(dir, newJsName), newJs);
  fs.rmSync(jsPath);
  fs.renameSync(path.join(dir, wasmName), path.join(dir, newWasmName));
  const index = path.join(dir, 'index.html');
  const integrity = `sha384-${crypto.createHash('sha384').update(newJs).digest('base64')}`;
  const html = fs.readFileSync(index, 'utf8')
    .replace(new RegExp(`(href="/${jsName}"[^>]*integrity=")[^"]*"`), `$1${integrity}"`)
    .replaceAll(jsName, newJsName)
    .replaceAll(wasmName, newWasmName);
  fs.writeFileSync(index, html);
  return { folder, chunks: chunks.length };
}
