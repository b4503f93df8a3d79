//! UI tests of the Quiz room: the real app driven through `egui_kittest`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use aws_study::quiz::Choice;
use aws_study::quiz::room::QuizView;
use aws_study::{AppConfig, AwsStudyApp};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

fn harness(data_dir: &Path) -> Harness<'static, AwsStudyApp> {
    let config = AppConfig {
        data_dir: Some(data_dir.to_owned()),
        system_locale: Some("en-US".into()),
        vault: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
}

fn click_button(harness: &mut Harness<'static, AwsStudyApp>, label: &str) {
    harness
        .get(By::new().role(egui::Role::Button).label(label))
        .click();
    harness.run();
}

/// Labels of the shown question's choices that are right, and one that is wrong.
fn choice_labels(app: &AwsStudyApp) -> (Vec<String>, String) {
    let quiz = app.quiz();
    let QuizView::Session(session) = &quiz.view else {
        panic!("no session");
    };
    let q = &quiz.questions[session.current().expect("a question")];
    let label = |i: usize| {
        let Choice::Text(text) = &q.choices[i] else {
            panic!("bank questions have text choices");
        };
        format!("{}.  {text}", char::from(b'A' + u8::try_from(i).unwrap()))
    };
    let right = q.answers.iter().map(|&i| label(i)).collect();
    let wrong = (0..q.choices.len())
        .find(|i| !q.answers.contains(i))
        .map(label)
        .unwrap();
    (right, wrong)
}

fn start_bank_practice(harness: &mut Harness<'static, AwsStudyApp>) {
    click_button(harness, "Quiz");
    // Bank questions only: their choices are text.
    harness
        .get_by_label("Include questions generated from my notes")
        .click();
    harness.run();
    let bank = aws_study::quiz::bank::bundled().unwrap().len();
    harness.get_by_label_contains(&format!("{bank} questions match"));
    click_button(harness, "Start practice");
}

#[test]
fn practice_gives_feedback_for_right_and_wrong_answers_and_schedules_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    start_bank_practice(&mut harness);
    assert_eq!(
        harness
            .state()
            .quiz()
            .due_count(aws_study::quiz::room::now_secs()),
        0
    );

    let (right, _) = choice_labels(harness.state());
    for label in &right {
        click_button(&mut harness, label);
    }
    click_button(&mut harness, "Check");
    harness.get_by_label("Correct");
    harness.get_by_label("Explanation");
    click_button(&mut harness, "Next");

    let (_, wrong) = choice_labels(harness.state());
    click_button(&mut harness, &wrong);
    click_button(&mut harness, "Check");
    harness.get_by_label("Incorrect");
    // Wrong answers are graded "Again": due again today.
    click_button(&mut harness, "Next");
    let progress = harness.state().quiz().progress();
    assert_eq!(progress.answers.len(), 2);
    assert_eq!(progress.answers.iter().filter(|a| a.correct).count(), 1);
    click_button(&mut harness, "Back to the quiz home");
    harness.get(By::new().label_contains("Quiz (1)"));
    drop(harness);

    // Closing and reopening the app keeps the due review.
    let mut again = self::harness(dir.path());
    assert_eq!(again.state().quiz().progress().answers.len(), 2);
    click_button(&mut again, "Quiz (1)");
    click_button(&mut again, "Review now");
    assert!(matches!(again.state().quiz().view, QuizView::Session(_)));
}

#[test]
fn a_short_exam_ends_with_a_scaled_score_and_breakdown() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz");
    click_button(&mut harness, "Start the exam");
    let QuizView::Exam(exam) = &harness.state().quiz().view else {
        panic!("exam not started");
    };
    assert_eq!(exam.questions.len(), 65);
    harness.get_by_label_contains("Time left");
    // Answer question 1 right, flag question 2, then submit.
    let q = &harness.state().quiz().questions[exam.questions[0]];
    let labels: Vec<String> = q
        .answers
        .iter()
        .map(|&i| match &q.choices[i] {
            Choice::Text(t) => format!("{}.  {t}", char::from(b'A' + u8::try_from(i).unwrap())),
            Choice::Icon(_) => unreachable!(),
        })
        .collect();
    for label in &labels {
        click_button(&mut harness, label);
    }
    click_button(&mut harness, "Next");
    click_button(&mut harness, "Flag for review");
    harness
        .get_all(By::new().role(egui::Role::Button).label("Submit the exam"))
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Submit the exam now?");
    assert!(harness.query_all_by_label("64 unanswered").count() >= 1);
    harness
        .get_all(By::new().role(egui::Role::Button).label("Submit the exam"))
        .last()
        .unwrap()
        .click();
    harness.run();
    let QuizView::ExamResult(_, result) = &harness.state().quiz().view else {
        panic!("no result");
    };
    assert_eq!((result.correct, result.total), (1, 65));
    assert!(!result.passed);
    harness.get_by_label(&format!("{} / 1000", result.score));
    harness.get_by_label("FAIL");
    harness.get_by_label("By domain");
    assert_eq!(harness.state().quiz().progress().exams.len(), 1);
}

