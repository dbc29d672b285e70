//! `qinqing validate complaint|contract [FILE|-]`: prints the answer as JSON.
//!
//! Exit codes: 0 valid, 1 invalid (for `--ndjson`: any line invalid), 2 unreadable input
//! (missing file, not UTF-8).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{FixedOffset, NaiveDate, Utc};
use qinqing_core::{Answer, Lang, Options};

/// Which document the input holds.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Kind {
    /// A complaint about an official's conduct.
    Complaint,
    /// An investment commitment contract and its changes.
    Contract,
}

/// Options shared by `validate` and `check`.
#[derive(clap::Args)]
pub(crate) struct Common {
    /// Language of the messages.
    #[arg(long, default_value = "zh", value_parser = parse_lang)]
    pub(crate) lang: Lang,
    /// The date "today" (YYYY-MM-DD); defaults to the current date in China (UTC+8).
    #[arg(long, value_parser = parse_today)]
    pub(crate) today: Option<NaiveDate>,
}

impl Common {
    pub(crate) fn options(&self) -> Options {
        Options {
            lang: self.lang,
            today: Some(self.today.unwrap_or_else(today_in_china)),
        }
    }
}

/// Arguments of `qinqing validate`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// complaint or contract.
    #[arg(value_enum)]
    kind: Kind,
    /// The JSON file; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Read one document per line (NDJSON) and print one compact answer per line.
    #[arg(long)]
    ndjson: bool,
    #[command(flatten)]
    common: Common,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let text = match read_input(args.file.as_deref()) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("qinqing: {message}");
            return ExitCode::from(2);
        }
    };
    let options = args.common.options();
    let validate = |document: &str| match args.kind {
        Kind::Complaint => qinqing_core::validate_complaint_json(document, &options),
        Kind::Contract => qinqing_core::validate_contract_json(document, &options),
    };
    let mut stdout = std::io::stdout().lock();
    let mut all_valid = true;
    if args.ndjson {
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let answer = validate(line);
            all_valid &= answer.valid;
            if writeln!(stdout, "{}", answer.to_json()).is_err() {
                return ExitCode::from(2);
            }
        }
    } else {
        let answer = validate(&text);
        all_valid = answer.valid;
        if writeln!(stdout, "{}", pretty(&answer)).is_err() {
            return ExitCode::from(2);
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) fn pretty(answer: &Answer) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_else(|_| answer.to_json())
}

/// The whole input as UTF-8 text, or a message saying why it cannot be read.
fn read_input(file: Option<&std::path::Path>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let name = match file {
        None => "standard input".to_owned(),
        Some(path) if path.as_os_str() == "-" => "standard input".to_owned(),
        Some(path) => path.display().to_string(),
    };
    let read = match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
        }
        _ => std::io::stdin().lock().read_to_end(&mut bytes),
    };
    if let Err(err) = read {
        return Err(format!("cannot read {name}: {err}"));
    }
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again",
            err.utf8_error().valid_up_to()
        )
    })
}

pub(crate) fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}`; use zh or en"))
}

pub(crate) fn parse_today(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; use YYYY-MM-DD"))
}

/// Today's date in China (UTC+8, no daylight saving). The CLI may read the clock; the core
/// may not.
pub(crate) fn today_in_china() -> NaiveDate {
    let utc = Utc::now();
    match FixedOffset::east_opt(8 * 3600) {
        Some(china) => utc.with_timezone(&china).date_naive(),
        None => utc.date_naive(),
    }
}
