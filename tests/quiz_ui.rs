//! UI tests of the Quiz room: the real app driven through `egui_kittest`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use aws_study::AwsStudyApp;
use aws_study::quiz::Choice;
use aws_study::quiz::room::QuizView;
use common::click_button;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

mod common;

fn harness(data_dir: &Path) -> Harness<'static, AwsStudyApp> {
    common::bundled(data_dir, "en-US")
}

/// Labels of the shown question's choices that are right, and one that is wrong (with
/// the letter of the place each is shown at: the order changes at every showing).
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
        let shown_at = session.order.iter().position(|&c| c == i).unwrap();
        format!(
            "{}.  {text}",
            char::from(b'A' + u8::try_from(shown_at).unwrap())
        )
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
    // Wrong answers are graded "Again": a learning step that comes back later today, not
    // a review due now (the counter must not grow while the student studies).
    click_button(&mut harness, "Next");
    let missed_id = harness.state().quiz().progress().answers[1]
        .question
        .clone();
    let progress = harness.state().quiz().progress();
    assert_eq!(progress.answers.len(), 2);
    assert_eq!(progress.answers.iter().filter(|a| a.correct).count(), 1);
    click_button(&mut harness, "Back to the quiz home");
    harness.get_by_label("+ 1 later today");
    drop(harness);

    // Closing and reopening the app keeps the review; once its step is over it is the one
    // due, and the only one.
    let again = self::harness(dir.path());
    let quiz = again.state().quiz();
    assert_eq!(quiz.progress().answers.len(), 2);
    let later = aws_study::quiz::room::now_secs() + 3600;
    assert_eq!(quiz.due_count(later), 1);
    assert_eq!(quiz.progress().cards[&missed_id].lapses, 0);
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
    // Scrolling to the topic takes a few frames while the blocks above it are measured.
    for _ in 0..50 {
        if harness.try_run().is_ok() {
            break;
        }
    }
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
    harness.get_by_label("1 question imported");
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

