//! What the Quiz room's views ask for while they draw ([`QuizCommand`]), and what the room
//! in turn asks the app to do outside of it ([`QuizEffect`]: read a file, show a dialog,
//! leave for the Notes room). The views push commands; the app applies them after the
//! frame through [`crate::quiz::room::QuizRoom::apply`], and performs the effects itself,
//! so a view never mutates the room nor touches a file.

use std::path::PathBuf;

use crate::quiz::room::{PracticeFilter, ResultFilter};
use crate::quiz::scheduler::Grade;

/// Something a Quiz view asks for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum QuizCommand {
    /// Show the quiz home (an unfinished session is kept, a running exam paused).
    ShowHome,
    /// Go back to the session left unfinished.
    ResumeSession,
    /// Practise again the questions missed in the session just ended.
    RetakeMissed,
    /// Stop the exam clock and go to the home.
    PauseExam,
    /// Go back to the paused exam; the clock starts again.
    ResumeExam,
    /// Throw the paused exam away.
    AbandonExam,
    /// Which answers the exam result lists.
    SetResultFilter(ResultFilter),
    /// Set or clear the date of the real exam.
    SetExamDate(Option<chrono::NaiveDate>),
    /// Set the FSRS desired retention.
    SetRetention(f64),
    /// Let imported questions into simulated exams, or not.
    SetImportedInExams(bool),
    /// Show the statistics.
    ShowStats,
    /// Show the study plan.
    ShowPlan,
    /// Replace the practice filters.
    SetFilter(PracticeFilter),
    /// Start a practice session over the questions the filters select.
    StartPractice,
    /// Practise the questions about one service (from the study plan).
    PracticeService(String),
    /// Start a review of the cards due today.
    StartReview,
    /// Start a session of diagram drills.
    StartDrills,
    /// Start a simulated exam.
    StartExam,
    /// Select or unselect a choice of the session's shown question.
    ToggleChoice(usize),
    /// Check the session's shown question.
    Check,
    /// Grade the checked question and go on.
    Grade(Grade),
    /// Show this exam question.
    ExamGo(usize),
    /// Select or unselect a choice of the exam's shown question.
    ExamToggle(usize),
    /// Flag or unflag the exam's shown question.
    ExamToggleFlag,
    /// End the exam and score it.
    SubmitExam,
    /// Open the "import questions" window.
    OpenImport,
    /// Close it.
    CloseImport,
    /// Import the questions of a Markdown file.
    ImportFile(PathBuf),
    /// Ask the OS for a Markdown file (native dialog), then import it.
    BrowseImport,
    /// Show a topic in the Notes room.
    OpenTopic(usize),
}

/// What applying a [`QuizCommand`] needs from outside the room; performed by the app.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum QuizEffect {
    /// Read this file and hand its text to
    /// [`crate::quiz::room::QuizRoom::import_text`] (or the error to
    /// [`crate::quiz::room::QuizRoom::import_failed`]).
    ReadImport(PathBuf),
    /// Show the native "pick a Markdown file" dialog, then read the file picked.
    PickImportFile,
    /// Show a topic in the Notes room.
    OpenTopic(usize),
}
