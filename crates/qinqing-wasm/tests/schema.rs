//! The JSON Schemas shipped in the npm package, generated from the core's Rust types.
//!
//! `scripts/build-wasm` writes them (`QINQING_WRITE_SCHEMA=1`); this test fails when the
//! committed files no longer match the types, so the schema can never drift from the model.

use std::path::PathBuf;

use qinqing_core::{Complaint, Contract};
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

/// The core reports unknown fields as issues, so the structural schema forbids them too.
fn close_objects(schema: &mut Schema) {
    if schema.get("properties").is_some() {
        schema.insert("additionalProperties".to_owned(), false.into());
    }
}

fn schema_text<T: JsonSchema>() -> String {
    let schema = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(RecursiveTransform(close_objects))
        .into_generator()
        .into_root_schema_for::<T>();
    serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"
}

#[test]
fn shipped_schemas_match_the_rust_types() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema");
    let write = std::env::var_os("QINQING_WRITE_SCHEMA").is_some();
    for (name, text) in [
        ("complaint", schema_text::<Complaint>()),
        ("contract", schema_text::<Contract>()),
    ] {
        let path = dir.join(format!("{name}.schema.json"));
        if write {
            std::fs::create_dir_all(&dir).expect("schema dir");
            std::fs::write(&path, &text).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{} is out of date: run `QINQING_WRITE_SCHEMA=1 cargo test -p qinqing-wasm --test schema`",
            path.display()
        );
    }
}

#[test]
fn complaint_schema_closes_objects_and_lists_enum_values() {
    let text = schema_text::<Complaint>();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["additionalProperties"], false);
    assert!(
        text.contains("\"breachOfCommitment\""),
        "conduct ids are listed"
    );
    assert!(text.contains("\"receivedAt\""), "field names are camelCase");
}
