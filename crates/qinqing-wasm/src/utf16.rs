//! Rust text as UTF-16, for answers handed to JavaScript as UTF-16 (see `crossing.rs`).

/// Appends `text` as UTF-16 units.
pub(crate) fn push_field(units: &mut Vec<u16>, text: &str) {
    // Decoded by hand into room made once (UTF-16 never needs more units than UTF-8 has
    // bytes): pushing what `encode_utf16` yields, unit by unit, cost twice as much.
    let start = units.len();
    units.resize(start + text.len(), 0);
    let mut slots = units.get_mut(start..).unwrap_or_default().iter_mut();
    let mut rest = text.as_bytes();
    let mut put = |unit: u16| {
        if let Some(slot) = slots.next() {
            *slot = unit;
        }
    };
    // `text` is valid UTF-8, so every lead byte has its continuation bytes.
    loop {
        rest = match rest {
            [] => break,
            [ascii @ 0..=0x7f, tail @ ..] => {
                put(u16::from(*ascii));
                tail
            }
            [lead @ 0xe0..=0xef, second, third, tail @ ..] => {
                put((u16::from(lead & 0x0f) << 12)
                    | (u16::from(second & 0x3f) << 6)
                    | u16::from(third & 0x3f));
                tail
            }
            [lead @ 0xc0..=0xdf, second, tail @ ..] => {
                put((u16::from(lead & 0x1f) << 6) | u16::from(second & 0x3f));
                tail
            }
            [lead, second, third, fourth, tail @ ..] => {
                let above = ((u32::from(lead & 0x07) << 18)
                    | (u32::from(second & 0x3f) << 12)
                    | (u32::from(third & 0x3f) << 6)
                    | u32::from(fourth & 0x3f))
                    - 0x1_0000;
                // Ten bits each: the casts are exact.
                put(0xd800 | (above >> 10) as u16);
                put(0xdc00 | (above & 0x3ff) as u16);
                tail
            }
            // Not reached for valid UTF-8.
            [_, tail @ ..] => tail,
        };
    }
    let unused = slots.len();
    units.truncate(units.len() - unused);
}

#[cfg(test)]
mod tests {
    use super::push_field;

    #[test]
    fn every_character_is_what_encode_utf16_gives() {
        let mut all = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            all.push(c);
            let mut units = vec![7];
            push_field(&mut units, c.encode_utf8(&mut [0; 4]));
            assert_eq!(units[1..], c.encode_utf16(&mut [0; 2])[..], "{c:?}");
        }
        let mut units = vec![7];
        push_field(&mut units, &all);
        assert!(units[1..].iter().copied().eq(all.encode_utf16()));
        push_field(&mut units, "");
        assert!(units[1..].iter().copied().eq(all.encode_utf16()));
    }
}
