//! The form state and its reducer. Everything the user does is an [`Action`]; the reducer is
//! plain Rust with no browser calls, so it is unit-tested natively. Side effects (saving the
//! draft, sending, timers) live in the components and report back with actions.
//!
//! The document is held in the JSON contract's own shape (`serde_json::Value`), with text as
//! typed: nothing the user enters is lost or reformatted, and the core validates exactly what
//! would be sent. Numbers are typed as text and stored parsed; the typed text is kept in
//! `raw` so "1,234.50" stays on screen as typed.

use std::rc::Rc;

use chrono::NaiveDate;
use qinqing_core::{
    detect_conduct, validate_complaint_value, validate_contract_value, Answer, ConductId, Issue,
    Lang, Options, Severity,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use yew::Reducible;

use crate::schema::{field_at, FormKind, Input};

/// What the user sees in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Status {
    /// Nothing typed yet.
    Empty,
    /// The draft is saved on this device.
    Draft,
    /// A draft from an earlier visit was restored.
    Restored,
    /// The draft could not be saved (quota, private mode).
    DraftFailed,
    /// Being sent.
    Sending,
    /// Waiting for the connection to return.
    Queued,
    /// Accepted by the server.
    Sent {
        /// The server's case number.
        case_id: String,
        /// The reply deadline the server computed (`YYYY-MM-DD`), if it sent one.
        due: Option<String>,
    },
    /// The server returned issues.
    Rejected,
    /// Sending failed for a reason other than being offline; it stays queued.
    Failed(String),
}

/// The draft kept in local storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Draft {
    /// The document.
    pub(crate) doc: Value,
    /// Number fields as typed, by pointer.
    pub(crate) raw: RawTexts,
}

/// The whole state of one form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormState {
    pub(crate) kind: FormKind,
    pub(crate) lang: Lang,
    /// Today in China (UTC+8), for the rules that compare dates with today.
    pub(crate) today: Option<NaiveDate>,
    pub(crate) doc: Value,
    pub(crate) raw: RawTexts,
    /// Fields whose issues may be shown: blurred, or typed in and paused.
    pub(crate) touched: KeySet,
    /// A submit was attempted: every issue is shown.
    pub(crate) submitted: bool,
    /// The core's answer for the current document (as of the last validation).
    pub(crate) answer: Answer,
    /// Issues the server returned, until their field is edited.
    pub(crate) server_issues: Vec<Issue>,
    /// Conduct categories the description suggests.
    pub(crate) suggestions: Vec<ConductId>,
    pub(crate) status: Status,
    /// Bumped on every edit; the draft is saved when it changes.
    pub(crate) revision: u64,
    /// Bumped on every submission attempt that may be sent; outcomes for another are stale.
    pub(crate) attempt: u64,
    /// Bumped when focus should move to the first error.
    pub(crate) focus_token: u64,
}

/// Everything that can happen to a form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    /// Text typed or a choice made in the field at `path`.
    Edit {
        path: String,
        text: String,
    },
    /// A tick box or yes/no choice.
    SetBool {
        path: String,
        value: Option<bool>,
    },
    /// The field lost focus: show its issues now.
    Blur(String),
    /// The debounce timer after typing in `path` fired. Validation always reads the current
    /// document, so a late timer can never show issues of an older text.
    Validate(String),
    /// Add an empty row to the array at the pointer.
    AddRow(String),
    /// Remove a row.
    RemoveRow(String, usize),
    SetLang(Lang),
    /// The submit button.
    Submit,
    /// The submission was stored in the outbox; the connection is down.
    Queued {
        attempt: Option<u64>,
    },
    /// The server accepted it.
    Accepted {
        attempt: Option<u64>,
        case_id: String,
        due: Option<String>,
    },
    /// The server returned issues.
    Rejected {
        attempt: Option<u64>,
        answer: Answer,
    },
    /// Sending failed (not offline); it stays in the outbox.
    SendFailed {
        attempt: Option<u64>,
        reason: String,
    },
    /// Local storage refused the draft.
    DraftFailed,
    /// Start again with an empty form.
    Reset,
}

