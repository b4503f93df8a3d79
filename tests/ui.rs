//! UI tests: the real app driven through `egui_kittest` with clicks, typing and shortcuts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

use aws_study::app::{Command, Room};
use aws_study::frequency::Tier;
use aws_study::notes::index::Location;
use aws_study::store::{self, Overrides};
use aws_study::{AppConfig, AwsStudyApp};
use common::{button, settle, wait_loaded};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

mod common;

fn harness_with(config: AppConfig) -> Harness<'static, AwsStudyApp> {
    let mut harness = common::build(config);
    wait_loaded(&mut harness);
    harness
}

/// The app on `vault`, loaded, in a window `width` points wide and 700 high.
fn narrow_window(vault: &Path, data: &Path, width: f32) -> Harness<'static, AwsStudyApp> {
    let config = common::config(data, "en-US", Some(vault));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, 700.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    wait_loaded(&mut harness);
    harness
}

/// The app on the bundled notes, in the Notes room (a first start shows the start page:
/// the top bar's Notes button leaves it).
fn harness(data_dir: &Path) -> Harness<'static, AwsStudyApp> {
    let mut harness = harness_with(common::config(data_dir, "en-US", None));
    if harness.state().room() != Room::Notes {
        button(&harness, "Notes").click();
        harness.run();
    }
    harness
}

/// Opens the French SAA note from the sidebar (which expands its topics).
fn open_saa_note(harness: &mut Harness<'static, AwsStudyApp>) {
    button(harness, "SAA - Other Services").click();
    harness.run();
}

fn topic_index(app: &AwsStudyApp, title: &str) -> usize {
    app.index()
        .topics
        .iter()
        .position(|t| &*t.title == title)
        .unwrap_or_else(|| panic!("no topic {title}"))
}

fn current_topic_title(app: &AwsStudyApp) -> Option<String> {
    let loc = app.current()?;
    let h = loc.heading?;
    Some(app.index().notes[loc.note].outline.headings[h].text.clone())
}

#[test]
fn bundled_notes_show_topics_icons_and_badges() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    assert_eq!(harness.state().index().notes.len(), 5);
    open_saa_note(&mut harness);
    let app = harness.state();
    // Sidebar rows for the SAA note's topics, with their badges.
    button(&harness, "SSM Session Manager");
    button(&harness, "AWS Cost Explorer");
    assert!(
        !harness
            .query_all_by_label("very frequent")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(
        !harness
            .query_all_by_label("moderately frequent")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(
        !harness
            .query_all_by_label("less frequent")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert_eq!(
        app.topic_tier(topic_index(app, "SSM Session Manager")),
        Some(Tier::TresFrequent)
    );
    // Service topics carry their AWS icon.
    let with_icon = app
        .index()
        .topics
        .iter()
        .filter(|t| t.icon.is_some())
        .count();
    assert!(with_icon >= 40, "{with_icon} topics with an icon");
}

#[test]
fn clicking_a_topic_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    open_saa_note(&mut harness);
    button(&harness, "AWS Cost Explorer").click();
    harness.run();
    assert_eq!(
        current_topic_title(harness.state()).as_deref(),
        Some("AWS Cost Explorer")
    );
}

#[test]
fn search_with_ctrl_k_and_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_label("Search").type_text("pinpoint");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        current_topic_title(harness.state()).as_deref(),
        Some("Amazon Pinpoint")
    );
    assert!(harness.query_by_label("Search").is_none() || harness.state().current().is_some());
}

#[test]
fn search_is_accent_insensitive() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness
        .get_by_label("Search")
        .type_text("moderement frequente");
    harness.run();
    // The full-text hit shows the line with its accents.
    assert!(
        harness
            .query_all_by_label_contains("modérément fréquente")
            .next()
            .is_some()
    );
}

