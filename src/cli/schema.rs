//! `nnstep schema`: prints the JSON Schema of the lesson format, for editors
//! with a YAML language server.

use std::process::ExitCode;

pub fn run() -> anyhow::Result<ExitCode> {
    let schema = crate::lesson::schema::lesson_schema();
    say!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}