#[test]
fn service_link_opens_the_topic_in_the_notes_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    // Questions about a service the bundled notes describe (SSM Session Manager).
    harness.state_mut().quiz_mut().filter.service = Some("AWS Systems Manager".into());
    click_button(&mut harness, "Quiz");
    harness
        .get_by_label("Include questions generated from my notes")
        .click();
    harness.run();
    click_button(&mut harness, "Start practice");
    // The services are not shown before answering: they would give the answer away.
    assert!(
        harness
            .query_all(By::new().role(egui::Role::Link))
            .next()
            .is_none()
    );
    let (_, wrong) = choice_labels(harness.state());
    click_button(&mut harness, &wrong);
    click_button(&mut harness, "Check");
    // The question is about AWS Systems Manager, which the notes describe: it links there.
    let link = harness
        .query_all(By::new().role(egui::Role::Link))
        .next()
        .expect("a service link");
    link.click();
    harness.run();
    assert_eq!(harness.state().room(), aws_study::app::Room::Notes);
    assert!(harness.state().current().and_then(|l| l.heading).is_some());
}

#[test]
fn importing_a_checklist_file_reports_what_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("my-questions.md");
    std::fs::write(
        &file,
        "# Which service stores objects?\n\n- [ ] Amazon EBS\n- [x] Amazon S3\n- [ ] Amazon EFS\n\nS3 is object storage.\n\n\
         ## A heading with a question but no right answer?\n\n- [ ] one\n- [ ] two\n",
    )
    .unwrap();
    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz");
    let before = harness.state().quiz().questions.len();
    click_button(&mut harness, "Import questions…");
    harness
        .get_by_label("Path of the .md file")
        .type_text(&file.display().to_string());
    harness.run();
    click_button(&mut harness, "Open");
    harness.get_by_label("1 questions imported");
    assert!(
        harness
            .query_all_by_label_contains("my-questions.md")
            .next()
            .is_some(),
        "the problem is reported with the file and line"
    );
    assert_eq!(harness.state().quiz().questions.len(), before + 1);
    drop(harness);
    // Imported questions are there again at the next start.
    let again = self::harness(dir.path());
    assert_eq!(again.state().quiz().questions.len(), before + 1);
}

/// Regression: with tiers only where the notes said so, practising "très fréquent" drew
/// SSM questions and never the S3, EC2, IAM or VPC ones.
#[test]
fn practising_very_frequent_draws_the_core_service_questions() {
    use aws_study::app::TierFilter;
    use aws_study::frequency::Tier;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.state_mut().quiz_mut().filter.tier = TierFilter::AtLeast(Tier::TresFrequent);
    let app = harness.state();
    let quiz = app.quiz();
    let picked = quiz.matching(app.index());
    let services: std::collections::HashSet<&str> = picked
        .iter()
        .flat_map(|&q| quiz.questions[q].services.iter().map(String::as_str))
        .collect();
    for core in ["Amazon S3", "Amazon EC2", "IAM", "Amazon VPC"] {
        assert!(
            services.contains(core),
            "no {core} question in {services:?}"
        );
    }
    // A question only about a rarely asked service is not drawn.
    assert!(
        !picked
            .iter()
            .any(|&q| quiz.questions[q].services == ["Snowball Edge"]),
        "a Snowball-only question was drawn"
    );
    // "Fréquent or more" takes in the "très fréquent" questions too.
    harness.state_mut().quiz_mut().filter.tier = TierFilter::AtLeast(Tier::Frequent);
    let app = harness.state();
    let wider = app.quiz().matching(app.index());
    assert!(picked.iter().all(|q| wider.contains(q)));
    assert!(wider.len() > picked.len());
}

/// After answering, every option shows why it is right or what it misses.
#[test]
fn each_option_explains_itself_after_answering() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    start_bank_practice(&mut harness);
    let notes: Vec<String> = {
        let quiz = harness.state().quiz();
        let QuizView::Session(session) = &quiz.view else {
            panic!("no session");
        };
        quiz.questions[session.current().unwrap()].notes.clone()
    };
    assert!(notes.len() >= 4);
    // Not before answering: they would give the answer away.
    for note in &notes {
        assert!(harness.query_by_label_contains(note).is_none(), "{note}");
    }
    let (_, wrong) = choice_labels(harness.state());
    click_button(&mut harness, &wrong);
    click_button(&mut harness, "Check");
    for note in &notes {
        assert!(
            harness.query_by_label_contains(note).is_some(),
            "the note {note:?} is not shown"
        );
    }
    assert!(harness.query_by_label_contains("Key fact:").is_some());
}
