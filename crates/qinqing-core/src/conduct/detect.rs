//! Finding catalogue phrases in a citizen's free text.
//!
//! Matching is leftmost-longest and non-overlapping: scanning left to right, at the first
//! position where some phrase starts, the longest phrase starting there wins, and the scan
//! resumes after it; so "摊派报刊" wins over the shorter "摊派" and each character of the
//! text belongs to at most one match. The ~350 phrases are indexed by their first two
//! characters (built once per process): each text character costs one bitset probe, and
//! only the few characters that start some phrase cost two hash-table probes and a
//! comparison of the rest of the phrases sharing the first two characters (usually none or
//! one), longest first. Time is linear in the text (phrases are ≤ a dozen characters).
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
    scan(text, &mut |hit| {
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
    scan(text, &mut |hit| {
        if !ids.contains(&hit.id) {
            ids.push(hit.id);
        }
    });
    ids
}

/// The conduct ids found in `text` as a bit set (bit `id as u32`): what [`detected_ids`]
/// returns, without order and without allocating (the validation engine only needs the list
/// when the description does not fit the chosen category); and the number of characters
/// scanned, which is `text.chars().count()` unless `text` is over [`MAX_SCAN_BYTES`].
pub(crate) fn detected_mask(text: &str) -> (u32, usize) {
    let mut mask = 0;
    let chars = scan(text, &mut |hit| mask |= id_bit(hit.id));
    (mask, chars)
}

/// The bit of `id` in a [`detected_mask`].
pub(crate) fn id_bit(id: ConductId) -> u32 {
    1 << (id as u32)
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
/// `on_hit` for each match in order; returns the number of characters scanned. (`dyn`: one
/// copy of the loop serves every caller, which keeps the WebAssembly package smaller; the
/// call happens only per match.)
fn scan(text: &str, on_hit: &mut dyn FnMut(Hit)) -> usize {
    scan_with(phrasebook(), text, on_hit)
}

/// [`scan`] with a given phrasebook (tests build their own).
fn scan_with(book: &Phrasebook, text: &str, on_hit: &mut dyn FnMut(Hit)) -> usize {
    let scanned = text.get(..scan_limit(text)).unwrap_or("");
    let mut rest = scanned.chars();
    let mut chars = 0;
    loop {
        let start_byte = scanned.len() - rest.as_str().len();
        let Some(first) = rest.next() else {
            return chars;
        };
        chars += 1;
        // Most characters start no phrase: the bitset says so without a call.
        if !book.may_start(first) {
            continue;
        }
        let after_first = rest.as_str();
        if let Some((id, bytes, tail_chars)) = book.longest_at(first, after_first) {
            on_hit(Hit {
                id,
                start_byte,
                end_byte: start_byte + first.len_utf8() + bytes,
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

/// A phrase without its first two characters (its first one for a one-character phrase),
/// and the id it belongs to.
#[derive(Clone, Copy)]
struct Candidate {
    rest: &'static str,
    id: ConductId,
}

/// One slot of the phrasebook's hash table: a key and its run of candidates.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// Marks an empty slot; no key can equal it (`u32::MAX` is no `char`).
const EMPTY: u64 = u64::MAX;
/// The second half of the key of a one-character phrase (also no `char`).
const SINGLE: u32 = u32::MAX;

/// The phrases indexed by their first two characters.
///
/// Two bitsets answer "certainly not here" for nearly every position: one over first
/// characters, one over pairs of first and second characters. Where both let a position
/// through, an open-addressing hash table keyed by the two characters gives the run of
/// phrases starting with them, longest first, and only the (usually empty) rest of those
/// is compared. One-character phrases (none in today's catalogue) have their own key
/// `(first, SINGLE)`. Built at run time: no table in the WebAssembly data section.
struct Phrasebook {
    /// One bit per `first character mod 4096`.
    firsts: [u64; 64],
    /// One bit per `(first mod 128, second mod 128)`, see [`pair_bit`].
    pairs: [u64; 256],
    /// Whether any phrase has a single character (then the pair bitset cannot rule a
    /// position out on its own).
    singles: bool,
    /// Power-of-two sized, at most half full, linear probing.
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: the hash is the top bits of a multiplication.
    shift: u32,
    /// The runs of candidates, each longest first (catalogue order among equals).
    candidates: Vec<Candidate>,
}

#[inline]
fn key(first: char, second: u32) -> u64 {
    (u64::from(u32::from(first)) << 32) | u64::from(second)
}

/// The index of a pair of characters in [`Phrasebook::pairs`].
#[inline]
fn pair_bit(first: char, second: char) -> usize {
    ((first as usize % 128) << 7) | (second as usize % 128)
}

/// Sets bit `bit` of `bits` (ignored if out of range).
fn set_bit(bits: &mut [u64], bit: usize) {
    if let Some(word) = bits.get_mut(bit / 64) {
        *word |= 1 << (bit % 64);
    }
}

/// Whether bit `bit` of `bits` is set.
#[inline]
fn has_bit(bits: &[u64], bit: usize) -> bool {
    bits.get(bit / 64)
        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
}

/// The key of `phrase` (its first two characters, or its only one with [`SINGLE`]), what
/// is left after them, and its first two characters.
fn split_phrase(phrase: &'static str) -> Option<(u64, &'static str, char, Option<char>)> {
    let mut chars = phrase.chars();
    let first = chars.next()?;
    let after_first = chars.as_str();
    Some(match chars.next() {
        Some(second) => (
            key(first, u32::from(second)),
            chars.as_str(),
            first,
            Some(second),
        ),
        None => (key(first, SINGLE), after_first, first, None),
    })
}

impl Phrasebook {
    /// The book of the catalogue's phrases.
    fn build() -> Self {
        Phrasebook::of(|| {
            ConductId::ALL
                .into_iter()
                .flat_map(|id| id.phrases().map(move |phrase| (id, phrase)))
        })
    }

    /// The book of the phrases `phrases()` lists (called twice; no phrase twice, none empty).
    fn of<I>(phrases: impl Fn() -> I) -> Self
    where
        I: Iterator<Item = (ConductId, &'static str)>,
    {
        let total = phrases().count();
        // At most one key per phrase, so the table is at most half full.
        let size = (total * 2).next_power_of_two().max(16);
        let mut book = Phrasebook {
            firsts: [0; 64],
            pairs: [0; 256],
            singles: false,
            shift: 64 - size.trailing_zeros(),
            slots: vec![
                Slot {
                    key: EMPTY,
                    start: 0,
                    len: 0
                };
                size
            ],
            candidates: Vec::new(),
        };
        // Pass 1: the bitsets, the keys and the length of each run.
        for (_, phrase) in phrases() {
            let Some((key, _, first, second)) = split_phrase(phrase) else {
                continue;
            };
            set_bit(&mut book.firsts, first as usize % 4096);
            match second {
                Some(second) => set_bit(&mut book.pairs, pair_bit(first, second)),
                None => book.singles = true,
            }
            if let Some(slot) = book.slot_mut(key) {
                slot.key = key;
                slot.len += 1;
            }
        }
        // Lay the runs out one after the other.
        let mut next = 0;
        for slot in &mut book.slots {
            slot.start = next;
            next += slot.len;
            slot.len = 0;
        }
        book.candidates = vec![
            Candidate {
                rest: "",
                id: ConductId::AbuseOrNeglect,
            };
            next as usize
        ];
        // Pass 2: insert each phrase into its run, keeping longer rests first and the
        // catalogue order among equals (an insertion step, no sort call: its code would cost
        // the WebAssembly package a few kilobytes for a one-time job on 350 items).
        for (id, phrase) in phrases() {
            let Some((key, rest, _, _)) = split_phrase(phrase) else {
                continue;
            };
            let Some(slot) = book.slot_mut(key) else {
                continue;
            };
            let (start, len) = (slot.start as usize, slot.len as usize);
            slot.len += 1;
            let Some(run) = book.candidates.get_mut(start..=start + len) else {
                continue;
            };
            let mut at = len;
            while at > 0 && run.get(at - 1).is_some_and(|c| c.rest.len() < rest.len()) {
                run.swap(at - 1, at);
                at -= 1;
            }
            if let Some(place) = run.get_mut(at) {
                *place = Candidate { rest, id };
            }
        }
        book
    }

    /// The slot holding `key`, or the empty slot where it belongs; `None` only if the table
    /// were full, which its sizing rules out.
    fn slot_mut(&mut self, key: u64) -> Option<&mut Slot> {
        let at = self.find(key)?;
        self.slots.get_mut(at)
    }

    /// Index of the slot holding `key` or of the empty slot that ends its probe sequence.
    #[inline]
    fn find(&self, key: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let hash = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift;
        let mut at = usize::try_from(hash).unwrap_or(0) & mask;
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(at)?;
            if slot.key == key || slot.key == EMPTY {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// The run of candidates under `key`, `None` if the key is absent.
    #[inline]
    fn run(&self, key: u64) -> Option<&[Candidate]> {
        let slot = self.slots.get(self.find(key)?)?;
        if slot.key != key {
            return None;
        }
        let start = slot.start as usize;
        self.candidates.get(start..start + slot.len as usize)
    }

    /// `false` when no phrase starts with `first`; `true` when one may (the bitset folds
    /// characters 4096 apart together).
    #[inline]
    fn may_start(&self, first: char) -> bool {
        has_bit(&self.firsts, first as usize % 4096)
    }

    /// The longest phrase that starts with `first` and goes on with `after_first` (skipped
    /// characters allowed inside): its id and the bytes and characters of `after_first` it
    /// covers.
    #[inline]
    fn longest_at(&self, first: char, after_first: &str) -> Option<(ConductId, usize, usize)> {
        // The second character of a phrase is the next character that is not skipped.
        let mut skipped = 0;
        let mut next = after_first.chars();
        let second = loop {
            match next.next() {
                Some(c) if !is_skipped(c) => break Some(c),
                Some(_) => skipped += 1,
                None => break None,
            }
        };
        if let Some(second) = second.filter(|&second| has_bit(&self.pairs, pair_bit(first, second)))
        {
            let after_second = next.as_str();
            let covered = after_first.len() - after_second.len();
            for candidate in self.run(key(first, u32::from(second))).unwrap_or_default() {
                if let Some((bytes, chars)) = match_skipping(after_second, candidate.rest) {
                    return Some((candidate.id, covered + bytes, skipped + 1 + chars));
                }
            }
        }
        // One-character phrases are shorter than any pair.
        if !self.singles {
            return None;
        }
        let single = self.run(key(first, SINGLE))?.first()?;
        Some((single.id, 0, 0))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.candidates.len()
    }
}

/// Built on first use and shared afterwards (a few kilobytes of heap).
fn phrasebook() -> &'static Phrasebook {
    static BOOK: OnceLock<Phrasebook> = OnceLock::new();
    BOOK.get_or_init(Phrasebook::build)
}

/// Characters the matcher skips: whitespace and invisible format characters.
fn is_skipped(c: char) -> bool {
    // Fast answer for CJK text: above U+3000 only the BOM is skipped.
    if c > '\u{3000}' {
        return c == '\u{FEFF}';
    }
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
    fn the_mask_holds_the_detected_ids() {
        assert!(ConductId::ALL.len() <= 32);
        let text = "先是乱摊派，又要求捐款，还强制入会，再次摊派。迟迟不办";
        let from_ids = ids(text).into_iter().fold(0, |mask, id| mask | id_bit(id));
        assert_eq!(detected_mask(text), (from_ids, text.chars().count()));
        assert_eq!(from_ids.count_ones(), 3);
        assert_eq!(detected_mask("依法经营"), (0, 4));
        assert_eq!(detected_mask(""), (0, 0));
        // A match at the very end, with skipped characters inside, still counts every one.
        assert_eq!(detected_mask("a 摊 \n派").1, 6);
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
    fn the_fast_skip_test_agrees_with_its_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let defined = c.is_whitespace()
                || matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
                );
            assert_eq!(is_skipped(c), defined, "{c:?}");
        }
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
        let book: Vec<(ConductId, &str)> = ConductId::ALL
            .iter()
            .flat_map(|&id| id.phrases().map(move |phrase| (id, phrase)))
            .collect();
        reference_with(&book, &automaton(&book), text)
    }

    fn automaton(book: &[(ConductId, &str)]) -> aho_corasick::AhoCorasick {
        let phrases: Vec<&str> = book.iter().map(|&(_, phrase)| phrase).collect();
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .unwrap()
    }

    fn reference_with(
        book: &[(ConductId, &str)],
        automaton: &aho_corasick::AhoCorasick,
        text: &str,
    ) -> Vec<(ConductId, usize, usize)> {
        let scanned = &text[..scan_limit(text)];
        let mut kept = String::new();
        let mut origin = Vec::new(); // original char index of each kept char
        for (i, c) in scanned.chars().enumerate() {
            if !is_skipped(c) {
                kept.push(c);
                origin.push(i);
            }
        }
        automaton
            .find_iter(&kept)
            .map(|hit| {
                let start = kept[..hit.start()].chars().count();
                let len = kept[hit.range()].chars().count();
                (
                    book[hit.pattern().as_usize()].0,
                    origin[start],
                    origin[start + len - 1] + 1,
                )
            })
            .collect()
    }

    /// A small book exercising what the catalogue lacks today: one-character phrases,
    /// phrases that are prefixes of others at one, two and more characters, runs sharing
    /// their first two characters, four-byte characters and ASCII.
    const SMALL_BOOK: &[(ConductId, &str)] = &[
        (ConductId::Apportionment, "摊"),
        (ConductId::Apportionment, "摊派"),
        (ConductId::PaidPublicity, "摊派报刊"),
        (ConductId::ForcedMembership, "摊派会费"),
        (ConductId::Collusion, "摊派报"),
        (ConductId::ForcedLabor, "派报"),
        (ConductId::ForcedLabor, "报刊费用"),
        (ConductId::BorrowingFunds, "刊"),
        (ConductId::IpInfringement, "😀😀"),
        (ConductId::IpInfringement, "😀a"),
        (ConductId::OtherInfringement, "ab"),
        (ConductId::OtherInfringement, "abc"),
    ];

    fn small_scan(text: &str) -> Vec<(ConductId, usize, usize)> {
        small_scan_with(&Phrasebook::of(|| SMALL_BOOK.iter().copied()), text)
    }

    fn small_scan_with(book: &Phrasebook, text: &str) -> Vec<(ConductId, usize, usize)> {
        let mut got = Vec::new();
        scan_with(book, text, &mut |hit| {
            assert!(text.chars().count() >= hit.end_char);
            let by_chars: String = text
                .chars()
                .skip(hit.start_char)
                .take(hit.end_char - hit.start_char)
                .collect();
            assert_eq!(&text[hit.start_byte..hit.end_byte], by_chars);
            got.push((hit.id, hit.start_char, hit.end_char));
        });
        got
    }

    #[test]
    fn one_character_phrases_and_nested_prefixes() {
        use ConductId::*;
        assert_eq!(small_scan("摊"), vec![(Apportionment, 0, 1)]);
        // Text ending mid-phrase: the longest phrase that fits wins.
        assert_eq!(small_scan("摊派报"), vec![(Collusion, 0, 3)]);
        assert_eq!(small_scan("摊派 报"), vec![(Collusion, 0, 4)]);
        assert_eq!(small_scan("摊 "), vec![(Apportionment, 0, 1)]);
        assert_eq!(small_scan("摊派报刊费用"), vec![(PaidPublicity, 0, 4)]);
        assert_eq!(
            small_scan("摊，派报刊"),
            vec![
                (Apportionment, 0, 1),
                (ForcedLabor, 2, 4),
                (BorrowingFunds, 4, 5)
            ]
        );
        assert_eq!(
            small_scan("😀\n😀😀a"),
            vec![(IpInfringement, 0, 3), (IpInfringement, 3, 5)]
        );
        assert_eq!(small_scan("xab\u{200B}c"), vec![(OtherInfringement, 1, 5)]);
        assert_eq!(small_scan("a\u{3000}"), vec![]);
    }

    #[test]
    fn the_small_book_agrees_with_the_reference_on_its_own_pieces() {
        let pieces = [
            "摊", "派", "报", "刊", "费", "用", "会", "😀", "a", "b", "c", " ", "\n", "，",
            "\u{200B}",
        ];
        // Every text of up to four pieces: 15^4 ≈ 50 000 cases, all near misses and overlaps.
        let book = Phrasebook::of(|| SMALL_BOOK.iter().copied());
        let automaton = automaton(SMALL_BOOK);
        let mut text = String::new();
        for n in 0..=4u32 {
            for mut code in 0..pieces.len().pow(n) {
                text.clear();
                for _ in 0..n {
                    text.push_str(pieces[code % pieces.len()]);
                    code /= pieces.len();
                }
                assert_eq!(
                    small_scan_with(&book, &text),
                    reference_with(SMALL_BOOK, &automaton, &text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn characters_that_share_a_filter_bit_do_not_match() {
        // '摊' + 4096 shares the filter bit with '摊' but starts no phrase.
        let twin = char::from_u32('摊' as u32 + 4096).unwrap();
        let text: String = [twin, '派'].iter().collect();
        assert!(detected_ids(&text).is_empty());
        // '派' + 128 shares the pair bit of "摊派" but continues no phrase.
        let pair_twin = char::from_u32('派' as u32 + 128).unwrap();
        let text: String = ['摊', pair_twin].iter().collect();
        assert!(detected_ids(&text).is_empty());
        assert_eq!(ids("摊派"), vec![ConductId::Apportionment]);
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