#[test]
fn changing_a_tier_updates_the_badge_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    let ses = topic_index(harness.state(), "Amazon SES");
    assert_eq!(
        harness.state().topic_tier(ses),
        Some(Tier::ModerementFrequent)
    );
    // Open the topic, then click its badge in the sidebar and pick "very frequent".
    open_saa_note(&mut harness);
    button(&harness, "Amazon SES").click();
    // Scrolling to the topic takes a few frames while the blocks above it get measured.
    settle(&mut harness);
    let badge_count_before = harness.query_all_by_label("very frequent").count();
    // The badge on the SES row of the sidebar: the one level with its title.
    let row = button(&harness, "Amazon SES").rect();
    let badge = harness
        .query_all_by_label("moderately frequent")
        .find(|b| (b.rect().center().y - row.center().y).abs() < 6.0)
        .expect("a badge on the SES row");
    badge.click();
    harness.run();
    // The menu's entry: the "very frequent" button right under its "Exam frequency" title.
    let title = harness.get_by_label("Exam frequency").rect();
    harness
        .query_all(By::new().role(egui::Role::Button).label("very frequent"))
        .filter(|b| {
            b.rect().top() >= title.bottom() && (b.rect().left() - title.left()).abs() < 20.0
        })
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the tier menu")
        .click();
    harness.run();
    assert_eq!(harness.state().topic_tier(ses), Some(Tier::TresFrequent));
    assert!(harness.query_all_by_label("very frequent").count() > badge_count_before);
    // Saved in the data dir, not in the notes.
    let saved: Overrides = store::load(&dir.path().join(Overrides::FILE))
        .unwrap()
        .unwrap();
    assert_eq!(
        saved.tiers.values().copied().collect::<Vec<_>>(),
        [Tier::TresFrequent]
    );
    drop(harness);
    let again = self::harness(dir.path());
    let ses = topic_index(again.state(), "Amazon SES");
    assert_eq!(again.state().topic_tier(ses), Some(Tier::TresFrequent));
}

