//! The committed generated code must be what the `.proto` files generate today.

#[path = "../codegen.rs"]
mod codegen;

#[test]
fn committed_code_matches_the_proto_files() {
    let dir = tempfile::tempdir().unwrap();
    codegen::generate(dir.path()).unwrap();
    for name in ["opstap.v1.rs", "opstap_v1_descriptor.bin"] {
        let fresh = std::fs::read(dir.path().join(name)).unwrap();
        let committed = std::fs::read(codegen::committed_dir().join(name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "crates/opstap-proto/src/gen/{name} is stale: run \
             `cargo run -p opstap-proto --example regenerate` and commit the result"
        );
    }
}
