// Moves every inline <script> of the built index.html into a file of its own,
// named by the hash of its content, so the page runs under a content security
// policy with no 'unsafe-inline' for scripts (index.html's meta tag). Trunk
// 0.21 writes its wasm loader inline and has no option to do otherwise.
// Called by precache.mjs (the post-build hook) before it lists the files.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const INLINE = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
// Trunk's loader starts the app; the early fetch of the English texts goes in front of it
// (english-early.js says why), in the same file: no request more for a Vietnamese page.
const EARLY = fs.readFileSync(new URL('./english-early.js', import.meta.url), 'utf8');

export function moveInlineScripts(dir) {
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  let moved = 0;
  let early = false;
  const out = html.replace(INLINE, (whole, attrs, body) => {
    if (!body.trim()) return whole;
    if (body.includes('module_or_path')) {
      body = `${EARLY}\n${body}`;
      early = true;
    }
    const name = `boot-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
    fs.writeFileSync(path.join(dir, name), body);
    moved += 1;
    return `<script${attrs} src="/${name}"></script>`;
  });
  // A build processed before (a copy deployed again, as code-splitting.spec.js does) has its
  // boot script in a file already: that file must carry the early fetch.
  const boots = [...out.matchAll(/<script[^>]*\bsrc="\/(boot-[^"/]+\.js)"/g)].map((m) => m[1]);
  if (!early && !boots.some((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('nsclEnglishTexts'))) {
    throw new Error("csp-loader: no boot script starts the English texts' early fetch (Trunk's loader no longer names module_or_path?)");
  }
  if (!/http-equiv="Content-Security-Policy"/.test(out)) {
    throw new Error('csp-loader: index.html has no Content-Security-Policy meta tag');
  }
  fs.writeFileSync(index, out);
  return moved;
}

/// The policy of a built index.html, for a server to send as a header too.
export function policyOf(html) {
  const m = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
  return m ? m[1] : null;
}
