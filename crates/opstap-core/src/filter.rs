//! Filters a caller puts on a match request ("only logistics", "within 10 km"). A filter
//! narrows the vacancies considered before anything is ranked, counted or planned: it
//! is not a requirement and never shows up in an explanation.

use crate::compiled::{CompiledParticipant, CompiledVacancy, Position};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VacancyFilter {
    /// Only vacancies in one of these sectors; empty = every sector. A vacancy without
    /// a sector is left out when sectors are named.
    pub sectors: Vec<String>,
    /// Only vacancies within this many kilometres of the participant. A vacancy or a
    /// participant without a location is kept: an unknown distance is never a fail.
    pub max_distance_km: Option<f64>,
    /// Vacancy ids to leave out (sorted): those already dealt with for this person.
    pub leave_out: Vec<String>,
}

impl VacancyFilter {
    /// No filter: every vacancy.
    pub const NONE: VacancyFilter =
        VacancyFilter { sectors: Vec::new(), max_distance_km: None, leave_out: Vec::new() };

    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.max_distance_km.is_none() && self.leave_out.is_empty()
    }

    /// Leaves out these vacancy ids.
    pub fn leaving_out(mut self, mut ids: Vec<String>) -> VacancyFilter {
        ids.sort();
        ids.dedup();
        self.leave_out = ids;
        self
    }

    pub fn admits(&self, p: &CompiledParticipant, cv: &CompiledVacancy) -> bool {
        let v = &cv.circumstances;
        self.admits_parts(p, &cv.id, v.sector.as_deref(), v.location)
    }

    /// [`Self::admits`] on the parts of the vacancy it reads (the index's columns).
    pub fn admits_parts(
        &self,
        p: &CompiledParticipant,
        id: &str,
        sector: Option<&str>,
        location: Option<Position>,
    ) -> bool {
        if !self.leave_out.is_empty() && self.leave_out.binary_search_by(|x| (**x).cmp(id)).is_ok()
        {
            return false;
        }
        if !self.sectors.is_empty() && !sector.is_some_and(|s| self.sectors.iter().any(|x| x == s))
        {
            return false;
        }
        match (self.max_distance_km, p.location, location) {
            (Some(max), Some(a), Some(b)) => a.distance_km(b) <= max,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Vacancy};
    use crate::validate::parse_json;
    use crate::{Date, MatchConfig, Matcher, Taxonomy};

    #[test]
    fn sectors_and_distance() {
        let today = Date::from_ymd(2026, 11, 27).unwrap();
        let m = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today);
        let p: Participant =
            parse_json(r#"{"id":"p-1","location":{"lat":52.08,"lon":4.31}}"#).unwrap();
        let cp = m.compile_participant(&p);
        // ≈ 13.7 km east.
        let mut v: Vacancy = parse_json(
            r#"{"id":"v-1","title":"Magazijnmedewerker","sector":"logistics",
                "location":{"lat":52.08,"lon":4.51}}"#,
        )
        .unwrap();
        let cv = m.compile_vacancy(&v);
        assert!(VacancyFilter::NONE.admits(&cp, &cv));
        assert!(!VacancyFilter::NONE.leaving_out(vec!["v-1".into()]).admits(&cp, &cv));
        assert!(VacancyFilter::NONE.leaving_out(vec!["v-2".into()]).admits(&cp, &cv));
        let sectors = |s: &[&str]| VacancyFilter {
            leave_out: vec![],
            sectors: s.iter().map(|x| x.to_string()).collect(),
            max_distance_km: None,
        };
        assert!(sectors(&["care", "logistics"]).admits(&cp, &cv));
        assert!(!sectors(&["care"]).admits(&cp, &cv));
        let within =
            |km| VacancyFilter { sectors: vec![], max_distance_km: Some(km), leave_out: vec![] };
        assert!(within(15.0).admits(&cp, &cv));
        assert!(!within(10.0).admits(&cp, &cv));
        // Unknown location: kept.
        v.location = None;
        assert!(within(10.0).admits(&cp, &m.compile_vacancy(&v)));
    }
}
