//! Sync files' bytes: hashing, gzip and encryption, all done by the browser
//! (Web Crypto, Compression Streams), so the bundle carries no crypto or
//! compression code of its own. A whole province's file can be 45 MB: while
//! it is packed and unpacked its bytes stay in JS buffers and Blobs; only the
//! text to parse (and an encrypted file's first kilobyte) enters wasm memory.
//!
//! The file's clear header is pure logic, in `sync::envelope`.

use crate::sync::envelope::{self, Header, HeaderError, IV_LEN, MAX_HEADER_LEN, SALT_LEN};
use crate::text::compose_vietnamese;
use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, Blob, CryptoKey, Pbkdf2Params, ReadableStream, ReadableWritablePair, Response};

pub use crate::sync::envelope::PBKDF2_ITERATIONS;

// web-sys has these two only behind `web_sys_unstable_apis`; the constructors are all we need.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why a file could not be decrypted.
#[derive(Debug, Clone, PartialEq)]
pub enum DecryptError {
    /// The file does not start with an encrypted file's header.
    NotEncrypted,
    /// It does, but the header is damaged or from an unknown version.
    BadHeader(HeaderError),
    /// AES-GCM's tag check failed. A wrong passphrase and a damaged file fail
    /// it the same way, so they cannot be told apart.
    WrongPassphraseOrDamaged,
    /// The browser refused to derive the key (no Web Crypto, say).
    Browser(JsValue),
}

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?.crypto()
}

async fn resolve(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

async fn bytes_of(promise: Result<Promise, JsValue>) -> Result<Uint8Array, JsValue> {
    let buffer: ArrayBuffer = resolve(promise).await?.dyn_into()?;
    Ok(Uint8Array::new(&buffer))
}

fn hash_of(digest: Uint8Array) -> Result<[u8; 32], JsValue> {
    digest.to_vec().try_into().map_err(|_| JsValue::from_str("a SHA-256 digest is 32 bytes"))
}

/// SHA-256 of `bytes`, on this thread (Chromium's `digest` holds it for the whole hash).
async fn sha256_here(bytes: &[u8]) -> Result<[u8; 32], JsValue> {
    hash_of(bytes_of(crypto()?.subtle().digest_with_str_and_u8_array("SHA-256", bytes)).await?)
}

/// Where `public/hash-worker.js` is served (precached with the build).
const HASH_WORKER_URL: &str = "/hash-worker.js";

/// Below this a hash is quicker on the page than a worker's start.
const OFF_THREAD_BYTES: usize = 1 << 20;

/// How many bytes are inflated, or copied between wasm memory and the browser's
/// buffers, in one task: a province's 46 MiB took 40-200 ms in one piece.
const BYTES_PER_TASK: usize = 4 << 20;

/// SHA-256 of `text`'s UTF-8 bytes. A large text goes to the browser as a Blob a part
/// at a time, with the page free in between, and is hashed by a worker: on the page
/// the hash of a province's file held it for 80-90 ms.
pub async fn sha256(text: &str) -> Result<[u8; 32], JsValue> {
    if text.len() < OFF_THREAD_BYTES {
        return sha256_here(text.as_bytes()).await;
    }
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let parts = Array::new();
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let (part, after) = rest.split_at(rest.len().min(BYTES_PER_TASK));
        // A view of the part in wasm memory, copied once by the Blob as it is made: nothing
        // runs in wasm between the two, so the memory cannot grow under the view.
        let view = Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), part.as_ptr() as u32, part.len() as u32);
        let blob: Blob = Blob::new_with_u8_array_sequence(&Array::of1(&view))?;
        parts.push(&blob);
        rest = after;
        if !rest.is_empty() {
            super::browser::next_task().await;
        }
    }
    sha256_blob(&Blob::new_with_blob_sequence(&parts)?).await
}

/// SHA-256 of a Blob's bytes: a large one read and hashed by a worker, a small one (or
/// any, if no worker can be had: a browser without them, the file neither cached nor
/// reachable) on the page.
pub async fn sha256_blob(blob: &Blob) -> Result<[u8; 32], JsValue> {
    if blob.size() >= OFF_THREAD_BYTES as f64 {
        if let Ok(hash) = sha256_in_worker(blob).await {
            return Ok(hash);
        }
    }
    let buffer: js_sys::Object = resolve(Ok(blob.array_buffer())).await?.into();
    hash_of(bytes_of(crypto()?.subtle().digest_with_str_and_buffer_source("SHA-256", &buffer)).await?)
}

