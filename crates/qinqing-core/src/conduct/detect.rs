//! Finding catalogue phrases in a citizen's free text.
//!
//! Matching is leftmost-longest and non-overlapping: scanning left to right, at the first
//! position where some phrase starts, the longest phrase starting there wins, and the scan
//! resumes after it; so "摊派报刊" wins over the shorter "摊派" and each character of the
//! text belongs to at most one match. The ~350 phrases are grouped by their first character
//! (built once per process): each text character costs one bitset probe, and only the few
//! characters that start some phrase cost a binary search and a comparison against that
//! character's phrases, longest first. Time is linear in the text (phrases are ≤ a dozen
//! characters).
//!
//! Whitespace of any kind (ASCII spaces, tabs, line breaks, the full-width space U+3000,
//! no-break space) and invisible format characters (zero-width space/joiners, word joiner,
//! BOM, soft hyphen) are skipped *inside* a phrase, because people copy text out of PDFs and
//! chat apps where lines wrap inside words ("强制\n入会", "摊 派"). Punctuation is kept, so
//! phrases never match across "，" or "。". A span starts at the phrase's first character
//! and ends after its last one, so it may include skipped characters in between, never
//! around it.

use std::sync::OnceLock;

use super::{ConductId, ConductMatch};

/// Only the first 1 MiB of a text is scanned (cut at a character boundary); the rest is
/// ignored. A complaint description is a few kilobytes; the cap bounds memory and time if
/// a client sends something absurd.
pub(crate) const MAX_SCAN_BYTES: usize = 1 << 20;

/// Finds prohibited conduct in free Chinese text.
///
/// Returns the phrases found, sorted by `start`, non-overlapping; where phrases overlap the
/// leftmost, then longest, wins. `start`/`end` count Unicode scalar values (Rust `char`s) of
/// `text`, and `phrase` is the slice of `text` between them, as typed (it may contain
/// whitespace the matcher skipped, see the module docs). Only the first
/// 1 MiB (`MAX_SCAN_BYTES`) are scanned. Never panics.
pub fn detect_conduct(text: &str) -> Vec<ConductMatch> {
    let mut found = Vec::new();
    scan(text, |hit| {
        let phrase = text.get(hit.start_byte..hit.end_byte).unwrap_or("");
        found.push(ConductMatch {
            id: hit.id,
            start: hit.start_char,
            end: hit.end_char,
            phrase: phrase.to_owned(),
        });
    });
    found
}

/// The distinct conduct ids found in `text`, in order of first appearance. A shortcut for
/// the validation engine; same matching rules as [`detect_conduct`].
pub fn detected_ids(text: &str) -> Vec<ConductId> {
    let mut ids: Vec<ConductId> = Vec::new();
    scan(text, |hit| {
        if !ids.contains(&hit.id) {
            ids.push(hit.id);
        }
    });
    ids
}

/// One match: byte range in the original text and the same range in characters.
#[derive(Debug, Clone, Copy)]
struct Hit {
    id: ConductId,
    start_byte: usize,
    end_byte: usize,
    start_char: usize,
    end_char: usize,
}

/// Runs the leftmost-longest scan over the first [`MAX_SCAN_BYTES`] of `text`, calling
/// `on_hit` for each match in order.
fn scan(text: &str, mut on_hit: impl FnMut(Hit)) {
    let book = phrasebook();
    let scanned = text.get(..scan_limit(text)).unwrap_or("");
    let mut rest = scanned.chars();
    let mut chars = 0;
    loop {
        let start_byte = scanned.len() - rest.as_str().len();
        let Some(first) = rest.next() else {
            break;
        };
        chars += 1;
        let Some(candidates) = book.starting_with(first) else {
            continue;
        };
        let after_first = rest.as_str();
        let found = candidates.iter().find_map(|candidate| {
            match_skipping(after_first, candidate.tail)
                .map(|(bytes, chars)| (candidate, bytes, chars))
        });
        if let Some((candidate, bytes, tail_chars)) = found {
            let end_byte = start_byte + first.len_utf8() + bytes;
            on_hit(Hit {
                id: candidate.id,
                start_byte,
                end_byte,
                start_char: chars - 1,
                end_char: chars + tail_chars,
            });
            chars += tail_chars;
            rest = after_first.get(bytes..).unwrap_or("").chars();
        }
    }
}

