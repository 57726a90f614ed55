//! Prometheus metrics: calls by method and status, latency histograms, the work queue,
//! shed calls, and the index (vacancies, segments, last commit). Served as text on an
//! optional address of its own (`metrics_address`), never on the gRPC port, and never
//! with a participant's data: the only labels are method names and status codes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::service::Engine;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 13] =
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// The methods counted by name; any other path counts as `other`, so a caller cannot
/// grow the label set.
const METHODS: [&str; 13] = [
    "/opstap.v1.MatchService/MatchVacancies",
    "/opstap.v1.MatchService/ExplainMatch",
    "/opstap.v1.MatchService/PlanSteps",
    "/opstap.v1.MatchService/StreamMatches",
    "/opstap.v1.MatchService/PrintPlan",
    "/opstap.v1.VacancyService/UpsertVacancies",
    "/opstap.v1.VacancyService/DeleteVacancies",
    "/opstap.v1.VacancyService/GetVacancy",
    "/opstap.v1.VacancyService/GetIndexStats",
    "/grpc.health.v1.Health/Check",
    "/grpc.health.v1.Health/Watch",
    "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
];

#[derive(Debug, Default)]
struct Histogram {
    /// Per bucket of [`BUCKETS`], and one for +Inf.
    counts: [u64; BUCKETS.len() + 1],
    sum: f64,
}

/// The counters a server keeps.
#[derive(Debug, Default)]
pub struct Metrics {
    /// `(method, gRPC status code)` → calls.
    calls: Mutex<BTreeMap<(&'static str, i32), u64>>,
    latency: Mutex<BTreeMap<&'static str, Histogram>>,
}

/// A status code by its gRPC name: `OK`, `INVALID_ARGUMENT`, …
fn code_name(code: i32) -> String {
    let camel = format!("{:?}", tonic::Code::from_i32(code));
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn method_label(path: &str) -> &'static str {
    METHODS.iter().find(|m| **m == path).copied().unwrap_or("other")
}

impl Metrics {
    /// One call ended (its response headers were sent) with `code` after `elapsed`.
    pub fn record(&self, path: &str, code: i32, elapsed: Duration) {
        let method = method_label(path);
        *self.calls.lock().unwrap_or_else(|p| p.into_inner()).entry((method, code)).or_default() +=
            1;
        let secs = elapsed.as_secs_f64();
        let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let h = latency.entry(method).or_default();
        let bucket = BUCKETS.iter().position(|b| secs <= *b).unwrap_or(BUCKETS.len());
        h.counts[bucket] += 1;
        h.sum += secs;
    }

    /// The text exposition format (version 0.0.4).
    pub fn render(&self, engine: &Engine) -> String {
        let mut out = String::new();
        out.push_str("# HELP opstap_calls_total gRPC calls by method and status code.\n");
        out.push_str("# TYPE opstap_calls_total counter\n");
        for ((method, code), n) in self.calls.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = writeln!(
                out,
                "opstap_calls_total{{method=\"{method}\",code=\"{}\"}} {n}",
                code_name(*code)
            );
        }
        out.push_str("# HELP opstap_call_duration_seconds Time to a call's response headers.\n");
        out.push_str("# TYPE opstap_call_duration_seconds histogram\n");
        for (method, h) in self.latency.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let mut cumulative = 0;
            for (i, le) in BUCKETS.iter().map(|b| b.to_string()).chain(["+Inf".into()]).enumerate()
            {
                cumulative += h.counts[i];
                let _ = writeln!(
                    out,
                    "opstap_call_duration_seconds_bucket{{method=\"{method}\",le=\"{le}\"}} {cumulative}"
                );
            }
            let _ =
                writeln!(out, "opstap_call_duration_seconds_sum{{method=\"{method}\"}} {}", h.sum);
            let _ = writeln!(
                out,
                "opstap_call_duration_seconds_count{{method=\"{method}\"}} {cumulative}"
            );
        }
        let (working, waiting, shed) = engine.work_in_flight();
        let stats = engine.index().stats();
        let gauges: [(&str, &str, &str, f64); 6] = [
            ("opstap_work_in_progress", "gauge", "Calls doing index work now.", working as f64),
            ("opstap_work_queue_waiting", "gauge", "Calls waiting for a worker.", waiting as f64),
            (
                "opstap_calls_shed_total",
                "counter",
                "Calls refused because the work queue was full.",
                shed as f64,
            ),
            (
                "opstap_index_vacancies",
                "gauge",
                "Live vacancies in the index.",
                stats.vacancies as f64,
            ),
            ("opstap_index_segments", "gauge", "Segments of the index.", stats.segments as f64),
            (
                "opstap_index_last_commit_timestamp_seconds",
                "gauge",
                "Unix time of the index's last commit (0: in memory).",
                engine.index().last_commit_unix_secs().unwrap_or(0) as f64,
            ),
        ];
        for (name, kind, help, value) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}");
        }
        out
    }
}

