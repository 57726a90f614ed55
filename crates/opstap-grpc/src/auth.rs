//! Bearer tokens with roles, checked for every call before it reaches a handler.
//!
//! A role grants its own calls and those of the roles below it: `caseworker` (match,
//! explain, plan, read vacancies and stats, record employer answers and outcomes, read
//! its own audit entries) < `batch` (+ StreamMatches) < `admin` (+ vacancy writes, every
//! audit entry, purging the audit). Health and reflection need no token, so load balancers and
//! `grpcurl`-style tools work without one.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use sha2::Digest;
use subtle::ConstantTimeEq;

use serde::Deserialize;
use tonic::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Caseworker,
    Batch,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Caseworker => "caseworker",
            Role::Batch => "batch",
            Role::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "caseworker" => Ok(Role::Caseworker),
            "batch" => Ok(Role::Batch),
            "admin" => Ok(Role::Admin),
            _ => Err(format!("unknown role `{s}`; accepted: caseworker, batch, admin")),
        }
    }
}

/// The role a call needs, by its path; `None` for calls open to everyone (health,
/// reflection). Any other opstap method needs `admin`, so a method added to a `.proto`
/// file is closed until it is listed here.
pub fn required_role(path: &str) -> Option<Role> {
    let method = path.strip_prefix("/opstap.")?;
    Some(match method {
        "v1.MatchService/MatchVacancies"
        | "v1.MatchService/ExplainMatch"
        | "v1.MatchService/PlanSteps"
        | "v1.MatchService/PrintPlan"
        | "v1.VacancyService/GetVacancy"
        | "v1.VacancyService/GetIndexStats"
        | "v1.CaseworkService/RecordEmployerAnswer"
        | "v1.CaseworkService/RevokeEmployerAnswer"
        | "v1.CaseworkService/RecordOutcome"
        | "v1.CaseworkService/GetAuditTrail"
        | "v1.CaseworkService/TwvOutreach" => Role::Caseworker,
        "v1.MatchService/StreamMatches" => Role::Batch,
        _ => Role::Admin,
    })
}

/// Who is calling: the name and role of the token presented (never the token). The auth
/// layer puts it into the request extensions; the audit trail records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub name: String,
    pub role: Role,
}

/// A token as configured: the token, its role, and a name for the audit trail (the tool
/// or person that uses it).
#[derive(Clone)]
pub struct TokenSpec {
    pub token: String,
    pub role: Role,
    pub name: String,
}

/// The configured tokens, as SHA-256 digests with their roles and names.
#[derive(Clone, Default)]
pub struct Tokens(Vec<([u8; 32], Role, String)>);

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a token.
        f.debug_list().entries(self.0.iter().map(|(_, r, n)| (r, n))).finish()
    }
}

/// A token's name: 1–64 letters, digits, `-`, `_` or `.`, so an audit line stays
/// readable and a name can never smuggle a token or a newline into it.
pub fn check_token_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not a token name: 1–64 letters, digits, `-`, `_` or `.`",
            name.chars().take(64).collect::<String>().escape_debug()
        ))
    }
}

/// The shortest token accepted: a guessable token is no protection.
pub const MIN_TOKEN_CHARS: usize = 16;

/// Whether a token may be used: at least [`MIN_TOKEN_CHARS`] characters, no surrounding
/// spaces, no control characters. The message never repeats the token.
pub fn check_token(token: &str) -> Result<(), String> {
    if token.chars().count() < MIN_TOKEN_CHARS {
        return Err(format!(
            "a token of {} characters; a token needs at least {MIN_TOKEN_CHARS} (use a random \
             string, e.g. 32 hex digits)",
            token.chars().count()
        ));
    }
    if token.trim() != token || token.chars().any(char::is_control) {
        return Err("a token with surrounding spaces or control characters".into());
    }
    Ok(())
}

impl Tokens {
    /// The tokens, each checked with [`check_token`] (whatever its source).
    pub fn new(tokens: Vec<TokenSpec>) -> Result<Tokens, String> {
        for (i, t) in tokens.iter().enumerate() {
            check_token(&t.token)
                .map_err(|e| format!("token {} (role {}): {e}", i + 1, t.role.as_str()))?;
            check_token_name(&t.name)
                .map_err(|e| format!("token {} (role {}): {e}", i + 1, t.role.as_str()))?;
        }
        Ok(Tokens(tokens.into_iter().map(|t| (digest(&t.token), t.role, t.name)).collect()))
    }

