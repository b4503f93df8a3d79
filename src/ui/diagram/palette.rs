//! The palette: group boxes and AWS service icons by category, or the matches of a search
//! ("s3", "TGW", "passerelle NAT"), to drag onto the canvas or click to add at its centre.
//! The categories and the matches of the last query are computed once and kept.

use egui::{RichText, Ui};

use super::PaletteItem;
use crate::diagram::model::GroupKind;
use crate::i18n::Strings;
use crate::icons::{Catalog, IconId, IconKind};

/// The palette's query and what it shows for it, computed when the query changes.
#[derive(Default)]
pub(super) struct PaletteState {
    /// The text typed in the search field.
    query: String,
    /// The query `hits` and `groups` were computed for.
    cached_for: Option<String>,
    hits: Vec<IconId>,
    groups: Vec<GroupKind>,
    /// Every category with its service icons, computed once.
    categories: Option<Vec<(String, Vec<IconId>)>>,
}

impl PaletteState {
    fn categories(&mut self) -> &[(String, Vec<IconId>)] {
        self.categories.get_or_insert_with(|| {
            let catalog = Catalog::bundled();
            catalog
                .categories()
                .into_iter()
                .map(|c| (c.to_owned(), catalog.icons_in_category(c)))
                .filter(|(_, icons)| !icons.is_empty())
                .collect()
        })
    }

    /// Recomputes the matches when the query changed since the last frame.
    fn refresh(&mut self) {
        if self.cached_for.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let catalog = Catalog::bundled();
        // Services by any of their names first, then icons by their own names.
        let services = crate::services::Catalog::bundled();
        let mut hits: Vec<IconId> = services
            .search(&self.query, 60)
            .into_iter()
            .filter_map(|id| services.icon(id))
            .chain(catalog.search(&self.query, 60))
            .filter(|id| {
                catalog
                    .get(*id)
                    .is_some_and(|i| i.kind == IconKind::Service)
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        hits.retain(|id| seen.insert(*id));
        hits.truncate(60);
        let folded = crate::text::fold(self.query.trim());
        self.groups = GroupKind::ALL
            .into_iter()
            .filter(|k| crate::text::fold(k.label()).contains(&folded))
            .collect();
        self.hits = hits;
        self.cached_for = Some(self.query.clone());
    }
}

/// Draws the palette; returns the item clicked, if any (drags are dropped on the canvas).
pub(super) fn palette_ui(
    ui: &mut Ui,
    state: &mut PaletteState,
    s: &Strings,
) -> Option<PaletteItem> {
    ui.add_space(4.0);
    let label = ui.label(RichText::new(s.diagram_palette).strong());
    ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .hint_text(s.diagram_palette_hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.label(RichText::new(s.diagram_drag_hint).small().weak());
    ui.separator();
    let mut add = None;
    let searching = !state.query.trim().is_empty();
    if searching {
        state.refresh();
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if searching {
                for kind in &state.groups {
                    if let Some(item) = group_row_ui(ui, *kind) {
                        add = Some(item);
                    }
                }
                for id in &state.hits {
                    if let Some(item) = service_row_ui(ui, *id) {
                        add = Some(item);
                    }
                }
            } else {
                egui::CollapsingHeader::new(RichText::new(s.diagram_groups).strong())
                    .default_open(true)
                    .show(ui, |ui| {
                        for kind in GroupKind::ALL {
                            if let Some(item) = group_row_ui(ui, kind) {
                                add = Some(item);
                            }
                        }
                    });
                for (category, icons) in state.categories() {
                    egui::CollapsingHeader::new(format!("{category} ({})", icons.len()))
                        .id_salt(("palette_cat", category.as_str()))
                        .show(ui, |ui| {
                            for id in icons {
                                if let Some(item) = service_row_ui(ui, *id) {
                                    add = Some(item);
                                }
                            }
                        });
                }
            }
        });
    add
}

fn group_row_ui(ui: &mut Ui, kind: GroupKind) -> Option<PaletteItem> {
    let icon = kind
        .icon_name()
        .and_then(|n| Catalog::bundled().by_aws_name(n))
        .map(|i| i.id);
    palette_row_ui(ui, PaletteItem::Group(kind), icon, kind.label())
}

/// The small picture of a group the AWS icon set has no icon for (Availability Zone,
/// security group): its box as the canvas draws it, colour and dashes included.
fn group_swatch_ui(ui: &mut Ui, kind: GroupKind, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::Vec2::splat(size), egui::Sense::hover());
    let [r, g, b] = kind.color();
    let color = egui::Color32::from_rgb(r, g, b);
    let rect = rect.shrink(2.0);
    let stroke = egui::Stroke::new(1.5, color);
    if kind.dashed() {
        let c = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        ui.painter()
            .extend(egui::Shape::dashed_line(&c, stroke, 3.0, 2.0));
    } else {
        ui.painter()
            .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
}

fn service_row_ui(ui: &mut Ui, id: IconId) -> Option<PaletteItem> {
    let icon = Catalog::bundled().get(id)?;
    palette_row_ui(
        ui,
        PaletteItem::Service(icon.aws_name.clone()),
        Some(id),
        &crate::ui::widgets::icon_name(id),
    )
}

/// One palette row: drag it onto the canvas, or click it to add at the centre.
fn palette_row_ui(
    ui: &mut Ui,
    item: PaletteItem,
    icon: Option<IconId>,
    name: &str,
) -> Option<PaletteItem> {
    let id = egui::Id::unique(("palette_item", name));
    let mut clicked = false;
    ui.dnd_drag_source(id, item.clone(), |ui| {
        ui.horizontal(|ui| {
            match (&item, icon) {
                (PaletteItem::Group(kind), None) => group_swatch_ui(ui, *kind, 22.0),
                _ => crate::ui::widgets::icon_ui(ui, icon, 22.0),
            }
            clicked = ui
                .add(egui::Button::new(name).frame(false).truncate())
                .on_hover_text(name)
                .clicked();
        });
    });
    clicked.then_some(item)
}
