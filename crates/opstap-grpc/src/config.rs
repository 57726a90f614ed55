//! The server's configuration file (`opstap serve --serve-config FILE`): address, data
//! dir, tokens, TLS and limits. Unknown keys are errors. Flags and environment variables
//! of `opstap serve` override it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::auth::Role;
use crate::service::Limits;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeConfig {
    #[serde(default = "default_address")]
    pub address: SocketAddr,
    pub data_dir: Option<PathBuf>,
    /// The deepest rank a match call may ask for.
    #[serde(default = "defaults::max_k")]
    pub max_k: u32,
    #[serde(default = "defaults::default_page_size")]
    pub default_page_size: u32,
    #[serde(default = "defaults::max_upsert_vacancies")]
    pub max_upsert_vacancies: usize,
    #[serde(default = "defaults::max_message_bytes")]
    pub max_message_bytes: usize,
    /// Deadline of a call that sets none, in seconds.
    #[serde(default = "defaults::timeout_secs")]
    pub timeout_secs: f64,
    /// The largest page of matches sent, in bytes (a larger page is cut).
    #[serde(default = "defaults::max_response_bytes")]
    pub max_response_bytes: usize,
    /// Heavy calls doing index work at once; 0 = the cores less one (at least one), so
    /// one core stays free for light calls (which get twice the cores).
    #[serde(default)]
    pub max_concurrent_work: usize,
    /// Calls that may wait for a worker; one more is refused with UNAVAILABLE and a
    /// retry hint (load shedding).
    #[serde(default = "defaults::max_queued_work")]
    pub max_queued_work: usize,
    /// The most bytes one UpsertVacancies stream may carry.
    #[serde(default = "defaults::max_upsert_bytes")]
    pub max_upsert_bytes: usize,
    /// The longest an UpsertVacancies upload may take, in seconds; the write's own
    /// deadline (`timeout_secs`) starts when the upload is done.
    #[serde(default = "defaults::upload_timeout_secs")]
    pub upload_timeout_secs: f64,
    /// A StreamMatches stream with no request for this long is closed, in seconds.
    #[serde(default = "defaults::stream_idle_secs")]
    pub stream_idle_secs: f64,
    /// Open health `Watch` streams (no token needed); one more is refused.
    #[serde(default = "defaults::max_health_watchers")]
    pub max_health_watchers: usize,
    #[serde(default)]
    pub transport: Transport,
    /// Where to serve Prometheus metrics (`GET /metrics`); absent: not served.
    pub metrics_address: Option<SocketAddr>,
    pub tls: Option<TlsFiles>,
    #[serde(default)]
    pub tokens: Vec<TokenConfig>,
    #[serde(default)]
    pub store: StoreConfig,
}

/// The caseworkers' records (`[store]`): employer answers, outcomes, the audit trail.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    /// An SQLite file, `postgres://…` for a shared deployment, or `none` to keep no
    /// records. Absent: `store.sqlite` in the data dir.
    pub location: Option<String>,
    /// The key participants' pseudonyms are hashed with (made on first use). Absent:
    /// `store.key` in the data dir.
    pub key_file: Option<PathBuf>,
    /// Audit entries older than this many days are purged (at start and daily).
    pub audit_retention_days: u32,
}

impl Default for StoreConfig {
    fn default() -> StoreConfig {
        StoreConfig { location: None, key_file: None, audit_retention_days: 365 }
    }
}

/// Connection limits (`[transport]`), as tonic and hyper recommend for a public-facing
/// server: dead peers are found by keepalive, no connection lives forever, and one
/// connection cannot open unbounded concurrent calls.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Transport {
    /// HTTP/2 PING to an idle peer every this many seconds...
    pub keepalive_interval_secs: f64,
    /// ...which must answer within this many, or the connection is closed.
    pub keepalive_timeout_secs: f64,
    /// TCP keepalive probes after this many idle seconds (half-open connections).
    pub tcp_keepalive_secs: f64,
    /// A connection is closed after this many seconds (clients reconnect; a half-open
    /// or hoarded connection cannot stay longer)...
    pub max_connection_age_secs: f64,
    /// ...giving the calls in flight this many seconds to finish.
    pub max_connection_age_grace_secs: f64,
    /// Concurrent calls (HTTP/2 streams) on one connection.
    pub max_concurrent_streams: u32,
    /// On SIGTERM, calls in flight get this many seconds to finish; streams still open
    /// then (a health watch) do not keep the server from stopping.
    pub drain_secs: f64,
}

