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
    /// Columns available; wider formulas break at `=`, then at `+`/`−`
    #[arg(long, default_value_t = 80, value_name = "N")]
    pub width: usize,
}

/// Renders the formula to standard output.
pub fn run(args: &FormulaArgs, ascii: bool) -> anyhow::Result<ExitCode> {
    let opts = RenderOptions {
        glyphs: if ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
        width: args.width,
    };
    match formula::render(&args.tex, &opts) {
        Ok(rendered) => {
            println!("{}", rendered.to_text());
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
