//! JSON text → typed complaint in one pass, for the common case: a well-formed document whose
//! fields all have the right types. It borrows the text, builds no `serde_json::Value` (no
//! `BTreeMap` per object, no `String` per key), and was measured to be most of the cost of a
//! WebAssembly call (see BENCHMARKS.md).
//!
//! It gives up (`None`) at the first thing the structural decoder would report or that needs
//! care: an unknown or repeated field, a wrong type, a number that is not a plain `i64`, a
//! `\u` escape, malformed or oversized text. The caller then runs the full path (`json` +
//! `decode`), so answers never depend on which path ran: when this returns a model, the
//! decoder would have built the same model, and its only issues would have been the
//! `enum.unknown` of the names kept in [`UnknownNames`] (the one structural problem read
//! on, as invalid documents often hold one: `"town"` for a level, a made-up kind).
//!
//! The per-struct code is written once, over a [`Source`]: JSON text ([`Reader`]) or the
//! tape the WebAssembly bindings fill from a JavaScript object ([`Tape`], see
//! [`crate::ffi::complaint_from_tape`]), so both build the model by the same rules. It is an
//! enum rather than a trait so that the per-struct code exists once in the WebAssembly
//! module (a generic copy per source cost ≈ 7 KB).

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::model::{Attachment, Complainant, Complaint, Conduct, Contact, Respondent};

use super::json::MAX_BYTES;

/// Enum names the model does not know, in the complaint's three enum fields
/// (`/complainant/kind`, `/respondent/level`, `/conduct/category`): the decoder leaves such
/// a field empty and reports the name (`Decoder::unknown_names`).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct UnknownNames<'t>(pub(crate) [Option<Cow<'t, str>>; 3]);

impl UnknownNames<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

/// The complaint in `text` and the enum names it could not place, or `None` when the full
/// path must decide.
#[cfg(test)]
pub(crate) fn complaint(text: &str) -> Option<(Complaint, UnknownNames<'_>)> {
    let mut out = Complaint::default();
    let mut unknown = UnknownNames::default();
    complaint_into(text, &mut out, &mut unknown)?;
    Some((out, unknown))
}

/// [`complaint`] into `out` (reusing its buffers) and `unknown` (which must start empty);
/// `None` (and `out` unusable) when the full path must decide.
pub(crate) fn complaint_into<'t>(
    text: &'t str,
    out: &mut Complaint,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return None;
    }
    let mut source = Source::Text(Reader {
        text,
        at: 0,
        fresh: false,
    });
    if !source.object_next()? {
        return None;
    }
    read_complaint(&mut source, out, unknown)?;
    let Source::Text(mut reader) = source else {
        return None;
    };
    reader.space();
    (reader.at == text.len()).then_some(())
}

/// The complaint on `tape` (format in [`crate::ffi::complaint_from_tape`]) and the enum
/// names it could not place, or `None` when anything else on it is not what the model
/// expects.
pub(crate) fn complaint_from_tape<'t>(
    tape: &'t [f64],
    text: &'t [u8],
) -> Option<(Complaint, UnknownNames<'t>)> {
    let mut out = Complaint::default();
    let mut unknown = UnknownNames::default();
    complaint_from_tape_into(tape, text, &mut out, &mut unknown)?;
    Some((out, unknown))
}

/// [`complaint_from_tape`] into `out` (reusing its buffers) and `unknown` (which must start
/// empty); `None` (and `out` unusable) when anything else on the tape is not what the model
/// expects.
pub(crate) fn complaint_from_tape_into<'t>(
    tape: &'t [f64],
    text: &'t [u8],
    out: &mut Complaint,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    let mut source = Source::Tape(Tape::new(tape, text)?);
    if !source.object_next()? {
        return None;
    }
    read_complaint(&mut source, out, unknown)?;
    let Source::Tape(tape) = source else {
        return None;
    };
    tape.done().then_some(())
}

/// The JSON value on `tape`, exactly what `serde_json` reads from the JSON text of the
/// walked object, or `None` when anything on it is unexpected.
pub(crate) fn value_from_tape(tape: &[f64], text: &[u8]) -> Option<Value> {
    let mut tape = Tape::new(tape, text)?;
    let value = tape.value(0)?;
    tape.done().then_some(value)
}

