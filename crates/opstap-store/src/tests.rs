//! The same checks against SQLite (always) and PostgreSQL (when `OPSTAP_TEST_POSTGRES`
//! holds a connection URL to a throwaway database: `.ci/run` starts one).

use opstap_core::model::{CertificateCode, TwvStance};

use super::*;

fn actor(name: &str) -> Actor {
    Actor { name: name.into(), role: "caseworker".into() }
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// Runs `check` on a fresh SQLite store and, when configured, on a fresh PostgreSQL schema
/// of its own (`name`), so the tests may run at the same time.
fn on_every_backend(name: &str, check: impl Fn(&Store)) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("store.sqlite").to_str().unwrap()).unwrap();
    check(&store);
    if let Ok(url) = std::env::var("OPSTAP_TEST_POSTGRES") {
        let store = fresh_postgres(&url, name);
        assert_eq!(store.backend(), "postgres");
        check(&store);
    }
}

fn fresh_postgres(url: &str, schema: &str) -> Store {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    Store::open(&format!("{url}{sep}options=-csearch_path%3D{schema}")).unwrap()
}

#[test]
fn migrations_apply_once_and_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    let store = Store::open(path.to_str().unwrap()).unwrap();
    assert_eq!(store.schema_versions().unwrap(), [1]);
    drop(store);
    let store = Store::open(path.to_str().unwrap()).unwrap();
    assert_eq!(store.schema_versions().unwrap(), [1], "reopening applies nothing twice");
    store
        .db
        .execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')",
            &[],
        )
        .unwrap();
    drop(store);
    let e = Store::open(path.to_str().unwrap()).unwrap_err();
    assert!(e.to_string().contains("newer than this build"), "{e}");
}

#[test]
fn answers_are_recorded_revoked_and_listed_in_force() {
    on_every_backend("answers", |store| {
        let twv = EmployerAnswer {
            answer: AnswerKind::Twv { stance: TwvStance::Willing },
            answered_on: day("2026-11-20"),
            source: "phone".into(),
            id: None,
        };
        let vca = EmployerAnswer {
            answer: AnswerKind::WaivesCertificate { code: CertificateCode("VCA_BASIS".into()) },
            answered_on: day("2026-11-21"),
            source: "email".into(),
            id: None,
        };
        let a = store.record_answer("v-1", &twv, &actor("anna")).unwrap();
        let b = store.record_answer("v-1", &vca, &actor("anna")).unwrap();
        store.record_answer("v-2", &twv, &actor("bram")).unwrap();
        let in_force = store.answers_for("v-1").unwrap();
        assert_eq!(in_force.iter().map(|r| r.id).collect::<Vec<_>>(), [a, b]);
        assert_eq!(in_force[0].answer, twv.answer);
        assert_eq!(in_force[0].recorded_by, "anna");
        assert_eq!(in_force[1].to_answer().id, Some(b));
        let revoked = store.revoke_answer(a, &actor("bram")).unwrap().unwrap();
        assert_eq!(revoked.revoked_by.as_deref(), Some("bram"));
        assert!(store.revoke_answer(a, &actor("bram")).unwrap().is_none(), "once");
        assert_eq!(store.answers_for("v-1").unwrap().len(), 1);
        assert_eq!(store.answered_vacancies().unwrap(), ["v-1", "v-2"]);
    });
}

