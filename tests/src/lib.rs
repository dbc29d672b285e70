//! The shared fixture corpus and the helpers every native runner uses.
//!
//! Layout (simple to consume from JavaScript too):
//!
//! - `fixtures/corpus.json`: the options every fixture is validated with
//!   (`{"today": "2026-11-27", "lang": "zh"}`);
//! - `fixtures/complaints/<name>.json`, `fixtures/contracts/<name>.json`: the input *text*,
//!   exactly as submitted (some are deliberately malformed);
//! - `fixtures/expected/{complaints,contracts}/<name>.json`: the exact answer, i.e. the
//!   compact `serde_json` serialisation of [`qinqing_core::Answer`] followed by `"\n"`.
//!
//! Name prefixes state the intent and are checked: `valid-*` fixtures have no issue at all,
//! `warning-*` fixtures are valid with warnings only, `priority-*` fixtures are valid and
//! have `priority: true`; every other fixture is invalid.

use std::path::{Path, PathBuf};

use qinqing_core::{Answer, Options};

/// Which validator a fixture folder feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `fixtures/complaints`.
    Complaint,
    /// `fixtures/contracts`.
    Contract,
}

impl Kind {
    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Complaint, Kind::Contract];

    /// The folder name under `fixtures/` and `fixtures/expected/`.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Complaint => "complaints",
            Kind::Contract => "contracts",
        }
    }
}

/// One input file and where its expected answer lives.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// Complaint or contract.
    pub kind: Kind,
    /// File stem, such as `valid-enterprise`.
    pub name: String,
    /// The input text file.
    pub input: PathBuf,
    /// The expected answer file.
    pub expected: PathBuf,
}

/// What a fixture's name promises about its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// `valid-*`: no issue.
    Clean,
    /// `warning-*`: valid, at least one warning, no error.
    Warnings,
    /// `priority-*`: valid and priority.
    Priority,
    /// anything else: invalid.
    Invalid,
}

impl Fixture {
    /// The intent stated by the name prefix.
    pub fn intent(&self) -> Intent {
        if self.name.starts_with("valid-") {
            Intent::Clean
        } else if self.name.starts_with("warning-") {
            Intent::Warnings
        } else if self.name.starts_with("priority-") {
            Intent::Priority
        } else {
            Intent::Invalid
        }
    }
}

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The options of `fixtures/corpus.json`.
pub fn corpus_options() -> Result<Options, String> {
    let path = fixtures_dir().join("corpus.json");
    let text =
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    serde_json::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
}

/// Every fixture of both kinds, sorted by kind then name.
pub fn fixtures() -> Result<Vec<Fixture>, String> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let dir = fixtures_dir().join(kind.folder());
        let entries = std::fs::read_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| {
                path.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .collect();
        names.sort();
        for name in names {
            out.push(Fixture {
                kind,
                input: dir.join(format!("{name}.json")),
                expected: fixtures_dir()
                    .join("expected")
                    .join(kind.folder())
                    .join(format!("{name}.json")),
                name,
            });
        }
    }
    Ok(out)
}

/// Validates the fixture's text with the `_json` entry point of its kind.
pub fn answer(fixture: &Fixture, options: &Options) -> Result<Answer, String> {
    let text = std::fs::read_to_string(&fixture.input)
        .map_err(|err| format!("{}: {err}", fixture.input.display()))?;
    Ok(match fixture.kind {
        Kind::Complaint => qinqing_core::validate_complaint_json(&text, options),
        Kind::Contract => qinqing_core::validate_contract_json(&text, options),
    })
}

/// The exact text an expected-answer file holds for `answer`.
pub fn expected_text(answer: &Answer) -> String {
    format!("{}\n", answer.to_json())
}
