//! VacancyService: upsert, get and delete; and readers during a writer.

mod support;

#[allow(unused_imports)]
use support::*;

#[tokio::test]
async fn vacancy_service_upserts_gets_and_deletes() {
    let server = TestServer::start(Limits::default()).await;
    let mut client = server.vacancies();
    let before = client
        .get_index_stats(authed(pb::GetIndexStatsRequest {}, CASEWORKER))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(before.vacancies, 400);
    assert_eq!(before.format_version, opstap_index::FORMAT_VERSION);

    let chunks = vec![vec![new_vacancy("v-new-1")], vec![new_vacancy("v-new-2")]];
    let reply = client.upsert_vacancies(authed(upsert_stream(chunks), ADMIN)).await.unwrap();
    assert_eq!(reply.get_ref().upserted, 2);
    assert_eq!(reply.get_ref().vacancies, 402);
    let got = client
        .get_vacancy(authed(pb::GetVacancyRequest { id: "v-new-2".into() }, CASEWORKER))
        .await
        .unwrap()
        .into_inner()
        .vacancy
        .unwrap();
    assert_eq!(got, new_vacancy("v-new-2"));

    // One invalid vacancy rejects the call, named by its place in the whole stream.
    let mut bad = new_vacancy("v-bad");
    bad.requirements.as_mut().unwrap().certificates = vec!["VCA_NOPE".into()];
    let chunks = vec![vec![new_vacancy("v-new-3")], vec![bad]];
    let e = client.upsert_vacancies(authed(upsert_stream(chunks), ADMIN)).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert_eq!(violations(&e), ["vacancies[1].requirements.certificates[0]"]);
    assert!(!server.index.contains("v-new-3").unwrap(), "nothing of a rejected call is written");

    let deleted = client
        .delete_vacancies(authed(
            pb::DeleteVacanciesRequest { ids: vec!["v-new-1".into(), "v-never".into()] },
            ADMIN,
        ))
        .await
        .unwrap();
    assert_eq!(deleted.get_ref().deleted, 1);
    let e = client
        .get_vacancy(authed(pb::GetVacancyRequest { id: "v-new-1".into() }, CASEWORKER))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    let e = client
        .delete_vacancies(authed(pb::DeleteVacanciesRequest { ids: vec![" ".into()] }, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(violations(&e), ["ids[0]"]);
    server.shutdown().await;
}

#[tokio::test]
async fn readers_during_a_writer_see_one_snapshot() {
    let server = TestServer::start(Limits::default()).await;
    let p = member("p-12");
    let ask = |mut client: MatchServiceClient<Channel>| {
        let p = p.clone();
        async move {
            let mut r = match_request(&p, 20);
            r.count_eligible = true;
            let reply = client.match_vacancies(authed(r, CASEWORKER)).await.unwrap().into_inner();
            (ids_and_scores(&reply), reply.eligible)
        }
    };
    // Explain and Get of one vacancy, each one call (so each must see one commit).
    let explain_one = |mut client: MatchServiceClient<Channel>, id: String| {
        let p = p.clone();
        async move {
            let r = pb::ExplainMatchRequest {
                participant: Some(participant_to_pb(p)),
                vacancy_id: id,
                locale: "en".into(),
                voice: String::new(),
            };
            let e = client.explain_match(authed(r, CASEWORKER)).await.unwrap().into_inner();
            let explanation = e.explanation.unwrap();
            (e.rank, explanation.score, explanation.requirements.len())
        }
    };
    let get_one = |mut client: VacancyServiceClient<Channel>, id: String| async move {
        let r = pb::GetVacancyRequest { id };
        let v = client.get_vacancy(authed(r, CASEWORKER)).await.unwrap().into_inner();
        v.vacancy.unwrap().employer.map(|e| e.twv)
    };
    let before = ask(server.matches()).await;
    let watched = before.0[0].0.clone();
    let explained_before = explain_one(server.matches(), watched.clone()).await;
    let got_before = get_one(server.vacancies(), watched.clone()).await;
    // Replace every vacancy's TWV stance and add 300 new ones in one commit.
    let generator = opstap_synth::Generator::new();
    let mut replacement: Vec<pb::Vacancy> = server
        .index
        .compiled_vacancies()
        .unwrap()
        .iter()
        .map(|v| {
            let mut full = server.index.get(&v.id).unwrap().unwrap();
            full.employer
                .get_or_insert(opstap_core::model::Employer {
                    id: None,
                    name: None,
                    twv: None,
                    volunteer_statement: None,
                })
                .twv = Some(opstap_core::model::TwvStance::Experienced);
            vacancy_to_pb(full)
        })
        .collect();
    replacement.extend((0..300).map(|i| {
        let mut v = generator.vacancy(5, i, today());
        v.id = format!("v-extra-{i}");
        vacancy_to_pb(v)
    }));
    let mut admin = server.vacancies();
    let writer = tokio::spawn(async move {
        admin.upsert_vacancies(authed(upsert_stream(vec![replacement]), ADMIN)).await.unwrap()
    });
    let (mut seen, mut explained, mut got) = (Vec::new(), Vec::new(), Vec::new());
    // At least one round of reads, more while the writer runs.
    loop {
        let done = writer.is_finished();
        seen.push(ask(server.matches()).await);
        explained.push(explain_one(server.matches(), watched.clone()).await);
        got.push(get_one(server.vacancies(), watched.clone()).await);
        if done {
            break;
        }
    }
    writer.await.unwrap();
    let after = ask(server.matches()).await;
    let explained_after = explain_one(server.matches(), watched.clone()).await;
    let got_after = get_one(server.vacancies(), watched.clone()).await;
    assert_ne!(before, after, "the write changes the ranking");
    assert_ne!(got_before, got_after, "the write changes the stored vacancy");
    for s in seen {
        assert!(s == before || s == after, "a Match saw a state between two commits");
    }
    for e in explained {
        assert!(e == explained_before || e == explained_after, "an Explain saw a mixed state");
    }
    for g in got {
        assert!(g == got_before || g == got_after, "a Get saw a mixed state");
    }
    server.shutdown().await;
}
