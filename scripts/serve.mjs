// Serves the built bundle (dist/) on 127.0.0.1 with a fallback to index.html,
// so deep links such as /enterprises/… work after a reload, as on a static
// host configured for a single-page app.
// Usage: node scripts/serve.mjs [dir] [port]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { policyOf } from './csp-loader.mjs';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The same policy as index.html's meta tag, sent as the header a static host should send
// (docs/architecture.md): a header also covers what a meta tag cannot, such as frame-ancestors.
const policy = () => {
  try {
    const p = policyOf(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
    return p ? `${p}; frame-ancestors 'none'` : null;
  } catch {
    return null;
  }
};

// For the specs: SERVE_LOG=1 prints every path asked for, a line each, after the first line;
// SERVE_FAIL_ONCE (paths, comma-separated) answers the first request for each with a 503, as
// a weak connection's failed request.
const log = process.env.SERVE_LOG === '1';
const failOnce = new Set((process.env.SERVE_FAIL_ONCE || '').split(',').filter(Boolean));

const server = http.createServer((req, res) => {
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    return;
  }
  if (log) console.log(`GET ${urlPath}`);
  if (failOnce.delete(urlPath)) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('try again');
    return;
  }
  let file = path.join(root, path.normalize(urlPath));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    const asIndex = path.join(file, 'index.html');
    // Paths with a file extension are real assets: a miss is a 404, not the app shell.
    file = fs.existsSync(asIndex) ? asIndex : path.extname(urlPath) ? null : path.join(root, 'index.html');
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const type = types[path.extname(file)] || 'application/octet-stream';
  // Hashed assets never change; the entry points, the service worker, the workers' files (Trunk
  // names workers after the binary, unhashed; hash-worker.js and pack-worker.js are copied as they are), the shipped
  // form definitions (/forms/*.json, named as in data/forms) and the English texts (/texts/en.json) must be revalidated.
  const entry = /(index\.html|sw\.js|manifest\.webmanifest|hash-worker\.js|pack-worker\.js)$/.test(file) || /spreadsheet-worker[^/]*$/.test(file) || /[\\/](forms|texts)[\\/][^/\\]+\.json$/.test(file);
  const cache = entry ? 'no-cache' : 'public, max-age=31536000, immutable';
  const headers = { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' };
  const csp = type.startsWith('text/html') ? policy() : null;
  if (csp) headers['content-security-policy'] = csp;
  // A release build has precompressed copies (scripts/precompress.mjs): send the best one the
  // browser accepts, as a static host configured for them does; never one older than the file
  // (a dist edited after its build, as a spec's "next deployment" does).
  const accepts = String(req.headers['accept-encoding'] || '');
  headers.vary = 'accept-encoding';
  let body = file;
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (new RegExp(`\\b${encoding}\\b`).test(accepts) && fs.existsSync(file + ext)
      && fs.statSync(file + ext).mtimeMs >= fs.statSync(file).mtimeMs) {
      headers['content-encoding'] = encoding;
      body = file + ext;
      break;
    }
  }
  res.writeHead(200, headers);
  fs.createReadStream(body).pipe(res);
});

server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use. Stop the other server, or choose another port: make run PORT=8081`);
    process.exit(1);
  }
  throw err;
});

// Port 0 picks a free port; the first line printed names it.
server.listen(port, '127.0.0.1', () => {
  console.log(`NSCL Tracker: http://127.0.0.1:${server.address().port}/ (serving ${root})`);
});
