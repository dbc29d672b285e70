//! JSON value → typed model, reporting every structural problem at its path and carrying on.
//!
//! serde's derive stops at the first error and cannot report unknown fields as data, so the
//! documents are walked by hand. The walk only descends into fields the model knows, which
//! bounds its depth by the schema (four levels), whatever the nesting of the input.
//!
//! A value of the wrong type becomes `None` (or a default list element, to keep indices
//! right); the rules later skip any path that already has a structural issue, so one wrong
//! value gives one issue.
//!
//! Unknown fields are errors, not warnings: a misspelt `amountfen` would otherwise drop the
//! money claimed without anyone noticing, and the JSON is a public contract that only grows
//! by releases that add fields here.

use serde::de::value::StrDeserializer;
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde_json::{Map, Value};

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;
use crate::model::{
    Attachment, Authority, Change, Commitment, Complainant, Complaint, Conduct, Contact, Contract,
    Investor, Obligation, Respondent, WrittenForm,
};

use super::context::{quote, MAX_ISSUES};
use super::fast::UnknownNames;

pub(crate) static FIELD_UNKNOWN: Rule = Rule {
    code: "field.unknown",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "无法识别“{field}”这一项，其中的内容不会被处理；请检查名称是否拼错。",
    en:
        "“{field}” is not a field we know, so its content would be lost; please check the spelling.",
};

pub(crate) static TYPE_STRING: Rule = Rule {
    code: "type.string",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项应填写文字，但收到的是{got}。",
    en: "This field should be text, but it is {got}.",
};

pub(crate) static TYPE_INTEGER: Rule = Rule {
    code: "type.integer",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项应填写整数（不带小数点），但收到的是{got}。",
    en: "This field should be a whole number (no decimal point), but it is {got}.",
};

pub(crate) static TYPE_BOOLEAN: Rule = Rule {
    code: "type.boolean",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项应填写 true（是）或 false（否），但收到的是{got}。",
    en: "This field should be true (yes) or false (no), but it is {got}.",
};

pub(crate) static TYPE_OBJECT: Rule = Rule {
    code: "type.object",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项应是一组字段（JSON 对象），但收到的是{got}。",
    en: "This should be a group of fields (a JSON object), but it is {got}.",
};

pub(crate) static TYPE_ARRAY: Rule = Rule {
    code: "type.array",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项应是一个列表（JSON 数组），但收到的是{got}。",
    en: "This should be a list (a JSON array), but it is {got}.",
};

pub(crate) static ENUM_UNKNOWN: Rule = Rule {
    code: "enum.unknown",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "“{value}”不是可选的值，请从以下选项中选择：{allowed}。",
    en: "“{value}” is not one of the allowed values: {allowed}.",
};

/// A JSON Pointer under construction, kept on the stack; rendered only for an issue.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub(crate) fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => crate::pointer::child(&parent.render(), key),
            Path::Index(parent, at) => crate::pointer::index(&parent.render(), *at),
        }
    }
}

/// Collects structural issues while building the model.
pub(crate) struct Decoder {
    lang: Lang,
    clause: &'static str,
    pub(crate) issues: Vec<Issue>,
    /// Set when issues were dropped at [`MAX_ISSUES`].
    pub(crate) truncated: bool,
}

impl Decoder {
    pub(crate) fn new(lang: Lang, clause: &'static str) -> Decoder {
        Decoder {
            lang,
            clause,
            issues: Vec::new(),
            truncated: false,
        }
    }

    fn report(&mut self, rule: &'static Rule, path: &Path<'_>, args: &[(&str, &str)]) {
        self.report_at(rule, path.render(), args);
    }

    fn report_at(&mut self, rule: &'static Rule, path: String, args: &[(&str, &str)]) {
        if self.issues.len() >= MAX_ISSUES {
            self.truncated = true;
            return;
        }
        let mut issue = Issue::new(rule, path, self.lang, args);
        issue.basis = self.clause.into();
        self.issues.push(issue);
    }

    fn wrong_type(&mut self, rule: &'static Rule, value: &Value, path: &Path<'_>) {
        let got = describe(value, self.lang);
        self.report(rule, path, &[("got", got)]);
    }

    fn unknown(&mut self, key: &str, path: &Path<'_>) {
        self.report(&FIELD_UNKNOWN, path, &[("field", &quote(key))]);
    }

