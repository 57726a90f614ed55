//! The invariant of ARCHITECTURE.md: the index returns exactly what the core reference
//! ranker returns when fed tantivy's BM25 score of every vacancy — same ids, same
//! order, scores within 1e-6 — and the same near misses and step plan.

use std::collections::BTreeMap;

use opstap_core::{CompiledVacancy, Vacancy};
use opstap_index::{RankOptions, VacancyIndex};
use opstap_synth::{Generator, Geography};
use proptest::prelude::*;

use crate::support::{matcher, today, valid};

/// Builds an index from `vacancies` in two commits (two segments), with an upsert of
/// some and a delete of one, and returns it with the vacancies it should hold.
fn build(vacancies: Vec<Vacancy>) -> (VacancyIndex, Vec<Vacancy>) {
    let index = VacancyIndex::in_memory().unwrap();
    let half = vacancies.len() / 2;
    index.upsert(&valid(&vacancies[..half])).unwrap();
    index.upsert(&valid(&vacancies[half..])).unwrap();
    let mut live: BTreeMap<String, Vacancy> =
        vacancies.into_iter().map(|v| (v.id.clone(), v)).collect();
    // Upsert: the first vacancy is replaced by a changed copy.
    if let Some(mut first) = live.values().next().cloned() {
        first.title = format!("{} (bijgewerkt)", first.title);
        first.requirements.certificates.clear();
        index.upsert(&valid(std::slice::from_ref(&first))).unwrap();
        live.insert(first.id.clone(), first);
    }
    // Delete: the last one.
    if live.len() > 2 {
        let last = live.keys().next_back().cloned().unwrap();
        assert_eq!(index.delete(&[&last]).unwrap(), 1);
        live.remove(&last);
    }
    (index, live.into_values().collect())
}

fn check(
    mut vacancies: Vec<Vacancy>,
    geography: Geography,
    participant_seed: u64,
    participant_n: u64,
    k: usize,
) -> Result<(), TestCaseError> {
    let m = matcher();
    let p =
        Generator::with_geography(geography).participant(participant_seed, participant_n, today());
    if geography == Geography::National {
        vacancies.extend(at_the_boundary(&vacancies, &p));
    }
    let (index, live) = build(vacancies);
    let cp = m.compile_participant(&p);

    let ranking = index.rank(&m, &cp, k, RankOptions::FULL).unwrap();
    // The pruned pass (no near misses, no count) must return the same top-k.
    let pruned = index.rank(&m, &cp, k, RankOptions::default()).unwrap();
    prop_assert_eq!(&pruned.hits, &ranking.hits);
    // On the calling thread (the batch's way, where a segment takes over the sets the
    // one before it classified): the same.
    index.set_parallel_segments(false);
    let single = index.rank(&m, &cp, k, RankOptions::FULL).unwrap();
    index.set_parallel_segments(true);
    prop_assert_eq!(&single.hits, &ranking.hits);
    prop_assert_eq!(single.eligible, ranking.eligible);
    prop_assert_eq!(&single.near_misses, &ranking.near_misses);
    let bm25 = index.bm25_scores(&cp).unwrap();
    // The reference works on vacancies compiled from the source records, so the test
    // also covers the features fast field's encoding.
    let compiled: Vec<CompiledVacancy> = live.iter().map(|v| m.compile_vacancy(v)).collect();
    let scores: Vec<f32> =
        compiled.iter().map(|v| bm25.get(&*v.id).copied().unwrap_or(0.0)).collect();
    let reference = m.rank_reference(&cp, &compiled, &scores, k);

    let got: Vec<&str> = ranking.hits.iter().map(|h| &*h.vacancy_id).collect();
    let want: Vec<&str> = reference.iter().map(|r| r.vacancy_id.as_str()).collect();
    prop_assert_eq!(&got, &want);
    // The pass scores the text clause by clause; the reference is fed tantivy's union of
    // the clauses: the same sums, to the bit.
    for h in ranking.hits.iter().chain(&pruned.hits) {
        let union = bm25.get(&*h.vacancy_id).copied().unwrap_or(0.0);
        prop_assert_eq!(h.bm25.to_bits(), union.to_bits(), "{}", h.vacancy_id);
    }
    for (h, r) in ranking.hits.iter().zip(&reference) {
        prop_assert!(
            (h.score - r.score).abs() <= 1e-6,
            "{}: {} vs {}",
            r.vacancy_id,
            h.score,
            r.score
        );
    }
    let eligible = compiled
        .iter()
        .zip(&scores)
        .filter(|(v, s)| m.assess(&cp, v, **s).class == opstap_core::MatchClass::Eligible)
        .count();
    prop_assert_eq!(ranking.eligible, Some(eligible));

    // The near misses, counted per step set with the best fitting examples: the same
    // as the reference's, record for record.
    let near = m.tally(&m.near_misses_reference(&cp, &compiled, &scores));
    prop_assert_eq!(&ranking.near_misses, &near);
    prop_assert_eq!(m.plan_steps(&cp, &ranking.near_misses), m.plan_steps(&cp, &near));

    // The explained page (read segment by segment, on the executor's threads or on the
    // calling thread): the ranking's hits, in rank order, numbered from 1.
    for parallel in [true, false] {
        index.set_parallel_segments(parallel);
        let page = index.match_participant(&m, &p, k, RankOptions::default()).unwrap();
        let explained: Vec<(usize, &str)> =
            page.matches.iter().map(|x| (x.rank, x.vacancy.id.as_str())).collect();
        let ranked: Vec<(usize, &str)> =
            ranking.hits.iter().enumerate().map(|(i, h)| (i + 1, &*h.vacancy_id)).collect();
        prop_assert_eq!(explained, ranked);
        for (x, h) in page.matches.iter().zip(&ranking.hits) {
            prop_assert_eq!(x.explanation.score.to_bits(), h.score.to_bits(), "{}", h.vacancy_id);
        }
    }
    index.set_parallel_segments(true);
    Ok(())
}

