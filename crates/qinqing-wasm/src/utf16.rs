//! Rust text as UTF-16, for answers handed to JavaScript as UTF-16 (see `read::issue_units`).

/// Appends `text` as UTF-16 units; `None` if it holds U+0000 or U+0001, which the answer
/// uses as separators.
pub(crate) fn push_field(units: &mut Vec<u16>, text: &str) -> Option<()> {
    // Decoded by hand into room made once (UTF-16 never needs more units than UTF-8 has
    // bytes): pushing what `encode_utf16` yields, unit by unit, cost twice as much.
    let start = units.len();
    units.resize(start + text.len(), 0);
    let mut slots = units.get_mut(start..)?.iter_mut();
    let mut rest = text.as_bytes();
    // `text` is valid UTF-8, so every lead byte has its continuation bytes.
    loop {
        rest = match rest {
            [] => break,
            [0 | 1, ..] => return None,
            [ascii @ 0..=0x7f, tail @ ..] => {
                *slots.next()? = u16::from(*ascii);
                tail
            }
            [lead @ 0xe0..=0xef, second, third, tail @ ..] => {
                *slots.next()? = (u16::from(lead & 0x0f) << 12)
                    | (u16::from(second & 0x3f) << 6)
                    | u16::from(third & 0x3f);
                tail
            }
            [lead @ 0xc0..=0xdf, second, tail @ ..] => {
                *slots.next()? = (u16::from(lead & 0x1f) << 6) | u16::from(second & 0x3f);
                tail
            }
            [lead, second, third, fourth, tail @ ..] => {
                let above = ((u32::from(lead & 0x07) << 18)
                    | (u32::from(second & 0x3f) << 12)
                    | (u32::from(third & 0x3f) << 6)
                    | u32::from(fourth & 0x3f))
                    - 0x1_0000;
                // Ten bits each: the casts are exact.
                *slots.next()? = 0xd800 | (above >> 10) as u16;
                *slots.next()? = 0xdc00 | (above & 0x3ff) as u16;
                tail
            }
            _ => return None,
        };
    }
    let unused = slots.len();
    units.truncate(units.len() - unused);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::push_field;

    #[test]
    fn every_character_is_encode_utf16s_and_separators_are_refused() {
        let mut all = String::new();
        for c in (2..=0x10FFFF).filter_map(char::from_u32) {
            all.push(c);
            let mut units = vec![7];
            assert_eq!(push_field(&mut units, c.encode_utf8(&mut [0; 4])), Some(()));
            assert_eq!(units[1..], c.encode_utf16(&mut [0; 2])[..], "{c:?}");
        }
        let mut units = Vec::new();
        assert_eq!(push_field(&mut units, &all), Some(()));
        assert!(units.iter().copied().eq(all.encode_utf16()));
        for bad in ["\u{0}", "a\u{1}", "中文\u{0}b"] {
            assert_eq!(push_field(&mut Vec::new(), bad), None, "{bad:?}");
        }
        assert_eq!(push_field(&mut units, ""), Some(()));
    }
}