/// Serves `GET /metrics` on `listener` until the process ends: plain HTTP/1.1, one
/// response per connection, a request of at most 8 KiB read within 5 s.
pub async fn serve_metrics(listener: TcpListener, engine: std::sync::Arc<Engine>) {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            // Out of file descriptors, say: wait rather than spin.
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let engine = engine.clone();
        tokio::spawn(async move {
            let mut request = Vec::with_capacity(1024);
            let mut buf = [0u8; 1024];
            let read = tokio::time::timeout(Duration::from_secs(5), async {
                while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 8192 {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
            })
            .await;
            if read.is_err() {
                return;
            }
            let ok = request.starts_with(b"GET /metrics ") || request.starts_with(b"GET /metrics?");
            let (status, body) = if ok {
                ("200 OK", engine.metrics().render(&engine))
            } else {
                ("404 Not Found", "not found; metrics are at /metrics\n".to_owned())
            };
            let response = format!(
                "HTTP/1.1 {status}\r\ncontent-type: text/plain; version=0.0.4\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        });
    }
}

/// A tower layer reading every call's response status. It rewrites tonic's client
/// errors ([`crate::error::client_error`]: undecodable bytes are INVALID_ARGUMENT, an
/// oversized message RESOURCE_EXHAUSTED) in the trailers-only responses tonic sends when
/// it cannot decode a unary request, and records the call in [`Metrics`]: its method,
/// the status of its response headers (a trailers-only error, or OK once a response
/// starts; a streaming call that fails later is counted by how it started) and the time
/// to them.
#[derive(Clone)]
pub struct StatusLayer(pub std::sync::Arc<Engine>);

impl<S> tower::Layer<S> for StatusLayer {
    type Service = Measured<S>;
    fn layer(&self, inner: S) -> Measured<S> {
        Measured { inner, engine: self.0.clone() }
    }
}

#[derive(Clone)]
pub struct Measured<S> {
    inner: S,
    engine: std::sync::Arc<Engine>,
}

impl<S, B> tower::Service<http::Request<B>> for Measured<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<tonic::body::Body>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<S::Response, S::Error>> + Send + 'static>,
    >;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let path = request.uri().path().to_owned();
        let start = Instant::now();
        let engine = self.engine.clone();
        let future = self.inner.call(request);
        Box::pin(async move {
            let mut response = future.await?;
            let headers = response.headers_mut();
            let mut code = headers
                .get("grpc-status")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<i32>().ok())
                .unwrap_or(0);
            let message = headers
                .get("grpc-message")
                .and_then(|v| v.to_str().ok())
                .map(crate::error::percent_decoded)
                .unwrap_or_default();
            if let Some(new) = crate::error::client_error(tonic::Code::from_i32(code), &message) {
                code = new as i32;
                headers.insert("grpc-status", http::HeaderValue::from(code));
            }
            engine.metrics().record(&path, code, start.elapsed());
            Ok(response)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_paths_share_one_label() {
        assert_eq!(method_label("/opstap.v1.MatchService/PlanSteps"), METHODS[2]);
        assert_eq!(method_label("/x/y"), "other");
        assert_eq!(method_label(&"/a".repeat(1000)), "other");
        assert_eq!(code_name(0), "OK");
        assert_eq!(code_name(3), "INVALID_ARGUMENT");
        assert_eq!(code_name(14), "UNAVAILABLE");
    }
}
