//! If the app ever panics, the page must not just go dead with the officer's
//! typing in it. A wasm panic aborts the whole app: nothing reactive runs
//! afterwards, and calling back into Rust is unsafe. So the hook does only
//! plain DOM work: it copies every field's text into localStorage, and puts
//! a message over the page that shows that text and reloads the page through
//! a plain form (no Rust handler). After the reload `rescue` hands the
//! text back, and the shell puts it into the same fields.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

const RESCUE_KEY: &str = "nscl.crash_rescue";

/// What was on screen when the app stopped, or when the officer saved a form whose save then
/// failed after they had left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrashRescue {
    pub path: String,
    pub at_ms: i64,
    pub fields: Vec<RescuedField>,
    /// Rescues stored before there was a cause were all crashes.
    #[serde(default)]
    pub cause: RescueCause,
    /// The version of the record the form was editing (`RECORD_VERSION_ATTR`), when it edits one:
    /// a form opened again on another version of it only lists the text, as for a change made
    /// elsewhere, never puts it back over that change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The page's language when the text was put aside: a number typed in a decimal field is
    /// written again for the language of the page it goes back into (`format::in_language`), or
    /// `2.500` typed in Vietnamese (2,500) would be read by English as 2.5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::i18n::Lang>,
}

/// The attribute a form editing a stored record carries: that record's version (its change time).
pub const RECORD_VERSION_ATTR: &str = "data-record-version";

/// The version of the record the form on screen edits, if it edits one (`RECORD_VERSION_ATTR`).
pub fn record_version_on_screen() -> Option<String> {
    document()?.query_selector(&format!("main [{RECORD_VERSION_ATTR}]")).ok().flatten()?.get_attribute(RECORD_VERSION_ATTR)
}

/// Why the text was put aside.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RescueCause {
    /// The app stopped on an error.
    #[default]
    Crashed,
    /// A save the officer left the page during could not be written (the disk): the text is
    /// what they saved, put back when the same form opens again.
    NotSaved,
    /// Such a save was refused because the record had changed elsewhere. The text is only
    /// listed: put back into the form, every field of it (not only those the officer changed)
    /// would be saved over the other change without a word.
    ChangedElsewhere,
    /// Such a save was refused because the record had been deleted elsewhere. Listed only, as
    /// for a change elsewhere: the record comes back from "Recently deleted" first.
    DeletedElsewhere,
    /// The officer left a form with changes they never saved (another page, Back, a reload):
    /// put back when the same form opens again (`ui::unsaved_form`).
    LeftUnsaved,
}

