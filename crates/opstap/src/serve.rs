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
use opstap_grpc::auth::TokenSpec;
use opstap_grpc::{Engine, Role, Security, ServeConfig, Tokens};

#[derive(clap::Args, Debug)]
pub(crate) struct ServeArgs {
    /// Server configuration (TOML): address, data_dir, tokens, tls, limits.
    #[arg(long, env = "OPSTAP_SERVE_CONFIG")]
    serve_config: Option<PathBuf>,
    /// Address to listen on, e.g. 127.0.0.1:50051 (port 0 = any free port).
    #[arg(long, env = "OPSTAP_ADDRESS")]
    address: Option<SocketAddr>,
    /// Tokens as `role:token` or `role:name:token` entries separated by commas (roles:
    /// caseworker, batch, admin; the name is what the audit trail records).
    #[arg(long, env = "OPSTAP_TOKENS", hide_env_values = true)]
    tokens: Option<String>,
    /// Development mode: make up an admin token and print it.
    #[arg(long)]
    dev: bool,
    /// Where the caseworkers' records are kept (employer answers, outcomes, the audit
    /// trail): an SQLite file, or `postgres://user@host/db` for a shared deployment;
    /// `none` keeps no records. Default: store.sqlite in the data dir.
    #[arg(long, env = "OPSTAP_STORE", hide_env_values = true)]
    store: Option<String>,
    /// The key participants' pseudonyms are hashed with in the store (made on first
    /// use). Default: store.key in the data dir.
    #[arg(long, env = "OPSTAP_STORE_KEY")]
    store_key: Option<PathBuf>,
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
    /// A read replica: serve the index in --data-dir that another process writes (`opstap
    /// index`, or a writing server), picking up each commit it publishes; refuse writes.
    /// Needs --store (the shared PostgreSQL store, or `none`).
    #[arg(long, env = "OPSTAP_READ_ONLY")]
    read_only: bool,
    /// How often a read replica looks for a new commit, in seconds.
    #[arg(long, env = "OPSTAP_REFRESH_SECS", default_value_t = 1.0)]
    refresh_secs: f64,
}