impl Default for Transport {
    fn default() -> Transport {
        Transport {
            keepalive_interval_secs: 30.0,
            keepalive_timeout_secs: 10.0,
            tcp_keepalive_secs: 60.0,
            max_connection_age_secs: 3600.0,
            max_connection_age_grace_secs: 60.0,
            max_concurrent_streams: 64,
            drain_secs: 30.0,
        }
    }
}

impl Transport {
    fn check(&self) -> Result<(), String> {
        for (key, v) in [
            ("keepalive_interval_secs", self.keepalive_interval_secs),
            ("keepalive_timeout_secs", self.keepalive_timeout_secs),
            ("tcp_keepalive_secs", self.tcp_keepalive_secs),
            ("max_connection_age_secs", self.max_connection_age_secs),
            ("max_connection_age_grace_secs", self.max_connection_age_grace_secs),
            ("drain_secs", self.drain_secs),
        ] {
            if !(v.is_finite() && v > 0.0 && v <= 7.0 * 86_400.0) {
                return Err(format!("transport.{key} = {v}: expected seconds > 0 and ≤ 604800"));
            }
        }
        if self.max_concurrent_streams == 0 {
            return Err("transport.max_concurrent_streams = 0: expected at least 1".into());
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsFiles {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
}

/// A token and its role. Give the token itself, or the name of an environment variable
/// that holds it (keeps secrets out of the file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    pub role: Role,
    /// The name the audit trail records for calls with this token (the tool or person).
    /// Default: the role and the token's place, e.g. `caseworker-2`.
    pub name: Option<String>,
    pub token: Option<String>,
    pub token_env: Option<String>,
}

fn default_address() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 50051))
}

mod defaults {
    use crate::service::Limits;
    pub(super) fn max_k() -> u32 {
        Limits::default().max_k
    }
    pub(super) fn default_page_size() -> u32 {
        Limits::default().default_page_size
    }
    pub(super) fn max_upsert_vacancies() -> usize {
        Limits::default().max_upsert_vacancies
    }
    pub(super) fn max_message_bytes() -> usize {
        Limits::default().max_message_bytes
    }
    pub(super) fn timeout_secs() -> f64 {
        Limits::default().default_timeout.as_secs_f64()
    }
    pub(super) fn max_response_bytes() -> usize {
        Limits::default().max_response_bytes
    }
    pub(super) fn max_queued_work() -> usize {
        Limits::default().max_queued_work
    }
    pub(super) fn max_upsert_bytes() -> usize {
        Limits::default().max_upsert_bytes
    }
    pub(super) fn upload_timeout_secs() -> f64 {
        Limits::default().upload_timeout.as_secs_f64()
    }
    pub(super) fn max_health_watchers() -> usize {
        Limits::default().max_health_watchers
    }
    pub(super) fn stream_idle_secs() -> f64 {
        Limits::default().stream_idle.as_secs_f64()
    }
}

impl Default for ServeConfig {
    fn default() -> ServeConfig {
        toml::from_str("").expect("every key has a default")
    }
}

impl ServeConfig {
    pub fn from_toml_str(text: &str) -> Result<ServeConfig, String> {
        let config: ServeConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        config.check()?;
        Ok(config)
    }

