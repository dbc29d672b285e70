//! Validating the typical complaint (the issue's example, filled in): typed, from a JSON value,
//! and from JSON text to answer. Targets on the 2-core machine: typed ≤ 2 µs, text ≤ 10 µs.
//!
//! `cargo bench -p qinqing-core --bench validate -- --warm-up-time 1 --measurement-time 3`

#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use qinqing_core::{
    validate_complaint, validate_complaint_json, validate_complaint_value, validate_contract_json,
    Complaint, Lang, Options,
};

const COMPLAINT: &str = r#"{
  "complainant": {"kind": "enterprise", "name": "广西南宁绿源科技有限公司", "uscc": "91450100MA5K3R2B7K",
                  "contact": {"name": "李明", "phone": "138 7711 2345", "email": "li.ming@lvyuan.example.com"},
                  "realName": true, "idNumber": "450103199001011238"},
  "respondent": {"agency": "横州市市场监督管理局", "divisionCode": "450181", "level": "county"},
  "conduct": {"category": "apportionment", "occurredOn": "2026-11-02",
              "description": "2026年11月2日，横州市市场监督管理局一名工作人员到我公司，以“节日慰问”为名向我公司摊派费用五千元，称不交就影响年度检查。",
              "amountFen": 500000},
  "attachments": [{"name": "收据.jpg", "mediaType": "image/jpeg", "sizeBytes": 204800,
                   "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
  "remedy": "退还摊派款项，并对相关人员依规处理",
  "receivedAt": "2026-11-26T09:30:00+08:00"
}"#;

const CONTRACT: &str = r#"{
  "project": "柳州市新材料产业园项目",
  "investor": {"name": "广西柳州华新材料有限公司", "uscc": "91450200MA5N7T6D9M", "contact": {"name": "王芳", "phone": "0772-2881234"}},
  "authority": {"agency": "柳州市人民政府", "divisionCode": "450200", "level": "city"},
  "writtenForm": {"documentNo": "柳政函〔2024〕12号", "signedOn": "2024-03-15"},
  "commitments": [{"kind": "landSupply", "description": "在柳东新区供应工业用地200亩", "amountFen": 0, "dueOn": "2025-06-30"}],
  "investorObligations": [{"description": "项目投产后三年内实现年产值不低于5亿元"}],
  "change": {"kind": "termination", "initiatedBy": "government", "reason": "leadershipChange",
             "statement": "新任领导认为该项目不符合发展方向", "negotiated": false, "investorLossFen": 1200000, "compensationFen": null}
}"#;

fn options() -> Options {
    Options {
        lang: Lang::Zh,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
    }
}

fn bench(c: &mut Criterion) {
    let options = options();
    let value: serde_json::Value = serde_json::from_str(COMPLAINT).unwrap_or_default();
    let typed: Complaint = serde_json::from_value(value.clone()).unwrap_or_default();
    assert!(
        validate_complaint(&typed, &options).issues.is_empty(),
        "the benchmark complaint must be clean"
    );

    c.bench_function("complaint/typed", |b| {
        b.iter(|| validate_complaint(black_box(&typed), &options))
    });
    c.bench_function("complaint/value", |b| {
        b.iter(|| validate_complaint_value(black_box(&value), &options))
    });
    c.bench_function("complaint/json_text_to_answer", |b| {
        b.iter(|| validate_complaint_json(black_box(COMPLAINT), &options).to_json())
    });
    c.bench_function("contract/json_text_to_answer (2 issues)", |b| {
        b.iter(|| validate_contract_json(black_box(CONTRACT), &options).to_json())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
