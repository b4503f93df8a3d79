//! Property tests of every parser that reads a user's files: the note parser and the vault
//! index, the Markdown question importer, the RON loaders (user data, diagrams, question
//! banks, the service catalog). Random and mutated inputs, a bounded number of cases so
//! `cargo test` stays fast: none may panic, and what they return must stay consistent.
//! (A nightly toolchain for `cargo fuzz` cannot be had here; proptest runs on stable.)
#![allow(clippy::unwrap_used)]

use std::path::Path;

use aws_study::notes::index::Index;
use aws_study::notes::parse::{ParseOptions, parse, parse_outline, parse_with};
use aws_study::notes::vault::{LoadedVault, NoteFile, VaultSource};
use aws_study::quiz::bank::parse_bank;
use aws_study::quiz::import::import_markdown;
use aws_study::quiz::progress::Progress;
use aws_study::store::{self, Overrides, Settings};
use proptest::prelude::*;

/// Cases per property: enough to find the usual panics, small enough for CI's 2 cores.
/// `PROPTEST_CASES=20000 cargo test --release --test properties` runs a long campaign.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Markdown made of the constructs notes use, in random order and nesting: headings,
/// lists with tabs, callouts, wikilinks, embeds, tags, tables, code fences, HTML, math,
/// frontmatter, exam lines.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# Amazon S3\n".to_owned()),
        Just("## 1.3. S3 (Simple Storage Service)\n".to_owned()),
        Just("### Exam Tips\n".to_owned()),
        Just("- Pour l'examen AWS SAA\n\t- Notion **fréquente**\n".to_owned()),
        Just("> [!tip] Exam Tip\n> Frequently tested.\n".to_owned()),
        Just("> [!note]- folded\n> > nested quote\n".to_owned()),
        Just("[[Note#Heading|alias]] and [[Other\\|x]] ".to_owned()),
        Just("![[image.png|100]] ![[Note#Sec]] ".to_owned()),
        Just("![x](../../attachments/Arch_AWS-Lambda_48.svg)\n".to_owned()),
        Just("#très-fréquent #freq/moins-frequent ".to_owned()),
        Just("| a | b |\n| --- | --- |\n| [[x\\|y]] | `c` |\n".to_owned()),
        Just("```rust\nfn main() {}\n".to_owned()),
        Just("```\n".to_owned()),
        Just("<span style=\"color:red\">red</span><br>".to_owned()),
        Just("$x^2$ and $$\\sum$$ ==hl== %%hidden%% ^block-id\n".to_owned()),
        Just("---\nfrequence: très fréquent\ntags: [a, b]\n---\n".to_owned()),
        Just("Frequent scaling indicates: nothing.\n".to_owned()),
        Just("<div>\nblock html text \n</div>\n".to_owned()),
        Just("<div>\n<b>Key point ^x</b>\n".to_owned()),
        Just("<mark>^y</mark> </div>\n".to_owned()),
        Just("<details>\n<summary>S ^x</summary>\n\nbody\n</details>\n".to_owned()),
        Just("`code`#tag [l](https://u.v)#t **b** #t www.x.y ".to_owned()),
        Just("- item ^li\n".to_owned()),
        Just("para\n^solo\n\n^alone\n\n".to_owned()),
        Just("\n".to_owned()),
        "[ -~\\t\\n]{0,40}".prop_map(|s| s),
        any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// A valid text with random bytes flipped, cut or repeated.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    (any::<u64>(), 0usize..8).prop_map(move |(seed, n)| {
        let mut bytes = base.as_bytes().to_vec();
        let mut rng = seed;
        for _ in 0..n {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = bytes.len().max(1);
            let at = usize::try_from(rng >> 33).unwrap_or(0) % len;
            match rng % 4 {
                0 => bytes.truncate(at),
                1 if at < bytes.len() => {
                    bytes[at] = b"()[],:\"\\x9"[usize::try_from(rng >> 40).unwrap_or(0) % 10];
                }
                2 => bytes.insert(at.min(bytes.len()), b'('),
                _ => {
                    let copy: Vec<u8> = bytes[..at.min(bytes.len())].to_vec();
                    bytes.extend(copy);
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(config())]

    /// The parser never panics, every heading it lists is a block, and every reference
    /// and hint points at a line of the note.
    #[test]
    fn note_parser_never_panics_and_stays_consistent(text in markdown()) {
        let doc = parse(&text);
        let lines = text.lines().count().max(1) + 1;
        for r in &doc.references {
            prop_assert!(r.line >= 1 && r.line <= lines, "reference line {} of {lines}", r.line);
        }
        for h in &doc.frequency_hints {
            prop_assert!(h.heading.is_none_or(|i| i < doc.headings.len()));
        }
    }

    /// The outline the index keeps, read without building the body, is the full parse's
    /// without its blocks: the same headings, tags, references, hints, block lines and
    /// anchors, in both line-break modes.
    #[test]
    fn outline_is_the_full_parse_without_its_blocks(text in markdown(), strict in any::<bool>()) {
        let options = ParseOptions { strict_line_breaks: strict };
        let mut full = parse_with(&text, options);
        full.blocks = Vec::new();
        prop_assert_eq!(parse_outline(&text, options), full);
    }

    /// Indexing notes made of those pieces never panics, every note is a topic, and every
    /// topic's tier resolves.
    #[test]
    fn index_never_panics(a in markdown(), b in markdown(), name in "[A-Za-z0-9 .()_-]{1,24}") {
        let vault = LoadedVault::from_parts(
            VaultSource::Bundled,
            vec![
                NoteFile { path: format!("{name}.md"), text: a, problems: Vec::new() },
                NoteFile { path: format!("sub/{name}-2.md"), text: b, problems: Vec::new() },
            ],
            Vec::new(),
            Vec::new(),
        );
        let index = Index::build(vault, &|_, _| {});
        prop_assert_eq!(index.notes.len(), 2);
        prop_assert!(index.notes.iter().enumerate().all(|(n, _)| index.note_topic(n).is_some()));
        prop_assert_eq!(index.tiers(&Overrides::default()).len(), index.topics.len());
    }

    /// The Markdown importer never panics on any text, and every question it returns has
    /// an answer among its options.
    #[test]
    fn question_importer_never_panics(text in markdown(), extra in "(# |- \\[[ x]\\] |A\\. |Answer: [A-F]\\n|<details>)*") {
        let report = import_markdown("fuzz.md", &format!("{text}\n{extra}"));
        for q in &report.questions {
            prop_assert!(!q.answers.is_empty());
            prop_assert!(q.answers.iter().all(|&a| a < q.choices.len()));
        }
    }

    /// A damaged question-bank file gives an error naming the file, never a panic.
    #[test]
    fn bank_loader_reports_damage(text in mutated(include_str!("../assets/questions/cost.ron"))) {
        if let Err(e) = parse_bank("cost.ron", &text) {
            prop_assert!(e.to_string().starts_with("cost.ron: "));
        }
    }

    /// A damaged diagram file is refused or repaired (edges to missing nodes dropped),
    /// never a panic, and what comes back is consistent.
    #[test]
    fn diagram_loader_reports_damage(seed in any::<u64>(), n in 0usize..8) {
        let text = diagram_text();
        let damaged = mutate_with(&text, seed, n);
        if let Ok((d, _warnings)) = aws_study::diagram::file::from_ron(Path::new("x.awsdiagram.ron"), &damaged) {
            for e in d.edges.values() {
                prop_assert!(d.nodes.contains_key(&e.from) && d.nodes.contains_key(&e.to));
            }
        }
    }

    /// A damaged service catalog is refused, never a panic.
    #[test]
    fn catalog_loader_reports_damage(text in mutated(include_str!("../assets/services.ron"))) {
        let icons = aws_study::icons::Catalog::bundled();
        let _ = aws_study::services::Catalog::from_data(&text, icons);
    }
}

/// The three-tier template as a saved file.
fn diagram_text() -> String {
    aws_study::diagram::file::to_ron(&aws_study::diagram::templates::Template::ThreeTier.build())
}

/// `text` with `n` random cuts, flips and insertions.
fn mutate_with(text: &str, seed: u64, n: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut rng = seed;
    for _ in 0..n {
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let at = usize::try_from(rng >> 33).unwrap_or(0) % bytes.len().max(1);
        match rng % 3 {
            0 => bytes.truncate(at),
            1 if at < bytes.len() => {
                bytes[at] = b"()[],:\"9x"[usize::try_from(rng >> 40).unwrap_or(0) % 9];
            }
            _ => bytes.insert(at.min(bytes.len()), b')'),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// User-data files damaged on disk: loading never panics, and a file that cannot be read
/// is never overwritten with defaults (it is moved aside or left as it was).
#[test]
fn damaged_user_files_are_reported_and_kept() {
    let good_progress = ron::ser::to_string(&Progress::default()).unwrap();
    let good_settings = ron::ser::to_string(&Settings::default()).unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let strategy = (0usize..2, any::<u64>(), 1usize..6);
    runner
        .run(&strategy, |(which, seed, cuts)| {
            let dir = tempfile::tempdir().unwrap();
            let (name, good) = if which == 0 {
                ("progress.ron", good_progress.clone())
            } else {
                ("settings.ron", good_settings.clone())
            };
            let mut bytes = good.into_bytes();
            let mut rng = seed;
            for _ in 0..cuts {
                rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let at = usize::try_from(rng >> 33).unwrap_or(0) % bytes.len().max(1);
                if rng % 2 == 0 {
                    bytes.truncate(at);
                } else if at < bytes.len() {
                    bytes[at] = b'#';
                }
            }
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let loaded = if which == 0 {
                store::load::<Progress>(&path).map(|_| ())
            } else {
                store::load::<Settings>(&path).map(|_| ())
            };
            if loaded.is_err() {
                // The damaged bytes are still somewhere in the folder, untouched.
                let kept = std::fs::read_dir(dir.path())
                    .unwrap()
                    .filter_map(Result::ok)
                    .any(|e| std::fs::read(e.path()).is_ok_and(|b| b == bytes));
                prop_assert!(kept, "the damaged {name} was lost");
            }
            Ok(())
        })
        .unwrap();
    assert!(Path::new("Cargo.toml").exists());
}