/// A worker asked for one answer (a hash, a packed file), and the handlers it calls.
/// Dropped (its answer had, or the wait given up), the worker is ended before the handlers
/// are freed: a late answer then calls nothing. A worker is kept for one answer: a sync file
/// is hashed and packed once or twice per import or export, and a worker kept would hold its
/// memory for nothing.
struct OneAnswerWorker {
    worker: web_sys::Worker,
    /// Listened to from the start: a worker that fails while the page is still posting to it
    /// (the packer's, while the parts are made) is then no unhandled rejection.
    answered: Option<JsFuture>,
    /// Set once the worker has answered or failed: the packer then stops copying parts to it.
    settled: std::rc::Rc<std::cell::Cell<bool>>,
    _handlers: [Closure<dyn FnMut(web_sys::Event)>; 3],
}

impl Drop for OneAnswerWorker {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
    }
}

impl OneAnswerWorker {
    /// The worker of the script at `url`. One that cannot start (its file missing), cannot
    /// read a message, or fails, rejects its answer.
    fn start(url: &str) -> Result<OneAnswerWorker, JsValue> {
        use js_sys::Function;
        let mut settle: Option<(Function, Function)> = None;
        // A promise's executor runs before its constructor returns.
        let answered = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        let Some((resolve, reject)) = settle else { return Err(JsValue::from_str("promise executor did not run")) };
        let settled = std::rc::Rc::new(std::cell::Cell::new(false));
        let settles = |with: Function, data: bool| {
            let settled = settled.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                settled.set(true);
                let value = if data { e.unchecked_ref::<web_sys::MessageEvent>().data() } else { e.into() };
                let _ = with.call1(&JsValue::NULL, &value);
            })
        };
        let worker = web_sys::Worker::new(url)?;
        let handlers = [settles(resolve, true), settles(reject.clone(), false), settles(reject, false)];
        let started = OneAnswerWorker { worker, answered: Some(JsFuture::from(answered)), settled, _handlers: handlers };
        let [on_message, on_error, on_message_error] = &started._handlers;
        started.worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        started.worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        started.worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));
        Ok(started)
    }

    fn post(&self, message: &JsValue) -> Result<(), JsValue> {
        self.worker.post_message(message)
    }

    /// Its answer, or its error; the worker is ended.
    async fn answer(mut self) -> Result<JsValue, JsValue> {
        let Some(answered) = self.answered.take() else { return Err(JsValue::from_str("asked twice")) };
        answered.await
    }
}

/// `answer`'s member `name` when it is a `T`, else the answer's `error`.
fn answered<T: JsCast>(answer: &JsValue, name: &str) -> Result<T, JsValue> {
    use js_sys::Reflect;
    Reflect::get(answer, &JsValue::from_str(name))?.dyn_into::<T>().map_err(|_| Reflect::get(answer, &JsValue::from_str("error")).unwrap_or(JsValue::UNDEFINED))
}

/// The hash worker's answer for `blob`.
async fn sha256_in_worker(blob: &Blob) -> Result<[u8; 32], JsValue> {
    let hashing = OneAnswerWorker::start(HASH_WORKER_URL)?;
    hashing.post(blob)?;
    let answer = hashing.answer().await?;
    let digest: ArrayBuffer = answered(&answer, "digest")?;
    hash_of(Uint8Array::new(&digest))
}

/// Where `public/pack-worker.js` is served (precached with the build).
const PACK_WORKER_URL: &str = "/pack-worker.js";

/// A file gzipped by a worker (`public/pack-worker.js`) a part at a time as the page makes
/// it: a province's export compressed on the page took about half a second of its thread
/// after the file was made, where the worker compresses beside the making.
pub struct Packer(OneAnswerWorker);

impl Packer {
    /// `None` when the browser gives no worker: the caller packs on the page.
    pub fn start() -> Option<Packer> {
        OneAnswerWorker::start(PACK_WORKER_URL).ok().map(Packer)
    }

