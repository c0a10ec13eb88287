// Writes <file>.gz (gzip -9) and <file>.br (brotli, quality 11) beside every text and wasm file
// of a build, for static hosts that send a file's precompressed copy when the browser accepts
// it (nginx: gzip_static and brotli_static; Caddy: file_server precompressed; README). The
// copies are never listed for the service worker: it caches the files as the server sends them.
// Called by precache.mjs at the end of a release build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|wasm|css|svg|json|webmanifest)$/;

// How the copies are made, and how scripts/bundle-size.mjs measures what a host would send.
export const gzip = (buf) => zlib.gzipSync(buf, { level: 9 });
export const brotli = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
});

export function precompress(dir) {
  let count = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(e.name)) {
        const buf = fs.readFileSync(full);
        fs.writeFileSync(`${full}.gz`, gzip(buf));
        fs.writeFileSync(`${full}.br`, brotli(buf));
        count += 1;
      }
    }
  };
  walk(dir);
  return count;
}
