//! Painting the diagram on the canvas: grid, groups, icons (rasterised at the zoomed
//! size), labels, tier badges, arrows, selection handles and the gesture in progress.
//! Whatever is off screen is culled. [`paint_diagram`] draws any diagram through a
//! [`Look`]; the canvas and the read-only previews of the Quiz room's drills share it.

use std::collections::BTreeSet;

use egui::{Color32, Pos2, Rect as ERect, Stroke, Ui, Vec2};

use super::canvas::{Gesture, handle_rects};
use super::{DiagramCtx, DiagramView};
use crate::diagram::editor::{Editor, GRID};
use crate::diagram::model::{Arrows, Diagram, EdgeId, GroupKind, NodeId, NodeKind, Point, Rect};
use crate::frequency::Tier;
use crate::i18n::Lang;
use crate::icons::Catalog;
use crate::ui::widgets::tier_color;

/// The tier of a service icon (by catalog name).
type TierOfIcon<'a> = &'a dyn Fn(&str) -> Option<Tier>;

/// How a diagram is drawn: where the world origin is on screen, the zoom, and what is
/// selected, hidden or marked.
pub(super) struct Look<'a> {
    /// Screen position of the world origin.
    pub origin: Pos2,
    /// Zoom factor (1 = 100 %).
    pub zoom: f32,
    /// Selected nodes (drawn with the selection colour).
    pub selected: &'a BTreeSet<NodeId>,
    /// Selected edges.
    pub selected_edges: &'a BTreeSet<EdgeId>,
    /// Nodes drawn as a dashed "?" box with their label, their icon not shown.
    pub hidden: &'a [NodeId],
    /// Nodes outlined in the warning colour.
    pub marked: &'a [NodeId],
    /// When badges are shown: the tier of a service icon, and the language of its name.
    pub badge: Option<(TierOfIcon<'a>, Lang)>,
}

impl Look<'_> {
    fn to_screen(&self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.zoom
    }

    fn rect_to_screen(&self, r: &Rect) -> ERect {
        ERect::from_min_size(
            self.to_screen(Point::new(r.x, r.y)),
            Vec2::new(r.w, r.h) * self.zoom,
        )
    }
}

/// Paints the diagram, the selection handles and the gesture in progress.
pub(super) fn paint(
    ui: &mut Ui,
    view: &DiagramView,
    editor: &Editor,
    cx: &DiagramCtx<'_>,
    clip: ERect,
) {
    let diagram = editor.diagram();
    let painter = ui.painter_at(clip);
    let visuals = ui.visuals().clone();
    let zoom = view.zoom;
    // Grid dots.
    if zoom >= 0.5 {
        let step = GRID * zoom * if zoom < 1.0 { 2.0 } else { 1.0 };
        let origin = clip.min + view.offset;
        let start_x = origin.x + ((clip.left() - origin.x) / step).floor() * step;
        let start_y = origin.y + ((clip.top() - origin.y) / step).floor() * step;
        let dot = visuals.weak_text_color().gamma_multiply(0.35);
        let mut y = start_y;
        while y < clip.bottom() {
            let mut x = start_x;
            while x < clip.right() {
                painter.circle_filled(Pos2::new(x, y), 0.8, dot);
                x += step;
            }
            y += step;
        }
    }
    let look = Look {
        origin: view.canvas_rect.min + view.offset,
        zoom,
        selected: &editor.selected,
        selected_edges: &editor.selected_edges,
        hidden: &[],
        marked: &[],
        badge: view.badges.then_some((cx.tier_of_icon, cx.lang)),
    };
    paint_diagram(ui, &painter, diagram, &look, clip);
    // Handles of a single selected node, the gesture being made.
    if editor.selected.len() == 1
        && let Some(id) = editor.selected.iter().next()
        && let Some((connect, resize)) = handle_rects(view, editor, *id)
    {
        let accent = visuals.selection.stroke.color;
        if !diagram
            .node(*id)
            .is_some_and(crate::diagram::model::Node::is_group)
        {
            painter.circle(
                connect.center(),
                6.0,
                visuals.extreme_bg_color,
                Stroke::new(2.0, accent),
            );
        }
        painter.rect_filled(resize, 2.0, accent);
    }
    match &view.gesture {
        Some(Gesture::Rubber { start, now }) => {
            let r = ERect::from_two_pos(view.to_screen(*start), view.to_screen(*now));
            painter.rect(
                r,
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.2),
                Stroke::new(1.0, visuals.selection.stroke.color),
                egui::StrokeKind::Inside,
            );
        }
        Some(Gesture::Connect { from, now }) => {
            if let Some(n) = diagram.node(*from) {
                let a = view.rect_to_screen(&n.rect).center();
                painter.line_segment(
                    [a, view.to_screen(*now)],
                    Stroke::new(2.0, visuals.selection.stroke.color),
                );
            }
        }
        _ => {}
    }
    if diagram.nodes.is_empty() {
        painter.text(
            clip.center(),
            egui::Align2::CENTER_CENTER,
            cx.lang.strings().diagram_empty,
            egui::FontId::proportional(16.0),
            visuals.weak_text_color(),
        );
    }
}

