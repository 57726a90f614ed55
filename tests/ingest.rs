//! Ingest: bad input is rejected with file, line and field; nothing is half-written.

use opstap_index::{IndexError, IngestOptions, VacancyIndex};

const GOOD: &str = r#"{"id":"v-1","title":"Afwasser","sector":"hospitality","isco":"9412","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"A1"}]}]}}"#;
const GOOD2: &str = r#"{"id":"v-2","title":"Schoonmaker","sector":"cleaning","isco":"9112"}"#;

fn strict() -> IngestOptions {
    IngestOptions { skip_invalid: false }
}

/// Each bad line, the field it must name, and a word of what is accepted.
const BAD: &[(&str, &str, &str)] = &[
    (r#"{"id":"v-9","title":"x""#, "(record)", "EOF"),
    (
        r#"{"id":"v-9","title":"x","conditions":{"contract":"ZERO_HOURS"}}"#,
        "conditions.contract",
        "ON_CALL",
    ),
    (
        r#"{"id":"v-9","title":"x","requirements":{"certificates":["VCA"]}}"#,
        "requirements.certificates[0]",
        "VCA_BASIS",
    ),
    (
        r#"{"id":"v-9","title":"x","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"B3"}]}]}}"#,
        "requirements.languages[0].any_of[0].level",
        "B1",
    ),
    (
        r#"{"id":"v-9","title":"x","requirements":{"education":{"nlqf":9}}}"#,
        "requirements.education.nlqf",
        "1 to 8",
    ),
    (
        r#"{"id":"v-9","title":"x","conditions":{"hours_per_week":{"min":-8,"max":16}}}"#,
        "conditions.hours_per_week",
        "0 ≤ min",
    ),
    (r#"{"id":"","title":"x"}"#, "id", "non-empty"),
    (r#"{"id":" v-9","title":"x"}"#, "id", "surrounding spaces"),
    (r#"{"id":"v-\u202e9","title":"x"}"#, "id", "bidirectional"),
    (r#"{"id":"v-\u200b9","title":"x"}"#, "id", "zero-width"),
    (GOOD, "id", "duplicate id `v-1`, first on line 1"),
];

#[test]
fn each_kind_of_bad_line_is_named_and_nothing_is_indexed() {
    let index = VacancyIndex::in_memory().unwrap();
    index.ingest_str("before.jsonl", GOOD2, strict()).unwrap();
    for (bad, field, accepted) in BAD {
        let text = format!("{GOOD}\n\n{bad}\n");
        let err = index.ingest_str("batch.jsonl", &text, strict()).unwrap_err();
        let IndexError::InvalidInput { errors, lines } = &err else { panic!("{err}") };
        assert_eq!(*lines, 3);
        assert_eq!(errors.len(), 1, "{err}");
        assert_eq!(errors[0].line, 3, "{err}");
        assert_eq!(errors[0].error.field, *field, "{err}");
        let shown = err.to_string();
        assert!(shown.contains("batch.jsonl:3:") && shown.contains(accepted), "{shown}");
        // The file was rejected whole: the index holds what it held before.
        assert_eq!(index.stats().vacancies, 1);
        assert!(index.get("v-1").unwrap().is_none());
    }
}

#[test]
fn skip_invalid_indexes_the_valid_lines_and_reports_the_rest() {
    let index = VacancyIndex::in_memory().unwrap();
    let text = format!("{GOOD}\n{}\n{GOOD2}\n{GOOD}\n", BAD[2].0);
    let report =
        index.ingest_str("mixed.jsonl", &text, IngestOptions { skip_invalid: true }).unwrap();
    assert_eq!(report.lines, 4);
    assert_eq!(report.accepted, 2);
    let lines: Vec<usize> = report.rejected.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 4]);
    assert_eq!(index.stats().vacancies, 2);
    assert_eq!(index.get("v-2").unwrap().unwrap().title, "Schoonmaker");
}

#[test]
fn upsert_replaces_and_delete_removes() {
    let index = VacancyIndex::in_memory().unwrap();
    index.ingest_str("a.jsonl", &format!("{GOOD}\n{GOOD2}\n"), strict()).unwrap();
    let changed = GOOD.replace("Afwasser", "Afwasser keuken");
    index.ingest_str("b.jsonl", &changed, strict()).unwrap();
    assert_eq!(index.stats().vacancies, 2);
    assert_eq!(index.get("v-1").unwrap().unwrap().title, "Afwasser keuken");
    assert_eq!(index.delete(&["v-1", "v-unknown"]).unwrap(), 1);
    assert_eq!(index.stats().vacancies, 1);
    assert!(index.get("v-1").unwrap().is_none());
    // Ingested again after its delete, and once more: one copy of it.
    for _ in 0..2 {
        index.ingest_str("c.jsonl", &changed, strict()).unwrap();
        assert_eq!(index.stats().vacancies, 2);
    }
}

#[test]
fn an_on_disk_index_survives_reopening_and_an_uncommitted_writer() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = VacancyIndex::open(dir.path()).unwrap();
        index.ingest_str("a.jsonl", GOOD, strict()).unwrap();
        // A failed ingest leaves the committed state.
        assert!(index.ingest_str("b.jsonl", &format!("{GOOD2}\n{}", BAD[0].0), strict()).is_err());
    }
    let index = VacancyIndex::open(dir.path()).unwrap();
    assert_eq!(index.stats().vacancies, 1);
    assert!(index.get("v-1").unwrap().is_some());
}

#[test]
fn a_foreign_directory_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("meta.json"), "{}").unwrap();
    let err = VacancyIndex::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("not an opstap index"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    VacancyIndex::open(dir.path()).unwrap();
    std::fs::write(dir.path().join("opstap-index.json"), r#"{"format_version":999}"#).unwrap();
    let err = VacancyIndex::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("format 999") && err.contains("rebuild"), "{err}");
}

#[test]
fn a_line_that_is_not_utf8_is_a_rejected_line_and_a_bom_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    bytes.extend_from_slice(b"\n{\"id\":\"v-3\",\"title\":\"caf\xe9\"}\n");
    bytes.extend_from_slice(GOOD2.as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let index = VacancyIndex::in_memory().unwrap();
    let err = index.ingest_file(&path, strict(), &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("mixed.jsonl:2: field `(record)`: not UTF-8"), "{err}");
    let report =
        index.ingest_file(&path, IngestOptions { skip_invalid: true }, &mut |_| {}).unwrap();
    assert_eq!((report.accepted, report.rejected.len()), (2, 1));
    assert!(index.get("v-1").unwrap().is_some(), "the BOM did not spoil line 1");
}

/// An upsert takes validated vacancies only: an invalid one is refused where it comes
/// in, with its field, and never reaches the index.
#[test]
fn an_invalid_vacancy_cannot_be_upserted() {
    let mut v: opstap_core::Vacancy = serde_json::from_str(GOOD).unwrap();
    v.isco = Some(opstap_core::model::IscoCode("2618".into()));
    let taxonomy = opstap_core::Taxonomy::embedded();
    let err = opstap_core::validate::ValidVacancy::new(v.clone(), taxonomy).unwrap_err();
    assert_eq!(err.field, "isco", "{err}");
    v.isco = Some(opstap_core::model::IscoCode("2611".into()));
    let index = VacancyIndex::in_memory().unwrap();
    index.upsert(&[opstap_core::validate::ValidVacancy::new(v, taxonomy).unwrap()]).unwrap();
    assert_eq!(index.stats().vacancies, 1);
}
