//! Filters a caller puts on a match request ("only logistics", "within 10 km"). A filter
//! narrows the vacancies considered before anything is ranked, counted or planned: it
//! is not a requirement and never shows up in an explanation.

use crate::compiled::{Circumstances, CompiledParticipant};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VacancyFilter {
    /// Only vacancies in one of these sectors; empty = every sector. A vacancy without
    /// a sector is left out when sectors are named.
    pub sectors: Vec<String>,
    /// Only vacancies within this many kilometres of the participant. A vacancy or a
    /// participant without a location is kept: an unknown distance is never a fail.
    pub max_distance_km: Option<f64>,
}

impl VacancyFilter {
    /// No filter: every vacancy.
    pub const NONE: VacancyFilter = VacancyFilter { sectors: Vec::new(), max_distance_km: None };

    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.max_distance_km.is_none()
    }

    pub fn admits(&self, p: &CompiledParticipant, v: &Circumstances) -> bool {
        if !self.sectors.is_empty()
            && !v.sector.as_deref().is_some_and(|s| self.sectors.iter().any(|x| x == s))
        {
            return false;
        }
        match (self.max_distance_km, p.location, v.location) {
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
        assert!(VacancyFilter::NONE.admits(&cp, &cv.circumstances));
        let sectors = |s: &[&str]| VacancyFilter {
            sectors: s.iter().map(|x| x.to_string()).collect(),
            max_distance_km: None,
        };
        assert!(sectors(&["care", "logistics"]).admits(&cp, &cv.circumstances));
        assert!(!sectors(&["care"]).admits(&cp, &cv.circumstances));
        let within = |km| VacancyFilter { sectors: vec![], max_distance_km: Some(km) };
        assert!(within(15.0).admits(&cp, &cv.circumstances));
        assert!(!within(10.0).admits(&cp, &cv.circumstances));
        // Unknown location: kept.
        v.location = None;
        assert!(within(10.0).admits(&cp, &m.compile_vacancy(&v).circumstances));
    }
}
