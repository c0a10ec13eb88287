//! Sync's browser edge: making a file (parts → Blob → checksum → gzip →
//! encryption → download) and reading one (size limit → decryption →
//! gunzip → UTF-8 → checksum → parse). The decisions are all in `sync`;
//! this only moves bytes through the browser's own Blob, Compression
//! Streams and Web Crypto.

use super::{backup, browser, file_codec, record_store};
use crate::sync::envelope;
use crate::sync::error::ImportError;
use crate::sync::file::{self, Head, Scope, MAX_FILE_BYTES, MAX_TEXT_BYTES, PART_BYTES};
use crate::sync::file_steps::{Step, StepReader};
use crate::sync::local::{self, Held, Incoming};
use crate::store::StoreError;
use crate::utf8_in_parts::{Checked, Utf8InParts};
use js_sys::Array;
use wasm_bindgen::JsValue;

/// How an export is packed.
#[derive(Debug, Clone, PartialEq)]
pub struct Packing {
    pub compress: bool,
    /// Encrypts (after compressing) when set.
    pub passphrase: Option<String>,
}

/// A file that was made and handed to the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub name: String,
    pub bytes: f64,
    pub records: usize,
}

fn js_error(e: JsValue) -> StoreError {
    StoreError::Other(format!("{e:?}"))
}

/// Reads what this laptop holds, a few hundred records at a time (the page
/// stays responsive meanwhile).
pub async fn load_held() -> Result<Held, StoreError> {
    Held::load(&record_store(), browser::next_task).await
}

/// What importing `files` needs of what this laptop holds, given the versions the page
/// holds (`Known`): of the kinds it covers, only the records the files may change are read.
pub async fn load_held_for_import(files: &[Incoming], known: crate::sync::known::Known) -> Result<Held, StoreError> {
    Held::load_for_import(&record_store(), files, known, browser::next_task).await
}

/// Makes the file `scope` describes from what `held` holds, offers it as a
/// download named for `unit_label`, and logs it. A full backup also moves
/// the "last export" time the reminder counts from. (`export_everything` makes a full backup
/// without reading every record.)
pub async fn export(held: Held, scope: Scope, unit_label: &str, packing: &Packing) -> Result<Exported, StoreError> {
    browser::mark("nscl-export-start");
    let mut at = browser::change().at;
    let latest = held.records.enterprise.iter().map(|r| &r.updated).chain(held.records.survey.iter().map(|r| &r.updated));
    let latest = latest.chain(held.records.assessment.iter().map(|r| &r.updated)).chain(held.records.activity.iter().map(|r| &r.updated));
    // As a file of packs does: every kind's latest change, the targets' too.
    if let Some(latest) = latest.chain(held.records.indicator_target.iter().map(|r| &r.updated)).max() {
        at = at.max(latest.clone());
    }
    let everything = scope.is_everything();
    let officer = browser::officer_name();
    let file = held.export(scope, at.clone(), browser::device_id(), officer.clone(), browser::utc_offset_minutes()).map_err(|local::PartlyRead| StoreError::Other("export from an import's partial read".into()))?;
    // Each part is copied out of wasm memory as it is made (wasm memory holds one part at a
    // time), as bytes: the text is UTF-8 already, and a part made a JavaScript string would be
    // decoded into one and encoded back by the Blob (about a second for a province's 46 MiB).
    // The page gets a turn between parts: a province's whole body held it for half a second.
    let mut body = BodyParts::new(packing);
    let mut writer = file::BodyWriter::new(&file, PART_BYTES);
    while let Some(part) = writer.next_part().map_err(|e| StoreError::Other(format!("serialise: {e}")))? {
        body.add(&js_sys::Uint8Array::from(part.as_bytes()));
        browser::next_task().await;
    }
    let (name, bytes) = hand_over(body, packing, unit_label, &officer, |name, checksum, change, now| Held::export_entry(&file, name, checksum, change, now)).await?;
    if everything {
        browser::save_last_export(&at);
    }
    browser::mark("nscl-export-done");
    let exported = Exported { name, bytes, records: file.record_count() };
    // A province's records: freed a part at a time, not in the task that hands the file over.
    let mut freed = crate::drop_in_parts::DropInParts::new();
    file.drop_into(&mut freed);
    wasm_bindgen_futures::spawn_local(freed.run(browser::next_task));
    Ok(exported)
}

