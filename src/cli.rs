//! The command line. Each command lives in its own file under `cli/`; this
//! file holds the argument types and dispatch. Errors reach the user through
//! `anyhow` with context; `main` maps them to exit code 1 (clap's own usage
//! errors exit with 2).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// nnstep: learn the basics of neural networks in the terminal, chapter by chapter.
#[derive(Debug, Parser)]
#[command(name = "nnstep", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options shared by every command.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// Language of lesson texts and messages (default: from LANG / LC_ALL)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Use plain ASCII instead of Braille, box drawing and math glyphs
    #[arg(long, global = true)]
    pub ascii: bool,
    /// A folder of lesson files that adds to or overrides the built-in lessons
    #[arg(long, global = true, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
    /// Seed for everything random (overrides the lesson's or spec's own seed)
    #[arg(long, global = true, value_name = "S")]
    pub seed: Option<u64>,
    /// Let lessons and specs read data files outside their own folder
    /// (absolute paths, `..`, links leading out); still regular files only
    #[arg(long, global = true)]
    pub allow_data_anywhere: bool,
}

/// A display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Train a network from a spec file, headless
    Train(train::TrainArgs),
    /// Evaluate a spec's network without training: loss, metric and predictions on every set
    Eval(train::EvalArgs),
    /// Generate the built-in datasets as CSV files
    Data {
        #[command(subcommand)]
        action: data::DataAction,
    },
    /// Print a LaTeX formula as 2-D text (for lesson authors)
    Formula(formula::FormulaArgs),
    /// Run a lesson as plain text: for pipes, screen readers and handouts (quiz answers from standard input)
    Run(run::RunArgs),
    /// List the lessons
    List,
    /// Check lesson files (all built-in lessons when no path is given)
    Check(check::CheckArgs),
    /// Print the JSON Schema of the lesson format
    Schema,
    /// Open a lesson full-screen, where you stopped or at a step
    Open(browse::OpenArgs),
    /// Show the saved progress, reset it, export quiz results, review misses
    Progress(progress::ProgressArgs),
    /// Teach or join a class: learners follow the instructor on their own screens
    Class {
        #[command(subcommand)]
        action: class::ClassAction,
    },
}

/// `println!` that returns a closed pipe (`nnstep progress | head`) as an
/// error, which `main` ends quietly, instead of panicking. Only in functions
/// returning a `Result` that takes `std::io::Error`.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?
    }};
}

/// [`say!`] without the newline.
macro_rules! say_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*)?
    }};
}

mod browse;
mod check;
mod class;
mod code;
mod data;
mod formula;
mod list;
mod progress;
mod results;
pub mod run;
mod schema;
pub mod train;

/// Parses the process arguments, runs the command and maps the outcome to an
/// exit code, printing any error to standard error.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A closed pipe (`nnstep train … | head`) is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::dataset::access::allow_anywhere(cli.global.allow_data_anywhere);
    match cli.command {
        Some(Command::Data { action }) => data::run(action),
        Some(Command::Train(args)) => train::run(args, &cli.global),
        Some(Command::Eval(args)) => train::eval(args, &cli.global),
        Some(Command::Formula(args)) => formula::run(&args, cli.global.ascii),
        Some(Command::Run(args)) => run::run(&args, &cli.global),
        Some(Command::List) => list::run(&cli.global),
        Some(Command::Check(args)) => check::run(&args, &cli.global),
        Some(Command::Schema) => schema::run(),
        Some(Command::Open(args)) => browse::run(browse::Target::Lesson(&args), &cli.global),
        Some(Command::Progress(args)) => progress::run(&args, &cli.global),
        Some(Command::Class { action }) => class::run(&action, &cli.global),
        None => browse::run(browse::Target::Home, &cli.global),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