#[test]
fn outcomes_are_checked_recorded_and_settle_vacancies() {
    on_every_backend("outcomes", |store| {
        let today = day("2026-12-01");
        let hired = Outcome {
            vacancy_id: "v-9".into(),
            event: Event::Hired,
            reason: None,
            on: day("2026-11-30"),
            contract: Some("FIXED_TERM".into()),
            hours_per_week: Some(24.0),
            rating: None,
        };
        hired.check(today).unwrap();
        let mut future = hired.clone();
        future.on = day("2026-12-02");
        assert!(future.check(today).unwrap_err().to_string().starts_with("date:"));
        let wrong_reason = Outcome {
            vacancy_id: "v-1".into(),
            event: Event::Rejected,
            reason: Some(OutcomeReason::TooFar),
            on: day("2026-11-01"),
            contract: None,
            hours_per_week: None,
            rating: None,
        };
        let e = wrong_reason.check(today).unwrap_err().to_string();
        assert!(e.starts_with("reason:") && e.contains("LANGUAGE"), "{e}");
        let rating = Outcome {
            vacancy_id: "v-9".into(),
            event: Event::FitRating,
            reason: None,
            on: day("2026-11-30"),
            contract: None,
            hours_per_week: None,
            rating: Some(6),
        };
        assert!(rating.check(today).is_err());

        let p = "3f2a";
        store.record_outcome(p, &hired, &actor("anna")).unwrap();
        let mut declined = wrong_reason.clone();
        declined.event = Event::NotInterested;
        declined.vacancy_id = "v-2".into();
        declined.check(today).unwrap();
        store.record_outcome(p, &declined, &actor("anna")).unwrap();
        let mut interested = declined.clone();
        interested.event = Event::Interested;
        interested.reason = None;
        interested.vacancy_id = "v-3".into();
        store.record_outcome(p, &interested, &actor("anna")).unwrap();
        store.record_outcome("other", &hired, &actor("anna")).unwrap();
        let mine = store.outcomes_for(p).unwrap();
        assert_eq!(mine.len(), 3);
        assert_eq!(mine[2].outcome, hired, "hours and contract read back");
        assert_eq!(store.settled_vacancies(p).unwrap(), ["v-2", "v-9"], "interest settles nothing");
        assert_eq!(store.all_outcomes().unwrap().len(), 4);
    });
}

#[test]
fn the_audit_is_read_by_participant_day_and_token_and_purged_by_age() {
    on_every_backend("audit", |store| {
        let entry = |at: &str, name: &str, on: &str| AuditEntry {
            id: 0,
            at: at.into(),
            actor: actor(name),
            call: "MatchVacancies".into(),
            participant: "3f2a".into(),
            config_hash: "c0ffee".into(),
            index_version: "7".into(),
            matched_on: day(on),
            results: vec![("v-1".into(), 0.91), ("v-2".into(), 0.5)],
        };
        store.record_audit(&entry("2026-01-02T10:00:00Z", "anna", "2026-01-02")).unwrap();
        store.record_audit(&entry("2026-11-30T10:00:00Z", "anna", "2026-11-30")).unwrap();
        store.record_audit(&entry("2026-11-30T11:00:00Z", "bram", "2026-11-30")).unwrap();
        let all = store.audit_for("3f2a", None, None).unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].results, [("v-1".to_owned(), 0.91), ("v-2".to_owned(), 0.5)]);
        assert_eq!(store.audit_for("3f2a", Some(day("2026-11-30")), None).unwrap().len(), 2);
        assert_eq!(
            store.audit_for("3f2a", Some(day("2026-11-30")), Some("bram")).unwrap().len(),
            1
        );
        assert!(store.audit_for("someone-else", None, None).unwrap().is_empty());
        assert_eq!(store.purge_audit("2026-06-01T00:00:00Z").unwrap(), 1);
        assert_eq!(store.audit_for("3f2a", None, None).unwrap().len(), 2);
    });
}

#[test]
fn the_pseudonym_key_is_made_once_and_keeps_hashes_stable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.key");
    let a = Pseudonymizer::from_key_file(&path).unwrap();
    let b = Pseudonymizer::from_key_file(&path).unwrap();
    assert_eq!(a.participant("p-007"), b.participant("p-007"));
    assert_ne!(a.participant("p-007"), a.participant("p-008"));
    assert_ne!(a.participant("p-007"), Pseudonymizer::new([7; 32]).participant("p-007"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key is the owner's only");
    }
    std::fs::write(&path, "not hex").unwrap();
    assert!(Pseudonymizer::from_key_file(&path).is_err());
}

#[test]
fn a_password_never_shows_in_the_location() {
    assert_eq!(
        db::redact("postgres://opstap:s3cret@localhost:5432/opstap"),
        "postgres://opstap:***@localhost:5432/opstap"
    );
    assert_eq!(db::redact("/var/lib/opstap/store.sqlite"), "/var/lib/opstap/store.sqlite");
}
