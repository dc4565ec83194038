//! `nnstep class start|join|status|report`: a class following the
//! instructor over a Unix socket (see `docs/class-protocol.md`).

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};

use super::GlobalArgs;
use super::browse::open_store;
use super::run::lang;
use crate::class::client::{self, StatusError};
use crate::class::place;
use crate::class::server::{self, DEFAULT_MAX_CONNECTIONS, LessonOffer, Server};
use crate::lesson::{Catalog, LessonSource, StepKind};
use crate::plain::class_learner::{self, OpenLesson};
use crate::plain::class_teacher::{self, ReportTo};
use crate::plain::runner::Options;
use crate::progress::Store;
use crate::session;
use crate::tui::{self, class_loop::ClassLink, class_loop::Ending};
use crate::words::class::{self as cw, class_words};

#[derive(Debug, Subcommand)]
pub enum ClassAction {
    /// Start a class: learners join it and follow your steps
    Start(StartArgs),
    /// Join a class and follow the instructor
    Join(JoinArgs),
    /// Print a running class's learners and tally (for the instructor)
    Status(StatusArgs),
    /// Write a running class's tally as CSV and a Markdown summary
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct StartArgs {
    /// A lesson id (ch04) or the path of a lesson file (default: ch04)
    pub lesson: Option<String>,
    /// The class's name, which learners join by (default: the lesson id)
    #[arg(long, value_name = "CLASS")]
    pub name: Option<String>,
    /// Listen at this socket path instead of the shared class folder
    #[arg(long, value_name = "PATH")]
    pub socket: Option<PathBuf>,
    /// The join code (default: made up; a class that was not ended is
    /// restarted with its code, key and results)
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// Begin a new class even if one of this name was not ended (its
    /// results are not carried over)
    #[arg(long)]
    pub fresh: bool,
    /// Only members of this group may connect (socket mode 0660)
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Line commands on standard input instead of the full-screen view
    #[arg(long)]
    pub plain: bool,
    /// On `end`, write the tally to STEM.csv and STEM.md
    #[arg(long, value_name = "STEM")]
    pub report: Option<PathBuf>,
    /// Connections at once; more are refused
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
}

#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The class name, or the socket path (anything with a '/')
    pub class: String,
    /// The join code (asked for when not given)
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// Your name as the instructor sees it (anonymous when not given)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Plain text, answers and commands on standard input
    #[arg(long)]
    pub plain: bool,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The class name, or the socket path
    pub class: String,
    /// The instructor key (default: the one saved in your data folder when
    /// you started the class; the join code is not enough)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The class name, or the socket path
    pub class: String,
    /// Write STEM.csv and STEM.md
    #[arg(long, value_name = "STEM")]
    pub out: PathBuf,
    /// The instructor key (default: the one saved when you started the class)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
}

pub fn run(action: &ClassAction, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    match action {
        ClassAction::Start(a) => start(a, global),
        ClassAction::Join(a) => join(a, global),
        ClassAction::Status(a) => status(a, global),
        ClassAction::Report(a) => report(a, global),
    }
}

fn report_to(stem: &Path) -> ReportTo {
    ReportTo {
        csv: stem.with_extension("csv"),
        markdown: stem.with_extension("md"),
    }
}

/// The instructor's data folder, if there is one.
fn data_dir() -> Option<PathBuf> {
    Store::from_env(|k| std::env::var(k).ok()).map(|s| s.dir().to_path_buf())
}

/// Where the instructor keeps the class's code and key, if there is a
/// data folder.
fn code_file(socket: &Path) -> Option<PathBuf> {
    Some(place::code_file(&data_dir()?, socket))
}

