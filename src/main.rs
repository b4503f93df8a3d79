//! Start-up only: logging, the command line, and `eframe::run_native`.
//!
//! ```text
//! aws-study                 open the app (bundled notes, or the folder opened last time)
//! aws-study <folder>        open the app on a notes folder (an Obsidian vault)
//! aws-study check [--json] <folder>
//!                           report notes, topics, services, tiers, icons and broken links;
//!                           exit 0/2
//! aws-study questions --json
//!                           the shipped and imported questions as JSON (README)
//! aws-study convert IN OUT [--json]
//!                           convert a diagram between .awsdiagram.ron, .drawio, .svg and
//!                           .png; exit 0/1
//! aws-study drills [--list] [FILE...]
//!                           the diagram drills of the templates and of the files given;
//!                           exit 0/1
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use aws_study::{AppConfig, AwsStudyApp, check, store};

const USAGE: &str = "usage:
  aws-study                 open the app
  aws-study <folder>        open the app on a notes folder (Obsidian vault)
  aws-study check [--json] <folder>
                            check a notes folder: topics, services, frequency tiers and where
                            they come from, icons, broken links (--json: the same report as
                            JSON; exit code 0 when the folder could be read, 2 when not)
  aws-study questions --json
                            print the shipped and imported questions as JSON
  aws-study convert IN OUT [--json]
                            convert a diagram between .awsdiagram.ron, .drawio (.xml), .svg
                            and .png (by extension) and report what was approximated
                            (--json: the report as JSON; exit code 1 on error)
  aws-study drills [--list] [FILE...]
                            count the Quiz room's diagram drills of the templates and of
                            the diagram files given, by kind (--list: every drill with its
                            answer; exit code 1 when a file could not be read)";

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", folder] if !folder.starts_with('-') => run_check(folder, false),
        ["check", "--json", folder] | ["check", folder, "--json"] => run_check(folder, true),
        ["questions", "--json"] => run_questions(),
        ["convert", input, output] if !input.starts_with('-') && !output.starts_with('-') => {
            run_convert(input, output, false)
        }
        ["convert", "--json", input, output] | ["convert", input, output, "--json"]
            if !input.starts_with('-') && !output.starts_with('-') =>
        {
            run_convert(input, output, true)
        }
        ["drills", rest @ ..] => run_drills(rest),
        ["check" | "questions" | "convert", ..] => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        ["-h" | "--help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["-V" | "--version"] => {
            println!("aws-study {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        [] => run_app(None),
        [folder] if !folder.starts_with('-') => run_app(Some(PathBuf::from(folder))),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run_check(folder: &str, json: bool) -> ExitCode {
    match check::check_folder(folder.as_ref()) {
        Ok(report) if json => {
            println!("{}", report.to_json());
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", report.render());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("aws-study check: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_drills(args: &[&str]) -> ExitCode {
    use aws_study::quiz::drills::{self, DrillFile, DrillSource};
    let list = args.contains(&"--list");
    let files: Vec<DrillFile> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(|a| {
            let path = PathBuf::from(a);
            let name = path
                .file_name()
                .map_or_else(|| (*a).to_owned(), |n| n.to_string_lossy().into_owned());
            DrillFile::new(&name, path)
        })
        .collect();
    let lang = aws_study::i18n::Lang::En;
    let (mine, problems) = drills::read_files(&files, lang);
    for p in &problems {
        eprintln!("aws-study drills: {p}");
    }
    let mut sources = DrillSource::templates();
    sources.extend(mine);
    let questions = drills::generate(&sources, lang);
    print!("{}", drills::render_report(&sources, &questions, list));
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run_convert(input: &str, output: &str, json: bool) -> ExitCode {
    match aws_study::diagram::convert::convert(input.as_ref(), output.as_ref()) {
        Ok(report) if json => {
            println!("{}", report.to_json());
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", report.render());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("aws-study convert: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The shipped bank and the questions of the files imported in the Quiz room (their list is
/// in `progress.ron`, read here without writing anything), as JSON on stdout.
fn run_questions() -> ExitCode {
    let mut questions = match aws_study::quiz::bank::bundled() {
        Ok(q) => q,
        Err(e) => {
            eprintln!("aws-study questions: {e}");
            return ExitCode::from(2);
        }
    };
    let progress_file =
        store::default_data_dir().map(|d| d.join(aws_study::quiz::progress::Progress::FILE));
    if let Some(path) = progress_file.filter(|p| p.exists()) {
        let read = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                ron::from_str::<aws_study::quiz::progress::Progress>(&t).map_err(|e| e.to_string())
            });
        match read {
            Ok(progress) => {
                for file in &progress.imports {
                    match std::fs::read(file) {
                        Ok(bytes) => {
                            let label = file.file_name().map_or_else(
                                || file.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            );
                            let text = String::from_utf8_lossy(&bytes);
                            questions.extend(
                                aws_study::quiz::import::import_markdown(&label, &text).questions,
                            );
                        }
                        Err(e) => eprintln!("aws-study questions: {}: {e}", file.display()),
                    }
                }
            }
            Err(e) => eprintln!(
                "aws-study questions: {} could not be read ({e}); imported questions left out",
                path.display()
            ),
        }
    }
    println!("{}", aws_study::quiz::json::to_json(&questions));
    ExitCode::SUCCESS
}

fn run_app(vault: Option<PathBuf>) -> ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("aws-study")
        .with_app_id("aws-study")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([640.0, 400.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/aws-study.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("app icon: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let data_dir = store::default_data_dir();
    // The app takes the single-instance lock on the data folder itself: a second
    // aws-study opens a window that says why it cannot run, and touches no file.
    let config = AppConfig {
        data_dir,
        system_locale: sys_locale::get_locale(),
        vault,
    };
    let result = eframe::run_native(
        "aws-study",
        options,
        Box::new(|cc| Ok(Box::new(AwsStudyApp::new(&cc.egui_ctx, config)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aws-study: could not open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
