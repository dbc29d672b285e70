//! The investing enterprise of a contract: named, with a valid unified social credit code
//! (GB 32100-2015); its contact's phone and e-mail are checked when given.

use crate::ids;
use crate::model::Investor;

use super::complainant::check_contact;
use super::context::{Ctx, Loc};

pub(crate) fn check(ctx: &mut Ctx<'_>, investor: &Option<Investor>) {
    let Some(investor) = ctx.required(investor, Loc::At("/investor")) else {
        return;
    };
    ctx.required_text(&investor.name, Loc::At("/investor/name"));
    if let Some(uscc) = ctx.required_text(&investor.uscc, Loc::At("/investor/uscc")) {
        ids::uscc(uscc, "/investor/uscc", ctx.options, &mut ctx.issues);
    }
    if let Some(contact) = &investor.contact {
        check_contact(
            ctx,
            contact,
            "/investor/contact/phone",
            "/investor/contact/email",
            false,
        );
    }
}