    /// The object's fields; `None` for null (absent) and for a wrong type (reported).
    fn object<'v>(&mut self, value: &'v Value, path: &Path<'_>) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            Value::Null => None,
            other => {
                self.wrong_type(&TYPE_OBJECT, other, path);
                None
            }
        }
    }

    fn string(&mut self, value: &Value, path: &Path<'_>) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            Value::Null => None,
            other => {
                self.wrong_type(&TYPE_STRING, other, path);
                None
            }
        }
    }

    /// Stores a text field. One out-of-line call per field, rather than the assignment (and
    /// the drop of the old value) repeated in every decoder.
    #[inline(never)]
    fn text(&mut self, slot: &mut Option<String>, value: &Value, path: &Path<'_>) {
        *slot = self.string(value, path);
    }

    fn integer(&mut self, value: &Value, path: &Path<'_>) -> Option<i64> {
        match value {
            Value::Number(number) if number.is_i64() => number.as_i64(),
            Value::Null => None,
            other => {
                self.wrong_type(&TYPE_INTEGER, other, path);
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value, path: &Path<'_>) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            Value::Null => None,
            other => {
                self.wrong_type(&TYPE_BOOLEAN, other, path);
                None
            }
        }
    }

    /// A camelCase enum name; `allowed` lists the names for the message.
    fn enumeration<T: DeserializeOwned>(
        &mut self,
        value: &Value,
        path: &Path<'_>,
        allowed: &str,
    ) -> Option<T> {
        // Borrow, don't clone: the enum is the value, the text is not kept.
        let text = match value {
            Value::String(text) => text.as_str(),
            Value::Null => return None,
            other => {
                self.wrong_type(&TYPE_STRING, other, path);
                return None;
            }
        };
        match variant(text) {
            Some(item) => Some(item),
            None => {
                self.unknown_name(text, path.render(), allowed);
                None
            }
        }
    }

    fn unknown_name(&mut self, name: &str, path: String, allowed: &str) {
        self.report_at(
            &ENUM_UNKNOWN,
            path,
            &[("value", &quote(name)), ("allowed", allowed)],
        );
    }

    /// The issues [`Decoder::complaint`] raises for the names the fast reader could not
    /// place (it read everything else, so these are all there are).
    pub(crate) fn unknown_names(&mut self, names: &UnknownNames<'_>) {
        let fields = [
            ("/complainant/kind", KINDS),
            ("/respondent/level", LEVELS),
            ("/conduct/category", CATEGORIES),
        ];
        for (name, (path, allowed)) in names.0.iter().zip(fields) {
            if let Some(name) = name {
                self.unknown_name(name, path.to_owned(), allowed);
            }
        }
    }

    /// A list whose elements decode with `element`; a non-object element keeps its place as a
    /// default value so later indices stay right.
    fn list<T: Default>(
        &mut self,
        value: &Value,
        path: &Path<'_>,
        mut element: impl FnMut(&mut Decoder, &Map<String, Value>, &Path<'_>) -> T,
    ) -> Vec<T> {
        let items = match value {
            Value::Array(items) => items,
            Value::Null => return Vec::new(),
            other => {
                self.wrong_type(&TYPE_ARRAY, other, path);
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (at, item) in items.iter().enumerate() {
            let item_path = Path::Index(path, at);
            match item {
                Value::Object(map) => out.push(element(self, map, &item_path)),
                other => {
                    self.wrong_type(&TYPE_OBJECT, other, &item_path);
                    out.push(T::default());
                }
            }
        }
        out
    }

    /// Walks the fields of one object: a field named `names[i]` goes to `each(i, …)`, any
    /// other is reported as unknown. One shared loop (rather than a `match` on the key text
    /// and a map iteration in every decoder) keeps the decoders about 4 KB smaller in the
    /// WebAssembly package.
    fn fields(
        &mut self,
        map: &Map<String, Value>,
        base: &Path<'_>,
        names: &[&str],
        each: &mut dyn FnMut(&mut Decoder, usize, &Value, &Path<'_>),
    ) {
        for (key, value) in map {
            let path = Path::Key(base, key);
            // Length and first byte before the full comparison: most names differ there.
            let known = names.iter().position(|name| {
                name.len() == key.len()
                    && name.as_bytes().first() == key.as_bytes().first()
                    && *name == key
            });
            match known {
                Some(field) => each(self, field, value, &path),
                None => self.unknown(key, &path),
            }
        }
    }

    // ----- complaints -------------------------------------------------------------------

    pub(crate) fn complaint(&mut self, value: &Value) -> Complaint {
        let mut out = Complaint::default();
        let root = Path::Root;
        let Some(map) = self.object(value, &root) else {
            if value.is_null() {
                self.wrong_type(&TYPE_OBJECT, value, &root);
            }
            return out;
        };
        self.fields(
            map,
            &root,
            &[
                "complainant",
                "respondent",
                "conduct",
                "attachments",
                "remedy",
                "receivedAt",
            ],
            &mut |d, field, value, path| match field {
                0 => out.complainant = d.object(value, path).map(|m| d.complainant(m, path)),
                1 => out.respondent = d.object(value, path).map(|m| d.respondent(m, path)),
                2 => out.conduct = d.object(value, path).map(|m| d.conduct(m, path)),
                3 => out.attachments = d.list(value, path, Decoder::attachment),
                4 => d.text(&mut out.remedy, value, path),
                5 => d.text(&mut out.received_at, value, path),
                _ => {}
            },
        );
        out
    }

    fn complainant(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Complainant {
        let mut out = Complainant::default();
        self.fields(
            map,
            base,
            &["kind", "name", "uscc", "contact", "realName", "idNumber"],
            &mut |d, field, value, path| match field {
                0 => out.kind = d.enumeration(value, path, KINDS),
                1 => d.text(&mut out.name, value, path),
                2 => d.text(&mut out.uscc, value, path),
                3 => out.contact = d.object(value, path).map(|m| d.contact(m, path)),
                4 => out.real_name = d.boolean(value, path),
                5 => d.text(&mut out.id_number, value, path),
                _ => {}
            },
        );
        out
    }

    fn contact(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Contact {
        let mut out = Contact::default();
        self.fields(
            map,
            base,
            &["name", "phone", "email"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.name, value, path),
                1 => d.text(&mut out.phone, value, path),
                2 => d.text(&mut out.email, value, path),
                _ => {}
            },
        );
        out
    }

    fn respondent(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Respondent {
        let mut out = Respondent::default();
        self.fields(
            map,
            base,
            &["agency", "divisionCode", "level"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.agency, value, path),
                1 => d.text(&mut out.division_code, value, path),
                2 => out.level = d.enumeration(value, path, LEVELS),
                _ => {}
            },
        );
        out
    }

    fn conduct(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Conduct {
        let mut out = Conduct::default();
        self.fields(
            map,
            base,
            &[
                "category",
                "occurredOn",
                "description",
                "amountFen",
                "commitmentRef",
            ],
            &mut |d, field, value, path| match field {
                0 => out.category = d.enumeration(value, path, CATEGORIES),
                1 => d.text(&mut out.occurred_on, value, path),
                2 => d.text(&mut out.description, value, path),
                3 => out.amount_fen = d.integer(value, path),
                4 => d.text(&mut out.commitment_ref, value, path),
                _ => {}
            },
        );
        out
    }

    fn attachment(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Attachment {
        let mut out = Attachment::default();
        self.fields(
            map,
            base,
            &["name", "mediaType", "sizeBytes", "sha256"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.name, value, path),
                1 => d.text(&mut out.media_type, value, path),
                2 => out.size_bytes = d.integer(value, path),
                3 => d.text(&mut out.sha256, value, path),
                _ => {}
            },
        );
        out
    }

    // ----- contracts --------------------------------------------------------------------

    pub(crate) fn contract(&mut self, value: &Value) -> Contract {
        let mut out = Contract::default();
        let root = Path::Root;
        let Some(map) = self.object(value, &root) else {
            if value.is_null() {
                self.wrong_type(&TYPE_OBJECT, value, &root);
            }
            return out;
        };
        self.fields(
            map,
            &root,
            &[
                "project",
                "investor",
                "authority",
                "writtenForm",
                "commitments",
                "investorObligations",
                "change",
            ],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.project, value, path),
                1 => out.investor = d.object(value, path).map(|m| d.investor(m, path)),
                2 => out.authority = d.object(value, path).map(|m| d.authority(m, path)),
                3 => out.written_form = d.object(value, path).map(|m| d.written_form(m, path)),
                4 => out.commitments = d.list(value, path, Decoder::commitment),
                5 => out.investor_obligations = d.list(value, path, Decoder::obligation),
                6 => out.change = d.object(value, path).map(|m| d.change(m, path)),
                _ => {}
            },
        );
        out
    }

    fn investor(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Investor {
        let mut out = Investor::default();
        self.fields(
            map,
            base,
            &["name", "uscc", "contact"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.name, value, path),
                1 => d.text(&mut out.uscc, value, path),
                2 => out.contact = d.object(value, path).map(|m| d.contact(m, path)),
                _ => {}
            },
        );
        out
    }

    fn authority(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Authority {
        let mut out = Authority::default();
        self.fields(
            map,
            base,
            &["agency", "divisionCode", "level"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.agency, value, path),
                1 => d.text(&mut out.division_code, value, path),
                2 => out.level = d.enumeration(value, path, LEVELS),
                _ => {}
            },
        );
        out
    }

    fn written_form(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> WrittenForm {
        let mut out = WrittenForm::default();
        self.fields(
            map,
            base,
            &["documentNo", "signedOn"],
            &mut |d, field, value, path| match field {
                0 => d.text(&mut out.document_no, value, path),
                1 => d.text(&mut out.signed_on, value, path),
                _ => {}
            },
        );
        out
    }

    fn commitment(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Commitment {
        let mut out = Commitment::default();
        self.fields(
            map,
            base,
            &["kind", "description", "amountFen", "dueOn"],
            &mut |d, field, value, path| match field {
                0 => {
                    out.kind = d.enumeration(
                        value,
                        path,
                        "landSupply, taxIncentive, subsidy, infrastructure, approvalService, other",
                    )
                }
                1 => d.text(&mut out.description, value, path),
                2 => out.amount_fen = d.integer(value, path),
                3 => d.text(&mut out.due_on, value, path),
                _ => {}
            },
        );
        out
    }

    fn obligation(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Obligation {
        let mut out = Obligation::default();
        self.fields(
            map,
            base,
            &["description"],
            // The one known field.
            &mut |d, _, value, path| d.text(&mut out.description, value, path),
        );
        out
    }

    fn change(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Change {
        let mut out = Change::default();
        self.fields(
            map,
            base,
            &[
                "kind",
                "initiatedBy",
                "reason",
                "statement",
                "negotiated",
                "investorLossFen",
                "compensationFen",
            ],
            &mut |d, field, value, path| match field {
                0 => out.kind = d.enumeration(value, path, "termination, modification, suspension"),
                1 => out.initiated_by = d.enumeration(value, path, "government, investor, both"),
                2 => out.reason = d.enumeration(value, path, REASONS),
                3 => d.text(&mut out.statement, value, path),
                4 => out.negotiated = d.boolean(value, path),
                5 => out.investor_loss_fen = d.integer(value, path),
                6 => out.compensation_fen = d.integer(value, path),
                _ => {}
            },
        );
        out
    }
}

/// The variant of a unit-only enum named `name` (its serde name), or `None`.
pub(crate) fn variant<T: DeserializeOwned>(name: &str) -> Option<T> {
    let names: StrDeserializer<'_, NotAVariant> = name.into_deserializer();
    T::deserialize(names).ok()
}

/// The error of [`variant`]: serde's own (`serde::de::value::Error`) formats a message
/// listing every variant, which is all of a failed look-up's cost and is never shown.
#[derive(Debug)]
pub(crate) struct NotAVariant;

impl std::fmt::Display for NotAVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a variant")
    }
}

impl std::error::Error for NotAVariant {}

impl serde::de::Error for NotAVariant {
    fn custom<T: std::fmt::Display>(_: T) -> NotAVariant {
        NotAVariant
    }
}

const KINDS: &str = "enterprise, individualBusiness, person";

const LEVELS: &str = "region, city, county";

const REASONS: &str = "governmentTransition, leadershipChange, planningAdjustment, policyChange, \
                       forceMajeure, investorDefault, mutualAgreement, other";

const CATEGORIES: &str = "abuseOrNeglect, acceptingBenefits, holdingPostInEnterprise, \
                          relativesProfiteering, collusion, selectiveEnforcement, \
                          duplicateEnforcement, borrowingFunds, withholdingFunds, forcedLabor, \
                          occupyingProperty, forcedMembership, paidPublicity, designatedPurchase, \
                          demandingProducts, forcedTraining, biddingRestriction, ipInfringement, \
                          forcedGuarantee, apportionment, unauthorizedAssessment, \
                          otherInfringement, breachOfCommitment";

/// What a value is, in words a citizen knows.
fn describe(value: &Value, lang: Lang) -> &'static str {
    match (value, lang) {
        (Value::Null, Lang::Zh) => "空值",
        (Value::Null, Lang::En) => "empty (null)",
        (Value::Bool(_), Lang::Zh) => "是/否值",
        (Value::Bool(_), Lang::En) => "true/false",
        (Value::Number(number), Lang::Zh) if number.is_f64() => "带小数的数字",
        (Value::Number(number), Lang::En) if number.is_f64() => "a number with a fraction",
        (Value::Number(number), Lang::Zh) if number.is_u64() && !number.is_i64() => "过大的数字",
        (Value::Number(number), Lang::En) if number.is_u64() && !number.is_i64() => {
            "a number too large"
        }
        (Value::Number(_), Lang::Zh) => "数字",
        (Value::Number(_), Lang::En) => "a number",
        (Value::String(_), Lang::Zh) => "文字",
        (Value::String(_), Lang::En) => "text",
        (Value::Array(_), Lang::Zh) => "列表",
        (Value::Array(_), Lang::En) => "a list",
        (Value::Object(_), Lang::Zh) => "一组字段",
        (Value::Object(_), Lang::En) => "a group of fields",
    }
}