fn press(harness: &mut Harness<'static, AwsStudyApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

fn session(app: &AwsStudyApp) -> &aws_study::quiz::session::Session {
    match &app.quiz().view {
        QuizView::Session(s) => s,
        other => panic!("no session: {other:?}"),
    }
}

/// Regression: with three cards due (q-a, q-b, q-c), "Review now" served the first three
/// questions of the bank, never seen, and grading them made the due count grow.
#[test]
fn three_due_cards_come_back_as_exactly_those_three() {
    use aws_study::quiz::progress::Progress;
    let dir = tempfile::tempdir().unwrap();
    let bank = aws_study::quiz::bank::bundled().unwrap();
    let now = aws_study::quiz::room::now_secs();
    let mut progress = Progress::new();
    // Three answered 30 days ago (due long since), one answered "Easy" just now (not due).
    let due: Vec<&str> = [40, 120, 250]
        .iter()
        .map(|&i| bank[i].id.as_str())
        .collect();
    for &i in &[40, 120, 250] {
        progress.record(&bank[i], true, 20_000, None, now - 30 * 86_400);
    }
    progress.record(
        &bank[7],
        true,
        5_000,
        Some(aws_study::quiz::scheduler::Grade::Easy),
        now,
    );
    aws_study::store::save(&dir.path().join(Progress::FILE), &progress).unwrap();

    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz (3)");
    click_button(&mut harness, "Review now");
    let mut served = Vec::new();
    // Answer each with the keyboard: the first choice shown, check, grade "Good".
    for _ in 0..3 {
        let app = harness.state();
        let s = session(app);
        served.push(app.quiz().questions[s.current().unwrap()].id.clone());
        press(&mut harness, egui::Key::Num1);
        press(&mut harness, egui::Key::Enter);
        press(&mut harness, egui::Key::Num3);
    }
    served.sort();
    let mut expected: Vec<String> = due.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(served, expected);
    assert!(
        session(harness.state()).current().is_none(),
        "the session is over"
    );
    // The student graded "Good" on cards of days: nothing is due now any more.
    assert_eq!(harness.state().quiz().due_count(now + 60), 0);
}

#[test]
fn a_session_is_answered_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    start_bank_practice(&mut harness);
    for n in 0..3 {
        let (keys, id) = {
            let app = harness.state();
            let s = session(app);
            let q = &app.quiz().questions[s.current().unwrap()];
            // The letter keys of the right answers, at the places they are shown.
            let keys: Vec<egui::Key> = q
                .answers
                .iter()
                .map(|a| {
                    let k = s.order.iter().position(|c| c == a).unwrap();
                    [
                        egui::Key::A,
                        egui::Key::B,
                        egui::Key::C,
                        egui::Key::D,
                        egui::Key::E,
                        egui::Key::F,
                    ][k]
                })
                .collect();
            (keys, q.id.clone())
        };
        for key in keys {
            press(&mut harness, key);
        }
        press(&mut harness, egui::Key::Enter);
        harness.get_by_label("Correct");
        // "3": graded Good, and the next question comes.
        press(&mut harness, egui::Key::Num3);
        let progress = harness.state().quiz().progress();
        assert_eq!(progress.answers.len(), n + 1);
        assert!(progress.answers[n].correct);
        assert_eq!(progress.answers[n].question, id);
        assert_eq!(session(harness.state()).pos, n + 1);
    }
    // → after a wrong answer also goes on.
    let wrong_key = {
        let app = harness.state();
        let s = session(app);
        let q = &app.quiz().questions[s.current().unwrap()];
        let k = (0..q.choices.len())
            .find(|k| !q.answers.contains(&s.order[*k]))
            .unwrap();
        [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
        ][k]
    };
    press(&mut harness, wrong_key);
    press(&mut harness, egui::Key::Space);
    harness.get_by_label("Incorrect");
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(session(harness.state()).pos, 4);
    assert_eq!(session(harness.state()).missed.len(), 1);
    // Leaving keeps the session; it comes back where it was.
    click_button(&mut harness, "Back to the quiz home");
    click_button(&mut harness, "Resume the session");
    assert_eq!(session(harness.state()).pos, 4);
}

fn exam(app: &AwsStudyApp) -> &aws_study::quiz::session::Exam {
    match &app.quiz().view {
        QuizView::Exam(e) => e,
        other => panic!("no exam: {other:?}"),
    }
}

#[test]
fn a_paused_exam_resumes_after_a_restart_with_the_time_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz");
    click_button(&mut harness, "Start the exam");
    let first = {
        let app = harness.state();
        let e = exam(app);
        let q = &app.quiz().questions[e.questions[0]];
        let Choice::Text(text) = &q.choices[0] else {
            panic!("bank questions have text choices");
        };
        format!("A.  {text}")
    };
    click_button(&mut harness, &first);
    click_button(&mut harness, "Next");
    click_button(&mut harness, "Flag for review");
    let ids = exam(harness.state()).questions.clone();
    click_button(&mut harness, "Pause");
    assert!(matches!(harness.state().quiz().view, QuizView::Home));
    harness.get_by_label("Exam paused");
    let left = harness
        .state()
        .quiz()
        .paused_exam
        .as_ref()
        .unwrap()
        .remaining_secs(0);
    assert!(left > 2 * 3600 && left <= 130 * 60, "{left}");
    drop(harness);

    // The app is closed for a while and started again: the clock did not run.
    let mut again = self::harness(dir.path());
    click_button(&mut again, "Quiz");
    again.get_by_label("Exam paused");
    click_button(&mut again, "Resume the exam");
    let e = exam(again.state());
    assert_eq!(e.questions, ids);
    assert_eq!(e.answers[0], Some(vec![0]));
    assert!(e.flagged[1]);
    assert_eq!(e.pos, 1);
    let now = aws_study::quiz::room::now_secs();
    assert!(
        (e.remaining_secs(now) - left).abs() <= 2,
        "{} vs {left}",
        e.remaining_secs(now)
    );
}

