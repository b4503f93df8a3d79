//! Crash test of the progress file: a child process (this test binary, re-executed with
//! `CRASH_CHILD_DIR` set) records one answer and saves `progress.ron` in a loop, printing
//! each count once the save has returned; the parent kills it with SIGKILL at random moments,
//! 200 times, and after each kill the file must load and hold every answer the child
//! reported saved (so at most the answer being written is lost).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use aws_study::quiz::progress::Progress;
use aws_study::quiz::{Choice, Domain, Origin, Question};
use aws_study::store::{self, DataFile};

const CHILD_ENV: &str = "CRASH_CHILD_DIR";
const KILLS: usize = 200;

/// One question, built here rather than parsed from the bundled bank: the child starts 200
/// times, and reading 300 questions each time was most of the test's run time.
fn question() -> Question {
    Question {
        id: "crash-001".into(),
        domain: Some(Domain::Resilient),
        prompt: "Which service stores objects?".into(),
        prompt_icon: None,
        prompt_diagram: None,
        choices: vec![
            Choice::Text("Amazon S3".into()),
            Choice::Text("Amazon EBS".into()),
        ],
        answers: vec![0],
        explanation: String::new(),
        notes: Vec::new(),
        key_fact: None,
        task: None,
        services: vec!["Amazon S3".into()],
        assumption: None,
        origin: Origin::Bank,
    }
}

fn load(dir: &Path) -> Progress {
    store::load::<Progress>(&dir.join(Progress::FILE))
        .unwrap_or_else(|e| panic!("progress must load after a kill: {e}"))
        .unwrap_or_default()
}

/// The child: not a test on its own (returns at once without the variable).
#[test]
fn crash_child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    let q = question();
    let mut progress = load(dir);
    let today = store::today();
    for i in 0.. {
        progress.record(&q, i % 3 != 0, 1500, None, 1_700_000_000 + i);
        store::save_data(dir, DataFile::Progress, &progress, today).expect("save");
        println!("saved {}", progress.answers.len());
    }
}

#[cfg(unix)]
#[test]
fn progress_survives_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let started = Instant::now();
    let mut rng = fastrand::Rng::with_seed(14);
    let mut confirmed = 0usize;
    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["crash_child_saves_in_a_loop", "--exact", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    let _ = tx.send(n.trim().parse::<usize>().expect("count"));
                }
            }
        });
        // Wait for the first save of this run (so every run makes progress), then kill at
        // a random moment among the following ones.
        let first = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("child saved nothing");
        assert!(first > confirmed, "run {kill}: counts go on from the file");
        std::thread::sleep(Duration::from_micros(rng.u64(0..15_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        confirmed = rx.try_iter().last().unwrap_or(first);

        let progress = load(dir.path());
        let n = progress.answers.len();
        assert!(
            n == confirmed || n == confirmed + 1,
            "run {kill}: the child had saved {confirmed} answers, the file holds {n}"
        );
        assert_eq!(progress.cards.len(), 1);
        confirmed = n;
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != Progress::FILE && n != store::backup::DIR)
        .collect();
    // A kill between creating and renaming the temporary file may leave it; never anything
    // that looks like (or replaces) the data file.
    assert!(
        leftovers.iter().all(|n| std::path::Path::new(n)
            .extension()
            .is_some_and(|e| e == "tmp")),
        "{leftovers:?}"
    );
    // Bounded by construction (200 runs, each killed within 15 ms of its first save); the
    // time is printed, not asserted, since a loaded CI machine can be several times slower.
    eprintln!("{KILLS} kills in {:?}", started.elapsed());
}
