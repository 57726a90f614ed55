//! The nightly run: determinism, the engine path, rejected lines, a panic in one
//! participant, and the diff on hand-made before/after vacancy sets.

use std::path::Path;

use opstap_batch::record::{ChangeLine, DropReason, MatchLine, NewReason, RejectedLine};
use opstap_batch::{BatchOptions, match_one, run, run_with};
use opstap_core::validate::{ValidVacancy, parse_participant};
use opstap_core::{Date, MatchConfig, Matcher, Participant, Taxonomy, Vacancy};
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};
use opstap_synth::Generator;

fn today() -> Date {
    Date::from_ymd(2026, 11, 27).unwrap()
}

fn matcher() -> Matcher {
    Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today())
}

fn fixture_index() -> VacancyIndex {
    let index = VacancyIndex::in_memory().unwrap();
    index
        .ingest_str("fixtures", opstap_fixtures::VACANCIES_JSONL, IngestOptions::default())
        .unwrap();
    index
}

/// The cohort, 60 generated participants, and four bad lines among them.
fn participants_file(dir: &Path) -> std::path::PathBuf {
    let mut text = Vec::new();
    for (_, json) in opstap_fixtures::COHORT {
        let p: serde_json::Value = serde_json::from_str(json).unwrap();
        text.extend_from_slice(p.to_string().as_bytes());
        text.push(b'\n');
    }
    text.extend_from_slice(
        b"{\"id\": \"p-bad\", \"languages\": [{\"lang\": \"nl\", \"level\": \"B3\"}]}\n",
    );
    text.extend_from_slice(b"not json\n");
    text.extend_from_slice(b"\n");
    text.extend_from_slice(&[0xff, 0xfe, b'\n']);
    let g = Generator::new();
    for i in 0..60 {
        text.extend_from_slice(
            serde_json::to_string(&g.participant(3, i, today())).unwrap().as_bytes(),
        );
        text.push(b'\n');
    }
    // A duplicate id.
    text.extend_from_slice(opstap_fixtures::COHORT[0].1.replace('\n', " ").as_bytes());
    text.push(b'\n');
    let path = dir.join("participants.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn lines<T: serde::de::DeserializeOwned>(path: &Path) -> Vec<T> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const FILES: [&str; 5] =
    ["matches.jsonl", "plans.jsonl", "changes.jsonl", "rejected.jsonl", "summary.json"];

#[test]
fn same_inputs_give_byte_identical_outputs_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let index = fixture_index();
    let m = matcher();
    let mut outs = Vec::new();
    for (i, threads) in [1, 2, 2].into_iter().enumerate() {
        let out = dir.path().join(format!("out-{i}"));
        let options = BatchOptions { top: 10, threads, previous: None, pages: None, shard: None };
        run(&index, &m, &input, &out, &options, &mut |_| {}).unwrap();
        outs.push(out);
    }
    for name in FILES {
        let first = std::fs::read(outs[0].join(name)).unwrap();
        for o in &outs[1..] {
            assert!(first == std::fs::read(o.join(name)).unwrap(), "{name} differs");
        }
    }
    // Nothing left beside the outputs.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn each_line_is_what_the_engine_returns() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let index = fixture_index();
    let m = matcher();
    let out = dir.path().join("out");
    run(
        &index,
        &m,
        &input,
        &out,
        &BatchOptions { top: 10, ..BatchOptions::default() },
        &mut |_| {},
    )
    .unwrap();
    let got: Vec<MatchLine> = lines(&out.join("matches.jsonl"));
    assert_eq!(got.len(), 20 + 60);
    for (_, json) in opstap_fixtures::COHORT {
        let p = parse_participant(json, Taxonomy::embedded()).unwrap();
        let want = index.match_participant(&m, &p, 10, RankOptions::FULL).unwrap();
        let line = got.iter().find(|l| l.participant_id == p.id).unwrap();
        assert_eq!(line.eligible, want.eligible.unwrap());
        let ids: Vec<(&str, usize, f64)> =
            line.matches.iter().map(|x| (x.vacancy_id.as_str(), x.rank, x.score)).collect();
        let want: Vec<(&str, usize, f64)> = want
            .matches
            .iter()
            .map(|x| (x.vacancy.id.as_str(), x.rank, x.explanation.score))
            .collect();
        assert_eq!(ids, want, "{}", p.id);
        for x in &line.matches {
            let sum: f64 = x.components.values().sum();
            assert!((sum - x.score).abs() < 1e-9);
        }
    }
    // Plans in the same order as the matches.
    let plans: Vec<serde_json::Value> = lines(&out.join("plans.jsonl"));
    let order: Vec<&str> = plans.iter().map(|p| p["participant_id"].as_str().unwrap()).collect();
    let want: Vec<&str> = got.iter().map(|l| l.participant_id.as_str()).collect();
    assert_eq!(order, want);
}

#[test]
fn rejected_lines_are_reported_and_the_rest_is_matched() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let out = dir.path().join("out");
    let report =
        run(&fixture_index(), &matcher(), &input, &out, &BatchOptions::default(), &mut |_| {})
            .unwrap();
    let rejected: Vec<RejectedLine> = lines(&out.join("rejected.jsonl"));
    let got: Vec<(usize, &str, Option<&str>)> =
        rejected.iter().map(|r| (r.line, r.kind.as_str(), r.field.as_deref())).collect();
    assert_eq!(
        got,
        [
            (21, "INVALID", Some("languages[0].level")),
            (22, "INVALID", Some("(record)")),
            (24, "INVALID", None),
            (85, "INVALID", Some("id")),
        ],
        "{rejected:#?}"
    );
    assert!(rejected[0].reason.contains("B3"));
    assert!(rejected[3].reason.contains("first on line 1"));
    let s = &report.summary.participants;
    assert_eq!((s.lines, s.matched, s.rejected, s.failed), (85, 80, 4, 0));
}