/// Marks field `bit` as read; `None` when it was already (serde_json keeps the last of
/// repeated keys, the full path decides).
fn first(seen: &mut u16, bit: u16) -> Option<()> {
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    Some(())
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `word` (and maybe of bytes above a zero byte).
fn zero_in(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGH
}

/// How many UTF-16 units the UTF-8 bytes of `word` start: one per byte that is not a
/// continuation byte (`0b10xxxxxx`), one more per four-byte lead (`0b11110xxx`).
fn utf16_units(word: u64) -> usize {
    let starts = ((!word >> 7) | (word >> 6)) & ONES;
    let wide = (word >> 7) & (word >> 6) & (word >> 5) & (word >> 4) & ONES;
    // Each byte holds 0, 1 or 2; the multiplication sums them into the top byte.
    ((starts + wide).wrapping_mul(ONES) >> 56) as usize
}

/// Where the first `"`, `\` or control character of `bytes` is. Eight bytes at a time
/// (WebAssembly has no `memchr`; the byte loop was a tenth of a call): a word has such a
/// byte exactly when one of the classic "has a zero / smaller byte" tests fires, and the
/// lowest byte the tests flag is the first such byte (their borrows only run upwards, from
/// a byte that is itself flagged rightly), so no byte loop is needed but for the tail.
fn special_byte(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        let special = zero_in(word ^ (ONES * u64::from(b'"')))
            | zero_in(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if special != 0 {
            // At most 63 / 8: the cast is exact.
            return Some(at + (special.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let found = bytes
        .get(at..)?
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
    Some(at + found)
}

/// Where the model's fields come from. Each method reads one value of the kind the model
/// expects there and gives `None` (give up) for anything else.
enum Source<'t> {
    Text(Reader<'t>),
    Tape(Tape<'t>),
}

impl<'t> Source<'t> {
    /// `true` (and consumed) when the next value is `null`.
    fn null(&mut self) -> Option<bool> {
        match self {
            Source::Text(reader) => reader.null(),
            Source::Tape(tape) => tape.null(),
        }
    }

    /// A string.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        match self {
            Source::Text(reader) => reader.string(),
            Source::Tape(tape) => tape.string().map(Cow::Borrowed),
        }
    }

    /// `true`, `false` or `null`.
    fn boolean(&mut self) -> Option<Option<bool>> {
        match self {
            Source::Text(reader) => reader.boolean(),
            Source::Tape(tape) => tape.boolean(),
        }
    }

    /// A whole number within `i64`, or `null`.
    fn integer(&mut self) -> Option<Option<i64>> {
        match self {
            Source::Text(reader) => reader.integer(),
            Source::Tape(tape) => tape.integer(),
        }
    }

    /// Whether the next value is an object (not consumed).
    fn object_next(&mut self) -> Option<bool> {
        match self {
            Source::Text(reader) => reader.object_next(),
            Source::Tape(tape) => tape.object_next(),
        }
    }

    /// Starts reading an object: `false` (and consumed) for `null`.
    fn begin_object(&mut self) -> Option<bool> {
        match self {
            Source::Text(reader) => reader.begin_object(),
            Source::Tape(tape) => tape.begin_object(),
        }
    }

    /// The number (place in [`TAPE_KEYS`]) of the next key of the object being read; `None`
    /// (and consumed) at its end. A text key no complaint has gives up here; the readers give
    /// up on the numbers of fields their object does not have.
    fn next_key(&mut self) -> Option<Option<u8>> {
        match self {
            Source::Text(reader) => reader.next_key(),
            Source::Tape(tape) => tape.next_field(),
        }
    }

    /// Starts reading an array: `false` (and consumed) for `null`.
    fn begin_array(&mut self) -> Option<bool> {
        match self {
            Source::Text(reader) => reader.begin_array(),
            Source::Tape(tape) => tape.begin_array(),
        }
    }

    /// Whether another item of the array being read follows (its end is consumed).
    fn next_item(&mut self) -> Option<bool> {
        match self {
            Source::Text(reader) => reader.next_item(),
            Source::Tape(tape) => tape.next_item(),
        }
    }

    /// A string or `null` into `slot`, in the buffer `slot` already holds if any.
    fn text_into(&mut self, slot: &mut Option<String>) -> Option<()> {
        // The text goes straight into the buffer, with no `Cow` in between (its `deref` was
        // a call of its own in the WebAssembly module).
        match self {
            Source::Text(reader) => reader.text_into(slot),
            Source::Tape(tape) => {
                if tape.null()? {
                    *slot = None;
                } else {
                    let owned = slot.get_or_insert_with(String::new);
                    owned.clear();
                    owned.push_str(tape.string()?);
                }
                Some(())
            }
        }
    }

    /// An object or `null` into `slot`, read by `read` into the struct `slot` already holds
    /// if any.
    fn object_into<T: Default>(
        &mut self,
        slot: &mut Option<T>,
        read: fn(&mut Self, &mut T, &mut UnknownNames<'t>) -> Option<()>,
        unknown: &mut UnknownNames<'t>,
    ) -> Option<()> {
        if !self.begin_object()? {
            *slot = None;
            return Some(());
        }
        read(self, slot.get_or_insert_with(T::default), unknown)
    }

    /// An enum name; one the model does not know leaves the field empty and goes to
    /// `unknown`, as the decoder would.
    fn enumeration<T: DeserializeOwned>(
        &mut self,
        unknown: &mut Option<Cow<'t, str>>,
    ) -> Option<Option<T>> {
        if self.null()? {
            return Some(None);
        }
        let name = self.string()?;
        let parsed = super::decode::variant(&name);
        if parsed.is_none() {
            *unknown = Some(name);
        }
        Some(parsed)
    }
}

struct Reader<'t> {
    text: &'t str,
    at: usize,
    /// An object or array was just opened: a key or item may follow without a comma.
    fresh: bool,
}

impl<'t> Reader<'t> {
    // The four smallest helpers are forced inline: opt-level s left them as calls, which
    // measured ≈ 6 % of a WebAssembly call (and inlining made the gzip'd module smaller).
    #[inline(always)]
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips JSON whitespace (RFC 8259: space, tab, line feed, carriage return).
    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    #[inline(always)]
    fn peek(&mut self) -> Option<u8> {
        self.space();
        self.byte()
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        (self.text.as_bytes().get(self.at..end)? == word.as_bytes()).then(|| self.at = end)
    }

    /// The rest of a string that has an escape at `self.at`; `\u` escapes are left to the
    /// full path (surrogate pairs and lone surrogates).
    fn escaped(&mut self, start: usize) -> Option<Cow<'t, str>> {
        let mut out = String::from(self.text.get(start..self.at)?);
        loop {
            let from = self.at;
            loop {
                match self.byte()? {
                    b'"' | b'\\' => break,
                    0..=0x1f => return None,
                    _ => self.at += 1,
                }
            }
            out.push_str(self.text.get(from..self.at)?);
            if self.byte()? == b'"' {
                self.at += 1;
                return Some(Cow::Owned(out));
            }
            self.at += 1;
            out.push(match self.byte()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return None,
            });
            self.at += 1;
        }
    }
}

impl<'t> Reader<'t> {
    // Inlined (as the four helpers above): opt-level s left a call per field.
    #[inline(always)]
    fn null(&mut self) -> Option<bool> {
        if self.peek()? == b'n' {
            self.literal("null")?;
            return Some(true);
        }
        Some(false)
    }

    /// The number of the key whose opening quote is next. No field name has an escape, a
    /// control character or more than 15 bytes, so the key is read as one 16-byte word and
    /// compared with the names' words ([`number_of_word`]): no scan to its end and no
    /// `memcmp` (a byte loop in WebAssembly); any other key gives up.
    fn key(&mut self) -> Option<u8> {
        self.eat(b'"')?;
        let rest = self.text.as_bytes().get(self.at..)?;
        let word = match rest.get(..16) {
            Some(window) => u128::from_le_bytes(<[u8; 16]>::try_from(window).ok()?),
            None => {
                let mut window = [0; 16];
                window.get_mut(..rest.len())?.copy_from_slice(rest);
                u128::from_le_bytes(window)
            }
        };
        let quotes = word ^ (WIDE_ONES * u128::from(b'"'));
        let quotes = quotes.wrapping_sub(WIDE_ONES) & !quotes & (WIDE_ONES << 7);
        if quotes == 0 {
            return None;
        }
        // The lowest flagged byte is the first quote (see `special_byte`): the key is the
        // bytes up to it, quote included (so that "kind\0" is not "kind"), masked without a
        // variable shift (a call on `u128`).
        let quote = quotes & quotes.wrapping_neg();
        self.at += (quote.trailing_zeros() / 8) as usize + 1;
        number_of_word(word & (quote << 1).wrapping_sub(1))
    }

    /// A string or `null` into `slot` (one look at the next byte for both).
    #[inline(always)]
    fn text_into(&mut self, slot: &mut Option<String>) -> Option<()> {
        if self.peek()? == b'n' {
            self.literal("null")?;
            *slot = None;
            return Some(());
        }
        let owned = slot.get_or_insert_with(String::new);
        owned.clear();
        match self.string()? {
            Cow::Borrowed(text) => owned.push_str(text),
            Cow::Owned(text) => owned.push_str(&text),
        }
        Some(())
    }

    /// A string, borrowed unless it has escapes.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.eat(b'"')?;
        let text = self.text;
        let start = self.at;
        self.at = start + special_byte(text.as_bytes().get(start..)?)?;
        match self.byte()? {
            b'"' => {}
            b'\\' => return self.escaped(start),
            _ => return None,
        }
        // `"` is ASCII, so both ends are character boundaries.
        let out = text.get(start..self.at)?;
        self.at += 1;
        Some(Cow::Borrowed(out))
    }

    fn boolean(&mut self) -> Option<Option<bool>> {
        match self.peek()? {
            b'n' => self.literal("null").map(|()| None),
            b't' => self.literal("true").map(|()| Some(true)),
            b'f' => self.literal("false").map(|()| Some(false)),
            _ => None,
        }
    }

    /// A plain integer within `i64` (no fraction, exponent or `-0`, which serde_json reads as
    /// floats).
    fn integer(&mut self) -> Option<Option<i64>> {
        if self.null()? {
            return Some(None);
        }
        let negative = self.byte()? == b'-';
        if negative {
            self.at += 1;
        }
        let first = self.byte()?;
        if !first.is_ascii_digit() || (first == b'0' && negative) {
            return None;
        }
        let mut magnitude: i64 = 0;
        let mut digits = 0usize;
        while let Some(digit @ b'0'..=b'9') = self.byte() {
            magnitude = magnitude
                .checked_mul(10)?
                .checked_add(i64::from(digit - b'0'))?;
            digits += 1;
            self.at += 1;
        }
        if (first == b'0' && digits > 1) || matches!(self.byte(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(Some(if negative { -magnitude } else { magnitude }))
    }

    fn object_next(&mut self) -> Option<bool> {
        Some(self.peek()? == b'{')
    }

    fn begin_object(&mut self) -> Option<bool> {
        if self.null()? {
            return Some(false);
        }
        self.eat(b'{')?;
        self.fresh = true;
        Some(true)
    }

    fn next_key(&mut self) -> Option<Option<u8>> {
        let fresh = std::mem::replace(&mut self.fresh, false);
        match self.peek()? {
            b'}' => {
                self.at += 1;
                return Some(None);
            }
            b',' if !fresh => self.at += 1,
            _ if fresh => {}
            _ => return None,
        }
        let key = self.key()?;
        self.eat(b':')?;
        Some(Some(key))
    }

    fn begin_array(&mut self) -> Option<bool> {
        if self.null()? {
            return Some(false);
        }
        self.eat(b'[')?;
        self.fresh = true;
        Some(true)
    }

    fn next_item(&mut self) -> Option<bool> {
        let fresh = std::mem::replace(&mut self.fresh, false);
        match self.peek()? {
            b']' => {
                self.at += 1;
                Some(false)
            }
            b',' if !fresh => {
                self.at += 1;
                Some(true)
            }
            _ if fresh => Some(true),
            _ => None,
        }
    }
}

// The tape's codes (see `crate::ffi::complaint_from_tape`); a code ≥ 0 is a string of that
// many UTF-16 units.
const NULL: f64 = -1.0;
const FALSE: f64 = -2.0;
const TRUE: f64 = -3.0;
const NUMBER: f64 = -4.0;
const OBJECT: f64 = -5.0;
const OBJECT_END: f64 = -6.0;
const ARRAY: f64 = -7.0;
const ARRAY_END: f64 = -8.0;
/// In key position, `KEY - i` is the `i`-th name of [`TAPE_KEYS`].
const KEY: f64 = -100.0;

/// The field names the walker writes as a number instead of text: the `i`-th name is `KEY - i`.
pub(crate) use super::fields::FIELD_NAMES as TAPE_KEYS;

/// Largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A number on the tape as an `i64`, if it is a safe integer (whose JSON text is plain
/// digits, `-0` printing as `0`).
fn safe_integer(number: f64) -> Option<i64> {
    if number.fract() != 0.0 || !(-SAFE_INTEGER..=SAFE_INTEGER).contains(&number) {
        return None;
    }
    // Whole and within ±2^53, checked just above: the cast is exact.
    Some(number as i64)
}

/// A count on the tape as a `usize`, if it is one.
fn usize_of(code: f64) -> Option<usize> {
    // Used only when whole and within u32, where the (saturating) cast is exact.
    (code.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&code)).then_some(code as usize)
}

/// A JavaScript object walked into a tape of codes plus the UTF-8 text of all its strings
/// (keys included), one after another.
struct Tape<'t> {
    codes: &'t [f64],
    next: usize,
    text: &'t str,
    at: usize,
    /// All text is ASCII: a UTF-16 length is also the byte length. Otherwise strings are
    /// measured character by character, and one holding U+FFFD gives up: the walker does
    /// not look for lone surrogates, which `TextEncoder` writes as U+FFFD (a real U+FFFD in
    /// a document only costs the slower path).
    ascii: bool,
}

/// Deeper values on a tape are refused (the walker stops at four levels).
const TAPE_DEPTH: usize = 16;

impl<'t> Tape<'t> {
    /// The tape after its header (the text's length in bytes and in UTF-16 units).
    fn new(codes: &'t [f64], text: &'t [u8]) -> Option<Tape<'t>> {
        let bytes = usize_of(*codes.first()?)?;
        let units = usize_of(*codes.get(1)?)?;
        let text = std::str::from_utf8(text.get(..bytes)?).ok()?;
        Some(Tape {
            codes,
            next: 2,
            text,
            at: 0,
            ascii: units == bytes,
        })
    }

    /// Whether every code and every byte of text was read.
    fn done(&self) -> bool {
        self.next == self.codes.len() && self.at == self.text.len()
    }

    /// Any value, as `serde_json` would read it from JSON text.
    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > TAPE_DEPTH {
            return None;
        }
        let code = self.peek()?;
        if code >= 0.0 {
            return Some(Value::String(self.string()?.to_owned()));
        }
        self.next += 1;
        Some(if code == NULL {
            Value::Null
        } else if code == FALSE {
            Value::Bool(false)
        } else if code == TRUE {
            Value::Bool(true)
        } else if code == NUMBER {
            // serde_json reads `0` (also what JSON.stringify prints for -0) as a positive
            // integer, as `From<i64>` does.
            Value::Number(safe_integer(self.take()?)?.into())
        } else if code == OBJECT {
            let mut fields = serde_json::Map::new();
            loop {
                if self.peek()? == OBJECT_END {
                    self.next += 1;
                    break Value::Object(fields);
                }
                let key = self.key()?.into_owned();
                let field = self.value(depth + 1)?;
                if fields.insert(key, field).is_some() {
                    return None;
                }
            }
        } else if code == ARRAY {
            let mut items = Vec::new();
            loop {
                if self.peek()? == ARRAY_END {
                    self.next += 1;
                    break Value::Array(items);
                }
                items.push(self.value(depth + 1)?);
            }
        } else {
            return None;
        })
    }

    fn peek(&self) -> Option<f64> {
        self.codes.get(self.next).copied()
    }

    /// An object's key: a string, or `KEY - i` for the `i`-th name of [`TAPE_KEYS`].
    fn key(&mut self) -> Option<Cow<'t, str>> {
        let code = self.peek()?;
        if code > KEY {
            return self.string().map(Cow::Borrowed);
        }
        self.next += 1;
        let name = TAPE_KEYS.get(usize_of(KEY - code)?)?;
        Some(Cow::Borrowed(name))
    }

    fn take(&mut self) -> Option<f64> {
        let code = self.peek()?;
        self.next += 1;
        Some(code)
    }
}