/// Paints the groups, services, labels, badges and edges of `diagram` as `look` says,
/// culling what lies outside `clip`.
pub(super) fn paint_diagram(
    ui: &Ui,
    painter: &egui::Painter,
    diagram: &Diagram,
    look: &Look<'_>,
    clip: ERect,
) {
    let visuals = ui.visuals();
    let zoom = look.zoom;
    let catalog = Catalog::bundled();
    let text_color = visuals.text_color();
    let font = |size: f32| egui::FontId::proportional((size * zoom).clamp(5.0, 48.0));
    // Nodes, back to front.
    for id in &diagram.order {
        let Some(node) = diagram.node(*id) else {
            continue;
        };
        let r = look.rect_to_screen(&node.rect);
        let visible = r.expand(40.0 * zoom).intersects(clip);
        if !visible {
            continue;
        }
        let selected = look.selected.contains(id);
        if look.marked.contains(id) {
            painter.rect_stroke(
                r.expand(6.0 * zoom.max(0.5)),
                6.0,
                Stroke::new(3.0, visuals.warn_fg_color),
                egui::StrokeKind::Outside,
            );
        }
        if look.hidden.contains(id) {
            // The place of a service to find: no icon and no badge; the label (which the
            // drill wrote without the service's name) says what the place is for.
            let pts = [
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
                r.left_top(),
            ];
            painter.rect_filled(r, 4.0, visuals.faint_bg_color);
            painter.extend(egui::Shape::dashed_line(
                &pts,
                Stroke::new(2.0, visuals.strong_text_color()),
                6.0 * zoom.max(0.5),
                4.0 * zoom.max(0.5),
            ));
            painter.text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                "?",
                egui::FontId::proportional((r.height() * 0.6).clamp(8.0, 64.0)),
                visuals.strong_text_color(),
            );
            if !node.is_group() {
                painter.text(
                    Pos2::new(r.center().x, r.bottom() + 4.0 * zoom),
                    egui::Align2::CENTER_TOP,
                    &node.label,
                    font(12.0),
                    text_color,
                );
            }
            continue;
        }
        match &node.kind {
            NodeKind::Group { kind } => {
                let [cr, cg, cb] = kind.color();
                let mut color = Color32::from_rgb(cr, cg, cb);
                if *kind == GroupKind::AwsCloud && visuals.dark_mode {
                    // AWS's near-black cloud border disappears on a dark canvas.
                    color = Color32::from_gray(190);
                }
                painter.rect_filled(r, 0.0, color.gamma_multiply(0.05));
                let stroke = Stroke::new(if selected { 3.0 } else { 1.5 }, color);
                if kind.dashed() {
                    let pts = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                        r.left_top(),
                    ];
                    painter.extend(egui::Shape::dashed_line(&pts, stroke, 6.0, 4.0));
                } else {
                    painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Inside);
                }
                let icon_size = 24.0 * zoom;
                let mut title_x = r.left() + 6.0 * zoom;
                if let Some(icon) = kind.icon_name().and_then(|n| catalog.by_aws_name(n))
                    && let Some(tex) = icon_texture(ui.ctx(), icon, catalog.uri(icon.id), icon_size)
                {
                    let ir = ERect::from_min_size(r.left_top(), Vec2::splat(icon_size));
                    painter.image(
                        tex.id,
                        ir,
                        ERect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                        Color32::WHITE,
                    );
                    title_x = ir.right() + 6.0 * zoom;
                }
                painter.text(
                    Pos2::new(title_x, r.top() + 12.0 * zoom),
                    egui::Align2::LEFT_CENTER,
                    &node.label,
                    font(13.0),
                    color,
                );
            }
            NodeKind::Service { icon } => {
                if let Some(tex) = catalog
                    .by_aws_name(icon)
                    .and_then(|i| icon_texture(ui.ctx(), i, catalog.uri(i.id), r.width()))
                {
                    painter.image(
                        tex.id,
                        r,
                        ERect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                        Color32::WHITE,
                    );
                } else {
                    painter.rect_stroke(
                        r,
                        4.0,
                        Stroke::new(1.0, visuals.warn_fg_color),
                        egui::StrokeKind::Inside,
                    );
                    painter.text(
                        r.center(),
                        egui::Align2::CENTER_CENTER,
                        "?",
                        font(24.0),
                        visuals.warn_fg_color,
                    );
                }
                painter.text(
                    Pos2::new(r.center().x, r.bottom() + 4.0 * zoom),
                    egui::Align2::CENTER_TOP,
                    &node.label,
                    font(12.0),
                    text_color,
                );
                if let Some((tier_of_icon, lang)) = look.badge
                    && let Some(tier) = tier_of_icon(icon)
                {
                    let badge = painter.layout_no_wrap(
                        lang.tier(tier).to_owned(),
                        font(9.0),
                        Color32::WHITE,
                    );
                    let br = ERect::from_min_size(
                        Pos2::new(
                            r.right() - badge.size().x * 0.5,
                            r.top() - badge.size().y * 0.6,
                        ),
                        badge.size() + Vec2::new(8.0, 2.0) * zoom,
                    );
                    painter.rect_filled(br, 6.0 * zoom, tier_color(tier));
                    painter.galley(br.min + Vec2::new(4.0, 1.0) * zoom, badge, Color32::WHITE);
                }
                if selected {
                    painter.rect_stroke(
                        r.expand(3.0),
                        4.0,
                        Stroke::new(2.0, visuals.selection.stroke.color),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            NodeKind::Text => paint_text(painter, r, &node.label, font(12.0), text_color),
            NodeKind::Box => {
                painter.rect(
                    r,
                    2.0,
                    visuals.extreme_bg_color,
                    Stroke::new(1.0, visuals.weak_text_color()),
                    egui::StrokeKind::Inside,
                );
                paint_text(painter, r, &node.label, font(12.0), text_color);
            }
        }
        if selected && matches!(node.kind, NodeKind::Text | NodeKind::Box) {
            painter.rect_stroke(
                r.expand(3.0),
                4.0,
                Stroke::new(2.0, visuals.selection.stroke.color),
                egui::StrokeKind::Outside,
            );
        }
    }
    // Edges on top of groups and icons.
    for (id, edge) in &diagram.edges {
        let path = diagram.edge_path(edge);
        if path.len() < 2 {
            continue;
        }
        let pts: Vec<Pos2> = path.iter().map(|p| look.to_screen(*p)).collect();
        let bbox = ERect::from_points(&pts).expand(10.0);
        if !bbox.intersects(clip) {
            continue;
        }
        let selected = look.selected_edges.contains(id);
        let color = if selected {
            visuals.selection.stroke.color
        } else {
            visuals.text_color().gamma_multiply(0.8)
        };
        let stroke = Stroke::new(if selected { 2.5 } else { 1.5 }, color);
        painter.line(pts.clone(), stroke);
        let head = |painter: &egui::Painter, tip: Pos2, from: Pos2| {
            let dir = (tip - from).normalized();
            let n = Vec2::new(-dir.y, dir.x);
            let len = 10.0 * zoom.clamp(0.5, 2.0);
            painter.add(egui::Shape::convex_polygon(
                vec![
                    tip,
                    tip - dir * len + n * len * 0.45,
                    tip - dir * len - n * len * 0.45,
                ],
                color,
                Stroke::NONE,
            ));
        };
        let n = pts.len();
        if matches!(edge.arrows, Arrows::Forward | Arrows::Both) {
            head(painter, pts[n - 1], pts[n - 2]);
        }
        if edge.arrows == Arrows::Both {
            head(painter, pts[0], pts[1]);
        }
        if !edge.label.is_empty()
            && let Some(mid) = crate::diagram::model::label_point(&path)
        {
            // On a background of the canvas colour, so the line never crosses the text.
            let galley = painter.layout_no_wrap(edge.label.clone(), font(11.0), text_color);
            let rect = egui::Align2::CENTER_CENTER
                .anchor_size(look.to_screen(mid), galley.size())
                .expand2(Vec2::new(3.0, 1.0));
            painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
            painter.galley(rect.min + Vec2::new(3.0, 1.0), galley, text_color);
        }
    }
}

