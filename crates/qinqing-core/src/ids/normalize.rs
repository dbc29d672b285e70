//! Input clean-up shared by the identifier checks.
//!
//! Citizens paste codes from scanned licences, chat apps and Word documents, so the checks
//! first fold full-width forms (`９１`, `Ｌ`, `＋`), drop spaces and dashes and upper-case.
//! Everything here works on `char`s, never on byte offsets, and stops early on huge input.

/// Inputs longer than this (in characters) are rejected without further scanning: no real
/// code, ID number or phone number comes close, and it bounds the work on megabyte strings.
pub(crate) const MAX_CHARS: usize = 64;

/// Folds a full-width ASCII variant (U+FF01–U+FF5E) and the ideographic space to ASCII.
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Dashes people type between groups of digits: ASCII, full-width (folded before this),
/// Unicode hyphens and dashes, and the minus sign.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}')
}

/// An identifier after clean-up: ASCII only, at most [`MAX_CHARS`] bytes, either the input
/// itself (when clean-up would change nothing, the usual case) or a cleaned copy on the
/// stack, so the checks run without allocating.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Compact<'a> {
    /// The input, already compact.
    Same(&'a str),
    /// A cleaned copy.
    Cleaned { bytes: [u8; MAX_CHARS], len: usize },
}

impl Compact<'_> {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Compact::Same(text) => text.as_bytes(),
            Compact::Cleaned { bytes, len } => bytes.get(..*len).unwrap_or_default(),
        }
    }

    /// The same bytes as text (always valid: only ASCII is ever stored).
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Compact::Same(text) => text,
            Compact::Cleaned { .. } => core::str::from_utf8(self.as_bytes()).unwrap_or_default(),
        }
    }
}

/// Whether clean-up leaves `byte` as it is: visible ASCII other than `-` and `a`–`z`.
fn kept_as_is(byte: u8) -> bool {
    byte.is_ascii_graphic() && byte != b'-' && !byte.is_ascii_lowercase()
}

/// Folds width, drops whitespace and dashes, upper-cases ASCII letters.
/// Returns `None` when the input is longer than [`MAX_CHARS`] characters, or when a
/// character other than ASCII is left after clean-up: every identifier is ASCII, so each
/// caller reports both as a format error.
pub(crate) fn compact(value: &str) -> Option<Compact<'_>> {
    if value.len() <= MAX_CHARS && value.bytes().all(kept_as_is) {
        return Some(Compact::Same(value));
    }
    let mut bytes = [0; MAX_CHARS];
    let mut len = 0;
    for (count, c) in value.chars().enumerate() {
        if count >= MAX_CHARS {
            return None;
        }
        let c = fold_width(c);
        if c.is_whitespace() || is_dash(c) {
            continue;
        }
        let byte = u8::try_from(c).ok().filter(u8::is_ascii)?;
        // Never full: at most one byte per character and at most MAX_CHARS characters.
        *bytes.get_mut(len)? = byte.to_ascii_uppercase();
        len += 1;
    }
    Some(Compact::Cleaned { bytes, len })
}

/// Upper-cases, strips spaces and dashes and folds full-width characters, ready for
/// [`crate::check_uscc`] or for display in a form. Unlike the checks it has no length cap.
pub fn normalize_uscc(value: &str) -> String {
    value
        .chars()
        .map(fold_width)
        .filter(|&c| !c.is_whitespace() && !is_dash(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_strips_separators() {
        assert_eq!(
            normalize_uscc("９１１１　００００－６０００ 3734-1ｌ"),
            "91110000600037341L"
        );
        assert_eq!(normalize_uscc("91110000600037341l"), "91110000600037341L");
        assert_eq!(
            compact("ａｂ—c").map(|c| c.as_str().to_owned()),
            Some("ABC".to_owned())
        );
        assert_eq!(
            compact(" 4501\u{3000}03 ").map(|c| c.as_bytes().to_vec()),
            Some(b"450103".to_vec())
        );
        // Anything not ASCII after clean-up can never be an identifier.
        assert!(compact("9\u{0301}1").is_none());
        assert!(compact("中").is_none());
    }

    /// The general loop alone, as the reference for the shortcut.
    fn compact_by_chars(value: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for (count, c) in value.chars().enumerate() {
            if count >= MAX_CHARS {
                return None;
            }
            let c = fold_width(c);
            if c.is_whitespace() || is_dash(c) {
                continue;
            }
            out.push(
                u8::try_from(c)
                    .ok()
                    .filter(u8::is_ascii)?
                    .to_ascii_uppercase(),
            );
        }
        Some(out)
    }

    #[test]
    fn the_shortcut_agrees_with_the_general_loop() {
        let mut inputs: Vec<String> = (0u8..0x80).map(|b| format!("9a{}b-1", b as char)).collect();
        inputs.extend((0u8..0x80).map(|b| (b as char).to_string().repeat(MAX_CHARS)));
        inputs.extend((0u8..0x80).map(|b| (b as char).to_string().repeat(MAX_CHARS + 1)));
        inputs.extend(
            [
                "",
                " ",
                "91450100MA5K3R2B7K",
                "138 7711-2345",
                "ａ1",
                "x\u{3000}y",
            ]
            .map(str::to_owned),
        );
        for input in inputs {
            assert_eq!(
                compact(&input).map(|c| c.as_bytes().to_vec()),
                compact_by_chars(&input),
                "{input:?}"
            );
        }
    }

    #[test]
    fn compact_caps_length() {
        assert!(compact(&"1".repeat(MAX_CHARS)).is_some());
        assert!(compact(&"1".repeat(MAX_CHARS + 1)).is_none());
        assert!(compact(&"中".repeat(MAX_CHARS + 1)).is_none());
    }
}
