//! `nnstep data generate [--out DIR]`: writes every built-in dataset as CSV.
//!
//! File naming (see [`builtin::Builtin::files`]): `<name>.csv` for a dataset
//! without a test split, `<name>.train.csv` and `<name>.test.csv` for one with
//! a test split. The files in the repository's `data/` are exactly what this
//! command writes with the default `--out data`; a test keeps them so.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use crate::dataset::builtin;
use crate::dataset::csv_io::write_csv;

#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Write every built-in dataset as CSV into a folder
    Generate {
        /// Folder to write into (created if missing); existing files of the
        /// same names are replaced
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
}

pub fn run(action: DataAction) -> anyhow::Result<ExitCode> {
    match action {
        DataAction::Generate { out } => {
            std::fs::create_dir_all(&out)
                .with_context(|| format!("cannot create folder {}", out.display()))?;
            for data in builtin::generate_all() {
                for (file, table) in data.files() {
                    let path = out.join(&file);
                    std::fs::write(&path, write_csv(table))
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    say!("wrote {} ({} rows)", path.display(), table.rows());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
