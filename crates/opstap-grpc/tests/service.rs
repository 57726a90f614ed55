//! The server in-process on a port-0 listener, called through the generated clients:
//! every RPC, every error code the handlers return, the roles, a deadline, malformed
//! requests, shutdown with a call in flight, and readers during a writer.

use std::sync::Arc;
use std::time::Duration;

use opstap_core::validate::parse_participant;
use opstap_core::{Date, MatchConfig, Matcher, Participant, Taxonomy};
use opstap_grpc::convert::{participant_to_pb, vacancy_to_pb};
use opstap_grpc::{Engine, Limits, Role, Security, Tokens, serve};
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};
use opstap_proto::v1 as pb;
use pb::match_service_client::MatchServiceClient;
use pb::vacancy_service_client::VacancyServiceClient;
use tokio::sync::oneshot;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

const CASEWORKER: &str = "cw-token";
const BATCH: &str = "batch-token";
const ADMIN: &str = "admin-token";

fn today() -> Date {
    Date::from_ymd(2026, 11, 27).unwrap()
}

fn fixture_index() -> VacancyIndex {
    let index = VacancyIndex::in_memory().unwrap();
    index
        .ingest_str("fixtures", opstap_fixtures::VACANCIES_JSONL, IngestOptions::default())
        .unwrap();
    index
}

fn member(slug: &str) -> Participant {
    parse_participant(opstap_fixtures::cohort_member(slug).unwrap(), Taxonomy::embedded()).unwrap()
}

struct TestServer {
    channel: Channel,
    index: Arc<VacancyIndex>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), opstap_grpc::ServeError>>,
}

impl TestServer {
    async fn start(limits: Limits) -> TestServer {
        let index = Arc::new(fixture_index());
        let engine =
            Arc::new(Engine::new(index.clone(), MatchConfig::default(), Some(today()), limits));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let tokens = Tokens::new(vec![
            (CASEWORKER.into(), Role::Caseworker),
            (BATCH.into(), Role::Batch),
            (ADMIN.into(), Role::Admin),
        ]);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, engine, Security { tokens, tls: None }, async {
            let _ = stopped.await;
        }));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        TestServer { channel, index, stop: Some(stop), task }
    }

    fn matches(&self) -> MatchServiceClient<Channel> {
        MatchServiceClient::new(self.channel.clone())
    }

    fn vacancies(&self) -> VacancyServiceClient<Channel> {
        VacancyServiceClient::new(self.channel.clone())
    }

    async fn shutdown(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        self.task.await.unwrap().unwrap();
    }
}

fn authed<T>(message: T, token: &str) -> Request<T> {
    let mut r = Request::new(message);
    r.metadata_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
    r
}

fn match_request(p: &Participant, page_size: u32) -> pb::MatchVacanciesRequest {
    pb::MatchVacanciesRequest {
        participant: Some(participant_to_pb(p.clone())),
        page_size,
        ..Default::default()
    }
}

fn violations(status: &Status) -> Vec<String> {
    status
        .get_details_bad_request()
        .map(|b| b.field_violations.into_iter().map(|v| v.field).collect())
        .unwrap_or_default()
}

fn ids_and_scores(r: &pb::MatchVacanciesResponse) -> Vec<(String, f64)> {
    r.matches
        .iter()
        .map(|m| (m.vacancy.as_ref().unwrap().id.clone(), m.explanation.as_ref().unwrap().score))
        .collect()
}

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
    let request = pb::PlanStepsRequest {
        participant: Some(participant_to_pb(member("p-04"))),
        filter: None,
        locale: "nl".into(),
    };
    let plan = server
        .matches()
        .plan_steps(authed(request, CASEWORKER))
        .await
        .unwrap()
        .into_inner()
        .plan
        .unwrap();
    assert!(plan.near_misses > 0);
    let best = &plan.options[0];
    assert!(best.unlocks_fitting > 0);
    assert!(!best.reason.as_ref().unwrap().text.is_empty());
    assert!(plan.options.iter().flat_map(|o| &o.steps).any(|s| s.target == "VCA_BASIS"));
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

