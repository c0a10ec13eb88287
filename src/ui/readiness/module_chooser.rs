//! The modules an enterprise can assess itself on, each with its latest
//! result, and one button: continue the draft, or start (again).

use super::data::{module_forms, profile_of, EnterpriseReadiness};
use crate::format::format_percent;
use crate::i18n::Msg;
use crate::model::assessment::AssessmentStatus;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::started_on::StartedOn;
use crate::ui::state::{Flash, FlashKind, Register};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::use_navigate;

#[component]
pub fn ModuleChooser(of: EnterpriseReadiness) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let navigate = use_navigate();
    let forms = Memo::new(move |_| module_forms(register));
    let cards = move || {
        let l = lang.get();
        let id = of.id.get();
        let list = of.listed.get();
        let profile = profile_of(register, &list);
        forms.get().into_iter().map(|form| {
            let module = form.module.clone();
            let entry = profile.iter().find(|m| m.form_id == form.id).and_then(|m| m.latest().cloned());
            let draft = list.iter().find(|a| a.payload.form_id == form.id && a.payload.status == AssessmentStatus::Draft).map(|a| a.id.clone());
            let form_id = form.id.clone();
            let enterprise = id.clone();
            let navigate = navigate.clone();
            let label = match (&draft, &entry) {
                (Some(_), _) => Msg::ContinueAssessment,
                (None, Some(_)) => Msg::AssessAgain,
                (None, None) => Msg::StartAssessment,
            };
            let open = move |_| {
                if let Some(d) = &draft {
                    navigate(&format!("/self-assessment/{d}"), Default::default());
                    return;
                }
                let (form_id, enterprise, navigate) = (form_id.clone(), enterprise.clone(), navigate.clone());
                let started_on = StartedOn::here();
                spawn_local(async move {
                    match register.start_assessment(&form_id, Some(enterprise)).await {
                        // The started draft waits in the list if the officer has gone on meanwhile.
                        Ok(new_id) if started_on.still_here() => navigate(&format!("/self-assessment/{new_id}"), Default::default()),
                        Ok(_) => {}
                        Err(e) => flash.show(FlashKind::Error, vec![e.msg()]),
                    }
                });
            };
            view! {
                <li class="module-card" data-testid=format!("module-{}", form.id)>
                    <h3>{module.as_ref().map(|m| m.short.get(l).to_string()).unwrap_or_default()}</h3>
                    <p class="muted small">{form.title.get(l).to_string()}</p>
                    <p>{entry.as_ref().map(|e| {
                        let band = crate::readiness::Band::of(e.percent);
                        view! {
                            <span class="num">{format_percent(e.percent, l)}</span>" "
                            <span class=format!("band band-{}", band.map(|b| b.key()).unwrap_or("none"))>{band.map(|b| l.band(b)).unwrap_or("")}</span>
                        }
                    })}</p>
                    <button type="button" class="button" class:primary=entry.is_none() data-testid=format!("start-module-{}", form.id)
                        disabled=move || register.read_only() on:click=open>{tr(label)}</button>
                </li>
            }
        }).collect::<Vec<_>>()
    };
    view! {
        <section data-testid="module-chooser">
            <h2>{tr(Msg::ModulesTitle)}</h2>
            <p class="muted">{tr(Msg::ModulesHelp)}</p>
            <ul class="module-grid">{cards}</ul>
        </section>
    }
}
