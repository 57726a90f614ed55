//! A vacancy JSON line: parsing and validation never panic, and a vacancy that passes is
//! compiled and classified for a profile without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opstap_core::validate::parse_vacancy;
use opstap_core::{MatchConfig, Matcher, Participant, Taxonomy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let taxonomy = Taxonomy::embedded();
    let Ok(v) = parse_vacancy(text, taxonomy) else { return };
    let m = Matcher::new(MatchConfig::default(), taxonomy, "2026-11-27".parse().unwrap());
    let p: Participant = opstap_core::validate::parse_json(
        r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"}],"certificates":[],"driving_licences":[],"horizon_weeks":52}"#,
    )
    .unwrap();
    let cp = m.compile_participant(&p);
    let cv = m.compile_vacancy(&v);
    let explanation = m.explain(&cp, &cv, 1.0, vec![]);
    assert!(explanation.score.is_finite());
    let near = m.near_misses_reference(&cp, &[cv], &[1.0]);
    let _ = m.plan_steps(&cp, &m.tally(&near));
});