    /// The file's next part, copied to the worker; an error once the worker has answered
    /// before the end (it failed: a province's remaining parts would be copied for nothing).
    pub fn add(&self, part: &Uint8Array) -> Result<(), JsValue> {
        if self.0.settled.get() {
            return Err(JsValue::from_str("the pack worker has already answered"));
        }
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &JsValue::from_str("part"), part)?;
        self.0.post(&message)
    }

    /// The whole file packed, `tail` last; an error when the worker could not start, read a
    /// part or pack it (the caller then packs on the page).
    pub async fn finish(self, tail: &str) -> Result<Blob, JsValue> {
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &JsValue::from_str("tail"), &JsValue::from_str(tail))?;
        self.0.post(&message)?;
        answered::<Blob>(&self.0.answer().await?, "packed")
    }
}

/// `new Response(stream.pipeThrough(transform))`.
fn piped(stream: ReadableStream, transform: JsValue) -> Result<Response, JsValue> {
    Response::new_with_opt_readable_stream(Some(&stream.pipe_through(&transform.unchecked_into::<ReadableWritablePair>())))
}

/// `body` gzipped with a text after it, as one stream: the body is compressed while `tail`
/// works out the text (and a value of its own), and the text goes in when it comes. A
/// sync file's checksum, which ends it, is hashed by a worker while the page compresses
/// the body: one after the other they took about a third of a province's export.
pub async fn gzip_then<T>(body: &Blob, tail: impl std::future::Future<Output = Result<(T, String), JsValue>>) -> Result<(Blob, T), JsValue> {
    use js_sys::{Function, Reflect};
    let property = |of: &JsValue, name: &str| Reflect::get(of, &JsValue::from_str(name));
    let method = |of: &JsValue, name: &str| -> Result<Function, JsValue> { property(of, name)?.dyn_into() };
    let deflater: JsValue = CompressionStream::new("gzip")?.into();
    let (writable, readable) = (property(&deflater, "writable")?, property(&deflater, "readable")?);
    // Read from the start, so the compressed bytes never wait for a reader; listened to from the
    // start, so a failure before the end is no unhandled rejection.
    let packed = JsFuture::from(Response::new_with_opt_readable_stream(Some(&readable.unchecked_into::<ReadableStream>()))?.blob()?);
    let keep_open = js_sys::Object::new();
    Reflect::set(&keep_open, &JsValue::from_str("preventClose"), &JsValue::TRUE)?;
    let stream: JsValue = body.stream().into();
    let piped: Promise = method(&stream, "pipeTo")?.call2(&stream, &writable, &keep_open)?.dyn_into()?;
    let (piped, tail) = crate::both::both(JsFuture::from(piped), tail).await;
    piped?;
    let (value, text) = match tail {
        Ok(tail) => tail,
        Err(e) => {
            // The stream kept open for the tail is ended, and what it packed let go.
            if let Ok(abort) = method(&writable, "abort") {
                if let Ok(aborted) = abort.call0(&writable) {
                    let _ = aborted.dyn_into::<Promise>().map(JsFuture::from);
                }
            }
            return Err(e);
        }
    };
    let writer = method(&writable, "getWriter")?.call0(&writable)?;
    let written: Promise = method(&writer, "write")?.call1(&writer, &Uint8Array::from(text.as_bytes()))?.dyn_into()?;
    JsFuture::from(written).await?;
    let closed: Promise = method(&writer, "close")?.call0(&writer)?.dyn_into()?;
    JsFuture::from(closed).await?;
    Ok((packed.await?.unchecked_into(), value))
}

/// The bytes of a gzip stream, unpacked. Damaged or cut-short input is an error.
pub async fn gunzip(bytes: &Uint8Array) -> Result<Uint8Array, JsValue> {
    let stream = Blob::new_with_u8_array_sequence(&Array::of1(bytes))?.stream();
    bytes_of(piped(stream, DecompressionStream::new("gzip")?.into())?.array_buffer()).await
}

/// How many packed bytes go into the browser's inflater at a time. It inflates each piece
/// in one call: given the file as a Blob's stream, whose pieces are about a megabyte, one call
/// made 4-9 MiB of a province's file and held the page for 53-90 ms. A piece of this size
/// makes at most 16 MiB, which only a file made to unpack to gigabytes reaches.
const INFLATE_INPUT_BYTES: u32 = 16 << 10;

