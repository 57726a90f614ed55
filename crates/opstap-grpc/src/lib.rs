//! opstap-grpc: the gRPC face of opstap. `MatchService` (ranked, explained matches, "why
//! not", step plans, a stream for case systems) and `VacancyService` (upsert, delete,
//! get, stats) over one [`opstap_index::VacancyIndex`], plus the standard health and
//! reflection services.
//!
//! Handlers are thin: proto → core conversion and validation ([`convert`]), index work
//! under `spawn_blocking`, one error → status mapping ([`error`]). No scoring logic
//! lives here.

pub mod auth;
pub mod casework;
pub mod config;
pub mod convert;
pub mod error;
pub mod metrics;
mod outreach;
mod print;
pub mod server;
pub mod service;
pub mod watchers;
mod work;

pub use auth::{Role, Tokens};
pub use config::{ServeConfig, Transport};
pub use error::ApiError;
pub use server::{Security, ServeError, serve};
pub use service::{Engine, Limits};
