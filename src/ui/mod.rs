//! The egui views. One file per view; each `*_ui` function draws and pushes
//! [`crate::command::Command`]s instead of mutating the model. A view takes only what it
//! draws (a small view struct, its own state, the commands); none imports the app.

pub mod diagram;
pub mod images;
pub mod markdown;
pub mod path_dialog;
pub mod quiz;
pub mod recovery;
pub mod search;
pub mod settings;
pub mod sidebar;
pub mod start;
pub mod top_bar;
pub mod widgets;