/// The same, reading the unpacked stream a chunk at a time and giving up
/// past `limit` bytes (`Ok(Err(bytes read))`): a small file that unpacks to
/// gigabytes (a "gzip bomb") stops there instead of filling memory.
pub async fn gunzip_limited(bytes: &Uint8Array, limit: f64) -> Result<Result<Vec<u8>, f64>, JsValue> {
    use js_sys::{Function, Reflect};
    let property = |of: &JsValue, name: &str| Reflect::get(of, &JsValue::from_str(name));
    let method = |of: &JsValue, name: &str| -> Result<Function, JsValue> { property(of, name)?.dyn_into() };
    let inflater: JsValue = DecompressionStream::new("gzip")?.into();
    let writable = property(&inflater, "writable")?;
    let writer = method(&writable, "getWriter")?.call0(&writable)?;
    let readable = property(&inflater, "readable")?;
    let reader = method(&readable, "getReader")?.call0(&readable)?;
    // The packed bytes are fed a piece at a time beside the reads below: each write waits
    // until the reads have taken what the piece before made. A write that fails (damaged
    // input, or the reads gave up) ends the feeding; the reads say why.
    let (write, close) = (method(&writer, "write")?, method(&writer, "close")?);
    let packed = bytes.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let (len, mut at) = (packed.length(), 0);
        while at < len {
            let end = len.min(at.saturating_add(INFLATE_INPUT_BYTES));
            let Ok(written) = write.call1(&writer, &packed.subarray(at, end)) else { return };
            if JsFuture::from(written.unchecked_into::<Promise>()).await.is_err() {
                return;
            }
            at = end;
        }
        if let Ok(closed) = close.call0(&writer) {
            let _ = JsFuture::from(closed.unchecked_into::<Promise>()).await;
        }
    });
    let read = method(&reader, "read")?;
    // Whatever ends the reads early (the limit, an error, the import given up and this future
    // dropped) cancels them: the feeding task's waiting write then fails and it ends, where it
    // would otherwise wait for reads that never come, holding the packed file.
    let mut reads = CancelReads { reader: reader.clone(), done: false };
    let chunks = Array::new();
    let mut total = 0.0;
    let mut since_pause = 0.0;
    loop {
        // Each read resolves as a microtask, so without a pause the whole file would be
        // inflated in one task (about 140 ms for a province's); the stream waits meanwhile.
        if since_pause >= BYTES_PER_TASK as f64 {
            since_pause = 0.0;
            super::browser::next_task().await;
        }
        let step = JsFuture::from(read.call0(&reader)?.dyn_into::<Promise>()?).await?;
        if Reflect::get(&step, &JsValue::from_str("done"))?.as_bool() == Some(true) {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))?.dyn_into()?;
        total += f64::from(chunk.length());
        since_pause += f64::from(chunk.length());
        if total > limit {
            return Ok(Err(total));
        }
        chunks.push(&chunk);
    }
    reads.done = true;
    // The chunks go straight into wasm memory, sized once: gathering them into a Blob first
    // copied a province's 46 MiB in a 200 ms task, and the reader copied it again. They stay
    // in the JavaScript heap until the total is known, since wasm memory never shrinks back.
    // Copied a few MiB at a time with the page free in between: in one piece, a province's
    // file held it for 130-210 ms.
    let mut out = Vec::with_capacity(total as usize);
    let mut since_pause = 0;
    for chunk in chunks.iter() {
        let chunk: Uint8Array = chunk.unchecked_into();
        let at = out.len();
        out.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut out[at..]);
        since_pause += chunk.length() as usize;
        if since_pause >= BYTES_PER_TASK {
            since_pause = 0;
            super::browser::next_task().await;
        }
    }
    Ok(Ok(out))
}

/// Cancels a stream's reads when dropped, unless they are `done`.
struct CancelReads {
    reader: JsValue,
    done: bool,
}

impl Drop for CancelReads {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let cancel = js_sys::Reflect::get(&self.reader, &JsValue::from_str("cancel")).and_then(|f| f.dyn_into::<js_sys::Function>());
        if let Ok(cancelled) = cancel.and_then(|f| f.call0(&self.reader)).and_then(|p| p.dyn_into::<Promise>()) {
            // A stream that failed already refuses the cancel: awaited, so no rejection goes unhandled.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(cancelled).await;
            });
        }
    }
}

