//! JSON Pointer (RFC 6901) paths in the document's own field names.

/// `base` + `/token`, escaping `~` and `/` inside the token.
pub(crate) fn child(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for ch in token.chars() {
        match ch {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            other => out.push(other),
        }
    }
    out
}

/// `base` + `/index`.
pub(crate) fn index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(child("", "a/b~c"), "/a~1b~0c");
        assert_eq!(index("/attachments", 3), "/attachments/3");
        assert_eq!(child("/complainant", "uscc"), "/complainant/uscc");
    }
}
