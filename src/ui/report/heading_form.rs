//! The document's heading and signature fields, edited before printing and
//! kept on this device (localStorage `nscl.report`), so a reload or the next
//! report starts from what was typed.

use crate::i18n::Msg;
use crate::report::Heading;
use crate::ui::i18n::tr;
use crate::ui::typed_text::typed_text;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "nscl.report";

/// The heading this device kept, or the defaults. A damaged value gives the defaults.
pub fn saved_heading() -> Heading {
    LocalStorage::get::<Heading>(KEY).unwrap_or_default()
}

/// Kept as typed; a full or blocked storage only loses the memory, not the page.
pub fn save_heading(h: &Heading) {
    let _ = LocalStorage::set(KEY, h);
}

/// One text field of the heading: `get` reads it, `set` writes it.
#[component]
fn HeadingField(
    heading: RwSignal<Heading>,
    label: Msg,
    testid: &'static str,
    get: fn(&Heading) -> &String,
    set: fn(&mut Heading) -> &mut String,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] date: bool,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let value = move || heading.with(|h| get(h).clone());
    let on_input = move |ev: leptos::ev::Event| {
        let v = typed_text(&ev);
        heading.update(|h| *set(h) = v);
    };
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id.clone() rows=rows data-testid=testid prop:value=value on:input=on_input></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() type=if date { "date" } else { "text" } data-testid=testid autocomplete="off"
                prop:value=value on:input=on_input on:change=on_input/>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {control}
        </div>
    }
}

#[component]
pub fn HeadingForm(heading: RwSignal<Heading>) -> impl IntoView {
    view! {
        <details class="report-heading-form no-print" data-testid="report-heading-form" open>
            <summary>{tr(Msg::ReportHeadingFields)}</summary>
            <div class="row">
                <HeadingField heading label=Msg::ReportParentAgency testid="report-parent-agency" get=|h| &h.parent_agency set=|h| &mut h.parent_agency/>
                <HeadingField heading label=Msg::ReportAgency testid="report-agency" get=|h| &h.agency set=|h| &mut h.agency/>
            </div>
            <div class="row">
                <HeadingField heading label=Msg::ReportNumber testid="report-number" get=|h| &h.number set=|h| &mut h.number/>
                <HeadingField heading label=Msg::ReportPlace testid="report-place" get=|h| &h.place set=|h| &mut h.place/>
                <HeadingField heading label=Msg::ReportDate testid="report-date" get=|h| &h.date set=|h| &mut h.date date=true/>
            </div>
            <HeadingField heading label=Msg::ReportSummaryLine testid="report-title" get=|h| &h.title set=|h| &mut h.title rows=2/>
            <div class="row">
                <HeadingField heading label=Msg::ReportRecipients testid="report-recipients" get=|h| &h.recipients set=|h| &mut h.recipients rows=4/>
                <div>
                    <HeadingField heading label=Msg::ReportSignerPosition testid="report-signer-position" get=|h| &h.signer_position set=|h| &mut h.signer_position rows=2/>
                    <HeadingField heading label=Msg::ReportSignerName testid="report-signer-name" get=|h| &h.signer_name set=|h| &mut h.signer_name/>
                </div>
            </div>
            <button type="button" class="button" data-testid="report-reset-heading" on:click=move |_| heading.set(Heading::default())>
                {tr(Msg::ReportResetHeading)}
            </button>
        </details>
    }
}
