//! UI tests of the Diagram room: the real app driven through `egui_kittest` with drags,
//! clicks and keyboard shortcuts.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Coordinates compared here are exact by construction (grid-snapped).
#![allow(clippy::float_cmp)]

use std::path::Path;

use aws_study::app::Room;
use aws_study::diagram::editor::{DiagramCommand, PathPurpose};
use aws_study::diagram::model::{NodeId, NodeKind};
use aws_study::{AppConfig, AwsStudyApp};
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

fn harness(data_dir: &Path) -> Harness<'static, AwsStudyApp> {
    let config = AppConfig {
        data_dir: Some(data_dir.to_owned()),
        system_locale: Some("en-US".into()),
        vault: None,
    };
    // Frames 1/60 s apart, like a real screen: double-clicks are timed.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
        .get(By::new().role(egui::Role::Button).label("Diagram"))
        .click();
    harness.run();
    assert_eq!(harness.state().room(), Room::Diagram);
    harness
}

/// A real mouse drag: press, move in steps, release.
fn drag(harness: &mut Harness<'static, AwsStudyApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=6 {
        harness.hover_at(from.lerp(to, i as f32 / 6.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.remove_cursor();
    harness.run();
}

fn click_at(harness: &mut Harness<'static, AwsStudyApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.step();
    harness.drag_at(pos);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}

fn double_click_at(harness: &mut Harness<'static, AwsStudyApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.step();
    for _ in 0..2 {
        harness.drag_at(pos);
        harness.step();
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

fn canvas_rect(harness: &Harness<'static, AwsStudyApp>) -> egui::Rect {
    harness.get_by_label("Diagram canvas").rect()
}

/// Screen position of a node's centre.
fn node_center(harness: &Harness<'static, AwsStudyApp>, id: NodeId) -> Pos2 {
    let r = harness.state().diagram().diagram().node(id).unwrap().rect;
    let view = harness.state().diagram_view();
    let canvas = canvas_rect(harness);
    canvas.min + view.offset + egui::vec2(r.x + r.w / 2.0, r.y + r.h / 2.0) * view.zoom
}

fn search_palette(harness: &mut Harness<'static, AwsStudyApp>, text: &str) {
    // The search field is named by its "AWS icons" label.
    harness.get_by_label("AWS icons").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("AWS icons").type_text(text);
    harness.run();
}

fn drag_from_palette(
    harness: &mut Harness<'static, AwsStudyApp>,
    query: &str,
    row: &str,
    to: Pos2,
) -> NodeId {
    search_palette(harness, query);
    let from = harness
        .get(By::new().role(egui::Role::Button).label(row))
        .rect()
        .center();
    let before: Vec<NodeId> = harness
        .state()
        .diagram()
        .diagram()
        .nodes
        .keys()
        .copied()
        .collect();
    drag(harness, from, to);
    let after = &harness.state().diagram().diagram().nodes;
    let new: Vec<NodeId> = after
        .keys()
        .copied()
        .filter(|k| !before.contains(k))
        .collect();
    assert_eq!(new.len(), 1, "dragging {row} added one node");
    new[0]
}

#[test]
fn drag_an_icon_from_the_palette_then_connect_two_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    let canvas = canvas_rect(&harness);
    let a = drag_from_palette(
        &mut harness,
        "lamb",
        "AWS Lambda",
        canvas.center() - egui::vec2(200.0, 0.0),
    );
    let node = harness.state().diagram().diagram().node(a).unwrap().clone();
    // Labelled with the catalog's short name, as AWS writes it.
    assert_eq!(node.label, "AWS Lambda");
    assert!(matches!(&node.kind, NodeKind::Service { icon } if icon.contains("Lambda")));
    let b = drag_from_palette(
        &mut harness,
        "dynamo",
        "Amazon DynamoDB",
        canvas.center() + egui::vec2(200.0, 0.0),
    );
    // Select A, then drag from its connection handle (right of the icon) to B.
    let a_center = node_center(&harness, a);
    click_at(&mut harness, a_center);
    assert!(harness.state().diagram().selected.contains(&a));
    let half = harness.state().diagram().diagram().node(a).unwrap().rect.w / 2.0
        * harness.state().diagram_view().zoom;
    let handle = a_center + egui::vec2(half + 8.0, 0.0);
    let b_center = node_center(&harness, b);
    drag(&mut harness, handle, b_center);
    let edges: Vec<_> = harness
        .state()
        .diagram()
        .diagram()
        .edges
        .values()
        .cloned()
        .collect();
    assert_eq!(edges.len(), 1);
    assert_eq!((edges[0].from, edges[0].to), (a, b));
    // The arrow follows the node when it moves.
    let before = harness.state().diagram().diagram().edge_path(&edges[0]);
    let b_center = node_center(&harness, b);
    drag(&mut harness, b_center, b_center + egui::vec2(0.0, 120.0));
    let after = harness.state().diagram().diagram().edge_path(&edges[0]);
    assert_ne!(before.last(), after.last());
}

#[test]
fn moving_a_group_moves_its_members_and_undo_redo_restore_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    let canvas = canvas_rect(&harness);
    let vpc = drag_from_palette(&mut harness, "vpc", "VPC", canvas.center());
    let vpc_rect = harness.state().diagram().diagram().node(vpc).unwrap().rect;
    let inside = node_center(&harness, vpc) + egui::vec2(vpc_rect.w / 4.0, 0.0);
    let ec2 = drag_from_palette(&mut harness, "ec2", "Amazon EC2", inside);
    assert_eq!(
        harness
            .state()
            .diagram()
            .diagram()
            .node(ec2)
            .unwrap()
            .parent,
        Some(vpc)
    );
    // Drag the group by a point inside it that is not the service.
    let grab = node_center(&harness, vpc) - egui::vec2(vpc_rect.w / 4.0, vpc_rect.h / 4.0);
    let ec2_before = harness.state().diagram().diagram().node(ec2).unwrap().rect;
    drag(&mut harness, grab, grab + egui::vec2(100.0, 60.0));
    let d = harness.state().diagram().diagram();
    let (vpc_after, ec2_after) = (d.node(vpc).unwrap().rect, d.node(ec2).unwrap().rect);
    assert_eq!(vpc_after.x - vpc_rect.x, ec2_after.x - ec2_before.x);
    assert_eq!(vpc_after.y - vpc_rect.y, ec2_after.y - ec2_before.y);
    assert!(vpc_after.x > vpc_rect.x);
    // One drag is one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().diagram().diagram().node(vpc).unwrap().rect,
        vpc_rect
    );
    assert_eq!(
        harness.state().diagram().diagram().node(ec2).unwrap().rect,
        ec2_before
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().diagram().diagram().node(vpc).unwrap().rect,
        vpc_after
    );
    // Delete removes the selection; Ctrl+Y after Ctrl+Z brings it back.
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().diagram().diagram().nodes.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().diagram().diagram().nodes.len(), 2);
}

