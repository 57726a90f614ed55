//! Roles and tokens, malformed requests and bytes, deadlines, shutdown with a call in
//! flight, and TLS.

mod support;

#[allow(unused_imports)]
use support::*;

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
                r.locale = "de".into();
                r
            },
            "locale",
        ),
        (
            {
                let mut r = match_request(&p, 1);
                r.voice = "official".into();
                r
            },
            "voice",
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
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
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
    // A client error, not a server fault.
    assert_eq!(e.code(), Code::InvalidArgument, "{e:?}");
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
        tokens: Tokens::unnamed(vec![(CASEWORKER.into(), Role::Caseworker)]).unwrap(),
        tls: Some(tonic::transport::Identity::from_pem(&cert_pem, &key_pem)),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, engine, security, Default::default(), async {
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

/// Health `Watch` streams need no token; beyond the cap one more is refused, and a
/// stream that ends frees its place.
#[tokio::test]
async fn health_watchers_are_capped() {
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_client::HealthClient;
    let server = TestServer::start(Limits { max_health_watchers: 2, ..Limits::default() }).await;
    let mut health = HealthClient::new(server.channel.clone());
    let watch = || HealthCheckRequest { service: String::new() };
    let first = health.watch(watch()).await.unwrap().into_inner();
    let mut second = health.watch(watch()).await.unwrap().into_inner();
    assert!(second.message().await.unwrap().is_some(), "an open watch gets the status");
    let e = health.watch(watch()).await.unwrap_err();
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(e.message().contains("2 health watch streams"), "{e:?}");
    // Check is not a watch: still answered.
    assert!(health.check(watch()).await.is_ok());
    drop(first);
    // The server sees the stream end once the client resets it.
    let mut reopened = None;
    for _ in 0..100 {
        match health.watch(watch()).await {
            Ok(s) => {
                reopened = Some(s);
                break;
            }
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
        }
    }
    assert!(reopened.is_some(), "a closed watch frees its place");
    drop((second, reopened));
    server.shutdown().await;
}

/// A health Watch stream left open does not keep a stopping server from stopping: after
/// the drain time it stops anyway.
#[tokio::test]
async fn an_open_watch_does_not_hold_a_stopping_server() {
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_client::HealthClient;
    let transport = opstap_grpc::Transport { drain_secs: 0.2, ..Default::default() };
    let server = TestServer::start_with(Limits::default(), transport).await;
    let mut health = HealthClient::new(server.channel.clone());
    let mut watch =
        health.watch(HealthCheckRequest { service: String::new() }).await.unwrap().into_inner();
    assert!(watch.message().await.unwrap().is_some());
    // Returns (the test would hang otherwise) while `watch` is still open.
    server.shutdown().await;
    drop(watch);
}