#[test]
fn a_panic_in_one_participant_fails_only_that_participant() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let index = fixture_index();
    let m = matcher();
    let victim = parse_participant(opstap_fixtures::COHORT[4].1, Taxonomy::embedded()).unwrap();
    let job = |p: &Participant| {
        if p.id == victim.id {
            panic!("scoring blew up");
        }
        match_one(&index, &m, p, 20, None)
    };
    let out = dir.path().join("out");
    let report =
        run_with(&index, &m, &input, &out, &BatchOptions::default(), &mut |_| {}, &job).unwrap();
    assert_eq!(report.summary.participants.failed, 1);
    assert_eq!(report.summary.participants.matched, 79);
    let rejected: Vec<RejectedLine> = lines(&out.join("rejected.jsonl"));
    let failed: Vec<&RejectedLine> = rejected.iter().filter(|r| r.kind == "FAILED").collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].participant_id.as_deref(), Some(victim.id.as_str()));
    assert_eq!(failed[0].line, 5);
    assert!(failed[0].reason.contains("scoring blew up"));
}

fn vacancies_of(index: &VacancyIndex) -> Vec<Vacancy> {
    index.compiled_vacancies().unwrap().iter().map(|v| index.get(&v.id).unwrap().unwrap()).collect()
}

#[test]
fn changes_name_what_happened_to_each_match() {
    let dir = tempfile::tempdir().unwrap();
    let m = matcher();
    let p =
        parse_participant(opstap_fixtures::cohort_member("p-12").unwrap(), Taxonomy::embedded())
            .unwrap();
    let input = dir.path().join("one.jsonl");
    std::fs::write(&input, format!("{}\n", serde_json::to_string(&p).unwrap())).unwrap();
    let options = BatchOptions { top: 6, ..BatchOptions::default() };

    // Before: the bundled vacancies.
    let before_index = fixture_index();
    let before = dir.path().join("night-1");
    run(&before_index, &m, &input, &before, &options, &mut |_| {}).unwrap();
    let top: Vec<MatchLine> = lines(&before.join("matches.jsonl"));
    let ids: Vec<String> = top[0].matches.iter().map(|x| x.vacancy_id.clone()).collect();
    assert_eq!(ids.len(), 6);

    // The next night, by hand: #1 removed, #2 closed yesterday, #3 now needs Dutch C2,
    // the first of #4 and #6 that has a trial day drops it, and a new vacancy (a copy of
    // #5) is posted.
    let tomorrow = today().add_days(1);
    let m = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), tomorrow);
    let after_index = VacancyIndex::in_memory().unwrap();
    let mut vacancies = vacancies_of(&before_index);
    vacancies.retain(|v| v.id != ids[0]);
    let yesterday = today();
    // It drops its trial day, which lowers its score.
    let lowered = [&ids[3], &ids[5]]
        .into_iter()
        .find(|id| vacancies.iter().any(|v| &v.id == *id && v.application.practical == Some(true)))
        .expect("#4 or #6 has a trial day")
        .clone();
    let mut extra = None;
    for v in &mut vacancies {
        if v.id == ids[1] {
            v.valid_through = Some(yesterday);
        } else if v.id == ids[2] {
            v.requirements.languages = vec![opstap_core::model::LanguageRequirement {
                any_of: vec![opstap_core::model::LanguageSkill {
                    lang: opstap_core::model::LangCode("nl".into()),
                    level: opstap_core::model::CefrLevel::C2,
                }],
            }];
        } else if v.id == lowered {
            assert_eq!(v.application.practical, Some(true));
            v.application.practical = Some(false);
        }
        if v.id == ids[4] {
            let mut copy = v.clone();
            copy.id = "v-new-today".into();
            copy.posted = Some(tomorrow);
            extra = Some(copy);
        }
    }
    vacancies.push(extra.unwrap());
    let vacancies: Vec<ValidVacancy> = vacancies
        .into_iter()
        .map(|v| ValidVacancy::new(v, opstap_core::Taxonomy::embedded()).unwrap())
        .collect();
    after_index.upsert(&vacancies).unwrap();
    let after = dir.path().join("night-2");
    let options = BatchOptions { previous: Some(before.clone()), ..options };
    let report = run(&after_index, &m, &input, &after, &options, &mut |_| {}).unwrap();

    let changes: Vec<ChangeLine> = lines(&after.join("changes.jsonl"));
    assert_eq!(changes.len(), 1);
    let c = &changes[0];
    assert!(!c.first_run && !c.qualification_changed);
    let dropped: Vec<(&str, DropReason)> =
        c.dropped.iter().map(|d| (d.vacancy_id.as_str(), d.reason)).collect();
    assert!(dropped.contains(&(ids[0].as_str(), DropReason::VacancyRemoved)), "{c:#?}");
    assert!(dropped.contains(&(ids[1].as_str(), DropReason::VacancyClosed)), "{c:#?}");
    assert!(dropped.contains(&(ids[2].as_str(), DropReason::NoLongerEligible)), "{c:#?}");
    let language = c.dropped.iter().find(|d| d.vacancy_id == ids[2]).unwrap();
    assert_eq!(language.requirements, [opstap_core::RequirementKind::Language]);
    let new: Vec<(&str, NewReason)> =
        c.new.iter().map(|n| (n.vacancy_id.as_str(), n.reason)).collect();
    assert!(new.contains(&("v-new-today", NewReason::NewVacancy)), "{c:#?}");
    // Lower, and either still in the top-k (changed, in the APPLICATION component) or
    // pushed out of it by the others (dropped, LEFT_TOP_K).
    match c.changed.iter().find(|x| x.vacancy_id == lowered) {
        Some(x) => {
            assert!(x.score < x.previous_score);
            assert_eq!(x.components.keys().collect::<Vec<_>>(), ["APPLICATION"]);
        }
        None => assert!(dropped.contains(&(lowered.as_str(), DropReason::LeftTopK)), "{c:#?}"),
    }
    let counts = report.summary.changes.unwrap();
    assert_eq!(counts.participants_with_changes, 1);
    assert_eq!(counts.new, c.new.len());

    // Same data again: no changes at all.
    let again = dir.path().join("night-3");
    let options = BatchOptions { previous: Some(after.clone()), ..options };
    run(&after_index, &m, &input, &again, &options, &mut |_| {}).unwrap();
    assert_eq!(std::fs::read_to_string(again.join("changes.jsonl")).unwrap(), "");
}

