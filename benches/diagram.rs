//! One frame of the Diagram canvas (layout + tessellation, headless `egui::Context`) for a
//! 2,000-node, 3,000-edge, 50-group diagram, at 100 % zoom and zoomed out to show all, and
//! one frame of a drag gesture on it (the move previewed by the editor, then drawn), for a
//! single service and for a group with its 40 members.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use aws_study::diagram::editor::{DiagramCommand, Editor};
use aws_study::diagram::model::{Diagram, GroupKind, NodeId, Point, Rect};
use aws_study::icons::{Catalog, IconKind};
use aws_study::ui::diagram::{DiagramCtx, DiagramView, diagram_ui};
use criterion::{Criterion, criterion_group, criterion_main};

fn big_diagram() -> Diagram {
    let catalog = Catalog::bundled();
    let services: Vec<&str> = catalog
        .icons()
        .iter()
        .filter(|i| i.kind == IconKind::Service)
        .map(|i| i.aws_name.as_str())
        .collect();
    let mut d = Diagram::new();
    // 50 groups in a 10 x 5 grid, each holding 40 services in 8 x 5.
    let mut ids: Vec<NodeId> = Vec::new();
    for g in 0..50 {
        let (gx, gy) = ((g % 10) as f32 * 900.0, (g / 10) as f32 * 700.0);
        d.add_group(
            GroupKind::ALL[g % 8],
            "group",
            Rect::new(gx, gy, 860.0, 660.0),
        );
        for k in 0..40 {
            let at = Point::new(
                gx + 80.0 + (k % 8) as f32 * 100.0,
                gy + 100.0 + (k / 8) as f32 * 110.0,
            );
            ids.push(d.add_service(services[(g * 40 + k) % services.len()], "service", at));
        }
    }
    let n = ids.len();
    for e in 0..3000 {
        // Distinct pairs, never a self-loop.
        let a = e % n;
        let b = (a + 1 + (e / n) * 500 + e % 97) % n;
        d.connect(ids[a], ids[b]);
    }
    d
}

fn frame(ctx: &egui::Context, view: &mut DiagramView, editor: &Editor) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    let none = |_: &str| None;
    let none_topic = |_: &str| None;
    let output = ctx.run_ui(input, |ui| {
        let mut messages = Vec::new();
        let mut cx = DiagramCtx {
            lang: aws_study::i18n::Lang::En,
            tier_of_icon: &none,
            topic_of_icon: &none_topic,
            topic_of_service: &none_topic,
            has_questions: &|_: &str| false,
            recovery: None,
            messages: &mut messages,
        };
        let _ = diagram_ui(ui, view, editor, &mut cx);
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn benches(c: &mut Criterion) {
    let ctx = egui::Context::default();
    egui_extras::install_image_loaders(&ctx);
    let mut editor = Editor::new();
    editor.replace(big_diagram(), None);
    assert_eq!(editor.diagram().nodes.len(), 2050);
    assert_eq!(editor.diagram().edges.len(), 3000);
    let mut view = DiagramView::default();
    // Warm up: rasterise the icons once (the first frame fits the new document: undo that).
    for _ in 0..3 {
        frame(&ctx, &mut view, &editor);
    }
    let mut group = c.benchmark_group("diagram canvas frame (2,000 nodes, 3,000 edges, 50 groups)");
    group.sample_size(20);
    view.zoom = 1.0;
    view.offset = egui::vec2(40.0, 40.0);
    group.bench_function("100 % zoom", |b| {
        b.iter(|| black_box(frame(&ctx, &mut view, &editor)));
    });
    // Drag gestures at 100 % zoom: each frame moves the selection a little further (the
    // editor previews without history) and draws the canvas.
    let first_group = *editor
        .diagram()
        .order
        .iter()
        .find(|id| {
            editor
                .diagram()
                .node(**id)
                .is_some_and(aws_study::diagram::model::Node::is_group)
        })
        .unwrap();
    let first_service = *editor
        .diagram()
        .order
        .iter()
        .find(|id| editor.diagram().node(**id).is_some_and(|n| !n.is_group()))
        .unwrap();
    for (name, ids) in [
        ("dragging one service (move + frame)", vec![first_service]),
        ("dragging a group of 40 (move + frame)", vec![first_group]),
    ] {
        editor.apply(DiagramCommand::BeginMove(ids));
        let mut step = 0.0_f32;
        group.bench_function(name, |b| {
            b.iter(|| {
                step = (step + 3.0) % 300.0;
                editor.apply(DiagramCommand::MoveTo(step, step / 2.0));
                black_box(frame(&ctx, &mut view, &editor))
            });
        });
        editor.apply(DiagramCommand::EndDrag);
        editor.apply(DiagramCommand::Undo);
    }
    view.fit(&editor);
    frame(&ctx, &mut view, &editor);
    group.bench_function("zoomed out to show all", |b| {
        b.iter(|| black_box(frame(&ctx, &mut view, &editor)));
    });
    group.finish();
}

criterion_group!(diagram, benches);
criterion_main!(diagram);
