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
// Serialize / Deserialize are written below (through `as_str` / `from_str_id`): the derived
// ones were a 23-way string match twice (≈ 3.3 KB of wasm). The serde attribute is only
// read by tsify and schemars, which name the variants the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    any(feature = "ts", feature = "schema"),
    serde(rename_all = "camelCase")
)]
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

/// The JSON names, in [`ConductId::ALL`] order, for serde's "unknown variant" message (a
/// test checks them against [`ConductId::as_str`]).
const NAMES: &[&str] = &[
    "abuseOrNeglect",
    "acceptingBenefits",
    "holdingPostInEnterprise",
    "relativesProfiteering",
    "collusion",
    "selectiveEnforcement",
    "duplicateEnforcement",
    "borrowingFunds",
    "withholdingFunds",
    "forcedLabor",
    "occupyingProperty",
    "forcedMembership",
    "paidPublicity",
    "designatedPurchase",
    "demandingProducts",
    "forcedTraining",
    "biddingRestriction",
    "ipInfringement",
    "forcedGuarantee",
    "apportionment",
    "unauthorizedAssessment",
    "otherInfringement",
    "breachOfCommitment",
];

impl Serialize for ConductId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ConductId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IdVisitor)
    }
}

/// Reads a [`ConductId`] from its JSON name, with the derived impl's messages.
struct IdVisitor;

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = ConductId;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("enum ConductId")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ConductId, E> {
        // Over the plain name table (a length check each, one memcmp), not `from_str_id`:
        // this runs on every complaint with a category, on the hot path.
        NAMES
            .iter()
            .position(|name| *name == text)
            .and_then(|at| ConductId::ALL.get(at).copied())
            .ok_or_else(|| E::unknown_variant(text, NAMES))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_ids_in_order() {
        let ids: Vec<&str> = ConductId::ALL.into_iter().map(ConductId::as_str).collect();
        assert_eq!(ids, NAMES);
    }

    #[test]
    fn serde_uses_the_json_names() {
        for id in ConductId::ALL {
            let text = serde_json::to_string(&id).unwrap();
            assert_eq!(text, format!("\"{}\"", id.as_str()));
            assert_eq!(serde_json::from_str::<ConductId>(&text).unwrap(), id);
        }
        let unknown = serde_json::from_str::<ConductId>("\"bribery\"").unwrap_err();
        assert!(unknown
            .to_string()
            .starts_with("unknown variant `bribery`, expected one of `abuseOrNeglect`, "));
        let number = serde_json::from_str::<ConductId>("3").unwrap_err();
        assert!(number
            .to_string()
            .starts_with("invalid type: integer `3`, expected enum ConductId"));
    }
}
