//! Masks personal numbers before anything reaches a log line.
//!
//! Logs are read by operators who have no business seeing a citizen's identity card or phone
//! number. The server never logs documents; the few fields it does log go through [`mask`].

/// Masks every resident ID number (18 characters: 17 digits and a digit or `X`) and every
/// mainland mobile number (11 digits starting with 1) found in `text`:
/// `450103199001011234` → `4501**********1234`, `13812342345` → `138****2345`.
/// Other text, including longer digit runs, is left as it is.
pub fn mask(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let is_digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit());
        if !is_digit(chars.get(i)) || (i > 0 && is_alnum(chars.get(i - 1))) {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
            continue;
        }
        // A run of digits, possibly ending with an X (ID check character).
        let mut end = i;
        while is_digit(chars.get(end)) {
            end += 1;
        }
        let digits = end - i;
        if digits == 17 && matches!(chars.get(end), Some('X' | 'x')) {
            end += 1;
        }
        let run: String = chars.get(i..end).map(|s| s.iter().collect()).unwrap_or_default();
        let boundary = !is_alnum(chars.get(end));
        match run.len() {
            18 if boundary => out.push_str(&keep_ends(&run, 4, 4)),
            11 if boundary && run.starts_with('1') => out.push_str(&keep_ends(&run, 3, 4)),
            _ => out.push_str(&run),
        }
        i = end;
    }
    out
}

fn is_alnum(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

fn keep_ends(run: &str, head: usize, tail: usize) -> String {
    run.chars()
        .enumerate()
        .map(|(index, c)| if index < head || index + tail >= run.len() { c } else { '*' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn id_numbers_and_phones_are_masked() {
        assert_eq!(mask("450103199001011234"), "4501**********1234");
        assert_eq!(mask("id=45010319900101123X."), "id=4501**********123X.");
        assert_eq!(mask("13812342345"), "138****2345");
        assert_eq!(mask("电话：13812342345，身份证450103199001011234"), "电话：138****2345，身份证4501**********1234");
    }

    #[test]
    fn other_numbers_are_left_alone() {
        // A case number, a date, a landline, a USCC and a longer digit run.
        for text in ["GX-2026-000123", "2026-12-01", "0771-5551234", "91450100MA5K12345X", "1381234234512"] {
            assert_eq!(mask(text), text);
        }
        // 11 digits not starting with 1 are not a mobile number.
        assert_eq!(mask("23812342345"), "23812342345");
    }
}
