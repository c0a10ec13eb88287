// gzip of a sync file as the page makes it (src/web/file_codec.rs, `Packer`). On the page a
// province's 46 MiB took about half a second of its thread after the file was made; here the
// parts are compressed while the page makes the next ones, and the page stays free.
// One file per worker: the page posts { part: Uint8Array } for each part in order, then
// { tail: string } (the checksum, which ends the file), and gets back { packed: Blob } or
// { error }. Once a part fails, the worker answers { error } at once and takes nothing more.
const deflater = new CompressionStream('gzip');
const writer = deflater.writable.getWriter();
const packed = new Response(deflater.readable).blob();
let failed = false;
const fail = (e) => {
  if (failed) return;
  failed = true;
  self.postMessage({ error: String(e) });
};
self.onmessageerror = () => fail('a part could not be received');
self.onmessage = (event) => {
  if (failed) return;
  const message = event.data;
  if (message && message.part instanceof Uint8Array) {
    // Writes queue in order; each is compressed as the stream takes it.
    writer.write(message.part).catch(fail);
  } else if (message && typeof message.tail === 'string') {
    writer.write(new TextEncoder().encode(message.tail))
      .then(() => writer.close())
      .then(() => packed)
      .then((blob) => self.postMessage({ packed: blob }), fail);
  } else {
    fail('an unexpected message');
  }
};
