//! `qinqing check` (STUB: being written).

use std::process::ExitCode;

/// Arguments of `qinqing check`.
#[derive(clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args) -> ExitCode {
    ExitCode::from(2)
}
