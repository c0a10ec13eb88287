//! The spreadsheet worker, from the app's side: XLSX and CSV read and XLSX
//! written in a module Web Worker of its own (`crates/spreadsheet`), a wasm
//! file the browser fetches the first time one of these is called, never with
//! the app. Requests carry an id, so several may be under way at once.
//!
//! ```ignore
//! let rows = web::spreadsheet::read_table(bytes, "danh-sach.xlsx").await?;   // rows of text, row i = sheet row i + 1
//! let xlsx = web::spreadsheet::write_xlsx(&table::Workbook { sheets }).await?; // the file's bytes
//! ```
//! Errors are `table::SpreadsheetError`, with `message(lang)` for the officer.
//! A worker that cannot load (offline before the service worker cached it)
//! is an error, never a panic, and the next call tries to load it again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::table::worker_protocol::{
    read_table_request, table_answer, table_part, write_xlsx_request, xlsx_answer,
};
use crate::table::{SpreadsheetError, Workbook};

/// Trunk writes the worker under its binary's name, unhashed (index.html, `data-type="worker"`);
/// the loader imports the wasm-bindgen module, which fetches `spreadsheet-worker_bg.wasm` beside it.
const WORKER_URL: &str = "/spreadsheet-worker_loader.js";

/// Reads the first sheet of an XLSX file, or a CSV file (UTF-8 with or without a
/// byte-order mark, comma or semicolon), as rows of text: row `i` is the
/// spreadsheet's row `i + 1`, trailing empty cells left off. Whole numbers come
/// without ".0", dates as YYYY-MM-DD. The parsing happens in the worker.
pub async fn read_table(
    bytes: Vec<u8>,
    file_name: &str,
) -> Result<Vec<Vec<String>>, SpreadsheetError> {
    let answer = request(&read_table_request(file_name), Some(bytes)).await?;
    let (mut rows, parts) = table_answer(&answer.json)?;
    // A large table comes in parts: one parsed per task, the browser free between,
    // so 5,000 rows never hold the page for long.
    if answer.parts.len() != parts {
        return Err(SpreadsheetError::BadAnswer);
    }
    for part in answer.parts {
        super::browser::next_task().await;
        let text = part.as_string().ok_or(SpreadsheetError::BadAnswer)?;
        rows.extend(table_part(&text)?);
    }
    Ok(rows)
}

/// Writes a workbook as XLSX (header rows bold, columns sized to their text) and
/// returns the file's bytes.
pub async fn write_xlsx(book: &Workbook) -> Result<Vec<u8>, SpreadsheetError> {
    let answer = request(&write_xlsx_request(book), None).await?;
    xlsx_answer(&answer.json, answer.bytes)
}

type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

struct Handle {
    worker: Worker,
    /// Resolves when the worker says it listens; rejects if it fails to load.
    ready: Promise,
    pending: Pending,
    dead: Rc<std::cell::Cell<bool>>,
    next_id: u32,
    _callbacks: (
        Closure<dyn Fn(MessageEvent)>,
        Closure<dyn Fn(web_sys::Event)>,
    ),
}

thread_local! {
    static HANDLE: RefCell<Option<Rc<RefCell<Handle>>>> = const { RefCell::new(None) };
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Marks the worker dead (it failed to load or stopped) and rejects what waits on it;
/// the next request starts a new one. The handle itself is replaced then, not here:
/// this runs inside the handle's own error callback.
fn give_up(worker: &Worker, dead: &std::cell::Cell<bool>, pending: &Pending, why: &str) {
    dead.set(true);
    worker.terminate();
    let waiting: Vec<(Function, Function)> = pending.borrow_mut().drain().map(|(_, v)| v).collect();
    for (_, reject) in waiting {
        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(why));
    }
}

