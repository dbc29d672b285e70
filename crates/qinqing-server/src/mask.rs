//! Masks personal numbers before anything reaches a log line.
//!
//! Logs are read by operators who have no business seeing a citizen's identity card or phone
//! number. The server never logs documents; the few fields it does log go through [`mask`].

/// Masks every resident ID number (17 digits and a digit or `X`) and every mainland mobile
/// number (11 digits starting with 1, optionally after `+86`/`86`) found in `text`, also when
/// written in groups separated by single spaces or hyphens:
/// `450103199001011234` → `4501**********1234`, `13812342345` → `138****2345`,
/// `138 1234 2345` → `138 **** 2345`. Other numbers (dates, case numbers, landlines) stay.
pub fn mask(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let chunks = chunks(&chars);
    let mut start = 0;
    while start < chunks.len() {
        let mut masked = false;
        // Try the longest number starting at this chunk, joining chunks across separators.
        let mut digits: Vec<usize> = Vec::new();
        for (end, chunk) in chunks.iter().enumerate().skip(start) {
            if end > start && !chunk.joined_to_previous {
                break;
            }
            digits.extend(chunk.positions.iter().copied());
            if let Some((from, to)) = sensitive(&chars, &digits) {
                for position in digits.get(from..to).unwrap_or_default() {
                    if let Some(c) = chars.get_mut(*position) {
                        *c = '*';
                    }
                }
                start = end + 1;
                masked = true;
                break;
            }
            if digits.len() >= 18 {
                break;
            }
        }
        if !masked {
            start += 1;
        }
    }
    chars.into_iter().collect()
}

/// A run of digits (an ID number's final `X` included) with the positions of its characters.
struct Chunk {
    positions: Vec<usize>,
    /// Separated from the previous chunk by exactly one space or hyphen.
    joined_to_previous: bool,
}

fn chunks(chars: &[char]) -> Vec<Chunk> {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let letter = |i: usize| chars.get(i).is_some_and(char::is_ascii_alphabetic);
    let mut out: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A number glued to letters (a USCC, a case number's letters) is not a personal number.
        if !digit(i) || (i > 0 && letter(i - 1)) {
            i += 1;
            continue;
        }
        let begin = i;
        while digit(i) {
            i += 1;
        }
        if matches!(chars.get(i), Some('X' | 'x')) && i - begin == 17 {
            i += 1;
        }
        if letter(i) {
            continue;
        }
        let joined = begin >= 2
            && matches!(chars.get(begin - 1), Some(' ' | '-'))
            && digit(begin - 2)
            && out
                .last()
                .and_then(|last| last.positions.last())
                .is_some_and(|&last| last == begin - 2);
        out.push(Chunk {
            positions: (begin..i).collect(),
            joined_to_previous: joined,
        });
    }
    out
}

/// `Some((from, to))`: a personal number, mask these digit indexes; `None`: not (yet) one.
fn sensitive(chars: &[char], digits: &[usize]) -> Option<(usize, usize)> {
    let text: String = digits.iter().filter_map(|&i| chars.get(i)).collect();
    let all_digits = text.chars().all(|c| c.is_ascii_digit());
    match text.len() {
        18 if text.chars().take(17).all(|c| c.is_ascii_digit()) => Some((4, 14)),
        11 if all_digits && text.starts_with('1') => Some((3, 7)),
        13 if all_digits && text.starts_with("861") => Some((5, 9)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn id_numbers_and_phones_are_masked() {
        assert_eq!(mask("450103199001011234"), "4501**********1234");
        assert_eq!(mask("id=45010319900101123X."), "id=4501**********123X.");
        assert_eq!(mask("13812342345"), "138****2345");
        assert_eq!(
            mask("电话：13812342345，身份证450103199001011234"),
            "电话：138****2345，身份证4501**********1234"
        );
    }

    #[test]
    fn grouped_numbers_are_masked_too() {
        assert_eq!(mask("138 7711 2345"), "138 **** 2345");
        assert_eq!(mask("138-7711-2345"), "138-****-2345");
        assert_eq!(mask("+86 138 7711 2345"), "+86 138 **** 2345");
        assert_eq!(mask("4501 0319 9001 0112 34"), "4501 **** **** **12 34");
        assert_eq!(mask("2026 138 7711 2345"), "2026 138 **** 2345");
    }

    #[test]
    fn other_numbers_are_left_alone() {
        // A case number, a date, a landline, a USCC, a longer digit run, a time.
        for text in [
            "GX-2026-000123",
            "2026-12-01",
            "0771-5551234",
            "91450100MA5K12345X",
            "1381234234512",
            "10:00:00",
        ] {
            assert_eq!(mask(text), text);
        }
        // 11 digits not starting with 1 are not a mobile number.
        assert_eq!(mask("23812342345"), "23812342345");
    }
}
