//! Reading a JSON request body within limits: size, content type, nesting depth.

use axum::body::Body;
use axum::http::{header, HeaderMap};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::reply::Problem;

/// Largest accepted body.
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Deepest accepted JSON nesting. Real documents need 4; the cap keeps hostile input cheap.
pub(crate) const MAX_DEPTH: usize = 32;

/// Checks the content type, reads at most [`MAX_BODY_BYTES`], checks nesting and parses.
pub(crate) async fn read_json(
    headers: &HeaderMap,
    body: Body,
) -> Result<serde_json::Value, Problem> {
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false);
    if !json_type {
        return Err(Problem::unsupported_media_type());
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(Problem::body_too_large(MAX_BODY_BYTES));
    }
    let bytes = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(Problem::body_too_large(MAX_BODY_BYTES))
        }
        Err(err) => {
            return Err(Problem::malformed_json(&format!(
                "the body could not be read ({err})"
            )))
        }
    };
    if depth(&bytes) > MAX_DEPTH {
        return Err(Problem::too_deep(MAX_DEPTH));
    }
    serde_json::from_slice(&bytes).map_err(|err| Problem::malformed_json(&err.to_string()))
}

/// The deepest nesting of arrays and objects, ignoring brackets inside strings.
pub(crate) fn depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &byte in bytes {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::depth;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(depth(br#"{"a":[1,{"b":"[[[{{{"}]}"#), 3);
        assert_eq!(depth(br#""\"[""#), 0);
        assert_eq!(depth(b"[[[[]]]]"), 4);
    }
}
