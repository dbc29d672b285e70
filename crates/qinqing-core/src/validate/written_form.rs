//! §九: "承诺的投资条件，应当以书面的形式体现" — commitments made while attracting
//! investment must be in writing. The record names the document and the day it was signed.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::model::WrittenForm;

use super::context::{Ctx, Loc};

pub(crate) static WRITTEN_FORM_REQUIRED: Rule = Rule {
    code: "writtenForm.required",
    severity: Severity::Error,
    basis: "§九",
    zh: "招商引资中承诺的投资条件应当以书面形式体现，请填写承诺文件的文号和签订日期。",
    en: "Commitments made to attract investment must be in writing; please give the document number and the date it was signed.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, written_form: &Option<WrittenForm>) {
    let Some(written_form) = written_form else {
        ctx.report(&WRITTEN_FORM_REQUIRED, Loc::At("/writtenForm"), &[]);
        return;
    };
    ctx.required_text(
        &written_form.document_no,
        Loc::At("/writtenForm/documentNo"),
    );
    ctx.date(
        &written_form.signed_on,
        Loc::At("/writtenForm/signedOn"),
        true,
    );
}
