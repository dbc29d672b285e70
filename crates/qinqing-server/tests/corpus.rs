//! The server gives exactly the core's answer for every document of the shared corpus: a
//! check the browser ran cannot come out differently on the server.

mod common;

use common::*;
use qinqing_core::{validate_complaint_value, validate_contract_value, Lang, Options};

const NOW: &str = "2026-11-30T10:00:00+08:00";

#[tokio::test]
async fn every_corpus_document_gets_the_core_answer_over_http() {
    let test = start_server(Some(NOW)).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
    let mut compared = 0;
    for kind in ["complaints", "contracts"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(kind);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        for path in files
            .iter()
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        {
            let text = std::fs::read(path).unwrap();
            // Malformed or over-deep files are refused by the server's own limits (400),
            // tested elsewhere; everything else must match the core exactly.
            let Ok(document) = serde_json::from_slice::<serde_json::Value>(&text) else {
                continue;
            };
            let endpoint = if kind == "complaints" {
                "/api/validate/complaint"
            } else {
                "/api/validate/contract"
            };
            let reply = request(
                test.addr(),
                "POST",
                endpoint,
                &[("Content-Type", "application/json")],
                &text,
            )
            .await;
            if reply.status == 400 {
                assert_eq!(reply.codes(), vec!["request.tooDeep"], "{}", path.display());
                continue;
            }
            assert_eq!(reply.status, 200, "{}", path.display());
            let options = Options {
                lang: Lang::Zh,
                today,
            };
            let expected = if kind == "complaints" {
                validate_complaint_value(&document, &options)
            } else {
                validate_contract_value(&document, &options)
            };
            assert_eq!(
                reply.json(),
                serde_json::to_value(&expected).unwrap(),
                "{}",
                path.display()
            );
            compared += 1;
        }
    }
    assert!(compared > 100, "only {compared} corpus documents compared");
    test.server.stop().await.unwrap();
}
