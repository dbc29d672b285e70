//! The case model: the JSON documents enterprises and investment-promotion offices submit.
//!
//! Field names are the public JSON contract (camelCase). Text and dates are kept as the user
//! typed them (`String`), so nothing entered is lost and every rule can say exactly what is
//! wrong with a value; the rules parse them. Every field is optional in the type: a missing
//! required field is an [`Issue`](crate::Issue) at its own path, not a parse failure.
//!
//! Deserialising these types with serde directly ignores unknown fields and stops at the first
//! wrong type; [`validate_complaint_json`](crate::validate_complaint_json) and the other
//! `_json` / `_value` entry points instead report every unknown field, wrong type and unknown
//! enum value as an issue at its path.

use serde::{Deserialize, Serialize};

use crate::conduct::ConductId;

/// A complaint by an enterprise (or a person) about an official's conduct (§七, §八).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Complaint {
    /// Who complains.
    pub complainant: Option<Complainant>,
    /// The agency complained about.
    pub respondent: Option<Respondent>,
    /// What happened.
    pub conduct: Option<Conduct>,
    /// Evidence files (metadata only; contents travel separately).
    pub attachments: Vec<Attachment>,
    /// What the complainant asks for.
    pub remedy: Option<String>,
    /// When the platform received it (RFC 3339); set by the server.
    pub received_at: Option<String>,
}

/// The party that complains.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Complainant {
    /// Enterprise, individual business or person.
    pub kind: Option<ComplainantKind>,
    /// Registered name, or the person's name.
    pub name: Option<String>,
    /// Unified social credit code (GB 32100-2015); required for enterprises.
    pub uscc: Option<String>,
    /// How to reach the complainant.
    pub contact: Option<Contact>,
    /// Whether the complainant gives their real name (§六: real-name reports go first).
    pub real_name: Option<bool>,
    /// Resident identity card number (GB 11643-1999) of the person reporting.
    pub id_number: Option<String>,
}

/// Kinds of complainant.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ComplainantKind {
    /// 企业.
    Enterprise,
    /// 个体工商户.
    IndividualBusiness,
    /// 自然人.
    Person,
}

/// A contact person.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    /// Name of the contact person.
    pub name: Option<String>,
    /// Phone number: mobile, landline with area code, or a short code.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
}

/// Administrative level of an agency.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// 自治区 (province level).
    Region,
    /// 设区市.
    City,
    /// 县（市、区）.
    County,
}

/// The agency complained about.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Respondent {
    /// Name of the agency.
    pub agency: Option<String>,
    /// GB/T 2260 division code of the agency's area; must be in Guangxi (45xxxx).
    pub division_code: Option<String>,
    /// Level of the agency; must match the division code.
    pub level: Option<Level>,
}

/// The conduct complained about.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Conduct {
    /// Catalogue id of the prohibited conduct.
    pub category: Option<ConductId>,
    /// Date it happened (YYYY-MM-DD).
    pub occurred_on: Option<String>,
    /// What happened, in the complainant's words (20–5000 characters).
    pub description: Option<String>,
    /// Money involved, in fen (1/100 yuan).
    pub amount_fen: Option<i64>,
    /// For `breachOfCommitment`: the commitment's document number or contract reference.
    pub commitment_ref: Option<String>,
}

/// Metadata of one evidence file.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Attachment {
    /// File name.
    pub name: Option<String>,
    /// MIME type: pdf, jpeg, png, docx, xlsx or ofd.
    pub media_type: Option<String>,
    /// Size in bytes (at most 20 MiB).
    pub size_bytes: Option<i64>,
    /// SHA-256 of the contents, 64 hex digits.
    pub sha256: Option<String>,
}

/// A written investment commitment and any change to it (§九).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Contract {
    /// Name of the investment project.
    pub project: Option<String>,
    /// The investing enterprise.
    pub investor: Option<Investor>,
    /// The government that made the commitments.
    pub authority: Option<Authority>,
    /// The written form the commitments were given in (§九 requires one).
    pub written_form: Option<WrittenForm>,
    /// What the government committed to.
    pub commitments: Vec<Commitment>,
    /// What the investor was asked to do in return.
    pub investor_obligations: Vec<Obligation>,
    /// A change to the commitments, if any.
    pub change: Option<Change>,
}

/// The investing enterprise.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Investor {
    /// Registered name.
    pub name: Option<String>,
    /// Unified social credit code.
    pub uscc: Option<String>,
    /// Contact person.
    pub contact: Option<Contact>,
}

/// The government side of a contract.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Authority {
    /// Name of the government or agency.
    pub agency: Option<String>,
    /// GB/T 2260 division code; must be in Guangxi.
    pub division_code: Option<String>,
    /// Level; must match the division code.
    pub level: Option<Level>,
}

/// The document that records the commitments.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WrittenForm {
    /// Document number, such as 柳政函〔2024〕12号.
    pub document_no: Option<String>,
    /// Date signed (YYYY-MM-DD).
    pub signed_on: Option<String>,
}

/// Kinds of commitment.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CommitmentKind {
    /// 土地供应.
    LandSupply,
    /// 税收优惠.
    TaxIncentive,
    /// 资金补助.
    Subsidy,
    /// 基础设施配套.
    Infrastructure,
    /// 审批服务.
    ApprovalService,
    /// 其他.
    Other,
}

/// One commitment by the government.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Commitment {
    /// Kind of commitment.
    pub kind: Option<CommitmentKind>,
    /// What was promised.
    pub description: Option<String>,
    /// Money involved, in fen.
    pub amount_fen: Option<i64>,
    /// When it is due (YYYY-MM-DD).
    pub due_on: Option<String>,
}

/// One thing the investor was asked to do.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Obligation {
    /// The obligation as written.
    pub description: Option<String>,
}

/// Kinds of change to the commitments.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// 终止（毁约）.
    Termination,
    /// 变更.
    Modification,
    /// 暂停、拖延履行.
    Suspension,
}

/// Who started a change.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Initiator {
    /// The government side.
    Government,
    /// The investor.
    Investor,
    /// Both, by agreement.
    Both,
}

/// Reasons given for a change (§九 lists the first four as unacceptable).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeReason {
    /// 政府换届.
    GovernmentTransition,
    /// 领导人员更替.
    LeadershipChange,
    /// 规划调整.
    PlanningAdjustment,
    /// 政策改变.
    PolicyChange,
    /// 不可抗力.
    ForceMajeure,
    /// 投资方违约.
    InvestorDefault,
    /// 双方协商一致.
    MutualAgreement,
    /// 其他.
    Other,
}

/// A change to the commitments.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Change {
    /// Termination, modification or suspension.
    pub kind: Option<ChangeKind>,
    /// Who started it.
    pub initiated_by: Option<Initiator>,
    /// The reason given.
    pub reason: Option<ChangeReason>,
    /// The reason in the government's own words.
    pub statement: Option<String>,
    /// Whether it was negotiated with the investor (§九: 积极协商解决).
    pub negotiated: Option<bool>,
    /// The investor's loss, in fen.
    pub investor_loss_fen: Option<i64>,
    /// Compensation offered, in fen; `null` when none.
    pub compensation_fen: Option<i64>,
}
