//! What the government committed to (§九): at least one commitment, each with its kind, what
//! was promised and when it is due, so a later breach can be measured against it.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::model::Commitment;

use super::context::{Ctx, Loc};

pub(crate) static COMMITMENTS_EMPTY: Rule = Rule {
    code: "commitments.empty",
    severity: Severity::Error,
    basis: "§九",
    zh: "请至少列出一项政府承诺的投资条件。",
    en: "Please list at least one investment condition the government committed to.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, commitments: &[Commitment]) {
    if commitments.is_empty() {
        ctx.report(&COMMITMENTS_EMPTY, Loc::At("/commitments"), &[]);
    }
    for (at, commitment) in commitments.iter().enumerate() {
        let loc = |field| Loc::Item("/commitments", at, field);
        ctx.required(&commitment.kind, loc("kind"));
        ctx.required_text(&commitment.description, loc("description"));
        ctx.non_negative(commitment.amount_fen, loc("amountFen"));
        // A due date may lie in the future: that is the point of a commitment.
        ctx.date(&commitment.due_on, loc("dueOn"), false);
    }
}
