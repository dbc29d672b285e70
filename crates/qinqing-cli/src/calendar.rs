//! `qinqing calendar --from YYYY-MM-DD --to YYYY-MM-DD [--region national|guangxi]`: one
//! line per date, `YYYY-MM-DD<TAB>work|off<TAB>reason`.
//!
//! The reason is `workday`, `weekend`, `holiday <name>`, `makeUpWorkday <name>`,
//! `guangxiHoliday <name>` or `guangxiWorkday <name>`, followed by ` (provisional)` when
//! the year's notice is not published and the status comes from the statutory rules.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use qinqing_core::{Calendar, CalendarError, Lang, Region};

use crate::validate::parse_lang;

/// Arguments of `qinqing calendar`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// First date, YYYY-MM-DD (China date).
    #[arg(long, value_parser = parse_date)]
    from: NaiveDate,
    /// Last date, YYYY-MM-DD (inclusive).
    #[arg(long, value_parser = parse_date)]
    to: NaiveDate,
    /// national, or guangxi (national + 壮族三月三).
    #[arg(long, default_value = "guangxi", value_parser = parse_region)]
    region: Region,
    /// A later notice year to load first (JSON, same schema as data/calendar/cn_holidays.json
    /// years); may be repeated.
    #[arg(long = "notice", value_name = "FILE")]
    notices: Vec<PathBuf>,
    /// Language of error messages.
    #[arg(long, default_value = "zh", value_parser = parse_lang)]
    lang: Lang,
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date in the form YYYY-MM-DD"))
}

pub(crate) fn parse_region(text: &str) -> Result<Region, String> {
    Region::from_name(text)
        .ok_or_else(|| format!("unknown region `{text}`; use national or guangxi"))
}

/// The built-in calendar plus any `--notice` files, or the message to print.
pub(crate) fn load_calendar(notices: &[PathBuf], lang: Lang) -> Result<Calendar, String> {
    let mut calendar = Calendar::builtin().clone();
    for path in notices {
        let text = std::fs::read_to_string(path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        calendar = calendar.with_year_json_in(&text, lang).map_err(|issues| {
            let lines: Vec<String> = issues
                .iter()
                .map(|issue| {
                    format!(
                        "{}: {} {} ({})",
                        path.display(),
                        issue.path,
                        issue.message,
                        issue.code
                    )
                })
                .collect();
            lines.join("\n")
        })?;
    }
    Ok(calendar)
}

pub(crate) fn report(command: &str, err: &CalendarError, path: &str, lang: Lang) -> ExitCode {
    let issue = err.to_issue(path, lang);
    eprintln!("qinqing {command}: {} ({})", issue.message, issue.code);
    ExitCode::from(2)
}

pub(crate) fn run(args: Args) -> ExitCode {
    let calendar = match load_calendar(&args.notices, args.lang) {
        Ok(calendar) => calendar,
        Err(message) => {
            eprintln!("qinqing calendar: {message}");
            return ExitCode::from(2);
        }
    };
    if args.from > args.to {
        eprintln!(
            "qinqing calendar: --from {} is after --to {}",
            args.from, args.to
        );
        return ExitCode::from(2);
    }
    for (date, flag) in [(args.from, "/from"), (args.to, "/to")] {
        if let Err(err) = calendar.is_working_day(date, args.region) {
            return report("calendar", &err, flag, args.lang);
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for date in args.from.iter_days().take_while(|date| *date <= args.to) {
        let info = match calendar.day_info(date, args.region) {
            Ok(info) => info,
            Err(err) => return report("calendar", &err, "/to", args.lang),
        };
        let status = if info.working { "work" } else { "off" };
        let mut reason = info.reason.as_str().to_owned();
        if let Some(name) = &info.name {
            reason.push(' ');
            reason.push_str(name);
        }
        if info.provisional {
            reason.push_str(" (provisional)");
        }
        // A closed pipe (`| head`) is not an error worth reporting.
        if writeln!(out, "{date}\t{status}\t{reason}").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