#[test]
fn switching_language_to_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    button(&harness, "Settings").click();
    harness.run();
    harness.get_by_label("Français").click();
    harness.run();
    // The window stays open after a choice, now in French.
    harness.get_by_label("Interface");
    button(&harness, "Réglages");
    assert_eq!(
        harness
            .query_all_by_label("Ouvrir un dossier de notes…")
            .count(),
        2,
        "the top bar's button and the window's"
    );
    drop(harness);
    // Remembered at the next start.
    let again = self::harness(dir.path());
    button(&again, "Réglages");
    button(&again, "Ouvrir un dossier de notes…");
}

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn open_folder_follow_wikilink_and_go_back() {
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    write(
        vault.path(),
        "Alpha.md",
        "# Start\n\nSee [[B#Details|the details of B]] or [plain link](sub/B.md#Details).\n",
    );
    write(
        vault.path(),
        "sub/B.md",
        "# B\n\n## Details\n\nLambda runs code. #très-fréquent\n",
    );
    write(vault.path(), ".obsidian/app.json", "{}");
    let mut harness = harness(data.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness
        .get_by_label("Folder path")
        .type_text(&vault.path().display().to_string());
    harness.run();
    button(&harness, "Open").click();
    wait_loaded(&mut harness);
    assert_eq!(
        harness.state().index().notes.len(),
        2,
        "{:?}",
        harness.state().messages()
    );
    button(&harness, "Alpha").click();
    harness.run();
    harness
        .get(By::new().role(egui::Role::Link).label("the details of B"))
        .click();
    harness.run();
    assert_eq!(
        current_topic_title(harness.state()).as_deref(),
        Some("Details")
    );
    let details = topic_index(harness.state(), "Details");
    assert_eq!(
        harness.state().topic_tier(details),
        Some(Tier::TresFrequent)
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    let a = harness.state().index().note_by_path("Alpha.md").unwrap();
    assert_eq!(
        harness.state().current(),
        Some(Location {
            note: a,
            heading: None,
            block: None
        })
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(
        current_topic_title(harness.state()).as_deref(),
        Some("Details")
    );
    // A standard Markdown link to a note navigates too.
    button(&harness, "Alpha").click();
    harness.run();
    harness
        .get(By::new().role(egui::Role::Link).label("plain link"))
        .click();
    harness.run();
    assert_eq!(
        current_topic_title(harness.state()).as_deref(),
        Some("Details")
    );
    drop(harness);
    // The folder is remembered.
    let again = self::harness(data.path());
    assert_eq!(again.state().index().notes.len(), 2);
}

#[test]
fn hostile_notes_show_placeholders_and_never_panic() {
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    write(
        vault.path(),
        "deep.md",
        format!("{}deep\n", "> ".repeat(10_000)),
    );
    write(
        vault.path(),
        "lists.md",
        format!("{}x\n", "- ".repeat(10_000)),
    );
    write(vault.path(), "cycle.md", "# Cycle\n\n![[loop]]\n");
    write(vault.path(), "loop.md", "# Loop\n\n![[cycle]]\n");
    write(
        vault.path(),
        "evil.md",
        "![x](../../../../etc/passwd)\n\n![[../../../../etc/passwd.png]]\n",
    );
    write(vault.path(), "empty.md", "");
    write(vault.path(), "svg.md", "![[evil.svg]]\n");
    write(
        vault.path(),
        "evil.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname" width="9" height="9"/></svg>"#,
    );
    let mut bomb = String::from("# Bomb\n\n");
    for i in 0..12 {
        let _ = write!(bomb, "## S{i}\n\n");
        for j in 0..12 {
            let _ = writeln!(bomb, "![[bomb#S{j}]]");
        }
    }
    write(vault.path(), "bomb.md", bomb);
    write(vault.path(), "binary.md", [0u8, 159, 146, 150, 0, 1]);
    let mut harness = harness_with(AppConfig {
        data_dir: Some(data.path().to_owned()),
        system_locale: Some("en".into()),
        vault: Some(vault.path().to_owned()),
    });
    let notes = harness.state().index().notes.len();
    assert_eq!(notes, 8, "binary.md is skipped");
    let ctx = harness.ctx.clone();
    for note in 0..notes {
        harness.state_mut().apply(
            &ctx,
            Command::Navigate(Location {
                note,
                heading: None,
                block: None,
            }),
        );
        settle(&mut harness);
        let title = harness.state().index().notes[note].title.clone();
        match title.as_str() {
            "cycle" => {
                harness.get_by_label_contains("Circular embed stopped");
            }
            // Drawn, without following its reference to a file outside the vault.
            "svg" => {
                assert!(harness.query_by_label_contains("Image not found").is_none());
                harness.get(By::new().role(egui::Role::Image).label("evil.svg"));
            }
            "bomb" => {
                assert!(
                    harness
                        .query_all_by_label_contains("Too many embeds")
                        .next()
                        .is_some()
                );
            }
            "evil" => {
                harness.get_by_label("Image not found: ../../../../etc/passwd");
                harness.get_by_label("Image not found: ../../../../etc/passwd.png");
            }
            _ => {}
        }
    }
    harness.get_by_label_contains("1 file skipped");
}

#[test]
fn search_results_are_dropped_when_another_vault_loads() {
    // Regression: hits kept indices into the previous index and panicked.
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    write(vault.path(), "Only.md", "# Only\n");
    let mut harness = harness(data.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_label("Search").type_text("s3");
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::LoadFolder(vault.path().to_owned()));
    wait_loaded(&mut harness);
    assert_eq!(harness.state().index().notes.len(), 1);
    harness.run();
}

#[test]
fn unreadable_folder_gives_a_message_and_keeps_the_notes() {
    let data = tempfile::tempdir().unwrap();
    let harness = harness_with(AppConfig {
        data_dir: Some(data.path().to_owned()),
        system_locale: Some("en".into()),
        vault: Some("/definitely/not/here".into()),
    });
    assert_eq!(
        harness.state().index().notes.len(),
        5,
        "bundled notes still shown"
    );
    harness.get_by_label_contains("Could not open /definitely/not/here");
}

#[test]
fn corrupt_overrides_file_is_kept_aside_with_a_message() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join(Overrides::FILE),
        "(version: 1, tiers: {oops",
    )
    .unwrap();
    let harness = harness(data.path());
    // The recovery window (shown in every room) names the damaged file.
    assert!(
        harness
            .query_all_by_label_contains("is damaged")
            .next()
            .is_some()
    );
    assert_eq!(harness.state().damaged_files().len(), 1);
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1);
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The note topic of the note with this title.
fn note_topic(app: &AwsStudyApp, title: &str) -> usize {
    let index = app.index();
    let n = index
        .notes
        .iter()
        .position(|n| n.title == title)
        .unwrap_or_else(|| panic!("no note {title}"));
    index.note_topic(n).expect("every note is a topic")
}

/// Regression: a vault written one note per service (`Lambda.md`, `SQS.md`, no headings)
/// got no topics, no icons and no tiers.
#[test]
fn one_note_per_service_vault_shows_icons_and_badges() {
    use aws_study::notes::doc::HintSource;
    use aws_study::notes::index::TierOrigin;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(AppConfig {
        data_dir: Some(dir.path().to_owned()),
        system_locale: Some("en-US".into()),
        vault: Some(fixture("one-note-per-service")),
    });
    harness.run();
    let app = harness.state();
    assert_eq!(app.index().notes.len(), 6);
    // Each note is a sidebar row of its own, with its service's icon and a badge (the
    // folder opened first).
    if harness
        .query(By::new().role(egui::Role::Button).label("amazon-ec2"))
        .is_none()
    {
        harness.get_by_label_contains("COMPUTE").click();
        harness.run();
    }
    let app = harness.state();
    for note in ["Lambda", "SQS", "ECR", "amazon-ec2", "Pinpoint"] {
        button(&harness, note);
    }
    for icon in ["AWS Lambda", "Amazon SQS", "Amazon ECR", "Amazon EC2"] {
        assert!(
            harness.query_all_by_label(icon).next().is_some(),
            "no {icon} icon in the sidebar"
        );
    }
    assert!(
        harness.query_all_by_label("very frequent").next().is_some(),
        "no very-frequent badge"
    );
    assert!(harness.query_all_by_label("less frequent").next().is_some());
    // Where each tier comes from.
    let lambda = note_topic(app, "Lambda");
    assert!(
        matches!(
            app.topic_tier_origin(lambda),
            Some((_, TierOrigin::Catalog(_)))
        ),
        "\"Frequent scaling indicates:\" must not set a tier: {:?}",
        app.topic_tier_origin(lambda)
    );
    let pinpoint = note_topic(app, "Pinpoint");
    assert_eq!(
        app.topic_tier_origin(pinpoint),
        Some((Tier::MoinsFrequent, TierOrigin::Notes(HintSource::Text)))
    );
    // A README in a category folder names no service, and gets no badge.
    let readme = note_topic(app, "README");
    assert_eq!(app.index().topics[readme].service, None);
    assert_eq!(app.topic_tier(readme), None);
    // Clicking a note row opens the note.
    button(&harness, "SQS").click();
    harness.run();
    let loc = harness.state().current().expect("a note is open");
    assert_eq!(harness.state().index().notes[loc.note].title, "SQS");
}

/// Regression: inline text was laid out one styled run at a time, so near the right edge a
/// run with bold words or inline code collapsed into a column one character wide and
/// hundreds of pixels tall. Each paragraph is now one text job: in a narrow window it wraps
/// into lines as wide as the column.
#[test]
fn a_long_bold_and_code_paragraph_wraps_into_full_width_lines() {
    let vault = tempfile::tempdir().unwrap();
    let paragraph = "Route traffic from the **on-premises network** through the \
        `corp.example.com` resolver and the **Route 53 Resolver inbound endpoint**, then \
        keep **private hosted zones** associated with every VPC that needs the records, \
        so that **hybrid DNS** works in both directions without public exposure.";
    std::fs::write(
        vault.path().join("Hybrid DNS.md"),
        format!("# Resolver\n\n{paragraph}\n"),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut harness = narrow_window(vault.path(), data.path(), 800.0);
    button(&harness, "Hybrid DNS").click();
    harness.run();
    let node = harness.get_by_label_contains("corp.example.com resolver");
    let rect = node.rect();
    // Several lines, each as wide as the text column (the sidebar takes the rest).
    assert!(rect.width() > 300.0, "{rect:?}");
    assert!(rect.height() > 40.0 && rect.height() < 200.0, "{rect:?}");
    // The whole paragraph is one piece of text, its words in order.
    let ak = egui_kittest::kittest::NodeT::accesskit_node(&node);
    let label = ak.label().or_else(|| ak.value()).unwrap_or_default();
    assert!(
        label.contains("through the corp.example.com resolver and the Route 53"),
        "{label}"
    );
}

/// Regression: a heading was drawn on one unwrapped row; a long one (a course title) widened
/// the page for every block after it, so the text ran past the window's edge and was cut
/// off. The heading now wraps, and the paragraph under it stays inside the window.
#[test]
fn a_long_heading_wraps_and_keeps_the_page_inside_the_window() {
    let vault = tempfile::tempdir().unwrap();
    let heading = "Introduction to Virtual Private Clouds and their subnets, route tables, \
        gateways and endpoints, from the default VPC to custom ones, in every Region";
    std::fs::write(
        vault.path().join("Long heading.md"),
        format!(
            "# Course\n\n## {heading}\n\nA VPC is a virtual network inside AWS, isolated \
             from other networks, that spans every Availability Zone of its Region and \
             holds subnets, each in one Availability Zone.\n"
        ),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let width = 800.0;
    let mut harness = narrow_window(vault.path(), data.path(), width);
    button(&harness, "Long heading").click();
    harness.run();
    // The heading on the page (the sidebar lists it too, further left).
    let title = harness
        .query_all_by_label_contains("from the default VPC")
        .map(|n| n.rect())
        .max_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the heading is on the page");
    assert!(title.right() <= width, "{title:?}");
    assert!(title.height() > 30.0, "wraps onto several lines: {title:?}");
    let text = harness
        .get_by_label_contains("holds subnets, each in one")
        .rect();
    assert!(text.right() <= width, "{text:?}");
    assert!(text.width() > 300.0, "{text:?}");
}

/// Regression: the sidebar sorted raw file names ("1., 10., 11., 2."; "EC2 Types" before
/// "EC2") and listed a folder twice around its subfolder.
#[test]
fn the_sidebar_lists_folders_once_in_natural_order() {
    let vault = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("1. Intro.md", "# Intro\n"),
        ("2. IAM.md", "# IAM\n"),
        ("10. VPC.md", "# VPC\n"),
        ("Compute/EC2 Types.md", "# EC2 Types\n"),
        ("Compute/EC2.md", "# EC2\n"),
        ("Compute/Serverless/Lambda.md", "# Lambda\n"),
        ("Compute/Zz last.md", "# Zz\n"),
    ] {
        let p = vault.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness_with(AppConfig {
        data_dir: Some(data.path().to_owned()),
        system_locale: Some("en-US".into()),
        vault: Some(vault.path().to_owned()),
    });
    // Open the folders.
    harness.get_by_label("📁 Compute").click();
    harness.run();
    harness.get_by_label("📁 Serverless").click();
    harness.run();
    let y = |label: &str| {
        harness
            .get_all(By::new().role(egui::Role::Button).label(label))
            .next()
            .unwrap_or_else(|| panic!("no {label}"))
            .rect()
            .top()
    };
    assert_eq!(
        harness.query_all_by_label("📁 Compute").count(),
        1,
        "listed once"
    );
    let order = [
        "EC2",
        "EC2 Types",
        "Zz last",
        "1. Intro",
        "2. IAM",
        "10. VPC",
    ];
    for w in order.windows(2) {
        assert!(y(w[0]) < y(w[1]), "{} should come before {}", w[0], w[1]);
    }
    // The subfolder sits inside its folder, before the folder's own notes.
    assert!(y("Lambda") < y("EC2"));
}

/// A vault with a long note whose far paragraphs are out of view at first.
fn long_note_vault() -> tempfile::TempDir {
    let vault = tempfile::tempdir().unwrap();
    let mut long = String::from("# Long\n\n");
    for i in 0..120 {
        writeln!(
            long,
            "Filler paragraph number {i} about nothing in particular.\n"
        )
        .unwrap();
    }
    long.push_str("The recovery plan restores from the nightly snapshot. ^recovery\n\n");
    for i in 0..40 {
        writeln!(long, "Trailing paragraph {i}.\n").unwrap();
    }
    long.push_str("Zanzibar is the word only this paragraph holds.\n");
    write(vault.path(), "Long.md", long);
    write(
        vault.path(),
        "Index.md",
        "# Start here\n\nRead [[Long#^recovery|the recovery plan]].\n",
    );
    vault
}

fn harness_on(vault: &Path, data: &Path) -> Harness<'static, AwsStudyApp> {
    harness_with(common::config(data, "en-US", Some(vault)))
}

/// Opens the first full-text search hit for `text`, as the user does: the palette
/// (Ctrl+K), the words, Enter.
fn search_and_open(harness: &mut Harness<'static, AwsStudyApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_label("Search").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    settle(harness);
}

/// The text is drawn inside the window's height (not scrolled away, not virtualized out).
fn in_view(harness: &Harness<'static, AwsStudyApp>, text: &str) -> bool {
    harness
        .query_by_label_contains(text)
        .is_some_and(|n| n.rect().top() > 0.0 && n.rect().bottom() < 900.0)
}

/// Regression: `[[Note#^block-id]]` opened the top of the note.
#[test]
fn a_block_reference_scrolls_to_its_block() {
    let vault = long_note_vault();
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness_on(vault.path(), data.path());
    button(&harness, "Index").click();
    harness.run();
    harness
        .get(By::new().role(egui::Role::Link).label("the recovery plan"))
        .click();
    settle(&mut harness);
    let loc = harness.state().current().unwrap();
    assert_eq!(
        harness.state().index().notes[loc.note].path,
        "Long.md",
        "the link opens the note"
    );
    assert!(in_view(&harness, "The recovery plan restores"));
    assert!(!in_view(&harness, "Filler paragraph number 0 "));
}

/// Regression: opening a full-text search hit showed the top of the note, not its line;
/// and going back returned to the top instead of where the page was left.
#[test]
fn a_search_hit_scrolls_to_its_line_and_back_returns_there() {
    let vault = long_note_vault();
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness_on(vault.path(), data.path());
    search_and_open(&mut harness, "zanzibar");
    assert!(in_view(&harness, "Zanzibar is the word"));
    assert!(!in_view(&harness, "Filler paragraph number 0 "));
    button(&harness, "Index").click();
    settle(&mut harness);
    assert!(!in_view(&harness, "Zanzibar is the word"));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    settle(&mut harness);
    assert!(
        in_view(&harness, "Zanzibar is the word"),
        "back to where it was left"
    );
}

#[test]
fn opening_a_search_hit_far_down_the_sidebar_reveals_its_row() {
    // Regression: a hit opens a line of the note (a block), and the sidebar only knew
    // the row of the note or heading itself: nothing was revealed. And a folder opens
    // over several frames: revealing once, before the row was in place, was not enough.
    let data = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    for i in 1..=80 {
        write(
            vault.path(),
            &format!("Folder {i:02}/Deep note {i}.md"),
            // The word searched for is under a `####` heading, which is no topic: the hit
            // is in the topic "Alpha 79".
            format!(
                "# Alpha {i}\n\ntext\n\n#### Detail\n\n{}\n\n# Beta {i}\n\nmore\n",
                if i == 79 { "zebra" } else { "plain" }
            ),
        );
    }
    let mut harness = harness_on(vault.path(), data.path());
    if harness.state().room() != Room::Notes {
        button(&harness, "Notes").click();
        harness.run();
    }
    // A full-text search hit opens a line (a block) of the note.
    search_and_open(&mut harness, "zebra");
    let current = harness.state().current().unwrap();
    assert_eq!(
        harness.state().index().notes[current.note].path,
        "Folder 79/Deep note 79.md"
    );
    assert!(current.block.is_some(), "a hit opens its line");
    let row = button(&harness, "Alpha 79").rect();
    let window = harness.ctx.content_rect();
    assert!(
        row.top() >= window.top() && row.bottom() <= window.bottom() - 20.0,
        "the sidebar row {row:?} is out of the window {window:?}"
    );
    // Its folder and its note are open.
    button(&harness, "Deep note 79");
}
