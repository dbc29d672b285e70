//! `qinqing calendar` (STUB: being written).

use std::process::ExitCode;

/// Arguments of `qinqing calendar`.
#[derive(clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args) -> ExitCode {
    ExitCode::from(2)
}