/// A label centred in `r` (free labels and plain boxes), its lines centred.
fn paint_text(painter: &egui::Painter, r: ERect, label: &str, font: egui::FontId, color: Color32) {
    let job = egui::text::LayoutJob {
        halign: egui::Align::Center,
        ..egui::text::LayoutJob::simple(label.to_owned(), font, color, r.width().max(1.0))
    };
    let galley = painter.layout_job(job);
    let top = r.center().y - galley.size().y / 2.0;
    painter.galley(Pos2::new(r.center().x, top), galley, color);
}

/// The texture of an icon at the zoomed size, rounded up to a power of two so zooming
/// does not create a texture per frame.
fn icon_texture(
    ctx: &egui::Context,
    icon: &crate::icons::Icon,
    uri: String,
    size_pts: f32,
) -> Option<egui::load::SizedTexture> {
    let px = (size_pts * ctx.pixels_per_point()).max(8.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bucket = (px.log2().ceil().exp2()).clamp(16.0, 1024.0) as u32;
    let source = egui::ImageSource::Bytes {
        uri: uri.into(),
        bytes: egui::load::Bytes::Static(icon.svg),
    };
    match source.load(
        ctx,
        egui::TextureOptions::LINEAR,
        egui::SizeHint::Size {
            width: bucket,
            height: bucket,
            maintain_aspect_ratio: true,
        },
    ) {
        Ok(egui::load::TexturePoll::Ready { texture }) => Some(texture),
        _ => None,
    }
}
