//! What the investor was asked to do in return. Officials may not demand of an enterprise what
//! §五 and §七 forbid (join an association and pay fees, buy designated goods, "sponsor" …),
//! and writing such a demand into a contract does not make it lawful. Each forbidden demand
//! found is an error citing the clause of the catalogue entry it matches.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::conduct::{detect_conduct, ConductId};
use crate::model::Obligation;

use super::context::{Ctx, Loc};

pub(crate) static PROHIBITED_DEMAND: Rule = Rule {
    code: "obligation.prohibitedDemand",
    severity: Severity::Error,
    basis: "§七",
    zh: "这项义务含有“{phrase}”，属于不得向企业提出的要求（{title}，{clause}），应当删除。",
    en: "This obligation contains “{phrase}”, a demand that must not be made of an enterprise ({title}, {clause}); it should be removed.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, obligations: &[Obligation]) {
    for (at, obligation) in obligations.iter().enumerate() {
        let loc = Loc::Item("/investorObligations", at, "description");
        let Some(description) = ctx.required_text(&obligation.description, loc) else {
            continue;
        };
        let mut reported: Vec<ConductId> = Vec::new();
        for found in detect_conduct(description) {
            // A contract clause about the government's own breach is not a demand on the investor.
            if found.id == ConductId::BreachOfCommitment || reported.contains(&found.id) {
                continue;
            }
            reported.push(found.id);
            let lang = ctx.options.lang;
            let issue = ctx.report(
                &PROHIBITED_DEMAND,
                loc,
                &[
                    ("phrase", &found.phrase),
                    ("title", found.id.title(lang)),
                    ("clause", found.id.clause()),
                ],
            );
            if let Some(issue) = issue {
                issue.basis = found.id.clause().into();
                issue.suggestions = vec![found.id.as_str().to_owned()];
            }
        }
    }
}
