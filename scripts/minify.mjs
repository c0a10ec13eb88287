// Minifies a build's JS and CSS in place, and takes index.html's comments out: Trunk 0.21
// leaves wasm-bindgen's glue, the style sheets and the page as written,
// comments and all (about 5.2 KB of the first download, gzipped). Trunk's own minifier
// (`minify = "on_release"`) is not used: it would run before scripts/split-chunks.mjs, which
// finds the glue's import of the chunks' loader by its text.
// File names keep the hash Trunk gave them: a minified file changes exactly when its source
// does. Every integrity attribute index.html carries is written again from its file.
// Called by precache.mjs (the post-build hook) after the chunks are placed and the inline
// loader moved, before it lists the files.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import esbuild from '../tools/node_modules/esbuild/lib/main.js';

// The service worker is written after this (precache.mjs). The workers load on demand, not with
// the first screen: left as they are. So is the chunks' loader: scripts/bundle-size.mjs reads
// each page group's files from its text (minified, it would save 0.6 KB gzipped).
const SKIP = /^(sw|hash-worker|pack-worker|spreadsheet-worker.*|__wasm_split)\.js$/;

export function minifyAssets(dir) {
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  let before = 0;
  let after = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const loader = entry.name.endsWith('.css') ? 'css' : entry.name.endsWith('.js') ? 'js' : null;
      if (!loader || SKIP.test(entry.name)) continue;
      const source = fs.readFileSync(full, 'utf8');
      // ES modules stay modules (imports, exports and `import.meta` kept). es2022: esbuild writes
      // no newer syntax than that (the loader's top-level await is ES2022).
      const { code } = esbuild.transformSync(source, { loader, minify: true, target: loader === 'js' ? 'es2022' : undefined, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
      fs.writeFileSync(full, code);
      before += Buffer.byteLength(source);
      after += Buffer.byteLength(code);
    }
  };
  walk(dir);
  // index.html's comments explain the source (each one the build's own, no conditional
  // comments): the page the officer downloads needs none of them.
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n+/g, '\n');
  // Every integrity the page names written again from its file as it now is, whatever the
  // order of the tag's attributes: the browser refuses a file that differs, and the app would
  // not start. A tag that names no file of the build fails the build.
  html = html.replace(/<[^>]*\bintegrity="[^"]*"[^>]*>/g, (tag) => {
    const file = tag.match(/\b(?:href|src)="\/([^"]+)"/)?.[1];
    if (!file || !fs.existsSync(path.join(dir, file))) throw new Error(`minify: index.html names an integrity for no file of the build: ${tag}`);
    const integrity = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, file))).digest('base64')}`;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`);
  });
  fs.writeFileSync(index, html);
  return { before, after };
}
