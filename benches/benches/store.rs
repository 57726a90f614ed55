//! The cost of the caseworkers' records: recording an outcome and an audit entry, one at
//! a time as a server does (each its own transaction, synced), on SQLite in a temporary
//! directory and, with `OPSTAP_TEST_POSTGRES` set, on PostgreSQL; and what 1,000 employer
//! answers in force cost a top-20 match at 100k generated vacancies. `cargo bench --bench
//! store`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use opstap_core::answer::{AnswerKind, EmployerAnswer};
use opstap_core::model::TwvStance;
use opstap_core::validate::ValidVacancy;
use opstap_core::{Date, MatchConfig, Matcher, Taxonomy};
use opstap_index::{RankOptions, VacancyIndex};
use opstap_store::{Actor, AuditEntry, Event, Outcome, Store};
use opstap_synth::Generator;

fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn time(n: usize, mut f: impl FnMut(usize)) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..n)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (quantile(&ms, 0.5), quantile(&ms, 0.99))
}

fn record(store: &Store, label: &str) {
    let by = Actor { name: "bench".into(), role: "caseworker".into() };
    let day: Date = "2026-11-20".parse().unwrap();
    let outcome = |i: usize| Outcome {
        vacancy_id: format!("v-{i:07}"),
        event: Event::Shown,
        reason: None,
        on: day,
        contract: None,
        hours_per_week: None,
        rating: None,
    };
    let (p50, p99) = time(1000, |i| {
        store.record_outcome(&format!("p{}", i % 50), &outcome(i), &by).unwrap();
    });
    println!(
        "{label}: record an outcome p50 {p50:.2} ms, p99 {p99:.2} ms (1,000, one transaction each)"
    );
    let entry = |i: usize| AuditEntry {
        id: 0,
        at: opstap_store::now(),
        actor: by.clone(),
        call: "MatchVacancies".into(),
        participant: format!("p{}", i % 50),
        config_hash: "0123456789abcdef0123456789abcdef".into(),
        index_version: "42".into(),
        matched_on: day,
        results: (0..20).map(|k| (format!("v-{k:07}"), 0.5)).collect(),
    };
    let (p50, p99) = time(1000, |i| {
        store.record_audit(&entry(i)).unwrap();
    });
    println!("{label}: record an audit entry (20 results) p50 {p50:.2} ms, p99 {p99:.2} ms");
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("store.sqlite").to_str().unwrap()).unwrap();
    record(&store, "SQLite");
    if let Ok(url) = std::env::var("OPSTAP_TEST_POSTGRES") {
        record(&Store::open(&url).unwrap(), "PostgreSQL");
    }

    // 1,000 answers in force among 100k vacancies.
    let n: u64 = std::env::var("OPSTAP_BENCH_VACANCIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let today: Date = "2026-11-01".parse().unwrap();
    let g = Generator::new();
    let taxonomy = Taxonomy::embedded();
    let vacancies: Vec<_> = (0..n).map(|i| g.vacancy(7, i, today)).collect();
    let m = Matcher::new(MatchConfig::default(), taxonomy, today);
    let people: Vec<_> =
        (0..200).map(|i| m.compile_participant(&g.participant(8, i, today))).collect();
    for answers in [0usize, 1000] {
        let index = VacancyIndex::in_memory().unwrap();
        let step = (n as usize / answers.max(1)).max(1);
        let valid: Vec<ValidVacancy> = vacancies
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut v = v.clone();
                if answers > 0 && i % step == 0 {
                    v.employer_answers = vec![EmployerAnswer {
                        answer: AnswerKind::Twv { stance: TwvStance::Willing },
                        answered_on: today,
                        source: "phone".into(),
                        id: Some(i as i64),
                    }];
                }
                ValidVacancy::new(v, taxonomy).unwrap()
            })
            .collect();
        index.upsert(&valid).unwrap();
        for p in people.iter().take(20) {
            index.rank(&m, p, 20, RankOptions::default()).unwrap();
        }
        let (p50, p99) = time(people.len(), |i| {
            index.rank(&m, &people[i], 20, RankOptions::default()).unwrap();
        });
        println!(
            "top-20 at {n} vacancies with {answers} employer answers in force: p50 {p50:.2} ms, p99 {p99:.2} ms"
        );
    }
}
