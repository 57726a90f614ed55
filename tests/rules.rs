//! The rules as the index applies them (through `Tabulation`), held to the rules as
//! `Matcher` states them, on generated people and vacancies.

use opstap_core::MatchClass;
use opstap_core::matching::{QualificationsMeaning, Requirement, Status};
use opstap_synth::Generator;

use crate::support::matcher;

/// The score bound the index composes from its tables is never below the score, and the
/// tabulated link and fit are the ones the score uses.
#[test]
fn the_tabulated_bound_is_never_below_the_score() {
    let m = matcher();
    let g = Generator::new();
    let day = m.today();
    for i in 0..300 {
        let p = m.compile_participant(&g.participant(3, i, day));
        let person = m.tabulation(&p);
        for j in 0..30 {
            let v = m.compile_vacancy(&g.vacancy(4, i * 30 + j, day));
            let c = &v.circumstances;
            let occupation = person.occupation(c.isco, c.experience_years);
            let traits = person.traits(&v.traits());
            for bm25 in [0.0, 1.5, 12.0] {
                let (share, link) = if bm25 > 0.0 {
                    person.with_text(occupation.isco_relation, bm25)
                } else {
                    (occupation.relevance_share_without_text, occupation.link_without_text)
                };
                let bound = share + traits.bound[link as usize];
                let score = m.score(&p, &v, bm25);
                assert!(score.total <= bound + 1e-12, "{} > {bound}", score.total);
                let sd = score.self_development;
                assert_eq!(link, sd.field_link);
                assert_eq!(traits.fitting[link as usize], m.is_fitting(sd.fit));
            }
        }
    }
}

/// The class a set of qualifications gives.
fn qualification_class(meaning: QualificationsMeaning) -> MatchClass {
    match meaning {
        QualificationsMeaning::Eligible => MatchClass::Eligible,
        QualificationsMeaning::NearMiss(_) => MatchClass::NearMiss,
        QualificationsMeaning::BeyondHorizon(_) => MatchClass::BeyondHorizon,
        QualificationsMeaning::Blocked => MatchClass::Blocked,
    }
}

/// The classification the index composes (circumstances from the tabulated parts and the
/// vacancy's own, then the qualifications per distinct set) is the one the checks give.
#[test]
fn the_split_classification_agrees_with_the_checks() {
    let m = matcher();
    let g = Generator::new();
    let day = m.today();
    let mut seen = std::collections::HashSet::new();
    let mut seen_own = std::collections::HashSet::new();
    for i in 0..200 {
        let p = m.compile_participant(&g.participant(5, i, day));
        let person = m.tabulation(&p);
        for j in 0..50 {
            let v = m.compile_vacancy(&g.vacancy(6, i * 50 + j, day));
            let checks = m.checks(&p, &v);
            let blocked = checks.iter().any(|c| c.status == Status::Blocking);
            let bridgeable = checks.iter().any(|c| matches!(c.status, Status::Bridgeable { .. }));
            let class = m.classify(&p, &v);
            seen.insert(class);
            assert_eq!(class == MatchClass::Blocked, blocked, "{checks:?}");
            assert_eq!(class == MatchClass::Eligible, !blocked && !bridgeable, "{checks:?}");
            // The composition the index tabulates (occupation, TWV stance, sector, and
            // the vacancy's own circumstances) blocks exactly when a check of a
            // requirement no step can change blocks.
            let c = &v.circumstances;
            let circumstance_blocks = checks.iter().any(|check| {
                check.status == Status::Blocking
                    && !matches!(
                        check.requirement,
                        Requirement::Language(_)
                            | Requirement::Certificate(_)
                            | Requirement::CertificateOnTheJob(_)
                            | Requirement::DrivingLicence(_)
                            | Requirement::Education
                    )
            });
            assert_eq!(m.circumstances_block(&p, c), circumstance_blocks, "{checks:?}");
            let traits = person.traits(&v.traits());
            let shared = person.occupation(c.isco, c.experience_years).blocks
                || traits.blocks
                || person.sector_excluded(c.sector.as_deref());
            // (As the index compares them: the last day against the day the vacancy
            // must stay open until.)
            let open_until = person.open_until(traits.works_from);
            let own = person.too_far(c.own().location)
                || c.valid_through.is_some_and(|last| last < open_until);
            assert_eq!(shared || own, circumstance_blocks, "{checks:?}");
            seen_own.insert((shared, own));
            // Vacancies that ask the same qualifications share that part of the answer.
            if !circumstance_blocks {
                assert_eq!(class, qualification_class(person.qualifications(&v.qualifications)));
            }
        }
    }
    assert_eq!(seen.len(), 4, "every class occurs: {seen:?}");
    assert_eq!(seen_own.len(), 4, "shared and own blocks each occur: {seen_own:?}");
}
