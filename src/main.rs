use std::process::ExitCode;

fn main() -> ExitCode {
    nnstep::cli::main()
}
