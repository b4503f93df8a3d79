//! One full frame of each room of the real app (driven through `egui_kittest`, so layout,
//! the accessibility tree and every view run as in the window), next to an idle frame of
//! an empty UI as the baseline: `cargo bench --bench rooms`.
#![allow(missing_docs, clippy::unwrap_used)]

use aws_study::app::{Command, Room};
use aws_study::diagram::templates::Template;
use aws_study::{AppConfig, AwsStudyApp};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn app(dir: &std::path::Path) -> Harness<'static, AwsStudyApp> {
    let config = AppConfig {
        data_dir: Some(dir.to_owned()),
        system_locale: Some("en-US".into()),
        vault: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
}

fn switch(harness: &mut Harness<'static, AwsStudyApp>, room: Room) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::SwitchRoom(room));
    harness.run();
}

fn rooms(c: &mut Criterion) {
    let mut idle = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui(|ui| {
            ui.label("idle");
        });
    c.bench_function("idle frame (baseline)", |b| b.iter(|| idle.step()));

    let dir = tempfile::tempdir().unwrap();
    let mut notes = app(dir.path());
    // The longest bundled note, open.
    let ctx = notes.ctx.clone();
    let saa = notes
        .state()
        .index()
        .note_by_path("SAA - Other Services.md")
        .unwrap();
    notes.state_mut().apply(
        &ctx,
        Command::Navigate(aws_study::notes::index::Location {
            note: saa,
            heading: None,
            block: None,
        }),
    );
    notes.run();
    c.bench_function("notes room frame (SAA note)", |b| b.iter(|| notes.step()));

    // A generated 2 MB note (the SAA note's text again and again, its headings numbered),
    // scrolled to the top: what a long vault note costs per frame.
    let vault = tempfile::tempdir().unwrap();
    let saa_text = aws_study::notes::vault::BUNDLED_NOTES
        .iter()
        .find(|(p, _)| *p == "SAA - Other Services.md")
        .map(|(_, t)| *t)
        .unwrap();
    let mut big = String::new();
    let mut part = 0;
    while big.len() < 2_000_000 {
        part += 1;
        big.push_str(&saa_text.replace("\n# ", &format!("\n# Part {part} ")));
        big.push('\n');
    }
    std::fs::write(vault.path().join("Long.md"), &big).unwrap();
    let config = AppConfig {
        data_dir: Some(dir.path().join("long")),
        system_locale: Some("en-US".into()),
        vault: Some(vault.path().to_owned()),
    };
    let mut long = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    for _ in 0..2000 {
        long.step();
        if !long.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let ctx = long.ctx.clone();
    let note = long.state().index().note_by_path("Long.md").unwrap();
    long.state_mut().apply(
        &ctx,
        Command::Navigate(aws_study::notes::index::Location {
            note,
            heading: None,
            block: None,
        }),
    );
    long.run();
    c.bench_function("notes room frame (generated 2 MB note)", |b| {
        b.iter(|| long.step());
    });

    let mut quiz = app(dir.path());
    switch(&mut quiz, Room::Quiz);
    c.bench_function("quiz room frame (home)", |b| b.iter(|| quiz.step()));

    let mut diagram = app(dir.path());
    switch(&mut diagram, Room::Diagram);
    diagram
        .state_mut()
        .diagram_mut()
        .replace(Template::ThreeTier.build(), None);
    diagram.run();
    c.bench_function("diagram room frame (three-tier)", |b| {
        b.iter(|| diagram.step());
    });
}

criterion_group!(benches, rooms);
criterion_main!(benches);