/// `export` of everything this laptop holds, made of its export packs (`sync::pack`), built
/// first where missing: the records are never read one by one, nor decoded. The same file.
pub async fn export_everything(scope: Scope, unit_label: &str, packing: &Packing) -> Result<Exported, StoreError> {
    use crate::sync::kinds::KINDS;
    use crate::sync::pack::{self, PackSize, Piece};
    browser::mark("nscl-export-start");
    let held = Held::load_beside_packs(&record_store(), browser::next_task).await?;
    let mut packs: Vec<Vec<super::export_packs::KeptPack>> = Vec::with_capacity(KINDS.len());
    for kind in KINDS {
        let mut of_kind = Vec::with_capacity(pack::BOUNDS.len());
        for (bucket, kept) in super::export_packs::read(kind).await?.into_iter().enumerate() {
            of_kind.push(match kept {
                Some(p) => p,
                None => {
                    browser::next_task().await;
                    super::export_packs::build(kind, bucket).await?.0
                }
            });
        }
        packs.push(of_kind);
    }
    let mut at = browser::change().at;
    if let Some(latest) = packs.iter().flatten().filter_map(|p| p.latest.as_ref()).max() {
        at = at.max(latest.clone());
    }
    let officer = browser::officer_name();
    let unreadable = packs.iter().flatten().flat_map(|p| p.unreadable.iter().cloned()).collect();
    let file = held.packed_file(scope, at.clone(), browser::device_id(), officer.clone(), unreadable);
    let sizes: Vec<Vec<PackSize>> = packs.iter().map(|k| k.iter().map(|p| PackSize { count: p.count }).collect()).collect();
    let mut body = BodyParts::new(packing);
    for piece in pack::body_pieces(&file, &sizes).map_err(|e| StoreError::Other(format!("serialise: {e}")))? {
        match piece {
            Piece::Text(text) => body.add(&js_sys::Uint8Array::from(text.as_bytes())),
            Piece::Pack { kind, bucket } => body.add(&packs[kind][bucket].body),
        }
        // A turn between pieces: handing a pack to the gzip worker copies it (a survey bucket
        // is about 1.5 MiB; all of them in one task held the page for 135 ms), and a worker
        // that failed is heard of before another piece is copied to it.
        browser::next_task().await;
    }
    let counts: Vec<(String, usize)> = KINDS.iter().zip(&sizes).map(|(kind, k)| (kind.to_string(), k.iter().map(|p| p.count).sum())).collect();
    let records = counts.iter().map(|(_, n)| n).sum::<usize>() + file.record_count();
    let (name, bytes) = hand_over(body, packing, unit_label, &officer, |name, checksum, change, now| Held::export_entry_counted(&file, counts, name, checksum, change, now)).await?;
    browser::save_last_export(&at);
    browser::mark("nscl-export-done");
    Ok(Exported { name, bytes, records })
}

/// A file's body as it is made, part by part: kept for the file, and handed to a worker that
/// gzips it as it comes when the file is packed (on the page, a province's gzip held its thread
/// for about half a second after the file was made). The worker holds a copy of each part until
/// it has packed it (a province's 46 MiB at most, for a moment).
struct BodyParts {
    parts: Array,
    packer: Option<file_codec::Packer>,
}

impl BodyParts {
    fn new(packing: &Packing) -> BodyParts {
        let packed = packing.compress || packing.passphrase.is_some();
        BodyParts { parts: Array::new(), packer: if packed { file_codec::Packer::start() } else { None } }
    }

    fn add(&mut self, bytes: &js_sys::Uint8Array) {
        // A part the worker cannot take: the file is packed on the page instead.
        if self.packer.as_ref().is_some_and(|p| p.add(bytes).is_err()) {
            self.packer = None;
        }
        self.parts.push(bytes);
    }
}

