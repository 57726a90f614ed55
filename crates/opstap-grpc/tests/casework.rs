//! CaseworkService against a server with an SQLite store: employer answers change
//! matching at once and are revocable, outcomes are checked and leave settled vacancies
//! out, the audit trail records every list and is read by role, purging is for admins.

mod support;

use support::*;

/// The id of the first bundled vacancy that asks for `cert`.
fn vacancy_asking(cert: &str) -> String {
    opstap_fixtures::VACANCIES_JSONL
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["requirements"]["certificates"].as_array().unwrap().iter().any(|c| c == cert))
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .unwrap()
}

fn asks_cert(e: &pb::ExplainMatchResponse, cert: &str) -> bool {
    e.explanation.as_ref().unwrap().requirements.iter().any(|r| {
        r.requirement == pb::RequirementKind::Certificate as i32
            && r.reason
                .as_ref()
                .is_some_and(|x| x.params.get("cert").map(String::as_str) == Some(cert))
    })
}

#[tokio::test]
async fn an_employer_answer_changes_matching_at_once_and_can_be_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_records(&dir.path().join("store.sqlite")).await;
    let technician = member("p-04-technician");
    let vacancy_id = vacancy_asking("VCA_BASIS");
    let explain = |server: &TestServer| {
        let mut m = server.matches();
        let request = pb::ExplainMatchRequest {
            participant: Some(participant_to_pb(technician.clone())),
            vacancy_id: vacancy_id.clone(),
            locale: "en".into(),
            voice: String::new(),
        };
        async move { m.explain_match(authed(request, CASEWORKER)).await.unwrap().into_inner() }
    };
    assert!(asks_cert(&explain(&server).await, "VCA_BASIS"));

    let answer = pb::EmployerAnswer {
        answer: Some(pb::employer_answer::Answer::WaivesCertificate("VCA_BASIS".into())),
        answered_on: "2026-11-26".into(),
        source: "phone".into(),
        id: None,
    };
    let recorded = server
        .casework()
        .record_employer_answer(authed(
            pb::RecordEmployerAnswerRequest {
                vacancy_id: vacancy_id.clone(),
                answer: Some(answer.clone()),
            },
            CASEWORKER,
        ))
        .await
        .unwrap()
        .into_inner();
    let answers = &recorded.vacancy.as_ref().unwrap().employer_answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].id, Some(recorded.answer_id));

    let after = explain(&server).await;
    assert!(!asks_cert(&after, "VCA_BASIS"), "the answer is applied to matching");
    let said =
        after.explanation.as_ref().unwrap().reasons.iter().find(|r| r.code == "EMPLOYER_ANSWER");
    let said = said.expect("the explanation says the employer answered");
    assert!(
        said.text.contains("26 November 2026") && said.text.contains("VCA_BASIS"),
        "{}",
        said.text
    );

    server
        .casework()
        .revoke_employer_answer(authed(
            pb::RevokeEmployerAnswerRequest { answer_id: recorded.answer_id },
            CASEWORKER,
        ))
        .await
        .unwrap();
    assert!(asks_cert(&explain(&server).await, "VCA_BASIS"), "revoked: asked again");
    let again = server
        .casework()
        .revoke_employer_answer(authed(
            pb::RevokeEmployerAnswerRequest { answer_id: recorded.answer_id },
            CASEWORKER,
        ))
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::NotFound);

    // Bad answers: an unknown vacancy, an unknown certificate, a day to come.
    let mut c = server.casework();
    let bad = |vacancy_id: &str, answer: pb::EmployerAnswer| {
        authed(
            pb::RecordEmployerAnswerRequest { vacancy_id: vacancy_id.into(), answer: Some(answer) },
            CASEWORKER,
        )
    };
    let e = c.record_employer_answer(bad("v-none", answer.clone())).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    let mut unknown = answer.clone();
    unknown.answer = Some(pb::employer_answer::Answer::WaivesCertificate("VCA_GOLD".into()));
    let e = c.record_employer_answer(bad(&vacancy_id, unknown)).await.unwrap_err();
    assert_eq!(violations(&e), ["answer.answer.code"], "{e:?}");
    let mut later = answer;
    later.answered_on = "2027-01-01".into();
    let e = c.record_employer_answer(bad(&vacancy_id, later)).await.unwrap_err();
    assert_eq!(violations(&e), ["answer.answered_on"]);
    // An upsert cannot set answers.
    let mut v = new_vacancy("v-new");
    v.employer_answers.push(pb::EmployerAnswer { id: None, ..Default::default() });
    let e = server
        .vacancies()
        .upsert_vacancies(authed(upsert_stream(vec![vec![v]]), ADMIN))
        .await
        .unwrap_err();
    assert_eq!(violations(&e), ["vacancies[0].employer_answers"]);
    server.shutdown().await;
}

