//! A participant JSON line: parsing and validation never panic, and a profile that
//! passes is matched, explained and planned against the bundled vacancies' kinds without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opstap_core::validate::{parse_participant, parse_vacancy};
use opstap_core::{MatchConfig, Matcher, Taxonomy};

const VACANCIES: [&str; 3] = [
    r#"{"id":"v-1","title":"Medewerker bediening","isco":"5131","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"A2"},{"lang":"en","level":"B1"}]}],"certificates":["HACCP"]},"valid_through":"2027-01-31"}"#,
    r#"{"id":"v-2","title":"Taxichauffeur","isco":"8322","requirements":{"certificates":["TAXI"],"driving_licence":"B"}}"#,
    r#"{"id":"v-3","title":"Verpleegkundige","isco":"2221","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"B2"}]}]},"employer":{"twv":"WILLING"}}"#,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let taxonomy = Taxonomy::embedded();
    let Ok(p) = parse_participant(text, taxonomy) else { return };
    let m = Matcher::new(MatchConfig::default(), taxonomy, "2026-11-27".parse().unwrap());
    let cp = m.compile_participant(&p);
    let vacancies: Vec<_> =
        VACANCIES.iter().map(|v| m.compile_vacancy(&parse_vacancy(v, taxonomy).unwrap())).collect();
    let bm25 = [0.5f32, 0.0, 2.0];
    for (v, b) in vacancies.iter().zip(bm25) {
        let e = m.explain(&cp, v, b, vec![]);
        assert!(e.score.is_finite() && (0.0..=1.0).contains(&e.score), "{}", e.score);
    }
    let near = m.near_misses_reference(&cp, &vacancies, &bm25);
    let _ = m.plan_steps(&cp, &m.tally(&near));
});