#[test]
fn template_saves_and_reopens_identically() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.get_by_label("Templates").click();
    harness.run();
    harness.get_by_label("Three-tier web app").click();
    harness.run();
    let built = harness.state().diagram().diagram().clone();
    assert!(built.nodes.len() >= 10);
    assert!(harness.state().diagram().dirty());
    // Save as… through the path window (Ctrl+S on a new diagram asks where).
    let path = dir.path().join("three-tier.awsdiagram.ron");
    harness.get_by_label("Diagram canvas").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness
        .get(By::new().role(egui::Role::Button).label("Save as"))
        .click();
    harness.run();
    assert!(
        path.exists(),
        "{:?}",
        harness.state().diagram_files().messages
    );
    assert!(!harness.state().diagram().dirty());
    // Export a PNG at 2x through the File menu.
    let png = dir.path().join("three-tier.png");
    harness.run_steps(30); // the path window fades out
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export PNG…").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&png.display().to_string());
    harness.run();
    harness
        .get(By::new().role(egui::Role::Button).label("Export PNG"))
        .click();
    harness.run();
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    drop(harness);
    let mut again = self::harness(dir.path());
    let ctx = again.ctx.clone();
    again.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::Open, path.clone()),
    );
    again.run();
    assert_eq!(again.state().diagram().diagram(), &built);
}

