//! The test server and helpers shared by the gRPC test binaries.

#![allow(dead_code, unused_imports)]

pub(crate) use std::sync::Arc;
pub(crate) use std::time::Duration;

pub(crate) use opstap_core::validate::parse_participant;
pub(crate) use opstap_core::{Date, MatchConfig, Matcher, Participant, Taxonomy};
pub(crate) use opstap_grpc::convert::{participant_to_pb, vacancy_to_pb};
pub(crate) use opstap_grpc::{Engine, Limits, Role, Security, Tokens, serve};
pub(crate) use opstap_index::{IngestOptions, RankOptions, VacancyIndex};
pub(crate) use opstap_proto::v1 as pb;
pub(crate) use pb::casework_service_client::CaseworkServiceClient;
pub(crate) use pb::match_service_client::MatchServiceClient;
pub(crate) use pb::vacancy_service_client::VacancyServiceClient;
pub(crate) use tokio::sync::oneshot;
pub(crate) use tonic::transport::Channel;
pub(crate) use tonic::{Code, Request, Status};
pub(crate) use tonic_types::StatusExt;

pub(crate) const CASEWORKER: &str = "caseworker-token-0001";
pub(crate) const BATCH: &str = "batch-token-0000000001";
pub(crate) const ADMIN: &str = "admin-token-0000000001";
/// A second caseworker (named `caseworker-4`); the first is `caseworker-1`.
pub(crate) const CASEWORKER_2: &str = "caseworker-token-0002";

pub(crate) fn today() -> Date {
    Date::from_ymd(2026, 11, 27).unwrap()
}

pub(crate) fn fixture_index() -> VacancyIndex {
    let index = VacancyIndex::in_memory().unwrap();
    index
        .ingest_str("fixtures", opstap_fixtures::VACANCIES_JSONL, IngestOptions::default())
        .unwrap();
    index
}

pub(crate) fn member(slug: &str) -> Participant {
    parse_participant(opstap_fixtures::cohort_member(slug).unwrap(), Taxonomy::embedded()).unwrap()
}

pub(crate) struct TestServer {
    pub(crate) channel: Channel,
    pub(crate) index: Arc<VacancyIndex>,
    pub(crate) stop: Option<oneshot::Sender<()>>,
    pub(crate) task: tokio::task::JoinHandle<Result<(), opstap_grpc::ServeError>>,
}

impl TestServer {
    pub(crate) async fn start(limits: Limits) -> TestServer {
        TestServer::start_with(limits, Default::default()).await
    }

    pub(crate) async fn start_with(
        limits: Limits,
        transport: opstap_grpc::Transport,
    ) -> TestServer {
        TestServer::start_full(limits, transport, None).await
    }

    /// A server that keeps its records in an SQLite store at `store` (with a fixed key).
    pub(crate) async fn start_with_records(store: &std::path::Path) -> TestServer {
        TestServer::start_with_store(opstap_store::Store::open(store.to_str().unwrap()).unwrap())
            .await
    }

    pub(crate) async fn start_with_store(store: opstap_store::Store) -> TestServer {
        let records = opstap_grpc::casework::Records {
            store,
            pseudonyms: opstap_store::Pseudonymizer::new([7; 32]),
        };
        TestServer::start_full(Limits::default(), Default::default(), Some(records)).await
    }

    pub(crate) async fn start_full(
        limits: Limits,
        transport: opstap_grpc::Transport,
        records: Option<opstap_grpc::casework::Records>,
    ) -> TestServer {
        let index = Arc::new(fixture_index());
        let mut engine = Engine::new(index.clone(), MatchConfig::default(), Some(today()), limits);
        if let Some(r) = records {
            engine = engine.with_records(r);
        }
        let engine = Arc::new(engine);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let tokens = Tokens::unnamed(vec![
            (CASEWORKER.into(), Role::Caseworker),
            (BATCH.into(), Role::Batch),
            (ADMIN.into(), Role::Admin),
            (CASEWORKER_2.into(), Role::Caseworker),
        ])
        .unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(
            listener,
            engine,
            Security { tokens, tls: None },
            transport,
            async {
                let _ = stopped.await;
            },
        ));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        TestServer { channel, index, stop: Some(stop), task }
    }

    pub(crate) fn matches(&self) -> MatchServiceClient<Channel> {
        MatchServiceClient::new(self.channel.clone())
    }

    pub(crate) fn vacancies(&self) -> VacancyServiceClient<Channel> {
        VacancyServiceClient::new(self.channel.clone())
    }

    pub(crate) fn casework(&self) -> CaseworkServiceClient<Channel> {
        CaseworkServiceClient::new(self.channel.clone())
    }

    pub(crate) async fn shutdown(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        self.task.await.unwrap().unwrap();
    }
}

pub(crate) fn authed<T>(message: T, token: &str) -> Request<T> {
    let mut r = Request::new(message);
    r.metadata_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
    r
}

pub(crate) fn match_request(p: &Participant, page_size: u32) -> pb::MatchVacanciesRequest {
    pb::MatchVacanciesRequest {
        participant: Some(participant_to_pb(p.clone())),
        page_size,
        ..Default::default()
    }
}

pub(crate) fn violations(status: &Status) -> Vec<String> {
    status
        .get_details_bad_request()
        .map(|b| b.field_violations.into_iter().map(|v| v.field).collect())
        .unwrap_or_default()
}

pub(crate) fn ids_and_scores(r: &pb::MatchVacanciesResponse) -> Vec<(String, f64)> {
    r.matches
        .iter()
        .map(|m| (m.vacancy.as_ref().unwrap().id.clone(), m.explanation.as_ref().unwrap().score))
        .collect()
}

pub(crate) fn upsert_stream(
    chunks: Vec<Vec<pb::Vacancy>>,
) -> impl tokio_stream::Stream<Item = pb::UpsertVacanciesRequest> {
    tokio_stream::iter(chunks.into_iter().map(|vacancies| pb::UpsertVacanciesRequest { vacancies }))
}

pub(crate) fn new_vacancy(id: &str) -> pb::Vacancy {
    let mut v = opstap_synth::Generator::new().vacancy(99, 0, today());
    v.id = id.into();
    vacancy_to_pb(v)
}
