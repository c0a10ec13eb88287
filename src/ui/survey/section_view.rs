//! The form one section at a time, with every section's progress in a side
//! list: a long form opens fast, and the officer sees what is left.

use super::context::use_form;
use super::question::QuestionView;
use crate::form::{Form, Slot};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;
use std::sync::Arc;

/// Scrolls to a question and puts the cursor in it.
pub fn focus_question(key: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = document().get_element_by_id(&format!("q-{key}")) else { return };
    el.scroll_into_view();
    if let Ok(Some(input)) = el.query_selector("input:not([disabled]), textarea, select, button") {
        if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    }
}

#[component]
pub fn SectionView(form: Arc<Form>) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let count = form.sections.len();
    let shown = move |i: usize| ctx.eval.with(|e| !e.hidden_sections.contains(&i));
    let step = move |from: usize, dir: isize| {
        let mut i = from as isize + dir;
        while i >= 0 && (i as usize) < count {
            if shown(i as usize) {
                return Some(i as usize);
            }
            i += dir;
        }
        None
    };
    let go = move |i: usize| {
        ctx.section.set(i);
        if let Some(main) = document().get_element_by_id("survey-top") {
            main.scroll_into_view();
        }
    };
    // Printing shows every section the answers leave visible, one after another: the screen
    // shows one at a time so a long form opens fast, and only a print needs them all. The
    // browser announces a print (the print button, Ctrl+P, or a PDF made from the page) before
    // it lays the page out, and the sections are drawn in that moment.
    let printing = ctx.printing;
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let print_form = form.clone();
    let nav_form = form.clone();
    let nav = nav_form.sections.iter().enumerate().map(|(i, s)| {
        let title = s.title.clone();
        let progress = Memo::new(move |_| ctx.eval.with(|e| e.progress.get(i).copied().unwrap_or_default()));
        view! {
            <li>
                <button type="button" class="section-link" data-testid=format!("section-link-{}", s.id)
                    class:current=move || ctx.section.get() == i
                    class:done=move || progress.with(|p| p.total > 0 && p.answered == p.total && p.issues == 0)
                    aria-current=move || (ctx.section.get() == i).then_some("step")
                    disabled=move || !progress.get().visible
                    on:click=move |_| go(i)>
                    <span class="section-title">{move || title.get(lang.get()).to_string()}</span>
                    <span class="section-progress" data-testid=format!("section-progress-{}", s.id)>
                        {move || progress.with(|p| lang.get().answered_of(p.answered, p.total))}
                    </span>
                    <span class="section-issues" hidden=move || progress.with(|p| p.issues == 0) || !ctx.show_missing.get()>"!"</span>
                </button>
            </li>
        }
    }).collect_view();
    let all_sections = move || {
        ctx.generation.get();
        print_form.sections.iter().enumerate().filter(|(i, _)| shown(*i)).map(|(_, section)| view! {
            <section class="form-section printed-section" data-testid=format!("printed-section-{}", section.id)>
                {section_content(section)}
            </section>
        }).collect_view()
    };
    let body = move || {
        ctx.generation.get();
        let i = ctx.section.get().min(count.saturating_sub(1));
        let section = &form.sections[i];
        view! {
            <section class="form-section" data-testid=format!("section-{}", section.id)>
                {section_content(section)}
                <div class="section-steps">
                    // Their own reactive scopes: which section is next depends on the answers,
                    // and the questions above must not re-render on every keystroke.
                    {move || step(i, -1).map(|p| view! { <button type="button" class="button" data-testid="prev-section" on:click=move |_| go(p)>{tr(Msg::PrevSection)}</button> })}
                    {move || step(i, 1).map(|n| view! { <button type="button" class="button primary" data-testid="next-section" on:click=move |_| go(n)>{tr(Msg::NextSection)}</button> })}
                </div>
            </section>
        }
    };
    view! {
        <div class="survey-form">
            <nav class="section-nav" aria-label=move || lang.get().t(Msg::Sections)>
                <ol>{nav}</ol>
            </nav>
            <div class="section-body">{move || if printing.get() { all_sections().into_any() } else { body().into_any() }}</div>
        </div>
    }
}

/// A section's heading, description and questions, on screen or in print.
fn section_content(section: &crate::form::definition::Section) -> impl IntoView {
    let lang = use_lang();
    let title = section.title.clone();
    let description = section.description.clone();
    view! {
        <h2>{move || title.get(lang.get()).to_string()}</h2>
        {description.map(|d| view! { <p class="hint">{move || d.get(lang.get()).to_string()}</p> })}
        {section.questions.iter().cloned().map(|q| {
            let at = Slot::Top(q.id.clone());
            view! { <QuestionView q=q at=at/> }
        }).collect_view()}
    }
}