#[test]
fn a_previous_dir_that_is_not_a_batch_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let options =
        BatchOptions { previous: Some(dir.path().join("nothing")), ..BatchOptions::default() };
    let e =
        run(&fixture_index(), &matcher(), &input, &dir.path().join("out"), &options, &mut |_| {})
            .unwrap_err();
    assert!(e.to_string().contains("summary.json"), "{e}");
    assert!(!dir.path().join("out").try_exists().unwrap());
}

/// The work lists: the employers whose unknown TWV stance holds fitting matches of the
/// most people (each entry's vacancies are such matches), and per person the unknown
/// facts that the most fitting matches wait on.
#[test]
fn the_summary_names_whom_to_call_and_each_line_what_to_ask() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let out = dir.path().join("out");
    run(&fixture_index(), &matcher(), &input, &out, &BatchOptions::default(), &mut |_| {}).unwrap();
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let matches: Vec<MatchLine> = lines(&out.join("matches.jsonl"));
    let outreach = summary["twv_outreach"].as_array().unwrap();
    assert!(!outreach.is_empty(), "the fixtures have employers of unknown stance");
    let m = matcher();
    for entry in outreach {
        let employer = entry["employer_id"].as_str().unwrap();
        let waiting: Vec<&str> = matches
            .iter()
            .filter(|l| {
                l.matches.iter().any(|x| {
                    x.employer_id.as_deref() == Some(employer)
                        && m.is_fitting(x.fit)
                        && x.questions.contains(&opstap_core::RequirementKind::WorkAuthorization)
                })
            })
            .map(|l| l.participant_id.as_str())
            .collect();
        assert_eq!(entry["people"].as_u64().unwrap() as usize, waiting.len(), "{employer}");
    }
    let people: Vec<u64> = outreach.iter().map(|e| e["people"].as_u64().unwrap()).collect();
    assert!(people.windows(2).all(|w| w[0] >= w[1]), "most people first: {people:?}");
    let asked = matches.iter().filter(|l| !l.intake_questions.is_empty()).count();
    assert!(asked > 0, "someone has unknown facts that fitting matches wait on");
    for l in &matches {
        let counts: Vec<usize> = l.intake_questions.iter().map(|q| q.fitting_matches).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(
            l.intake_questions
                .iter()
                .all(|q| q.requirement != opstap_core::RequirementKind::WorkAuthorization)
        );
    }
}