#[test]
fn a_crash_loses_at_most_a_few_seconds_the_draft_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig {
        data_dir: Some(dir.path().to_owned()),
        system_locale: Some("en-US".into()),
        vault: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
        .get(By::new().role(egui::Role::Button).label("Diagram"))
        .click();
    harness.run();
    harness.get_by_label("Templates").click();
    harness.run();
    harness.get_by_label("Serverless API").click();
    harness.run();
    let drawn = harness.state().diagram().diagram().clone();
    // Leave the room: the autosave runs whatever room is shown.
    harness
        .get(By::new().role(egui::Role::Button).label("Notes"))
        .click();
    // Six seconds of frames (the harness' clock advances a quarter of a second a step).
    harness.run_steps(6 * 4);
    assert!(
        dir.path()
            .join(aws_study::diagram::file::DRAFT_FILE)
            .exists()
    );
    // "Crash": drop the app without saving, start again.
    drop(harness);
    let mut again = self::harness(dir.path());
    assert_eq!(again.state().diagram_files().recovery(), Some(&drawn));
    again.get_by_label("Recover").click();
    again.run();
    assert_eq!(again.state().diagram().diagram(), &drawn);
    assert!(again.state().diagram().dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.get_by_label("Templates").click();
    harness.run();
    harness.get_by_label("Event-driven").click();
    harness.run();
    // The title says there are unsaved changes.
    assert!(harness.state().diagram().title().ends_with('*'));
    let close_request = |h: &mut Harness<'static, AwsStudyApp>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.step();
    };
    close_request(&mut harness);
    let cancelled = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close was cancelled to ask");
    harness.run();
    harness.get_by_label("The diagram has unsaved changes.");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().diagram().dirty(), "nothing lost");
    // Closing again and discarding lets the window close.
    close_request(&mut harness);
    harness.run();
    harness.get_by_label("Don’t save").click();
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing);
}

#[test]
fn empty_space_pans_shift_drag_selects_and_arrows_get_labels() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.get_by_label("Templates").click();
    harness.run();
    harness.get_by_label("Event-driven").click();
    harness.run();
    let canvas = canvas_rect(&harness);
    // A drag on empty space pans the view.
    let offset = harness.state().diagram_view().offset;
    let corner = canvas.left_bottom() + egui::vec2(20.0, -20.0);
    drag(&mut harness, corner, corner + egui::vec2(60.0, -30.0));
    let moved = harness.state().diagram_view().offset - offset;
    assert!(
        (moved - egui::vec2(60.0, -30.0)).length() < 1.0,
        "{moved:?}"
    );
    // Shift + drag draws a rubber band that selects what it encloses.
    harness
        .get(By::new().role(egui::Role::Button).label("Fit"))
        .click();
    harness.run();
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    drag(
        &mut harness,
        canvas.left_top() + egui::vec2(2.0, 2.0),
        canvas.right_bottom() - egui::vec2(2.0, 2.0),
    );
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let room = harness.state().diagram();
    let view = harness.state().diagram_view();
    assert_eq!(room.selected.len(), room.diagram().nodes.len());
    // Double-click an arrow (at the middle of one the hit-test finds there), type, Enter.
    let (edge, world) = room
        .diagram()
        .edges
        .values()
        .find_map(|e| {
            let path = room.diagram().edge_path(e);
            let (a, b) = (path.first()?, path.last()?);
            let mid = aws_study::diagram::model::Point::new(
                f32::midpoint(a.x, b.x),
                f32::midpoint(a.y, b.y),
            );
            (room.diagram().edge_at(mid, 2.0) == Some(e.id)).then_some((e.id, mid))
        })
        .expect("an arrow with a clear middle");
    let mid = canvas.min + view.offset + egui::vec2(world.x, world.y) * view.zoom;
    {
        double_click_at(&mut harness, mid);
        let current = harness
            .state()
            .diagram()
            .diagram()
            .edge(edge)
            .unwrap()
            .label
            .clone();
        assert_eq!(
            harness.state().diagram_view().label_being_edited(),
            Some(current.as_str())
        );
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness
            .get_by_label("Label (Enter to apply, Esc to cancel)")
            .type_text("events");
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(
            harness
                .state()
                .diagram()
                .diagram()
                .edge(edge)
                .unwrap()
                .label,
            "events"
        );
    }
}

