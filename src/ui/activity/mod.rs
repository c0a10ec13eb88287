//! The activity log: the Activities page (`/activities`, filters in the
//! address), the activity form for every kind (`/activities/new`,
//! `/activities/:id`), its history, and saving and deleting. The form shows
//! the fields of the chosen kind from the data (`ActivityType::fields`)
//! through one renderer (`field.rs`), with no code per kind.

mod enterprise_links;
mod field;
mod form;
mod history;
mod list;
mod page;
mod store;

pub use list::ActivityList;
pub use page::{ActivityPage, NewActivityPage};