/// Copies of some vacancies placed around the participant at the edge of their reach —
/// just inside, on, and just outside the commute radius — and one without a location:
/// the cases where a pass that skips what lies out of reach could go wrong.
fn at_the_boundary(vacancies: &[Vacancy], p: &opstap_core::Participant) -> Vec<Vacancy> {
    let Some(home) = p.location.as_ref() else { return Vec::new() };
    let Some(km) = home.max_commute_km else { return Vec::new() };
    // The destination at `d` km and bearing `theta` on the sphere the rule measures on.
    let at = |d: f64, theta: f64| {
        let (lat1, lon1) = (home.lat.to_radians(), home.lon.to_radians());
        let delta = d / 6371.0;
        let lat2 = (lat1.sin() * delta.cos() + lat1.cos() * delta.sin() * theta.cos()).asin();
        let lon2 = lon1
            + (theta.sin() * delta.sin() * lat1.cos()).atan2(delta.cos() - lat1.sin() * lat2.sin());
        opstap_core::model::GeoPoint { lat: lat2.to_degrees(), lon: lon2.to_degrees() }
    };
    let factors = [0.5, 1.0 - 1e-9, 1.0, 1.0 + 1e-9, 1.5, 4.0];
    let mut out = Vec::new();
    for (i, v) in vacancies.iter().take(14).enumerate() {
        let mut near = v.clone();
        near.id = format!("{}-edge", v.id);
        near.location =
            if i == 13 { None } else { Some(at(km * factors[i % factors.len()], i as f64 * 0.9)) };
        out.push(near);
    }
    out
}