fn spawn() -> Result<Rc<RefCell<Handle>>, SpreadsheetError> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_URL, &options)
        .map_err(|_| SpreadsheetError::Unavailable)?;
    let pending: Pending = Rc::new(RefCell::new(HashMap::new()));
    let ready_fns: Rc<RefCell<Option<(Function, Function)>>> = Rc::new(RefCell::new(None));
    let ready = {
        let ready_fns = ready_fns.clone();
        Promise::new(&mut |resolve, reject| {
            *ready_fns.borrow_mut() = Some((resolve, reject));
        })
    };
    let on_message = {
        let pending = pending.clone();
        let ready_fns = ready_fns.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if get(&data, "ready").is_truthy() {
                if let Some((resolve, _)) = ready_fns.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
                return;
            }
            let Some(id) = get(&data, "id").as_f64() else {
                return;
            };
            let entry = pending.borrow_mut().remove(&(id as u32));
            if let Some((resolve, _)) = entry {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        })
    };
    let dead = Rc::new(std::cell::Cell::new(false));
    let on_error = {
        let pending = pending.clone();
        let ready_fns = ready_fns.clone();
        let worker = worker.clone();
        let dead = dead.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            // A worker script that fails to load or a wasm abort: nothing more will come from it.
            event.prevent_default();
            if let Some((_, reject)) = ready_fns.borrow_mut().take() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("load"));
            }
            give_up(&worker, &dead, &pending, "crashed");
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Rc::new(RefCell::new(Handle {
        worker,
        ready,
        pending,
        dead,
        next_id: 1,
        _callbacks: (on_message, on_error),
    })))
}

fn handle() -> Result<Rc<RefCell<Handle>>, SpreadsheetError> {
    if let Some(h) = HANDLE.with(|h| h.borrow().clone()) {
        if !h.borrow().dead.get() {
            return Ok(h);
        }
    }
    let h = spawn()?;
    HANDLE.with(|slot| *slot.borrow_mut() = Some(h.clone()));
    Ok(h)
}

/// Sends one request and waits for its answer: the response's JSON and the bytes beside it.
/// The worker's answer: the response's JSON, the bytes beside it, a large table's row parts.
struct Answer {
    json: String,
    bytes: Option<Vec<u8>>,
    parts: Vec<JsValue>,
}

async fn request(json: &str, bytes: Option<Vec<u8>>) -> Result<Answer, SpreadsheetError> {
    let h = handle()?;
    let ready = h.borrow().ready.clone();
    if JsFuture::from(ready).await.is_err() {
        return Err(SpreadsheetError::Unavailable);
    }
    let (id, answer) = {
        let mut handle = h.borrow_mut();
        let id = handle.next_id;
        handle.next_id = handle.next_id.wrapping_add(1).max(1);
        let pending = handle.pending.clone();
        let answer = Promise::new(&mut |resolve, reject| {
            pending.borrow_mut().insert(id, (resolve, reject));
        });
        (id, answer)
    };
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    let _ = Reflect::set(&msg, &"json".into(), &JsValue::from_str(json));
    let transfer = Array::new();
    if let Some(bytes) = bytes {
        let array = Uint8Array::new_with_length(bytes.len() as u32);
        array.copy_from(&bytes);
        drop(bytes);
        let buffer = array.buffer();
        let _ = Reflect::set(&msg, &"bytes".into(), &buffer);
        transfer.push(&buffer);
    }
    let posted = h
        .borrow()
        .worker
        .post_message_with_transfer(&msg, &transfer);
    if posted.is_err() {
        h.borrow().pending.borrow_mut().remove(&id);
        return Err(SpreadsheetError::Crashed);
    }
    let data = JsFuture::from(answer)
        .await
        .map_err(|_| SpreadsheetError::Crashed)?;
    let json = get(&data, "json")
        .as_string()
        .ok_or(SpreadsheetError::BadAnswer)?;
    let bytes_value = get(&data, "bytes");
    let bytes = bytes_value
        .is_instance_of::<ArrayBuffer>()
        .then(|| Uint8Array::new(&bytes_value).to_vec());
    let parts_value = get(&data, "parts");
    let parts = if Array::is_array(&parts_value) {
        Array::from(&parts_value).to_vec()
    } else {
        Vec::new()
    };
    Ok(Answer { json, bytes, parts })
}
