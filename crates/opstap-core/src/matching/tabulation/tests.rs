//! Tests of the tabulated rules: each per-column answer against the rule it stands for.

use super::super::tests::{matcher, participant};
use crate::compiled::{CompiledParticipant, CompiledVacancy};
use crate::matching::{MatchClass, TraitsKeys};
use crate::model::{Participant, TwvStance, Vacancy, WorkAuthorizationStatus};
use crate::validate::parse_json;

#[test]
fn qualifications_met_is_the_eligible_class_of_the_qualifications() {
    let m = matcher();
    let read = |name: &str| {
        let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let people: Vec<CompiledParticipant> = read("cohort.jsonl")
        .lines()
        .map(|l| m.compile_participant(&parse_json::<Participant>(l).unwrap()))
        .collect();
    let vacancies: Vec<CompiledVacancy> = read("vacancies.jsonl")
        .lines()
        .map(|l| m.compile_vacancy(&parse_json::<Vacancy>(l).unwrap()))
        .collect();
    let (mut met, mut not) = (0, 0);
    for p in &people {
        for v in &vacancies {
            let q = &v.qualifications;
            let eligible = m.classify_qualifications(p, q).class == MatchClass::Eligible;
            assert_eq!(m.qualifications_met(p, q), eligible, "{} × {}", p.id, v.id);
            if eligible { met += 1 } else { not += 1 }
        }
    }
    // Both answers occur, or the comparison says little.
    assert!(met > 100 && not > 100, "met {met}, not {not}");
}

#[test]
fn a_traits_column_means_what_each_of_its_values_means() {
    use crate::compiled::VacancyTraits;
    use crate::model::{ContactLevel, ContractType, SelfDevelopment};
    let m = matcher();
    let path = format!("{}/../../fixtures/cohort.jsonl", env!("CARGO_MANIFEST_DIR"));
    let cohort = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut people: Vec<Participant> =
        cohort.lines().map(|l| parse_json::<Participant>(l).unwrap()).collect();
    // Every work authorization, none, no place, and the optional conditions asked.
    for status in [
        WorkAuthorizationStatus::Free,
        WorkAuthorizationStatus::NotAllowed,
        WorkAuthorizationStatus::NotificationOnly,
        WorkAuthorizationStatus::AsylumTwvRequired,
    ] {
        let mut p = participant("");
        p.work_authorization.as_mut().expect("the base has one").status = status;
        people.push(p);
    }
    people.push(participant(
        r#","availability":{"needs_appointment_flexibility":true,"avoid_physically_demanding":true},"learning_style":"ON_THE_JOB""#,
    ));
    let mut bare = participant("");
    bare.work_authorization = None;
    bare.location = None;
    people.push(bare);
    // Every combination of the fields.
    let mut column = Vec::new();
    for bits in 0..16u8 {
        let [growth, skill_building, language_support, has_location] =
            [0, 1, 2, 3].map(|i| bits >> i & 1 == 1);
        for explicit_level in [None].into_iter().chain(SelfDevelopment::ALL.map(Some)) {
            for twv in [None, Some(TwvStance::Experienced), Some(TwvStance::Willing)]
                .into_iter()
                .chain([Some(TwvStance::Unknown), Some(TwvStance::Unwilling)])
            {
                for language_contact in [
                    None,
                    Some(ContactLevel::Low),
                    Some(ContactLevel::Medium),
                    Some(ContactLevel::High),
                ] {
                    for practical_application in [None, Some(false), Some(true)] {
                        for contract in [
                            None,
                            Some(ContractType::Permanent),
                            Some(ContractType::FixedTerm),
                            Some(ContractType::TempAgency),
                            Some(ContractType::OnCall),
                            Some(ContractType::Internship),
                            Some(ContractType::Volunteer),
                        ] {
                            column.push(VacancyTraits {
                                growth,
                                skill_building,
                                explicit_level,
                                twv,
                                language_contact,
                                language_support,
                                practical_application,
                                contract,
                                has_location,
                            });
                        }
                    }
                }
            }
        }
    }
    assert_eq!(column.len(), 16 * 4 * 5 * 4 * 3 * 7);
    let keys = TraitsKeys::of(&column);
    let mut blocking = 0;
    for p in &people {
        let p = m.compile_participant(p);
        let person = m.tabulation(&p);
        let mut meanings = Vec::with_capacity(column.len());
        person.traits_of_column(&column, &keys, |t| meanings.push(t));
        assert_eq!(meanings.len(), column.len());
        for (t, meaning) in column.iter().zip(&meanings) {
            assert_eq!(*meaning, person.traits(t), "{} × {t:?}", p.id);
        }
        blocking += meanings.iter().filter(|t| t.blocks).count();
    }
    // Some combinations block and some do not, or the stance part says little.
    assert!(blocking > 0 && blocking < people.len() * column.len(), "{blocking}");
}
