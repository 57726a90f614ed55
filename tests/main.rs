//! Integration tests of opstap's crates together, in one test binary.
//! (End-to-end tests of the `opstap` binary live beside it, in `crates/opstap/tests/`,
//! where cargo provides the built binary.)

mod cohort;
mod equivalence;
mod i18n;
mod ingest;
mod rules;
mod snapshot;
mod support;