#[tokio::test]
async fn outcomes_are_checked_and_settled_vacancies_can_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_records(&dir.path().join("store.sqlite")).await;
    let p = member("p-02-psychologist");
    let first =
        server.matches().match_vacancies(authed(match_request(&p, 5), CASEWORKER)).await.unwrap();
    let shown: Vec<String> =
        ids_and_scores(first.get_ref()).into_iter().map(|(id, _)| id).collect();
    assert!(shown.len() >= 2);
    let outcome =
        |vacancy_id: &str, event: &str, reason: &str, date: &str| pb::RecordOutcomeRequest {
            participant_id: p.id.clone(),
            vacancy_id: vacancy_id.into(),
            event: event.into(),
            reason: reason.into(),
            date: date.into(),
            ..Default::default()
        };
    let mut c = server.casework();
    c.record_outcome(authed(outcome(&shown[0], "SHOWN", "", "2026-11-27"), CASEWORKER))
        .await
        .unwrap();
    c.record_outcome(authed(
        outcome(&shown[1], "NOT_INTERESTED", "TOO_FAR", "2026-11-27"),
        CASEWORKER,
    ))
    .await
    .unwrap();
    let mut request = match_request(&p, 5);
    request.leave_out_settled = true;
    let second = server.matches().match_vacancies(authed(request, CASEWORKER)).await.unwrap();
    let now: Vec<String> = ids_and_scores(second.get_ref()).into_iter().map(|(id, _)| id).collect();
    assert!(!now.contains(&shown[0]) && !now.contains(&shown[1]), "{now:?}");
    assert_eq!(now[0], shown[2], "the rest keep their order");

    let code_and_fields = |e: Status| (e.code(), violations(&e));
    let e = c
        .record_outcome(authed(outcome(&shown[0], "REJECTED", "TOO_FAR", "2026-11-27"), CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(code_and_fields(e), (Code::InvalidArgument, vec!["reason".to_owned()]));
    let e = c
        .record_outcome(authed(outcome(&shown[0], "HIRED", "", "2026-12-24"), CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(code_and_fields(e), (Code::InvalidArgument, vec!["date".to_owned()]));
    let e = c
        .record_outcome(authed(outcome(&shown[0], "PROMOTED", "", "2026-11-27"), CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(code_and_fields(e), (Code::InvalidArgument, vec!["event".to_owned()]));
    let e = c
        .record_outcome(authed(outcome("v-none", "APPLIED", "", "2026-11-27"), CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    server.shutdown().await;
}

#[tokio::test]
async fn the_audit_trail_records_every_list_and_is_read_by_role() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_records(&dir.path().join("store.sqlite")).await;
    let p = member("p-02-psychologist");
    let shown =
        server.matches().match_vacancies(authed(match_request(&p, 3), CASEWORKER)).await.unwrap();
    server.matches().match_vacancies(authed(match_request(&p, 2), CASEWORKER_2)).await.unwrap();
    let trail = |token: &str| {
        let mut c = server.casework();
        let request = pb::GetAuditTrailRequest {
            participant_id: p.id.clone(),
            date: Some("2026-11-27".into()),
        };
        let token = token.to_owned();
        async move { c.get_audit_trail(authed(request, &token)).await.unwrap().into_inner().entries }
    };
    let mine = trail(CASEWORKER).await;
    assert_eq!(mine.len(), 1, "a caseworker reads its own token's entries");
    let e = &mine[0];
    assert_eq!(
        (e.token_name.as_str(), e.role.as_str(), e.call.as_str()),
        ("caseworker-1", "caseworker", "MatchVacancies")
    );
    assert_eq!(e.matched_on, "2026-11-27");
    assert_eq!(e.config_hash.len(), 32);
    let returned: Vec<(String, f64)> =
        e.results.iter().map(|r| (r.vacancy_id.clone(), r.score)).collect();
    assert_eq!(returned, ids_and_scores(shown.get_ref()), "enough to reproduce the list");
    assert_eq!(trail(ADMIN).await.len(), 2, "an admin reads every token's");

    let purge = |token: &str| {
        let mut c = server.casework();
        let token = token.to_owned();
        async move {
            c.purge_audit(authed(pb::PurgeAuditRequest { before: "2999-01-01".into() }, &token))
                .await
        }
    };
    assert_eq!(purge(CASEWORKER).await.unwrap_err().code(), Code::PermissionDenied);
    assert_eq!(purge(ADMIN).await.unwrap().into_inner().removed, 2);
    server.shutdown().await;
}

#[tokio::test]
async fn without_a_store_the_records_are_a_failed_precondition() {
    let server = TestServer::start(Limits::default()).await;
    let e = server
        .casework()
        .record_outcome(authed(
            pb::RecordOutcomeRequest {
                participant_id: "p-1".into(),
                vacancy_id: "v-0000001".into(),
                event: "SHOWN".into(),
                date: "2026-11-27".into(),
                ..Default::default()
            },
            CASEWORKER,
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition);
    assert!(e.message().contains("--store"), "{}", e.message());
    server.shutdown().await;
}

/// The server with its records in PostgreSQL (when `OPSTAP_TEST_POSTGRES` names a
/// throwaway database, as `.ci/run` does): the blocking client runs on the blocking pool.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_in_postgresql_work_through_the_server() {
    let Ok(url) = std::env::var("OPSTAP_TEST_POSTGRES") else { return };
    let schema = "grpc_casework";
    let store = tokio::task::spawn_blocking(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .unwrap();
        opstap_store::Store::open(&format!("{url}?options=-csearch_path%3D{schema}")).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(store.backend(), "postgres");
    let server = TestServer::start_with_store(store).await;
    let p = member("p-02-psychologist");
    let shown =
        server.matches().match_vacancies(authed(match_request(&p, 3), CASEWORKER)).await.unwrap();
    let first = ids_and_scores(shown.get_ref())[0].0.clone();
    server
        .casework()
        .record_outcome(authed(
            pb::RecordOutcomeRequest {
                participant_id: p.id.clone(),
                vacancy_id: first.clone(),
                event: "APPLIED".into(),
                date: "2026-11-27".into(),
                ..Default::default()
            },
            CASEWORKER,
        ))
        .await
        .unwrap();
    let mut request = match_request(&p, 3);
    request.leave_out_settled = true;
    let again = server.matches().match_vacancies(authed(request, CASEWORKER)).await.unwrap();
    assert!(ids_and_scores(again.get_ref()).iter().all(|(id, _)| *id != first));
    let trail = server
        .casework()
        .get_audit_trail(authed(
            pb::GetAuditTrailRequest { participant_id: p.id.clone(), date: None },
            ADMIN,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(trail.entries.len(), 2);
    server.shutdown().await;
}

/// A match page says what to ask the person first: the unknown facts its fitting
/// matches wait on, as the nightly batch does.
#[tokio::test]
async fn a_match_page_names_the_intake_questions() {
    let server = TestServer::start(Limits::default()).await;
    let p = member("p-09-tailor");
    let page =
        server.matches().match_vacancies(authed(match_request(&p, 20), CASEWORKER)).await.unwrap();
    let questions = &page.get_ref().intake_questions;
    assert!(!questions.is_empty(), "the diploma evaluation is unknown");
    assert_eq!(questions[0].requirement, pb::RequirementKind::Education as i32);
    let waiting = page
        .get_ref()
        .matches
        .iter()
        .filter(|m| {
            let e = m.explanation.as_ref().unwrap();
            e.requirements.iter().any(|r| {
                r.requirement == pb::RequirementKind::Education as i32
                    && r.outcome == pb::Outcome::Unknown as i32
            })
        })
        .count();
    assert!(questions[0].fitting_matches as usize <= waiting && questions[0].fitting_matches > 0);
    server.shutdown().await;
}

/// PrintPlan: the participant's page in their language and voice, audited like a list;
/// an unknown locale or voice is INVALID_ARGUMENT with the accepted values.
#[tokio::test]
async fn print_plan_returns_the_participants_page_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_records(&dir.path().join("store.sqlite")).await;
    let p = member("p-04-technician");
    let request = |locale: &str, voice: &str| pb::PrintPlanRequest {
        participant: Some(participant_to_pb(p.clone())),
        filter: None,
        locale: locale.into(),
        voice: voice.into(),
        caseworker_name: "Fatima El Amrani".into(),
    };
    let page = server
        .matches()
        .print_plan(authed(request("ar", ""), CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert!(page.html.contains(r#"<html lang="ar" dir="rtl">"#), "{}", page.html);
    assert!(page.html.contains("Fatima El Amrani"), "the caseworker's line is filled");
    let fr = server.matches().print_plan(authed(request("fr", ""), CASEWORKER)).await.unwrap();
    assert!(
        fr.get_ref().html.contains("Les emplois qui vous conviennent"),
        "the participant's voice"
    );
    assert!(page.html.contains("وظائف تناسبك"), "in Arabic");
    let fr_cw =
        server.matches().print_plan(authed(request("fr", "caseworker"), CASEWORKER)).await.unwrap();
    assert!(fr_cw.get_ref().html.contains("Les emplois qui conviennent au participant"));

    for (locale, voice, field, accepted) in [
        ("de", "", "locale", "nl, en, fr, ar"),
        ("nl", "official", "voice", "participant, caseworker"),
    ] {
        let e = server
            .matches()
            .print_plan(authed(request(locale, voice), CASEWORKER))
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument);
        assert_eq!(violations(&e), [field]);
        assert!(e.message().contains(accepted), "{}", e.message());
    }
    let mut long = request("nl", "");
    long.caseworker_name = "x".repeat(500);
    let e = server.matches().print_plan(authed(long, CASEWORKER)).await.unwrap_err();
    assert_eq!(violations(&e), ["caseworker_name"]);

    let trail = server
        .casework()
        .get_audit_trail(authed(
            pb::GetAuditTrailRequest { participant_id: p.id.clone(), date: None },
            CASEWORKER,
        ))
        .await
        .unwrap()
        .into_inner()
        .entries;
    let printed: Vec<_> = trail.iter().filter(|e| e.call == "PrintPlan").collect();
    assert_eq!(printed.len(), 3, "each page printed is in the trail: {trail:?}");
    assert!(!printed[0].results.is_empty(), "with the matches it showed");
    server.shutdown().await;
}

/// TwvOutreach over the cohort lists the same employers as the nightly batch's summary
/// (one tally, one engine path); nothing needs a store.
#[tokio::test]
async fn twv_outreach_for_a_caseload_is_the_batch_summarys_list() {
    let server = TestServer::start(Limits::default()).await;
    let cohort: Vec<Participant> = opstap_fixtures::COHORT
        .iter()
        .map(|(_, json)| parse_participant(json, Taxonomy::embedded()).unwrap())
        .collect();
    let messages: Vec<pb::TwvOutreachRequest> = cohort
        .iter()
        .map(|p| pb::TwvOutreachRequest { participant: Some(participant_to_pb(p.clone())) })
        .collect();
    let reply = server
        .casework()
        .twv_outreach(authed(tokio_stream::iter(messages), CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(reply.participants, 20);
    assert!(!reply.employers.is_empty(), "the cohort has fitting matches waiting on a TWV stance");

    // The batch over the same people (top 20, its default) on the same index and day.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cohort.jsonl");
    let lines: Vec<String> = cohort.iter().map(|p| serde_json::to_string(p).unwrap()).collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let matcher = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today());
    let report = opstap_batch::run(
        &server.index,
        &matcher,
        &input,
        &dir.path().join("out"),
        &opstap_batch::BatchOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let batch: Vec<(String, u32, u32, Vec<String>)> = report
        .summary
        .twv_outreach
        .iter()
        .map(|o| {
            (
                o.employer_id.clone(),
                o.people as u32,
                o.fitting_matches as u32,
                o.vacancy_ids.clone(),
            )
        })
        .collect();
    let rpc: Vec<(String, u32, u32, Vec<String>)> = reply
        .employers
        .iter()
        .map(|o| (o.employer_id.clone(), o.people, o.fitting_matches, o.vacancy_ids.clone()))
        .collect();
    assert_eq!(rpc, batch);

    // A bad profile in the stream names its place.
    let mut bad = participant_to_pb(cohort[0].clone());
    bad.certificates = vec!["VCA_NOPE".into()];
    let e = server
        .casework()
        .twv_outreach(authed(
            tokio_stream::iter([
                pb::TwvOutreachRequest { participant: Some(participant_to_pb(cohort[1].clone())) },
                pb::TwvOutreachRequest { participant: Some(bad) },
            ]),
            CASEWORKER,
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert_eq!(violations(&e), ["participant[1].certificates[0]"]);
    server.shutdown().await;
}
