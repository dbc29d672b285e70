//! JSON Pointer (RFC 6901) paths in the document's own field names.

/// `base` + `/token`, escaping `~` and `/` inside the token.
pub(crate) fn child(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    // Whole runs between the escaped characters, not one `char` at a time: shorter in
    // WebAssembly, and a token without `~` or `/` is a single copy.
    for (at, part) in token.split('~').enumerate() {
        if at > 0 {
            out.push_str("~0");
        }
        for (at, piece) in part.split('/').enumerate() {
            if at > 0 {
                out.push_str("~1");
            }
            out.push_str(piece);
        }
    }
    out
}

/// `base` + `/index`.
pub(crate) fn index(base: &str, index: usize) -> String {
    // Digits by hand rather than through `format!` (a third of an attachment issue's path).
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = index;
    loop {
        at -= 1;
        if let Some(digit) = digits.get_mut(at) {
            // `rest % 10` is a single digit: the cast is exact.
            *digit = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(base.len() + 1 + digits.len() - at);
    out.push_str(base);
    out.push('/');
    for &digit in digits.get(at..).unwrap_or_default() {
        out.push(char::from(digit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(child("", "a/b~c"), "/a~1b~0c");
        assert_eq!(index("/attachments", 3), "/attachments/3");
        for n in [0, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(index("/a", n), format!("/a/{n}"));
        }
        assert_eq!(child("/complainant", "uscc"), "/complainant/uscc");
        assert_eq!(child("", "~/~~//é"), "/~0~1~0~0~1~1é");
        assert_eq!(child("/a", ""), "/a/");
        assert_eq!(child("", "/"), "/~1");
    }
}