impl RescueCause {
    /// Whether the text goes back into its form when the form opens: only when nothing else
    /// happened to the record, so a save writes no field over another change or a deletion.
    pub fn fills(self) -> bool {
        matches!(self, RescueCause::Crashed | RescueCause::NotSaved | RescueCause::LeftUnsaved)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RescuedField {
    /// The element's id, which the same page gives the same field again.
    pub id: String,
    /// The field's label as shown, so the officer can tell the values apart.
    pub label: String,
    /// The text, or for a checkbox "✓" when ticked and "" when not.
    pub value: String,
    /// A checkbox's state (`None` for text): ticking one can bring other fields on screen (OCOP's
    /// stars), and a form's choices are part of what was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
    /// A choice's text as the list showed it ("Thành phố Hồng Ngự"), where `value` is its code
    /// (`tp-hong-ngu`), which the officer never saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A box of figures written the page language's way (`inputmode="decimal"`): put back or
    /// listed in the other language, its figure is written again for it (`CrashRescue::lang`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decimal: bool,
}

impl RescuedField {
    /// What the officer is shown of the field: a choice's text, else the value.
    pub fn shown_text(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.value)
    }

    /// The value to put back into a page now in `now`, the field having been copied in `written_in`.
    pub fn value_in(&self, written_in: Option<crate::i18n::Lang>, now: crate::i18n::Lang) -> String {
        match written_in {
            Some(from) if self.decimal => crate::format::in_language(&self.value, from, now),
            _ => self.value.clone(),
        }
    }

    /// What the officer is shown of the field on a page now in `now`.
    pub fn shown_in(&self, written_in: Option<crate::i18n::Lang>, now: crate::i18n::Lang) -> String {
        if self.decimal { self.value_in(written_in, now) } else { self.shown_text().to_string() }
    }
}

impl CrashRescue {
    /// The fields worth showing the officer: text typed, and boxes ticked.
    pub fn shown(&self) -> impl Iterator<Item = &RescuedField> {
        self.fields.iter().filter(|f| !f.value.is_empty())
    }
}

/// Installs the hook: the browser console still gets the panic message.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Nothing here may panic again: every step is fallible and ignored.
        let rescue = fields_on_screen();
        // A page with nothing typed does not take the place of text still put aside.
        if rescue.shown().next().is_some() || local_storage().and_then(|s| s.get_item(RESCUE_KEY).ok().flatten()).is_none() {
            keep_rescue(&rescue);
        }
        STOPPED.with(|s| s.set(true));
        show(&rescue);
    }));
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The text in the page's fields now: for the hook, and for a save that may fail after the
/// officer has left the page (`StartedOn::keeping_typed`).
pub fn fields_on_screen() -> CrashRescue {
    let path = super::browser::current_path();
    let at_ms = js_sys::Date::now() as i64;
    let mut fields = Vec::new();
    if let Some(doc) = document() {
        if let Ok(list) = doc.query_selector_all("main input[id], main textarea[id], main select[id]") {
            for i in 0..list.length() {
                let Some(node) = list.item(i) else { continue };
                let Ok(el) = node.dyn_into::<web_sys::Element>() else { continue };
                let decimal = el.get_attribute("inputmode").as_deref() == Some("decimal");
                let (value, checked, text) = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    match input.type_().as_str() {
                        // Every box, ticked or not: a box the officer cleared is put back cleared.
                        "checkbox" => (if input.checked() { "✓" } else { "" }.to_string(), Some(input.checked()), None),
                        // Radios are the survey's, which keeps its own answers; passwords are never copied.
                        "radio" | "password" | "file" | "hidden" => continue,
                        _ => (input.value(), None, None),
                    }
                } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    (area.value(), None, None)
                } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                    let chosen = select.selected_options().item(0).and_then(|o| o.text_content()).map(|t| t.trim().to_string());
                    (select.value(), None, chosen)
                } else {
                    continue;
                };
                if value.is_empty() && checked.is_none() {
                    continue;
                }
                let id = el.id();
                let label = doc
                    .query_selector(&format!("label[for=\"{}\"]", id.replace('\\', "\\\\").replace('"', "\\\"")))
                    .ok()
                    .flatten()
                    .and_then(|l| l.text_content())
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_else(|| id.clone());
                fields.push(RescuedField { id, label, value, checked, text, decimal });
            }
        }
    }
    let lang = document().map(|d| page_lang(&d));
    CrashRescue { path, at_ms, fields, cause: RescueCause::Crashed, version: record_version_on_screen(), lang }
}

/// The language the page is in (`<html lang>`), read without the app's state, which a panic may have left unusable.
fn page_lang(doc: &web_sys::Document) -> crate::i18n::Lang {
    doc.document_element().and_then(|e| e.get_attribute("lang")).as_deref().and_then(crate::i18n::Lang::from_code).unwrap_or_default()
}

