//! criterion micro-benchmarks on the bundled fixtures and small generated sets.

use criterion::{Criterion, criterion_group, criterion_main};
use opstap_benches::{matcher, participants};
use opstap_core::matching::QualificationsMeaning;
use opstap_core::validate::parse_participant;
use opstap_core::{Catalog, CompiledVacancy, Locale, Taxonomy, Voice};
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};
use opstap_synth::Generator;

fn bench(c: &mut Criterion) {
    let m = matcher();
    let technician = parse_participant(
        opstap_fixtures::cohort_member("technician").unwrap(),
        Taxonomy::embedded(),
    )
    .unwrap();
    let cp = m.compile_participant(&technician);
    let g = Generator::new();
    let vacancies: Vec<CompiledVacancy> =
        (0..10_000).map(|i| m.compile_vacancy(&g.vacancy(3, i, opstap_benches::day()))).collect();

    c.bench_function("assess 10k compiled vacancies (core hot path)", |b| {
        b.iter(|| vacancies.iter().map(|v| m.assess(&cp, v, 1.0).score).sum::<f64>())
    });

    let person = m.tabulation(&cp);
    c.bench_function("tabulate the traits of 10k compiled vacancies", |b| {
        b.iter(|| vacancies.iter().map(|v| person.traits(&v.traits()).bound[2]).sum::<f64>())
    });
    c.bench_function("classify the qualifications of 10k compiled vacancies", |b| {
        b.iter(|| {
            vacancies
                .iter()
                .filter(|v| {
                    person.qualifications(&v.qualifications) == QualificationsMeaning::Eligible
                })
                .count()
        })
    });
    println!("size of a compiled vacancy: {} bytes", std::mem::size_of::<CompiledVacancy>());

    let index = VacancyIndex::in_memory().unwrap();
    index
        .ingest_str("fixtures", opstap_fixtures::VACANCIES_JSONL, IngestOptions::default())
        .unwrap();
    c.bench_function("match top-20 with explanations, bundled 400 vacancies", |b| {
        b.iter(|| index.match_participant(&m, &technician, 20, RankOptions::default()).unwrap())
    });

    // The printable page: rendering alone (from one result), and the whole path a
    // PrintPlan call or `opstap plan --format html` takes (match, count, plan, render).
    let result = index
        .match_participant(&m, &technician, opstap_index::PAGE_MATCHES, RankOptions::FULL)
        .unwrap();
    for locale in [Locale::Nl, Locale::Ar] {
        let catalog = Catalog::get(locale, Voice::Participant);
        c.bench_function(&format!("render the printable page ({})", locale.as_str()), |b| {
            b.iter(|| result.page(m.today(), catalog, Some("A. de Vries")))
        });
    }
    let catalog = Catalog::get(Locale::Ar, Voice::Participant);
    c.bench_function("match, plan and render the page (ar), bundled 400 vacancies", |b| {
        b.iter(|| {
            index
                .match_participant(&m, &technician, opstap_index::PAGE_MATCHES, RankOptions::FULL)
                .unwrap()
                .page(m.today(), catalog, None)
        })
    });

    let people = participants(50);
    let text: String = (0..5_000)
        .map(|i| serde_json::to_string(&g.vacancy(4, i, opstap_benches::day())).unwrap() + "\n")
        .collect();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.bench_function("ingest 5k vacancies in memory", |b| {
        b.iter(|| {
            let index = VacancyIndex::in_memory().unwrap();
            index.ingest_str("gen", &text, IngestOptions::default()).unwrap();
        })
    });
    group.finish();
    let mut i = 0;
    c.bench_function("plan for generated participants, 5k vacancies", |b| {
        let index = VacancyIndex::in_memory().unwrap();
        index.ingest_str("gen", &text, IngestOptions::default()).unwrap();
        b.iter(|| {
            i = (i + 1) % people.len();
            index.plan(&m, &people[i], &opstap_core::VacancyFilter::NONE, None).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
