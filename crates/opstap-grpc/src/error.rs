//! Every error a handler can return, and its gRPC status: one exhaustive mapping.

use opstap_index::IndexError;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

use crate::convert::Violation;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed: the violations name the fields.
    #[error("invalid request: {}", list(.0))]
    InvalidArgument(Vec<Violation>),
    #[error("no {what} with id `{id}`")]
    NotFound { what: &'static str, id: String },
    #[error("the deadline passed before the work was done")]
    DeadlineExceeded,
    #[error("{0}")]
    Index(#[from] IndexError),
    /// A worker task failed (a panic in index or scoring code).
    #[error("internal error: {0}")]
    Internal(String),
    /// The server cannot do this as configured (a call that needs a store, without one).
    #[error("{0}")]
    FailedPrecondition(String),
    /// The server is shutting down.
    #[error("the server is shutting down")]
    ShuttingDown,
    /// Every worker is busy and the queue of waiting calls is full: try again later.
    #[error(
        "the server is busy ({waiting} calls waiting for {workers} workers); retry in a second"
    )]
    Overloaded { workers: usize, waiting: usize },
}

fn list(v: &[Violation]) -> String {
    v.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, description: impl Into<String>) -> ApiError {
        ApiError::InvalidArgument(vec![Violation::new(field, description)])
    }

    pub fn code(&self) -> Code {
        self.status_parts().0
    }

    /// The code and, for INVALID_ARGUMENT, the field violations.
    fn status_parts(&self) -> (Code, Vec<Violation>) {
        match self {
            ApiError::InvalidArgument(v) => (Code::InvalidArgument, v.clone()),
            ApiError::NotFound { .. } => (Code::NotFound, vec![]),
            ApiError::DeadlineExceeded => (Code::DeadlineExceeded, vec![]),
            ApiError::Internal(_) => (Code::Internal, vec![]),
            ApiError::FailedPrecondition(_) => (Code::FailedPrecondition, vec![]),
            ApiError::ShuttingDown | ApiError::Overloaded { .. } => (Code::Unavailable, vec![]),
            ApiError::Index(e) => match e {
                // Upserts take validated vacancies (`convert::vacancy` names the field
                // under the request); only a file ingest reports lines, never over gRPC.
                IndexError::InvalidInput { errors, .. } => (
                    Code::InvalidArgument,
                    errors
                        .iter()
                        .map(|l| Violation::new(l.error.field.clone(), l.error.message.clone()))
                        .collect(),
                ),
                IndexError::Locked(_) => (Code::Unavailable, vec![]),
                IndexError::FormatMismatch { .. } | IndexError::NotAnOpstapIndex { .. } => {
                    (Code::FailedPrecondition, vec![])
                }
                IndexError::Corrupt { .. } => (Code::DataLoss, vec![]),
                IndexError::DeadlineExceeded => (Code::DeadlineExceeded, vec![]),
                IndexError::Tantivy(_) | IndexError::Io { .. } => (Code::Internal, vec![]),
            },
        }
    }
}

/// The longest message a status carries, and the longest field path or description in
/// its details: whatever a request echoes back (an id, a code) is cut, so an answer stays
/// far below the 8–16 KiB metadata limit of standard gRPC clients.
const MAX_MESSAGE_CHARS: usize = 1024;
const MAX_DETAIL_CHARS: usize = 256;
/// How long a shed call is told to wait before it retries, in milliseconds.
const RETRY_PUSHBACK_MS: u32 = 1000;
/// At most this many field violations are listed.
const MAX_VIOLATIONS: usize = 20;

/// `text` cut to `max` characters (with "…"), control characters escaped, so an echoed
/// value can neither flood an answer nor break a log line.
pub fn cut(text: &str, max: usize) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| {
            let e: Vec<char> = if c.is_control() { c.escape_default().collect() } else { vec![c] };
            e
        })
        .collect();
    match escaped.char_indices().nth(max) {
        None => escaped,
        Some((at, _)) => format!("{}…", &escaped[..at]),
    }
}

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Status {
        let (code, violations) = e.status_parts();
        let message = cut(&e.to_string(), MAX_MESSAGE_CHARS);
        if let ApiError::Overloaded { .. } = e {
            // The gRPC retry policy's pushback: when a client may try again.
            let mut metadata = tonic::metadata::MetadataMap::new();
            metadata.insert("grpc-retry-pushback-ms", RETRY_PUSHBACK_MS.into());
            return Status::with_metadata(code, message, metadata);
        }
        if violations.is_empty() {
            return Status::new(code, message);
        }
        let details = ErrorDetails::with_bad_request(
            violations
                .into_iter()
                .take(MAX_VIOLATIONS)
                .map(|v| {
                    FieldViolation::new(
                        cut(&v.field, MAX_DETAIL_CHARS),
                        cut(&v.description, MAX_DETAIL_CHARS),
                    )
                })
                .collect::<Vec<_>>(),
        );
        Status::with_error_details(code, message, details)
    }
}

impl From<Violation> for ApiError {
    fn from(v: Violation) -> ApiError {
        ApiError::InvalidArgument(vec![v])
    }
}

