// NSCL Tracker service worker. scripts/precache.mjs prepends VERSION and
// PRECACHE (this build's files) and writes dist/sw.js.
//
// Offline first: every file of the app shell is served from the cache, and a
// navigation to any app path gets the cached index.html. A new deployment
// installs beside the old one and waits; the page offers "reload" instead of
// swapping code under an open form.
//
// PRECACHE is [path, hash of the file's content] for every file of the build.
/* global VERSION, PRECACHE */
const CACHE = `nscl-shell-${VERSION}`;
// Where each cache keeps the list it was filled from: the next build's install reads it.
const LIST = '/__precache-list.json';
const ATTEMPTS = 3;
const AT_ONCE = 6;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// Every file of this build into its cache, or the install fails and the running build stays.
// A file an earlier build's cache holds with the same content is copied from it: an update
// downloads only what changed (the spreadsheet worker alone is about half a megabyte gzipped).
// The rest are fetched, each tried up to three times: on a weak connection one failed request
// among forty would otherwise fail the whole install, and the app would not open offline.
// A file this cache already holds (an install that failed part-way, tried again) is kept.
// The list stored with the cache names the content each file really has (a host may send a
// stale or altered copy): a later build copies only what matches what it needs.
async function precache() {
  const cache = await caches.open(CACHE);
  const earlier = await earlierCopies();
  const queue = [...PRECACHE];
  const held = [];
  let failed = false;
  const worker = async () => {
    for (let entry = queue.shift(); entry && !failed; entry = queue.shift()) {
      const [path, wanted] = entry;
      try {
        const kept = await cache.match(path);
        const copy = kept ? null : earlier.get(`${path} ${wanted}`);
        const copied = copy && (await copy.match(path));
        if (kept) held.push([path, await contentHash(kept)]);
        else if (copied) {
          await cache.put(path, copied);
          held.push([path, wanted]);
        } else {
          const [response, hash] = await fetchTried(path, wanted);
          await cache.put(path, response);
          held.push([path, hash]);
        }
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  await cache.put(LIST, new Response(JSON.stringify(held), { headers: { 'content-type': 'application/json' } }));
}

// The caches of earlier builds that hold each file, by "path hash" of the content they hold.
async function earlierCopies() {
  const found = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith('nscl-shell-') || name === CACHE) continue;
    const cache = await caches.open(name);
    const list = await cache.match(LIST);
    if (!list) continue;
    try {
      for (const [path, hash] of await list.json()) found.set(`${path} ${hash}`, cache);
    } catch {
      // A list that does not read is a cache not to copy from.
    }
  }
  return found;
}

// The first 16 hex digits of the SHA-256 of a response's body, as scripts/precache.mjs writes them.
async function contentHash(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

// One file from the network and the hash of what came, tried again after a failure (a refused
// connection, a server's error, a timeout or too many requests). The browser's HTTP cache
// serves as the host's headers say: the hashed files the page has just loaded are not
// downloaded twice, the unhashed ones are revalidated (README). Content that is not this
// build's is asked for once more past that cache; if the host still sends it, it is kept (the
// app ran on it before this worker too) and listed as what it is.
async function fetchTried(path, wanted) {
  let mode = 'default';
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(path, { cache: mode });
    } catch (e) {
      if (attempt >= ATTEMPTS) throw e;
    }
    if (response && response.ok) {
      const hash = await contentHash(response);
      if (hash === wanted || mode === 'reload') return [response, hash];
      mode = 'reload';
      continue;
    }
    if (response) {
      const again = response.status >= 500 || response.status === 408 || response.status === 429;
      if (!again || attempt >= ATTEMPTS) throw new Error(`${path}: HTTP ${response.status}`);
      await response.body?.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('nscl-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match('/index.html')) || fetch(request);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(url.pathname)) || fetch(request);
  })());
});
