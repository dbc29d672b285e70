//! A change to the commitments (§九): "不得以政府换届、领导人员更替、规划调整或者政策改变等理由
//! 单方违约毁约，确实无法履行的，应积极协商解决；造成企业损失的，依法依规予以补偿".
//!
//! - the government may not break a commitment for one of the four listed reasons: an error,
//!   softened to a warning when the change was negotiated with the investor;
//! - a loss the investor suffered from a change it did not cause must be compensated: no
//!   compensation is an error, less than the loss a warning;
//! - a statement that names a listed reason while the form gives another is a warning, since
//!   the statement is usually the truer account.

use crate::answer::{Lang, Severity};
use crate::codes::Rule;
use crate::model::{Change, ChangeReason, Initiator};

use super::context::{present, yuan, Ctx, Loc};

pub(crate) static PROHIBITED_REASON: Rule = Rule {
    code: "change.prohibitedReason",
    severity: Severity::Error,
    basis: "§九",
    zh: "不得以“{reason}”为由单方违约毁约；确实无法履行的，应当与企业积极协商解决。",
    en: "A commitment may not be broken unilaterally because of “{reason}”; if it truly cannot be kept, it must be negotiated with the enterprise.",
};

pub(crate) static NEGOTIATED_PROHIBITED_REASON: Rule = Rule {
    code: "change.negotiatedProhibitedReason",
    severity: Severity::Warning,
    basis: "§九",
    zh: "以“{reason}”为由变更承诺，虽已与企业协商，仍请确认协商结果有书面记录，企业的损失已依法补偿。",
    en: "The commitment changes because of “{reason}”; it was negotiated, but please make sure the agreement is in writing and the enterprise's loss is compensated.",
};

pub(crate) static UNCOMPENSATED_LOSS: Rule = Rule {
    code: "change.uncompensatedLoss",
    severity: Severity::Error,
    basis: "§九",
    zh: "企业损失 {loss} 元，但没有给予补偿；造成企业损失的，应当依法依规予以补偿。",
    en: "The enterprise lost {loss} yuan but no compensation is given; a loss caused to an enterprise must be compensated.",
};

pub(crate) static PARTIAL_COMPENSATION: Rule = Rule {
    code: "change.partialCompensation",
    severity: Severity::Warning,
    basis: "§九",
    zh: "补偿 {compensation} 元少于企业损失 {loss} 元，请说明差额的依据。",
    en: "The compensation of {compensation} yuan is less than the loss of {loss} yuan; please explain the difference.",
};

pub(crate) static STATEMENT_CONTRADICTS_REASON: Rule = Rule {
    code: "change.statementContradictsReason",
    severity: Severity::Warning,
    basis: "§九",
    zh: "说明中提到“{phrase}”，但所填的理由是“{reason}”；请如实填写理由。",
    en: "The statement mentions “{phrase}” but the reason given is “{reason}”; please give the real reason.",
};

/// Phrases in a statement that reveal one of the four reasons §九 rules out.
const REVEALING_PHRASES: &[(&str, ChangeReason)] = &[
    ("换届", ChangeReason::GovernmentTransition),
    ("领导调整", ChangeReason::LeadershipChange),
    ("领导更替", ChangeReason::LeadershipChange),
    ("领导变动", ChangeReason::LeadershipChange),
    ("领导变更", ChangeReason::LeadershipChange),
    ("人员更替", ChangeReason::LeadershipChange),
    ("新任领导", ChangeReason::LeadershipChange),
    ("规划调整", ChangeReason::PlanningAdjustment),
    ("规划变更", ChangeReason::PlanningAdjustment),
    ("规划修编", ChangeReason::PlanningAdjustment),
    ("调整规划", ChangeReason::PlanningAdjustment),
    ("政策调整", ChangeReason::PolicyChange),
    ("政策变化", ChangeReason::PolicyChange),
    ("政策改变", ChangeReason::PolicyChange),
    ("政策变动", ChangeReason::PolicyChange),
];

