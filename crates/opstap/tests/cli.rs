//! End-to-end tests of the `opstap` binary, run the way a user runs it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_opstap");

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// `opstap` with its default data dir inside `home`, matching on a fixed day.
fn opstap(home: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--today", "2026-11-27"])
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env_remove("OPSTAP_DATA_DIR")
        .env_remove("OPSTAP_CONFIG")
        .env("RUST_LOG", "opstap=info")
        .output()
        .expect("run opstap")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn readme_match_command_works_on_a_fresh_machine() {
    let home = tempfile::tempdir().unwrap();
    let technician = fixtures().join("cohort/p-04-technician.json");
    let o = opstap(
        home.path(),
        &["--lang", "en", "match", "--participant", technician.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Participant p-04"), "{out}");
    assert!(
        out.contains("Step plan for p-04")
            && out.contains("still open when the participant finishes"),
        "the caseworker's voice by default: {out}"
    );
    assert!(out.contains("Basic safety (B-VCA)") && out.contains("Dutch B1"), "{out}");
    assert!(stderr(&o).contains("seeding the default index"), "first use seeds the default dir");
    // Second run: the default index is reused, not rebuilt.
    let o = opstap(home.path(), &["match", "-p", technician.to_str().unwrap(), "-k", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("seeding"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Past bij de wens van de deelnemer"),
        "Dutch is the default language"
    );
    assert!(stdout(&o).contains("Stappenplan voor p-04"), "{}", stdout(&o));
    let o = opstap(
        home.path(),
        &["--voice", "participant", "match", "-p", technician.to_str().unwrap(), "-k", "3"],
    );
    assert!(stdout(&o).contains("Past bij je wens"), "the participant's voice: {}", stdout(&o));
}

#[test]
fn match_json_for_every_cohort_member_has_no_gaps_in_the_main_list() {
    let home = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixtures().join("cohort")).unwrap() {
        let path = entry.unwrap().path();
        let o = opstap(home.path(), &["match", "--json", "-p", path.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for m in v["matches"].as_array().unwrap() {
            let e = &m["explanation"];
            assert_eq!(e["class"], "ELIGIBLE");
            for r in e["requirements"].as_array().unwrap() {
                let outcome = r["outcome"].as_str().unwrap();
                assert!(outcome == "MET" || outcome == "UNKNOWN", "{}: {r}", path.display());
                assert!(r["reason"]["text"].as_str().is_some_and(|t| !t.is_empty()));
            }
            assert!(e["reasons"][0]["code"].is_string());
        }
    }
}

#[test]
fn explain_and_plan_and_config() {
    let home = tempfile::tempdir().unwrap();
    let technician = fixtures().join("cohort/p-04-technician.json");
    let t = technician.to_str().unwrap();
    let plan = opstap(home.path(), &["plan", "--json", "-p", t]);
    assert!(plan.status.success(), "{}", stderr(&plan));
    let plan: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    let example = plan["options"][0]["examples"][0].as_str().unwrap().to_owned();
    let o = opstap(home.path(), &["--lang", "en", "explain", "-p", t, "-v", &example]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("near miss") && out.contains("bridgeable") && out.contains("→ Obtain"),
        "{out}"
    );
    let o = opstap(home.path(), &["explain", "-p", t, "-v", "v-nope"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no vacancy with id `v-nope`"));

    let o = opstap(home.path(), &["config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("[weights]"));
    let bad = home.path().join("bad.toml");
    std::fs::write(&bad, "[weights]\nrelevanse = 1\n").unwrap();
    let o = opstap(home.path(), &["--config", bad.to_str().unwrap(), "config"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("weights.relevanse"), "{}", stderr(&o));
}

#[test]
fn a_bad_participant_file_names_the_field() {
    let home = tempfile::tempdir().unwrap();
    let p = home.path().join("p.json");
    std::fs::write(&p, r#"{"id":"p-1","languages":[{"lang":"nl","level":"B3"}]}"#).unwrap();
    let o = opstap(home.path(), &["match", "-p", p.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("p.json") && err.contains("languages[0].level") && err.contains("B1"),
        "{err}"
    );
}

#[test]
fn index_rejects_a_bad_file_whole_or_skips_with_a_report() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let d = data.to_str().unwrap();
    let good = fixtures().join("vacancies.jsonl");
    let o = opstap(home.path(), &["--data-dir", d, "index", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("indexed 400 of 400 lines"), "{}", stdout(&o));

    let bad = home.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"v-new\",\"title\":\"Kok\"}\n{\"id\":\"v-bad\",\"title\":\"x\",\"requirements\":{\"education\":{\"nlqf\":9}}}\n",
    )
    .unwrap();
    let o = opstap(home.path(), &["--data-dir", d, "index", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("bad.jsonl:2: field `requirements.education.nlqf`") && err.contains("1 to 8"),
        "{err}"
    );
    let stats = opstap(home.path(), &["--data-dir", d, "stats"]);
    assert!(stdout(&stats).contains("\"vacancies\":400"), "untouched: {}", stdout(&stats));

    let o =
        opstap(home.path(), &["--data-dir", d, "index", "--skip-invalid", bad.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rejected = std::fs::read_to_string(home.path().join("bad.jsonl.rejected.jsonl")).unwrap();
    assert!(rejected.contains("\"line\":2") && rejected.contains("nlqf"), "{rejected}");
    let stats = opstap(home.path(), &["--data-dir", d, "stats"]);
    assert!(stdout(&stats).contains("\"vacancies\":401"), "{}", stdout(&stats));

    let o = opstap(
        home.path(),
        &["--data-dir", home.path().join("empty").to_str().unwrap(), "match", "-p", "x.json"],
    );
    assert!(!o.status.success());
}

#[test]
fn indexing_into_the_default_dir_keeps_the_users_vacancies() {
    let home = tempfile::tempdir().unwrap();
    let own = home.path().join("own.jsonl");
    std::fs::write(&own, "{\"id\":\"v-own\",\"title\":\"Kok\",\"isco\":\"5120\"}\n").unwrap();
    let o = opstap(home.path(), &["index", own.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("the index holds 401 vacancies"),
        "seeded, then added: {}",
        stdout(&o)
    );
    let technician = fixtures().join("cohort/p-04-technician.json");
    let o = opstap(home.path(), &["explain", "-p", technician.to_str().unwrap(), "-v", "v-own"]);
    assert!(o.status.success(), "still there after the next command: {}", stderr(&o));
}

#[test]
fn generate_is_deterministic_and_valid() {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("a.jsonl");
    let b = home.path().join("b.jsonl");
    for out in [&a, &b] {
        let o = opstap(
            home.path(),
            &["generate", "--vacancies", "300", "--seed", "5", "--out", out.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let o = opstap(home.path(), &["generate", "--participants", "50", "--seed", "5"]);
    assert_eq!(stdout(&o).lines().count(), 50);
    // Generated vacancies index without a single rejection.
    let d = home.path().join("data");
    let o = opstap(home.path(), &["--data-dir", d.to_str().unwrap(), "index", a.to_str().unwrap()]);
    assert!(stdout(&o).contains("indexed 300 of 300"), "{}", stdout(&o));
}

#[test]
fn a_killed_ingest_leaves_the_last_commit_readable() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let d = data.to_str().unwrap();
    let good = fixtures().join("vacancies.jsonl");
    let o = opstap(home.path(), &["--data-dir", d, "index", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let big = home.path().join("big.jsonl");
    let o = opstap(
        home.path(),
        &["generate", "--vacancies", "60000", "--seed", "9", "--out", big.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // Kill the ingest once it has started validating and adding documents.
    let mut child = Command::new(BIN)
        .args(["--data-dir", d, "index", big.to_str().unwrap()])
        .env("RUST_LOG", "opstap=info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut started = false;
    for line in lines.by_ref() {
        if line.unwrap().contains("indexing: each line validated and added") {
            started = true;
            break;
        }
    }
    assert!(started, "the ingest reported its indexing phase");
    child.kill().unwrap();
    child.wait().unwrap();

    let stats = opstap(home.path(), &["--data-dir", d, "stats"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let n: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let n = n["vacancies"].as_u64().unwrap();
    assert!(n == 400 || n == 60_400, "either the old or the new commit, got {n}");
    // The writer lock died with the process: the next ingest works.
    let o = opstap(home.path(), &["--data-dir", d, "index", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn serve_refuses_to_start_without_tokens_or_with_a_bad_config() {
    let home = tempfile::tempdir().unwrap();
    let o = opstap(home.path(), &["serve", "--address", "127.0.0.1:0"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no tokens") && stderr(&o).contains("--dev"), "{}", stderr(&o));
    let config = home.path().join("serve.toml");
    std::fs::write(&config, "adress = \"127.0.0.1:1\"\n").unwrap();
    let o = opstap(home.path(), &["serve", "--dev", "--serve-config", config.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("serve.toml") && stderr(&o).contains("adress"), "{}", stderr(&o));
    let o = opstap(home.path(), &["serve", "--tokens", "boss:secret"]);
    assert!(stderr(&o).contains("unknown role `boss`"), "{}", stderr(&o));
    // A short token is refused, named by its source, and never echoed.
    let o = opstap(home.path(), &["serve", "--tokens", "admin:secret"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("--tokens") && err.contains("at least 16"), "{err}");
    assert!(!err.contains("secret"), "{err}");
}

/// `opstap serve --dev` on a fresh machine: seeds the default data dir, prints the
/// address and a dev token, and stops cleanly on SIGTERM.
#[cfg(unix)]
#[test]
fn serve_dev_prints_address_and_token_and_stops_on_sigterm() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, first, second) = serve_dev_lines(home.path());
    assert!(first.contains("serving 400 vacancies on http://127.0.0.1:"), "{first}");
    assert!(second.starts_with("dev token (admin): dev-"), "{second}");
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = child.wait().unwrap();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut err);
    }
    assert!(status.success(), "{status:?}: {err}");
}

/// `opstap batch` gives, for each participant, what `opstap match` gives.
#[test]
fn batch_lines_equal_match_for_each_participant() {
    let home = tempfile::tempdir().unwrap();
    let input = home.path().join("cohort.jsonl");
    let mut text = String::new();
    for (_, json) in opstap_fixtures::COHORT.iter().take(5) {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        text.push_str(&v.to_string());
        text.push('\n');
    }
    std::fs::write(&input, text).unwrap();
    let out = home.path().join("night");
    let o = opstap(
        home.path(),
        &[
            "batch",
            "--participants",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--top",
            "10",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("matched 5 participants against 400 vacancies"), "{}", stdout(&o));
    let batch = std::fs::read_to_string(out.join("matches.jsonl")).unwrap();
    for (line, (slug, _)) in batch.lines().zip(opstap_fixtures::COHORT) {
        let line: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = fixtures().join("cohort").join(slug);
        let m = opstap(home.path(), &["match", "--json", "-k", "10", "-p", file.to_str().unwrap()]);
        assert!(m.status.success(), "{}", stderr(&m));
        let m: serde_json::Value = serde_json::from_slice(&m.stdout).unwrap();
        assert_eq!(line["participant_id"], m["participant_id"]);
        assert_eq!(line["eligible"], m["eligible"]);
        let batch: Vec<(&serde_json::Value, &serde_json::Value)> = line["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (&x["vacancy_id"], &x["score"]))
            .collect();
        let single: Vec<(&serde_json::Value, &serde_json::Value)> = m["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (&x["vacancy"]["id"], &x["explanation"]["score"]))
            .collect();
        assert_eq!(batch, single, "{slug}");
    }
}

/// A batch killed mid-run leaves the previous complete output in place, untouched.
#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_the_previous_output() {
    let home = tempfile::tempdir().unwrap();
    let small = home.path().join("small.jsonl");
    let big = home.path().join("big.jsonl");
    for (path, n) in [(&small, "30"), (&big, "40000")] {
        let o = opstap(
            home.path(),
            &["generate", "--participants", n, "--seed", "4", "--out", path.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let out = home.path().join("night");
    let o = opstap(
        home.path(),
        &["batch", "--participants", small.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let read_all = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let before = read_all(&out);
    assert_eq!(before.len(), 6, "five outputs and the marker");

    let mut child = Command::new(BIN)
        .args(["--today", "2026-11-27", "batch", "--participants", big.to_str().unwrap()])
        .args(["--out", out.to_str().unwrap()])
        .env("XDG_DATA_HOME", home.path())
        .env_remove("OPSTAP_DATA_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the run has written output into its temporary directory, then kill it.
    let tmp_prefix = ".night.tmp-";
    let written = |dir: &Path| -> bool {
        std::fs::read_dir(dir).unwrap().flatten().any(|e| {
            e.file_name().to_string_lossy().starts_with(tmp_prefix)
                && std::fs::metadata(e.path().join("matches.jsonl")).is_ok_and(|m| m.len() > 0)
        })
    };
    while !written(home.path()) {
        assert!(child.try_wait().unwrap().is_none(), "the batch ended before it was killed");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(read_all(&out) == before, "the previous output is intact");
    // The next run cleans up the killed run's leftovers.
    let o = opstap(
        home.path(),
        &["batch", "--participants", small.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let leftovers = std::fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(tmp_prefix))
        .count();
    assert_eq!(leftovers, 0);
    assert!(read_all(&out) == before, "same inputs, same bytes");
}

/// `batch --out` never replaces a directory that is not a batch output.
#[test]
fn batch_refuses_to_replace_a_directory_of_other_files() {
    let home = tempfile::tempdir().unwrap();
    let people = home.path().join("people.jsonl");
    let o = opstap(
        home.path(),
        &["generate", "--participants", "3", "--seed", "4", "--out", people.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let documents = home.path().join("Documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("cv.txt"), "mine").unwrap();
    let o = opstap(
        home.path(),
        &[
            "batch",
            "--participants",
            people.to_str().unwrap(),
            "--out",
            documents.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not an opstap batch output"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(documents.join("cv.txt")).unwrap(), "mine");
    assert_eq!(std::fs::read_dir(&documents).unwrap().count(), 1);
}

/// Starts `opstap serve --dev` on the default data dir under `home`; returns the child and
/// its first two lines of output (the address, the dev token).
#[cfg(unix)]
fn serve_dev_lines(home: &Path) -> (std::process::Child, String, String) {
    let mut child = Command::new(BIN)
        .args(["--today", "2026-11-27", "serve", "--dev", "--address", "127.0.0.1:0"])
        .env("XDG_DATA_HOME", home)
        .env_remove("OPSTAP_DATA_DIR")
        .env_remove("OPSTAP_TOKENS")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    (child, first, second)
}

/// [`serve_dev_lines`], read: the child, its address and its admin token.
#[cfg(unix)]
fn serve_dev(home: &Path) -> (std::process::Child, String, String) {
    let (child, first, second) = serve_dev_lines(home);
    let address = first.rsplit(' ').next().unwrap().to_owned();
    let token = second.rsplit(' ').next().unwrap().to_owned();
    (child, address, token)
}

/// Vacancies written over gRPC into the default data dir survive a kill -9 right after
/// the write, and the dir is the user's from then on: a later run never reseeds it away.
/// While the server runs, another process reads the same dir (a shared lock).
#[cfg(unix)]
#[test]
fn vacancies_upserted_over_grpc_into_the_default_dir_are_kept() {
    use opstap_proto::v1::vacancy_service_client::VacancyServiceClient;
    use opstap_proto::v1::{UpsertVacanciesRequest, Vacancy};

    let home = tempfile::tempdir().unwrap();
    let (mut child, address, token) = serve_dev(home.path());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let mut client = VacancyServiceClient::connect(address).await.unwrap();
        let vacancy = Vacancy { id: "v-grpc".into(), title: "Kok".into(), ..Default::default() };
        let mut request = tonic::Request::new(tokio_stream::iter(vec![UpsertVacanciesRequest {
            vacancies: vec![vacancy],
        }]));
        request.metadata_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
        let reply = client.upsert_vacancies(request).await.unwrap().into_inner();
        assert_eq!(reply.vacancies, 401);
    });
    // Another process reads the dir while the server holds it.
    let technician = fixtures().join("cohort/p-04-technician.json");
    let o = opstap(home.path(), &["explain", "-p", technician.to_str().unwrap(), "-v", "v-grpc"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("seeding"), "{}", stderr(&o));
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-KILL", &pid]).status().unwrap().success());
    let _ = child.wait();
    let marker = home.path().join("opstap/default/opstap-fixtures.fingerprint");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "user-data");
    // A later build bundling other fixtures would reseed a dir that is not the user's;
    // this one is, so the vacancy stays.
    let o = opstap(home.path(), &["explain", "-p", technician.to_str().unwrap(), "-v", "v-grpc"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Seeding killed at any moment leaves no half-built default index: the next run
/// recovers and has all 400 bundled vacancies.
#[cfg(unix)]
#[test]
fn a_killed_seeding_is_recovered_by_the_next_run() {
    let technician = fixtures().join("cohort/p-04-technician.json");
    for delay_ms in [5u64, 40, 120, 250] {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new(BIN)
            .args(["match", "-p", technician.to_str().unwrap()])
            .env("XDG_DATA_HOME", home.path())
            .env_remove("OPSTAP_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = Command::new("kill").args(["-KILL", &child.id().to_string()]).status();
        let _ = child.wait();
        let o = opstap(home.path(), &["--lang", "en", "match", "-p", technician.to_str().unwrap()]);
        assert!(o.status.success(), "after a kill at {delay_ms} ms: {}", stderr(&o));
        let o = opstap(home.path(), &["index", "/dev/null"]);
        assert!(
            stdout(&o).contains("the index holds 400 vacancies"),
            "after a kill at {delay_ms} ms: {}{}",
            stdout(&o),
            stderr(&o)
        );
    }
}

/// `--log-format json` writes each log line as a JSON object.
#[test]
fn logs_can_be_json_lines() {
    let home = tempfile::tempdir().unwrap();
    let technician = fixtures().join("cohort/p-04-technician.json");
    let o =
        opstap(home.path(), &["--log-format", "json", "match", "-p", technician.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stderr).unwrap().lines().collect();
    assert!(!lines.is_empty());
    for line in lines {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v["fields"]["message"].is_string(), "{line}");
    }
}

/// kill -9 while a large upsert streams in or commits: the index afterwards holds either
/// the last commit before it or all of it, never part.
#[cfg(unix)]
#[test]
fn a_server_killed_during_an_upsert_keeps_the_last_commit() {
    use opstap_proto::v1::vacancy_service_client::VacancyServiceClient;
    use opstap_proto::v1::{UpsertVacanciesRequest, Vacancy};

    const N: usize = 20_000;
    for delay_ms in [50u64, 300] {
        let home = tempfile::tempdir().unwrap();
        let (mut child, address, token) = serve_dev(home.path());
        let pid = child.id().to_string();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let mut client = VacancyServiceClient::connect(address).await.unwrap();
            let chunks: Vec<UpsertVacanciesRequest> = (0..N)
                .collect::<Vec<_>>()
                .chunks(500)
                .map(|ids| UpsertVacanciesRequest {
                    vacancies: ids
                        .iter()
                        .map(|i| Vacancy {
                            id: format!("v-up-{i}"),
                            title: "Kok".into(),
                            description: "Koken in een grote keuken. ".repeat(40),
                            ..Default::default()
                        })
                        .collect(),
                })
                .collect();
            let mut request = tonic::Request::new(tokio_stream::iter(chunks));
            request
                .metadata_mut()
                .insert("authorization", format!("Bearer {token}").parse().unwrap());
            let upload = tokio::spawn(async move { client.upsert_vacancies(request).await });
            tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
            assert!(Command::new("kill").args(["-KILL", &pid]).status().unwrap().success());
            let _ = upload.await;
        });
        let _ = child.wait();
        let o = opstap(home.path(), &["index", "/dev/null"]);
        let out = stdout(&o);
        assert!(
            out.contains("the index holds 400 vacancies")
                || out.contains(&format!("the index holds {} vacancies", 400 + N)),
            "killed at {delay_ms} ms: {out}{}",
            stderr(&o)
        );
    }
}

#[test]
fn import_writes_vacancies_with_evidence_reports_rejects_and_indexes() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("vacancies.jsonl");
    let tuning = fixtures().join("postings/tuning");
    let o =
        opstap(home.path(), &["import", tuning.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("75 imported, 0 rejected"), "{}", stderr(&o));
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 75);
    let report = std::fs::read_to_string(home.path().join("vacancies.jsonl.report.jsonl")).unwrap();
    assert_eq!(report.lines().count(), 75);

    // One good posting, one without a title: the good one is kept, the other reported.
    let board = home.path().join("board.jsonl");
    std::fs::write(
        &board,
        concat!(
            r#"{"@type":"JobPosting","identifier":"imp-1","title":"Bezorger","description":"<p>Je hebt rijbewijs B.</p>","jobLocation":{"address":{"addressLocality":"Utrecht"}}}"#,
            "\n",
            r#"{"@type":"JobPosting","identifier":"imp-2","description":"geen titel"}"#,
            "\n"
        ),
    )
    .unwrap();
    let strict = home.path().join("strict.jsonl");
    let o = opstap(
        home.path(),
        &["import", board.to_str().unwrap(), "--out", strict.to_str().unwrap(), "--strict"],
    );
    assert!(!o.status.success());
    assert!(!strict.try_exists().unwrap(), "--strict writes nothing when a posting is rejected");
    let d = home.path().join("data");
    let o = opstap(
        home.path(),
        &[
            "--data-dir",
            d.to_str().unwrap(),
            "import",
            board.to_str().unwrap(),
            "--index",
            "--rejected",
            home.path().join("board.rejected.jsonl").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rejected = std::fs::read_to_string(home.path().join("board.rejected.jsonl")).unwrap();
    assert!(
        rejected.contains("\"position\":\"line 2\"") && rejected.contains("\"field\":\"title\""),
        "{rejected}"
    );
    // Indexed, and the explanation quotes the posting.
    let technician = fixtures().join("cohort/p-04-technician.json");
    let o = opstap(
        home.path(),
        &[
            "--data-dir",
            d.to_str().unwrap(),
            "--lang",
            "en",
            "explain",
            "-p",
            technician.to_str().unwrap(),
            "-v",
            "imp-1",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("asked in the posting: “Je hebt rijbewijs B.”"), "{}", stdout(&o));
}

#[test]
fn import_eval_reports_the_benchmark_and_fails_below_a_required_figure() {
    let home = tempfile::tempdir().unwrap();
    let tuning = fixtures().join("postings/tuning");
    let o = opstap(home.path(), &["import-eval", tuning.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("hard requirements") && stdout(&o).contains("precision"),
        "{}",
        stdout(&o)
    );
    let o =
        opstap(home.path(), &["import-eval", tuning.to_str().unwrap(), "--require-recall", "1.01"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("recall"), "{}", stderr(&o));
}

/// The caseworker's records survive a kill -9: every outcome the server acknowledged is in
/// the store afterwards; the audit trail and the placements export read them back.
#[cfg(unix)]
#[test]
fn acknowledged_records_survive_a_kill_and_read_back() {
    use opstap_proto::v1::casework_service_client::CaseworkServiceClient;
    use opstap_proto::v1::match_service_client::MatchServiceClient;
    use opstap_proto::v1::{MatchVacanciesRequest, Participant, RecordOutcomeRequest};

    let home = tempfile::tempdir().unwrap();
    let (mut child, address, token) = serve_dev(home.path());
    let pid = child.id().to_string();
    let bearer = format!("Bearer {token}");
    fn with_token<T>(m: T, bearer: &str) -> tonic::Request<T> {
        let mut r = tonic::Request::new(m);
        r.metadata_mut().insert("authorization", bearer.parse().unwrap());
        r
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let acknowledged: Vec<i64> = runtime.block_on(async {
        let mut matches = MatchServiceClient::connect(address.clone()).await.unwrap();
        let request = MatchVacanciesRequest {
            participant: Some(Participant { id: "p-kill".into(), ..Default::default() }),
            page_size: 3,
            ..Default::default()
        };
        matches.match_vacancies(with_token(request, &bearer)).await.unwrap();
        let mut casework = CaseworkServiceClient::connect(address).await.unwrap();
        let mut acknowledged = Vec::new();
        for i in 0..400u32 {
            let event = if i == 0 { "HIRED" } else { "SHOWN" };
            let request = RecordOutcomeRequest {
                participant_id: "p-kill".into(),
                vacancy_id: format!("v-{:07}", i % 400),
                event: event.into(),
                date: "2026-11-20".into(),
                contract: (i == 0).then(|| "FIXED_TERM".into()),
                hours_per_week: (i == 0).then_some(24.0),
                ..Default::default()
            };
            match casework.record_outcome(with_token(request, &bearer)).await {
                Ok(r) => acknowledged.push(r.into_inner().outcome_id),
                Err(_) => break,
            }
            if i == 60 {
                assert!(Command::new("kill").args(["-KILL", &pid]).status().unwrap().success());
            }
        }
        acknowledged
    });
    child.wait().unwrap();
    assert!(acknowledged.len() > 60, "recorded before the kill: {}", acknowledged.len());

    let dir = home.path().join("opstap/default");
    let store = opstap_store::Store::open(dir.join("store.sqlite").to_str().unwrap()).unwrap();
    let keys = opstap_store::Pseudonymizer::from_key_file(&dir.join("store.key")).unwrap();
    let stored: Vec<i64> =
        store.outcomes_for(&keys.participant("p-kill")).unwrap().iter().map(|o| o.id).collect();
    for id in &acknowledged {
        assert!(stored.contains(id), "acknowledged outcome {id} is in the store");
    }
    drop(store);

    let o = opstap(home.path(), &["audit", "show", "--participant", "p-kill"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("MatchVacancies by dev (admin), matched on 2026-11-27"),
        "{}",
        stdout(&o)
    );
    let people = home.path().join("people.jsonl");
    std::fs::write(&people, "{\"id\":\"p-kill\"}\n{\"id\":\"p-none\"}\n").unwrap();
    let o =
        opstap(home.path(), &["outcomes", "export", "--participants", people.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "{\"participant_id\":\"p-kill\",\"vacancy_id\":\"v-0000000\",\"date\":\"2026-11-20\",\"outcome\":\"HIRED\"}\n"
    );
    // The analysts' eval reads the same placements straight from the store.
    let report = home.path().join("report");
    let o = opstap(
        home.path(),
        &[
            "eval",
            "--vacancies",
            fixtures().join("vacancies.jsonl").to_str().unwrap(),
            "--participants",
            people.to_str().unwrap(),
            "--store",
            dir.join("store.sqlite").to_str().unwrap(),
            "--bootstrap",
            "50",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let metrics = std::fs::read_to_string(report.join("metrics.json")).unwrap();
    assert!(
        metrics.contains("\"placements\": 1") || metrics.contains("\"placements\":1"),
        "{metrics}"
    );
}

#[test]
fn the_printable_plan_is_one_html_page_in_the_participants_language_and_voice() {
    let home = tempfile::tempdir().unwrap();
    let technician = fixtures().join("cohort/p-04-technician.json");
    let technician = technician.to_str().unwrap();
    let page = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["plan", "--participant", technician, "--format", "html"]);
        let o = opstap(home.path(), &all);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let ar = page(&["--lang", "ar"]);
    assert!(
        ar.starts_with("<!DOCTYPE html>") && ar.contains(r#"<html lang="ar" dir="rtl">"#),
        "{ar}"
    );
    assert!(
        !ar.contains("{$") && !ar.contains("{ $") && !ar.contains("http"),
        "self-contained, filled"
    );
    let en = page(&["--lang", "en"]);
    assert!(en.contains("Your way to work") && en.contains("Jobs that fit you"), "{en}");
    assert!(en.contains("27 November 2026"), "the date in the locale's way: {en}");
    let en_caseworker = page(&["--lang", "en", "--voice", "caseworker"]);
    assert!(en_caseworker.contains("Jobs that fit the participant"), "{en_caseworker}");
    let o = opstap(home.path(), &["--lang", "de", "plan", "--participant", technician]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("accepted: nl, en, fr, ar"), "{}", stderr(&o));
    let o = opstap(home.path(), &["--voice", "official", "plan", "--participant", technician]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("participant, caseworker"), "{}", stderr(&o));
}

/// A read replica follows the index another process writes: while `opstap index`
/// publishes 600 more vacancies into its directory, every answer the replica gives counts
/// the vacancies of one commit — the old or the new, never a part — and it serves the new
/// one within a moment, without a restart. Writes to the replica are refused.
#[cfg(unix)]
#[test]
fn a_read_replica_serves_each_commit_the_writer_publishes_whole() {
    use opstap_proto::v1::vacancy_service_client::VacancyServiceClient;
    use opstap_proto::v1::{GetIndexStatsRequest, UpsertVacanciesRequest, Vacancy};

    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("shared-index");
    let dir_arg = dir.to_str().unwrap();
    let o = opstap(
        home.path(),
        &["--data-dir", dir_arg, "index", fixtures().join("vacancies.jsonl").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // 600 more, with ids of their own.
    let generated = home.path().join("generated.jsonl");
    let o = opstap(
        home.path(),
        &["generate", "--vacancies", "600", "--seed", "5", "--out", generated.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let more = home.path().join("more.jsonl");
    let text: String = std::fs::read_to_string(&generated)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"] = format!("w-{}", v["id"].as_str().unwrap()).into();
            v.to_string() + "\n"
        })
        .collect();
    std::fs::write(&more, text).unwrap();

    let token = "replica-token-000001";
    let mut replica = Command::new(BIN)
        .args(["--today", "2026-11-27", "--data-dir", dir_arg, "serve", "--read-only"])
        .args(["--store", "none", "--refresh-secs", "0.1", "--address", "127.0.0.1:0"])
        .args(["--tokens", &format!("admin:{token}")])
        .env_remove("OPSTAP_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let first = BufReader::new(replica.stdout.take().unwrap()).lines().next().unwrap().unwrap();
    assert!(first.contains("serving 400 vacancies"), "{first}");
    let address = first.rsplit(' ').next().unwrap().to_owned();
    fn authed<T>(m: T, token: &str) -> tonic::Request<T> {
        let mut r = tonic::Request::new(m);
        r.metadata_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
        r
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (seen, refused) = runtime.block_on(async {
        let mut client = VacancyServiceClient::connect(address).await.unwrap();
        // The writer publishes while the replica answers.
        let writer = tokio::task::spawn_blocking({
            let (home, dir, more) = (home.path().to_path_buf(), dir.clone(), more.clone());
            move || {
                opstap(
                    &home,
                    &["--data-dir", dir.to_str().unwrap(), "index", more.to_str().unwrap()],
                )
            }
        });
        let mut seen = Vec::new();
        let started = std::time::Instant::now();
        loop {
            let stats = client
                .get_index_stats(authed(GetIndexStatsRequest {}, token))
                .await
                .unwrap()
                .into_inner();
            seen.push(stats.vacancies);
            if (writer.is_finished() && stats.vacancies == 1000)
                || started.elapsed() > std::time::Duration::from_secs(60)
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let o = writer.await.unwrap();
        assert!(o.status.success(), "the writer: {}", stderr(&o));
        let upsert = tokio_stream::iter(vec![UpsertVacanciesRequest {
            vacancies: vec![Vacancy {
                id: "v-x".into(),
                title: "Kok".into(),
                ..Default::default()
            }],
        }]);
        let refused = client.upsert_vacancies(authed(upsert, token)).await.unwrap_err();
        (seen, refused)
    });
    let _ = replica.kill();
    let _ = replica.wait();
    assert!(seen.iter().all(|n| *n == 400 || *n == 1000), "only whole commits served: {seen:?}");
    assert_eq!(seen.last(), Some(&1000), "the replica serves the new commit: {seen:?}");
    assert!(seen.len() > 1, "it answered while the writer published");
    assert_eq!(refused.code(), tonic::Code::FailedPrecondition);
    assert!(refused.message().contains("read replica"), "{}", refused.message());
    // A replica names what it needs: the writer's directory, and a decision on records.
    let o = opstap(
        home.path(),
        &["serve", "--read-only", "--store", "none", "--tokens", "admin:replica-token-000001"],
    );
    assert!(!o.status.success() && stderr(&o).contains("--data-dir"), "{}", stderr(&o));
    let o = opstap(
        home.path(),
        &["--data-dir", dir_arg, "serve", "--read-only", "--tokens", "admin:replica-token-000001"],
    );
    assert!(!o.status.success() && stderr(&o).contains("--store"), "{}", stderr(&o));
}

/// The nightly batch on N machines: N `opstap batch --shard I/N` processes at once, then
/// `opstap batch merge`, write byte for byte what one unsharded run writes — with a
/// previous run to diff against, pages, a duplicate id whose first line lies in another
/// shard, an invalid line and blank lines.
#[test]
fn sharded_batch_runs_merge_into_the_unsharded_output_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let generated = h.join("generated.jsonl");
    let o = opstap(
        h,
        &["generate", "--participants", "90", "--seed", "3", "--out", generated.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let people: Vec<String> =
        std::fs::read_to_string(&generated).unwrap().lines().map(str::to_owned).collect();
    // Night 1: the first 60; night 2: from the 20th on, with a duplicate of the 21st at the
    // end, an invalid line and blank lines in between.
    let night1_input = h.join("night1.jsonl");
    std::fs::write(&night1_input, people[..60].join("\n") + "\n").unwrap();
    let mut lines: Vec<String> = people[20..].to_vec();
    lines.insert(10, String::new());
    lines
        .insert(30, "{\"id\":\"p-bad\",\"languages\":[{\"lang\":\"nl\",\"level\":\"Z9\"}]}".into());
    lines.insert(31, String::new());
    lines.push(people[20].clone());
    let input = h.join("night2.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let batch = |extra: &[&str], input: &Path, out: &Path, previous: Option<&Path>| {
        let mut args =
            vec!["--lang", "fr", "batch", "--participants", input.to_str().unwrap(), "--top", "10"];
        args.extend_from_slice(&["--out", out.to_str().unwrap(), "--pages"]);
        if let Some(p) = previous {
            args.extend_from_slice(&["--previous", p.to_str().unwrap()]);
        }
        args.extend_from_slice(extra);
        args.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>()
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = opstap(h, &refs);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    let night1 = h.join("night1");
    run(batch(&[], &night1_input, &night1, None));
    let whole = h.join("whole");
    run(batch(&[], &input, &whole, Some(&night1)));

    // Three shard processes at once.
    let shards: Vec<std::path::PathBuf> = (0..3).map(|i| h.join(format!("shard-{i}"))).collect();
    let children: Vec<std::process::Child> = (0..3)
        .map(|i| {
            let shard = format!("{i}/3");
            let args =
                batch(&["--shard", &shard, "--threads", "1"], &input, &shards[i], Some(&night1));
            Command::new(BIN)
                .args(["--today", "2026-11-27"])
                .args(&args)
                .env("XDG_DATA_HOME", h)
                .env_remove("OPSTAP_DATA_DIR")
                .env_remove("OPSTAP_CONFIG")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    // Not a complete output on its own: a shard cannot be a --previous.
    assert!(!shards[0].join("summary.json").try_exists().unwrap());
    let merged = h.join("merged");
    let mut args = vec!["batch", "merge", "--out", merged.to_str().unwrap()];
    // Any order.
    args.extend([2, 0, 1].map(|i| shards[i].to_str().unwrap()));
    let o = opstap(h, &args);
    assert!(o.status.success(), "{}", stderr(&o));

    let files = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for name in
            ["matches.jsonl", "plans.jsonl", "changes.jsonl", "rejected.jsonl", "summary.json"]
        {
            out.push((name.to_owned(), std::fs::read(dir.join(name)).unwrap()));
        }
        let mut pages: Vec<_> = std::fs::read_dir(dir.join("pages"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    format!("pages/{}", e.file_name().to_string_lossy()),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        pages.sort();
        out.extend(pages);
        out
    };
    let (a, b) = (files(&whole), files(&merged));
    assert_eq!(a.len(), b.len(), "the same files");
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between the unsharded and the merged run");
    }
    let rejected = String::from_utf8(a[3].1.clone()).unwrap();
    assert!(rejected.contains("DUPLICATE") || rejected.contains("duplicate"), "{rejected}");
    assert!(rejected.contains("Z9"), "{rejected}");
    let summary = String::from_utf8(a[4].1.clone()).unwrap();
    assert!(summary.contains("participants_gone"), "{summary}");

    // A shard missing, or one from another run, is refused.
    let o = opstap(
        h,
        &[
            "batch",
            "merge",
            "--out",
            h.join("m2").to_str().unwrap(),
            shards[0].to_str().unwrap(),
            shards[1].to_str().unwrap(),
        ],
    );
    assert!(!o.status.success() && stderr(&o).contains("each of 0..3 once"), "{}", stderr(&o));
}
