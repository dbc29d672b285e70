//! `qinqing deadline --received <RFC 3339 instant or YYYY-MM-DD> [--days 7]
//! [--region guangxi|national] [--strict] [--lang zh|en]`: prints the §八 reply deadline
//! as JSON (`dueDate`, `dueAt`, `provisional`, `skipped`, `warnings`, …).
//!
//! With `--status` it prints where the case stands instead (on time, due today, overdue by
//! K working days) at `--now`, or at the current time when `--now` is absent.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use qinqing_core::{Lang, Region};

use crate::calendar::{load_calendar, parse_region, report};
use crate::validate::parse_lang;

/// Arguments of `qinqing deadline`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// When the complaint was received: an RFC 3339 instant (converted to China time,
    /// UTC+8) or a China date YYYY-MM-DD.
    #[arg(long)]
    received: String,
    /// Working days allowed (§八: 7).
    #[arg(long, default_value_t = 7)]
    days: u32,
    /// guangxi (national + 壮族三月三, the default) or national.
    #[arg(long, default_value = "guangxi", value_parser = parse_region)]
    region: Region,
    /// Refuse (exit 2) instead of giving a provisional deadline when a year's holiday
    /// notice is not published yet.
    #[arg(long)]
    strict: bool,
    /// Language of warnings and error messages.
    #[arg(long, default_value = "zh", value_parser = parse_lang)]
    lang: Lang,
    /// Print the case status (onTime / dueToday / overdue) instead of the deadline.
    #[arg(long)]
    status: bool,
    /// "Now" for --status, RFC 3339; defaults to the current time.
    #[arg(long, requires = "status")]
    now: Option<String>,
    /// A later notice year to load first (JSON); may be repeated.
    #[arg(long = "notice", value_name = "FILE")]
    notices: Vec<PathBuf>,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let calendar = match load_calendar(&args.notices, args.lang) {
        Ok(calendar) => calendar,
        Err(message) => {
            eprintln!("qinqing deadline: {message}");
            return ExitCode::from(2);
        }
    };
    let json = if args.status {
        let now = args
            .now
            .clone()
            .unwrap_or_else(|| chrono::Utc::now().to_rfc3339());
        match calendar.case_status(&args.received, args.days, &now, args.region) {
            Ok(status) => serde_json::to_string_pretty(&status),
            Err(err) => return report("deadline", &err, "/received", args.lang),
        }
    } else {
        match calendar.reply_deadline_in(
            &args.received,
            args.days,
            args.region,
            args.strict,
            args.lang,
        ) {
            Ok(deadline) => serde_json::to_string_pretty(&deadline),
            Err(err) => {
                let path = match err {
                    qinqing_core::CalendarError::DaysOutOfRange { .. } => "/days",
                    _ => "/received",
                };
                return report("deadline", &err, path, args.lang);
            }
        }
    };
    match json {
        Ok(text) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("qinqing deadline: cannot write JSON: {err}");
            ExitCode::from(2)
        }
    }
}
