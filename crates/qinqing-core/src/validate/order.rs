//! Document order for issues: a form shows problems top to bottom, so issues are sorted by
//! their path, segment by segment, with field names ranked as they appear in the model
//! (not alphabetically) and list indices by number. The sort is stable, so issues at the
//! same path keep the order the rules raised them in.

use std::cmp::Ordering;

use super::fields::FIELD_NAMES;
use crate::answer::Issue;

/// Stable binary insertion sort. An answer holds at most a few hundred issues (the decoder
/// and the rules each stop at `MAX_ISSUES`), and `slice::sort_by` would link the standard
/// library's whole stable sort for `Issue` into the WebAssembly (≈ 1.5 KB gzip).
pub(crate) fn sort(issues: &mut [Issue]) {
    for at in 1..issues.len() {
        let Some((sorted, rest)) = issues.split_at_mut_checked(at) else {
            return;
        };
        let (Some(item), Some(last)) = (rest.first(), sorted.last()) else {
            return;
        };
        // Issues mostly come in order already (each rule family raises them top to bottom):
        // one comparison with the last sorted issue settles those.
        if compare_paths(&last.path, &item.path) != Ordering::Greater {
            continue;
        }
        // After every issue that does not sort after this one: equal paths keep their order.
        let place =
            sorted.partition_point(|x| compare_paths(&x.path, &item.path) != Ordering::Greater);
        if let Some(moved) = issues.get_mut(place..=at) {
            moved.rotate_right(1);
        }
    }
}

fn compare_paths(a: &str, b: &str) -> Ordering {
    // Over bytes: `str::split` sets up a `memchr` search per segment, which cost more than
    // the rest of the comparison for paths this short. Byte order is `str` order.
    let mut left = a.as_bytes().split(|&byte| byte == b'/').skip(1);
    let mut right = b.as_bytes().split(|&byte| byte == b'/').skip(1);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            // Equal segments (a shared parent) rank alike: no need to rank them.
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) => match rank(x).cmp(&rank(y)).then_with(|| x.cmp(y)) {
                Ordering::Equal => continue,
                other => return other,
            },
        }
    }
}

/// Indices first by number, then known fields in model order, then unknown fields.
fn rank(segment: &[u8]) -> (u8, usize) {
    if let Some(index) = index(segment) {
        return (0, index);
    }
    // Length and first byte before the full comparison: most names differ there.
    match FIELD_NAMES.iter().position(|name| {
        name.len() == segment.len()
            && name.as_bytes().first() == segment.first()
            && name.as_bytes() == segment
    }) {
        Some(position) => (1, position),
        None => (2, 0),
    }
}

/// `segment` as a list index, read as `str::parse::<usize>` reads it (an optional `+`,
/// decimal digits, no overflow).
fn index(segment: &[u8]) -> Option<usize> {
    let digits = segment.strip_prefix(b"+").unwrap_or(segment);
    if digits.is_empty() {
        return None;
    }
    let mut index: usize = 0;
    for &digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
        index = index
            .checked_mul(10)?
            .checked_add(usize::from(digit - b'0'))?;
    }
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::{compare_paths, index, sort};
    use crate::answer::Issue;
    use std::cmp::Ordering;

    #[test]
    fn insertion_sort_is_the_stable_sort() {
        let paths = [
            "/conduct",
            "",
            "/attachments/10/name",
            "/complainant/uscc",
            "/attachments/2",
            "/conduct",
            "/complainant/kind",
            "/attachments/2/sha256",
            "/zzz",
            "/complainant",
            "/attachments/10/name",
            "",
            "/respondent/level",
            "/complainant/uscc",
        ];
        // Every rotation of the list, with each issue's position in its code so stability shows.
        for start in 0..paths.len() {
            let issues: Vec<Issue> = paths
                .iter()
                .cycle()
                .skip(start)
                .take(paths.len())
                .enumerate()
                .map(|(n, path)| Issue {
                    code: format!("c{n}").into(),
                    severity: crate::Severity::Error,
                    path: (*path).to_owned(),
                    message: String::new(),
                    basis: "".into(),
                    suggestions: Vec::new(),
                })
                .collect();
            let mut expected = issues.clone();
            expected.sort_by(|a, b| compare_paths(&a.path, &b.path));
            let mut got = issues;
            sort(&mut got);
            assert_eq!(got, expected, "rotation {start}");
        }
    }

    #[test]
    fn indices_are_read_as_str_parse_reads_them() {
        for segment in [
            "",
            "+",
            "-",
            "0",
            "00",
            "+7",
            "-7",
            "12",
            "1a",
            "a1",
            " 1",
            "１",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999999",
        ] {
            assert_eq!(
                index(segment.as_bytes()),
                segment.parse::<usize>().ok(),
                "{segment}"
            );
        }
    }

    #[test]
    fn document_order() {
        assert_eq!(
            compare_paths("/complainant/uscc", "/conduct"),
            Ordering::Less
        );
        assert_eq!(
            compare_paths("/attachments/2/sha256", "/attachments/10/name"),
            Ordering::Less
        );
        assert_eq!(
            compare_paths("/attachments/2", "/attachments/2/name"),
            Ordering::Less
        );
        assert_eq!(compare_paths("", "/complainant"), Ordering::Less);
        assert_eq!(
            compare_paths("/complainant/zzz", "/complainant/kind"),
            Ordering::Greater
        );
    }
}
