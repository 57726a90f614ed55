//! `evaluate` and the report on the bundled cohort and fixture placements (modelled on
//! the report: 15 of 20 placed, 6 of them fitting), and on generated data.

use std::path::{Path, PathBuf};

use opstap_core::Date;
use opstap_eval::{EvalOptions, Evaluation, Ranker, RankerKind, evaluate, report};

fn fixtures() -> PathBuf {
    opstap_fixtures::dir()
}

fn options() -> EvalOptions {
    EvalOptions {
        k: 10,
        today: Date::from_ymd(2026, 11, 27).unwrap(),
        bootstrap_samples: 500,
        seed: 42,
    }
}

fn rankers() -> Vec<Ranker> {
    let mut r = vec![Ranker { name: "opstap".into(), kind: RankerKind::Engine(Box::default()) }];
    r.extend(Ranker::baselines());
    r
}

fn cohort_eval() -> Evaluation {
    let f = fixtures();
    evaluate(
        &f.join("vacancies.jsonl"),
        &f.join("cohort.jsonl"),
        &f.join("placements.jsonl"),
        &rankers(),
        &options(),
    )
    .unwrap()
}

#[test]
fn the_cohort_report_has_the_reports_baseline_and_no_violations_for_opstap() {
    let e = cohort_eval();
    assert_eq!(e.people.len(), 15);
    assert_eq!(e.placements_fitting(), (6, 15));
    let all: Vec<usize> = (0..15).collect();
    // opstap never proposes what a person cannot do; keyword search does.
    assert_eq!(e.interval(0, "hard_violation", &all).mean, 0.0);
    assert!(e.interval(1, "hard_violation", &all).mean > 0.0);
    // The engine puts fitting jobs first, more than "eligible, newest first".
    assert!(e.interval(0, "fit", &all).mean > e.interval(2, "fit", &all).mean);
    for q in &e.rankers[0].per_query {
        assert!((0.0..=1.0).contains(&q.ndcg) && q.rr <= q.hit);
    }
}

#[test]
fn the_report_is_complete_and_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    report::write(&cohort_eval(), &a).unwrap();
    report::write(&cohort_eval(), &b).unwrap();
    let files = [
        "metrics.json",
        "metrics.csv",
        "report.md",
        "report.html",
        "qrels.trec",
        "run.opstap.trec",
        "run.text-only.trec",
        "run.filter-then-recent.trec",
    ];
    for f in files {
        let x = std::fs::read(a.join(f)).unwrap();
        assert!(!x.is_empty(), "{f}");
        assert!(x == std::fs::read(b.join(f)).unwrap(), "{f} differs between two runs");
    }
    let html = std::fs::read_to_string(a.join("report.html")).unwrap();
    assert_eq!(html.matches("<svg").count(), 3);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(json["placements_fitting"]["fit"], 6);
    let m = &json["rankers"][0]["metrics"]["fit"];
    assert!(m["low"].as_f64() <= m["mean"].as_f64() && m["mean"].as_f64() <= m["high"].as_f64());
    assert_eq!(json["comparisons"].as_array().unwrap().len(), 2 * opstap_eval::METRICS.len());
    // qrels: one line per placement, FIT graded 2.
    let qrels = std::fs::read_to_string(a.join("qrels.trec")).unwrap();
    assert_eq!(qrels.lines().count(), 15);
    assert_eq!(qrels.lines().filter(|l| l.ends_with(" 2")).count(), 6);
}

