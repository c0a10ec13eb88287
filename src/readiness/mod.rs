//! What an enterprise's self-assessments add up to: a band per module, the
//! profile across modules and its change since the last assessment, the
//! recommended actions in the order they can be done, the National Quality
//! Award pre-check, and the department's shortlist for support.
//!
//! Pure: forms come from the form library, answers from the records; nothing
//! here touches the browser.

pub mod action_plan;
pub mod assessment_list;
pub mod award;
pub mod band;
pub mod module_result;
pub mod profile;
#[cfg(test)]
mod property_tests;
pub mod shortlist;

pub use band::Band;
pub use module_result::{module_result, module_result_of, GapItem, ModuleResult};