    /// Tokens without names: each is named after its role and place (`caseworker-1`).
    pub fn unnamed(tokens: Vec<(String, Role)>) -> Result<Tokens, String> {
        Tokens::new(
            tokens
                .into_iter()
                .enumerate()
                .map(|(i, (token, role))| TokenSpec {
                    token,
                    role,
                    name: format!("{}-{}", role.as_str(), i + 1),
                })
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The role of a token. Compares the SHA-256 digest of the token with every known
    /// digest in constant time (`subtle`), so the time taken tells neither how much of a
    /// guess was right nor how long a token is.
    pub fn role_of(&self, token: &str) -> Option<Role> {
        self.caller(token).map(|c| c.role)
    }

    /// The name and role of a token (the highest role, when configured twice).
    pub fn caller(&self, token: &str) -> Option<Caller> {
        let presented = digest(token);
        let mut found: Option<(Role, &str)> = None;
        for (known, role, name) in &self.0 {
            if bool::from(known.ct_eq(&presented)) && found.is_none_or(|(r, _)| *role > r) {
                found = Some((*role, name));
            }
        }
        found.map(|(role, name)| Caller { name: name.to_owned(), role })
    }

    /// The role the `authorization` header grants, or the status to answer with.
    pub fn authorize(&self, header: Option<&str>, path: &str) -> Result<Option<Caller>, Status> {
        let Some(needed) = required_role(path) else { return Ok(None) };
        let Some(value) = header else {
            return Err(Status::unauthenticated(
                "no credentials: send the metadata `authorization: Bearer <token>`",
            ));
        };
        let Some(token) = value.strip_prefix("Bearer ").map(str::trim) else {
            return Err(Status::unauthenticated(
                "malformed `authorization` metadata: expected `Bearer <token>`",
            ));
        };
        let Some(caller) = self.caller(token) else {
            return Err(Status::unauthenticated("unknown token"));
        };
        let role = caller.role;
        if role < needed {
            let method = path.rsplit('/').next().unwrap_or(path);
            return Err(Status::permission_denied(format!(
                "role `{}` may not call {method}: it needs `{}` or higher",
                role.as_str(),
                needed.as_str()
            )));
        }
        Ok(Some(caller))
    }
}

/// Tokens are kept and compared as digests: fixed length, whatever the token's.
fn digest(token: &str) -> [u8; 32] {
    sha2::Sha256::digest(token.as_bytes()).into()
}

/// A tower layer that checks every call's token against [`required_role`] and puts the
/// caller's [`Role`] into the request extensions.
#[derive(Clone)]
pub struct AuthLayer {
    tokens: Arc<Tokens>,
}

impl AuthLayer {
    pub fn new(tokens: Tokens) -> AuthLayer {
        AuthLayer { tokens: Arc::new(tokens) }
    }
}

impl<S> tower::Layer<S> for AuthLayer {
    type Service = Auth<S>;
    fn layer(&self, inner: S) -> Auth<S> {
        Auth { inner, tokens: self.tokens.clone() }
    }
}

#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    tokens: Arc<Tokens>,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'static>>;

impl<S, B> tower::Service<http::Request<B>> for Auth<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<tonic::body::Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let header = request.headers().get("authorization").and_then(|v| v.to_str().ok());
        match self.tokens.authorize(header, request.uri().path()) {
            Ok(caller) => {
                if let Some(caller) = caller {
                    tracing::debug!(
                        path = request.uri().path(),
                        role = caller.role.as_str(),
                        token = %caller.name,
                        "call"
                    );
                    request.extensions_mut().insert(caller.role);
                    request.extensions_mut().insert(caller);
                }
                // The clone is ready only after poll_ready; use the one that was polled.
                let clone = self.inner.clone();
                let mut inner = std::mem::replace(&mut self.inner, clone);
                Box::pin(inner.call(request))
            }
            Err(status) => {
                tracing::info!(path = request.uri().path(), code = ?status.code(), "refused");
                Box::pin(async move { Ok(status.into_http()) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    #[test]
    fn roles_grant_their_calls_and_those_below() {
        let tokens = Tokens::unnamed(vec![
            ("caseworker-token-1".into(), Role::Caseworker),
            ("batch-token-000001".into(), Role::Batch),
            ("admin-token-000001".into(), Role::Admin),
        ])
        .unwrap();
        let code = |token: Option<&str>, path: &str| match tokens.authorize(token, path) {
            Ok(_) => Code::Ok,
            Err(s) => s.code(),
        };
        let m = "/opstap.v1.MatchService/MatchVacancies";
        let s = "/opstap.v1.MatchService/StreamMatches";
        let u = "/opstap.v1.VacancyService/UpsertVacancies";
        assert_eq!(code(Some("Bearer caseworker-token-1"), m), Code::Ok);
        assert_eq!(code(Some("Bearer caseworker-token-1"), s), Code::PermissionDenied);
        assert_eq!(code(Some("Bearer batch-token-000001"), s), Code::Ok);
        assert_eq!(code(Some("Bearer batch-token-000001"), u), Code::PermissionDenied);
        assert_eq!(code(Some("Bearer admin-token-000001"), u), Code::Ok);
        assert_eq!(code(None, m), Code::Unauthenticated);
        assert_eq!(code(Some("caseworker-token-1"), m), Code::Unauthenticated);
        assert_eq!(code(Some("Bearer nope"), m), Code::Unauthenticated);
        assert_eq!(code(None, "/grpc.health.v1.Health/Check"), Code::Ok);
        // A method nobody listed is for admins only.
        assert_eq!(
            code(Some("Bearer batch-token-000001"), "/opstap.v1.MatchService/New"),
            Code::PermissionDenied
        );
    }

    #[test]
    fn short_or_padded_tokens_are_refused_and_never_echoed() {
        for bad in ["", "short", "fifteen-chars-x", " caseworker-token-1", "caseworker-token-1\n"] {
            let e = Tokens::unnamed(vec![(bad.to_owned(), Role::Admin)]).unwrap_err();
            assert!(e.contains("token 1 (role admin)"), "{e}");
            assert!(bad.trim().is_empty() || !e.contains(bad.trim()), "{e}");
        }
        assert!(Tokens::unnamed(vec![("sixteen-chars-xx".into(), Role::Admin)]).is_ok());
        let named = |name: &str| {
            Tokens::new(vec![TokenSpec {
                token: "sixteen-chars-xx".into(),
                role: Role::Caseworker,
                name: name.into(),
            }])
        };
        assert!(named("intake-desk.ter-apel_2").is_ok());
        for bad in ["", "with space", "new\nline", &"x".repeat(65)] {
            assert!(named(bad).unwrap_err().contains("token name"), "{bad:?}");
        }
        let tokens = named("anna").unwrap();
        assert_eq!(
            tokens.caller("sixteen-chars-xx"),
            Some(Caller { name: "anna".into(), role: Role::Caseworker })
        );
    }
}
