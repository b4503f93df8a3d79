//! What the UI test files share: the real app in a kittest harness, waiting for it, and
//! finding its buttons. Each test file uses part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::time::Duration;

use aws_study::{AppConfig, AwsStudyApp};
use egui_kittest::kittest::{By, Queryable as _};
use egui_kittest::{Harness, Node};

/// The app keeping its data in `data`, in the system language `locale`, on the bundled
/// notes or on `vault`.
pub fn config(data: &Path, locale: &str, vault: Option<&Path>) -> AppConfig {
    AppConfig {
        data_dir: Some(data.to_owned()),
        system_locale: Some(locale.into()),
        vault: vault.map(Path::to_owned),
    }
}

/// The app in a 1280×900 window, before its first frame.
pub fn build(config: AppConfig) -> Harness<'static, AwsStudyApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config))
}

/// The app on the bundled notes after its first frames (they may still be loading).
pub fn bundled(data: &Path, locale: &str) -> Harness<'static, AwsStudyApp> {
    let mut harness = build(config(data, locale, None));
    harness.run();
    harness
}

/// The app once its notes are loaded and the UI has settled.
pub fn start(config: AppConfig) -> Harness<'static, AwsStudyApp> {
    let mut harness = build(config);
    wait_loaded(&mut harness);
    settle(&mut harness);
    harness
}

/// Runs frames until the UI settles (images decode on a thread meanwhile; bounded).
pub fn settle(harness: &mut Harness<'static, AwsStudyApp>) {
    for _ in 0..300 {
        if harness.try_run().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the UI never settled");
}

/// Steps until the background vault load is done (bounded).
pub fn wait_loaded(harness: &mut Harness<'static, AwsStudyApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!harness.state().is_loading(), "vault did not load");
    harness.run();
}

/// The button with this exact label (icons share their service's name, so ask for the role).
pub fn button<'h>(harness: &'h Harness<'static, AwsStudyApp>, label: &'h str) -> Node<'h> {
    harness.get(By::new().role(egui::Role::Button).label(label))
}

/// Clicks the button with this exact label and runs the frames that follow.
pub fn click_button(harness: &mut Harness<'static, AwsStudyApp>, label: &str) {
    button(harness, label).click();
    harness.run();
}
