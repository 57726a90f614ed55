//! A participant as protobuf bytes, as a gRPC request carries it: decoding and the
//! proto → core conversion never panic, and a profile that passes is compiled.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opstap_core::{MatchConfig, Matcher, Taxonomy};
use opstap_proto::v1 as pb;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    let Ok(message) = pb::Participant::decode(data) else { return };
    let taxonomy = Taxonomy::embedded();
    let Ok(p) = opstap_grpc::convert::participant(message, "participant", taxonomy) else {
        return;
    };
    let m = Matcher::new(MatchConfig::default(), taxonomy, "2026-11-27".parse().unwrap());
    let _ = m.compile_participant(&p);
});