/// Ends a file: its checksum, gzip and encryption as `packing` says, the download, and the
/// audit log's entry (`entry` of the name and checksum). Gives the name and the size in bytes.
async fn hand_over(body: BodyParts, packing: &Packing, unit_label: &str, officer: &str, entry: impl FnOnce(&str, &str, &crate::model::record::Change, i64) -> local::AuditEntry) -> Result<(String, f64), StoreError> {
    let BodyParts { parts, packer } = body;
    let blob_body = backup::blob_of(&parts, "application/json").map_err(js_error)?;
    drop(parts);
    let body = blob_body;
    let packed = packing.compress || packing.passphrase.is_some();
    // The checksum goes after the body, so the body can be packed before it is known.
    let hash = async {
        let checksum = file::hex(&file_codec::sha256_blob(&body).await?);
        let suffix = file::checksum_suffix(&checksum);
        Ok((checksum, suffix))
    };
    let (mut blob, checksum, mut extension);
    if let Some(packer) = packer {
        // The worker packs what it has been given while another hashes the body.
        let suffix;
        (checksum, suffix) = hash.await.map_err(js_error)?;
        blob = match packer.finish(&suffix).await {
            Ok(blob) => blob,
            // The worker could not start or failed: packed on the page (marked, for a trace).
            Err(_) => {
                browser::mark("nscl-export-packed-on-page");
                file_codec::gzip_then(&body, std::future::ready(Ok(((), suffix)))).await.map_err(js_error)?.0
            }
        };
        extension = "json.gz";
    } else if packed {
        browser::mark("nscl-export-packed-on-page");
        (blob, checksum) = file_codec::gzip_then(&body, hash).await.map_err(js_error)?;
        extension = "json.gz";
    } else {
        let suffix;
        (checksum, suffix) = hash.await.map_err(js_error)?;
        // A Blob of a Blob refers to its bytes, where a Blob of the parts again would encode
        // the whole text a second time (about half a second for a province).
        blob = backup::blob_of(&Array::of2(&body, &JsValue::from_str(&suffix)), "application/json").map_err(js_error)?;
        extension = "json";
    }
    if let Some(passphrase) = &packing.passphrase {
        blob = file_codec::encrypt(&blob, passphrase).await.map_err(js_error)?;
        extension = "json.gz.enc";
    }
    let local = crate::format::iso_date_time(browser::now_ms(), browser::utc_offset_minutes());
    let name = file::file_name(unit_label, officer, &local, extension);
    backup::download_blob(&name, &blob).map_err(js_error)?;
    let change = browser::change();
    let logged = entry(&name, &checksum, &change, browser::now_ms());
    // The file is out; a log that cannot be written does not take it back.
    let _ = local::log_export(&record_store(), &logged).await;
    Ok((name, blob.size()))
}

/// A file chosen for import, read and checked, or why it cannot be.
pub async fn read(picked: &web_sys::File, passphrase: Option<&str>) -> Result<Incoming, ImportError> {
    let size = picked.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(ImportError::TooLarge { bytes: size as u64, limit: MAX_FILE_BYTES });
    }
    let mut bytes = file_codec::read_file(picked).await.map_err(|_| ImportError::CannotRead)?;
    let head = bytes.subarray(0, bytes.length().min(envelope::MAX_HEADER_LEN as u32)).to_vec();
    if envelope::is_encrypted(&head) {
        let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else { return Err(ImportError::NeedsPassphrase) };
        bytes = file_codec::decrypt(&bytes, passphrase).await.map_err(|e| match e {
            file_codec::DecryptError::BadHeader(_) | file_codec::DecryptError::NotEncrypted => ImportError::BadEncryptionHeader,
            file_codec::DecryptError::Browser(_) => ImportError::CannotRead,
            file_codec::DecryptError::WrongPassphraseOrDamaged => ImportError::WrongPassphrase,
        })?;
    }
    let head = bytes.subarray(0, bytes.length().min(2)).to_vec();
    let unpacked = if envelope::is_gzip(&head) {
        match file_codec::gunzip_limited(&bytes, MAX_TEXT_BYTES as f64).await {
            Ok(Ok(unpacked)) => unpacked,
            Ok(Err(read)) => return Err(ImportError::TooLarge { bytes: read as u64, limit: MAX_TEXT_BYTES }),
            Err(_) => return Err(ImportError::DamagedCompression),
        }
    } else {
        if f64::from(bytes.length()) > MAX_TEXT_BYTES as f64 {
            return Err(ImportError::TooLarge { bytes: u64::from(bytes.length()), limit: MAX_TEXT_BYTES });
        }
        bytes.to_vec()
    };
    drop(bytes);
    let mut check = Utf8InParts::new(unpacked);
    let text = loop {
        match check.step(UTF8_STEP_BYTES) {
            Checked::More(rest) => {
                check = rest;
                browser::next_task().await;
            }
            Checked::Text(text) => break text,
            Checked::NotUtf8 => return Err(ImportError::NotUtf8),
        }
    };
    browser::mark("nscl-import-parse");
    if let Some(incoming) = read_in_steps(&text, &picked.name()).await? {
        return Ok(incoming);
    }
    // Not a file the reader in steps takes (a version-1 backup, or a damaged or foreign
    // file): read in one piece, which names what is wrong.
    let checksum = match file::read_head(&text)? {
        Head::V2 { body, checksum } => {
            let actual = file::hex(&file_codec::sha256(body).await.map_err(|_| ImportError::ChecksumMismatch)?);
            if actual != checksum {
                return Err(ImportError::ChecksumMismatch);
            }
            actual
        }
        // Version 1 has no checksum; the text's own hash tells a repeated file.
        Head::V1 => file::hex(&file_codec::sha256(&text).await.map_err(|_| ImportError::ChecksumMismatch)?),
    };
    let file = file::parse(&text)?;
    Ok(Incoming { name: picked.name(), checksum, file })
}

