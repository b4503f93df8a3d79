//! Small shared widgets: the exam-frequency badge, the tier filter, AWS icon images.

use egui::{Color32, CornerRadius, Image, RichText, Ui, Vec2};

use crate::command::{Command, TierFilter};
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::icons::{Catalog, IconId};
use crate::notes::doc::HintSource;
use crate::notes::index::{Index, TierOrigin};

/// The badge colour of a tier: hot to cold.
#[must_use]
pub fn tier_color(tier: Tier) -> Color32 {
    match tier {
        Tier::TresFrequent => Color32::from_rgb(0xc6, 0x28, 0x28),
        Tier::Frequent => Color32::from_rgb(0xe6, 0x5c, 0x00),
        Tier::ModerementFrequent => Color32::from_rgb(0xb8, 0x86, 0x00),
        Tier::AConnaitre => Color32::from_rgb(0x1e, 0x6f, 0xb8),
        Tier::MoinsFrequent => Color32::from_rgb(0x6b, 0x72, 0x80),
    }
}

/// The hover text of a badge: the tier's meaning in the interface language, and where
/// the tier came from (the user, this note, another note, the service catalog's reason,
/// the parent section).
#[must_use]
pub fn tier_tooltip(
    tier: Tier,
    origin: Option<TierOrigin>,
    index: &Index,
    lang: Lang,
    s: &Strings,
) -> String {
    let origin = match origin {
        Some(TierOrigin::User) => format!("\n({})", s.tier_from_user),
        Some(TierOrigin::Notes(HintSource::Emphasis)) => format!("\n({})", s.tier_from_emphasis),
        Some(TierOrigin::Notes(_)) => format!("\n({})", s.tier_from_notes),
        Some(TierOrigin::OtherNote(n)) => {
            let title = index.notes.get(n).map_or("", |n| n.title.as_str());
            format!("\n({} {})", s.tier_from_other_note, lang.quote(title))
        }
        Some(TierOrigin::Catalog(id)) => {
            let catalog = crate::services::Catalog::bundled();
            match catalog.get(id) {
                Some(svc) => format!(
                    "\n({} — {})",
                    s.tier_from_catalog,
                    lang.labelled(&svc.short, &svc.reason)
                ),
                None => format!("\n({})", s.tier_from_catalog),
            }
        }
        Some(TierOrigin::Inherited) => format!("\n({})", s.tier_inherited),
        None => String::new(),
    };
    format!(
        "{} — {}{origin}",
        lang.tier(tier),
        lang.tier_description(tier)
    )
}

/// A coloured badge with the tier's name in the interface language. Clicking it opens a
/// menu to change the topic's tier (when `key` is given).
#[allow(clippy::too_many_arguments)] // one badge, drawn from several views
pub fn tier_badge_ui(
    ui: &mut Ui,
    tier: Option<(Tier, TierOrigin)>,
    key: Option<&str>,
    index: &Index,
    lang: Lang,
    s: &Strings,
    small: bool,
    commands: &mut Vec<Command>,
) {
    let size = if small { 11.0 } else { 12.5 };
    let (text, fill) = match tier {
        Some((t, _)) => (
            RichText::new(lang.tier(t)).size(size).color(Color32::WHITE),
            tier_color(t),
        ),
        None if key.is_some() => (
            RichText::new("+")
                .size(size)
                .color(ui.visuals().weak_text_color()),
            Color32::TRANSPARENT,
        ),
        None => return,
    };
    // Built only while hovered: a sidebar draws hundreds of badges each frame.
    let tooltip = |ui: &mut Ui| {
        let text = match tier {
            Some((t, origin)) => tier_tooltip(t, Some(origin), index, lang, s),
            None => s.set_tier.to_owned(),
        };
        ui.label(text);
    };
    let mut button = egui::Button::new(text)
        .fill(fill)
        .corner_radius(CornerRadius::same(8))
        .min_size(Vec2::new(0.0, size + 6.0));
    if matches!(tier, Some((_, TierOrigin::Inherited))) {
        button = button.fill(fill.gamma_multiply(0.55));
    }
    if matches!(tier, Some((_, TierOrigin::User))) {
        button = button.stroke(egui::Stroke::new(1.5, ui.visuals().strong_text_color()));
    }
    let Some(key) = key else {
        ui.add(button.sense(egui::Sense::hover()))
            .on_hover_ui(tooltip);
        return;
    };
    let (response, _) = egui::containers::menu::MenuButton::from_button(button)
        .ui(ui, |ui| tier_menu_ui(ui, tier, key, lang, s, commands));
    response.on_hover_ui(tooltip);
}

/// The label of a tier filter: "all tiers", "frequent or more" ("fréquent ou plus"), "no
/// tier"; the most asked tier alone reads as its own name.
#[must_use]
pub fn tier_filter_label(filter: TierFilter, lang: Lang, s: &Strings) -> String {
    match filter {
        TierFilter::All => s.all_tiers.to_owned(),
        TierFilter::AtLeast(t) => at_least_label(t, lang, s),
        TierFilter::Untagged => s.untagged.to_owned(),
    }
}