    /// Ranges that the types alone do not enforce.
    pub fn check(&self) -> Result<(), String> {
        if self.max_k == 0 || self.max_k > 10_000 {
            return Err(format!("max_k = {}: expected 1 to 10000", self.max_k));
        }
        if self.default_page_size == 0 || self.default_page_size > self.max_k {
            return Err(format!(
                "default_page_size = {}: expected 1 to max_k ({})",
                self.default_page_size, self.max_k
            ));
        }
        if !(self.timeout_secs.is_finite()
            && self.timeout_secs > 0.0
            && self.timeout_secs <= 3600.0)
        {
            return Err(format!(
                "timeout_secs = {}: expected a number of seconds > 0 and ≤ 3600",
                self.timeout_secs
            ));
        }
        for (key, v) in [
            ("upload_timeout_secs", self.upload_timeout_secs),
            ("stream_idle_secs", self.stream_idle_secs),
        ] {
            if !(v.is_finite() && v > 0.0 && v <= 86_400.0) {
                return Err(format!("{key} = {v}: expected a number of seconds > 0 and ≤ 86400"));
            }
        }
        if self.max_response_bytes < 64 * 1024 {
            return Err(format!(
                "max_response_bytes = {}: expected at least 65536",
                self.max_response_bytes
            ));
        }
        if self.max_queued_work > 100_000 || self.max_concurrent_work > 10_000 {
            return Err("max_queued_work ≤ 100000 and max_concurrent_work ≤ 10000".into());
        }
        self.transport.check()?;
        if self.max_message_bytes < 1024 {
            return Err(format!(
                "max_message_bytes = {}: expected at least 1024",
                self.max_message_bytes
            ));
        }
        for (i, t) in self.tokens.iter().enumerate() {
            if t.token.is_some() == t.token_env.is_some() {
                return Err(format!("tokens[{i}]: give exactly one of `token` and `token_env`"));
            }
        }
        Ok(())
    }

    pub fn limits(&self) -> Limits {
        Limits {
            max_k: self.max_k,
            default_page_size: self.default_page_size,
            max_upsert_vacancies: self.max_upsert_vacancies,
            max_message_bytes: self.max_message_bytes,
            default_timeout: Duration::from_secs_f64(self.timeout_secs),
            max_response_bytes: self.max_response_bytes,
            max_concurrent_work: if self.max_concurrent_work == 0 {
                Limits::default().max_concurrent_work
            } else {
                self.max_concurrent_work
            },
            max_queued_work: self.max_queued_work,
            max_upsert_bytes: self.max_upsert_bytes,
            upload_timeout: Duration::from_secs_f64(self.upload_timeout_secs),
            stream_idle: Duration::from_secs_f64(self.stream_idle_secs),
            max_health_watchers: self.max_health_watchers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_errors() {
        let c = ServeConfig::default();
        assert_eq!(c.address.port(), 50051);
        assert_eq!(c.limits(), Limits::default());
        let c = ServeConfig::from_toml_str(
            "address = \"0.0.0.0:9000\"\nmax_k = 50\n[[tokens]]\nrole = \"batch\"\ntoken_env = \"T\"\n",
        )
        .unwrap();
        assert_eq!(c.max_k, 50);
        assert_eq!(c.tokens[0].role, Role::Batch);
        assert!(ServeConfig::from_toml_str("max_kk = 5").unwrap_err().contains("max_kk"));
        assert!(ServeConfig::from_toml_str("max_k = 0").unwrap_err().contains("max_k"));
        let both = "[[tokens]]\nrole = \"admin\"\ntoken = \"a\"\ntoken_env = \"B\"\n";
        assert!(ServeConfig::from_toml_str(both).unwrap_err().contains("tokens[0]"));
        let role = "[[tokens]]\nrole = \"boss\"\ntoken = \"a\"\n";
        assert!(ServeConfig::from_toml_str(role).unwrap_err().contains("boss"));
    }

    #[test]
    fn transport_limits_have_defaults_and_bounds() {
        let c = ServeConfig::default();
        assert_eq!(c.transport, Transport::default());
        let c = ServeConfig::from_toml_str("[transport]\nmax_concurrent_streams = 8\n").unwrap();
        assert_eq!(c.transport.max_concurrent_streams, 8);
        assert_eq!(c.transport.keepalive_interval_secs, 30.0);
        let e =
            ServeConfig::from_toml_str("[transport]\nkeepalive_timeout_secs = 0\n").unwrap_err();
        assert!(e.contains("transport.keepalive_timeout_secs"), "{e}");
        let e = ServeConfig::from_toml_str("[transport]\nmax_streams = 8\n").unwrap_err();
        assert!(e.contains("max_streams"), "{e}");
        let e = ServeConfig::from_toml_str("max_response_bytes = 10\n").unwrap_err();
        assert!(e.contains("max_response_bytes"), "{e}");
    }

    #[test]
    fn timeout_secs_is_bounded() {
        let e = ServeConfig::from_toml_str("timeout_secs = 1e12\n").unwrap_err();
        assert!(e.contains("timeout_secs") && e.contains("3600"), "{e}");
        assert!(ServeConfig::from_toml_str("timeout_secs = 3600\n").is_ok());
    }
}