impl<'t> Tape<'t> {
    fn null(&mut self) -> Option<bool> {
        let null = self.peek()? == NULL;
        self.next += usize::from(null);
        Some(null)
    }

    fn string(&mut self) -> Option<&'t str> {
        let units = usize_of(self.take()?)?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let ascii_end = start.checked_add(units)?;
        // Most strings (every key, codes, dates) are ASCII: then the length in UTF-16 units
        // is the length in bytes, and a prefix of that many ASCII bytes is the whole string.
        let end = if self.ascii || bytes.get(start..ascii_end)?.is_ascii() {
            ascii_end
        } else {
            // Counts UTF-16 units by lead byte: four-byte characters are two units. Eight
            // bytes at a time while the string surely goes on and the word has no 0xEF
            // (which may start U+FFFD, checked below); a word may end inside a character,
            // whose remaining bytes then count nothing.
            let (mut end, mut seen) = (start, 0);
            while seen < units {
                if let Some(word) = bytes.get(end..end + 8) {
                    let word = u64::from_le_bytes(<[u8; 8]>::try_from(word).ok()?);
                    let count = utf16_units(word);
                    if seen + count <= units && zero_in(word ^ (ONES * 0xef)) == 0 {
                        end += 8;
                        seen += count;
                        continue;
                    }
                }
                let lead = *bytes.get(end)?;
                let (width, count) = match lead {
                    0..=0x7f => (1, 1),
                    0x80..=0xbf => (1, 0),
                    0xc0..=0xdf => (2, 1),
                    // U+FFFD: what the encoder wrote for a lone surrogate, which JSON text
                    // would carry as a `\u` escape; the full path decides.
                    0xef if bytes.get(end + 1..end + 3) == Some(&[0xbf, 0xbd]) => return None,
                    0xe0..=0xef => (3, 1),
                    _ => (4, 2),
                };
                end += width;
                seen += count;
            }
            if seen != units {
                return None;
            }
            // The rest of the last character, when a word ended inside it.
            while bytes.get(end).is_some_and(|&byte| byte & 0xc0 == 0x80) {
                end += 1;
            }
            end
        };
        let out = self.text.get(start..end)?;
        self.at = end;
        Some(out)
    }

    fn boolean(&mut self) -> Option<Option<bool>> {
        let code = self.take()?;
        if code == NULL {
            Some(None)
        } else if code == TRUE {
            Some(Some(true))
        } else if code == FALSE {
            Some(Some(false))
        } else {
            None
        }
    }

    /// A safe integer (JSON text of it is plain digits, `-0` printing as `0`).
    fn integer(&mut self) -> Option<Option<i64>> {
        if self.null()? {
            return Some(None);
        }
        if self.take()? != NUMBER {
            return None;
        }
        Some(Some(safe_integer(self.take()?)?))
    }

    fn object_next(&mut self) -> Option<bool> {
        Some(self.peek()? == OBJECT)
    }

    fn begin_object(&mut self) -> Option<bool> {
        if self.null()? {
            return Some(false);
        }
        (self.take()? == OBJECT).then_some(true)
    }

    fn next_field(&mut self) -> Option<Option<u8>> {
        let code = self.take()?;
        if code == OBJECT_END {
            return Some(None);
        }
        if code > KEY {
            self.next -= 1;
            return field_number(self.string()?).map(Some);
        }
        u8::try_from(usize_of(KEY - code)?).ok().map(Some)
    }

    fn begin_array(&mut self) -> Option<bool> {
        if self.null()? {
            return Some(false);
        }
        (self.take()? == ARRAY).then_some(true)
    }

    fn next_item(&mut self) -> Option<bool> {
        if self.peek()? == ARRAY_END {
            self.next += 1;
            return Some(false);
        }
        Some(true)
    }
}

