//! opstap-proto: the prost/tonic code generated from `proto/opstap/v1/*.proto`, and the
//! encoded file descriptor set for server reflection.
//!
//! The code under `src/gen/` is committed, so no build needs `protoc` or protox.
//! Regenerate it after changing a `.proto` file with
//! `cargo run -p opstap-proto --example regenerate`; the test `fresh` fails while the
//! committed code is stale.

/// Package `opstap.v1`: messages, `match_service_{client,server}`,
/// `vacancy_service_{client,server}`.
#[allow(clippy::all, clippy::pedantic, rust_2018_idioms, missing_docs)]
pub mod v1 {
    include!("gen/opstap.v1.rs");
}

/// The encoded `FileDescriptorSet` of `proto/opstap/v1`, for server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!("gen/opstap_v1_descriptor.bin");
