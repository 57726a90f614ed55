//! The acceptance checks of the matching engine on the bundled cohort.

use opstap_core::MatchClass;
use opstap_core::VacancyFilter;
use opstap_core::explain::OutcomeKind;
use opstap_index::RankOptions;

use crate::support::{cohort, fixture_index, matcher};

#[test]
fn every_cohort_participant_gets_explained_matches_without_gaps() {
    let m = matcher();
    let index = fixture_index();
    let mut with_matches = 0;
    for p in cohort() {
        let result = index.match_participant(&m, &p, 10, RankOptions::default()).unwrap();
        if !result.matches.is_empty() {
            with_matches += 1;
        }
        for (i, mv) in result.matches.iter().enumerate() {
            let e = &mv.explanation;
            assert_eq!(mv.rank, i + 1);
            assert_eq!(e.class, MatchClass::Eligible, "{} {}", p.id, mv.vacancy.id);
            for r in &e.requirements {
                assert!(
                    matches!(r.outcome, OutcomeKind::Met | OutcomeKind::Unknown),
                    "{} {}: {:?} in the main list",
                    p.id,
                    mv.vacancy.id,
                    r
                );
            }
            assert!(!e.reasons.is_empty(), "every match says why");
            assert_eq!(e.components.len(), 7);
            let sum: f64 = e.components.iter().map(|c| c.contribution).sum();
            assert!((sum - e.score).abs() < 1e-9);
        }
        for w in result.matches.windows(2) {
            assert!(w[0].explanation.score >= w[1].explanation.score, "{}: ranked by score", p.id);
        }
    }
    assert!(
        with_matches >= 15,
        "only {with_matches} of 20 cohort members have a match in the bundled vacancies"
    );
}

#[test]
fn the_technicians_step_plan_names_vca_and_dutch_b1() {
    let m = matcher();
    let index = fixture_index();
    let technician =
        cohort().into_iter().find(|p| p.id == "p-04").expect("the technician is in the cohort");
    let plan = index.plan(&m, &technician, &opstap_core::VacancyFilter::NONE).unwrap();
    let targets: Vec<String> =
        plan.options.iter().flat_map(|o| o.steps.iter().map(|s| s.target.clone())).collect();
    assert!(targets.iter().any(|t| t == "VCA_BASIS"), "{targets:?}");
    assert!(targets.iter().any(|t| t == "nl:B1"), "{targets:?}");
    assert!(
        plan.options.iter().all(|o| o.unlocks_fitting > 0 && o.effort_weeks <= plan.horizon_weeks)
    );
}

#[test]
fn the_psychologist_is_never_offered_cleaning() {
    let m = matcher();
    let index = fixture_index();
    let p =
        cohort().into_iter().find(|p| p.excluded.sectors.iter().any(|s| s == "cleaning")).unwrap();
    let result = index.match_participant(&m, &p, 50, RankOptions::default()).unwrap();
    // She wants "anything with people": she gets matches, and none of them is cleaning.
    assert!(result.matches.len() >= 10, "only {} matches", result.matches.len());
    assert!(result.matches.iter().all(|mv| mv.vacancy.sector.as_deref() != Some("cleaning")));
    // The exclusion is what keeps cleaning out: the bundled vacancies have cleaning jobs
    // that she could otherwise take.
    let mut unexcluded = p.clone();
    unexcluded.excluded.sectors.clear();
    let without = index.match_participant(&m, &unexcluded, 400, RankOptions::default()).unwrap();
    assert!(without.matches.iter().any(|mv| mv.vacancy.sector.as_deref() == Some("cleaning")));
}

#[test]
fn ranking_puts_fitting_self_development_first() {
    // The top of the list fits the person's wish at least as well as their eligible
    // vacancies on average: the ranking adds fit, not only text relevance.
    let m = matcher();
    let index = fixture_index();
    let mut compared = 0;
    for p in cohort() {
        let all = index.match_participant(&m, &p, 10_000, RankOptions::default()).unwrap();
        if all.matches.len() < 10 {
            continue;
        }
        let fit = |n: usize| -> f64 {
            let top = &all.matches[..n];
            top.iter().map(|mv| mv.explanation.self_development.fit).sum::<f64>() / n as f64
        };
        assert!(
            fit(5) >= fit(all.matches.len()),
            "{}: top-5 fit {} < mean fit {}",
            p.id,
            fit(5),
            fit(all.matches.len())
        );
        compared += 1;
    }
    assert!(compared >= 10, "only {compared} participants have 10+ eligible vacancies");
}

#[test]
fn why_not_for_a_blocked_vacancy() {
    let m = matcher();
    let index = fixture_index();
    let technician = cohort().into_iter().find(|p| p.id == "p-04").unwrap();
    let plan = index.plan(&m, &technician, &VacancyFilter::NONE).unwrap();
    let option = plan.options.first().expect("the technician has a step plan");
    let id = option.examples.first().expect("an unlocked vacancy").clone();
    let explained = index.explain(&m, &technician, &id).unwrap().unwrap();
    assert_eq!(explained.explanation.class, MatchClass::NearMiss);
    assert_eq!(explained.rank, 0);
    assert!(
        explained
            .explanation
            .requirements
            .iter()
            .any(|r| r.outcome == OutcomeKind::Bridgeable && r.step.is_some())
    );
    assert!(index.explain(&m, &technician, "v-does-not-exist").unwrap().is_none());
}
