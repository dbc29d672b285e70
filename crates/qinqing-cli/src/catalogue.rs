//! `qinqing catalogue [--lang zh|en]`: prints the prohibition catalogue as JSON.

use std::io::Write;
use std::process::ExitCode;

use qinqing_core::Lang;

use crate::validate::parse_lang;

/// Arguments of `qinqing catalogue`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Language of the titles.
    #[arg(long, default_value = "zh", value_parser = parse_lang)]
    lang: Lang,
}

pub(crate) fn run(args: Args) -> ExitCode {
    match serde_json::to_string_pretty(&qinqing_core::catalogue(args.lang)) {
        Ok(json) => {
            let _ = writeln!(std::io::stdout().lock(), "{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("qinqing: cannot print the catalogue: {err}");
            ExitCode::from(2)
        }
    }
}