/// The numbers of the field names the complaint readers know (their places in
/// [`TAPE_KEYS`]; a test checks them), so that both sources hand over a key as a number.
mod id {
    pub(super) const COMPLAINANT: u8 = 0;
    pub(super) const RESPONDENT: u8 = 3;
    pub(super) const CONDUCT: u8 = 6;
    pub(super) const ATTACHMENTS: u8 = 10;
    pub(super) const REMEDY: u8 = 11;
    pub(super) const RECEIVED_AT: u8 = 12;
    pub(super) const KIND: u8 = 13;
    pub(super) const NAME: u8 = 20;
    pub(super) const USCC: u8 = 21;
    pub(super) const CONTACT: u8 = 22;
    pub(super) const PHONE: u8 = 23;
    pub(super) const EMAIL: u8 = 24;
    pub(super) const REAL_NAME: u8 = 25;
    pub(super) const ID_NUMBER: u8 = 26;
    pub(super) const AGENCY: u8 = 27;
    pub(super) const DIVISION_CODE: u8 = 28;
    pub(super) const LEVEL: u8 = 29;
    pub(super) const CATEGORY: u8 = 32;
    pub(super) const OCCURRED_ON: u8 = 33;
    pub(super) const DESCRIPTION: u8 = 34;
    pub(super) const AMOUNT_FEN: u8 = 35;
    pub(super) const COMMITMENT_REF: u8 = 36;
    pub(super) const MEDIA_TYPE: u8 = 38;
    pub(super) const SIZE_BYTES: u8 = 39;
    pub(super) const SHA256: u8 = 40;
}

use id::*;

/// The number of the field named `key`, if a complaint has one.
fn field_number(key: &str) -> Option<u8> {
    if key.len() > 15 || key.contains('"') {
        return None;
    }
    number_of_word(name_word(key))
}

/// `1` in each byte of a 16-byte word.
const WIDE_ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// A name of at most 15 bytes and its closing quote as one word, from the lowest byte up.
const fn name_word(name: &str) -> u128 {
    let mut word = 0;
    let mut bytes = name.as_bytes();
    let mut shift = 0;
    while let [byte, rest @ ..] = bytes {
        word |= (*byte as u128) << shift;
        shift += 8;
        bytes = rest;
    }
    word | (b'"' as u128) << shift
}