/// Vacancies from the generator, with edge cases mixed in: blank descriptions and
/// titles (no text overlap at all) and exact copies under other ids (score ties).
fn vacancies(
    geography: Geography,
    seed: u64,
    n: usize,
    blank_every: usize,
    copies: usize,
) -> Vec<Vacancy> {
    let g = Generator::with_geography(geography);
    let mut out: Vec<Vacancy> = (0..n as u64).map(|i| g.vacancy(seed, i, today())).collect();
    for (i, v) in out.iter_mut().enumerate() {
        if blank_every > 0 && i % blank_every == 0 {
            v.description.clear();
            v.title = "X".into();
        }
    }
    for i in 0..copies.min(out.len()) {
        let mut copy = out[i].clone();
        copy.id = format!("{}-copy", copy.id);
        out.push(copy);
    }
    // Employers' answers on every third vacancy: the index and the reference must read
    // the same overlaid facts.
    for (i, v) in out.iter_mut().enumerate().filter(|(i, _)| i % 3 == 1) {
        v.employer_answers = answers_for(v, i);
    }
    out
}

/// One or two employer answers that bear on this vacancy's requirements.
fn answers_for(v: &Vacancy, i: usize) -> Vec<opstap_core::answer::EmployerAnswer> {
    use opstap_core::answer::{AnswerKind, EmployerAnswer};
    use opstap_core::model::{CefrLevel, TwvStance};
    let r = &v.requirements;
    let kinds = [
        Some(AnswerKind::Twv { stance: TwvStance::Willing }),
        r.certificates.first().map(|c| AnswerKind::WaivesCertificate { code: c.clone() }),
        r.languages.first().map(|g| AnswerKind::AcceptsLanguage {
            lang: g.any_of[0].lang.clone(),
            level: CefrLevel::A2,
        }),
        r.driving_licence.map(|_| AnswerKind::WaivesDrivingLicence),
        r.experience_years.map(|_| AnswerKind::WaivesExperience),
        r.education.as_ref().map(|_| AnswerKind::AcceptsWithoutDiploma),
        Some(AnswerKind::Twv { stance: TwvStance::Unwilling }),
    ];
    let day = |d: &str| d.parse().unwrap();
    [(i % 7, "2026-11-01"), ((i / 7) % 7, "2026-11-02")]
        .into_iter()
        .filter_map(|(k, on)| {
            kinds[k].clone().map(|answer| EmployerAnswer {
                answer,
                answered_on: day(on),
                source: "phone".into(),
                id: Some(i as i64),
            })
        })
        .collect()
}

/// Overlays matter: on the bundled fixtures, answers turn some vacancies from blocked or
/// bridgeable into eligible for the cohort, and the index still ranks like the reference.
#[test]
fn employer_answers_change_the_ranking_and_the_index_ranks_like_the_reference() {
    let m = matcher();
    let plain: Vec<Vacancy> = opstap_fixtures::VACANCIES_JSONL
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut answered = plain.clone();
    for (i, v) in answered.iter_mut().enumerate() {
        v.employer_answers = answers_for(v, i);
    }
    let index = VacancyIndex::in_memory().unwrap();
    index.upsert(&valid(&answered)).unwrap();
    let mut changed = 0;
    for p in crate::support::cohort() {
        let cp = m.compile_participant(&p);
        let bm25 = index.bm25_scores(&cp).unwrap();
        let compiled: Vec<CompiledVacancy> =
            answered.iter().map(|v| m.compile_vacancy(v)).collect();
        let scores: Vec<f32> =
            compiled.iter().map(|v| bm25.get(&*v.id).copied().unwrap_or(0.0)).collect();
        let got: Vec<String> = index
            .rank(&m, &cp, 20, RankOptions::FULL)
            .unwrap()
            .hits
            .iter()
            .map(|h| h.vacancy_id.to_string())
            .collect();
        let want: Vec<String> = m
            .rank_reference(&cp, &compiled, &scores, 20)
            .into_iter()
            .map(|r| r.vacancy_id)
            .collect();
        assert_eq!(got, want, "{}", p.id);
        let without: Vec<CompiledVacancy> = plain.iter().map(|v| m.compile_vacancy(v)).collect();
        let before: Vec<String> = m
            .rank_reference(&cp, &without, &scores, 20)
            .into_iter()
            .map(|r| r.vacancy_id)
            .collect();
        changed += usize::from(before != got);
    }
    assert!(changed > 5, "answers change the lists of most of the cohort ({changed})");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn index_ranks_exactly_like_the_reference(
        seed in any::<u64>(),
        n in 1usize..120,
        blank_every in 0usize..6,
        copies in 0usize..6,
        participant_seed in any::<u64>(),
        participant_n in 0u64..10_000,
        k in 1usize..40,
        national in any::<bool>(),
    ) {
        let geography = if national { Geography::National } else { Geography::Regional };
        check(
            vacancies(geography, seed, n, blank_every, copies),
            geography,
            participant_seed,
            participant_n,
            k,
        )?;
    }
}

