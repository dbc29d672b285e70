//! When the platform received the complaint (§八: the 7-working-day reply deadline runs
//! from it). Set by the server, so it must be a full RFC 3339 timestamp with its offset.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::datetime::rfc3339_china_date;

use super::context::{present, quote, Ctx, Loc};

pub(crate) static DATETIME_INVALID: Rule = Rule {
    code: "datetime.invalid",
    severity: Severity::Error,
    basis: "RFC 3339",
    zh: "“{value}”不是有效的时间，应写成带时区的格式，例如 2026-11-26T09:30:00+08:00。",
    en: "“{value}” is not a valid time; write it with its offset, like 2026-11-26T09:30:00+08:00.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, received_at: &Option<String>) {
    if let Some(text) = present(received_at) {
        if rfc3339_china_date(text).is_none() {
            ctx.report(
                &DATETIME_INVALID,
                Loc::At("/receivedAt"),
                &[("value", &quote(text))],
            );
        }
    }
}
