//! The matching RPCs in-process on a port-0 listener, called through the generated
//! clients: match, filters, explain, plan and the stream.

mod support;

#[allow(unused_imports)]
use support::*;

#[tokio::test]
async fn match_vacancies_returns_what_the_index_ranks() {
    let server = TestServer::start(Limits::default()).await;
    let technician = member("p-04");
    let mut client = server.matches();
    let mut request = match_request(&technician, 8);
    request.count_eligible = true;
    request.include_plan = true;
    request.locale = "en".into();
    let reply = client.match_vacancies(authed(request, CASEWORKER)).await.unwrap().into_inner();

    let matcher = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today());
    let expected =
        server.index.match_participant(&matcher, &technician, 8, RankOptions::FULL).unwrap();
    assert_eq!(reply.participant_id, technician.id);
    assert_eq!(reply.eligible, expected.eligible.map(|n| n as u64));
    let want: Vec<(String, f64)> =
        expected.matches.iter().map(|m| (m.vacancy.id.clone(), m.explanation.score)).collect();
    assert_eq!(ids_and_scores(&reply), want);
    let first = reply.matches[0].explanation.as_ref().unwrap();
    assert_eq!(first.class, pb::MatchClass::Eligible as i32);
    assert!(!first.requirements.is_empty());
    assert!(first.reasons.iter().all(|r| !r.text.is_empty() && !r.code.is_empty()));
    assert_eq!(first.components.len(), 7);
    assert!(first.self_development.as_ref().is_some_and(|s| !s.signals.is_empty()));
    let plan = reply.plan.unwrap();
    assert!(plan.options.iter().flat_map(|o| &o.steps).any(|s| s.target == "VCA_BASIS"));
    assert_eq!(reply.next_offset, Some(8));

    // Page 2 continues page 1.
    let mut page2 = match_request(&technician, 4);
    page2.offset = 4;
    let page2 = client.match_vacancies(authed(page2, CASEWORKER)).await.unwrap().into_inner();
    assert_eq!(ids_and_scores(&page2), want[4..8].to_vec());
    assert_eq!(page2.matches[0].rank, 5);

    // Reasons come in the requested language.
    let mut nl = match_request(&technician, 1);
    nl.locale = "nl".into();
    let nl = client.match_vacancies(authed(nl, CASEWORKER)).await.unwrap().into_inner();
    let text = |r: &pb::MatchVacanciesResponse| {
        r.matches[0].explanation.as_ref().unwrap().reasons[0].text.clone()
    };
    assert_ne!(text(&nl), text(&reply_first_en(&mut client, &technician).await));
    server.shutdown().await;
}

async fn reply_first_en(
    client: &mut MatchServiceClient<Channel>,
    p: &Participant,
) -> pb::MatchVacanciesResponse {
    let mut r = match_request(p, 1);
    r.locale = "en".into();
    client.match_vacancies(authed(r, CASEWORKER)).await.unwrap().into_inner()
}

#[tokio::test]
async fn filters_narrow_the_vacancies() {
    let server = TestServer::start(Limits::default()).await;
    let mut client = server.matches();
    let p = member("p-12");
    let mut request = match_request(&p, 20);
    request.filter =
        Some(pb::MatchFilter { sectors: vec!["logistics".into()], max_distance_km: None });
    let reply = client.match_vacancies(authed(request, CASEWORKER)).await.unwrap().into_inner();
    assert!(!reply.matches.is_empty());
    for m in &reply.matches {
        assert_eq!(m.vacancy.as_ref().unwrap().sector.as_deref(), Some("logistics"));
    }
    // A distance filter needs the participant's location.
    let mut nowhere = p.clone();
    nowhere.location = None;
    let mut request = match_request(&nowhere, 5);
    request.filter = Some(pb::MatchFilter { sectors: vec![], max_distance_km: Some(5.0) });
    let e = client.match_vacancies(authed(request, CASEWORKER)).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert_eq!(violations(&e), ["filter.max_distance_km"]);
    server.shutdown().await;
}

