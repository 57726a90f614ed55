//! Regenerates `src/gen/` from `proto/opstap/v1/*.proto`:
//! `cargo run -p opstap-proto --example regenerate`.

#[path = "../codegen.rs"]
mod codegen;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = codegen::committed_dir();
    codegen::generate(&out)?;
    println!("regenerated {}", out.display());
    Ok(())
}