fn at_least_label(t: Tier, lang: Lang, s: &Strings) -> String {
    if t == Tier::TresFrequent {
        lang.tier(t).to_owned()
    } else {
        format!("{} {}", lang.tier(t), s.tier_or_more)
    }
}

/// The combo box that picks a [`TierFilter`] (the sidebar's, the quiz home's): every tier
/// in its colour, "or more" each, and "no tier". `width` fixes the box's width. Returns the
/// combo's response, for `labelled_by`.
pub fn tier_filter_ui(
    ui: &mut Ui,
    id_salt: &str,
    filter: &mut TierFilter,
    width: Option<f32>,
    lang: Lang,
    s: &Strings,
) -> egui::Response {
    let mut combo =
        egui::ComboBox::from_id_salt(id_salt).selected_text(tier_filter_label(*filter, lang, s));
    if let Some(width) = width {
        combo = combo.width(width);
    }
    combo
        .show_ui(ui, |ui| {
            ui.selectable_value(filter, TierFilter::All, s.all_tiers);
            for t in Tier::ALL {
                ui.selectable_value(
                    filter,
                    TierFilter::AtLeast(t),
                    RichText::new(at_least_label(t, lang, s)).color(tier_color(t)),
                );
            }
            ui.selectable_value(filter, TierFilter::Untagged, s.untagged);
        })
        .response
}

/// The menu that sets a topic's tier (from a badge, or a right-click on a sidebar row).
pub fn tier_menu_ui(
    ui: &mut Ui,
    tier: Option<(Tier, TierOrigin)>,
    key: &str,
    lang: Lang,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(s.set_tier).strong());
    for t in Tier::ALL {
        let label = RichText::new(lang.tier(t)).color(tier_color(t));
        if ui.button(label).clicked() {
            commands.push(Command::SetTier(key.to_owned(), Some(t)));
        }
    }
    if matches!(tier, Some((_, TierOrigin::User))) {
        ui.separator();
        if ui.button(s.clear_tier).clicked() {
            commands.push(Command::SetTier(key.to_owned(), None));
        }
    }
}

/// The image of a bundled AWS icon at `size` points (rasterised from the SVG at that size,
/// so it stays crisp).
#[must_use]
pub fn icon_image(id: IconId, size: f32) -> Option<Image<'static>> {
    let catalog = Catalog::bundled();
    let icon = catalog.get(id)?;
    Some(
        Image::from_bytes(catalog.uri(id), icon.svg)
            .fit_to_exact_size(Vec2::splat(size))
            .alt_text(icon_name(id)),
    )
}

/// What an icon is called: its service's short name ("Amazon S3"), else the icon's own name.
#[must_use]
pub fn icon_name(id: IconId) -> String {
    let services = crate::services::Catalog::bundled();
    match services.by_icon(id) {
        Some(s) => services.short_name(s).to_owned(),
        None => Catalog::bundled()
            .get(id)
            .map(|i| i.display_name.clone())
            .unwrap_or_default(),
    }
}

/// Draws an AWS icon with its service name on hover, or an empty space of the same size.
pub fn icon_ui(ui: &mut Ui, id: Option<IconId>, size: f32) {
    match id.and_then(|id| icon_image(id, size).map(|img| (id, img))) {
        Some((id, image)) => {
            ui.add(image).on_hover_text(icon_name(id));
        }
        None => {
            ui.add_space(size + ui.spacing().item_spacing.x);
        }
    }
}

/// Adds `DejaVu` Sans as a fallback font, so arrows, maths and other symbols that notes use
/// (`→`, `≠`, `…`) are drawn instead of boxes, on every machine and offline.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The only thing a second aws-study shows: why it cannot run, and a way out.
pub fn refused_ui(ui: &mut Ui, why: &str, s: &Strings) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.heading(s.already_open);
            ui.add_space(8.0);
            ui.label(why);
            ui.add_space(12.0);
            if ui.button(s.quit).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

/// Messages for the user (a file that could not be read, a save that failed...), each with a
/// button to dismiss it. Used by every room.
pub fn messages_ui(ui: &mut Ui, messages: &mut Vec<String>, dismiss_label: &str) {
    let mut dismiss = None;
    let color = ui.visuals().warn_fg_color;
    for (i, message) in messages.iter().enumerate() {
        egui::Frame::new()
            .fill(color.gamma_multiply(0.15))
            .stroke(egui::Stroke::new(1.0, color))
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(message).color(color));
                    if ui.button(dismiss_label).clicked() {
                        dismiss = Some(i);
                    }
                });
            });
    }
    if let Some(i) = dismiss {
        messages.remove(i);
    }
}
