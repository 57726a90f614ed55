//! The TWV outreach work list: employers ranked by how many fitting matches across a
//! caseload wait on their unknown stance on the work permit (TWV), so that one phone call
//! unlocks the most. Counted alike by the nightly batch (its summary) and the gRPC
//! `TwvOutreach` call.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// One employer to call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TwvOutreach {
    pub employer_id: String,
    /// The people with a fitting match there that waits on the employer's TWV stance.
    pub people: usize,
    /// Their fitting matches there, over all those people.
    pub fitting_matches: usize,
    pub vacancy_ids: Vec<String>,
}

/// One match of a person's list, as the tally reads it.
#[derive(Debug, Clone, Copy)]
pub struct OutreachMatch<'a> {
    pub employer_id: Option<&'a str>,
    pub vacancy_id: &'a str,
    /// It fits the person's wish for self-development.
    pub fitting: bool,
    /// Its work authorization is a question (the employer's TWV stance is unknown).
    pub twv_unknown: bool,
}

/// Employers counted over people's lists.
#[derive(Debug, Clone, Default)]
pub struct TwvOutreachTally {
    /// Per employer: people, fitting matches, vacancy ids.
    by_employer: BTreeMap<String, (usize, usize, BTreeSet<String>)>,
}

impl TwvOutreachTally {
    /// Adds one person's list.
    pub fn add<'a>(&mut self, matches: impl IntoIterator<Item = OutreachMatch<'a>>) {
        let mut mine: BTreeMap<&str, usize> = BTreeMap::new();
        for m in matches.into_iter().filter(|m| m.fitting && m.twv_unknown) {
            if let Some(e) = m.employer_id {
                *mine.entry(e).or_default() += 1;
                self.by_employer.entry(e.to_owned()).or_default().2.insert(m.vacancy_id.to_owned());
            }
        }
        for (e, n) in mine {
            let entry = self.by_employer.entry(e.to_owned()).or_default();
            entry.0 += 1;
            entry.1 += n;
        }
    }

    /// The `len` employers that unlock the most: most people first, then most fitting
    /// matches, then by id.
    pub fn finish(self, len: usize) -> Vec<TwvOutreach> {
        let mut out: Vec<TwvOutreach> = self
            .by_employer
            .into_iter()
            .map(|(employer_id, (people, fitting_matches, ids))| TwvOutreach {
                employer_id,
                people,
                fitting_matches,
                vacancy_ids: ids.into_iter().collect(),
            })
            .collect();
        out.sort_by(|a, b| {
            (b.people, b.fitting_matches)
                .cmp(&(a.people, a.fitting_matches))
                .then(a.employer_id.cmp(&b.employer_id))
        });
        out.truncate(len);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(e: &'a str, v: &'a str, fitting: bool, twv_unknown: bool) -> OutreachMatch<'a> {
        OutreachMatch { employer_id: Some(e), vacancy_id: v, fitting, twv_unknown }
    }

    #[test]
    fn employers_rank_by_people_then_fitting_matches_and_only_unknown_fitting_ones_count() {
        let mut t = TwvOutreachTally::default();
        t.add([
            m("e-1", "v-1", true, true),
            m("e-1", "v-2", true, true),
            m("e-2", "v-3", true, true),
        ]);
        t.add([
            m("e-2", "v-3", true, true),
            m("e-3", "v-4", false, true),
            m("e-4", "v-5", true, false),
        ]);
        t.add([OutreachMatch {
            employer_id: None,
            vacancy_id: "v-6",
            fitting: true,
            twv_unknown: true,
        }]);
        let list = t.finish(10);
        let got: Vec<(&str, usize, usize)> =
            list.iter().map(|o| (o.employer_id.as_str(), o.people, o.fitting_matches)).collect();
        assert_eq!(
            got,
            [("e-2", 2, 2), ("e-1", 1, 2)],
            "not fitting, stance known or no employer: left out"
        );
        assert_eq!(list[0].vacancy_ids, ["v-3"]);
        let mut t = TwvOutreachTally::default();
        t.add([m("e-1", "v-1", true, true), m("e-2", "v-2", true, true)]);
        assert_eq!(t.finish(1).len(), 1);
    }
}
