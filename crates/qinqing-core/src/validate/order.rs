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
        let Some(item) = rest.first() else {
            return;
        };
        // After every issue that does not sort after this one: equal paths keep their order.
        let place =
            sorted.partition_point(|x| compare_paths(&x.path, &item.path) != Ordering::Greater);
        if let Some(moved) = issues.get_mut(place..=at) {
            moved.rotate_right(1);
        }
    }
}

fn compare_paths(a: &str, b: &str) -> Ordering {
    let mut left = a.split('/').skip(1);
    let mut right = b.split('/').skip(1);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match rank(x).cmp(&rank(y)).then_with(|| x.cmp(y)) {
                Ordering::Equal => continue,
                other => return other,
            },
        }
    }
}

/// Indices first by number, then known fields in model order, then unknown fields.
fn rank(segment: &str) -> (u8, usize) {
    if let Ok(index) = segment.parse::<usize>() {
        return (0, index);
    }
    match FIELD_NAMES.iter().position(|name| *name == segment) {
        Some(position) => (1, position),
        None => (2, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::{compare_paths, sort};
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
