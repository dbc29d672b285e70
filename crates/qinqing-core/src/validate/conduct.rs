//! What happened (§五–§七, §九): the category, the date, the description and the money.
//!
//! - the description is 20–5000 characters (counted as characters, as a citizen counts 字);
//! - the date is a real day, not after today;
//! - when the description reads like a different catalogue entry than the chosen category,
//!   a warning suggests the ids found (the citizen decides; detection is by phrases);
//! - a broken commitment (§九) needs a reference to the commitment;
//! - a real-name report of collusion is handled first (§六: 实名举报应当优先办理).

use crate::answer::Severity;
use crate::codes::Rule;
use crate::conduct::{detected_ids, detected_mask, id_bit, ConductId, MAX_SCAN_BYTES};
use crate::model::Conduct;

use super::context::{present, Ctx, Loc};

/// Fewest characters a description may have: enough for when, where and what.
const MIN_DESCRIPTION_CHARS: usize = 20;
/// Most characters a description may have; longer material goes into attachments.
const MAX_DESCRIPTION_CHARS: usize = 5000;

pub(crate) static DESCRIPTION_TOO_SHORT: Rule = Rule {
    code: "conduct.descriptionTooShort",
    severity: Severity::Error,
    basis: "§八",
    zh: "问题描述至少需要 20 个字，目前只有 {count} 个字。请写明时间、地点、经过。",
    en: "The description needs at least 20 characters; it has {count}. Please say when, where and what happened.",
};

pub(crate) static DESCRIPTION_TOO_LONG: Rule = Rule {
    code: "conduct.descriptionTooLong",
    severity: Severity::Error,
    basis: "§八",
    zh: "问题描述最多 5000 个字，目前有 {count} 个字。请精简，详细材料可作为附件上传。",
    en: "The description can have at most 5000 characters; it has {count}. Please shorten it and attach longer material as files.",
};

pub(crate) static CATEGORY_MISMATCH: Rule = Rule {
    code: "conduct.categoryMismatch",
    severity: Severity::Warning,
    basis: "§七",
    zh: "描述的内容看起来属于“{suggested}”，与所选类别“{category}”不一致，请确认类别是否选对。",
    en: "The description reads like “{suggested}” rather than the chosen category “{category}”; please check the category.",
};

pub(crate) static COMMITMENT_REF_REQUIRED: Rule = Rule {
    code: "conduct.commitmentRefRequired",
    severity: Severity::Error,
    basis: "§九",
    zh: "投诉政府违约毁约时，请填写所违反承诺的文件编号或合同编号。",
    en: "For a broken commitment, please give the document or contract number of the commitment.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, conduct: &Option<Conduct>, real_name: bool) {
    let Some(conduct) = ctx.required(conduct, Loc::At("/conduct")) else {
        return;
    };
    let category = ctx
        .required(&conduct.category, Loc::At("/conduct/category"))
        .copied();
    ctx.date(&conduct.occurred_on, Loc::At("/conduct/occurredOn"), true);
    let description = ctx.required_text(&conduct.description, Loc::At("/conduct/description"));
    // One pass over the description finds the phrases and counts the characters.
    let scanned = description.map(|description| (description, detected_mask(description)));
    if let Some((description, (_, scanned_chars))) = scanned {
        check_length(ctx, description, scanned_chars);
    }
    ctx.non_negative(conduct.amount_fen, Loc::At("/conduct/amountFen"));

    if let (Some(category), Some((description, (found, _)))) = (category, scanned) {
        check_category_fits(ctx, category, description, found);
    }
    if category == Some(ConductId::BreachOfCommitment) && present(&conduct.commitment_ref).is_none()
    {
        ctx.report(
            &COMMITMENT_REF_REQUIRED,
            Loc::At("/conduct/commitmentRef"),
            &[],
        );
    }
    if category == Some(ConductId::Collusion) && real_name {
        ctx.priority = true;
    }
}

/// `scanned_chars`: the characters [`detected_mask`] counted (all of them unless the text is
/// over its 1 MiB cap).
fn check_length(ctx: &mut Ctx<'_>, description: &str, scanned_chars: usize) {
    let count = if description.len() <= MAX_SCAN_BYTES {
        scanned_chars
    } else {
        // Count at most one past the limit: a huge description costs no more than 5001 steps.
        description.chars().take(MAX_DESCRIPTION_CHARS + 1).count()
    };
    if count < MIN_DESCRIPTION_CHARS {
        ctx.report(
            &DESCRIPTION_TOO_SHORT,
            Loc::At("/conduct/description"),
            &[("count", &count.to_string())],
        );
    } else if count > MAX_DESCRIPTION_CHARS {
        let count = description.chars().count();
        ctx.report(
            &DESCRIPTION_TOO_LONG,
            Loc::At("/conduct/description"),
            &[("count", &count.to_string())],
        );
    }
}

/// `found`: the [`detected_mask`] of `description`.
fn check_category_fits(ctx: &mut Ctx<'_>, category: ConductId, description: &str, found: u32) {
    // The usual answer (nothing found, or the category among what was found) needs no list.
    if found == 0 || found & id_bit(category) != 0 {
        return;
    }
    let found = detected_ids(description);
    let lang = ctx.options.lang;
    let separator = match lang {
        crate::answer::Lang::Zh => "”或“",
        crate::answer::Lang::En => "” or “",
    };
    let suggested = found
        .iter()
        .map(|id| id.title(lang))
        .collect::<Vec<_>>()
        .join(separator);
    let issue = ctx.report(
        &CATEGORY_MISMATCH,
        Loc::At("/conduct/category"),
        &[
            ("suggested", &suggested),
            ("category", category.title(lang)),
        ],
    );
    if let Some(issue) = issue {
        issue.suggestions = found.iter().map(|id| id.as_str().to_owned()).collect();
    }
}