#[tokio::test]
async fn explain_match_says_why_and_why_not() {
    let server = TestServer::start(Limits::default()).await;
    let mut client = server.matches();
    let psychologist = member("p-02");
    let top = client
        .match_vacancies(authed(match_request(&psychologist, 1), CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    let top_id = top.matches[0].vacancy.as_ref().unwrap().id.clone();
    let explain = |id: &str| pb::ExplainMatchRequest {
        participant: Some(participant_to_pb(psychologist.clone())),
        vacancy_id: id.into(),
        locale: "en".into(),
        voice: String::new(),
    };
    let reply =
        client.explain_match(authed(explain(&top_id), CASEWORKER)).await.unwrap().into_inner();
    assert_eq!(reply.rank, 1);
    assert_eq!(reply.explanation.unwrap().class, pb::MatchClass::Eligible as i32);

    // A vacancy she cannot take: explained, with the blocking requirement and rank 0.
    let matcher = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today());
    let cp = matcher.compile_participant(&psychologist);
    let blocked = server
        .index
        .compiled_vacancies()
        .unwrap()
        .into_iter()
        .find(|v| matcher.classify(&cp, v) == opstap_core::MatchClass::Blocked)
        .unwrap();
    let reply =
        client.explain_match(authed(explain(&blocked.id), CASEWORKER)).await.unwrap().into_inner();
    assert_eq!(reply.rank, 0);
    let e = reply.explanation.unwrap();
    assert_eq!(e.class, pb::MatchClass::Blocked as i32);
    assert!(e.requirements.iter().any(|r| r.outcome == pb::Outcome::Blocking as i32));

    let missing = client.explain_match(authed(explain("v-nope"), CASEWORKER)).await.unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    assert!(missing.message().contains("v-nope"));
    let empty = client.explain_match(authed(explain(""), CASEWORKER)).await.unwrap_err();
    assert_eq!(violations(&empty), ["vacancy_id"]);
    server.shutdown().await;
}

#[tokio::test]
async fn plan_steps_names_the_course() {
    let server = TestServer::start(Limits::default()).await;
    let plan = plan_of(&server, participant_to_pb(member("p-04")), "nl").await.unwrap();
    assert!(plan.near_misses > 0);
    let best = &plan.options[0];
    assert!(best.unlocks_fitting > 0);
    assert!(!best.reason.as_ref().unwrap().text.is_empty());
    assert!(plan.options.iter().flat_map(|o| &o.steps).any(|s| s.target == "VCA_BASIS"));
    // Each option says when its steps are done and what they cost; each step its terms,
    // with their source, rendered.
    for o in plan.options.iter().chain(&plan.long_route) {
        assert_eq!(o.finish.len(), 10, "{}", o.finish);
        let cost = o.cost_eur.as_ref().unwrap();
        assert!(cost.min <= cost.max);
        for s in &o.steps {
            assert_ne!(s.form, pb::StepForm::Unspecified as i32);
            assert!(!s.source.is_empty() && !s.effort_source.is_empty());
            assert!(s.details.iter().all(|d| !d.text.is_empty()), "{:?}", s.details);
        }
    }
    assert!(!plan.long_route.is_empty(), "the technician has a long route: {plan:?}");
    assert!(plan.reasons.iter().any(|r| r.code == "PLAN_FLOW_WINDOW"));
    server.shutdown().await;
}

/// PlanSteps for one participant.
async fn plan_of(
    server: &TestServer,
    participant: pb::Participant,
    locale: &str,
) -> Result<pb::StepPlan, tonic::Status> {
    let request = pb::PlanStepsRequest {
        participant: Some(participant),
        filter: None,
        locale: locale.into(),
        voice: String::new(),
    };
    let reply = server.matches().plan_steps(authed(request, CASEWORKER)).await?;
    Ok(reply.into_inner().plan.expect("a plan"))
}

/// A dated certificate over gRPC: an expired BHV is not held, a valid one is.
#[tokio::test]
async fn an_expired_certificate_over_grpc_is_a_renewal_step() {
    let server = TestServer::start(Limits::default()).await;
    let mut p = participant_to_pb(member("p-04"));
    p.dated_certificates.push(pb::DatedCertificate {
        code: "BHV".into(),
        obtained: None,
        valid_until: Some("2000-01-01".into()),
    });
    let plan = plan_of(&server, p.clone(), "en").await.unwrap();
    let renewals: Vec<_> = plan
        .options
        .iter()
        .chain(&plan.long_route)
        .flat_map(|o| &o.steps)
        .filter(|s| s.renewal)
        .collect();
    assert!(!renewals.is_empty() && renewals.iter().all(|s| s.target == "BHV"), "{plan:?}");
    // A malformed date is refused with its field.
    p.dated_certificates[0].valid_until = Some("01-01-2000".into());
    let e = plan_of(&server, p, "en").await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::InvalidArgument);
    assert!(e.message().contains("dated_certificates[0].valid_until"), "{}", e.message());
    server.shutdown().await;
}

#[tokio::test]
async fn stream_matches_answers_each_request_in_order() {
    let server = TestServer::start(Limits::default()).await;
    let people: Vec<Participant> = ["p-01", "p-04", "p-12"].iter().map(|s| member(s)).collect();
    let mut requests: Vec<pb::StreamMatchesRequest> = people
        .iter()
        .map(|p| pb::StreamMatchesRequest {
            request_id: p.id.clone(),
            request: Some(match_request(p, 3)),
        })
        .collect();
    // One bad item in the middle: answered with its error, the stream goes on.
    let mut bad = match_request(&people[0], 3);
    bad.participant.as_mut().unwrap().languages[0].level = 0;
    requests.insert(1, pb::StreamMatchesRequest { request_id: "bad".into(), request: Some(bad) });
    let mut client = server.matches();
    let mut stream = client
        .stream_matches(authed(tokio_stream::iter(requests), BATCH))
        .await
        .unwrap()
        .into_inner();
    let mut answers = Vec::new();
    while let Some(item) = stream.message().await.unwrap() {
        answers.push(item);
    }
    let ids: Vec<&str> = answers.iter().map(|a| a.request_id.as_str()).collect();
    assert_eq!(ids, [people[0].id.as_str(), "bad", &people[1].id, &people[2].id]);
    match &answers[1].result {
        Some(pb::stream_matches_response::Result::Error(e)) => {
            assert_eq!(e.code, Code::InvalidArgument as i32);
            assert_eq!(e.field_violations[0].field, "participant.languages[0].level");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    match &answers[2].result {
        Some(pb::stream_matches_response::Result::Response(r)) => assert_eq!(r.matches.len(), 3),
        other => panic!("expected matches, got {other:?}"),
    }
    // Caseworkers may not stream.
    let e = client
        .stream_matches(authed(tokio_stream::iter(Vec::new()), CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::PermissionDenied);
    server.shutdown().await;
}