fn write(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn gender_and_age_make_groups_and_bad_lines_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixtures();
    let cohort = std::fs::read_to_string(f.join("cohort.jsonl")).unwrap();
    let lines: Vec<String> = cohort
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["gender"] = if i % 2 == 0 { "F".into() } else { "M".into() };
            v["age"] = (22 + i * 2).into();
            v.to_string()
        })
        .collect();
    let people = dir.path().join("people.jsonl");
    write(&people, &lines);
    let e = evaluate(
        &f.join("vacancies.jsonl"),
        &people,
        &f.join("placements.jsonl"),
        &rankers(),
        &options(),
    )
    .unwrap();
    let groups = e.groups();
    assert_eq!(groups["gender"].values().map(Vec::len).sum::<usize>(), 15);
    assert!(groups["age"].contains_key("<25") && groups["age"].contains_key("45+"));
    assert!(groups.contains_key("dutch") && groups.contains_key("work_authorization"));

    let mut bad = lines.clone();
    bad[3] = bad[3].replace("\"gender\":\"M\"", "\"gender\":7");
    write(&people, &bad);
    let err = evaluate(
        &f.join("vacancies.jsonl"),
        &people,
        &f.join("placements.jsonl"),
        &rankers(),
        &options(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("people.jsonl:4") && err.contains("gender"), "{err}");

    let placements = dir.path().join("placements.jsonl");
    write(&placements, &["{\"participant_id\":\"p-01\",\"vacancy_id\":\"v-0000001\",\"date\":\"2026-01-01\",\"outcome\":\"HIRED\",\"fit\":\"GOOD\"}".into()]);
    let err = evaluate(
        &f.join("vacancies.jsonl"),
        &f.join("cohort.jsonl"),
        &placements,
        &rankers(),
        &options(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("placements.jsonl:1") && err.contains("GOOD"), "{err}");
}

/// `fixtures/cohort.jsonl` is the cohort files, one per line.
#[test]
fn the_cohort_jsonl_matches_the_cohort_files() {
    let text = std::fs::read_to_string(fixtures().join("cohort.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), opstap_fixtures::COHORT.len());
    for (line, (_, json)) in lines.iter().zip(opstap_fixtures::COHORT) {
        assert_eq!(line, &serde_json::from_str::<serde_json::Value>(json).unwrap());
    }
}

/// Retention: of the hires a ranking puts in its top k, the share still in the job 30 and
/// 90 days after starting; a hire too recent to tell is left out, and `left` is checked.
#[test]
fn retention_counts_the_hires_in_the_top_k_that_lasted() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixtures();
    // The engine's own top-10 for three cohort members: take one vacancy from each as
    // the hire, so that each is in opstap's top k.
    let first = cohort_eval();
    let ids: Vec<(String, String)> = first
        .people
        .iter()
        .zip(&first.rankers[0].runs)
        .take(3)
        .map(|(p, run)| (p.id.clone(), run[0].0.clone()))
        .collect();
    let line = |(p, v): &(String, String), date: &str, left: Option<&str>| {
        let left = left.map_or(String::new(), |d| format!(",\"left\":\"{d}\""));
        format!(
            "{{\"participant_id\":\"{p}\",\"vacancy_id\":\"{v}\",\"date\":\"{date}\",\"outcome\":\"HIRED\"{left}}}"
        )
    };
    let placements = dir.path().join("placements.jsonl");
    write(
        &placements,
        &[
            // Stayed: retained at 30 and 90 days.
            line(&ids[0], "2026-03-01", None),
            // Left after 45 days: retained at 30, not at 90.
            line(&ids[1], "2026-03-01", Some("2026-04-15")),
            // Started 17 days before the evaluation day: not known yet at either mark.
            line(&ids[2], "2026-11-10", None),
        ],
    );
    let e = evaluate(
        &f.join("vacancies.jsonl"),
        &f.join("cohort.jsonl"),
        &placements,
        &rankers(),
        &options(),
    )
    .unwrap();
    let q = &e.rankers[0].per_query;
    assert_eq!((q[0].retained_30, q[0].retained_90), (1.0, 1.0));
    assert_eq!((q[1].retained_30, q[1].retained_90), (1.0, 0.0));
    assert!(q[2].retained_30.is_nan() && q[2].retained_90.is_nan(), "too recent to tell");
    let all: Vec<usize> = (0..3).collect();
    assert_eq!(e.interval(0, "retained_90", &all).mean, 0.5, "the mean leaves out the unknown");

    write(&placements, &[line(&ids[0], "2026-03-01", Some("2026-02-01"))]);
    let err = evaluate(
        &f.join("vacancies.jsonl"),
        &f.join("cohort.jsonl"),
        &placements,
        &rankers(),
        &options(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("placements.jsonl:1") && err.contains("left"), "{err}");
}
