//! "书面答复期限": the §八 reply deadline for a complaint submitted now, with the days the
//! count skipped explained on demand.

use chrono::{Datelike, NaiveDate, Weekday};
use qinqing_core::{DayReason, Lang};
use yew::prelude::*;

use crate::clock;
use crate::i18n;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct DeadlinePreviewProps {
    pub(crate) lang: Lang,
    /// Today in China.
    pub(crate) today: Option<NaiveDate>,
}

/// A date for citizens: 2026年12月8日（星期二） / Tuesday 8 December 2026.
pub(crate) fn long_date(date: NaiveDate, lang: Lang) -> String {
    let (zh, en) = match date.weekday() {
        Weekday::Mon => ("一", "Monday"),
        Weekday::Tue => ("二", "Tuesday"),
        Weekday::Wed => ("三", "Wednesday"),
        Weekday::Thu => ("四", "Thursday"),
        Weekday::Fri => ("五", "Friday"),
        Weekday::Sat => ("六", "Saturday"),
        Weekday::Sun => ("日", "Sunday"),
    };
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日（星期{zh}）",
            date.year(),
            date.month(),
            date.day()
        ),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
            format!("{en} {} {month} {}", date.day(), date.year())
        }
    }
}

fn reason_text(reason: DayReason, lang: Lang) -> &'static str {
    let (zh, en) = match reason {
        DayReason::Weekend => ("周末", "weekend"),
        DayReason::Holiday => ("法定节假日", "public holiday"),
        DayReason::GuangxiHoliday => ("广西壮族三月三假期", "Guangxi Sanyuesan holiday"),
        DayReason::Workday | DayReason::MakeUpWorkday | DayReason::GuangxiWorkday => {
            ("工作日", "working day")
        }
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[function_component(DeadlinePreview)]
pub(crate) fn deadline_preview(props: &DeadlinePreviewProps) -> Html {
    let lang = props.lang;
    let deadline = props
        .today
        .and_then(|today| clock::reply_deadline(today, lang));
    let Some(deadline) = deadline else {
        return html! {
            <section class="qq-deadline" aria-labelledby="qq-deadline-title">
                <h3 id="qq-deadline-title">{ i18n::DEADLINE_TITLE.get(lang) }</h3>
                <p>{ i18n::DEADLINE_NONE.get(lang) }</p>
            </section>
        };
    };
    html! {
        <section class="qq-deadline" aria-labelledby="qq-deadline-title" data-due={deadline.due_date.to_string()}
            data-today={deadline.received_on.to_string()}>
            <h3 id="qq-deadline-title">{ i18n::DEADLINE_TITLE.get(lang) }</h3>
            <p>
                { i18n::DEADLINE_LEAD.get(lang) }
                <strong class="qq-due">{ long_date(deadline.due_date, lang) }</strong>
                if deadline.provisional {
                    <span class="qq-provisional">{ i18n::DEADLINE_PROVISIONAL.get(lang) }</span>
                }
            </p>
            if !deadline.skipped.is_empty() {
                <details>
                    <summary>{ i18n::DEADLINE_SKIPPED.get(lang) }</summary>
                    <ul>
                    { for deadline.skipped.iter().map(|day| {
                        let name = day.name.clone().map(|n| format!(" {n}")).unwrap_or_default();
                        let colon = if lang == Lang::Zh { "：" } else { ": " };
                        html! { <li>{ format!("{}{colon}{}{name}", long_date(day.date, lang), reason_text(day.reason, lang)) }</li> }
                    }) }
                    </ul>
                </details>
            }
            { for deadline.warnings.iter().map(|w| html! { <p class="qq-warning">{ w.message.clone() }</p> }) }
        </section>
    }
}