/// The number of the field whose [`name_word`] is `word`, if a complaint has one: one look
/// in a hash table (a chain of 25 comparisons of 16-byte constants measured 0.3 KB larger).
fn number_of_word(word: u128) -> Option<u8> {
    let at = slot(word);
    let (words, numbers) = &FIELD_SLOTS;
    if *words.get(at)? != word {
        return None;
    }
    numbers.get(at).copied().filter(|&number| number != u8::MAX)
}

/// The multiplier that gives each complaint field name's first eight bytes (with its quote) a
/// slot of its own
/// in [`FIELD_SLOTS`] (found by search; building the table fails on a collision).
const SLOT_HASH: u64 = 0x830e_07bc_1e39_8f11;

/// The slot of [`FIELD_SLOTS`] of a name's word (the top 6 bits of a multiplicative hash of
/// its first eight bytes).
const fn slot(word: u128) -> usize {
    ((word as u64).wrapping_mul(SLOT_HASH) >> 58) as usize
}

/// The complaint's field names as [`name_word`]s in their [`slot`]s, and their numbers
/// (`u8::MAX` in an empty slot).
static FIELD_SLOTS: ([u128; 64], [u8; 64]) = field_slots(&[
    ("complainant", COMPLAINANT),
    ("respondent", RESPONDENT),
    ("conduct", CONDUCT),
    ("attachments", ATTACHMENTS),
    ("remedy", REMEDY),
    ("receivedAt", RECEIVED_AT),
    ("kind", KIND),
    ("name", NAME),
    ("uscc", USCC),
    ("contact", CONTACT),
    ("phone", PHONE),
    ("email", EMAIL),
    ("realName", REAL_NAME),
    ("idNumber", ID_NUMBER),
    ("agency", AGENCY),
    ("divisionCode", DIVISION_CODE),
    ("level", LEVEL),
    ("category", CATEGORY),
    ("occurredOn", OCCURRED_ON),
    ("description", DESCRIPTION),
    ("amountFen", AMOUNT_FEN),
    ("commitmentRef", COMMITMENT_REF),
    ("mediaType", MEDIA_TYPE),
    ("sizeBytes", SIZE_BYTES),
    ("sha256", SHA256),
]);

// Evaluated at compile time only: an index out of range or a collision fails the build.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn field_slots(names: &[(&str, u8)]) -> ([u128; 64], [u8; 64]) {
    let mut words = [0; 64];
    let mut numbers = [u8::MAX; 64];
    let mut rest = names;
    while let [(name, number), tail @ ..] = rest {
        let word = name_word(name);
        let at = slot(word);
        if numbers[at] != u8::MAX {
            panic!("two field names share a slot: choose another SLOT_HASH");
        }
        words[at] = word;
        numbers[at] = *number;
        rest = tail;
    }
    (words, numbers)
}

// The readers below fill a model in place, reusing the text buffers it already holds (the
// bindings and `validate_complaint_json` keep one model per thread, so a valid document
// costs no allocation); every field not in the document is reset, so what was in `out`
// before never shows. When a reader gives up, `out` holds a mix and must not be used.

fn read_complaint<'t>(
    r: &mut Source<'t>,
    out: &mut Complaint,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    if !r.begin_object()? {
        return None;
    }
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            COMPLAINANT => {
                first(&mut seen, 1)?;
                r.object_into(&mut out.complainant, complainant, unknown)?;
            }
            RESPONDENT => {
                first(&mut seen, 2)?;
                r.object_into(&mut out.respondent, respondent, unknown)?;
            }
            CONDUCT => {
                first(&mut seen, 4)?;
                r.object_into(&mut out.conduct, conduct, unknown)?;
            }
            ATTACHMENTS => {
                first(&mut seen, 8)?;
                attachments(r, &mut out.attachments)?;
            }
            REMEDY => {
                first(&mut seen, 16)?;
                r.text_into(&mut out.remedy)?;
            }
            RECEIVED_AT => {
                first(&mut seen, 32)?;
                r.text_into(&mut out.received_at)?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.complainant);
    unset(seen, 2, &mut out.respondent);
    unset(seen, 4, &mut out.conduct);
    if seen & 8 == 0 {
        out.attachments.clear();
    }
    unset(seen, 16, &mut out.remedy);
    unset(seen, 32, &mut out.received_at);
    Some(())
}

/// Resets a field the object did not have.
fn unset<T>(seen: u16, bit: u16, field: &mut Option<T>) {
    if seen & bit == 0 {
        *field = None;
    }
}

fn complainant<'t>(
    r: &mut Source<'t>,
    out: &mut Complainant,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            KIND => {
                first(&mut seen, 1)?;
                out.kind = r.enumeration(&mut unknown.0[0])?;
            }
            NAME => {
                first(&mut seen, 2)?;
                r.text_into(&mut out.name)?;
            }
            USCC => {
                first(&mut seen, 4)?;
                r.text_into(&mut out.uscc)?;
            }
            CONTACT => {
                first(&mut seen, 8)?;
                r.object_into(&mut out.contact, contact, unknown)?;
            }
            REAL_NAME => {
                first(&mut seen, 16)?;
                out.real_name = r.boolean()?;
            }
            ID_NUMBER => {
                first(&mut seen, 32)?;
                r.text_into(&mut out.id_number)?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.kind);
    unset(seen, 2, &mut out.name);
    unset(seen, 4, &mut out.uscc);
    unset(seen, 8, &mut out.contact);
    unset(seen, 16, &mut out.real_name);
    unset(seen, 32, &mut out.id_number);
    Some(())
}

fn contact(r: &mut Source<'_>, out: &mut Contact, _: &mut UnknownNames<'_>) -> Option<()> {
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            NAME => {
                first(&mut seen, 1)?;
                r.text_into(&mut out.name)?;
            }
            PHONE => {
                first(&mut seen, 2)?;
                r.text_into(&mut out.phone)?;
            }
            EMAIL => {
                first(&mut seen, 4)?;
                r.text_into(&mut out.email)?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.name);
    unset(seen, 2, &mut out.phone);
    unset(seen, 4, &mut out.email);
    Some(())
}

fn respondent<'t>(
    r: &mut Source<'t>,
    out: &mut Respondent,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            AGENCY => {
                first(&mut seen, 1)?;
                r.text_into(&mut out.agency)?;
            }
            DIVISION_CODE => {
                first(&mut seen, 2)?;
                r.text_into(&mut out.division_code)?;
            }
            LEVEL => {
                first(&mut seen, 4)?;
                out.level = r.enumeration(&mut unknown.0[1])?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.agency);
    unset(seen, 2, &mut out.division_code);
    unset(seen, 4, &mut out.level);
    Some(())
}