/// Whether `text` starts with `tail` once skipped characters of `text` are ignored. Returns
/// the bytes and characters of `text` the match covers (up to `tail`'s last character, not
/// beyond).
fn match_skipping(text: &str, tail: &str) -> Option<(usize, usize)> {
    // Common case: no skipped character inside the phrase.
    if text.starts_with(tail) {
        return Some((tail.len(), tail.chars().count()));
    }
    let mut chars = 0;
    let mut in_text = text.char_indices();
    let mut end = 0;
    for wanted in tail.chars() {
        loop {
            let (at, c) = in_text.next()?;
            chars += 1;
            if c == wanted {
                end = at + c.len_utf8();
                break;
            }
            if !is_skipped(c) {
                return None;
            }
        }
    }
    Some((end, chars))
}

/// A phrase without its first character, and the id it belongs to.
struct Candidate {
    tail: &'static str,
    id: ConductId,
}

/// The phrases grouped by first character.
struct Phrasebook {
    /// One bit per `first character mod 4096`: a quick "no phrase starts here".
    filter: [u64; 64],
    /// Distinct first characters, sorted, with the index of their group.
    firsts: Vec<(char, usize)>,
    /// For each first character, its phrases, longest first (catalogue order among equals).
    groups: Vec<Vec<Candidate>>,
}

impl Phrasebook {
    fn build() -> Self {
        let mut filter = [0u64; 64];
        let mut firsts: Vec<(char, usize)> = Vec::new();
        let mut groups: Vec<Vec<Candidate>> = Vec::new();
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                let mut chars = phrase.chars();
                let Some(first) = chars.next() else {
                    continue;
                };
                let candidate = Candidate {
                    tail: chars.as_str(),
                    id,
                };
                // Kept sorted by insertion (no sort call: its code would cost the
                // WebAssembly package a few kilobytes for a one-time job on 350 items).
                let group = match firsts.binary_search_by_key(&first, |&(c, _)| c) {
                    Ok(at) => firsts.get(at).map_or(0, |&(_, group)| group),
                    Err(at) => {
                        firsts.insert(at, (first, groups.len()));
                        groups.push(Vec::new());
                        groups.len() - 1
                    }
                };
                if let Some(group) = groups.get_mut(group) {
                    // Longest first; among equal lengths the catalogue order is kept.
                    let at =
                        group.partition_point(|other| other.tail.len() >= candidate.tail.len());
                    group.insert(at, candidate);
                }
                let bit = first as usize % 4096;
                if let Some(word) = filter.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
        }
        Phrasebook {
            filter,
            firsts,
            groups,
        }
    }

    /// The phrases starting with `first`, longest first; `None` if there are none.
    fn starting_with(&self, first: char) -> Option<&[Candidate]> {
        let bit = first as usize % 4096;
        let word = self.filter.get(bit / 64)?;
        if word & (1 << (bit % 64)) == 0 {
            return None;
        }
        let at = self.firsts.binary_search_by_key(&first, |&(c, _)| c).ok()?;
        let &(_, group) = self.firsts.get(at)?;
        self.groups.get(group).map(Vec::as_slice)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }
}

/// Built on first use and shared afterwards (a few kilobytes of heap).
fn phrasebook() -> &'static Phrasebook {
    static BOOK: OnceLock<Phrasebook> = OnceLock::new();
    BOOK.get_or_init(Phrasebook::build)
}

