//! UI tests of the interface language on the real app (`egui_kittest`): counts that agree
//! with their number in both languages, errors and the Diagram room's words in French,
//! domain names in the interface language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use aws_study::AwsStudyApp;
use aws_study::app::Command;
use aws_study::quiz::Choice;
use aws_study::quiz::command::QuizCommand;
use aws_study::quiz::room::QuizView;
use aws_study::store::LangChoice;
use common::click_button;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

mod common;

fn harness(data_dir: &Path, locale: &str) -> Harness<'static, AwsStudyApp> {
    common::bundled(data_dir, locale)
}

fn quiz(harness: &mut Harness<'static, AwsStudyApp>, command: QuizCommand) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_quiz(&ctx, command);
    harness.run();
}

fn set_lang(harness: &mut Harness<'static, AwsStudyApp>, lang: LangChoice) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::SetLang(lang));
    harness.run();
}

/// Answers the shown question of a practice session right and goes on.
fn answer_right(harness: &mut Harness<'static, AwsStudyApp>) {
    let room = harness.state().quiz();
    let QuizView::Session(session) = &room.view else {
        panic!("no session");
    };
    let q = &room.questions[session.current().expect("a question")];
    let picks: Vec<usize> = q.answers.clone();
    assert!(q.choices.iter().all(|c| matches!(c, Choice::Text(_))));
    for i in picks {
        quiz(harness, QuizCommand::ToggleChoice(i));
    }
    quiz(harness, QuizCommand::Check);
}

/// Regression (issue 13): the statistics read "1 answers" and "Streak 1 days".
#[test]
fn a_streak_of_one_day_and_one_answer_are_singular_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path(), "en-US");
    click_button(&mut harness, "Quiz");
    harness
        .get_by_label("Include questions generated from my notes")
        .click();
    harness.run();
    quiz(&mut harness, QuizCommand::StartPractice);
    answer_right(&mut harness);
    quiz(&mut harness, QuizCommand::ShowStats);
    harness.run();
    harness.get_by_label_contains("1 answer · Accuracy 100 % · Streak 1 day");
    assert!(harness.query_by_label_contains("1 answers").is_none());
    assert!(harness.query_by_label_contains("1 days").is_none());

    set_lang(&mut harness, LangChoice::Fr);
    harness.get_by_label_contains("1 réponse · Réussite 100 % · Série 1 jour");
    assert!(harness.query_by_label_contains("1 réponses").is_none());
    // The charts are named in French for screen readers.
    harness.get(
        By::new()
            .role(egui::Role::Image)
            .label("Réussite des 30 derniers jours"),
    );
}

/// French uses the singular for zero: "0 question importée", and the importer's
/// problems are French too.
#[test]
fn an_import_that_reads_nothing_says_so_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mes-questions.md");
    std::fs::write(
        &file,
        "# Which service stores objects?\n\n- [x] Amazon S3\n",
    )
    .unwrap();
    let mut harness = harness(dir.path(), "fr-FR");
    click_button(&mut harness, "Quiz");
    quiz(&mut harness, QuizCommand::OpenImport);
    quiz(&mut harness, QuizCommand::ImportFile(file));
    harness.get_by_label("0 question importée");
    harness.get_by_label_contains("une seule option (il en faut au moins 2)");
    assert!(harness.query_by_label_contains("only one option").is_none());
}

/// Regression (issue 13): the store's errors reached the French interface in English.
#[test]
fn a_settings_file_that_cannot_be_read_is_reported_in_french() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the settings file should be: reading it fails (not damaged data).
    std::fs::create_dir(dir.path().join("settings.ron")).unwrap();
    let harness = harness(dir.path(), "fr-FR");
    harness.get_by_label_contains("Impossible de lire");
    harness.get_by_label_contains("settings.ron : c’est un dossier");
    assert!(harness.query_by_label_contains("could not read").is_none());
}

/// Regression (issue 13): "untitled" in the French Diagram room; the templates are
/// named in French too.
#[test]
fn the_diagram_room_names_an_unsaved_diagram_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path(), "fr-FR");
    click_button(&mut harness, "Schéma");
    harness.get_by_label("sans titre");
    assert!(harness.query_by_label("untitled").is_none());
    harness.get_by_label("Modèles").click();
    harness.run();
    harness.get_by_label("Application web trois tiers");
}

/// Regression: the feedback of a French session named the question's domain in English.
#[test]
fn the_feedback_names_the_domain_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path(), "fr-FR");
    click_button(&mut harness, "Quiz");
    harness
        .get_by_label("Inclure les questions tirées de mes notes")
        .click();
    harness.run();
    quiz(&mut harness, QuizCommand::StartPractice);
    let domain = {
        let room = harness.state().quiz();
        let QuizView::Session(session) = &room.view else {
            panic!("no session");
        };
        room.questions[session.current().unwrap()]
            .domain
            .expect("bank questions have a domain")
    };
    answer_right(&mut harness);
    harness.get_by_label("Bonne réponse");
    assert!(
        harness.query_by_label(domain.label_en()).is_none(),
        "{} shown in the French feedback",
        domain.label_en()
    );
    assert!(harness.query_all_by_label(domain.label_fr()).count() >= 2);
}
