//! JSON text → typed complaint in one pass, for the common case: a well-formed document whose
//! fields all have the right types. It borrows the text, builds no `serde_json::Value` (no
//! `BTreeMap` per object, no `String` per key), and was measured to be most of the cost of a
//! WebAssembly call (see BENCHMARKS.md).
//!
//! It gives up (`None`) at the first thing the structural decoder would report or that needs
//! care: an unknown or repeated field, a wrong type, an unknown enum name, a number that is
//! not a plain `i64`, a `\u` escape, malformed or oversized text. The caller then runs the
//! full path (`json` + `decode`), so answers never depend on which path ran: when this
//! returns a model, the decoder would have built the same model with no issue, and
//! [`super::finish`] treats "no structural issue" exactly like "no decoder".

use std::borrow::Cow;

use serde::de::{DeserializeOwned, IntoDeserializer};

use crate::model::{Attachment, Complainant, Complaint, Conduct, Contact, Respondent};

use super::json::MAX_BYTES;

/// The complaint in `text`, or `None` when the full path must decide.
pub(crate) fn complaint(text: &str) -> Option<Complaint> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return None;
    }
    let mut reader = Reader { text, at: 0 };
    let doc = reader.complaint()?;
    reader.space();
    (reader.at == text.len()).then_some(doc)
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

/// Where the first `"`, `\` or control character of `bytes` is. Eight bytes at a time
/// (WebAssembly has no `memchr`; the byte loop was a tenth of a call): a word has such a
/// byte exactly when one of the classic "has a zero / smaller byte" tests fires, and the
/// word that fires is then searched byte by byte.
fn special_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_in = |word: u64| word.wrapping_sub(ONES) & !word & HIGH;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        let special = zero_in(word ^ (ONES * u64::from(b'"')))
            | zero_in(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if special != 0 {
            break;
        }
        at += 8;
    }
    let found = bytes
        .get(at..)?
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
    Some(at + found)
}

