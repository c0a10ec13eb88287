//! Settings: add, rename, retire and reactivate administrative units.

use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind, Register};
use crate::format::format_int;
use crate::i18n::{unit_kind_msg, Msg, UNIT_KINDS};
use crate::model::admin_unit::{AdminUnitError, AdminUnitList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::typed_text::typed_text;

fn error_msg(e: AdminUnitError) -> Msg {
    match e {
        AdminUnitError::EmptyName => Msg::ErrUnitEmpty,
        AdminUnitError::DuplicateName => Msg::ErrUnitDuplicate,
        AdminUnitError::UnknownUnit => Msg::ErrUnknownOption,
    }
}

/// Checks a change on this page's copy of the list (to answer at once), then
/// applies it to the list as stored, in the transaction that writes it, and
/// only then shows it: a unit another tab added meanwhile is kept.
fn apply(
    register: Register,
    flash: Flash,
    error: RwSignal<Option<Msg>>,
    change: impl Fn(&mut AdminUnitList) -> Result<(), AdminUnitError> + 'static,
    done: impl FnOnce() + 'static,
) {
    let mut units = register.units.get_untracked();
    if let Err(e) = change(&mut units) {
        error.set(Some(error_msg(e)));
        return;
    }
    error.set(None);
    spawn_local(async move {
        match register.update_units(change).await {
            Ok(Ok(())) => {
                flash.show(FlashKind::Success, vec![Msg::UnitSaved]);
                done();
            }
            Ok(Err(e)) => {
                let _ = error.try_set(Some(error_msg(e)));
            }
            Err(e) => flash.show(FlashKind::Error, vec![e.msg()]),
        }
    });
}

#[component]
pub fn UnitEditor() -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let counts = Memo::new(move |_| register.registry.with(|r| r.count_by_unit()));
    let new_vi = RwSignal::new(String::new());
    let new_en = RwSignal::new(String::new());
    let new_kind = RwSignal::new(String::from("ward"));
    let add_error = RwSignal::new(None::<Msg>);
    let editing = RwSignal::new(None::<String>);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (vi, en, kind) = (new_vi.get_untracked(), new_en.get_untracked(), new_kind.get_untracked());
        apply(register, flash, add_error, move |u| u.add(&vi, &en, &kind).map(|_| ()), move || {
            new_vi.set(String::new());
            new_en.set(String::new());
        });
    };

    view! {
        <section class="card" data-testid="unit-editor">
            <h2>{tr(Msg::UnitsTitle)}</h2>
            <p class="muted">{tr(Msg::UnitsHelp)}</p>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::UnitNameVi)}</th>
                            <th scope="col">{tr(Msg::UnitNameEn)}</th>
                            <th scope="col">{tr(Msg::UnitKind)}</th>
                            <th scope="col">{tr(Msg::UnitStatus)}</th>
                            <th scope="col" class="num">{tr(Msg::UnitRecords)}</th>
                            <th scope="col">{tr(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || register.units.get().units key=|u| (u.id.clone(), u.vi.clone(), u.en.clone(), u.retired) children=move |u| {
                            let id = u.id.clone();
                            let n = { let id = id.clone(); move || counts.with(|c| c.get(&Some(id.clone())).copied().unwrap_or(0)) };
                            let kind = unit_kind_msg(&u.kind);
                            let is_editing = { let id = id.clone(); move || editing.get().as_deref() == Some(id.as_str()) };
                            let toggle_id = id.clone();
                            let retired = u.retired;
                            let edit_id = id.clone();
                            view! {
                                <tr data-testid="unit-row" class:retired=retired>
                                    <Show when=is_editing.clone() fallback={
                                        let (vi, en) = (u.vi.clone(), u.en.clone());
                                        move || view! { <td data-testid="unit-name">{vi.clone()}</td><td>{en.clone()}</td> }
                                    }>
                                        <RenameCells id=id.clone() vi=u.vi.clone() en=u.en.clone() editing=editing/>
                                    </Show>
                                    <td>{kind.map(|m| tr(m)())}</td>
                                    <td>{tr(if retired { Msg::UnitRetired } else { Msg::UnitActive })}</td>
                                    <td class="num">{move || format_int(n() as i64, lang.get())}</td>
                                    <td class="actions">
                                        <Show when=move || !is_editing()>
                                            <button type="button" class="link-button" data-testid="unit-rename"
                                                on:click={ let id = edit_id.clone(); move |_| editing.set(Some(id.clone())) }>{tr(Msg::Rename)}</button>
                                        </Show>
                                        <button type="button" class="link-button" data-testid=if retired { "unit-reactivate" } else { "unit-retire" }
                                            on:click={ let id = toggle_id.clone(); move |_| {
                                                let id = id.clone();
                                                apply(register, flash, RwSignal::new(None), move |l| l.set_retired(&id, !retired), || {});
                                            } }>
                                            {tr(if retired { Msg::Reactivate } else { Msg::Retire })}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
            <form class="inline-form" on:submit=add data-testid="unit-add-form">
                <div class="field">
                    <label for="unit-new-vi">{tr(Msg::UnitNameVi)}</label>
                    <input id="unit-new-vi" type="text" data-testid="unit-new-vi" prop:value=move || new_vi.get()
                        on:input=move |ev| new_vi.set(typed_text(&ev))/>
                </div>
                <div class="field">
                    <label for="unit-new-en">{tr(Msg::UnitNameEn)}</label>
                    <input id="unit-new-en" type="text" data-testid="unit-new-en" prop:value=move || new_en.get()
                        on:input=move |ev| new_en.set(typed_text(&ev))/>
                </div>
                <div class="field">
                    <label for="unit-new-kind">{tr(Msg::UnitKind)}</label>
                    <select id="unit-new-kind" data-testid="unit-new-kind" on:change=move |ev| new_kind.set(event_target_value(&ev))>
                        {UNIT_KINDS.into_iter().map(|(k, m)| view! {
                            <option value=k prop:selected=move || new_kind.get() == k>{tr(m)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button" data-testid="unit-add">{tr(Msg::AddUnit)}</button>
            </form>
            {move || add_error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="unit-error">{tr(m)}</p> })}
        </section>
    }
}

#[component]
fn RenameCells(id: String, vi: String, en: String, editing: RwSignal<Option<String>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let vi = RwSignal::new(vi);
    let en = RwSignal::new(en);
    let error = RwSignal::new(None::<Msg>);
    let save = move || {
        let (id, v, e) = (id.clone(), vi.get_untracked(), en.get_untracked());
        apply(register, flash, error, move |l| l.rename(&id, &v, &e), move || editing.set(None));
    };
    // Enter saves and Escape cancels, as in any inline edit.
    let keys = {
        let save = save.clone();
        move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                save();
            }
            "Escape" => editing.set(None),
            _ => {}
        }
    };
    let keys_en = keys.clone();
    view! {
        <td>
            <label class="visually-hidden" for="unit-rename-vi">{tr(Msg::UnitNameVi)}</label>
            <input id="unit-rename-vi" type="text" data-testid="unit-rename-vi" prop:value=move || vi.get() on:input=move |ev| vi.set(typed_text(&ev)) on:keydown=keys/>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{tr(m)}</p> })}
        </td>
        <td>
            <label class="visually-hidden" for="unit-rename-en">{tr(Msg::UnitNameEn)}</label>
            <input id="unit-rename-en" type="text" data-testid="unit-rename-en" prop:value=move || en.get() on:input=move |ev| en.set(typed_text(&ev)) on:keydown=keys_en/>
            <button type="button" class="link-button" data-testid="unit-rename-save" on:click=move |_| save()>{tr(Msg::Save)}</button>
            <button type="button" class="link-button" on:click=move |_| editing.set(None)>{tr(Msg::Cancel)}</button>
        </td>
    }
}
