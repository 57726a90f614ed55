//! One snapshot, one commit: every read of a request sees the index as of one commit,
//! even when a writer commits between its reads.

use opstap_index::RankOptions;

use crate::support::{cohort, fixture_index, matcher, valid};

#[test]
fn reads_on_one_snapshot_see_one_commit_while_a_writer_commits() {
    let m = matcher();
    let index = fixture_index();
    let p = cohort().into_iter().find(|p| p.id == "p-12").unwrap();
    let before = index.snapshot().unwrap();
    let first = before.match_participant(&m, &p, 20, RankOptions::FULL).unwrap();
    let top = first.matches[0].vacancy.id.clone();
    let explained = before.explain(&m, &p, &top).unwrap().unwrap();
    assert_eq!(explained.rank, 1);

    // A writer commits between the reads: the top vacancy has closed, and another
    // vacancy is deleted.
    let mut changed = index.get(&top).unwrap().unwrap();
    changed.title = format!("{} (changed)", changed.title);
    changed.posted = Some("2026-01-01".parse().unwrap());
    changed.valid_through = Some("2026-01-31".parse().unwrap());
    index.upsert(&valid(&[changed])).unwrap();
    let second = first.matches[1].vacancy.id.clone();
    assert_eq!(index.delete(&[&second]).unwrap(), 1);

    // The snapshot taken before still reads the earlier commit, whole: match, get,
    // explain and the step plan.
    let again = before.match_participant(&m, &p, 20, RankOptions::FULL).unwrap();
    let ids = |r: &opstap_index::MatchResult| -> Vec<(String, f64)> {
        r.matches.iter().map(|mv| (mv.vacancy.id.clone(), mv.explanation.score)).collect()
    };
    assert_eq!(ids(&again), ids(&first));
    assert_eq!(again.eligible, first.eligible);
    assert_eq!(before.get(&top).unwrap().unwrap(), first.matches[0].vacancy);
    assert!(before.get(&second).unwrap().is_some());
    let explained_again = before.explain(&m, &p, &top).unwrap().unwrap();
    assert_eq!(explained_again.rank, 1);
    assert_eq!(explained_again.explanation, explained.explanation);
    assert_eq!(explained_again.vacancy, explained.vacancy);

    // A new snapshot reads the new commit.
    let after = index.snapshot().unwrap();
    assert!(after.get(&second).unwrap().is_none());
    assert!(after.get(&top).unwrap().unwrap().title.ends_with("(changed)"));
    let now = after.explain(&m, &p, &top).unwrap().unwrap();
    assert_eq!(now.rank, 0, "blocked now: no rank");
    let now = after.match_participant(&m, &p, 20, RankOptions::FULL).unwrap();
    assert!(now.matches.iter().all(|mv| mv.vacancy.id != top && mv.vacancy.id != second));
    assert_eq!(now.eligible, first.eligible.map(|n| n - 2));
}

/// The rank `explain` reports is the rank the ranking gives, for every eligible vacancy
/// of every cohort member (it counts what ranks before, without a second full ranking).
#[test]
fn explain_reports_the_rank_of_the_ranking() {
    let m = matcher();
    let index = fixture_index();
    let snapshot = index.snapshot().unwrap();
    let mut checked = 0;
    for p in cohort() {
        let all = snapshot.match_participant(&m, &p, 400, RankOptions::default()).unwrap();
        for mv in all.matches.iter().step_by(7) {
            let e = snapshot.explain(&m, &p, &mv.vacancy.id).unwrap().unwrap();
            assert_eq!(e.rank, mv.rank, "{} {}", p.id, mv.vacancy.id);
            assert_eq!(e.explanation, mv.explanation, "{} {}", p.id, mv.vacancy.id);
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}