/// `role:token` or `role:name:token` entries, separated by commas. A token without a
/// name is named after its role and place (`caseworker-1`).
fn parse_tokens(text: &str, source: &str) -> Result<Vec<TokenSpec>> {
    text.split(',')
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, entry)| {
            let parts: Vec<&str> = entry.trim().splitn(3, ':').collect();
            let (role, name, token) = match parts.as_slice() {
                [role, token] => (*role, None, *token),
                [role, name, token] => (*role, Some(*name), *token),
                _ => bail!("{source}: entry {} is not `role:token` or `role:name:token`", i + 1),
            };
            let role: Role = role.parse().map_err(|e| anyhow::anyhow!("{source}: {e}"))?;
            opstap_grpc::auth::check_token(token)
                .map_err(|e| anyhow::anyhow!("{source}: entry {}: {e}", i + 1))?;
            let name = name.map_or_else(|| format!("{}-{}", role.as_str(), i + 1), str::to_owned);
            opstap_grpc::auth::check_token_name(&name)
                .map_err(|e| anyhow::anyhow!("{source}: entry {}: {e}", i + 1))?;
            Ok(TokenSpec { token: token.to_owned(), role, name })
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
        let name = t.name.clone().unwrap_or_else(|| format!("{}-{}", t.role.as_str(), i + 1));
        opstap_grpc::auth::check_token_name(&name)
            .map_err(|e| anyhow::anyhow!("serve config tokens[{i}].name: {e}"))?;
        tokens.push(TokenSpec { token, role: t.role, name });
    }
    if let Some(text) = &args.tokens {
        tokens.extend(parse_tokens(text, "--tokens/OPSTAP_TOKENS")?);
    }
    let dev_token = args.dev.then(dev_token);
    if let Some(t) = &dev_token {
        tokens.push(TokenSpec { token: t.clone(), role: Role::Admin, name: "dev".into() });
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
    if args.read_only {
        if data_dir.is_none() {
            bail!("--read-only follows the index another process writes: give its --data-dir");
        }
        if args.store.is_none() && serve.store.location.is_none() {
            bail!(
                "--read-only needs --store: the store the writer and the other replicas share \
                 (postgres://…), or `none` to keep no records on this replica"
            );
        }
        if !(args.refresh_secs.is_finite() && (0.05..=3600.0).contains(&args.refresh_secs)) {
            bail!("--refresh-secs is {}; accepted: 0.05 to 3600 seconds", args.refresh_secs);
        }
    }
    let index = if args.read_only {
        crate::datadir::open(data_dir.as_deref())?
    } else {
        crate::datadir::open_for_serving(data_dir.as_deref())?
    };
    let vacancies = index.stats().vacancies;
    let mut engine = Engine::new(Arc::new(index), config, today, serve.limits());
    if args.read_only {
        engine = engine.read_only();
    }
    let dir = data_dir.clone().unwrap_or_else(crate::datadir::default_dir);
    let location = args
        .store
        .or(serve.store.location.clone())
        .unwrap_or_else(|| dir.join("store.sqlite").display().to_string());
    let retention = serve.store.audit_retention_days;
    let keeps_records = location != "none";
    if keeps_records {
        let store = opstap_store::Store::open(&location)?;
        let key = args
            .store_key
            .or(serve.store.key_file.clone())
            .unwrap_or_else(|| dir.join("store.key"));
        let pseudonyms = opstap_store::Pseudonymizer::from_key_file(&key)?;
        let purged = store.purge_audit(&retention_cutoff(retention))?;
        tracing::info!(store = %store.location(), backend = store.backend(), purged, "records");
        engine = engine.with_records(opstap_grpc::casework::Records { store, pseudonyms });
        // A replica writes no index: the writer reconciles.
        let fixed = if args.read_only {
            0
        } else {
            engine.reconcile_answers().map_err(|e| anyhow::anyhow!("{e}"))?
        };
        if fixed > 0 {
            tracing::warn!(
                fixed,
                "vacancies whose employer answers the index had not caught up with"
            );
        }
    }
    let engine = Arc::new(engine);
    if args.read_only {
        follow_the_writer(engine.clone(), std::time::Duration::from_secs_f64(args.refresh_secs))?;
    }

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
        // The announcement is for whoever started the server; a reader that went away
        // (a closed pipe) does not stop it.
        let announced = (|| -> std::io::Result<()> {
            let mut out = std::io::stdout().lock();
            writeln!(out, "opstap serving {vacancies} vacancies on {scheme}://{address}")?;
            if let Some(t) = &dev_token {
                writeln!(out, "dev token (admin): {t}")?;
                writeln!(out, "call with metadata `authorization: Bearer {t}`")?;
            }
            if let Some(m) = metrics {
                writeln!(out, "metrics on http://{m}/metrics")?;
            }
            out.flush()
        })();
        if let Err(e) = announced {
            tracing::warn!(error = %e, "could not write the address to stdout; serving anyway");
        }
        if tls.is_none() && !address.ip().is_loopback() {
            tracing::warn!(
                %address,
                "serving a non-loopback address without TLS: tokens and profiles cross the \
                 network in clear text; give --tls-cert and --tls-key"
            );
        }
        if keeps_records {
            // The retention period holds while the server runs: a purge a day.
            let engine = engine.clone();
            tokio::spawn(async move {
                let day = std::time::Duration::from_secs(24 * 3600);
                loop {
                    tokio::time::sleep(day).await;
                    let engine = engine.clone();
                    let _ = tokio::task::spawn_blocking(move || {
                        match engine.purge_audit_before(&retention_cutoff(retention)) {
                            Ok(n) => tracing::info!(purged = n, "audit retention"),
                            Err(e) => tracing::error!(error = %e, "audit retention"),
                        }
                    })
                    .await;
                }
            });
        }
        let tokens = Tokens::new(tokens).map_err(|e| anyhow::anyhow!("tokens: {e}"))?;
        let security = Security { tokens, tls };
        opstap_grpc::serve(listener, engine, security, serve.transport.clone(), shutdown).await?;
        Ok(())
    })
}

/// The first moment an audit entry is kept: `days` before now.
fn retention_cutoff(days: u32) -> String {
    let now = jiff::Timestamp::now();
    let cutoff =
        now.checked_sub(jiff::SignedDuration::from_hours(24 * i64::from(days))).unwrap_or(now);
    cutoff.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
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

/// A read replica's watch on its directory: every `every`, it serves the writer's last
/// commit if it is new (see [`opstap_index::VacancyIndex::refresh`]). A failed look is
/// logged and tried again; the replica keeps serving the version it has.
fn follow_the_writer(engine: Arc<Engine>, every: std::time::Duration) -> Result<()> {
    std::thread::Builder::new()
        .name("opstap-follow".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                match engine.index().refresh() {
                    Ok((version, true)) => tracing::info!(
                        version,
                        vacancies = engine.index().stats().vacancies,
                        "serving the writer's new commit"
                    ),
                    Ok((_, false)) => {}
                    Err(e) => tracing::warn!("looking for the writer's new commit: {e}"),
                }
            }
        })
        .context("starting the replica's watch")?;
    Ok(())
}
