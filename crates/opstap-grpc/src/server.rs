//! `serve`: the gRPC server on a listener, with health, reflection, token roles,
//! optional TLS, and a graceful shutdown that drains calls in flight.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use opstap_proto::v1::casework_service_server::CaseworkServiceServer;
use opstap_proto::v1::match_service_server::MatchServiceServer;
use opstap_proto::v1::vacancy_service_server::VacancyServiceServer;
use tokio::net::TcpListener;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Identity, Server, ServerTlsConfig};

use crate::auth::{AuthLayer, Tokens};
use crate::casework::CaseworkApi;
use crate::config::Transport;
use crate::metrics::StatusLayer;
use crate::service::{Engine, MatchApi, VacancyApi};
use crate::watchers::WatchLimitLayer;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("TLS: {0}")]
    Tls(tonic::transport::Error),
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("server: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// How the server authenticates callers and itself.
#[derive(Debug, Clone, Default)]
pub struct Security {
    pub tokens: Tokens,
    /// The server's certificate and key (PEM); `None` = plaintext.
    pub tls: Option<Identity>,
}

/// Serves until `shutdown` completes, then stops accepting, reports NOT_SERVING and lets
/// the calls in flight finish before returning.
pub async fn serve(
    listener: TcpListener,
    engine: Arc<Engine>,
    security: Security,
    transport: Transport,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), ServeError> {
    let (health, health_service) = tonic_health::server::health_reporter();
    // The engine holds an open index: serving from here on.
    health.set_serving::<MatchServiceServer<MatchApi>>().await;
    health.set_serving::<VacancyServiceServer<VacancyApi>>().await;
    health.set_serving::<CaseworkServiceServer<CaseworkApi>>().await;

    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(opstap_proto::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
    };
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    let max = engine.limits().max_message_bytes;
    let watchers = engine.limits().max_health_watchers;
    let matches = MatchServiceServer::new(MatchApi(engine.clone())).max_decoding_message_size(max);
    let status = StatusLayer(engine.clone());
    let casework =
        CaseworkServiceServer::new(CaseworkApi(engine.clone())).max_decoding_message_size(max);
    let vacancies = VacancyServiceServer::new(VacancyApi(engine)).max_decoding_message_size(max);

    let secs = Duration::from_secs_f64;
    let mut builder = Server::builder()
        .http2_keepalive_interval(Some(secs(transport.keepalive_interval_secs)))
        .http2_keepalive_timeout(Some(secs(transport.keepalive_timeout_secs)))
        .tcp_keepalive(Some(secs(transport.tcp_keepalive_secs)))
        .max_connection_age(secs(transport.max_connection_age_secs))
        .max_connection_age_grace(secs(transport.max_connection_age_grace_secs))
        .max_concurrent_streams(transport.max_concurrent_streams);
    if let Some(identity) = security.tls {
        builder = builder
            .tls_config(ServerTlsConfig::new().identity(identity))
            .map_err(ServeError::Tls)?;
    }
    let reporter = health.clone();
    let draining = Arc::new(tokio::sync::Notify::new());
    let started = draining.clone();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: draining calls in flight");
        reporter.set_not_serving::<MatchServiceServer<MatchApi>>().await;
        reporter.set_not_serving::<VacancyServiceServer<VacancyApi>>().await;
        reporter.set_not_serving::<CaseworkServiceServer<CaseworkApi>>().await;
        started.notify_one();
    };
    let server = builder
        .layer(status)
        .layer(WatchLimitLayer::new(watchers))
        .layer(AuthLayer::new(security.tokens))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(matches)
        .add_service(vacancies)
        .add_service(casework)
        .serve_with_incoming_shutdown(
            // No Nagle: a response written in pieces must not wait for the client's
            // delayed ACK (40 ms per call on Linux loopback otherwise).
            TcpIncoming::from(listener)
                .with_nodelay(Some(true))
                .with_keepalive(Some(secs(transport.tcp_keepalive_secs))),
            shutdown,
        );
    // Streams that never end by themselves (a health Watch, an idle StreamMatches) must
    // not hold a stopping server: after `drain_secs` it stops with them open.
    let drain = secs(transport.drain_secs);
    tokio::select! {
        result = server => result?,
        () = async {
            draining.notified().await;
            tokio::time::sleep(drain).await;
        } => tracing::warn!(drain_secs = drain.as_secs_f64(), "streams still open after the drain time; stopped anyway"),
    }
    tracing::info!("stopped");
    Ok(())
}
