use super::i18n::{tr, use_lang};
use super::storage_panel::StoragePanel;
use super::survey::FormLibraryPanel;
use super::unit_editor::UnitEditor;
use crate::i18n::{Lang, Msg};
use crate::web::browser;
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let lang = use_lang();
    let flash = expect_context::<super::state::Flash>();
    let device = browser::device_id();
    let officer = RwSignal::new(browser::officer_name());
    let register = expect_context::<super::state::Register>();
    let unit = RwSignal::new(browser::officer_unit().unwrap_or_default());
    let depth = RwSignal::new(browser::history_depth());
    view! {
        <section class="page">
            <h1 data-testid="page-title">{tr(Msg::SettingsTitle)}</h1>
            <fieldset class="card">
                <legend>{tr(Msg::Language)}</legend>
                <div class="radio-row">
                    {Lang::ALL.into_iter().map(|l| {
                        let id = format!("lang-{}", l.code());
                        let (for_id, testid) = (id.clone(), id.clone());
                        view! {
                            <label class="radio" for=for_id>
                                <input type="radio" name="language" id=id data-testid=testid value=l.code()
                                    prop:checked=move || lang.get() == l
                                    on:change=move |_| super::lang_choice::choose_lang(lang, flash, l)/>
                                {tr(if l == Lang::Vi { Msg::LangVi } else { Msg::LangEn })}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <super::readiness::RoleSetting/>
            <StoragePanel/>
            <UnitEditor/>
            <super::indicators::TargetsEditor/>
            <FormLibraryPanel/>
            <section class="card">
                <h2>{tr(Msg::DeviceTitle)}</h2>
                <p class="muted">{tr(Msg::DeviceHelp)}</p>
                <div class="field">
                    <label for="officer-name">{tr(Msg::OfficerName)}</label>
                    <input id="officer-name" type="text" data-testid="officer-name" autocomplete="name"
                        prop:value=move || officer.get()
                        on:input=move |ev| { let v = typed_text(&ev); browser::save_officer_name(&v); officer.set(v); }/>
                </div>
                // The unit new enterprises start in: chosen at the welcome, changed here.
                <div class="field">
                    <label for="officer-unit">{tr(Msg::WelcomeUnit)}</label>
                    <select id="officer-unit" data-testid="officer-unit"
                        on:change=move |ev| { let v = event_target_value(&ev); browser::save_officer_unit(&v); unit.set(v); }>
                        <option value="" prop:selected=move || unit.with(String::is_empty)>{tr(Msg::ChooseOption)}</option>
                        {move || register.units.with(|u| u.active().map(|x| {
                            let id = x.id.clone();
                            let chosen = id.clone();
                            view! { <option value=id prop:selected=move || unit.with(|u| *u == chosen)>{x.label(lang.get())}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field narrow-field">
                    <label for="history-depth">{tr(Msg::HistoryDepth)}</label>
                    <select id="history-depth" data-testid="history-depth"
                        on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { browser::save_history_depth(n); depth.set(n); } }>
                        {[5usize, 10, 20, 50, 100].into_iter().map(|n| view! {
                            <option value=n.to_string() prop:selected=move || depth.get() == n>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p>{tr(Msg::DeviceId)}": " <code data-testid="device-id">{device}</code></p>
            </section>
        </section>
    }
}