fn conduct<'t>(
    r: &mut Source<'t>,
    out: &mut Conduct,
    unknown: &mut UnknownNames<'t>,
) -> Option<()> {
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            CATEGORY => {
                first(&mut seen, 1)?;
                out.category = r.enumeration(&mut unknown.0[2])?;
            }
            OCCURRED_ON => {
                first(&mut seen, 2)?;
                r.text_into(&mut out.occurred_on)?;
            }
            DESCRIPTION => {
                first(&mut seen, 4)?;
                r.text_into(&mut out.description)?;
            }
            AMOUNT_FEN => {
                first(&mut seen, 8)?;
                out.amount_fen = r.integer()?;
            }
            COMMITMENT_REF => {
                first(&mut seen, 16)?;
                r.text_into(&mut out.commitment_ref)?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.category);
    unset(seen, 2, &mut out.occurred_on);
    unset(seen, 4, &mut out.description);
    unset(seen, 8, &mut out.amount_fen);
    unset(seen, 16, &mut out.commitment_ref);
    Some(())
}

/// The list (`null` is an empty one); an element that is not an object gives up.
fn attachments(r: &mut Source<'_>, out: &mut Vec<Attachment>) -> Option<()> {
    let mut count = 0;
    if r.begin_array()? {
        while r.next_item()? {
            if !r.object_next()? || !r.begin_object()? {
                return None;
            }
            if count == out.len() {
                out.push(Attachment::default());
            }
            attachment(r, out.get_mut(count)?)?;
            count += 1;
        }
    }
    out.truncate(count);
    Some(())
}

