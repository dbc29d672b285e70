//! `qinqing check uscc|ric|phone|division VALUE`: checks one identifier and prints the
//! answer as JSON. Exit codes: 0 valid (warnings allowed), 1 invalid.

use std::io::Write;
use std::process::ExitCode;

use qinqing_core::Level;

use crate::validate::{pretty, Common};

/// Which identifier to check.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum What {
    /// Unified social credit code (GB 32100-2015).
    Uscc,
    /// Resident identity card number (GB 11643-1999).
    Ric,
    /// Phone number.
    Phone,
    /// Guangxi division code (GB/T 2260).
    Division,
}

/// Administrative level, for `check division`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum LevelArg {
    /// 自治区.
    Region,
    /// 设区市.
    City,
    /// 县（市、区）.
    County,
}

/// Arguments of `qinqing check`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// uscc, ric, phone or division.
    #[arg(value_enum)]
    what: What,
    /// The value to check.
    value: String,
    /// For `division`: the level the code must have.
    #[arg(long, value_enum)]
    level: Option<LevelArg>,
    #[command(flatten)]
    common: Common,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let options = args.common.options();
    let level = args.level.map(|level| match level {
        LevelArg::Region => Level::Region,
        LevelArg::City => Level::City,
        LevelArg::County => Level::County,
    });
    let answer = match args.what {
        What::Uscc => qinqing_core::check_uscc(&args.value, &options),
        What::Ric => qinqing_core::check_ric(&args.value, &options),
        What::Phone => qinqing_core::check_phone(&args.value, &options),
        What::Division => qinqing_core::check_division(&args.value, level, &options),
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout().lock(), "{}", pretty(&answer));
    if answer.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
