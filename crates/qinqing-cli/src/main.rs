//! `qinqing`: the command line over qinqing-core.
//!
//! Exit codes: 0 valid (or success), 1 invalid, 2 unreadable input or bad usage.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod calendar;
mod catalogue;
mod check;
mod deadline;
mod validate;

/// Validate 亲清 complaints and commitment contracts, check identifiers, compute §八 reply
/// deadlines.
#[derive(Parser)]
#[command(name = "qinqing", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a complaint or a contract document (JSON).
    Validate(validate::Args),
    /// Check one identifier: uscc, ric, phone or division.
    Check(check::Args),
    /// Print the prohibition catalogue as JSON.
    Catalogue(catalogue::Args),
    /// Print the working-day status of each date in a range.
    Calendar(calendar::Args),
    /// Compute the written-reply deadline of a complaint.
    Deadline(deadline::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout with success, usage errors to stderr.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Check(args) => check::run(args),
        Command::Catalogue(args) => catalogue::run(args),
        Command::Calendar(args) => calendar::run(args),
        Command::Deadline(args) => deadline::run(args),
    }
}
