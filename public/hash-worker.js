// SHA-256 of a Blob, off the page's thread (src/web/file_codec.rs, `sha256_blob`). Chromium's
// SubtleCrypto.digest holds the thread that calls it for the whole hash: about 90 ms for a
// province's 46 MiB file, a pause the officer would feel on the page. Here only this worker waits.
// One request per worker: the page posts a Blob and gets back { digest } or { error }.
// A message that cannot be read here still gets an answer: the page waits for one.
self.onmessageerror = () => self.postMessage({ error: 'the Blob could not be received' });
self.onmessage = async (event) => {
  try {
    const digest = await crypto.subtle.digest('SHA-256', await event.data.arrayBuffer());
    self.postMessage({ digest }, [digest]);
  } catch (e) {
    self.postMessage({ error: String(e) });
  }
};
