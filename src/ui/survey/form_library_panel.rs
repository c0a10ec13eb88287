//! Settings: the form definitions on this device, and installing a new one
//! from a file. A definition with any error is refused whole, with the
//! file, question and problem for each error.

use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::ui::survey_store::InstallError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[derive(Clone, PartialEq)]
enum Outcome {
    Installed(String, u32),
    Invalid(Vec<String>),
    Failed(Msg),
}

/// A form definition is tens of kilobytes; anything this large is not one,
/// and is refused before it is read into memory.
const MAX_FORM_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The file's text, composed (NFC) like typed text, so labels pasted from
/// decomposed sources compare and sort like the rest.
async fn read_file(file: web_sys::File) -> Result<String, wasm_bindgen::JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    Ok(crate::text::compose_vietnamese(&text.as_string().unwrap_or_default()).into())
}

#[component]
pub fn FormLibraryPanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let outcome = RwSignal::new(None::<Outcome>);
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let too_large = file.size() > MAX_FORM_BYTES;
            let result = match if too_large { Err(wasm_bindgen::JsValue::NULL) } else { read_file(file).await } {
                Err(_) if too_large => Outcome::Failed(Msg::FormFileTooLarge),
                Err(_) => Outcome::Failed(Msg::FileUnreadable),
                Ok(source) => match register.install_form(name, source).await {
                    Ok(form) => Outcome::Installed(form.title.get(lang.try_get_untracked().unwrap_or_default()).to_string(), form.version),
                    Err(InstallError::Invalid(errors)) => Outcome::Invalid(errors.iter().map(|e| e.to_string()).collect()),
                    Err(InstallError::Store(e)) => Outcome::Failed(e.msg()),
                },
            };
            outcome.set(Some(result));
        });
    };
    let rows = move || {
        let l = lang.get();
        register.forms.with(|lib| {
            lib.all()
                .iter()
                .map(|f| {
                    let shipped = lib.is_shipped(f);
                    view! {
                        <tr data-testid="form-row">
                            <td class="mono">{f.id.clone()}</td>
                            <td class="num" data-testid="form-version">{f.version}</td>
                            <td>{f.title.get(l).to_string()}</td>
                            <td data-testid="form-purpose">{l.t(crate::i18n::purpose_msg(f.purpose))}</td>
                            <td class="num">{f.question_count()}</td>
                            <td>{l.t(if shipped { Msg::FormSourceShipped } else { Msg::FormSourceInstalled })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" data-testid="form-library">
            <h2>{tr(Msg::FormsTitle)}</h2>
            <p class="hint">{tr(Msg::FormsHelp)}</p>
            <table class="data-table small">
                <thead><tr>
                    <th scope="col">{tr(Msg::ColFormId)}</th><th scope="col" class="num">{tr(Msg::ColVersion)}</th>
                    <th scope="col">{tr(Msg::ColTitle)}</th><th scope="col">{tr(Msg::ColPurpose)}</th><th scope="col" class="num">{tr(Msg::ColQuestions)}</th><th scope="col">{tr(Msg::ColSource)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {move || register.forms_refused.with(|r| (!r.is_empty()).then(|| {
                let errors = r.clone();
                view! {
                    <div class="banner banner-warning" role="alert" data-testid="forms-refused">
                        <p>{tr(Msg::FormsRefused)}</p>
                        <ul class="mono small">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    </div>
                }
            }))}
            <label class="button file-button">
                {tr(Msg::InstallForm)}
                <input type="file" accept=".json,application/json" data-testid="install-form" on:change=on_file disabled=move || register.read_only()/>
            </label>
            {move || outcome.get().map(|o| match o {
                Outcome::Installed(title, v) => view! { <p class="banner banner-success" role="status" data-testid="form-installed">{move || lang.get().form_installed(&title, v)}</p> }.into_any(),
                Outcome::Invalid(errors) => view! {
                    <div class="banner banner-error" role="alert" data-testid="form-invalid">
                        <p>{tr(Msg::FormInvalid)}</p>
                        <ul class="mono small">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Outcome::Failed(msg) => view! { <p class="banner banner-error" role="alert">{move || lang.get().t(msg)}</p> }.into_any(),
            })}
        </section>
    }
}