struct Reader<'t> {
    text: &'t str,
    at: usize,
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

    /// `true` (and consumed) when the next value is `null`.
    fn null(&mut self) -> Option<bool> {
        if self.peek()? == b'n' {
            self.literal("null")?;
            return Some(true);
        }
        Some(false)
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

    fn text_field(&mut self) -> Option<Option<String>> {
        if self.null()? {
            return Some(None);
        }
        Some(Some(self.string()?.into_owned()))
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

    fn enumeration<T: DeserializeOwned>(&mut self) -> Option<Option<T>> {
        if self.null()? {
            return Some(None);
        }
        let name = self.string()?;
        let parsed: Result<T, serde::de::value::Error> =
            T::deserialize(name.as_ref().into_deserializer());
        parsed.ok().map(Some)
    }

    /// An object (or `null`), each field handed to `field` by name.
    fn object<T: Default>(
        &mut self,
        mut field: impl FnMut(&mut Self, &mut T, &str) -> Option<()>,
    ) -> Option<Option<T>> {
        if self.null()? {
            return Some(None);
        }
        let mut out = T::default();
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Some(out));
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, &mut out, &key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Some(out));
                }
                _ => return None,
            }
        }
    }

    fn complaint(&mut self) -> Option<Complaint> {
        if self.peek()? != b'{' {
            return None;
        }
        let mut seen = 0u16;
        self.object(|r, out: &mut Complaint, key| {
            match key {
                "complainant" => {
                    first(&mut seen, 1)?;
                    out.complainant = r.complainant()?;
                }
                "respondent" => {
                    first(&mut seen, 2)?;
                    out.respondent = r.respondent()?;
                }
                "conduct" => {
                    first(&mut seen, 4)?;
                    out.conduct = r.conduct()?;
                }
                "attachments" => {
                    first(&mut seen, 8)?;
                    out.attachments = r.attachments()?;
                }
                "remedy" => {
                    first(&mut seen, 16)?;
                    out.remedy = r.text_field()?;
                }
                "receivedAt" => {
                    first(&mut seen, 32)?;
                    out.received_at = r.text_field()?;
                }
                _ => return None,
            }
            Some(())
        })?
    }

    fn complainant(&mut self) -> Option<Option<Complainant>> {
        let mut seen = 0u16;
        self.object(|r, out: &mut Complainant, key| {
            match key {
                "kind" => {
                    first(&mut seen, 1)?;
                    out.kind = r.enumeration()?;
                }
                "name" => {
                    first(&mut seen, 2)?;
                    out.name = r.text_field()?;
                }
                "uscc" => {
                    first(&mut seen, 4)?;
                    out.uscc = r.text_field()?;
                }
                "contact" => {
                    first(&mut seen, 8)?;
                    out.contact = r.contact()?;
                }
                "realName" => {
                    first(&mut seen, 16)?;
                    out.real_name = r.boolean()?;
                }
                "idNumber" => {
                    first(&mut seen, 32)?;
                    out.id_number = r.text_field()?;
                }
                _ => return None,
            }
            Some(())
        })
    }

    fn contact(&mut self) -> Option<Option<Contact>> {
        let mut seen = 0u16;
        self.object(|r, out: &mut Contact, key| {
            match key {
                "name" => {
                    first(&mut seen, 1)?;
                    out.name = r.text_field()?;
                }
                "phone" => {
                    first(&mut seen, 2)?;
                    out.phone = r.text_field()?;
                }
                "email" => {
                    first(&mut seen, 4)?;
                    out.email = r.text_field()?;
                }
                _ => return None,
            }
            Some(())
        })
    }

    fn respondent(&mut self) -> Option<Option<Respondent>> {
        let mut seen = 0u16;
        self.object(|r, out: &mut Respondent, key| {
            match key {
                "agency" => {
                    first(&mut seen, 1)?;
                    out.agency = r.text_field()?;
                }
                "divisionCode" => {
                    first(&mut seen, 2)?;
                    out.division_code = r.text_field()?;
                }
                "level" => {
                    first(&mut seen, 4)?;
                    out.level = r.enumeration()?;
                }
                _ => return None,
            }
            Some(())
        })
    }

    fn conduct(&mut self) -> Option<Option<Conduct>> {
        let mut seen = 0u16;
        self.object(|r, out: &mut Conduct, key| {
            match key {
                "category" => {
                    first(&mut seen, 1)?;
                    out.category = r.enumeration()?;
                }
                "occurredOn" => {
                    first(&mut seen, 2)?;
                    out.occurred_on = r.text_field()?;
                }
                "description" => {
                    first(&mut seen, 4)?;
                    out.description = r.text_field()?;
                }
                "amountFen" => {
                    first(&mut seen, 8)?;
                    out.amount_fen = r.integer()?;
                }
                "commitmentRef" => {
                    first(&mut seen, 16)?;
                    out.commitment_ref = r.text_field()?;
                }
                _ => return None,
            }
            Some(())
        })
    }

    /// The list (`null` is an empty one); an element that is not an object gives up.
    fn attachments(&mut self) -> Option<Vec<Attachment>> {
        if self.null()? {
            return Some(Vec::new());
        }
        self.eat(b'[')?;
        let mut out = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(out);
        }
        loop {
            if self.peek()? != b'{' {
                return None;
            }
            out.push(self.attachment()??);
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }

    fn attachment(&mut self) -> Option<Option<Attachment>> {
        let mut seen = 0u16;
        self.object(|r, out: &mut Attachment, key| {
            match key {
                "name" => {
                    first(&mut seen, 1)?;
                    out.name = r.text_field()?;
                }
                "mediaType" => {
                    first(&mut seen, 2)?;
                    out.media_type = r.text_field()?;
                }
                "sizeBytes" => {
                    first(&mut seen, 4)?;
                    out.size_bytes = r.integer()?;
                }
                "sha256" => {
                    first(&mut seen, 8)?;
                    out.sha256 = r.text_field()?;
                }
                _ => return None,
            }
            Some(())
        })
    }
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

    fn agrees(text: &str) {
        if let Some(fast) = complaint(text) {
            assert_eq!(Some(fast), full(text), "{text}");
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
            r#"{"conduct":{"category":"nope"}}"#,
            r#"{"attachments":[null]}"#,
            r#"{"attachments":[{},]}"#,
            r#"{"remedy":"\u0041"}"#,
            r#"{"remedy":"a\qb"}"#,
            "{\"remedy\":\"a\tb\"}",
            r#"{"complainant":{"realName":"yes"}}"#,
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
        ];
        for text in accepted {
            assert!(complaint(text).is_some(), "{text}");
            agrees(text);
        }
    }
}