#[test]
fn unanswered_questions_show_as_unanswered_in_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz");
    click_button(&mut harness, "Start the exam");
    harness.get_by_label("answered");
    harness.get_by_label("flagged");
    harness.get_by_label("not answered");
    let first = {
        let app = harness.state();
        let e = exam(app);
        let q = &app.quiz().questions[e.questions[0]];
        let wrong = (0..q.choices.len())
            .find(|i| !q.answers.contains(i))
            .unwrap();
        let Choice::Text(text) = &q.choices[wrong] else {
            panic!("bank questions have text choices");
        };
        format!(
            "{}.  {text}",
            char::from(b'A' + u8::try_from(wrong).unwrap())
        )
    };
    click_button(&mut harness, &first);
    harness
        .state_mut()
        .quiz_mut()
        .submit_exam(aws_study::quiz::room::now_secs());
    harness.run();
    let QuizView::ExamResult(_, result) = &harness.state().quiz().view else {
        panic!("no result");
    };
    assert_eq!(
        (result.correct, result.unanswered, result.total),
        (0, 64, 65)
    );
    harness.get_by_label("64 unanswered");
    // One wrong answer, and 64 unanswered ones listed as such, not as wrong.
    assert_eq!(
        harness.query_all_by_label_contains("Incorrect —").count(),
        1
    );
    assert_eq!(
        harness.query_all_by_label_contains("Unanswered —").count(),
        64
    );
    harness.get(By::new().label("Wrong")).click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label_contains("Unanswered —").count(),
        0
    );
    assert_eq!(
        harness.query_all_by_label_contains("Incorrect —").count(),
        1
    );
    harness.get(By::new().label("Unanswered")).click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label_contains("Unanswered —").count(),
        64
    );
    // Only the answered question counts in the statistics.
    let answers = &harness.state().quiz().progress().answers;
    assert_eq!(answers.len(), 1);
    assert!(!answers[0].correct);
}

