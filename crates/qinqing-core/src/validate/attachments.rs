//! Evidence files (§八): at most 20, each at most 20 MiB, in formats every handling office can
//! open, each with the SHA-256 of its contents so the file received is the file described.
//!
//! Media types are compared case-insensitively (RFC 2045) and parameters such as
//! `; charset=…` are ignored. OFD, China's fixed-layout format (GB/T 33190-2016), is
//! accepted both as `application/ofd` and as `application/x-ofd`, which some systems still
//! report.

use crate::answer::Severity;
use crate::codes::Rule;
use crate::model::Attachment;

use super::context::{quote, Ctx, Loc};

const MAX_ATTACHMENTS: usize = 20;
const MAX_BYTES: i64 = 20 * 1024 * 1024;

const MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/ofd",
    "application/x-ofd",
];

pub(crate) static TOO_MANY: Rule = Rule {
    code: "attachments.tooMany",
    severity: Severity::Error,
    basis: "§八",
    zh: "最多可以上传 20 个附件，目前有 {count} 个，请合并或删减。",
    en: "At most 20 attachments are allowed; there are {count}. Please combine or remove some.",
};

pub(crate) static TOO_LARGE: Rule = Rule {
    code: "attachment.tooLarge",
    severity: Severity::Error,
    basis: "§八",
    zh: "每个附件不能超过 20 MiB（20971520 字节），这个附件有 {bytes} 字节，请压缩或拆分后上传。",
    en: "Each attachment can be at most 20 MiB (20971520 bytes); this one has {bytes} bytes. Please compress or split it.",
};

pub(crate) static MEDIA_TYPE: Rule = Rule {
    code: "attachment.mediaType",
    severity: Severity::Error,
    basis: "§八",
    zh: "不支持“{value}”类型的文件，请上传 PDF、JPEG、PNG、Word（docx）、Excel（xlsx）或 OFD 文件。",
    en: "Files of type “{value}” are not accepted; please upload PDF, JPEG, PNG, Word (docx), Excel (xlsx) or OFD files.",
};

pub(crate) static SHA256: Rule = Rule {
    code: "attachment.sha256",
    severity: Severity::Error,
    basis: "FIPS 180-4",
    zh: "文件校验值（SHA-256）应由 64 个 0–9、a–f 字符组成，请重新计算。",
    en: "The file checksum (SHA-256) must be 64 characters 0–9 and a–f; please compute it again.",
};

pub(crate) fn check(ctx: &mut Ctx<'_>, attachments: &[Attachment]) {
    if attachments.len() > MAX_ATTACHMENTS {
        ctx.report(
            &TOO_MANY,
            Loc::At("/attachments"),
            &[("count", &attachments.len().to_string())],
        );
    }
    for (at, attachment) in attachments.iter().enumerate() {
        let loc = |field| Loc::Item("/attachments", at, field);
        ctx.required_text(&attachment.name, loc("name"));
        if let Some(media_type) = ctx.required_text(&attachment.media_type, loc("mediaType")) {
            if !media_type_accepted(media_type) {
                ctx.report(
                    &MEDIA_TYPE,
                    loc("mediaType"),
                    &[("value", &quote(media_type))],
                );
            }
        }
        if let Some(&size) = ctx.required(&attachment.size_bytes, loc("sizeBytes")) {
            ctx.non_negative(Some(size), loc("sizeBytes"));
            if size > MAX_BYTES {
                ctx.report(
                    &TOO_LARGE,
                    loc("sizeBytes"),
                    &[("bytes", &size.to_string())],
                );
            }
        }
        if let Some(sha256) = ctx.required_text(&attachment.sha256, loc("sha256")) {
            if !is_sha256_hex(sha256) {
                ctx.report(&SHA256, loc("sha256"), &[]);
            }
        }
    }
}

/// Whether `text` is 64 hexadecimal digits (either case), looked at eight bytes at a time.
fn is_sha256_hex(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 64
        && bytes.chunks_exact(8).all(|chunk| {
            <[u8; 8]>::try_from(chunk).is_ok_and(|word| all_hex(u64::from_le_bytes(word)))
        })
}

/// Whether all eight bytes of `word` are ASCII hexadecimal digits. For bytes below 0x80,
/// adding `0x80 - low` sets a byte's top bit exactly when it is at least `low`, and adding
/// `0x7F - high` exactly when it is above `high`, without carries between bytes.
fn all_hex(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = ONES * 0x80;
    let within = |bytes: u64, low: u8, high: u8| {
        (bytes + ONES * u64::from(0x80 - low)) & !(bytes + ONES * u64::from(0x7F - high)) & TOPS
    };
    // Setting bit 0x20 of each byte makes `A`–`F` read as `a`–`f`.
    let lower = word | (ONES * 0x20);
    word & TOPS == 0 && (within(word, b'0', b'9') | within(lower, b'a', b'f')) == TOPS
}

fn media_type_accepted(media_type: &str) -> bool {
    // Usually written exactly as listed: no split, trim or case folding.
    if MEDIA_TYPES.contains(&media_type) {
        return true;
    }
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    MEDIA_TYPES
        .iter()
        .any(|accepted| accepted.eq_ignore_ascii_case(essence))
}

#[cfg(test)]
mod tests {
    use super::{all_hex, is_sha256_hex, media_type_accepted};

    #[test]
    fn the_word_test_agrees_with_is_ascii_hexdigit() {
        for at in 0..8 {
            for byte in 0..=u8::MAX {
                for filler in [b'0', b'f', b'A', b'9'] {
                    let mut word = [filler; 8];
                    word[at] = byte;
                    assert_eq!(
                        all_hex(u64::from_le_bytes(word)),
                        byte.is_ascii_hexdigit(),
                        "{byte} at {at}"
                    );
                }
            }
        }
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assert!(is_sha256_hex(hash));
        assert!(is_sha256_hex(&hash.to_uppercase()));
        assert!(!is_sha256_hex(&hash[1..]));
        assert!(!is_sha256_hex(&format!("{hash}0")));
        assert!(!is_sha256_hex(&hash.replace('9', "g")));
        assert!(!is_sha256_hex(&format!("{}é", &hash[2..])));
    }

    #[test]
    fn media_types() {
        assert!(media_type_accepted("image/JPEG"));
        assert!(media_type_accepted("application/pdf; name=x.pdf"));
        assert!(media_type_accepted("application/x-ofd"));
        assert!(!media_type_accepted("image/gif"));
        assert!(!media_type_accepted("application/msword"));
    }
}
