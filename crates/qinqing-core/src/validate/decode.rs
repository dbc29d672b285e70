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

use serde::de::{DeserializeOwned, IntoDeserializer};
use serde_json::{Map, Value};

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;
use crate::model::{
    Attachment, Authority, Change, Commitment, Complainant, Complaint, Conduct, Contact, Contract,
    Investor, Obligation, Respondent, WrittenForm,
};

use super::context::{quote, MAX_ISSUES};

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
        if self.issues.len() >= MAX_ISSUES {
            self.truncated = true;
            return;
        }
        let mut issue = Issue::new(rule, path.render(), self.lang, args);
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
        let parsed: Result<T, serde::de::value::Error> = T::deserialize(text.into_deserializer());
        match parsed {
            Ok(item) => Some(item),
            Err(_) => {
                self.report(
                    &ENUM_UNKNOWN,
                    path,
                    &[("value", &quote(text)), ("allowed", allowed)],
                );
                None
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
        for (key, value) in map {
            let path = Path::Key(&root, key);
            match key.as_str() {
                "complainant" => {
                    out.complainant = self
                        .object(value, &path)
                        .map(|m| self.complainant(m, &path))
                }
                "respondent" => {
                    out.respondent = self.object(value, &path).map(|m| self.respondent(m, &path))
                }
                "conduct" => {
                    out.conduct = self.object(value, &path).map(|m| self.conduct(m, &path))
                }
                "attachments" => out.attachments = self.list(value, &path, Decoder::attachment),
                "remedy" => out.remedy = self.string(value, &path),
                "receivedAt" => out.received_at = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn complainant(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Complainant {
        let mut out = Complainant::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "kind" => {
                    out.kind =
                        self.enumeration(value, &path, "enterprise, individualBusiness, person")
                }
                "name" => out.name = self.string(value, &path),
                "uscc" => out.uscc = self.string(value, &path),
                "contact" => {
                    out.contact = self.object(value, &path).map(|m| self.contact(m, &path))
                }
                "realName" => out.real_name = self.boolean(value, &path),
                "idNumber" => out.id_number = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn contact(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Contact {
        let mut out = Contact::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "name" => out.name = self.string(value, &path),
                "phone" => out.phone = self.string(value, &path),
                "email" => out.email = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn respondent(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Respondent {
        let mut out = Respondent::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "agency" => out.agency = self.string(value, &path),
                "divisionCode" => out.division_code = self.string(value, &path),
                "level" => out.level = self.enumeration(value, &path, LEVELS),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn conduct(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Conduct {
        let mut out = Conduct::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "category" => out.category = self.enumeration(value, &path, CATEGORIES),
                "occurredOn" => out.occurred_on = self.string(value, &path),
                "description" => out.description = self.string(value, &path),
                "amountFen" => out.amount_fen = self.integer(value, &path),
                "commitmentRef" => out.commitment_ref = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn attachment(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Attachment {
        let mut out = Attachment::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "name" => out.name = self.string(value, &path),
                "mediaType" => out.media_type = self.string(value, &path),
                "sizeBytes" => out.size_bytes = self.integer(value, &path),
                "sha256" => out.sha256 = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
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
        for (key, value) in map {
            let path = Path::Key(&root, key);
            match key.as_str() {
                "project" => out.project = self.string(value, &path),
                "investor" => {
                    out.investor = self.object(value, &path).map(|m| self.investor(m, &path))
                }
                "authority" => {
                    out.authority = self.object(value, &path).map(|m| self.authority(m, &path))
                }
                "writtenForm" => {
                    out.written_form = self
                        .object(value, &path)
                        .map(|m| self.written_form(m, &path))
                }
                "commitments" => out.commitments = self.list(value, &path, Decoder::commitment),
                "investorObligations" => {
                    out.investor_obligations = self.list(value, &path, Decoder::obligation)
                }
                "change" => out.change = self.object(value, &path).map(|m| self.change(m, &path)),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn investor(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Investor {
        let mut out = Investor::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "name" => out.name = self.string(value, &path),
                "uscc" => out.uscc = self.string(value, &path),
                "contact" => {
                    out.contact = self.object(value, &path).map(|m| self.contact(m, &path))
                }
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn authority(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Authority {
        let mut out = Authority::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "agency" => out.agency = self.string(value, &path),
                "divisionCode" => out.division_code = self.string(value, &path),
                "level" => out.level = self.enumeration(value, &path, LEVELS),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn written_form(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> WrittenForm {
        let mut out = WrittenForm::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "documentNo" => out.document_no = self.string(value, &path),
                "signedOn" => out.signed_on = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn commitment(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Commitment {
        let mut out = Commitment::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "kind" => {
                    out.kind = self.enumeration(
                        value,
                        &path,
                        "landSupply, taxIncentive, subsidy, infrastructure, approvalService, other",
                    )
                }
                "description" => out.description = self.string(value, &path),
                "amountFen" => out.amount_fen = self.integer(value, &path),
                "dueOn" => out.due_on = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn obligation(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Obligation {
        let mut out = Obligation::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "description" => out.description = self.string(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }

    fn change(&mut self, map: &Map<String, Value>, base: &Path<'_>) -> Change {
        let mut out = Change::default();
        for (key, value) in map {
            let path = Path::Key(base, key);
            match key.as_str() {
                "kind" => {
                    out.kind =
                        self.enumeration(value, &path, "termination, modification, suspension")
                }
                "initiatedBy" => {
                    out.initiated_by = self.enumeration(value, &path, "government, investor, both")
                }
                "reason" => out.reason = self.enumeration(value, &path, REASONS),
                "statement" => out.statement = self.string(value, &path),
                "negotiated" => out.negotiated = self.boolean(value, &path),
                "investorLossFen" => out.investor_loss_fen = self.integer(value, &path),
                "compensationFen" => out.compensation_fen = self.integer(value, &path),
                _ => self.unknown(key, &path),
            }
        }
        out
    }
}

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
