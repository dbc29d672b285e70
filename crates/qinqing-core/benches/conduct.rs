//! Conduct detection speed: a typical complaint description and the 1 MiB worst case.
//!
//! Run with `cargo bench -p qinqing-core --bench conduct`.

// `criterion_group!` generates a public `benches` function that cannot carry a doc comment.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use qinqing_core::{detect_conduct, detected_ids, ConductId};

/// A realistic complaint of about 600 characters with several phrases and line breaks.
fn complaint() -> String {
    let paragraph = "我公司于2019年经招商引资落户本县工业园区。2022年以来，镇政府给每家企业下达捐款任务，\
                     区里通知我们必须加入商会，每年缴纳会费两万元；市场监管、环保、消防三个部门轮番检查，\
                     三天两头来检查，没法正常生产。招商时县里书面承诺的土地优惠，换届后新官不理旧账。\n";
    paragraph.repeat(4)
}

fn bench(c: &mut Criterion) {
    let typical = complaint();
    let mut group = c.benchmark_group("detect_conduct");
    group.throughput(Throughput::Bytes(typical.len() as u64));
    group.bench_function("complaint", |b| {
        b.iter(|| detect_conduct(black_box(&typical)))
    });

    // Same-run reference: the Aho–Corasick automaton the hand-written matcher replaced
    // (leftmost-longest over all phrases; this is only its scan, without the whitespace
    // normalisation and offset mapping the old detector also did).
    let phrases: Vec<&str> = ConductId::ALL.iter().flat_map(|id| id.phrases()).collect();
    let automaton = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("phrases build an automaton");
    group.bench_function("complaint_aho_corasick_scan_only", |b| {
        b.iter(|| automaton.find_iter(black_box(&typical)).count())
    });
    let short = "2026年11月2日，横州市市场监督管理局一名工作人员到我公司，以“节日慰问”为名向我公司摊派费用五千元，称不交就影响年度检查。";
    group.throughput(Throughput::Bytes(short.len() as u64));
    group.bench_function("description_64_chars", |b| {
        b.iter(|| detected_ids(black_box(short)))
    });
    group.bench_function("description_64_chars_aho_corasick_scan_only", |b| {
        b.iter(|| automaton.find_iter(black_box(short)).count())
    });

    let huge = "我们公司依法经营，按时纳税。摊 派".repeat(25_000);
    group.throughput(Throughput::Bytes((1 << 20) as u64));
    group.sample_size(10);
    group.bench_function("one_mebibyte", |b| {
        b.iter(|| detect_conduct(black_box(&huge)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
