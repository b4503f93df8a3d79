//! UI tests of the first evening: the start page on a first start and its three actions,
//! the app coming back where it was left (room, diagram, quiz page, place in the notes),
//! the Settings window and the shortcut sheet.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use aws_study::AwsStudyApp;
use aws_study::app::Room;
use aws_study::diagram::editor::{DiagramCommand, PathPurpose};
use aws_study::quiz::room::QuizView;
use common::{button, config, settle, start};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

mod common;

/// The top bar's button of a room (the start page has cards with the same titles).
fn go_to(harness: &mut Harness<'static, AwsStudyApp>, room: &str) {
    button(harness, room).click();
    settle(harness);
}

#[test]
fn a_first_start_shows_the_start_page_and_its_three_actions_work() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = start(config(data.path(), "en-US", None));
    assert_eq!(harness.state().room(), Room::Start);
    harness.get_by_label("Study for AWS Solutions Architect Associate");
    harness.get_by_label("The frequency badges");
    assert!(
        harness
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_some()
    );
    harness.get_by_label_contains("topics of these notes have a badge");

    // Notes: the most asked topic opens in the Notes room.
    button(&harness, "Open the most asked topic").click();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.room(), Room::Notes);
    let loc = app.current().unwrap();
    let topic = app
        .index()
        .topics
        .iter()
        .position(|t| t.note == loc.note && t.heading == loc.heading)
        .expect("a topic is shown");
    assert_eq!(
        app.topic_tier(topic),
        Some(aws_study::frequency::Tier::TresFrequent),
        "the most asked tier"
    );

    // Diagram: a template opens in the Diagram room.
    go_to(&mut harness, "Start");
    button(&harness, "Draw from a template").click();
    settle(&mut harness);
    let template = aws_study::diagram::templates::Template::ALL[1];
    button(
        &harness,
        template.label(aws_study::i18n::Lang::En.strings()),
    )
    .click();
    settle(&mut harness);
    assert_eq!(harness.state().room(), Room::Diagram);
    assert_eq!(
        harness.state().diagram().diagram().nodes.len(),
        template.build().nodes.len()
    );

    // Quiz: a practice session starts.
    go_to(&mut harness, "Start");
    button(&harness, "Start a practice session").click();
    settle(&mut harness);
    assert_eq!(harness.state().room(), Room::Quiz);
    let QuizView::Session(session) = &harness.state().quiz().view else {
        panic!("no session: {:?}", harness.state().quiz().view);
    };
    assert!(session.current().is_some(), "a question is shown");
}

#[test]
fn the_start_page_in_french() {
    let data = tempfile::tempdir().unwrap();
    let harness = start(config(data.path(), "fr-FR", None));
    harness.get_by_label("Réviser l’AWS Solutions Architect Associate");
    button(&harness, "Ouvrir le sujet le plus demandé");
    button(&harness, "Commencer un entraînement");
    // Tier names in the interface language.
    assert!(harness.query_all_by_label("très fréquent").next().is_some());
}

/// Regression: the app always restarted in the Notes room, the open diagram forgotten.
#[test]
fn quitting_in_the_diagram_room_with_a_file_open_returns_there() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("mine.awsdiagram.ron");
    let mut harness = start(config(data.path(), "en-US", None));
    go_to(&mut harness, "Diagram");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::Template(aws_study::diagram::templates::Template::ALL[0]),
    );
    harness.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::SaveAs, file.clone()),
    );
    settle(&mut harness);
    assert!(file.exists());
    harness.state_mut().save_state();
    drop(harness);

    let again = start(config(data.path(), "en-US", None));
    assert_eq!(again.state().room(), Room::Diagram);
    assert_eq!(again.state().diagram().path(), Some(file.as_path()));
}

/// Regression: the quiz page and the place in the bundled notes were forgotten, also
/// after visiting another folder.
#[test]
fn the_quiz_page_and_the_place_in_each_set_of_notes_come_back() {
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    std::fs::write(vault.path().join("Other.md"), "# Other\n\nText.\n").unwrap();
    let mut harness = start(config(data.path(), "en-US", None));
    go_to(&mut harness, "Notes");
    button(&harness, "SAA - Other Services").click();
    settle(&mut harness);
    let saa = harness.state().current().unwrap().note;
    // Another folder, then back to the bundled notes: the same note again.
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        aws_study::app::Command::LoadFolder(vault.path().to_owned()),
    );
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    settle(&mut harness);
    assert_eq!(harness.state().index().notes.len(), 1);
    button(&harness, "Bundled notes").click();
    settle(&mut harness);
    assert_eq!(harness.state().current().unwrap().note, saa);
    // The statistics page, then quit.
    go_to(&mut harness, "Quiz");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_quiz(&ctx, aws_study::quiz::command::QuizCommand::ShowStats);
    settle(&mut harness);
    harness.state_mut().save_state();
    drop(harness);

    let mut again = start(config(data.path(), "en-US", None));
    assert_eq!(again.state().room(), Room::Quiz);
    assert!(matches!(again.state().quiz().view, QuizView::Stats));
    go_to(&mut again, "Notes");
    assert_eq!(again.state().current().unwrap().note, saa);
}

/// Regression: the Settings popup closed after each choice.
#[test]
fn settings_stay_open_and_f1_shows_the_shortcuts() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = start(config(data.path(), "en-US", None));
    go_to(&mut harness, "Settings");
    harness.get_by_label("Dark").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().settings().theme,
        aws_study::store::ThemeChoice::Dark
    );
    // Still open: the other sections are there.
    harness.get_by_label("Strict Markdown: join the lines of a paragraph");
    harness.get_by_label_contains("last 10 days are kept");
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Strict Markdown: join the lines of a paragraph")
            .is_none()
    );
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert!(
        harness.query_all_by_label("Back / forward").count() >= 2,
        "sheet and start page"
    );
    harness.key_press_modifiers(Modifiers::NONE, Key::F1);
    settle(&mut harness);
    assert_eq!(harness.query_all_by_label("Back / forward").count(), 1);
}

/// Strict Markdown joins a paragraph's lines; Obsidian's reading (the default) keeps them.
#[test]
fn the_strict_markdown_setting_reads_the_notes_again() {
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    std::fs::write(vault.path().join("Lines.md"), "first line\nsecond line\n").unwrap();
    let mut harness = start(config(data.path(), "en-US", Some(vault.path())));
    button(&harness, "Lines").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("first line second line")
            .is_none()
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, aws_study::app::Command::SetStrictLineBreaks(true));
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    settle(&mut harness);
    harness.get_by_label_contains("first line second line");
    assert!(harness.state().settings().strict_line_breaks);
}

/// Regression: a first visit to the Notes room opened the alphabetically first note (an
/// overview), with the SAA note collapsed at the bottom of the sidebar.
#[test]
fn the_notes_room_first_opens_the_note_richest_in_most_asked_topics() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = start(config(data.path(), "en-US", None));
    go_to(&mut harness, "Notes");
    let app = harness.state();
    let note = &app.index().notes[app.current().unwrap().note];
    assert_eq!(note.path, "SAA - Other Services.md");
}
