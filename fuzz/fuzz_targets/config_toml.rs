//! Config files: the matching config and the serve config are parsed and checked
//! without panicking; a matching config that passes builds a matcher.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opstap_core::{MatchConfig, Matcher, Taxonomy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = MatchConfig::from_toml_str(text) {
        let _ = Matcher::new(config, Taxonomy::embedded(), "2026-11-27".parse().unwrap());
    }
    if let Ok(serve) = opstap_grpc::ServeConfig::from_toml_str(text) {
        let _ = serve.limits();
    }
});
