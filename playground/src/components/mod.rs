//! The Yew components: small and pure over their props; the workbench holds the
//! state, the two pages (playground and book embed) only configure it.

pub mod console;
pub mod editor;
pub mod embed;
pub mod embed_views;
pub mod playground;
pub mod workbench;