/// The status tonic gives a request it cannot read, as a client error: undecodable bytes
/// and invalid UTF-8 (tonic: INTERNAL) become INVALID_ARGUMENT, a message over the size
/// limit (tonic: OUT_OF_RANGE) RESOURCE_EXHAUSTED. Only those two messages of tonic's
/// are rewritten; every status of opstap's own comes from [`ApiError`].
pub fn client_error(code: Code, message: &str) -> Option<Code> {
    match code {
        Code::Internal if message.starts_with("failed to decode Protobuf message") => {
            Some(Code::InvalidArgument)
        }
        Code::OutOfRange if message.contains("decoded message length too large") => {
            Some(Code::ResourceExhausted)
        }
        _ => None,
    }
}

/// An error reading a request stream, with [`client_error`] applied (the trailers-only
/// responses of unary calls get it in [`crate::metrics::StatusLayer`]).
pub fn read_error(status: Status) -> Status {
    match client_error(status.code(), status.message()) {
        Some(code) => Status::new(code, status.message()),
        None => status,
    }
}

/// `grpc-message` is percent-encoded; enough of it decoded to read tonic's prefixes.
pub(crate) fn percent_decoded(m: &str) -> String {
    m.replace("%20", " ").replace("%3A", ":")
}

#[cfg(test)]
mod client_error_tests {
    use super::*;

    #[test]
    fn only_tonics_decode_and_size_errors_are_rewritten() {
        let decode = "failed to decode Protobuf message: invalid varint";
        assert_eq!(client_error(Code::Internal, decode), Some(Code::InvalidArgument));
        let size = "Error, decoded message length too large: found 9 bytes, the limit is: 8 bytes";
        assert_eq!(client_error(Code::OutOfRange, size), Some(Code::ResourceExhausted));
        assert_eq!(client_error(Code::Internal, "internal error: a worker panicked"), None);
        assert_eq!(client_error(Code::OutOfRange, "page beyond max_k"), None);
        assert_eq!(read_error(Status::internal(decode)).code(), Code::InvalidArgument);
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use opstap_core::validate::RecordError;
    use opstap_index::LineError;

    use super::*;

    /// Every variant has its code; INVALID_ARGUMENT carries the field violations.
    #[test]
    fn every_error_has_its_status() {
        let line = LineError {
            source: "upsert".into(),
            line: 3,
            error: RecordError { field: "isco".into(), message: "unknown".into() },
        };
        let io = || std::io::Error::other("disk");
        let cases: Vec<(ApiError, Code)> = vec![
            (ApiError::invalid("participant.id", "is empty"), Code::InvalidArgument),
            (ApiError::NotFound { what: "vacancy", id: "v-1".into() }, Code::NotFound),
            (ApiError::DeadlineExceeded, Code::DeadlineExceeded),
            (ApiError::Internal("boom".into()), Code::Internal),
            (ApiError::ShuttingDown, Code::Unavailable),
            (
                IndexError::InvalidInput { errors: vec![line], lines: 5 }.into(),
                Code::InvalidArgument,
            ),
            (IndexError::Locked("x".into()).into(), Code::Unavailable),
            (
                IndexError::FormatMismatch { path: PathBuf::from("d"), found: 1, expected: 2 }
                    .into(),
                Code::FailedPrecondition,
            ),
            (
                IndexError::NotAnOpstapIndex { path: PathBuf::from("d") }.into(),
                Code::FailedPrecondition,
            ),
            (
                IndexError::Corrupt { id: "v-1".into(), message: "bad".into() }.into(),
                Code::DataLoss,
            ),
            (IndexError::Io { path: PathBuf::from("d"), source: io() }.into(), Code::Internal),
        ];
        for (error, code) in cases {
            let status = Status::from(error);
            assert_eq!(status.code(), code, "{status:?}");
        }
        let status = Status::from(ApiError::from(IndexError::InvalidInput {
            errors: vec![LineError {
                source: "upsert".into(),
                line: 3,
                error: RecordError { field: "isco".into(), message: "unknown".into() },
            }],
            lines: 5,
        }));
        let fields: Vec<String> = status
            .get_details_bad_request()
            .unwrap()
            .field_violations
            .into_iter()
            .map(|v| v.field)
            .collect();
        assert_eq!(fields, ["isco"]);
    }

    /// An echoed value is cut and its control characters escaped, in the message and in
    /// the details, so a 20 KB id cannot push an answer over a client's metadata limit.
    #[test]
    fn echoed_values_are_cut() {
        let long = format!("v-{}\nINFO forged log line", "x".repeat(20_000));
        let status = Status::from(ApiError::NotFound { what: "vacancy", id: long.clone() });
        assert!(status.message().chars().count() <= MAX_MESSAGE_CHARS + 1);
        assert!(!status.message().contains('\n'));
        let status = Status::from(ApiError::invalid(long.clone(), long));
        let v = &status.get_details_bad_request().unwrap().field_violations[0];
        assert!(v.field.chars().count() <= MAX_DETAIL_CHARS + 1 && v.field.ends_with('…'));
        assert!(v.description.chars().count() <= MAX_DETAIL_CHARS + 1);
        assert_eq!(cut("a\u{7}b", 10), "a\\u{7}b");
        assert_eq!(cut("kort", 10), "kort");
    }
}
