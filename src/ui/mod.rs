//! The egui views. One file per view; each `*_ui` function draws and pushes
//! [`crate::command::Command`]s instead of mutating the model.

pub mod diagram;
pub mod markdown;
pub mod quiz;
pub mod recovery;
pub mod search;
pub mod sidebar;
pub mod top_bar;
pub mod widgets;