pub(crate) fn check(ctx: &mut Ctx<'_>, change: &Option<Change>) {
    let Some(change) = change else {
        return;
    };
    ctx.required(&change.kind, Loc::At("/change/kind"));
    let initiator = ctx
        .required(&change.initiated_by, Loc::At("/change/initiatedBy"))
        .copied();
    let reason = ctx
        .required(&change.reason, Loc::At("/change/reason"))
        .copied();
    ctx.non_negative(change.investor_loss_fen, Loc::At("/change/investorLossFen"));
    ctx.non_negative(change.compensation_fen, Loc::At("/change/compensationFen"));
    let lang = ctx.options.lang;

    if let Some(reason) = reason.filter(|reason| is_ruled_out(*reason)) {
        if initiator == Some(Initiator::Government) {
            let rule = if change.negotiated == Some(true) {
                &NEGOTIATED_PROHIBITED_REASON
            } else {
                &PROHIBITED_REASON
            };
            ctx.report(
                rule,
                Loc::At("/change/reason"),
                &[("reason", label(reason, lang))],
            );
        }
    }

    if let (Some(reason), Some(statement)) = (reason, present(&change.statement)) {
        if !is_ruled_out(reason) {
            let revealed = REVEALING_PHRASES
                .iter()
                .find(|(phrase, _)| contains(statement, phrase));
            if let Some((phrase, _)) = revealed {
                ctx.report(
                    &STATEMENT_CONTRADICTS_REASON,
                    Loc::At("/change/statement"),
                    &[("phrase", phrase), ("reason", label(reason, lang))],
                );
            }
        }
    }

    let investor_caused =
        initiator == Some(Initiator::Investor) || reason == Some(ChangeReason::InvestorDefault);
    let loss = change.investor_loss_fen.unwrap_or(0);
    if loss > 0 && !investor_caused {
        match change.compensation_fen {
            None | Some(0) => {
                ctx.report(
                    &UNCOMPENSATED_LOSS,
                    Loc::At("/change/compensationFen"),
                    &[("loss", &yuan(loss))],
                );
            }
            Some(compensation) if (0..loss).contains(&compensation) => {
                ctx.report(
                    &PARTIAL_COMPENSATION,
                    Loc::At("/change/compensationFen"),
                    &[("compensation", &yuan(compensation)), ("loss", &yuan(loss))],
                );
            }
            Some(_) => {}
        }
    }
}

/// The four reasons §九 names.
fn is_ruled_out(reason: ChangeReason) -> bool {
    matches!(
        reason,
        ChangeReason::GovernmentTransition
            | ChangeReason::LeadershipChange
            | ChangeReason::PlanningAdjustment
            | ChangeReason::PolicyChange
    )
}

fn label(reason: ChangeReason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (ChangeReason::GovernmentTransition, Lang::Zh) => "政府换届",
        (ChangeReason::GovernmentTransition, Lang::En) => "a change of government",
        (ChangeReason::LeadershipChange, Lang::Zh) => "领导人员更替",
        (ChangeReason::LeadershipChange, Lang::En) => "a change of leaders",
        (ChangeReason::PlanningAdjustment, Lang::Zh) => "规划调整",
        (ChangeReason::PlanningAdjustment, Lang::En) => "a planning adjustment",
        (ChangeReason::PolicyChange, Lang::Zh) => "政策改变",
        (ChangeReason::PolicyChange, Lang::En) => "a policy change",
        (ChangeReason::ForceMajeure, Lang::Zh) => "不可抗力",
        (ChangeReason::ForceMajeure, Lang::En) => "force majeure",
        (ChangeReason::InvestorDefault, Lang::Zh) => "投资方违约",
        (ChangeReason::InvestorDefault, Lang::En) => "the investor's default",
        (ChangeReason::MutualAgreement, Lang::Zh) => "双方协商一致",
        (ChangeReason::MutualAgreement, Lang::En) => "mutual agreement",
        (ChangeReason::Other, Lang::Zh) => "其他",
        (ChangeReason::Other, Lang::En) => "other",
    }
}

/// `text.contains(phrase)` byte by byte: a match of a whole UTF-8 sequence always starts at a
/// character boundary, and `str::contains` would link the two-way string searcher into the
/// WebAssembly for this one call (≈ 1 KB gzip).
fn contains(text: &str, phrase: &str) -> bool {
    let phrase = phrase.as_bytes();
    phrase.is_empty()
        || text
            .as_bytes()
            .windows(phrase.len())
            .any(|window| window == phrase)
}

#[cfg(test)]
mod contains_tests {
    use super::contains;

    #[test]
    fn same_as_str_contains() {
        let texts = [
            "",
            "换届",
            "因政府换届，项目暂停",
            "领导更替后不再执行",
            "a换b届",
            "换",
            "届换届",
        ];
        let phrases = ["换届", "届", "领导更替", "a", "换b", ""];
        for text in texts {
            for phrase in phrases {
                assert_eq!(
                    contains(text, phrase),
                    text.contains(phrase),
                    "{text:?} {phrase:?}"
                );
            }
        }
    }
}