/// Enough vacancies per occupation and traits that a top-k pass passes over whole groups
/// of them.
#[test]
fn a_larger_index_ranks_exactly_like_the_reference() {
    for participant_n in 0..6 {
        check(
            vacancies(Geography::Regional, 11, 3000, 0, 2),
            Geography::Regional,
            5,
            participant_n,
            5,
        )
        .unwrap();
    }
    // Over the country: most vacancies out of each person's reach, skipped unread.
    for participant_n in 0..6 {
        check(
            vacancies(Geography::National, 12, 3000, 0, 2),
            Geography::National,
            5,
            participant_n,
            5,
        )
        .unwrap();
    }
}

#[test]
fn equivalence_on_the_bundled_fixtures_for_the_whole_cohort() {
    let m = matcher();
    let index = crate::support::fixture_index();
    let compiled = index.compiled_vacancies().unwrap();
    for p in crate::support::cohort() {
        let cp = m.compile_participant(&p);
        let ranking = index.rank(&m, &cp, 25, RankOptions::default()).unwrap();
        let bm25 = index.bm25_scores(&cp).unwrap();
        let scores: Vec<f32> =
            compiled.iter().map(|v| bm25.get(&*v.id).copied().unwrap_or(0.0)).collect();
        let reference = m.rank_reference(&cp, &compiled, &scores, 25);
        let got: Vec<(&str, f64)> =
            ranking.hits.iter().map(|h| (&*h.vacancy_id, h.score)).collect();
        let want: Vec<(&str, f64)> =
            reference.iter().map(|r| (r.vacancy_id.as_str(), r.score)).collect();
        assert_eq!(got.len(), want.len(), "{}", p.id);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0, "{}", p.id);
            assert!((g.1 - w.1).abs() <= 1e-6);
        }
    }
}

#[test]
fn a_fitting_vacancy_with_no_text_overlap_is_found() {
    let m = matcher();
    let g = Generator::new();
    // Many vacancies that share words with the participant but are blocked for them…
    let p = crate::support::cohort().into_iter().find(|p| p.id == "p-04").unwrap();
    let mut vacancies: Vec<Vacancy> = Vec::new();
    for i in 0..60 {
        let mut v = g.vacancy(99, i, today());
        v.description = "techniek elektrische installaties storingen zoeken".into();
        v.employer.as_mut().unwrap().twv = Some(opstap_core::model::TwvStance::Unwilling);
        vacancies.push(v);
    }
    // …and one eligible vacancy in the person's own field with no word in common.
    let fitting: Vacancy = serde_json::from_value(serde_json::json!({
        "id": "v-silent", "title": "Q", "description": "", "isco": "7411",
        "employer": {"twv": "WILLING"}, "offers": {"training": true},
        "work": {"language_contact": "HIGH"}
    }))
    .unwrap();
    vacancies.push(fitting);
    let index = VacancyIndex::in_memory().unwrap();
    index.upsert(&valid(&vacancies)).unwrap();
    let cp = m.compile_participant(&p);
    assert_eq!(index.bm25_scores(&cp).unwrap().get("v-silent"), None, "no text overlap");
    let ranking = index.rank(&m, &cp, 5, RankOptions::default()).unwrap();
    assert_eq!(ranking.hits.first().map(|h| &*h.vacancy_id), Some("v-silent"));
}