/// Saves a one-node diagram at `path` through the app, then starts a fresh app.
fn saved_diagram(dir: &Path) -> (std::path::PathBuf, aws_study::diagram::model::Diagram) {
    let path = dir.join("saved.awsdiagram.ron");
    let mut h = harness(dir);
    let ctx = h.ctx.clone();
    h.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::Template(aws_study::diagram::templates::Template::ALL[0]),
    );
    h.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::SaveAs, path.clone()),
    );
    h.run();
    assert!(path.exists());
    let saved = h.state().diagram().diagram().clone();
    (path, saved)
}

/// Regression: File → Open replaced an unsaved diagram without asking, Ctrl+Z then brought
/// it back under the opened file's name, and Ctrl+S wrote it over the saved diagram.
#[test]
fn open_with_unsaved_changes_asks_and_cancel_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let (path, saved) = saved_diagram(dir.path());
    let on_disk = std::fs::read(&path).unwrap();
    let mut harness = harness(dir.path());
    // The last diagram reopened at start, clean; add a function: unsaved changes.
    let rect = canvas_rect(&harness);
    drag_from_palette(&mut harness, "lamb", "AWS Lambda", rect.center());
    let edited = harness.state().diagram().diagram().clone();
    assert!(harness.state().diagram().dirty());
    // File → Open, the saved file: the app asks first.
    harness.get_by_label("File").click();
    harness.run();
    harness.get(By::new().label_contains("Open…")).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("The diagram has unsaved changes.");
    harness
        .get(By::new().role(egui::Role::Button).label("Cancel"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().diagram().diagram(),
        &edited,
        "Cancel keeps the document"
    );
    assert!(harness.state().diagram().dirty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the saved file is untouched"
    );
    assert_ne!(&edited, &saved);
}

#[test]
fn undo_after_open_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, saved) = saved_diagram(dir.path());
    let mut harness = harness(dir.path());
    // The app reopened the last diagram; build another one, then open the saved one.
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_diagram(&ctx, DiagramCommand::New);
    harness.run();
    harness.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::Open, path.clone()),
    );
    harness.run();
    assert_eq!(harness.state().diagram().diagram(), &saved);
    harness.get_by_label("Diagram canvas").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().diagram().diagram(),
        &saved,
        "nothing to undo"
    );
    assert!(!harness.state().diagram().dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        aws_study::diagram::file::load(&path).unwrap().0,
        saved,
        "Ctrl+S wrote the same diagram"
    );
}

#[test]
fn the_last_diagram_reopens_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let (path, saved) = saved_diagram(dir.path());
    let harness = harness(dir.path());
    assert_eq!(harness.state().diagram().path(), Some(path.as_path()));
    assert_eq!(harness.state().diagram().diagram(), &saved);
}

#[test]
fn a_second_instance_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first = aws_study::store::lock::DataLock::acquire(dir.path()).unwrap();
    let config = AppConfig {
        data_dir: Some(dir.path().to_owned()),
        system_locale: Some("en-US".into()),
        vault: None,
    };
    let mut second = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| AwsStudyApp::new(&cc.egui_ctx, config));
    second.run();
    second.get_by_label("aws-study is already open");
    second.get_by_label_contains("already using");
    // No room is there to touch anything, and nothing was written.
    assert!(second.query_by_label("Diagram").is_none());
    drop(second);
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, [aws_study::store::lock::FILE]);
    drop(first);
}

/// A draw.io file opens as a new, unsaved diagram (Save never writes RON over it), and
/// File → Export draw.io… writes one that opens back the same.
#[test]
fn a_drawio_file_opens_and_exports_back() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drawio/nested.drawio");
    let original = std::fs::read(&fixture).unwrap();
    let mut harness = harness(dir.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_diagram(
        &ctx,
        DiagramCommand::CompletePath(PathPurpose::Open, fixture.clone()),
    );
    harness.run();
    let imported = harness.state().diagram().diagram().clone();
    assert!(imported.nodes.len() >= 5, "{} nodes", imported.nodes.len());
    assert!(!imported.edges.is_empty());
    assert_eq!(
        harness.state().diagram().path(),
        None,
        "not the document's file"
    );
    harness.get_by_label_contains("Imported (Save writes");
    // Export through the File menu.
    let out = dir.path().join("again.drawio");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export draw.io…").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&out.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // The window says where it went (an export used to give no sign).
    harness.get_by_label_contains(&format!("Exported: {}", out.display()));
    let back = aws_study::diagram::drawio::import(&std::fs::read(&out).unwrap(), None).unwrap();
    assert_eq!(back.diagram.nodes.len(), imported.nodes.len());
    assert_eq!(back.diagram.edges.len(), imported.edges.len());
    assert_eq!(
        std::fs::read(&fixture).unwrap(),
        original,
        "the original is untouched"
    );
}

