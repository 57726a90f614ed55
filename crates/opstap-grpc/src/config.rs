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
    pub tls: Option<TlsFiles>,
    #[serde(default)]
    pub tokens: Vec<TokenConfig>,
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
    fn timeout_secs_is_bounded() {
        let e = ServeConfig::from_toml_str("timeout_secs = 1e12\n").unwrap_err();
        assert!(e.contains("timeout_secs") && e.contains("3600"), "{e}");
        assert!(ServeConfig::from_toml_str("timeout_secs = 3600\n").is_ok());
    }
}
