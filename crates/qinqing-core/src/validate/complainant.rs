//! Who complains (§六, §八): the kind of complainant decides which identifiers are required.
//!
//! - an enterprise must give its unified social credit code (GB 32100-2015);
//! - an individual business may give one, and it is checked when given;
//! - a person who reports under their real name (§六 real-name reports go first) must give
//!   a resident ID number;
//! - everyone gives a phone number, so the §八 written reply can reach them.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::ids;
use crate::model::{Complainant, ComplainantKind, Contact};

use super::context::{present, quote, Ctx, Loc};

pub(crate) static EMAIL_INVALID: Rule = Rule {
    code: "email.invalid",
    severity: Severity::Error,
    basis: "RFC 5322",
    zh: "电子邮箱“{value}”的格式不正确，应类似 li@example.com。",
    en: "The e-mail address “{value}” is not valid; it should look like li@example.com.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, complainant: &Option<Complainant>) {
    let Some(complainant) = ctx.required(complainant, Loc::At("/complainant")) else {
        return;
    };
    let kind = ctx
        .required(&complainant.kind, Loc::At("/complainant/kind"))
        .copied();
    let real_name = complainant.real_name == Some(true);
    // A person may complain anonymously; an enterprise is always named.
    if kind != Some(ComplainantKind::Person) || real_name {
        ctx.required_text(&complainant.name, Loc::At("/complainant/name"));
    }
    match kind {
        Some(ComplainantKind::Enterprise) => {
            if let Some(uscc) = ctx.required_text(&complainant.uscc, Loc::At("/complainant/uscc")) {
                ids::uscc(uscc, "/complainant/uscc", ctx.options, &mut ctx.issues);
            }
        }
        _ => {
            if let Some(uscc) = present(&complainant.uscc) {
                ids::uscc(uscc, "/complainant/uscc", ctx.options, &mut ctx.issues);
            }
        }
    }
    let id_number = if kind == Some(ComplainantKind::Person) && real_name {
        ctx.required_text(&complainant.id_number, Loc::At("/complainant/idNumber"))
    } else {
        present(&complainant.id_number)
    };
    if let Some(id_number) = id_number {
        ids::ric(
            id_number,
            "/complainant/idNumber",
            ctx.options,
            &mut ctx.issues,
        );
    }
    let contact = ctx.required(&complainant.contact, Loc::At("/complainant/contact"));
    if let Some(contact) = contact {
        check_contact(
            ctx,
            contact,
            "/complainant/contact/phone",
            "/complainant/contact/email",
            true,
        );
    }
}

/// Phone (required when `phone_required`) and e-mail (optional) of a contact.
pub(crate) fn check_contact(
    ctx: &mut Ctx<'_>,
    contact: &Contact,
    phone_path: &'static str,
    email_path: &'static str,
    phone_required: bool,
) {
    let phone = if phone_required {
        ctx.required_text(&contact.phone, Loc::At(phone_path))
    } else {
        present(&contact.phone)
    };
    if let Some(phone) = phone {
        ids::phone(phone, phone_path, ctx.options, &mut ctx.issues);
    }
    if let Some(email) = present(&contact.email) {
        if !email_looks_valid(email) {
            ctx.report(
                &EMAIL_INVALID,
                Loc::At(email_path),
                &[("value", &quote(email))],
            );
        }
    }
}

/// A deliberately simple check: one `@`, a non-empty local part, a domain with a dot and
/// no empty label, no spaces, at most 254 characters. Deliverability is the mail server's job.
fn email_looks_valid(email: &str) -> bool {
    if email.len() > 254 {
        return false;
    }
    // One pass over the bytes (this runs on every complaint): `@` and `.` are ASCII, so
    // byte offsets cut the text exactly where `split` would, and only a character beyond
    // ASCII is decoded to ask whether it is a space or a control.
    let bytes = email.as_bytes();
    let mut at = None;
    let mut label_start = 0;
    let mut dots = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'@' if at.is_some() => return false,
            b'@' => {
                at = Some(i);
                label_start = i + 1;
            }
            b'.' if at.is_some() => {
                if !label_ok(bytes.get(label_start..i)) {
                    return false;
                }
                dots += 1;
                label_start = i + 1;
            }
            // ASCII controls, the space and DEL.
            ..=b' ' | 0x7F => return false,
            0xC0.. => {
                let c = email.get(i..).and_then(|rest| rest.chars().next());
                if c.is_some_and(|c| c.is_whitespace() || c.is_control()) {
                    return false;
                }
            }
            _ => {}
        }
    }
    let Some(at) = at else {
        return false;
    };
    (1..=64).contains(&at) && dots > 0 && label_ok(bytes.get(label_start..))
}

/// A domain label: not empty, no `-` at either end.
fn label_ok(label: Option<&[u8]>) -> bool {
    match label {
        Some([first, .., last]) => *first != b'-' && *last != b'-',
        Some([only]) => *only != b'-',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::email_looks_valid;

    /// The previous, multi-pass formulation, kept as the reference.
    fn email_looks_valid_by_chars(email: &str) -> bool {
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return false;
        }
        let Some((local, domain)) = email.split_once('@') else {
            return false;
        };
        !local.is_empty()
            && local.len() <= 64
            && !domain.contains('@')
            && domain.contains('.')
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
    }

    #[test]
    fn the_ascii_pass_agrees_with_the_general_check() {
        // Every string of up to five characters over an alphabet of the characters that
        // matter (≈ 66 000 cases), plus long local parts and domains.
        let alphabet = [
            "a", "-", ".", "@", " ", "\u{7F}", "张", "\u{3000}", "\u{85}",
        ];
        let mut text = String::new();
        for n in 0..=5u32 {
            for mut code in 0..alphabet.len().pow(n) {
                text.clear();
                for _ in 0..n {
                    text.push_str(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                assert_eq!(
                    email_looks_valid(&text),
                    email_looks_valid_by_chars(&text),
                    "{text:?}"
                );
            }
        }
        for local in [63, 64, 65] {
            for domain in [180, 188, 189, 190, 200] {
                let email = format!("{}@{}.cn", "a".repeat(local), "b".repeat(domain));
                assert_eq!(
                    email_looks_valid(&email),
                    email_looks_valid_by_chars(&email),
                    "{local} {domain}"
                );
            }
        }
    }

    #[test]
    fn emails() {
        for good in [
            "li@example.com",
            "li.ming+gx@mail.gxzf.gov.cn",
            "张@例子.中国",
        ] {
            assert!(email_looks_valid(good), "{good}");
        }
        for bad in [
            "li",
            "li@",
            "@example.com",
            "li@example",
            "li@@example.com",
            "li @example.com",
            "li@example..com",
            "li@-x.com",
        ] {
            assert!(!email_looks_valid(bad), "{bad}");
        }
    }
}