fn attachment(r: &mut Source<'_>, out: &mut Attachment) -> Option<()> {
    let mut seen = 0u16;
    while let Some(key) = r.next_key()? {
        match key {
            NAME => {
                first(&mut seen, 1)?;
                r.text_into(&mut out.name)?;
            }
            MEDIA_TYPE => {
                first(&mut seen, 2)?;
                r.text_into(&mut out.media_type)?;
            }
            SIZE_BYTES => {
                first(&mut seen, 4)?;
                out.size_bytes = r.integer()?;
            }
            SHA256 => {
                first(&mut seen, 8)?;
                r.text_into(&mut out.sha256)?;
            }
            _ => return None,
        }
    }
    unset(seen, 1, &mut out.name);
    unset(seen, 2, &mut out.media_type);
    unset(seen, 4, &mut out.size_bytes);
    unset(seen, 8, &mut out.sha256);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::context::COMPLAINT_CLAUSE;
    use crate::validate::decode::Decoder;
    use crate::Lang;

    /// What the full path builds, when it reports nothing.
    fn full(text: &str) -> Option<Complaint> {
        let value = super::super::json::parse(text, Lang::Zh).ok()?;
        let mut decoder = Decoder::new(Lang::Zh, COMPLAINT_CLAUSE);
        let doc = decoder.complaint(&value);
        (decoder.issues.is_empty() && !decoder.truncated).then_some(doc)
    }

    /// The model and the decoder's issues on the full path, issues sorted by path.
    fn decoded(text: &str) -> Option<(Complaint, Vec<crate::Issue>)> {
        let value = super::super::json::parse(text, Lang::Zh).ok()?;
        let mut decoder = Decoder::new(Lang::Zh, COMPLAINT_CLAUSE);
        let doc = decoder.complaint(&value);
        assert!(!decoder.truncated);
        let mut issues = decoder.issues;
        issues.sort_by(|a, b| a.path.cmp(&b.path));
        Some((doc, issues))
    }

    /// The fast reader's model and the issues of its unknown names, as [`decoded`] gives them.
    fn read_fast(
        read: Option<(Complaint, UnknownNames<'_>)>,
    ) -> Option<(Complaint, Vec<crate::Issue>)> {
        let (doc, unknown) = read?;
        let mut decoder = Decoder::new(Lang::Zh, COMPLAINT_CLAUSE);
        decoder.unknown_names(&unknown);
        let mut issues = decoder.issues;
        issues.sort_by(|a, b| a.path.cmp(&b.path));
        Some((doc, issues))
    }

    fn agrees(text: &str) {
        if let Some(fast) = read_fast(complaint(text)) {
            assert_eq!(Some(fast), decoded(text), "{text}");
        }
    }

    #[test]
    fn every_fixture_gives_the_full_paths_model_or_none() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/complaints"
        );
        let mut fast = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            agrees(&text);
            fast += usize::from(complaint(&text).is_some());
            if full(&text).is_some() && !text.contains("\\u") {
                assert!(complaint(&text).is_some(), "fast path refused {text}");
            }
        }
        assert!(fast > 10, "only {fast} fixtures took the fast path");
    }

    /// The readers fill a model left over from another document (the bindings and
    /// `validate_complaint_json` reuse one): each fixture read over every other one, and over
    /// a read that gave up halfway, gives what a fresh model gives.
    #[test]
    fn a_reused_model_reads_like_a_fresh_one() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/complaints"
        );
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .filter(|text| complaint(text).is_some())
            .collect();
        texts.sort();
        // Halves of documents: reads that give up after filling part of the model.
        let halves: Vec<String> = texts
            .iter()
            .map(|text| text.chars().take(text.chars().count() / 2).collect())
            .collect();
        assert!(texts.len() > 10);
        let mut model = Complaint::default();
        for before in texts.iter().chain(&halves) {
            for text in &texts {
                let _ = complaint_into(before, &mut model, &mut UnknownNames::default());
                let mut unknown = UnknownNames::default();
                assert!(complaint_into(text, &mut model, &mut unknown).is_some());
                assert_eq!(
                    Some((model.clone(), unknown)),
                    complaint(text),
                    "{text} after {before}"
                );
            }
        }
        // And from tapes.
        let mut from_tapes = 0;
        for before in &texts {
            for text in &texts {
                let value: Value =
                    serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
                let (tape, bytes) = tape_of(&value);
                let _ = complaint_into(before, &mut model, &mut UnknownNames::default());
                let mut unknown = UnknownNames::default();
                if complaint_from_tape_into(&tape, &bytes, &mut model, &mut unknown).is_some() {
                    assert_eq!(
                        Some((model.clone(), unknown)),
                        complaint_from_tape(&tape, &bytes)
                    );
                    from_tapes += 1;
                }
            }
        }
        assert!(from_tapes > 100, "{from_tapes}");
    }

    proptest::proptest! {
        /// Damaged copies of a valid document: wherever the fast path still answers, it
        /// answers with the full path's model.
        #[test]
        fn damaged_documents_agree(
            at in 0usize..1200,
            removed in 0usize..4,
            inserted in proptest::sample::select(vec![
                "", "\"", "\\", "\\u0041", "\\n", ",", ":", "}", "]", "{", "[", "null",
                "1", "-0", "1.5", "1e2", "true", "\"remedy\":\"x\",", " ", "\u{1}", "中",
            ]),
        ) {
            let base = include_str!("../../../../tests/fixtures/complaints/valid-enterprise.json");
            for text in [base.to_owned(), base.split_whitespace().collect::<Vec<_>>().join("")] {
                let mut start = at.min(text.len());
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + removed).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let damaged = format!("{}{}{}", &text[..start], inserted, &text[end..]);
                agrees(&damaged);
            }
        }
    }

    /// What the WebAssembly bindings' JavaScript walker puts on the tape for `value`.
    fn tape_of(value: &serde_json::Value) -> (Vec<f64>, Vec<u8>) {
        use serde_json::Value;
        fn units(text: &str) -> f64 {
            text.encode_utf16().count() as f64
        }
        fn walk(value: &Value, tape: &mut Vec<f64>, text: &mut String) {
            match value {
                Value::Null => tape.push(NULL),
                Value::Bool(true) => tape.push(TRUE),
                Value::Bool(false) => tape.push(FALSE),
                Value::Number(number) => tape.extend([NUMBER, number.as_f64().unwrap()]),
                Value::String(string) => {
                    text.push_str(string);
                    tape.push(units(string));
                }
                Value::Array(items) => {
                    tape.push(ARRAY);
                    items.iter().for_each(|item| walk(item, tape, text));
                    tape.push(ARRAY_END);
                }
                Value::Object(fields) => {
                    tape.push(OBJECT);
                    for (key, field) in fields {
                        match TAPE_KEYS.iter().position(|name| name == key) {
                            Some(at) => tape.push(KEY - at as f64),
                            None => {
                                text.push_str(key);
                                tape.push(units(key));
                            }
                        }
                        walk(field, tape, text);
                    }
                    tape.push(OBJECT_END);
                }
            }
        }
        let (mut tape, mut text) = (vec![0.0, 0.0], String::new());
        walk(value, &mut tape, &mut text);
        tape[0] = text.len() as f64;
        tape[1] = units(&text);
        (tape, text.into_bytes())
    }

    /// The tape of `value` builds the model the text reader builds from its JSON text.
    fn tape_agrees(value: &serde_json::Value) -> bool {
        let (tape, text) = tape_of(value);
        let from_tape = read_fast(complaint_from_tape(&tape, &text));
        if from_tape.is_some() {
            assert_eq!(from_tape, decoded(&value.to_string()), "{value}");
        }
        from_tape.is_some()
    }

    #[test]
    fn tapes_build_the_text_readers_model() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/complaints"
        );
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            read += usize::from(tape_agrees(&value));
            if complaint(&value.to_string()).is_some() && !text.contains('.') {
                assert!(tape_agrees(&value), "tape refused {text}");
            }
        }
        assert!(read > 10, "only {read} fixtures were read from a tape");
        let odd = serde_json::json!({
            "remedy": "emoji 😀 and 中文 and \u{1} and \"quotes\"",
            "conduct": {"amountFen": -12, "description": "𠀀𠀁 ab"},
            "attachments": [{"sizeBytes": 9007199254740991_i64}, {}],
            "complainant": {"realName": false, "contact": null},
            "respondent": null,
        });
        assert!(tape_agrees(&odd));
        // Unknown enum names are read on, and reported as the decoder reports them.
        let names = serde_json::json!({
            "complainant": {"kind": "company", "name": "x"},
            "respondent": {"level": "town"},
            "conduct": {"category": "中文", "description": "y"},
        });
        assert!(tape_agrees(&names));
        let (tape, text) = tape_of(&names);
        assert_eq!(crate::ffi::complaint_from_tape(&tape, &text), None);
        for refused in [
            serde_json::json!({"conduct": {"amountFen": 1.5}}),
            serde_json::json!({"conduct": {"amountFen": 9007199254740992_i64}}),
            serde_json::json!({"attachments": [null]}),
            serde_json::json!({"extra": 1}),
            serde_json::json!({"remedy": 1}),
            serde_json::json!({"remedy": "lone \u{fffd} surrogate"}),
            serde_json::json!([]),
            serde_json::json!(null),
        ] {
            assert!(!tape_agrees(&refused), "{refused}");
        }
    }

    /// Whether the walker would put `value` on a tape: safe integers only, no U+FFFD, not
    /// too deep.
    fn walkable(value: &serde_json::Value, depth: usize) -> bool {
        use serde_json::Value;
        depth <= TAPE_DEPTH
            && match value {
                Value::Number(number) => number
                    .as_i64()
                    .is_some_and(|n| n.unsigned_abs() <= 9_007_199_254_740_991),
                Value::String(text) => !text.contains('\u{fffd}'),
                Value::Array(items) => items.iter().all(|item| walkable(item, depth + 1)),
                Value::Object(fields) => fields
                    .iter()
                    .all(|(key, field)| !key.contains('\u{fffd}') && walkable(field, depth + 1)),
                Value::Null | Value::Bool(_) => true,
            }
    }

    #[test]
    fn field_numbers_name_the_fields() {
        let names = [
            (id::COMPLAINANT, "complainant"),
            (id::RESPONDENT, "respondent"),
            (id::CONDUCT, "conduct"),
            (id::ATTACHMENTS, "attachments"),
            (id::REMEDY, "remedy"),
            (id::RECEIVED_AT, "receivedAt"),
            (id::KIND, "kind"),
            (id::NAME, "name"),
            (id::USCC, "uscc"),
            (id::CONTACT, "contact"),
            (id::PHONE, "phone"),
            (id::EMAIL, "email"),
            (id::REAL_NAME, "realName"),
            (id::ID_NUMBER, "idNumber"),
            (id::AGENCY, "agency"),
            (id::DIVISION_CODE, "divisionCode"),
            (id::LEVEL, "level"),
            (id::CATEGORY, "category"),
            (id::OCCURRED_ON, "occurredOn"),
            (id::DESCRIPTION, "description"),
            (id::AMOUNT_FEN, "amountFen"),
            (id::COMMITMENT_REF, "commitmentRef"),
            (id::MEDIA_TYPE, "mediaType"),
            (id::SIZE_BYTES, "sizeBytes"),
            (id::SHA256, "sha256"),
        ];
        for (number, name) in names {
            assert_eq!(TAPE_KEYS[usize::from(number)], name);
            assert_eq!(field_number(name), Some(number), "{name}");
        }
        for (at, name) in TAPE_KEYS.iter().enumerate() {
            let number = field_number(name);
            assert!(
                number.is_none() || number == u8::try_from(at).ok(),
                "{name}"
            );
        }
        for other in [
            "",
            "kin",
            "kinds",
            "Kind",
            "kind\0",
            "complainant\0\0\0\0\0",
        ] {
            assert_eq!(field_number(other), None, "{other:?}");
        }
    }

    #[test]
    fn tape_keys_are_distinct_names_without_commas() {
        // The bindings hand them to JavaScript joined by commas.
        let mut names = TAPE_KEYS.to_vec();
        assert!(names
            .iter()
            .all(|name| !name.is_empty() && !name.contains(',')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TAPE_KEYS.len());
    }

    #[test]
    fn tapes_hold_the_value_serde_json_reads() {
        for dir in ["complaints", "contracts"] {
            let dir = format!("{}/../../tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
            let mut read = 0;
            for entry in std::fs::read_dir(&dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                    continue;
                };
                let (tape, bytes) = tape_of(&value);
                match value_from_tape(&tape, &bytes) {
                    Some(from_tape) => {
                        assert_eq!(from_tape, value, "{text}");
                        read += 1;
                    }
                    None => assert!(!walkable(&value, 0), "{text}"),
                }
            }
            assert!(read > 3, "only {read} in {dir} were read from a tape");
        }
        let value = serde_json::json!({
            "a": [0, -0, -5, 9007199254740991_i64, null, true, false, "😀"],
            "b": {},
        });
        let (tape, bytes) = tape_of(&value);
        assert_eq!(value_from_tape(&tape, &bytes), Some(value));
    }

    #[test]
    fn strings_of_every_width_at_every_alignment_come_off_the_tape() {
        let chars = [
            "a", "é", "中", "，", "😀", "𠀀", "z", "\u{7ff}", "\u{800}", "\u{ffff}",
        ];
        for pad in 0..9 {
            for len in 0..24 {
                for shift in 0..chars.len() {
                    let text: String = (0..len)
                        .map(|i| chars[(i * 7 + shift) % chars.len()])
                        .collect();
                    let value = serde_json::json!({
                        "remedy": "p".repeat(pad),
                        "x": [text.clone(), "中z😀", text],
                    });
                    let (tape, bytes) = tape_of(&value);
                    assert_eq!(
                        value_from_tape(&tape, &bytes),
                        Some(value.clone()),
                        "{value}"
                    );
                }
            }
        }
        assert_eq!(
            utf16_units(u64::from_le_bytes(*b"ab\xe4\xb8\xad\xf0\x9f\x98")),
            5
        );
    }

    #[test]
    fn damaged_tapes_give_up_or_agree() {
        let value: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../tests/fixtures/complaints/valid-enterprise.json"
        ))
        .unwrap();
        let (tape, text) = tape_of(&value);
        let full_model = full(&value.to_string());
        assert_eq!(
            complaint_from_tape(&tape, &text).map(|read| read.0),
            full_model
        );
        for at in 0..tape.len() {
            assert_eq!(complaint_from_tape(&tape[..at], &text), None);
            assert_eq!(value_from_tape(&tape[..at], &text), None);
            for code in [
                -9.0,
                -8.0,
                -6.0,
                -5.0,
                -4.0,
                -1.0,
                0.5,
                0.0,
                3.0,
                1e300,
                f64::NAN,
            ] {
                let mut damaged = tape.clone();
                damaged[at] = code;
                // Whatever it builds must not panic; most damage is refused outright.
                let _ = complaint_from_tape(&damaged, &text);
                let _ = value_from_tape(&damaged, &text);
            }
        }
        for cut in [0, 1, text.len() / 2, text.len() - 1] {
            assert_eq!(complaint_from_tape(&tape, &text[..cut]), None);
        }
    }

    #[test]
    fn special_bytes_are_found_at_every_position() {
        for len in 0..40 {
            for special in [b'"', b'\\', 0x00, 0x1f] {
                for at in 0..len {
                    let mut bytes = "中文ab".repeat(len).into_bytes();
                    bytes.truncate(len);
                    bytes[at] = special;
                    let expected = bytes
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
                    assert_eq!(special_byte(&bytes), expected, "{len} {at}");
                }
                let plain = "中文ab ~\x7f".repeat(len);
                assert_eq!(special_byte(plain.as_bytes()), None);
                // Two special bytes: the first one is found, whatever follows it.
                for at in 0..len {
                    for later in at + 1..len {
                        let mut bytes = "中\u{80}ab!#".repeat(len).into_bytes();
                        bytes.truncate(len);
                        bytes[at] = special;
                        bytes[later] = 0x00;
                        assert_eq!(special_byte(&bytes), Some(at), "{len} {at} {later}");
                    }
                }
            }
        }
    }

    #[test]
    fn gives_up_wherever_the_full_path_would_speak() {
        let refused = [
            "",
            "null",
            "[]",
            "{",
            "{}x",
            r#"{"remedy":"a","remedy":"b"}"#,
            r#"{"remedy":1}"#,
            r#"{"extra":1}"#,
            r#"{"conduct":{"amountFen":1.0}}"#,
            r#"{"conduct":{"amountFen":-0}}"#,
            r#"{"conduct":{"amountFen":01}}"#,
            r#"{"conduct":{"amountFen":1e3}}"#,
            r#"{"conduct":{"amountFen":9223372036854775808}}"#,
            r#"{"conduct":{"category":1}}"#,
            r#"{"attachments":[null]}"#,
            r#"{"attachments":[{},]}"#,
            r#"{"remedy":"\u0041"}"#,
            r#"{"remedy":"a\qb"}"#,
            "{\"remedy\":\"a\tb\"}",
            r#"{"complainant":{"realName":"yes"}}"#,
            r#"{"attachments":[{} }"#,
            r#"{"attachments":[{}{}]}"#,
            r#"{"attachments":[,{}]}"#,
            r#"{"attachments":[{}}"#,
            r#"{"remedy":"a" "receivedAt":"b"}"#,
            r#"{,"remedy":"a"}"#,
            r#"{"remedy":"a",}"#,
            r#"{"remedy" "a"}"#,
            // Keys are read as whole words: an escape, a control character, a longer or a
            // shorter name is no field.
            r#"{"remed\"y":null}"#,
            r#"{"re\medy":null}"#,
            "{\"remedy\u{0}\":null}",
            "{\"kind\u{1}\":null}",
            r#"{"remedyy":null}"#,
            r#"{"remed":null}"#,
            r#"{"complainantcomplainant":null}"#,
            r#"{"":null}"#,
            r#"{"project":null}"#,
        ];
        for text in refused {
            assert_eq!(complaint(text), None, "{text}");
        }
        let accepted = [
            "{}",
            "\u{feff} {\"remedy\" : null } \n",
            r#"{"remedy":"a\"b\\c\/d\n"}"#,
            r#"{"conduct":{"amountFen":-12,"category":"collusion"},"attachments":null}"#,
            r#"{"conduct":{"amountFen":9223372036854775807}}"#,
            r#"{"attachments":[{"sizeBytes":0},{}],"complainant":{"realName":false,"contact":{}}}"#,
            r#"{"conduct":{"category":"nope"},"respondent":{"level":"town"}}"#,
            r#"{"complainant":{"kind":"a\"b"},"conduct":{"category":null}}"#,
        ];
        for text in accepted {
            assert!(complaint(text).is_some(), "{text}");
            agrees(text);
        }
    }
}
