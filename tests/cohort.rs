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
    let plan = index.plan(&m, &technician, &opstap_core::VacancyFilter::NONE, None).unwrap();
    let targets: Vec<String> =
        plan.options.iter().flat_map(|o| o.steps.iter().map(|s| s.target.clone())).collect();
    assert!(targets.iter().any(|t| t == "VCA_BASIS"), "{targets:?}");
    assert!(targets.iter().any(|t| t == "nl:B1"), "{targets:?}");
    assert!(plan.options.iter().all(|o| o.effort_weeks <= plan.horizon_weeks));
    assert!(plan.long_route.iter().all(|o| o.effort_weeks > plan.horizon_weeks));
    // Every option counts only what is still open when it is done.
    for o in plan.options.iter().chain(&plan.long_route) {
        assert!(o.finish > m.today() || o.effort_weeks == 0.0);
        assert!(o.unlocks_fitting > 0 || o.fitting_per_month > 0.0 || o.closing_before_finish > 0);
    }
}

/// The lawyer (horizon 12 weeks) is shown Dutch B1 on the long route, with the weeks it
/// lies beyond her horizon.
#[test]
fn the_lawyers_plan_shows_dutch_b1_on_the_long_route() {
    let m = matcher();
    let index = fixture_index();
    let lawyer = cohort().into_iter().find(|p| p.id == "p-01").expect("the lawyer");
    let plan = index.plan(&m, &lawyer, &opstap_core::VacancyFilter::NONE, None).unwrap();
    assert_eq!(plan.horizon_weeks, 12.0);
    let dutch = plan
        .long_route
        .iter()
        .find(|o| o.steps.iter().any(|s| s.target == "nl:B1"))
        .unwrap_or_else(|| panic!("no Dutch B1 on the long route: {plan:#?}"));
    assert!(dutch.beyond_horizon_weeks > 0.0);
    assert_eq!(dutch.reason.code, opstap_core::ReasonCode::PlanLongRouteOption);
}

