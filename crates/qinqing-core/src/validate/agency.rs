//! The government side: the agency complained about (complaints) or the authority that made
//! the commitments (contracts). Both must be in Guangxi, the policy's reach, and the level
//! given must match the division code (a county bureau cannot carry a city's code).

use crate::ids;
use crate::model::Level;

use super::context::{Ctx, Loc};

/// The three fields both sides share, with their paths.
pub(crate) struct AgencyFields<'a> {
    pub(crate) agency: &'a Option<String>,
    pub(crate) division_code: &'a Option<String>,
    pub(crate) level: &'a Option<Level>,
    /// `/respondent` or `/authority`.
    pub(crate) base: &'static str,
    pub(crate) agency_path: &'static str,
    pub(crate) code_path: &'static str,
    pub(crate) level_path: &'static str,
}

pub(crate) fn check(ctx: &mut Ctx<'_>, present: bool, fields: AgencyFields<'_>) {
    if !present {
        ctx.required::<()>(&None, Loc::At(fields.base));
        return;
    }
    ctx.required_text(fields.agency, Loc::At(fields.agency_path));
    let level = ctx
        .required(fields.level, Loc::At(fields.level_path))
        .copied();
    if let Some(code) = ctx.required_text(fields.division_code, Loc::At(fields.code_path)) {
        ids::division(
            code,
            level,
            fields.code_path,
            fields.level_path,
            ctx.options,
            &mut ctx.issues,
        );
    }
}
