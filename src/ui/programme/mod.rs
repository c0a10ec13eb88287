//! Self-assessments and programme activities as they appear on other pages
//! (the enterprise's page); their own pages come with those capabilities.

mod enterprise_activities;
mod enterprise_assessments;

pub use enterprise_activities::EnterpriseActivities;
pub use enterprise_assessments::EnterpriseAssessments;