#[test]
fn the_batch_writes_each_participants_page_as_the_cli_and_grpc_make_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = participants_file(dir.path());
    let index = fixture_index();
    let m = matcher();
    let out = dir.path().join("out");
    let catalog =
        opstap_core::Catalog::get(opstap_core::Locale::Ar, opstap_core::Voice::Participant);
    let options = BatchOptions { top: 10, pages: Some(catalog), ..BatchOptions::default() };
    run(&index, &m, &input, &out, &options, &mut |_| {}).unwrap();
    let pages: Vec<_> = std::fs::read_dir(out.join(opstap_batch::PAGES_DIR)).unwrap().collect();
    assert_eq!(pages.len(), 20 + 60, "a page per participant");
    for (_, json) in opstap_fixtures::COHORT {
        let p = parse_participant(json, Taxonomy::embedded()).unwrap();
        let page = std::fs::read_to_string(
            out.join(opstap_batch::PAGES_DIR).join(opstap_batch::page_file_name(&p.id)),
        )
        .unwrap();
        let want = index
            .match_participant(&m, &p, opstap_index::PAGE_MATCHES, RankOptions::FULL)
            .unwrap()
            .page(m.today(), catalog, None);
        assert_eq!(page, want, "{}: the page of the one engine path", p.id);
        assert!(page.contains(r#"dir="rtl""#));
    }
    assert_eq!(opstap_batch::page_file_name("p-04"), "p-04.html");
    let odd = opstap_batch::page_file_name("../etc/passwd");
    assert!(!odd.contains('/') && !odd.starts_with('.') && odd.ends_with(".html"), "{odd}");
    assert_ne!(opstap_batch::page_file_name("a/b"), opstap_batch::page_file_name("a_b"));
}