/// Issue 11: a student draws an RDS database in a public subnet; the Review panel shows the
/// finding in exam terms, clicking it selects the database, and accepting it (with a
/// reason) moves it to the accepted list, saved in the diagram and undoable.
#[test]
fn review_finds_a_database_in_a_public_subnet_and_its_finding_selects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    let canvas = canvas_rect(&harness);
    let subnet = drag_from_palette(
        &mut harness,
        "public subnet",
        "Public subnet",
        canvas.center() - egui::vec2(300.0, 150.0),
    );
    let inside = node_center(&harness, subnet);
    let rds = drag_from_palette(&mut harness, "rds", "Amazon RDS", inside);
    assert_eq!(
        harness
            .state()
            .diagram()
            .diagram()
            .node(rds)
            .unwrap()
            .parent,
        Some(subnet),
        "the database was dropped into the subnet"
    );
    // Nothing is selected, then the Review panel opens.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().diagram().selected.is_empty());
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Architecture review");
    harness.get_by_label("AWS documentation");
    assert!(
        harness
            .query_by_label_contains("DB subnet group of private subnets")
            .is_some(),
        "the explanation is shown"
    );
    harness.get_by_label("Exam domain: Secure architectures");
    // Clicking the finding selects the database on the canvas.
    harness.get_by_label("Database in a public subnet").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .diagram()
            .selected
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![rds]
    );
    // Frames without changes do not review again.
    let runs = harness.state().diagram_view().review_runs();
    harness.run_steps(10);
    assert_eq!(harness.state().diagram_view().review_runs(), runs);
    // Accept it with a reason: it leaves the open list and is saved in the diagram.
    harness.get_by_label("Accept…").click();
    harness.run();
    harness.get_by_label("Why is it acceptable here?").click();
    harness.run();
    harness
        .get_by_label("Why is it acceptable here?")
        .type_text("lab account, public on purpose");
    harness.run();
    harness
        .get(By::new().role(egui::Role::Button).label("Accept"))
        .click();
    harness.run();
    let accepted = &harness.state().diagram().diagram().accepted;
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].rule, "db-in-public-subnet");
    assert_eq!(accepted[0].reason, "lab account, public on purpose");
    assert!(harness.state().diagram_view().review_runs() > runs);
    harness.get_by_label("lab account, public on purpose");
    harness.get_by_label("Reopen");
    assert!(harness.query_by_label("Accept…").is_none());
    // Undo puts it back among the open findings.
    harness.get_by_label("Diagram canvas").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().diagram().diagram().accepted.is_empty());
    harness.get_by_label("Accept…");
}

/// The Review panel's links lead to the bank questions and to the note about the services
/// of a finding.
#[test]
fn review_links_practise_the_questions_and_open_the_note_of_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    let canvas = canvas_rect(&harness);
    let subnet = drag_from_palette(
        &mut harness,
        "public subnet",
        "Public subnet",
        canvas.center() - egui::vec2(300.0, 150.0),
    );
    let inside = node_center(&harness, subnet);
    drag_from_palette(&mut harness, "rds", "Amazon RDS", inside);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Questions: Amazon RDS").click();
    harness.run();
    assert_eq!(harness.state().room(), Room::Quiz);
    match &harness.state().quiz().view {
        aws_study::quiz::room::QuizView::Session(_) => {}
        other => panic!("no practice session: {other:?}"),
    }
    assert_eq!(
        harness.state().quiz().filter.service.as_deref(),
        Some("Amazon RDS")
    );
    harness
        .get(By::new().role(egui::Role::Button).label("Diagram"))
        .click();
    harness.run();
    harness.get_by_label("Note: Amazon RDS").click();
    for _ in 0..50 {
        if harness.try_run().is_ok() {
            break;
        }
    }
    assert_eq!(harness.state().room(), Room::Notes);
}
