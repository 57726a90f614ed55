//! `opstap serve`: the gRPC server on the embedded default data dir, or on a given one.
//! Settings come from, in rising precedence: defaults, `--serve-config FILE`, environment
//! variables and flags.

use std::hash::{BuildHasher, RandomState};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use opstap_core::{Date, MatchConfig};
use opstap_grpc::{Engine, Role, Security, ServeConfig, Tokens};

#[derive(clap::Args, Debug)]
pub(crate) struct ServeArgs {
    /// Server configuration (TOML): address, data_dir, tokens, tls, limits.
    #[arg(long, env = "OPSTAP_SERVE_CONFIG")]
    serve_config: Option<PathBuf>,
    /// Address to listen on, e.g. 127.0.0.1:50051 (port 0 = any free port).
    #[arg(long, env = "OPSTAP_ADDRESS")]
    address: Option<SocketAddr>,
    /// Tokens as `role:token` pairs separated by commas (roles: caseworker, batch, admin).
    #[arg(long, env = "OPSTAP_TOKENS", hide_env_values = true)]
    tokens: Option<String>,
    /// Development mode: make up an admin token and print it.
    #[arg(long)]
    dev: bool,
    /// TLS certificate chain (PEM); needs --tls-key.
    #[arg(long, env = "OPSTAP_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM); needs --tls-cert.
    #[arg(long, env = "OPSTAP_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// The deepest rank a match call may ask for.
    #[arg(long, env = "OPSTAP_MAX_K")]
    max_k: Option<u32>,
    /// Serve Prometheus metrics on this address (`GET /metrics`), e.g. 127.0.0.1:9464.
    #[arg(long, env = "OPSTAP_METRICS_ADDRESS")]
    metrics_address: Option<SocketAddr>,
}

fn parse_tokens(text: &str, source: &str) -> Result<Vec<(String, Role)>> {
    text.split(',')
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, pair)| {
            let Some((role, token)) = pair.trim().split_once(':') else {
                bail!("{source}: entry {} is not `role:token`", i + 1);
            };
            let role: Role = role.parse().map_err(|e| anyhow::anyhow!("{source}: {e}"))?;
            opstap_grpc::auth::check_token(token)
                .map_err(|e| anyhow::anyhow!("{source}: entry {}: {e}", i + 1))?;
            Ok((token.to_owned(), role))
        })
        .collect()
}

/// 128 random bits as hex, from the process's random hash keys.
fn dev_token() -> String {
    let a = RandomState::new().hash_one(std::process::id());
    let b = RandomState::new().hash_one(std::time::SystemTime::now());
    format!("dev-{a:016x}{b:016x}")
}

pub(crate) fn run(
    args: ServeArgs,
    data_dir: Option<&Path>,
    config: MatchConfig,
    today: Option<Date>,
) -> Result<()> {
    let mut serve = match &args.serve_config {
        None => ServeConfig::default(),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading serve config {}", p.display()))?;
            ServeConfig::from_toml_str(&text)
                .map_err(|e| anyhow::anyhow!("serve config {}: {e}", p.display()))?
        }
    };
    if let Some(a) = args.address {
        serve.address = a;
    }
    if let Some(k) = args.max_k {
        serve.max_k = k;
        serve.check().map_err(|e| anyhow::anyhow!("--max-k: {e}"))?;
    }
    let mut tokens = Vec::new();
    for (i, t) in serve.tokens.iter().enumerate() {
        let token = match (&t.token, &t.token_env) {
            (Some(token), _) => token.clone(),
            (None, Some(var)) => std::env::var(var).with_context(|| {
                format!("serve config tokens[{i}]: environment variable {var} is not set")
            })?,
            (None, None) => bail!("serve config tokens[{i}]: give `token` or `token_env`"),
        };
        opstap_grpc::auth::check_token(&token)
            .map_err(|e| anyhow::anyhow!("serve config tokens[{i}]: {e}"))?;
        tokens.push((token, t.role));
    }
    if let Some(text) = &args.tokens {
        tokens.extend(parse_tokens(text, "--tokens/OPSTAP_TOKENS")?);
    }
    let dev_token = args.dev.then(dev_token);
    if let Some(t) = &dev_token {
        tokens.push((t.clone(), Role::Admin));
    }
    if tokens.is_empty() {
        bail!(
            "no tokens: every call needs a bearer token. Start with --dev for a printed \
             development token, or give tokens with --tokens role:token,… (OPSTAP_TOKENS) \
             or in the serve config"
        );
    }
    let tls = match (
        args.tls_cert.or(serve.tls.as_ref().map(|t| t.cert.clone())),
        args.tls_key.or(serve.tls.as_ref().map(|t| t.key.clone())),
    ) {
        (Some(cert), Some(key)) => {
            let c = std::fs::read(&cert)
                .with_context(|| format!("TLS certificate {}", cert.display()))?;
            let k = std::fs::read(&key).with_context(|| format!("TLS key {}", key.display()))?;
            Some(tonic::transport::Identity::from_pem(c, k))
        }
        _ => None,
    };

    let data_dir = data_dir.map(Path::to_path_buf).or(serve.data_dir.clone());
    let index = crate::datadir::open_for_serving(data_dir.as_deref())?;
    let vacancies = index.stats().vacancies;
    let engine = Arc::new(Engine::new(Arc::new(index), config, today, serve.limits()));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("opstap-grpc")
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(serve.address)
            .await
            .with_context(|| format!("listening on {}", serve.address))?;
        let address = listener.local_addr()?;
        let shutdown = shutdown_signal()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let metrics = match args.metrics_address.or(serve.metrics_address) {
            Some(a) => {
                let l = tokio::net::TcpListener::bind(a)
                    .await
                    .with_context(|| format!("listening for metrics on {a}"))?;
                let bound = l.local_addr()?;
                tokio::spawn(opstap_grpc::metrics::serve_metrics(l, engine.clone()));
                Some(bound)
            }
            None => None,
        };
        let mut out = std::io::stdout().lock();
        writeln!(out, "opstap serving {vacancies} vacancies on {scheme}://{address}")?;
        if let Some(t) = &dev_token {
            writeln!(out, "dev token (admin): {t}")?;
            writeln!(out, "call with metadata `authorization: Bearer {t}`")?;
        }
        if let Some(m) = metrics {
            writeln!(out, "metrics on http://{m}/metrics")?;
        }
        out.flush()?;
        drop(out);
        if tls.is_none() && !address.ip().is_loopback() {
            tracing::warn!(
                %address,
                "serving a non-loopback address without TLS: tokens and profiles cross the \
                 network in clear text; give --tls-cert and --tls-key"
            );
        }
        let tokens = Tokens::new(tokens).map_err(|e| anyhow::anyhow!("tokens: {e}"))?;
        let security = Security { tokens, tls };
        opstap_grpc::serve(listener, engine, security, serve.transport.clone(), shutdown).await?;
        Ok(())
    })
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed here, before the address
/// is printed, so a signal sent as soon as the server announces itself is not lost.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).context("installing SIGINT handler")?;
        let mut terminate =
            signal(SignalKind::terminate()).context("installing SIGTERM handler")?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}
