//! The gap report as a plan: every statement not fully met becomes an
//! action, naming the programme support that fits and a first step, in an
//! order that respects what must come first: within a module the items a
//! statement's advice names (document control before certification), and
//! across modules the readiness another module needs (5S before Lean).

use super::module_result::ModuleResult;
use crate::form::definition::LocalText;
use crate::form::FormLibrary;

/// Something an action has to wait for.
#[derive(Debug, Clone, PartialEq)]
pub enum Wait {
    /// A statement of the same module that is not yet fully met.
    Item { key: String, label: LocalText },
    /// Another module below the readiness this one needs (`percent` is `None` if never assessed).
    Module { form_id: String, short: LocalText, needs: f64, percent: Option<f64> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub form_id: String,
    pub module: LocalText,
    /// The item key in that module's assessment (where the plan keeps owner, due date and done).
    pub key: String,
    pub label: LocalText,
    /// 0 to 1: how far the statement is met now.
    pub score: f64,
    /// A support kind id (`data/support_kinds.json`).
    pub support: Option<String>,
    pub first_step: Option<LocalText>,
    pub waits_for: Vec<Wait>,
}

/// Every action of `results` (one per module, the latest), in the order to take them: the
/// least met first among those whose prerequisites are planned before them.
pub fn recommended_actions(results: &[ModuleResult], library: &FormLibrary) -> Vec<Action> {
    let mut actions: Vec<(usize, usize, Action)> = Vec::new();
    for (mi, r) in results.iter().enumerate() {
        let requires = library.latest(&r.form_id).and_then(|f| f.module.clone()).map(|m| m.requires).unwrap_or_default();
        let module_waits: Vec<Wait> = requires
            .iter()
            .filter_map(|req| {
                let other = results.iter().find(|o| o.form_id == req.form);
                let percent = other.and_then(|o| o.percent);
                if percent.is_some_and(|p| p >= req.percent) {
                    return None;
                }
                let short = other.map(|o| o.short.clone()).or_else(|| library.latest(&req.form).and_then(|f| f.module.as_ref().map(|m| m.short.clone()))).unwrap_or_else(|| LocalText { vi: req.form.clone(), en: req.form.clone() });
                Some(Wait::Module { form_id: req.form.clone(), short, needs: req.percent, percent })
            })
            .collect();
        for g in &r.gaps {
            let row_of = |key: &str| key.rsplit('.').next().unwrap_or(key).to_string();
            let mut waits: Vec<Wait> = g
                .advice
                .iter()
                .flat_map(|a| a.after.iter())
                .filter_map(|after| r.gaps.iter().find(|other| row_of(&other.key) == *after || other.key == *after))
                .map(|other| Wait::Item { key: other.key.clone(), label: other.label.clone() })
                .collect();
            waits.extend(module_waits.iter().cloned());
            actions.push((
                mi,
                g.order,
                Action {
                    form_id: r.form_id.clone(),
                    module: r.short.clone(),
                    key: g.key.clone(),
                    label: g.label.clone(),
                    score: g.score,
                    support: g.advice.as_ref().map(|a| a.support.clone()),
                    first_step: g.advice.as_ref().map(|a| a.first_step.clone()),
                    waits_for: waits,
                },
            ));
        }
    }
    // Which actions each one waits for, by index: items of its module, and every action of a module it needs.
    let blockers: Vec<Vec<usize>> = actions
        .iter()
        .map(|(_, _, a)| {
            (0..actions.len())
                .filter(|&j| {
                    let b = &actions[j].2;
                    a.waits_for.iter().any(|w| match w {
                        Wait::Item { key, .. } => b.form_id == a.form_id && b.key == *key,
                        Wait::Module { form_id, .. } => b.form_id == *form_id,
                    })
                })
                .collect()
        })
        .collect();
    let mut placed = vec![false; actions.len()];
    let mut order = Vec::with_capacity(actions.len());
    while order.len() < actions.len() {
        let ready = (0..actions.len()).filter(|&i| !placed[i] && blockers[i].iter().all(|&j| placed[j] || j == i));
        let pick = ready.min_by(|&i, &j| {
            let (a, b) = (&actions[i], &actions[j]);
            a.2.score.total_cmp(&b.2.score).then((a.0, a.1).cmp(&(b.0, b.1)))
        });
        // A cycle in the data (the shipped modules are tested for none): take the rest in order.
        let i = pick.unwrap_or_else(|| (0..actions.len()).find(|&i| !placed[i]).unwrap_or(0));
        placed[i] = true;
        order.push(i);
    }
    let mut slots: Vec<Option<Action>> = actions.into_iter().map(|(_, _, a)| Some(a)).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::module_result::module_result;
    use crate::readiness::module_result::tests::{levels, tool_module};

    fn library() -> FormLibrary {
        let mut lib = FormLibrary::default();
        lib.install("five.json", &tool_module("five-s", None).source).unwrap();
        lib.install("lean.json", &tool_module("lean", Some(("five-s", 70.0))).source).unwrap();
        lib
    }

    fn keys(actions: &[Action]) -> Vec<String> {
        actions.iter().map(|a| format!("{}:{}", a.form_id, a.key)).collect()
    }

    #[test]
    fn least_met_first_but_never_before_what_it_waits_for() {
        let lib = library();
        let five = lib.latest("five-s").unwrap();
        // s3 (level 0) waits for s1 (level 2): s1 comes first although s3 is less met.
        let r = module_result(&five, &levels(&[("s1", "2"), ("s2", "1"), ("s3", "0"), ("s4", "4")]), "2026-12-01");
        let plan = recommended_actions(&[r], &lib);
        assert_eq!(keys(&plan), ["five-s:tool.s2", "five-s:tool.s1", "five-s:tool.s3"]);
        assert_eq!(plan[2].waits_for, vec![Wait::Item { key: "tool.s1".into(), label: plan[1].label.clone() }]);
        assert_eq!(plan[0].support.as_deref(), Some("systems_tools"));
        // Once s1 is met, s3 waits for nothing and, least met, leads.
        let r = module_result(&five, &levels(&[("s1", "4"), ("s2", "1"), ("s3", "0")]), "2026-12-01");
        let plan = recommended_actions(&[r], &lib);
        assert_eq!(keys(&plan), ["five-s:tool.s3", "five-s:tool.s2"]);
        assert!(plan[0].waits_for.is_empty());
    }

    #[test]
    fn five_s_before_lean() {
        let lib = library();
        let (five, lean) = (lib.latest("five-s").unwrap(), lib.latest("lean").unwrap());
        let five_r = module_result(&five, &levels(&[("s1", "2"), ("s2", "2"), ("s3", "2"), ("s4", "2")]), "2026-12-01");
        let lean_r = module_result(&lean, &levels(&[("s1", "0"), ("s2", "4"), ("s3", "4"), ("s4", "4")]), "2026-12-01");
        // Lean's s1 is at 0, below every 5S gap (0.5), yet 5S at 50 % comes first.
        let plan = recommended_actions(&[lean_r.clone(), five_r], &lib);
        assert_eq!(keys(&plan), ["five-s:tool.s1", "five-s:tool.s2", "five-s:tool.s3", "five-s:tool.s4", "lean:tool.s1"]);
        assert!(matches!(&plan[4].waits_for[..], [Wait::Module { form_id, needs, percent: Some(p), .. }] if form_id == "five-s" && *needs == 70.0 && *p == 50.0));
        // 5S never assessed: Lean still waits for it, and says so.
        let plan = recommended_actions(std::slice::from_ref(&lean_r), &lib);
        assert!(matches!(&plan[0].waits_for[..], [Wait::Module { percent: None, .. }]));
        // 5S ready (70 % and above): Lean waits for nothing.
        let five_ready = module_result(&five, &levels(&[("s1", "3"), ("s2", "3"), ("s3", "3"), ("s4", "3")]), "2026-12-01");
        assert_eq!(five_ready.percent, Some(75.0));
        let plan = recommended_actions(&[lean_r, five_ready], &lib);
        assert_eq!(keys(&plan)[0], "lean:tool.s1");
        assert!(plan.iter().filter(|a| a.form_id == "lean").all(|a| a.waits_for.is_empty()));
    }
}