/// The whole of a file the officer picked.
pub async fn read_file(file: &web_sys::File) -> Result<Uint8Array, JsValue> {
    bytes_of(Ok(file.array_buffer())).await
}

fn usages(names: &[&str]) -> Array {
    names.iter().map(|&n| JsValue::from_str(n)).collect()
}

/// PBKDF2-HMAC-SHA256, `bits` long.
pub async fn pbkdf2_sha256(passphrase: &[u8], salt: &[u8], iterations: u32, bits: u32) -> Result<Vec<u8>, JsValue> {
    let subtle = crypto()?.subtle();
    let base = subtle.import_key_with_str("raw", &Uint8Array::from(passphrase), "PBKDF2", false, &usages(&["deriveBits"]));
    let base: CryptoKey = resolve(base).await?.unchecked_into();
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    Ok(bytes_of(subtle.derive_bits_with_object(&params, &base, bits)).await?.to_vec())
}

async fn aes_key(raw: &[u8]) -> Result<CryptoKey, JsValue> {
    let key = crypto()?.subtle().import_key_with_str("raw", &Uint8Array::from(raw), "AES-GCM", false, &usages(&["encrypt", "decrypt"]));
    Ok(resolve(key).await?.unchecked_into())
}

/// The AES-256 key for `passphrase`. The key goes through PBKDF2 and
/// `aes_key` as raw bytes (rather than `deriveKey`) so that the browser tests'
/// known answers for both cover the very path files take.
async fn passphrase_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, JsValue> {
    // Composed first: a passphrase typed with decomposed Vietnamese marks on
    // one laptop is the same passphrase typed precomposed on another.
    let utf8 = compose_vietnamese(passphrase);
    aes_key(&pbkdf2_sha256(utf8.as_bytes(), salt, iterations, 256).await?).await
}

fn gcm(iv: &[u8]) -> AesGcmParams {
    AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv))
}

/// AES-256-GCM of `plain` under a raw key: the ciphertext, then the 16-byte tag.
pub async fn aes_gcm_encrypt_raw(key: &[u8; 32], iv: &[u8; 12], plain: &[u8]) -> Result<Vec<u8>, JsValue> {
    let key = aes_key(key).await?;
    Ok(bytes_of(crypto()?.subtle().encrypt_with_object_and_u8_array(&gcm(iv), &key, plain)).await?.to_vec())
}

/// The encrypted file of `plain`: the clear header line, then the ciphertext,
/// under a key from `passphrase` and a fresh random salt and IV.
pub async fn encrypt(plain: &Blob, passphrase: &str) -> Result<Blob, JsValue> {
    let (mut salt, mut iv) = ([0u8; SALT_LEN], [0u8; IV_LEN]);
    crypto()?.get_random_values_with_u8_array(&mut salt)?;
    crypto()?.get_random_values_with_u8_array(&mut iv)?;
    let key = passphrase_key(passphrase, &salt, PBKDF2_ITERATIONS).await?;
    let plain: js_sys::Object = resolve(Ok(plain.array_buffer())).await?.into();
    let cipher = resolve(crypto()?.subtle().encrypt_with_object_and_buffer_source(&gcm(&iv), &key, &plain)).await?;
    let header = Header { iterations: PBKDF2_ITERATIONS, salt, iv }.to_line();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    Blob::new_with_blob_sequence_and_options(&Array::of2(&JsValue::from_str(&header), &cipher), &options)
}

/// The plain bytes of an encrypted file.
pub async fn decrypt(file: &Uint8Array, passphrase: &str) -> Result<Uint8Array, DecryptError> {
    let head = file.subarray(0, file.length().min(MAX_HEADER_LEN as u32)).to_vec();
    if !envelope::is_encrypted(&head) {
        return Err(DecryptError::NotEncrypted);
    }
    let (header, start) = Header::parse(&head).map_err(DecryptError::BadHeader)?;
    let key = passphrase_key(passphrase, &header.salt, header.iterations).await.map_err(DecryptError::Browser)?;
    let cipher = file.subarray(start as u32, file.length());
    let subtle = crypto().map_err(DecryptError::Browser)?.subtle();
    bytes_of(subtle.decrypt_with_object_and_js_u8_array(&gcm(&header.iv), &key, &cipher))
        .await
        .map_err(|_| DecryptError::WrongPassphraseOrDamaged)
}
