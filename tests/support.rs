//! Shared helpers: a matcher on a fixed day, the bundled index, cohort participants.

use opstap_core::validate::{ValidVacancy, parse_participant};
use opstap_core::{Date, MatchConfig, Matcher, Participant, Taxonomy};
use opstap_index::{IngestOptions, VacancyIndex};

/// Tests match on a fixed day, so fixtures never expire under them.
pub(crate) fn today() -> Date {
    "2026-11-27".parse().unwrap()
}

pub(crate) fn matcher() -> Matcher {
    Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today())
}

/// Vacancies validated for an upsert (generated and fixture vacancies are valid).
pub(crate) fn valid(vacancies: &[opstap_core::Vacancy]) -> Vec<ValidVacancy> {
    vacancies.iter().map(|v| ValidVacancy::new(v.clone(), Taxonomy::embedded()).unwrap()).collect()
}

pub(crate) fn fixture_index() -> VacancyIndex {
    let index = VacancyIndex::in_memory().unwrap();
    index
        .ingest_str(
            "fixtures/vacancies.jsonl",
            opstap_fixtures::VACANCIES_JSONL,
            IngestOptions::default(),
        )
        .unwrap();
    index
}

pub(crate) fn cohort() -> Vec<Participant> {
    opstap_fixtures::COHORT
        .iter()
        .map(|(name, json)| {
            parse_participant(json, Taxonomy::embedded()).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}