/// Issue 11: a session of ten diagram drills, from the templates alone (a fresh data
/// folder, no diagram of the student's), answered through the UI to the summary. Every
/// drill shows its diagram, and becomes a card once answered.
#[test]
fn a_session_of_ten_diagram_drills_runs_from_the_templates() {
    use aws_study::quiz::Origin;
    use aws_study::quiz::drills::{DrillKind, DrillSource};
    use aws_study::quiz::room::DRILL_LENGTH;

    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click_button(&mut harness, "Quiz");
    let summary = harness.state().quiz().drill_summary().clone();
    let total: usize = summary.by_kind.iter().sum();
    let templates = DrillSource::templates();
    assert_eq!(summary.diagrams, templates.len());
    harness.get_by_label(&format!(
        "{total} drills, from {} diagrams",
        templates.len()
    ));
    click_button(&mut harness, "Start diagram drills");
    let served: Vec<String> = {
        let quiz = harness.state().quiz();
        let QuizView::Session(session) = &quiz.view else {
            panic!("no drill session");
        };
        session
            .queue
            .iter()
            .map(|&i| quiz.questions[i].id.clone())
            .collect()
    };
    assert_eq!(served.len(), DRILL_LENGTH, "{served:?}");
    // Ten different drills, all from the templates, the kinds taking turns.
    let mut unique = served.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), DRILL_LENGTH);
    let keys: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
    for id in &served {
        let q = harness
            .state()
            .quiz()
            .questions
            .iter()
            .find(|q| &q.id == id)
            .unwrap();
        let Origin::Drill { source } = &q.origin else {
            panic!("{id} is no drill");
        };
        assert!(keys.contains(&source.as_str()), "{id}");
        assert!(q.prompt_diagram.is_some(), "{id}");
    }
    let kinds: Vec<DrillKind> = served.iter().filter_map(|id| DrillKind::of(id)).collect();
    assert_eq!(kinds.len(), DRILL_LENGTH);
    for kind in DrillKind::ALL {
        assert!(kinds.contains(&kind), "no {kind:?} drill in {served:?}");
    }
    for (n, id) in served.iter().enumerate() {
        harness.get_by_label(&format!("Question {}/{DRILL_LENGTH}", n + 1));
        assert_eq!(
            &harness.state().quiz().questions[session(harness.state()).current().unwrap()].id,
            id
        );
        // The diagram is drawn with the prompt; a "which service?" drill hides its nodes.
        if DrillKind::of(id) == Some(DrillKind::Service) {
            harness.get_by_label_contains("hidden)");
        } else {
            harness.get_by_label("Architecture diagram");
        }
        let (right, _) = choice_labels(harness.state());
        for label in &right {
            click_button(&mut harness, label);
        }
        click_button(&mut harness, "Check");
        harness.get_by_label("Correct");
        // Once checked, the hidden services show.
        harness.get_by_label("Architecture diagram");
        // Below a tall diagram and its explanation, "Next" may be scrolled out of the
        // window: pressed through the accessibility tree, as a screen reader would.
        harness
            .get(By::new().role(egui::Role::Button).label("Next"))
            .click_accesskit();
        harness.run();
    }
    harness.get_by_label("Session complete");
    harness.get_by_label(&format!("{DRILL_LENGTH} of {DRILL_LENGTH} right"));
    let progress = harness.state().quiz().progress();
    let answered: Vec<&str> = progress
        .answers
        .iter()
        .map(|a| a.question.as_str())
        .collect();
    assert_eq!(
        answered,
        served.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(progress.answers.iter().all(|a| a.correct));
    for id in &served {
        assert!(progress.cards.contains_key(id), "{id} has no card");
    }
}

/// Runs frames until `done` holds (the drill worker thread answers asynchronously).
fn wait_for(harness: &mut Harness<'static, AwsStudyApp>, done: impl Fn(&AwsStudyApp) -> bool) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out");
}

/// A draw.io file opened in the Diagram room gives drills (read off the UI thread), still
/// there after a restart; once the file is damaged, its drills go and the Quiz room says
/// which file it skipped, without panicking.
#[test]
fn a_drawio_file_opened_in_the_diagram_room_gives_drills_until_it_breaks() {
    use aws_study::diagram::editor::{DiagramCommand, PathPurpose};
    use aws_study::quiz::drills::DrillSource;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.drawio");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drawio/nested.drawio"),
        &file,
    )
    .unwrap();
    let templates = DrillSource::templates().len();
    let from_file = |app: &AwsStudyApp| {
        app.quiz()
            .questions
            .iter()
            .filter(|q| q.id.contains(":file/shop.drawio:"))
            .count()
    };
    let mut harness = harness(dir.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::Open, file.clone()),
    );
    wait_for(&mut harness, |app| {
        app.quiz().drill_summary().diagrams == templates + 1
    });
    let n = from_file(harness.state());
    assert!(n > 0);
    drop(harness);

    let mut again = self::harness(dir.path());
    wait_for(&mut again, |app| from_file(app) == n);
    drop(again);

    std::fs::write(&file, "<mxfile><diagram>damaged").unwrap();
    let mut broken = self::harness(dir.path());
    wait_for(&mut broken, |app| {
        app.quiz()
            .messages
            .iter()
            .any(|m| m.contains("shop.drawio"))
    });
    assert_eq!(from_file(broken.state()), 0);
    assert_eq!(broken.state().quiz().drill_summary().diagrams, templates);
    let message = broken.state().quiz().messages.last().unwrap().clone();
    assert!(
        message.starts_with("Diagram drills: file skipped,"),
        "{message}"
    );
    click_button(&mut broken, "Quiz");
    broken.get_by_label_contains("Diagram drills: file skipped,");
}
