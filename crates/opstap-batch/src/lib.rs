//! opstap-batch: the nightly re-match. Every participant of a JSON Lines file against one
//! read-only snapshot of the index, on an owned rayon pool, through the same engine path
//! as `opstap match` and the gRPC service; with what changed since the previous run.
//!
//! Output (`OUT_DIR`): `matches.jsonl`, `plans.jsonl`, `changes.jsonl`, `rejected.jsonl`,
//! `summary.json`. Deterministic (input order; ties broken by vacancy id) and atomic
//! (written beside `OUT_DIR` and renamed into place). No tokio here.

pub mod diff;
pub mod record;
pub mod run;
pub mod shard;
pub mod summary;

pub use run::{
    BatchError, BatchOptions, BatchProgress, BatchReport, Matched, PAGES_DIR, match_one,
    page_file_name, run, run_with,
};
pub use shard::{Shard, merge};
pub use summary::Summary;
