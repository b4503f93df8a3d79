//! The Review panel: the architecture review's findings on the diagram, in the interface
//! language. Each finding shows its severity, its title (clicking it selects its nodes on
//! the canvas), its exam domain, the explanation, a link to the AWS documentation page it
//! rests on, links to the notes and the bank questions about its services, and an *Accept*
//! button that asks for a reason. Accepted findings are listed apart and can be reopened.
//!
//! The review runs again only when the document changes ([`Editor::revision`]), never just
//! because a frame is drawn; accepting and reopening are editor commands (one undo step
//! each, saved in the file).

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};

use super::DiagramCtx;
use crate::diagram::editor::{DiagramCommand, Editor};
use crate::diagram::model::NodeId;
use crate::diagram::review::{self, Finding, Report, Severity};
use crate::i18n::{Lang, Strings};

/// What the panel keeps: the last report and the revision it is for, the finding whose
/// reason is being typed.
#[derive(Default)]
pub(super) struct ReviewState {
    cached: Option<(u64, Report)>,
    /// How many times the review ran (tests check it does not run every frame).
    runs: u64,
    /// The finding being accepted (rule id, nodes) and the reason typed so far.
    accepting: Option<(&'static str, Vec<NodeId>, String)>,
}

impl ReviewState {
    /// The report for the editor's current document, reviewed again only if it changed.
    fn report(&mut self, editor: &Editor) -> &Report {
        let revision = editor.revision();
        if self.cached.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.runs += 1;
            self.cached = Some((revision, review::report(editor.diagram())));
        }
        &self.cached.get_or_insert_with(Default::default).1
    }

    /// How many times the review ran.
    pub(super) fn runs(&self) -> u64 {
        self.runs
    }
}

fn severity_text(severity: Severity, s: &Strings) -> &'static str {
    match severity {
        Severity::High => s.review_high,
        Severity::Medium => s.review_medium,
        Severity::Low => s.review_low,
    }
}

fn severity_color(severity: Severity, ui: &Ui) -> Color32 {
    match severity {
        Severity::High => ui.visuals().error_fg_color,
        Severity::Medium => ui.visuals().warn_fg_color,
        Severity::Low => ui.visuals().weak_text_color(),
    }
}

fn domain_text(domain: crate::quiz::Domain, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => domain.label_fr(),
        Lang::En => domain.label_en(),
    }
}

/// The severity and the title, which selects the finding's nodes when clicked.
fn heading_ui(ui: &mut Ui, f: &Finding, cx: &DiagramCtx<'_>, out: &mut Vec<DiagramCommand>) {
    let s = cx.lang.strings();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(severity_text(f.rule.severity, s))
                .color(severity_color(f.rule.severity, ui))
                .strong(),
        );
        let title = ui
            .add(egui::Button::new(RichText::new(f.rule.title(cx.lang)).strong()).frame(false))
            .on_hover_text(s.review_select);
        if title.clicked() {
            out.push(DiagramCommand::Select {
                nodes: f.nodes.iter().copied().collect(),
                edges: BTreeSet::new(),
            });
        }
    });
}

/// The documentation link and the links to the notes and questions about the services.
fn links_ui(ui: &mut Ui, f: &Finding, cx: &DiagramCtx<'_>, out: &mut Vec<DiagramCommand>) {
    let s = cx.lang.strings();
    let services = crate::services::Catalog::bundled();
    ui.horizontal_wrapped(|ui| {
        ui.hyperlink_to(s.review_doc, f.rule.doc_url)
            .on_hover_text(f.rule.doc_url);
        for key in f.rule.services {
            let Some(id) = services.by_key(key) else {
                continue;
            };
            let short = services.short_name(id);
            if let Some(topic) = (cx.topic_of_service)(key)
                && ui
                    .small_button(format!("{} {short}", s.review_note))
                    .clicked()
            {
                out.push(DiagramCommand::OpenNote(topic));
            }
            if (cx.has_questions)(short)
                && ui
                    .small_button(format!("{} {short}", s.review_questions))
                    .clicked()
            {
                out.push(DiagramCommand::PracticeService(short.to_owned()));
            }
        }
    });
}

/// The *Accept…* button, or the reason field and its buttons once pressed.
fn accept_ui(
    ui: &mut Ui,
    accepting: &mut Option<(&'static str, Vec<NodeId>, String)>,
    f: &Finding,
    s: &'static Strings,
    out: &mut Vec<DiagramCommand>,
) {
    let this = accepting
        .as_ref()
        .is_some_and(|(rule, nodes, _)| *rule == f.rule.id && *nodes == f.nodes);
    if !this {
        if ui.button(s.review_accept).clicked() {
            *accepting = Some((f.rule.id, f.nodes.clone(), String::new()));
        }
        return;
    }
    let Some((_, _, reason)) = accepting.as_mut() else {
        return;
    };
    let label = ui.label(s.review_reason);
    let field = ui
        .add(
            egui::TextEdit::singleline(reason)
                .hint_text(s.review_reason_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button(s.review_accept_confirm).clicked() || entered {
            out.push(DiagramCommand::AcceptFinding {
                rule: f.rule.id.to_owned(),
                nodes: f.nodes.clone(),
                reason: reason.clone(),
            });
            done = true;
        }
        if ui.button(s.cancel).clicked() {
            done = true;
        }
    });
    if done {
        *accepting = None;
    }
}

/// The panel's content.
pub(super) fn review_ui(
    ui: &mut Ui,
    state: &mut ReviewState,
    editor: &Editor,
    cx: &DiagramCtx<'_>,
    out: &mut Vec<DiagramCommand>,
) {
    let s = cx.lang.strings();
    let report = state.report(editor).clone();
    ui.heading(s.review_title);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            if report.open.is_empty() && report.accepted.is_empty() {
                ui.label(RichText::new(s.review_clean).weak());
            }
            if !report.open.is_empty() {
                ui.label(
                    RichText::new(format!("{} ({})", s.review_open, report.open.len())).strong(),
                );
                // Most severe first; the review's order otherwise.
                let mut open: Vec<&Finding> = report.open.iter().collect();
                open.sort_by_key(|f| f.rule.severity);
                for (i, f) in open.into_iter().enumerate() {
                    ui.push_id(("open", i), |ui| {
                        ui.separator();
                        heading_ui(ui, f, cx, out);
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                s.review_domain,
                                domain_text(f.rule.domain, cx.lang)
                            ))
                            .small()
                            .weak(),
                        );
                        ui.label(f.rule.explanation(cx.lang));
                        links_ui(ui, f, cx, out);
                        accept_ui(ui, &mut state.accepting, f, s, out);
                    });
                }
            }
            if !report.accepted.is_empty() {
                ui.add_space(8.0);
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    s.review_accepted,
                    report.accepted.len()
                ))
                .id_salt("review_accepted")
                .default_open(true)
                .show(ui, |ui| {
                    for (i, item) in report.accepted.iter().enumerate() {
                        ui.push_id(("accepted", i), |ui| {
                            ui.separator();
                            heading_ui(ui, &item.finding, cx, out);
                            let reason = if item.reason.is_empty() {
                                s.review_no_reason
                            } else {
                                item.reason.as_str()
                            };
                            ui.label(RichText::new(reason).italics());
                            if !item.still_found {
                                ui.label(RichText::new(s.review_gone).small().weak());
                            }
                            if ui.button(s.review_reopen).clicked() {
                                out.push(DiagramCommand::ReopenFinding {
                                    rule: item.finding.rule.id.to_owned(),
                                    nodes: item.finding.nodes.clone(),
                                });
                            }
                        });
                    }
                });
            }
        });
}