/// No plan ends in "nothing" while a fitting vacancy can be reached by some steps: every
/// cohort member with fitting near misses (within the horizon or beyond) gets options.
#[test]
fn a_plan_never_ends_in_nothing_when_a_route_exists() {
    let m = matcher();
    let index = fixture_index();
    for p in cohort() {
        let plan = index.plan(&m, &p, &opstap_core::VacancyFilter::NONE, None).unwrap();
        let nothing =
            plan.reasons.iter().any(|r| r.code == opstap_core::ReasonCode::PlanNothingToUnlock);
        let reachable = plan.fitting_near_misses + plan.fitting_beyond_horizon > 0;
        assert_eq!(nothing, !reachable, "{}: {plan:#?}", p.id);
        if reachable {
            assert!(!plan.options.is_empty() || !plan.long_route.is_empty(), "{}", p.id);
        }
    }
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
    // The top of the list fits the person's wish at least as often as their eligible
    // vacancies do: the ranking adds fit, not only text relevance.
    let m = matcher();
    let index = fixture_index();
    let mut compared = 0;
    for p in cohort() {
        let all = index.match_participant(&m, &p, 10_000, RankOptions::default()).unwrap();
        if all.matches.len() < 10 {
            continue;
        }
        // The share of fitting vacancies (fit at or above the plan's threshold): the top
        // five hold at least the share the whole list holds.
        let fitting = |n: usize| -> f64 {
            let top = &all.matches[..n];
            let fits = top.iter().filter(|mv| m.is_fitting(mv.explanation.self_development.fit));
            fits.count() as f64 / n as f64
        };
        assert!(
            fitting(5) >= fitting(all.matches.len()),
            "{}: {} of the top 5 fit, {} of all eligible",
            p.id,
            fitting(5),
            fitting(all.matches.len())
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
    let plan = index.plan(&m, &technician, &VacancyFilter::NONE, None).unwrap();
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

/// The report's "graphic designer in a factory": a welding apprenticeship the employer
/// labels STRONG is not STRONG for her, and not a fitting near miss in her plan.
#[test]
fn a_label_does_not_make_a_factory_job_strong_for_the_graphic_designer() {
    let m = matcher();
    let index = fixture_index();
    let designer = cohort().into_iter().find(|p| p.id == "p-03").unwrap();
    let e = index.explain(&m, &designer, "v-0000085").unwrap().unwrap().explanation;
    assert_ne!(e.self_development.level, opstap_core::SelfDevelopment::Strong);
    assert_eq!(e.self_development.reason.code, opstap_core::ReasonCode::LevelLabelNotForYou);
    assert!(e.self_development.signals.contains(&opstap_core::Signal::ExplicitLabel));
    // No labelled job outside her field is STRONG for her.
    let all = index.match_participant(&m, &designer, 400, RankOptions::default()).unwrap();
    for mv in &all.matches {
        let sd = &mv.explanation.self_development;
        if sd.level == opstap_core::SelfDevelopment::Strong {
            assert_eq!(
                sd.field_link,
                opstap_core::matching::FieldLink::Strong,
                "{}",
                mv.vacancy.id
            );
        }
    }
    let plan = index.plan(&m, &designer, &opstap_core::VacancyFilter::NONE, None).unwrap();
    assert!(plan.options.iter().all(|o| !o.examples.iter().any(|id| id == "v-0000085")));
}

/// A foreign-trained nurse gets no 8-week path into nursing: the BIG registration is a
/// long route, beyond her horizon, never a VOG and a diploma evaluation alone.
#[test]
fn the_nurse_gets_no_short_path_into_nursing() {
    let m = matcher();
    let index = fixture_index();
    let nurse = cohort().into_iter().find(|p| p.id == "p-06").unwrap();
    let e = index.explain(&m, &nurse, "v-0000091").unwrap().unwrap().explanation;
    let registration = e
        .requirements
        .iter()
        .find(|r| r.requirement == opstap_core::RequirementKind::Registration)
        .expect("a nursing vacancy asks the BIG registration");
    assert_eq!(registration.outcome, opstap_core::OutcomeKind::Bridgeable);
    let step = registration.step.as_ref().unwrap();
    assert_eq!(step.kind, opstap_core::StepKind::Registration);
    assert_eq!(step.target, "BIG_NURSE");
    assert!(step.effort_weeks >= 52.0, "{}", step.effort_weeks);
    assert_eq!(e.class, opstap_core::MatchClass::BeyondHorizon);
    // No nursing vacancy is in her list or among the examples of a step in her plan.
    let nursing =
        |id: &str| index.get(id).unwrap().unwrap().isco.is_some_and(|c| c.0.starts_with("2221"));
    let all = index.match_participant(&m, &nurse, 400, RankOptions::FULL).unwrap();
    assert!(all.matches.iter().all(|mv| !nursing(&mv.vacancy.id)));
    let plan = all.plan.unwrap();
    assert!(plan.options.iter().all(|o| o.examples.iter().all(|id| !nursing(id))));
}

/// A missing work authorization is one question for the whole list, not one per match;
/// each match's requirement still says UNKNOWN.
#[test]
fn a_missing_work_authorization_is_asked_once_per_list() {
    let m = matcher();
    let index = fixture_index();
    let mut p = cohort().into_iter().find(|p| p.id == "p-12").unwrap();
    p.work_authorization = None;
    let result = index.match_participant(&m, &p, 20, RankOptions::default()).unwrap();
    assert!(!result.matches.is_empty());
    let codes: Vec<opstap_core::ReasonCode> = result.questions.iter().map(|q| q.code).collect();
    assert_eq!(codes, [opstap_core::ReasonCode::AuthUnknown]);
    for mv in &result.matches {
        let e = &mv.explanation;
        assert!(e.reasons.iter().all(|r| r.code != opstap_core::ReasonCode::AuthUnknown));
        assert!(
            e.requirements
                .iter()
                .any(|r| r.requirement == opstap_core::RequirementKind::WorkAuthorization
                    && r.outcome == opstap_core::OutcomeKind::Unknown)
        );
    }
    // With the authorization known, there is no person-level question.
    let known = cohort().into_iter().find(|p| p.id == "p-12").unwrap();
    let result = index.match_participant(&m, &known, 20, RankOptions::default()).unwrap();
    assert!(result.questions.is_empty());
}

/// An expired W-document is a question for the whole list (the day before and the day
/// of the matching day: expired only before it).
#[test]
fn an_expired_w_document_is_asked_once() {
    let m = matcher();
    let index = fixture_index();
    let mut p = cohort().into_iter().find(|p| p.id == "p-03").unwrap();
    let questions = |p: &opstap_core::Participant| -> Vec<opstap_core::ReasonCode> {
        let r = index.match_participant(&m, p, 5, RankOptions::default()).unwrap();
        r.questions.iter().map(|q| q.code).collect()
    };
    p.work_authorization.as_mut().unwrap().w_document_expires = Some("2026-11-26".parse().unwrap());
    assert_eq!(questions(&p), [opstap_core::ReasonCode::WDocumentExpired]);
    p.work_authorization.as_mut().unwrap().w_document_expires = Some("2026-11-27".parse().unwrap());
    assert!(questions(&p).is_empty());
}