/// How much of a file's text is checked as UTF-8 between two turns of the page (a
/// province's 46 MiB took about 90 ms in one piece).
const UTF8_STEP_BYTES: usize = 8 << 20;

/// How much of a file's records is parsed between two turns of the page: parsing a
/// province's 46 MiB in one piece took 1.1-1.6 s, so a step is about a hundredth of that.
const STEP_BYTES: usize = 384 << 10;

/// Reads a version-2 file a part at a time with the page free in between;
/// `None` when it is not one the reader in steps takes.
async fn read_in_steps(text: &str, name: &str) -> Result<Option<Incoming>, ImportError> {
    let mut reader = StepReader::new(text);
    let (body, expected) = loop {
        match reader.step(STEP_BYTES) {
            Step::More => browser::next_task().await,
            Step::Scanned { body, checksum } => break (body, checksum),
            Step::Done(_) | Step::Fallback => return Ok(None),
        }
    };
    // The checksum is worked out (by a worker, for a large file) while the records are parsed,
    // where the parse used to wait for the whole hash.
    let records = async {
        loop {
            match reader.step(STEP_BYTES) {
                Step::More => browser::next_task().await,
                Step::Done(file) => return Some(file),
                Step::Scanned { .. } | Step::Fallback => return None,
            }
        }
    };
    let (hash, file) = crate::both::both(file_codec::sha256(body), records).await;
    let checksum = file::hex(&hash.map_err(|_| ImportError::ChecksumMismatch)?);
    // A damaged file is the one-piece reader's: it may name a worse fault first (not JSON),
    // as it always has.
    match file {
        Some(file) if checksum == expected => Ok(Some(Incoming { name: name.to_string(), checksum, file: *file })),
        _ => Ok(None),
    }
}

/// Applies a preview worked out from `held`: one transaction, with history
/// and the undo. `Ok(Err(Stale))` when a record changed since `held` was
/// read (another tab): nothing was written and the preview must be made again.
pub async fn apply(held: &Held, preview: &local::Preview) -> Result<Result<(), crate::store::batch::Stale>, StoreError> {
    let store = record_store();
    let change = browser::change();
    // The rows are made in parts with the page free between, and the write issues them in
    // steps (`src/web/idb.rs`).
    let batch = local::import_batch(held, preview, &change, browser::now_ms(), store.history_depth(), browser::next_task).await?;
    browser::mark("nscl-import-apply");
    let written = store.write_batch(&batch).await?;
    // A province's rows and their texts: freed a part at a time, not in the task the write ends in.
    let mut parts = crate::drop_in_parts::DropInParts::new();
    parts.add(batch.rows);
    wasm_bindgen_futures::spawn_local(parts.run(browser::next_task));
    if written.is_ok() {
        super::broadcast::notify_changed();
        browser::mark("nscl-import-applied");
    }
    Ok(written)
}

/// Undoes the last import (see `local::undo_last_import`).
pub async fn undo() -> Result<Result<(), local::UndoRefused>, StoreError> {
    let done = local::undo_last_import(&record_store(), &browser::change(), browser::now_ms(), browser::next_task).await?;
    if done.is_ok() {
        super::broadcast::notify_changed();
    }
    Ok(done)
}
