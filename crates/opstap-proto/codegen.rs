//! Code generation with protox (a pure-Rust .proto compiler) and tonic-prost-build:
//! no `protoc` anywhere. Shared by `examples/regenerate.rs` and `tests/fresh.rs`.

use std::path::{Path, PathBuf};

use prost::Message;

/// The directory holding `opstap/v1/*.proto`.
pub(crate) fn proto_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../proto")
}

/// The committed output directory.
pub(crate) fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gen")
}

/// Compiles every `.proto` file of `opstap/v1` into `out_dir`: `opstap.v1.rs` and
/// `opstap_v1_descriptor.bin`.
pub(crate) fn generate(out_dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let root = proto_root();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("opstap/v1"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "proto"));
    files.sort();
    let relative: Vec<PathBuf> = files
        .iter()
        .map(|f| f.strip_prefix(&root).map(Path::to_path_buf))
        .collect::<Result<_, _>>()?;
    let fds = protox::compile(&relative, [&root])?;
    std::fs::write(out_dir.join("opstap_v1_descriptor.bin"), fds.encode_to_vec())?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .out_dir(out_dir)
        .compile_fds(fds)?;
    Ok(())
}
