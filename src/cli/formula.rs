//! `nnstep formula 'TEX' [--ascii] [--width N]`: prints a rendering, for
//! lesson authors and tests. A parse error prints the source, a caret under
//! the offset and what was expected, and exits with 1; an unknown command is
//! drawn as its source and reported as a warning on standard error.

use std::process::ExitCode;

use crate::formula::{self, Glyphs, RenderOptions};

/// Arguments of `nnstep formula`.
#[derive(Debug, Clone, clap::Args)]
pub struct FormulaArgs {
    /// The formula, in LaTeX without `$` delimiters (it may start with `-`)
    #[arg(value_name = "TEX", allow_hyphen_values = true)]
    pub tex: String,
    /// Columns available (1 to 1000); wider formulas break at `=`, then at `+`/`−`
    #[arg(long, default_value_t = 80, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=i64::from(MAX_WIDTH)))]
    pub width: u16,
}

/// The widest rendering asked for: wider than any terminal.
pub const MAX_WIDTH: u16 = 1000;

/// Renders the formula to standard output.
pub fn run(args: &FormulaArgs, ascii: bool) -> anyhow::Result<ExitCode> {
    let opts = RenderOptions {
        glyphs: if ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
        width: usize::from(args.width),
    };
    match formula::render(&args.tex, &opts) {
        Ok(rendered) => {
            say!("{}", rendered.to_text());
            for w in &rendered.warnings {
                for line in w.snippet(&args.tex, opts.width) {
                    eprintln!("{line}");
                }
                eprintln!("warning: {w} (drawn as its source)");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            for line in err.snippet(&args.tex, opts.width) {
                eprintln!("{line}");
            }
            eprintln!("error: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
