//! Finding catalogue phrases in a citizen's free text.
//!
//! All phrases of all ids go into one Aho–Corasick automaton (built once per process), run
//! leftmost-longest and non-overlapping, so "摊派报刊" wins over the shorter "摊派" and each
//! character of the text belongs to at most one match. Time is linear in the text.
//!
//! Before matching, the text is normalised cheaply: whitespace of any kind (ASCII spaces,
//! tabs, line breaks, the full-width space U+3000, no-break space) and invisible format
//! characters (zero-width space/joiners, word joiner, BOM, soft hyphen) are skipped, because
//! people copy text out of PDFs and chat apps where lines wrap inside words ("强制\n入会",
//! "摊 派"). Punctuation is kept, so phrases never match across "，" or "。". Offsets are
//! mapped back to the original text, so a span may include the skipped characters.

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

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
    let Some(book) = phrasebook() else {
        return Vec::new();
    };
    let normalised = Normalised::new(text);
    let haystack: &str = &normalised.text;
    let mut cursor = CharCursor::default();
    let mut found = Vec::new();
    for hit in book.automaton.find_iter(haystack) {
        let Some(&id) = book.ids.get(hit.pattern().as_usize()) else {
            continue;
        };
        let Some(matched) = haystack.get(hit.range()) else {
            continue;
        };
        let start_char = cursor.advance_to(haystack, hit.start());
        let end_char = start_char + matched.chars().count();
        cursor = CharCursor {
            byte: hit.end(),
            chars: end_char,
        };

        let before_start = normalised.skipped_before(hit.start(), true);
        let before_end = normalised.skipped_before(hit.end(), false);
        let phrase = text
            .get(hit.start() + before_start.bytes..hit.end() + before_end.bytes)
            .unwrap_or(matched);
        found.push(ConductMatch {
            id,
            start: start_char + before_start.chars,
            end: end_char + before_end.chars,
            phrase: phrase.to_owned(),
        });
    }
    found
}

/// The distinct conduct ids found in `text`, in order of first appearance. A shortcut for
/// the validation engine; same matching rules as [`detect_conduct`].
pub fn detected_ids(text: &str) -> Vec<ConductId> {
    let mut ids: Vec<ConductId> = Vec::new();
    for found in detect_conduct(text) {
        if !ids.contains(&found.id) {
            ids.push(found.id);
        }
    }
    ids
}

/// The automaton and, for each of its pattern indexes, the id the phrase belongs to.
struct Phrasebook {
    automaton: AhoCorasick,
    ids: Vec<ConductId>,
}

/// Built on first use and shared afterwards. The crate picks a contiguous NFA for ~350
/// phrases: about 70 KB of heap, against 1.7 MB for a full DFA that was no faster on a
/// complaint-sized text in `benches/conduct.rs` (both ≈ 23 µs for 1.2 KB).
/// `None` only if the automaton cannot be built, which the catalogue tests rule out;
/// detection then finds nothing rather than panicking.
fn phrasebook() -> Option<&'static Phrasebook> {
    static BOOK: OnceLock<Option<Phrasebook>> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut ids = Vec::new();
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                phrases.push(*phrase);
                ids.push(id);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .ok()?;
        Some(Phrasebook { automaton, ids })
    })
    .as_ref()
}

/// Characters the matcher skips: whitespace and invisible format characters.
fn is_skipped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// Bytes and characters skipped before some position of the normalised text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Skipped {
    bytes: usize,
    chars: usize,
}

/// A run of skipped characters: it sat just before byte `at` of the normalised text, and
/// `total` counts everything skipped up to and including this run.
#[derive(Debug, Clone, Copy)]
struct Gap {
    at: usize,
    total: Skipped,
}

/// The scanned part of the text with skipped characters removed, plus where they were.
struct Normalised<'a> {
    text: Cow<'a, str>,
    gaps: Vec<Gap>,
}

impl<'a> Normalised<'a> {
    fn new(original: &'a str) -> Self {
        let scanned = original.get(..scan_limit(original)).unwrap_or("");
        if !scanned.chars().any(is_skipped) {
            return Normalised {
                text: Cow::Borrowed(scanned),
                gaps: Vec::new(),
            };
        }
        let mut text = String::with_capacity(scanned.len());
        let mut gaps: Vec<Gap> = Vec::new();
        let mut total = Skipped::default();
        // Copy the kept text in runs (one `push_str` per run, not per char).
        let mut run_start = 0;
        for (at, c) in scanned.char_indices().filter(|&(_, c)| is_skipped(c)) {
            text.push_str(scanned.get(run_start..at).unwrap_or(""));
            run_start = at + c.len_utf8();
            total.bytes += c.len_utf8();
            total.chars += 1;
            match gaps.last_mut() {
                Some(gap) if gap.at == text.len() => gap.total = total,
                _ => gaps.push(Gap {
                    at: text.len(),
                    total,
                }),
            }
        }
        text.push_str(scanned.get(run_start..).unwrap_or(""));
        Normalised {
            text: Cow::Owned(text),
            gaps,
        }
    }

    /// What was skipped before normalised byte `at`. A gap sitting exactly at `at` counts
    /// only when `at` starts a match (`inclusive`); at a match end it lies after the match.
    fn skipped_before(&self, at: usize, inclusive: bool) -> Skipped {
        let count = self
            .gaps
            .partition_point(|gap| gap.at < at || (inclusive && gap.at == at));
        match count.checked_sub(1).and_then(|last| self.gaps.get(last)) {
            Some(gap) => gap.total,
            None => Skipped::default(),
        }
    }
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

/// Converts increasing byte offsets into character offsets in one left-to-right pass.
#[derive(Debug, Clone, Copy, Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    /// Character offset of byte `to` (a char boundary at or after the cursor).
    fn advance_to(&mut self, text: &str, to: usize) -> usize {
        let step = text.get(self.byte..to).map_or(0, |s| s.chars().count());
        self.byte = to;
        self.chars += step;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<ConductId> {
        detected_ids(text)
    }

    #[test]
    fn the_automaton_builds_with_every_phrase() {
        let book = phrasebook().expect("automaton builds");
        let total: usize = ConductId::ALL.iter().map(|id| id.phrases().len()).sum();
        assert_eq!(book.ids.len(), total);
        assert_eq!(book.automaton.patterns_len(), total);
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
}