/// The message over the dead page. Text only (`set_text_content`): the values are the officer's.
fn show(rescue: &CrashRescue) {
    use crate::i18n::Msg;
    let Some(doc) = document() else { return };
    let Some(body) = doc.body() else { return };
    let lang = page_lang(&doc);
    let el = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(overlay) = doc.create_element("div").ok() else { return };
    let _ = overlay.set_attribute("class", "crash-overlay");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-modal", "true");
    let _ = overlay.set_attribute("data-testid", "crash-overlay");
    let Some(panel) = doc.create_element("div").ok() else { return };
    let _ = panel.set_attribute("class", "crash-panel");
    let mut parts = vec![el("h2", lang.t(Msg::CrashTitle)), el("p", lang.t(Msg::CrashHelp))];
    if rescue.shown().next().is_some() {
        parts.push(el("p", lang.t(Msg::CrashYourText)));
        if let Some(list) = doc.create_element("dl").ok() {
            let _ = list.set_attribute("data-testid", "crash-fields");
            for f in rescue.shown() {
                if let (Some(dt), Some(dd)) = (el("dt", &f.label), el("dd", f.shown_text())) {
                    let _ = list.append_child(&dt);
                    let _ = list.append_child(&dd);
                }
            }
            parts.push(Some(list));
        }
    }
    // A plain GET form reloads the page without any script of the app's.
    if let Some(form) = doc.create_element("form").ok() {
        let _ = form.set_attribute("method", "get");
        let _ = form.set_attribute("action", if rescue.path.is_empty() { "/" } else { &rescue.path });
        if let Some(button) = el("button", lang.t(Msg::CrashReload)) {
            let _ = button.set_attribute("type", "submit");
            let _ = button.set_attribute("class", "button primary");
            let _ = button.set_attribute("data-testid", "crash-reload");
            let _ = form.append_child(&button);
        }
        parts.push(Some(form));
    }
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    let _ = overlay.append_child(&panel);
    let _ = body.append_child(&overlay);
}

/// The text rescued (from a crash, or from a save that failed once the officer had left its
/// form), if any; it stays stored until `forget_rescue`.
pub fn rescue() -> Option<CrashRescue> {
    serde_json::from_str(&local_storage()?.get_item(RESCUE_KEY).ok()??).ok()
}

thread_local! {
    /// The app stopped on a panic: what the hook kept is the rescue. The page's handlers can still
    /// be called (the overlay's reload hides the page, and a form's guard keeps its text then),
    /// but must not put their own in its place, which would tell the officer they left the form.
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stores `rescue` until `forget_rescue`, in place of any stored before: the banner shows one.
/// Not once the app has stopped on a panic (`STOPPED`).
pub fn keep_rescue(rescue: &CrashRescue) {
    if STOPPED.with(|s| s.get()) {
        return;
    }
    if let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(rescue)) {
        let _ = storage.set_item(RESCUE_KEY, &json);
    }
}

pub fn forget_rescue() {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(RESCUE_KEY);
    }
}

/// Puts back the rescued values of `fields` (indexes into `rescue.fields`) that the page now
/// shown has, as if typed: a text gets an `input` event (a select a `change`), and a checkbox
/// in the other state is clicked, so the form's own handlers follow. Returns the indexes it
/// filled; a field not on screen yet (one a ticked box or a chosen kind brings) is left for a
/// later call.
pub fn fill(rescue: &CrashRescue, fields: &[usize]) -> Vec<usize> {
    let Some(doc) = document() else { return Vec::new() };
    let mut filled = Vec::new();
    for &i in fields {
        let Some(f) = rescue.fields.get(i) else { continue };
        let Some(el) = doc.get_element_by_id(&f.id) else { continue };
        let event = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            if let Some(want) = f.checked {
                if input.checked() != want {
                    input.click();
                }
                None
            } else {
                input.set_value(&f.value_in(rescue.lang, page_lang(&doc)));
                Some("input")
            }
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(&f.value);
            Some("input")
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(&f.value);
            Some("change")
        } else {
            continue;
        };
        if let Some(kind) = event {
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            }) {
                let _ = el.dispatch_event(&event);
            }
        }
        filled.push(i);
    }
    filled
}