/// Characters the matcher skips: whitespace and invisible format characters.
fn is_skipped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// The largest character boundary not beyond [`MAX_SCAN_BYTES`].
fn scan_limit(text: &str) -> usize {
    if text.len() <= MAX_SCAN_BYTES {
        return text.len();
    }
    (0..=MAX_SCAN_BYTES)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<ConductId> {
        detected_ids(text)
    }

    #[test]
    fn the_automaton_builds_with_every_phrase() {
        let book = phrasebook();
        let total: usize = ConductId::ALL.iter().map(|id| id.phrases().count()).sum();
        assert_eq!(book.len(), total);
    }

    #[test]
    fn spans_are_character_offsets() {
        let text = "😀😀 广西某县：被迫入会";
        let found = detect_conduct(text);
        assert_eq!(found.len(), 1);
        let m = &found[0];
        assert_eq!(m.id, ConductId::ForcedMembership);
        // 2 emoji + space + 4 Chinese chars + full-width colon = 8 chars before the phrase.
        assert_eq!((m.start, m.end), (8, 12));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.phrase);
    }

    #[test]
    fn whitespace_inside_a_phrase_is_skipped() {
        let text = "镇里 要求 捐 款\u{3000}强制\n入会";
        let found = detect_conduct(text);
        let got: Vec<(ConductId, usize, usize, &str)> = found
            .iter()
            .map(|m| (m.id, m.start, m.end, m.phrase.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (ConductId::Apportionment, 3, 9, "要求 捐 款"),
                (ConductId::ForcedMembership, 10, 15, "强制\n入会"),
            ]
        );
    }

    #[test]
    fn skipped_characters_around_a_phrase_stay_outside_the_span() {
        let text = "  \u{200B}摊派 \u{FEFF}";
        let found = detect_conduct(text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (3, 5));
        assert_eq!(found[0].phrase, "摊派");
    }

    #[test]
    fn punctuation_breaks_a_phrase() {
        assert!(ids("摊，派").is_empty());
    }

    #[test]
    fn detected_ids_are_distinct_in_order_of_first_appearance() {
        let text = "先是乱摊派，又要求捐款，还强制入会，再次摊派。";
        assert_eq!(
            ids(text),
            vec![ConductId::Apportionment, ConductId::ForcedMembership]
        );
    }

    #[test]
    fn scan_stops_at_the_cap() {
        let mut text = "摊派".to_owned();
        text.push_str(&"啊".repeat(MAX_SCAN_BYTES / 3 + 10));
        text.push_str("强制入会");
        let found = detect_conduct(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, ConductId::Apportionment);
    }

    #[test]
    fn scan_limit_lands_on_a_char_boundary() {
        let text = format!("a{}", "中".repeat(MAX_SCAN_BYTES / 3 + 1));
        let limit = scan_limit(&text);
        assert!(limit <= MAX_SCAN_BYTES);
        assert!(text.is_char_boundary(limit));
        assert!(limit + 3 > MAX_SCAN_BYTES);
    }

    #[test]
    fn no_phrase_contains_a_skipped_character() {
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                assert!(!phrase.chars().any(is_skipped), "{id:?}: {phrase:?}");
            }
        }
    }

    /// The previous implementation, kept as the reference: remove the skipped characters,
    /// run an Aho–Corasick automaton (leftmost-longest), map the spans back.
    fn reference(text: &str) -> Vec<(ConductId, usize, usize)> {
        let scanned = &text[..scan_limit(text)];
        let mut kept = String::new();
        let mut origin = Vec::new(); // original char index of each kept char
        for (i, c) in scanned.chars().enumerate() {
            if !is_skipped(c) {
                kept.push(c);
                origin.push(i);
            }
        }
        let mut phrases = Vec::new();
        let mut ids = Vec::new();
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                phrases.push(phrase);
                ids.push(id);
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .unwrap();
        automaton
            .find_iter(&kept)
            .map(|hit| {
                let start = kept[..hit.start()].chars().count();
                let len = kept[hit.range()].chars().count();
                (
                    ids[hit.pattern().as_usize()],
                    origin[start],
                    origin[start + len - 1] + 1,
                )
            })
            .collect()
    }

    fn pieces() -> Vec<String> {
        let mut pieces: Vec<String> = ConductId::ALL
            .iter()
            .flat_map(|id| id.phrases().map(str::to_owned))
            .collect();
        // Prefixes and suffixes of phrases make near misses and overlaps.
        let halves: Vec<String> = pieces
            .iter()
            .flat_map(|p| {
                let chars: Vec<char> = p.chars().collect();
                let mid = chars.len() / 2;
                [chars[..mid].iter().collect(), chars[mid..].iter().collect()]
            })
            .collect();
        pieces.extend(halves);
        for filler in [
            " ", "\n", "\u{3000}", "\u{200B}", "\u{AD}", "，", "。", "a", "😀", "的", "公司",
        ] {
            pieces.push(filler.to_owned());
        }
        pieces
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_aho_corasick_reference(picks in proptest::collection::vec(0usize..10_000, 0..40)) {
            let pieces = pieces();
            let text: String = picks.iter().map(|&i| pieces[i % pieces.len()].as_str()).collect();
            let got: Vec<(ConductId, usize, usize)> = detect_conduct(&text)
                .iter()
                .map(|m| (m.id, m.start, m.end))
                .collect();
            proptest::prop_assert_eq!(got, reference(&text));
            let chars: Vec<char> = text.chars().collect();
            for m in detect_conduct(&text) {
                proptest::prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.phrase);
            }
        }
    }
}
