//! aws-study: an offline desktop study app for AWS certifications (SAA-C03 first).
//!
//! The crate is a pure core plus a thin egui UI. The core — [`notes`] (vault reading,
//! Obsidian-flavoured parsing, index, search), [`icons`] (the bundled AWS Architecture
//! Icons), [`frequency`] (exam-frequency tiers), [`store`] (user data on disk), [`check`]
//! (the `aws-study check` report), [`quiz`] (question bank, generated and imported
//! questions, FSRS scheduling, exam scoring, statistics) and [`i18n`] — never touches egui
//! and is unit-tested directly. Only [`app`] and [`ui`] draw.

// Unit tests compare geometry that is exact by construction (grid-snapped, copied).
#![cfg_attr(test, allow(clippy::float_cmp))]

pub mod app;
pub mod check;
pub mod command;
pub mod diagram;
pub mod frequency;
pub mod i18n;
pub mod icons;
pub mod images;
pub mod notes;
pub mod quiz;
pub mod services;
pub mod store;
pub mod text;
pub mod ui;

pub use app::{AppConfig, AwsStudyApp};