/// A filtered pass equals the reference ranker over the vacancies the filter admits, for
/// the top-k, the eligible count and the near misses; pages are slices of one ranking.
#[test]
fn filters_and_pages_equal_the_reference() {
    use opstap_core::VacancyFilter;
    let m = matcher();
    let index = crate::support::fixture_index();
    let compiled = index.compiled_vacancies().unwrap();
    let filters = [
        VacancyFilter {
            sectors: vec!["logistics".into(), "hospitality".into()],
            max_distance_km: None,
            leave_out: vec![],
        },
        VacancyFilter { sectors: vec![], max_distance_km: Some(8.0), leave_out: vec![] },
        VacancyFilter {
            sectors: vec!["care".into()],
            max_distance_km: Some(15.0),
            leave_out: vec![],
        },
        // What was already shown or declined: every third vacancy.
        VacancyFilter::NONE
            .leaving_out(compiled.iter().step_by(3).map(|v| v.id.to_string()).collect()),
    ];
    let mut nonempty = 0;
    for p in crate::support::cohort() {
        let cp = m.compile_participant(&p);
        let bm25 = index.bm25_scores(&cp).unwrap();
        for filter in &filters {
            let options = RankOptions { filter: filter.clone(), ..RankOptions::FULL };
            let ranking = index.rank(&m, &cp, 10, options).unwrap();
            let admitted: Vec<CompiledVacancy> =
                compiled.iter().filter(|v| filter.admits(&cp, v)).cloned().collect();
            let scores: Vec<f32> =
                admitted.iter().map(|v| bm25.get(&*v.id).copied().unwrap_or(0.0)).collect();
            let reference = m.rank_reference(&cp, &admitted, &scores, 10);
            let got: Vec<&str> = ranking.hits.iter().map(|h| &*h.vacancy_id).collect();
            let want: Vec<&str> = reference.iter().map(|r| r.vacancy_id.as_str()).collect();
            assert_eq!(got, want, "{} {filter:?}", p.id);
            let eligible = admitted
                .iter()
                .zip(&scores)
                .filter(|(v, s)| m.assess(&cp, v, **s).class == opstap_core::MatchClass::Eligible)
                .count();
            assert_eq!(ranking.eligible, Some(eligible));
            let near_want = m.tally(&m.near_misses_reference(&cp, &admitted, &scores));
            assert_eq!(ranking.near_misses, near_want, "{} {filter:?}", p.id);
            nonempty += usize::from(!got.is_empty());
        }
        let all = index.match_participant(&m, &p, 10, RankOptions::default()).unwrap();
        let page = index.match_page(&m, &p, 4, 3, RankOptions::default()).unwrap();
        let ids = |r: &opstap_index::MatchResult| -> Vec<String> {
            r.matches.iter().map(|x| x.vacancy.id.clone()).collect()
        };
        let expected: Vec<String> = ids(&all).into_iter().skip(4).take(3).collect();
        assert_eq!(ids(&page), expected);
        assert_eq!(page.matches.first().map(|x| x.rank), (!expected.is_empty()).then_some(5));
        assert_eq!(page.has_more, all.matches.len() > 7);
    }
    assert!(nonempty > 20, "the filters leave vacancies to rank ({nonempty})");
}

/// The text-only ranking (the `opstap eval` baseline) is BM25 sorted, ties by id.
#[test]
fn rank_by_text_is_bm25_sorted() {
    let m = matcher();
    let index = crate::support::fixture_index();
    for p in crate::support::cohort() {
        let cp = m.compile_participant(&p);
        let mut all: Vec<(String, f32)> = index.bm25_scores(&cp).unwrap().into_iter().collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(15);
        let got: Vec<(String, f32)> = index
            .rank_by_text(&cp, 15)
            .unwrap()
            .into_iter()
            .map(|h| (h.vacancy_id.to_string(), h.bm25))
            .collect();
        assert_eq!(got, all, "{}", p.id);
    }
}
