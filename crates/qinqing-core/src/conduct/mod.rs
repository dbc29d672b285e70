//! The prohibition catalogue (§五, §六, §七, §九) and conduct detection in free text.
//!
//! - `catalogue.rs`: the data, one entry per [`ConductId`] (titles, clause, seed quote,
//!   trigger phrases) and the id's accessors.
//! - `detect.rs`: finding those phrases in a citizen's description.

use serde::{Deserialize, Serialize};

use crate::answer::Lang;

mod catalogue;
mod detect;

pub use detect::{detect_conduct, detected_ids};
pub(crate) use detect::{detected_mask, id_bit, MAX_SCAN_BYTES};

/// Catalogue ids of prohibited conduct. The camelCase names are the public contract.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConductId {
    /// §五 滥用职权或玩忽职守.
    AbuseOrNeglect,
    /// §五 收受企业财物、接受宴请旅游等安排.
    AcceptingBenefits,
    /// §五 在企业中兼职任职、领取报酬.
    HoldingPostInEnterprise,
    /// §五 亲属违规在企业牟利.
    RelativesProfiteering,
    /// §六 官商勾结、利益输送.
    Collusion,
    /// §七 选择性执法.
    SelectiveEnforcement,
    /// §七 多重多头执法.
    DuplicateEnforcement,
    /// §七 借用企业资金.
    BorrowingFunds,
    /// §七 占用应拨付、应退还企业的款项.
    WithholdingFunds,
    /// §七 要求企业无偿或廉价提供劳务.
    ForcedLabor,
    /// §七 无偿占用企业财物.
    OccupyingProperty,
    /// §七 强制参加社团、缴纳会费.
    ForcedMembership,
    /// §七 要求接受有偿宣传.
    PaidPublicity,
    /// §七 强制购买指定商品、接受指定服务.
    DesignatedPurchase,
    /// §七 索要产品、强行低价购买.
    DemandingProducts,
    /// §七 强制法定之外的学习培训.
    ForcedTraining,
    /// §七 限制企业参与招投标采购.
    BiddingRestriction,
    /// §七 侵害知识产权、泄露商业秘密.
    IpInfringement,
    /// §七 强制提供担保、以企业名义借款.
    ForcedGuarantee,
    /// §七 摊派、索要赞助、强制捐赠.
    Apportionment,
    /// §七 违规评比达标.
    UnauthorizedAssessment,
    /// §七 其他侵害企业合法权益的行为.
    OtherInfringement,
    /// §九 违约毁约.
    BreachOfCommitment,
}

/// One conduct found in free text. Offsets count Unicode scalar values (characters), not
/// bytes, so they line up with JavaScript strings for Chinese text.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConductMatch {
    /// The conduct.
    pub id: ConductId,
    /// Character offset where the phrase starts.
    pub start: usize,
    /// Character offset just past the phrase.
    pub end: usize,
    /// The phrase as found.
    pub phrase: String,
}

/// One catalogue entry, rendered in one language.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueEntry {
    /// Catalogue id.
    pub id: ConductId,
    /// Title in the requested language.
    pub title: String,
    /// Seed clause, such as `§七`.
    pub clause: String,
    /// The seed wording the entry comes from (Chinese, verbatim).
    pub quote: String,
    /// Chinese phrases that reveal the conduct in free text.
    pub phrases: Vec<String>,
}

/// The whole catalogue in `lang`: one entry per [`ConductId`], in [`ConductId::ALL`] order.
pub fn catalogue(lang: Lang) -> Vec<CatalogueEntry> {
    ConductId::ALL
        .into_iter()
        .map(|id| CatalogueEntry {
            id,
            title: id.title(lang).to_owned(),
            clause: id.clause().to_owned(),
            quote: id.quote().to_owned(),
            phrases: id.phrases().map(str::to_owned).collect(),
        })
        .collect()
}