fn upsert_stream(
    chunks: Vec<Vec<pb::Vacancy>>,
) -> impl tokio_stream::Stream<Item = pb::UpsertVacanciesRequest> {
    tokio_stream::iter(chunks.into_iter().map(|vacancies| pb::UpsertVacanciesRequest { vacancies }))
}

fn new_vacancy(id: &str) -> pb::Vacancy {
    let mut v = opstap_synth::Generator::new().vacancy(99, 0, today());
    v.id = id.into();
    vacancy_to_pb(v)
}

#[tokio::test]
async fn vacancy_service_upserts_gets_and_deletes() {
    let server = TestServer::start(Limits::default()).await;
    let mut client = server.vacancies();
    let before = client
        .get_index_stats(authed(pb::GetIndexStatsRequest {}, CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(before.vacancies, 400);
    assert_eq!(before.format_version, opstap_index::FORMAT_VERSION);

    let chunks = vec![vec![new_vacancy("v-new-1")], vec![new_vacancy("v-new-2")]];
    let reply = client.upsert_vacancies(authed(upsert_stream(chunks), ADMIN)).await.unwrap();
    assert_eq!(reply.get_ref().upserted, 2);
    assert_eq!(reply.get_ref().vacancies, 402);
    let got = client
        .get_vacancy(authed(pb::GetVacancyRequest { id: "v-new-2".into() }, CASEWORKER))
        .await
        .unwrap()
        .into_inner()
        .vacancy
        .unwrap();
    assert_eq!(got, new_vacancy("v-new-2"));

    // One invalid vacancy rejects the call, named by its place in the whole stream.
    let mut bad = new_vacancy("v-bad");
    bad.requirements.as_mut().unwrap().certificates = vec!["VCA_NOPE".into()];
    let chunks = vec![vec![new_vacancy("v-new-3")], vec![bad]];
    let e = client.upsert_vacancies(authed(upsert_stream(chunks), ADMIN)).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert_eq!(violations(&e), ["vacancies[1].requirements.certificates[0]"]);
    assert!(!server.index.contains("v-new-3").unwrap(), "nothing of a rejected call is written");

    let deleted = client
        .delete_vacancies(authed(
            pb::DeleteVacanciesRequest { ids: vec!["v-new-1".into(), "v-never".into()] },
            ADMIN,
        ))
        .await
        .unwrap();
    assert_eq!(deleted.get_ref().deleted, 1);
    let e = client
        .get_vacancy(authed(pb::GetVacancyRequest { id: "v-new-1".into() }, CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    let e = client
        .delete_vacancies(authed(pb::DeleteVacanciesRequest { ids: vec![" ".into()] }, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(violations(&e), ["ids[0]"]);
    server.shutdown().await;
}

#[tokio::test]
async fn roles_and_tokens() {
    let server = TestServer::start(Limits::default()).await;
    let p = member("p-04");
    let mut matches = server.matches();
    let mut vacancies = server.vacancies();
    let no_token = matches.match_vacancies(Request::new(match_request(&p, 1))).await.unwrap_err();
    assert_eq!(no_token.code(), Code::Unauthenticated);
    let wrong = matches.match_vacancies(authed(match_request(&p, 1), "guess")).await.unwrap_err();
    assert_eq!(wrong.code(), Code::Unauthenticated);
    for token in [CASEWORKER, BATCH, ADMIN] {
        assert!(matches.match_vacancies(authed(match_request(&p, 1), token)).await.is_ok());
        assert!(
            vacancies.get_index_stats(authed(pb::GetIndexStatsRequest {}, token)).await.is_ok()
        );
    }
    for token in [CASEWORKER, BATCH] {
        let e = vacancies
            .delete_vacancies(authed(pb::DeleteVacanciesRequest { ids: vec!["x".into()] }, token))
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::PermissionDenied, "{token}");
        let e = vacancies.upsert_vacancies(authed(upsert_stream(vec![]), token)).await.unwrap_err();
        assert_eq!(e.code(), Code::PermissionDenied, "{token}");
    }
    // Health needs no token.
    let mut health = tonic_health::pb::health_client::HealthClient::new(server.channel.clone());
    let status = health
        .check(tonic_health::pb::HealthCheckRequest { service: "opstap.v1.MatchService".into() })
        .await
        .unwrap()
        .into_inner()
        .status;
    assert_eq!(status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    server.shutdown().await;
}

#[tokio::test]
async fn bad_requests_get_invalid_argument_with_the_field() {
    let limits = Limits { max_k: 20, max_message_bytes: 64 * 1024, ..Limits::default() };
    let server = TestServer::start(limits).await;
    let mut client = server.matches();
    let p = member("p-04");
    let cases: Vec<(pb::MatchVacanciesRequest, &str)> = vec![
        (pb::MatchVacanciesRequest::default(), "participant"),
        (match_request(&p, 21), "page_size"),
        (
            {
                let mut r = match_request(&p, 10);
                r.offset = 15;
                r
            },
            "offset",
        ),
        (
            {
                let mut r = match_request(&p, 1);
                r.locale = "fr".into();
                r
            },
            "locale",
        ),
        (
            {
                let mut r = match_request(&p, 1);
                r.participant.as_mut().unwrap().certificates = vec!["VCA_NOPE".into()];
                r
            },
            "participant.certificates[0]",
        ),
        (
            {
                let mut r = match_request(&p, 1);
                r.participant.as_mut().unwrap().driving_licences = vec![77];
                r
            },
            "participant.driving_licences[0]",
        ),
        (
            {
                let mut r = match_request(&p, 1);
                r.filter = Some(pb::MatchFilter {
                    sectors: vec!["Logistics!".into()],
                    max_distance_km: None,
                });
                r
            },
            "filter.sectors[0]",
        ),
    ];
    for (request, field) in cases {
        let e = client.match_vacancies(authed(request, CASEWORKER)).await.unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{field}: {e:?}");
        assert_eq!(violations(&e), [field]);
    }
    // Larger than the maximum message size.
    let mut huge = match_request(&p, 1);
    huge.participant.as_mut().unwrap().skills = vec!["x".repeat(1000); 100];
    let e = client.match_vacancies(authed(huge, CASEWORKER)).await.unwrap_err();
    assert_eq!(e.code(), Code::OutOfRange, "{e:?}");
    server.shutdown().await;
}

/// Bytes that are not a protobuf message, sent with a raw codec.
#[tokio::test]
async fn undecodable_bytes_are_refused_and_the_server_goes_on() {
    #[derive(Default, Clone)]
    struct RawCodec;
    struct RawEncoder;
    struct RawDecoder;
    impl tonic::codec::Encoder for RawEncoder {
        type Item = Vec<u8>;
        type Error = Status;
        fn encode(
            &mut self,
            item: Vec<u8>,
            dst: &mut tonic::codec::EncodeBuf<'_>,
        ) -> Result<(), Status> {
            bytes::BufMut::put_slice(dst, &item);
            Ok(())
        }
    }
    impl tonic::codec::Decoder for RawDecoder {
        type Item = Vec<u8>;
        type Error = Status;
        fn decode(
            &mut self,
            src: &mut tonic::codec::DecodeBuf<'_>,
        ) -> Result<Option<Vec<u8>>, Status> {
            let n = bytes::Buf::remaining(src);
            Ok(Some(bytes::Buf::copy_to_bytes(src, n).to_vec()))
        }
    }
    impl tonic::codec::Codec for RawCodec {
        type Encode = Vec<u8>;
        type Decode = Vec<u8>;
        type Encoder = RawEncoder;
        type Decoder = RawDecoder;
        fn encoder(&mut self) -> RawEncoder {
            RawEncoder
        }
        fn decoder(&mut self) -> RawDecoder {
            RawDecoder
        }
    }
    let server = TestServer::start(Limits::default()).await;
    let mut grpc = tonic::client::Grpc::new(server.channel.clone());
    grpc.ready().await.unwrap();
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(
        "/opstap.v1.MatchService/MatchVacancies",
    );
    let e = grpc
        .unary(authed(vec![0xff, 0xff, 0xff, 0xff], CASEWORKER), path, RawCodec)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::Internal, "{e:?}");
    assert!(e.message().contains("decode"), "{e:?}");
    // Still serving.
    let p = member("p-04");
    assert!(
        server.matches().match_vacancies(authed(match_request(&p, 1), CASEWORKER)).await.is_ok()
    );
    server.shutdown().await;
}

/// The server's own deadline (the default for calls that set none; a call's
/// `grpc-timeout` can only shorten it) answers DEADLINE_EXCEEDED, for every RPC.
#[tokio::test]
async fn a_passed_deadline_is_deadline_exceeded() {
    let limits = Limits { default_timeout: Duration::from_nanos(1), ..Limits::default() };
    let server = TestServer::start(limits).await;
    let p = member("p-04");
    let e = server.matches().match_vacancies(authed(match_request(&p, 5), CASEWORKER)).await;
    assert_eq!(e.unwrap_err().code(), Code::DeadlineExceeded);
    let plan =
        pb::PlanStepsRequest { participant: Some(participant_to_pb(p)), ..Default::default() };
    let e = server.matches().plan_steps(authed(plan, CASEWORKER)).await;
    assert_eq!(e.unwrap_err().code(), Code::DeadlineExceeded);
    let get = pb::GetVacancyRequest { id: "v-000001".into() };
    let e = server.vacancies().get_vacancy(authed(get, CASEWORKER)).await;
    assert_eq!(e.unwrap_err().code(), Code::DeadlineExceeded);
    server.shutdown().await;
}

#[tokio::test]
async fn shutdown_lets_a_call_in_flight_finish() {
    let server = TestServer::start(Limits::default()).await;
    let (chunks, stream) = tokio::sync::mpsc::channel::<pb::UpsertVacanciesRequest>(4);
    let mut client = server.vacancies();
    let call = tokio::spawn(async move {
        client
            .upsert_vacancies(authed(tokio_stream::wrappers::ReceiverStream::new(stream), ADMIN))
            .await
    });
    chunks.send(pb::UpsertVacanciesRequest { vacancies: vec![new_vacancy("v-a")] }).await.unwrap();
    // A unary call on the same connection completes only after the stream's headers
    // were read, so the upsert is in flight on the server from here on.
    server
        .vacancies()
        .get_index_stats(authed(pb::GetIndexStatsRequest {}, CASEWORKER))
        .await
        .unwrap();
    let TestServer { stop, task, index, .. } = server;
    stop.unwrap().send(()).unwrap();
    chunks.send(pb::UpsertVacanciesRequest { vacancies: vec![new_vacancy("v-b")] }).await.unwrap();
    drop(chunks);
    let reply = call.await.unwrap().unwrap().into_inner();
    assert_eq!(reply.upserted, 2);
    task.await.unwrap().unwrap();
    assert!(index.contains("v-a").unwrap() && index.contains("v-b").unwrap());
}

#[tokio::test]
async fn readers_during_a_writer_see_one_snapshot() {
    let server = TestServer::start(Limits::default()).await;
    let p = member("p-12");
    let ask = |mut client: MatchServiceClient<Channel>| {
        let p = p.clone();
        async move {
            let mut r = match_request(&p, 20);
            r.count_eligible = true;
            let reply = client.match_vacancies(authed(r, CASEWORKER)).await.unwrap().into_inner();
            (ids_and_scores(&reply), reply.eligible)
        }
    };
    // Explain and Get of one vacancy, each one call (so each must see one commit).
    let explain_one = |mut client: MatchServiceClient<Channel>, id: String| {
        let p = p.clone();
        async move {
            let r = pb::ExplainMatchRequest {
                participant: Some(participant_to_pb(p)),
                vacancy_id: id,
                locale: "en".into(),
            };
            let e = client.explain_match(authed(r, CASEWORKER)).await.unwrap().into_inner();
            let explanation = e.explanation.unwrap();
            (e.rank, explanation.score, explanation.requirements.len())
        }
    };
    let get_one = |mut client: VacancyServiceClient<Channel>, id: String| async move {
        let r = pb::GetVacancyRequest { id };
        let v = client.get_vacancy(authed(r, CASEWORKER)).await.unwrap().into_inner();
        v.vacancy.unwrap().employer.map(|e| e.twv)
    };
    let before = ask(server.matches()).await;
    let watched = before.0[0].0.clone();
    let explained_before = explain_one(server.matches(), watched.clone()).await;
    let got_before = get_one(server.vacancies(), watched.clone()).await;
    // Replace every vacancy's TWV stance and add 300 new ones in one commit.
    let generator = opstap_synth::Generator::new();
    let mut replacement: Vec<pb::Vacancy> = server
        .index
        .compiled_vacancies()
        .unwrap()
        .iter()
        .map(|v| {
            let mut full = server.index.get(&v.id).unwrap().unwrap();
            full.employer
                .get_or_insert(opstap_core::model::Employer { id: None, name: None, twv: None })
                .twv = Some(opstap_core::model::TwvStance::Experienced);
            vacancy_to_pb(full)
        })
        .collect();
    replacement.extend((0..300).map(|i| {
        let mut v = generator.vacancy(5, i, today());
        v.id = format!("v-extra-{i}");
        vacancy_to_pb(v)
    }));
    let mut admin = server.vacancies();
    let writer = tokio::spawn(async move {
        admin.upsert_vacancies(authed(upsert_stream(vec![replacement]), ADMIN)).await.unwrap()
    });
    let (mut seen, mut explained, mut got) = (Vec::new(), Vec::new(), Vec::new());
    // At least one round of reads, more while the writer runs.
    loop {
        let done = writer.is_finished();
        seen.push(ask(server.matches()).await);
        explained.push(explain_one(server.matches(), watched.clone()).await);
        got.push(get_one(server.vacancies(), watched.clone()).await);
        if done {
            break;
        }
    }
    writer.await.unwrap();
    let after = ask(server.matches()).await;
    let explained_after = explain_one(server.matches(), watched.clone()).await;
    let got_after = get_one(server.vacancies(), watched.clone()).await;
    assert_ne!(before, after, "the write changes the ranking");
    assert_ne!(got_before, got_after, "the write changes the stored vacancy");
    for s in seen {
        assert!(s == before || s == after, "a Match saw a state between two commits");
    }
    for e in explained {
        assert!(e == explained_before || e == explained_after, "an Explain saw a mixed state");
    }
    for g in got {
        assert!(g == got_before || g == got_after, "a Get saw a mixed state");
    }
    server.shutdown().await;
}

/// With a certificate and key the server speaks TLS; a client that trusts the
/// certificate gets answers.
#[tokio::test]
async fn tls_from_a_certificate_and_key() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert_pem = certified.cert.pem();
    let key_pem = certified.signing_key.serialize_pem();
    let index = Arc::new(fixture_index());
    let engine =
        Arc::new(Engine::new(index, MatchConfig::default(), Some(today()), Limits::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let security = Security {
        tokens: Tokens::new(vec![(CASEWORKER.into(), Role::Caseworker)]),
        tls: Some(tonic::transport::Identity::from_pem(&cert_pem, &key_pem)),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, engine, security, async {
        let _ = stopped.await;
    }));
    let tls = tonic::transport::ClientTlsConfig::new()
        .ca_certificate(tonic::transport::Certificate::from_pem(&cert_pem))
        .domain_name("localhost");
    let channel = tonic::transport::Endpoint::from_shared(format!("https://localhost:{port}"))
        .unwrap()
        .tls_config(tls)
        .unwrap()
        .connect()
        .await
        .unwrap();
    let stats = VacancyServiceClient::new(channel)
        .get_index_stats(authed(pb::GetIndexStatsRequest {}, CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(stats.vacancies, 400);
    // A plaintext client gets no answer from a TLS server.
    let plain = tonic::transport::Endpoint::from_shared(format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect()
        .await;
    if let Ok(channel) = plain {
        let r = VacancyServiceClient::new(channel)
            .get_index_stats(authed(pb::GetIndexStatsRequest {}, CASEWORKER))
            .await;
        assert!(r.is_err());
    }
    stop.send(()).unwrap();
    task.await.unwrap().unwrap();
}