impl FormState {
    /// A new form, restoring `draft` when there is one.
    pub(crate) fn new(
        kind: FormKind,
        lang: Lang,
        today: Option<NaiveDate>,
        draft: Option<Draft>,
    ) -> FormState {
        let restored = draft
            .as_ref()
            .is_some_and(|d| d.doc.is_object() && d.doc != empty_document(kind));
        let (doc, raw) = match draft {
            Some(Draft {
                doc: Value::Object(map),
                raw,
            }) => (Value::Object(map), raw),
            _ => (empty_document(kind), RawTexts::default()),
        };
        let mut state = FormState {
            kind,
            lang,
            today,
            doc,
            raw,
            touched: KeySet::new(),
            submitted: false,
            answer: Answer::ok(),
            server_issues: Vec::new(),
            suggestions: Vec::new(),
            status: if restored {
                Status::Restored
            } else {
                Status::Empty
            },
            revision: 0,
            attempt: 0,
            focus_token: 0,
        };
        state.validate();
        state
    }

    /// Runs the core over the whole document and refreshes the conduct suggestions.
    pub(crate) fn validate(&mut self) {
        self.answer = validate_document(self.kind, &self.doc, self.lang, self.today);
        self.suggestions = match self
            .doc
            .pointer("/conduct/description")
            .and_then(Value::as_str)
        {
            Some(text) if self.kind == FormKind::Complaint => suggest(text),
            _ => Vec::new(),
        };
    }

    /// The draft to save.
    pub(crate) fn draft(&self) -> Draft {
        Draft {
            doc: self.doc.clone(),
            raw: self.raw.clone(),
        }
    }

    /// The text an input shows for `path`.
    pub(crate) fn text(&self, path: &str) -> String {
        if let Some(raw) = self.raw.get(path) {
            return raw.to_owned();
        }
        match self.doc.pointer(path) {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Number(n)) => match field_at(self.kind, path).map(|f| f.input) {
                Some(Input::Yuan) => n.as_i64().map_or_else(|| n.to_string(), format_yuan),
                _ => n.to_string(),
            },
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// The stored boolean at `path`.
    pub(crate) fn flag(&self, path: &str) -> Option<bool> {
        self.doc.pointer(path).and_then(Value::as_bool)
    }

    /// Number of rows of the array at `path`.
    pub(crate) fn rows(&self, path: &str) -> usize {
        self.doc
            .pointer(path)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    /// Whether issues at `path` may be shown now.
    pub(crate) fn visible(&self, path: &str) -> bool {
        self.submitted || self.touched.contains(path)
    }

    /// Issues to show next to the field at `path` (local first, then the server's).
    pub(crate) fn issues_at(&self, path: &str) -> Vec<&Issue> {
        if !self.visible(path) {
            return Vec::new();
        }
        self.all_issues()
            .filter(|issue| issue.path == path)
            .collect()
    }

    /// Every current issue, local and from the server.
    pub(crate) fn all_issues(&self) -> impl Iterator<Item = &Issue> {
        self.answer.issues.iter().chain(self.server_issues.iter())
    }

    /// Errors that block sending.
    pub(crate) fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.all_issues()
            .filter(|issue| issue.severity == Severity::Error)
    }

    /// Whether the document may be sent.
    pub(crate) fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    fn edited(&mut self, path: &str) {
        self.revision += 1;
        self.server_issues.retain(|issue| issue.path != path);
        if !matches!(self.status, Status::Sending | Status::Queued) {
            self.status = Status::Draft;
        }
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit { path, text } => {
                let input = field_at(self.kind, &path).map(|f| f.input);
                let value = match input {
                    Some(Input::Yuan) => {
                        self.raw.insert(path.clone(), text.clone());
                        parse_yuan(&text)
                            .map(Value::from)
                            .or_else(|| nonblank(&text))
                    }
                    Some(Input::Integer) => {
                        self.raw.insert(path.clone(), text.clone());
                        parse_integer(&text)
                            .map(Value::from)
                            .or_else(|| nonblank(&text))
                    }
                    _ => (!text.is_empty()).then_some(Value::String(text)),
                };
                if value.is_none() {
                    self.raw.remove(&path);
                }
                set_pointer(&mut self.doc, &path, value);
                self.edited(&path);
                // Selections are complete on change: validate at once.
                if matches!(input, Some(Input::Select(_) | Input::Conduct)) {
                    self.touched.insert(path);
                    self.validate();
                }
            }
            Action::SetBool { path, value } => {
                set_pointer(&mut self.doc, &path, value.map(Value::Bool));
                self.edited(&path);
                self.touched.insert(path);
                self.validate();
            }
            Action::Blur(path) => {
                self.touched.insert(path);
                self.validate();
            }
            Action::Validate(path) => {
                self.touched.insert(path);
                self.validate();
            }
            Action::AddRow(path) => {
                match self.doc.pointer_mut(&path) {
                    Some(Value::Array(rows)) => rows.push(Value::Object(Map::new())),
                    _ => set_pointer(
                        &mut self.doc,
                        &path,
                        Some(Value::Array(vec![Value::Object(Map::new())])),
                    ),
                }
                self.edited(&path);
                self.validate();
            }
            Action::RemoveRow(path, index) => {
                if let Some(Value::Array(rows)) = self.doc.pointer_mut(&path) {
                    if index < rows.len() {
                        rows.remove(index);
                    }
                }
                self.raw.remove_row(&path, index);
                let prefix = format!("{path}/");
                let mut touched = KeySet::new();
                for key in std::mem::take(&mut self.touched) {
                    if let Some(key) = shift_key(key, &prefix, index) {
                        touched.insert(key);
                    }
                }
                self.touched = touched;
                self.server_issues
                    .retain(|issue| !issue.path.starts_with(&format!("{path}/")));
                self.edited(&path);
                self.validate();
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                self.validate();
            }
            Action::Submit => {
                if matches!(self.status, Status::Sending | Status::Queued) {
                    return;
                }
                self.submitted = true;
                self.validate();
                if self.is_valid() {
                    self.attempt += 1;
                    self.status = Status::Sending;
                } else {
                    self.focus_token += 1;
                }
            }
            Action::Queued { attempt } => {
                if self.current(attempt) {
                    self.status = Status::Queued;
                }
            }
            Action::Accepted {
                attempt,
                case_id,
                due,
            } => {
                if self.current(attempt) {
                    self.status = Status::Sent { case_id, due };
                    self.server_issues.clear();
                }
            }
            Action::Rejected { attempt, answer } => {
                if self.current(attempt) {
                    self.server_issues = answer.issues;
                    self.submitted = true;
                    self.status = Status::Rejected;
                    self.focus_token += 1;
                }
            }
            Action::SendFailed { attempt, reason } => {
                if self.current(attempt) {
                    self.status = Status::Failed(reason);
                }
            }
            Action::DraftFailed => {
                if self.status == Status::Draft {
                    self.status = Status::DraftFailed;
                }
            }
            Action::Reset => {
                let attempt = self.attempt;
                *self = FormState::new(self.kind, self.lang, self.today, None);
                self.attempt = attempt;
                self.revision += 1;
            }
        }
    }

