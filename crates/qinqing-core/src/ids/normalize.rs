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

/// Folds width, drops whitespace and dashes, upper-cases ASCII letters.
/// Returns `None` when the input is longer than [`MAX_CHARS`] characters.
pub(crate) fn compact(value: &str) -> Option<String> {
    if value.chars().nth(MAX_CHARS).is_some() {
        return None;
    }
    Some(
        value
            .chars()
            .map(fold_width)
            .filter(|&c| !c.is_whitespace() && !is_dash(c))
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    )
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
        assert_eq!(compact("ａｂ—c"), Some("ABC".to_owned()));
    }

    #[test]
    fn compact_caps_length() {
        assert!(compact(&"1".repeat(MAX_CHARS)).is_some());
        assert!(compact(&"1".repeat(MAX_CHARS + 1)).is_none());
        assert!(compact(&"中".repeat(MAX_CHARS + 1)).is_none());
    }
}