fn start(a: &StartArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = lang(global);
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    let name = a.lesson.as_deref().unwrap_or("ch04");
    let lesson = match cat.find(name) {
        Ok(l) => l,
        Err(diags) => {
            for d in diags {
                eprint!("{d}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let builtin = cat
        .get(name)
        .is_some_and(|e| matches!(e.source, LessonSource::Builtin(_)));
    let text = if builtin {
        None
    } else if let Some(e) = cat.get(name) {
        Some(e.text.clone())
    } else {
        Some(crate::lesson::load::read_text(Path::new(name)).map_err(|d| anyhow::anyhow!("{d}"))?)
    };
    let class = a.name.clone().unwrap_or_else(|| {
        if place::valid_name(&lesson.id) {
            lesson.id.clone()
        } else {
            "class".into()
        }
    });
    if !place::valid_name(&class) {
        anyhow::bail!("{}", place::PlaceError::BadName(class));
    }
    let path = match &a.socket {
        Some(p) => p.clone(),
        None => place::socket_for(&class)?,
    };
    let saved = code_file(&path);
    let asked = a.code.as_deref().map(place::normalize_code).transpose()?;
    let begin = place::begin(
        saved.as_deref().and_then(place::load_private),
        asked,
        a.fresh,
        place::make_key,
    )
    .context("making the instructor key")?;
    let code = begin.private.code.clone();
    let tally_file = data_dir().map(|d| server::TallyFile {
        path: place::tally_file(&d, &path),
        resume: begin.resume,
    });
    if tally_file.is_none() {
        eprintln!(
            "note: no data folder: a restarted instructor will not have the results received"
        );
    }
    let group = a.group.as_deref().map(place::group_id).transpose()?;
    let questions = offered_questions(&lesson);
    let offer = LessonOffer {
        id: lesson.id.clone(),
        text,
        questions,
    };
    let (notices, rx) = std::sync::mpsc::sync_channel(256);
    // The full-screen view shows the notices in its class panel.
    let rx = if a.plain {
        class_teacher::print_notices(rx, lang);
        None
    } else {
        Some(rx)
    };
    let server = Arc::new(Server::start(server::Config {
        path: path.clone(),
        class: class.clone(),
        code: code.clone(),
        lesson: offer,
        max_connections: a.max_connections.max(1),
        group,
        notices: Some(notices),
        max_rate: server::MAX_RATE,
        key: begin.private.key.clone(),
        tally_file,
    })?);
    if let Some(f) = &saved
        && let Err(e) = place::save_private(f, &begin.private)
    {
        eprintln!(
            "note: the code and instructor key were not saved ({e}): `class status` and a restart will not find them"
        );
    }
    if begin.resume {
        say!(
            "{}",
            crate::words::class_follow::resumed(lang, &class, &server.snapshot())
        );
    }
    let join_target = if a.socket.is_some() {
        path.display().to_string()
    } else {
        class.clone()
    };
    say!(
        "{}",
        cw::started(
            lang,
            &class,
            &path.display().to_string(),
            &code,
            &join_target
        )
    );
    let report = a.report.as_deref().map(report_to);
    if let Some(rx) = rx {
        let code_line = (code, join_target);
        let exit = teach_tui(&server, lesson, rx, code_line, global, report.as_ref());
        if let Some(f) = &saved {
            let _ = std::fs::remove_file(f);
        }
        return exit;
    }
    close_on_signal(&server);
    let mut session = session::Session::new(lesson).with_seed(global.seed);
    let stdin = std::io::stdin();
    class_teacher::teach(
        &server,
        &mut session,
        &mut stdin.lock(),
        lang,
        report.as_ref(),
    )?;
    if let Some(f) = &saved {
        let _ = std::fs::remove_file(f);
    }
    Ok(ExitCode::SUCCESS)
}

/// What the class tallies, in lesson order: each quiz step's questions,
/// and the prediction of each train or compare step that asks one.
fn offered_questions(lesson: &crate::lesson::Lesson) -> Vec<(String, Vec<String>)> {
    (lesson.steps.iter())
        .filter_map(|s| match &s.kind {
            StepKind::Quiz(qs) => Some((s.id.clone(), qs.iter().map(|q| q.id.clone()).collect())),
            k => k.predict().map(|p| (s.id.clone(), vec![p.id.clone()])),
        })
        .collect()
}

fn tui_config(global: &GlobalArgs) -> tui::Config {
    tui::Config {
        lang: lang(global),
        theme: tui::Theme::new(global.ascii, std::env::var("NO_COLOR").ok().as_deref()),
        seed: global.seed,
    }
}

fn exit_of(signal: Option<i32>) -> ExitCode {
    signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(u8::try_from(128 + s).unwrap_or(1))
    })
}

/// The instructor's full-screen class: the lesson in the normal view with
/// the class panel (open at first: it shows the join code) and the class
/// keys. Quitting ends the class (the report is written first).
fn teach_tui(
    server: &Arc<Server>,
    lesson: crate::lesson::Lesson,
    notices: std::sync::mpsc::Receiver<crate::class::Notice>,
    (code, join): (String, String),
    global: &GlobalArgs,
    report: Option<&ReportTo>,
) -> anyhow::Result<ExitCode> {
    use crate::tui::class_ui::{ClassUi, TeacherUi};
    let lang = lang(global);
    let (store, progress, note) = open_store();
    let kept = lesson.clone();
    let entries = vec![tui::Entry::loaded(lesson)];
    let mut app = tui::App::open(entries, progress, tui_config(global), 0, Some(0));
    app.notice = note;
    app.class = Some(Box::new(ClassUi::Teacher(TeacherUi {
        panel: true,
        join: Some((code, join)),
        ..TeacherUi::default()
    })));
    let mut link = ClassLink::teacher(Arc::clone(server), notices);
    let run = tui::event_loop::run_class(app, store.as_ref(), Some(&mut link));
    if let Some(to) = report {
        match class_teacher::write_report(server, to, lang, Some(&kept)) {
            Ok(l) => say!("{l}"),
            Err(e) => eprintln!("error: {e:#}"),
        }
    }
    server.end();
    say!("{}", class_words(lang).ended);
    let (signal, _) = run?;
    Ok(exit_of(signal))
}

/// Removes the socket when the instructor's instance is stopped by a signal.
fn close_on_signal(server: &Arc<Server>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let s = Arc::clone(server);
    let _ = std::thread::Builder::new()
        .name("class-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                s.close();
                std::process::exit(128 + sig);
            }
        });
}