    /// Outcomes of another submission attempt are stale; `None` comes from the outbox being
    /// replayed at start-up and always applies.
    fn current(&self, attempt: Option<u64>) -> bool {
        attempt.is_none_or(|a| a == self.attempt)
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// The empty document a new form starts from.
fn empty_document(kind: FormKind) -> Value {
    match kind {
        FormKind::Complaint => serde_json::json!({ "attachments": [] }),
        FormKind::Contract => serde_json::json!({ "commitments": [{}], "investorObligations": [] }),
    }
}

/// The core's verdict on `doc`.
pub(crate) fn validate_document(
    kind: FormKind,
    doc: &Value,
    lang: Lang,
    today: Option<NaiveDate>,
) -> Answer {
    let options = Options { lang, today };
    match kind {
        FormKind::Complaint => validate_complaint_value(doc, &options),
        FormKind::Contract => validate_contract_value(doc, &options),
    }
}

/// Distinct catalogue ids found in a description, in order of first mention. Long pastes are
/// cut to the first 5000 characters first, so typing stays fast.
pub(crate) fn suggest(text: &str) -> Vec<ConductId> {
    let cut = match text.char_indices().nth(5000) {
        Some((at, _)) => text.get(..at).unwrap_or(text),
        None => text,
    };
    let mut out: Vec<ConductId> = Vec::new();
    for found in detect_conduct(cut) {
        if !out.contains(&found.id) {
            out.push(found.id);
        }
    }
    out
}

fn nonblank(text: &str) -> Option<Value> {
    (!text.trim().is_empty()).then(|| Value::String(text.to_owned()))
}

/// Full-width digits and punctuation as people type them on Chinese keyboards, made ASCII;
/// thousands separators, spaces and currency marks dropped.
fn number_text(text: &str) -> String {
    text.chars()
        .filter_map(|ch| match ch {
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' => Some('-'),
            ',' | '，' | ' ' | '\u{3000}' | '元' | '¥' | '￥' => None,
            other => Some(other),
        })
        .collect()
}

/// Whole number as typed; `None` when it is not one.
pub(crate) fn parse_integer(text: &str) -> Option<i64> {
    let clean = number_text(text);
    if clean.is_empty() || clean.len() > 19 {
        return None;
    }
    clean.parse::<i64>().ok()
}

/// Yuan with up to two decimals, as fen; `None` when it is not such an amount.
pub(crate) fn parse_yuan(text: &str) -> Option<i64> {
    let clean = number_text(text);
    let (negative, digits) = match clean.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, clean.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
    {
        return None;
    }
    let yuan: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let fen = yuan.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -fen } else { fen })
}