fn ask_code(lang: crate::lesson::Lang, input: &mut dyn BufRead) -> anyhow::Result<String> {
    say_part!("{}", class_words(lang).code_prompt);
    std::io::stdout().flush()?;
    let mut line = String::new();
    input.read_line(&mut line)?;
    Ok(place::normalize_code(&line)?)
}

fn join(a: &JoinArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = lang(global);
    let path = place::socket_for(&a.class)?;
    let stdin = std::io::stdin();
    let code = match &a.code {
        Some(c) => place::normalize_code(c)?,
        None => ask_code(lang, &mut stdin.lock())?,
    };
    let (store, progress, note) = open_store();
    if let Some(n) = note {
        eprintln!("note: {n}");
    }
    let token = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        ("nnstep-class", progress.learner_seed()).hash(&mut h);
        h.finish().max(1)
    };
    let lessons = global.lessons.clone();
    let seed = global.seed;
    let learner_progress = progress.clone();
    let open: OpenLesson = Box::new(move |id, text| {
        let lesson = match text {
            None => Catalog::with_dir(lessons.as_deref()).0.find(id),
            Some(t) => {
                crate::lesson::load::text_from_bytes("instructor's lesson", t.as_bytes().to_vec())
                    .map_err(|d| vec![d])
                    .and_then(|t| {
                        crate::lesson::load_str("instructor's lesson", &t, Path::new("<class>"))
                    })
            }
        };
        let lesson = lesson.map_err(|ds| ds.iter().map(ToString::to_string).collect::<String>())?;
        session::open(lesson, &learner_progress, seed, Some(0))
            .map(|o| o.session)
            .map_err(|e| e.to_string())
    });
    let cfg = client::Config {
        path,
        code,
        name: a.name.clone(),
        token,
    };
    if !a.plain {
        return join_tui(cfg, open, store.as_ref(), progress, global);
    }
    let opts = Options {
        lang,
        ascii: global.ascii,
        ..Options::default()
    };
    let save: class_learner::Save = Box::new(move |s| {
        for change in s.take_changes() {
            if let Some(store) = &store
                && let Err(e) = store.apply(&change)
            {
                eprintln!("note: {e}");
            }
        }
    });
    let input = Box::new(std::io::BufReader::new(std::io::stdin()));
    class_learner::follow_class(cfg, open, save, input, &mut std::io::stdout().lock(), opts)
}