/// Fen shown as yuan: 123456 → "1234.56".
pub(crate) fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    match abs % 100 {
        0 => format!("{sign}{}", abs / 100),
        cents => format!("{sign}{}.{cents:02}", abs / 100),
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Sets (or with `None`, removes) the value at a JSON pointer, creating objects on the way.
pub(crate) fn set_pointer(doc: &mut Value, pointer: &str, value: Option<Value>) {
    if value.is_none() && doc.pointer(pointer).is_none() {
        // Nothing to remove; do not create empty parents either.
        return;
    }
    let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    let Some((last, parents)) = tokens.split_last() else {
        if let Some(value) = value {
            *doc = value;
        }
        return;
    };
    let mut node = doc;
    for token in parents {
        if !node.is_object() && !node.is_array() {
            if value.is_none() {
                return;
            }
            *node = Value::Object(Map::new());
        }
        node = match node {
            Value::Object(map) => map
                .entry(token.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            Value::Array(items) => match token.parse::<usize>().ok().and_then(|i| items.get_mut(i))
            {
                Some(item) => item,
                None => return,
            },
            _ => return,
        };
    }
    match node {
        Value::Object(map) => match value {
            Some(value) => {
                map.insert(last.clone(), value);
            }
            None => {
                map.remove(last);
            }
        },
        Value::Array(items) => {
            if let (Some(slot), Some(value)) = (
                last.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
                value,
            ) {
                *slot = value;
            }
        }
        other => {
            if let Some(value) = value {
                let mut map = Map::new();
                map.insert(last.clone(), value);
                *other = Value::Object(map);
            }
        }
    }
}

/// Number fields as typed, by pointer (`/attachments/0/sizeBytes` → `"1,024"`). Held in a
/// `serde_json::Map` of strings rather than a `BTreeMap<String, String>`: the document
/// already links that map's B-tree code, and one more B-tree type is ≈ 8 KB of code in the
/// bundle. Saved as the same JSON object of strings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub(crate) struct RawTexts(Map<String, Value>);

impl RawTexts {
    /// The text typed at `path`.
    pub(crate) fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).and_then(Value::as_str)
    }

    /// Records the text typed at `path`.
    pub(crate) fn insert(&mut self, path: String, text: String) {
        self.0.insert(path, Value::String(text));
    }

    /// Forgets the text typed at `path`.
    pub(crate) fn remove(&mut self, path: &str) {
        self.0.remove(path);
    }

    /// After removing row `removed` of the array at `array`, renumbers the texts of later
    /// rows and drops the removed row's.
    fn remove_row(&mut self, array: &str, removed: usize) {
        let prefix = format!("{array}/");
        let mut shifted = Map::new();
        for (key, value) in std::mem::take(&mut self.0) {
            if let Some(key) = shift_key(key, &prefix, removed) {
                shifted.insert(key, value);
            }
        }
        self.0 = shifted;
    }
}

/// Reads what [`RawTexts`] writes: an object of strings, nothing else.
impl<'de> Deserialize<'de> for RawTexts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawTexts, D::Error> {
        let texts = std::collections::BTreeMap::<String, String>::deserialize(deserializer)?;
        let mut raw = RawTexts::default();
        for (path, text) in texts {
            raw.insert(path, text);
        }
        Ok(raw)
    }
}

/// A small set of strings (the touched fields' pointers, the keys being sent). A list rather
/// than a `BTreeSet`: it holds tens of entries at most, and one more B-tree type is ≈ 8 KB
/// of code in the bundle.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeySet(Vec<String>);

impl KeySet {
    /// The empty set.
    pub(crate) const fn new() -> KeySet {
        KeySet(Vec::new())
    }

    /// Whether `key` is in the set.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.0.iter().any(|k| k == key)
    }

    /// Adds `key`; `false` if it was already there.
    pub(crate) fn insert(&mut self, key: String) -> bool {
        if self.contains(&key) {
            return false;
        }
        self.0.push(key);
        true
    }

    /// Removes `key`; `false` if it was not there.
    pub(crate) fn remove(&mut self, key: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|k| k != key);
        self.0.len() != before
    }

    /// Empties the set.
    #[cfg(test)]
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }
}

/// Equal when they hold the same keys, in whatever order they were added.
impl PartialEq for KeySet {
    fn eq(&self, other: &KeySet) -> bool {
        self.0.len() == other.0.len() && self.0.iter().all(|k| other.contains(k))
    }
}

impl IntoIterator for KeySet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// One key after removing row `removed` of the array whose keys start with `prefix`
/// (`/attachments/`): `None` for the removed row's keys, later rows renumbered.
fn shift_key(key: String, prefix: &str, removed: usize) -> Option<String> {
    let Some(rest) = key.strip_prefix(prefix) else {
        return Some(key);
    };
    let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match index.parse::<usize>() {
        Ok(i) if i == removed => None,
        Ok(i) if i > removed => Some(format!("{prefix}{}{tail}", i - 1)),
        _ => Some(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complaint() -> FormState {
        FormState::new(
            FormKind::Complaint,
            Lang::Zh,
            NaiveDate::from_ymd_opt(2026, 11, 27),
            None,
        )
    }

    fn edit(state: &mut FormState, path: &str, text: &str) {
        state.apply(Action::Edit {
            path: path.into(),
            text: text.into(),
        });
    }

    #[test]
    fn edits_build_the_json_contract_shape() {
        let mut s = complaint();
        edit(&mut s, "/complainant/uscc", " 91450100 ");
        edit(&mut s, "/complainant/contact/phone", "０７７１");
        assert_eq!(
            s.doc.pointer("/complainant/uscc"),
            Some(&Value::from(" 91450100 "))
        );
        assert_eq!(
            s.doc.pointer("/complainant/contact/phone"),
            Some(&Value::from("０７７１"))
        );
        edit(&mut s, "/complainant/uscc", "");
        assert_eq!(
            s.doc.pointer("/complainant/uscc"),
            None,
            "cleared fields are absent, so the core reports them missing"
        );
        assert_eq!(s.status, Status::Draft);
    }

    #[test]
    fn amounts_are_typed_in_yuan_and_stored_in_fen() {
        let mut s = complaint();
        edit(&mut s, "/conduct/amountFen", "１,234.5元");
        assert_eq!(
            s.doc.pointer("/conduct/amountFen"),
            Some(&Value::from(123450))
        );
        assert_eq!(
            s.text("/conduct/amountFen"),
            "１,234.5元",
            "the typed text stays on screen"
        );
        edit(&mut s, "/conduct/amountFen", "twelve");
        assert_eq!(
            s.doc.pointer("/conduct/amountFen"),
            Some(&Value::from("twelve")),
            "left for the core to flag"
        );
        assert_eq!(parse_yuan("0.05"), Some(5));
        assert_eq!(parse_yuan("1.234"), None);
        assert_eq!(parse_yuan("99999999999999999999"), None);
        assert_eq!(format_yuan(123456), "1234.56");
        assert_eq!(format_yuan(-500), "-5");
        assert_eq!(parse_integer("２０４８"), Some(2048));
    }

    #[test]
    fn issues_show_only_after_touch_or_submit() {
        let mut s = complaint();
        let issue = Issue {
            code: "x".into(),
            severity: Severity::Error,
            path: "/complainant/uscc".into(),
            message: "m".into(),
            basis: "b".into(),
            suggestions: vec![],
        };
        s.answer = Answer::from_issues(vec![issue], false);
        assert!(s.issues_at("/complainant/uscc").is_empty());
        s.touched.insert("/complainant/uscc".into());
        assert_eq!(s.issues_at("/complainant/uscc").len(), 1);
        s.touched.clear();
        s.submitted = true;
        assert_eq!(s.issues_at("/complainant/uscc").len(), 1);
    }

    #[test]
    fn typing_marks_the_field_touched_only_when_the_debounce_fires() {
        let mut s = complaint();
        edit(&mut s, "/complainant/name", "a");
        assert!(!s.touched.contains("/complainant/name"));
        s.apply(Action::Validate("/complainant/name".into()));
        assert!(s.touched.contains("/complainant/name"));
    }

    #[test]
    fn stale_server_outcomes_are_dropped() {
        let mut s = complaint();
        s.attempt = 3;
        s.status = Status::Sending;
        s.apply(Action::Accepted {
            attempt: Some(2),
            case_id: "old".into(),
            due: None,
        });
        assert_eq!(s.status, Status::Sending);
        s.apply(Action::Accepted {
            attempt: Some(3),
            case_id: "GX-1".into(),
            due: None,
        });
        assert_eq!(
            s.status,
            Status::Sent {
                case_id: "GX-1".into(),
                due: None
            }
        );
    }

    #[test]
    fn server_issues_stay_until_their_field_is_edited() {
        let mut s = complaint();
        let issue = Issue {
            code: "x".into(),
            severity: Severity::Error,
            path: "/remedy".into(),
            message: "m".into(),
            basis: "b".into(),
            suggestions: vec![],
        };
        s.apply(Action::Rejected {
            attempt: None,
            answer: Answer::from_issues(vec![issue], false),
        });
        assert_eq!(s.status, Status::Rejected);
        assert_eq!(s.issues_at("/remedy").len(), 1);
        assert!(!s.is_valid());
        edit(&mut s, "/remedy", "请退还");
        assert!(s.issues_at("/remedy").is_empty());
    }

    #[test]
    fn removing_a_row_renumbers_later_rows() {
        let mut s = complaint();
        s.apply(Action::AddRow("/attachments".into()));
        s.apply(Action::AddRow("/attachments".into()));
        edit(&mut s, "/attachments/0/name", "a.pdf");
        edit(&mut s, "/attachments/1/sizeBytes", "12");
        s.touched.insert("/attachments/1/sizeBytes".into());
        s.apply(Action::RemoveRow("/attachments".into(), 0));
        assert_eq!(s.rows("/attachments"), 1);
        assert_eq!(
            s.doc.pointer("/attachments/0/sizeBytes"),
            Some(&Value::from(12))
        );
        assert_eq!(s.text("/attachments/0/sizeBytes"), "12");
        assert!(s.touched.contains("/attachments/0/sizeBytes"));
        assert_eq!(s.raw.get("/attachments/1/sizeBytes"), None);
    }

    #[test]
    fn drafts_round_trip_and_restore() {
        let mut s = complaint();
        edit(
            &mut s,
            "/conduct/description",
            "<script>alert(1)</script> 😀 مرحبا",
        );
        let text = serde_json::to_string(&s.draft()).unwrap_or_default();
        let back: Draft = serde_json::from_str(&text).unwrap_or_default();
        let restored = FormState::new(FormKind::Complaint, Lang::En, None, Some(back));
        assert_eq!(restored.status, Status::Restored);
        assert_eq!(
            restored.text("/conduct/description"),
            "<script>alert(1)</script> 😀 مرحبا"
        );
    }

    #[test]
    fn set_pointer_survives_odd_shapes() {
        let mut doc = serde_json::json!({ "a": 1, "list": [] });
        set_pointer(&mut doc, "/a/b", Some(Value::from(2)));
        assert_eq!(doc.pointer("/a/b"), Some(&Value::from(2)));
        set_pointer(&mut doc, "/list/5/x", Some(Value::from(1)));
        assert_eq!(doc.pointer("/list"), Some(&serde_json::json!([])));
        set_pointer(&mut doc, "/missing/deep", None);
        assert_eq!(doc.pointer("/missing"), None);
    }

    #[test]
    fn submit_with_errors_requests_focus_instead_of_sending() {
        let mut s = complaint();
        let issue = Issue {
            code: "x".into(),
            severity: Severity::Error,
            path: "/remedy".into(),
            message: "m".into(),
            basis: "b".into(),
            suggestions: vec![],
        };
        s.server_issues.push(issue);
        s.apply(Action::Submit);
        assert!(s.submitted);
        assert_eq!(s.focus_token, 1);
        assert_eq!(s.attempt, 0);
        s.server_issues.clear();
        s.doc = serde_json::from_str(include_str!(
            "../../tests/fixtures/complaints/valid-enterprise.json"
        ))
        .unwrap_or_default();
        s.apply(Action::Submit);
        assert_eq!(s.answer.issues, vec![]);
        assert_eq!(s.attempt, 1);
        assert_eq!(s.status, Status::Sending);
    }
}