/// A learner's full-screen class: waits for the lesson, then follows.
fn join_tui(
    cfg: client::Config,
    open: OpenLesson,
    store: Option<&Store>,
    progress: crate::progress::Progress,
    global: &GlobalArgs,
) -> anyhow::Result<ExitCode> {
    let (tx, rx) = std::sync::mpsc::channel();
    let client = client::Client::start(cfg, move |e| {
        let _ = tx.send(e);
    });
    let app = tui::App::learner_waiting(progress, tui_config(global));
    let mut link = ClassLink::learner(client, rx, open);
    let (signal, ending) = tui::event_loop::run_class(app, store, Some(&mut link))?;
    drop(link);
    match ending {
        Some(Ending::Refused(msg) | Ending::Lesson(msg)) => {
            eprint!("{msg}");
            if !msg.ends_with('\n') {
                eprintln!();
            }
            Ok(ExitCode::FAILURE)
        }
        None => Ok(exit_of(signal)),
    }
}

/// The instructor key for status and report: `--key`, else the saved one.
fn key_for(path: &Path, key: Option<&str>) -> anyhow::Result<String> {
    if let Some(k) = key {
        let k = k.trim().to_ascii_lowercase();
        anyhow::ensure!(
            place::valid_key(&k),
            "--key: an instructor key is {} hex digits (it is not the join code)",
            place::KEY_HEX
        );
        return Ok(k);
    }
    code_file(path)
        .as_deref()
        .and_then(place::load_private)
        .map(|p| p.key)
        .context("no instructor key saved for this class in your data folder: status and report are for the instructor who started it (the join code is not enough)")
}

fn snapshot(class: &str, key: Option<&str>) -> anyhow::Result<crate::class::Snapshot> {
    let path = place::socket_for(class)?;
    let key = key_for(&path, key)?;
    client::status(&path, &key).map_err(|e| match e {
        StatusError::Refused(crate::class::Refusal::Instructor) => anyhow::anyhow!(
            "the class at {} refused: status needs the instructor key of that class",
            path.display()
        ),
        other => anyhow::anyhow!(other),
    })
}

/// The class's lesson as this user's catalog has it (for its questions'
/// text), if it has it.
fn lesson_of(snap: &crate::class::Snapshot, global: &GlobalArgs) -> Option<crate::lesson::Lesson> {
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    cat.find(&snap.lesson).ok()
}

fn status(a: &StatusArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let snap = snapshot(&a.class, a.key.as_deref())?;
    match a.format {
        Format::Json => say!("{}", serde_json::to_string_pretty(&snap)?),
        Format::Text => {
            let lesson = lesson_of(&snap, global);
            for l in cw::status_lines(lang(global), &snap, lesson.as_ref()) {
                say!("{l}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The snapshot of a class that no longer runs (killed, never ended),
/// from the results its instructor kept in this data folder, if any.
fn kept_snapshot(class: &str, global: &GlobalArgs) -> Option<crate::class::Snapshot> {
    let path = place::socket_for(class).ok()?;
    if std::os::unix::net::UnixStream::connect(&path).is_ok() {
        // A class answers there: its refusal stands.
        return None;
    }
    let file = place::tally_file(&data_dir()?, &path);
    let kept = crate::class::journal::read(&file, server::MAX_LEARNERS_KEPT).ok()??;
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    let questions = cat
        .find(&kept.lesson)
        .map(|l| offered_questions(&l))
        .unwrap_or_default();
    Some(crate::class::tally::snapshot_of_kept(
        &kept.class,
        &kept.lesson,
        &questions,
        &kept.kept,
    ))
}

fn report(a: &ReportArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let snap = match snapshot(&a.class, a.key.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            // No class answers there: a report from the results kept.
            let Some(s) = kept_snapshot(&a.class, global).filter(|_| a.key.is_none()) else {
                return Err(e);
            };
            say!(
                "{}",
                crate::words::class_follow::report_from_kept(lang(global), &s.class)
            );
            s
        }
    };
    let lesson = lesson_of(&snap, global);
    let line = class_teacher::write_snapshot_report(
        &snap,
        &report_to(&a.out),
        lang(global),
        lesson.as_ref(),
    )?;
    say!("{line}");
    Ok(ExitCode::SUCCESS)
}
