//! Compiled forms of participants and vacancies: the contract types reduced to what the
//! matcher reads, as bit masks, ranks and small arrays. The index keeps one
//! [`CompiledVacancy`] per document in memory, so scoring a vacancy allocates nothing.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::date::Date;
use crate::model::{
    AppointmentFlexibility, CertificateCode, ContactLevel, ContractType, DiplomaEvaluation,
    DrivingLicence, HeldCertificate, LearningStyle, Participant, SelfDevelopment, TwvStance,
    Vacancy, WorkAuthorization,
};
use crate::reason::{Signal, Signals};
use crate::taxonomy::Taxonomy;

/// An ISO 639-1 code as two bytes.
pub type Lang = [u8; 2];

pub(crate) fn lang(code: &str) -> Lang {
    let b = code.as_bytes();
    [b.first().copied().unwrap_or(b'?'), b.get(1).copied().unwrap_or(b'?')]
}

pub fn lang_str(l: &Lang) -> &str {
    std::str::from_utf8(l).unwrap_or("??")
}

/// One alternative of a language requirement group: `group` is the index of the
/// requirement in the vacancy; a group is met by any one of its alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LanguageAlternative {
    pub group: u8,
    pub lang: Lang,
    pub rank: u8,
}

/// An ISCO-08 code as up to four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Isco {
    digits: [u8; 4],
    len: u8,
}

impl Isco {
    pub fn parse(code: &str) -> Option<Isco> {
        let b = code.as_bytes();
        if b.is_empty() || b.len() > 4 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut digits = [0; 4];
        digits[..b.len()].copy_from_slice(b);
        Some(Isco { digits, len: b.len() as u8 })
    }

    /// How many leading digits two codes share (0–4).
    pub fn shared_prefix(self, other: Isco) -> u8 {
        // Branch-free: the first differing byte of the two digit strings.
        let diff = u32::from_be_bytes(self.digits) ^ u32::from_be_bytes(other.digits);
        ((diff.leading_zeros() / 8) as u8).min(self.len).min(other.len)
    }

    /// `self` lies inside the group `group` (e.g. 9112 inside 91).
    pub fn within(self, group: Isco) -> bool {
        self.len >= group.len && self.shared_prefix(group) == group.len
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct CompiledParticipant {
    pub id: String,
    /// `None`: the profile does not say which languages the person speaks.
    pub languages: Option<SmallVec<[(Lang, u8); 4]>>,
    pub certificates: Option<u64>,
    /// Certificates the person held that have expired (and are not held otherwise), by
    /// bit: renewing one is a step of its own.
    pub expired_certificates: u64,
    /// The day each expired certificate expired, by bit (only for bits in
    /// `expired_certificates`).
    pub expired_on: Vec<(u8, Date)>,
    pub birth_date: Option<Date>,
    /// The registrations held, by bit (`None`: unknown).
    pub registrations: Option<u64>,
    /// The closure of held licences (what the person may drive).
    pub licences: Option<u16>,
    pub education_nlqf: Option<u8>,
    pub diploma_evaluation: Option<DiplomaEvaluation>,
    /// `(isco, years)` of past work; `None` when experience is not stated.
    pub experience: Option<Vec<(Option<Isco>, Option<f64>)>>,
    /// Own and desired occupations, for the ISCO relation.
    pub fields: Vec<Isco>,
    pub excluded_sectors: Vec<String>,
    pub excluded_isco: Vec<Isco>,
    pub preference: SelfDevelopment,
    pub preference_stated: bool,
    pub work_authorization: Option<WorkAuthorization>,
    /// The dated rule that gave the first day of work (derived from the application day),
    /// or that allows no work on the person's track; `None` when the profile said.
    pub authorization_rule: Option<Arc<str>>,
    pub day_parts: Option<u8>,
    pub weekends: Option<bool>,
    pub hours: Option<(f64, f64)>,
    pub needs_appointment_flexibility: Option<bool>,
    pub avoid_physically_demanding: Option<bool>,
    pub location: Option<Position>,
    pub max_commute_km: Option<f64>,
    /// `max_commute_km` as a squared chord on the unit sphere: the distance check needs no trigonometry.
    pub max_commute_chord2: Option<f64>,
    pub learning_style: Option<LearningStyle>,
    pub horizon_weeks: f64,
    /// Skills, interests, experience titles and education field: the text query.
    pub query_text: String,
}

impl CompiledParticipant {
    pub fn new(
        p: &Participant,
        taxonomy: &Taxonomy,
        default_preference: SelfDevelopment,
        default_horizon: f64,
        today: Date,
    ) -> Self {
        let mut fields: Vec<Isco> =
            p.desired_isco.iter().filter_map(|c| Isco::parse(&c.0)).collect();
        if let Some(exp) = &p.experience {
            fields
                .extend(exp.iter().filter_map(|e| e.isco.as_ref().and_then(|c| Isco::parse(&c.0))));
        }
        let mut query = Vec::new();
        query.extend(p.skills.iter().cloned());
        query.extend(p.interests.iter().cloned());
        if let Some(exp) = &p.experience {
            query.extend(exp.iter().map(|e| e.title.clone()));
        }
        if let Some(field) = p.education.as_ref().and_then(|e| e.field.clone()) {
            query.push(field);
        }
        let availability = p.availability.as_ref();
        // An expired certificate is not held: held are the ones still valid today.
        let expiry = |c: &HeldCertificate| {
            c.valid_until.or_else(|| {
                let years = taxonomy.certificate(&c.code.0)?.validity_years;
                let obtained = c.obtained?;
                (years > 0.0)
                    .then(|| obtained.add_months((years * 12.0).round() as i32).add_days(-1))
            })
        };
        let (valid, expired): (Vec<&HeldCertificate>, Vec<&HeldCertificate>) = p
            .certificates
            .iter()
            .flatten()
            .partition(|c| expiry(c).is_none_or(|until| until >= today));
        let codes = |cs: &[&HeldCertificate]| -> Vec<CertificateCode> {
            cs.iter().map(|c| c.code.clone()).collect()
        };
        let held = taxonomy.held_certificate_mask(&codes(&valid));
        let expired_certificates = taxonomy.certificate_mask(&codes(&expired)) & !held;
        let mut expired_on: Vec<(u8, Date)> = expired
            .iter()
            .filter_map(|c| Some((taxonomy.certificate_bit(&c.code.0)?, expiry(c)?)))
            .filter(|(bit, _)| expired_certificates & (1 << bit) != 0)
            .collect();
        // The latest expiry of each certificate.
        expired_on.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        expired_on.dedup_by_key(|(bit, _)| *bit);
        CompiledParticipant {
            id: p.id.clone(),
            languages: p
                .languages
                .as_ref()
                .map(|ls| ls.iter().map(|l| (lang(&l.lang.0), l.level.rank())).collect()),
            certificates: p.certificates.as_ref().map(|_| held),
            expired_certificates,
            expired_on,
            birth_date: p.birth_date,
            registrations: p.registrations.as_ref().map(|codes| {
                codes
                    .iter()
                    .filter_map(|c| taxonomy.registration_bit(c))
                    .fold(0, |mask, bit| mask | 1 << bit)
            }),
            licences: p.driving_licences.as_ref().map(|l| taxonomy.licence_closure(l)),
            education_nlqf: p.education.as_ref().and_then(|e| e.nlqf),
            diploma_evaluation: p.education.as_ref().and_then(|e| e.evaluation),
            experience: p.experience.as_ref().map(|exp| {
                exp.iter()
                    .map(|e| (e.isco.as_ref().and_then(|c| Isco::parse(&c.0)), e.years))
                    .collect()
            }),
            fields,
            excluded_sectors: p.excluded.sectors.clone(),
            excluded_isco: p.excluded.isco.iter().filter_map(|c| Isco::parse(&c.0)).collect(),
            preference: p.self_development.unwrap_or(default_preference),
            preference_stated: p.self_development.is_some(),
            work_authorization: p.work_authorization.clone(),
            authorization_rule: None,
            day_parts: availability
                .and_then(|a| a.day_parts.as_ref())
                .map(|d| d.iter().fold(0, |m, p| m | p.bit())),
            weekends: availability.and_then(|a| a.weekends),
            hours: availability.and_then(|a| a.hours_per_week).map(|h| (h.min, h.max)),
            needs_appointment_flexibility: availability
                .and_then(|a| a.needs_appointment_flexibility),
            avoid_physically_demanding: availability.and_then(|a| a.avoid_physically_demanding),
            location: p.location.map(|l| Position::new(l.lat, l.lon)),
            max_commute_km: p.location.and_then(|l| l.max_commute_km),
            max_commute_chord2: p
                .location
                .and_then(|l| l.max_commute_km)
                .map(Position::chord2_of_km),
            learning_style: p.learning_style,
            horizon_weeks: p.horizon_weeks.unwrap_or(default_horizon),
            query_text: query.join(" "),
        }
    }

    /// The person's level in a language (0 = none). Only meaningful when languages are stated.
    pub fn language_rank(&self, l: Lang) -> u8 {
        self.languages
            .as_ref()
            .and_then(|ls| ls.iter().filter(|(x, _)| *x == l).map(|(_, r)| *r).max())
            .unwrap_or(0)
    }
}

/// A vacancy reduced to what the matcher reads. The hard requirements come in two parts:
/// the [`Qualifications`] a step can bridge, and the [`Circumstances`] no step changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompiledVacancy {
    pub id: Arc<str>,
    pub qualifications: Qualifications,
    pub circumstances: Circumstances,
    pub training: bool,
    pub language_support: bool,
    pub mentoring: bool,
    pub career_path: bool,
    pub language_contact: Option<ContactLevel>,
    pub social_contact: Option<ContactLevel>,
    pub repetitive: Option<bool>,
    pub physically_demanding: Option<bool>,
    pub contract: Option<ContractType>,
    pub hours: Option<(f64, f64)>,
    pub day_parts: Option<u8>,
    pub weekends: Option<bool>,
    pub appointment_flexibility: Option<AppointmentFlexibility>,
    pub practical_application: Option<bool>,
    pub explicit_level: Option<SelfDevelopment>,
    pub posted: Option<Date>,
}

/// What a vacancy asks that a step can bridge: languages, certificates, a driving
/// licence, an education level. Many vacancies ask the same, so a ranking pass can
/// classify each distinct set once per person instead of once per vacancy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Qualifications {
    /// Language requirements, flattened and ordered by group (inline: no pointer to
    /// chase in the ranking loop).
    pub languages: SmallVec<[LanguageAlternative; 4]>,
    pub certificates: u64,
    pub certificates_on_the_job: u64,
    pub driving_licence: Option<DrivingLicence>,
    /// `(NLQF level, diploma required)`.
    pub education: Option<(u8, bool)>,
    /// The registration the occupation needs (a regulated profession), by its bit.
    pub registration: Option<u8>,
}

impl Qualifications {
    /// The language requirement groups, each as its alternatives.
    pub fn language_groups(&self) -> impl Iterator<Item = &[LanguageAlternative]> {
        self.languages.chunk_by(|a, b| a.group == b.group)
    }
}

/// The facts the other hard requirements read — whether the vacancy is still open, its
/// sector and occupation (exclusions, experience), the employer's TWV stance, the
/// experience asked, where it is — none of them bridgeable by a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Circumstances {
    pub valid_through: Option<Date>,
    pub sector: Option<Arc<str>>,
    pub isco: Option<Isco>,
    /// `None` when the employer's TWV stance is not stated (UNKNOWN).
    pub twv: Option<TwvStance>,
    /// Volunteer work: an asylum seeker needs no TWV for it, the organisation a volunteer
    /// statement from UWV.
    pub volunteer: bool,
    pub volunteer_statement: Option<bool>,
    pub experience_years: Option<f64>,
    pub location: Option<Position>,
}

impl Circumstances {
    /// The part that vacancies with the same occupation, traits and sector do not share.
    pub fn own(&self) -> OwnCircumstances {
        OwnCircumstances { valid_through: self.valid_through, location: self.location }
    }
}

/// The circumstances that are a vacancy's own: when it closes and where it is. What
/// [`crate::matching::Tabulation::too_far`] and
/// [`crate::matching::Tabulation::open_until`] read; half the size of [`Circumstances`], so a
/// pass over every vacancy reads less memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwnCircumstances {
    pub valid_through: Option<Date>,
    pub location: Option<Position>,
}

/// The facts of a vacancy that its self-development level and the score bounds depend
/// on, besides the person: its occupation and its [`VacancyTraits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VacancyFacts {
    pub isco: Option<Isco>,
    pub traits: VacancyTraits,
}

/// The part of [`VacancyFacts`] that does not depend on the occupation: a few flags and
/// enums, so vacancies share them and the index tabulates what they are worth per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VacancyTraits {
    /// Training, a career path or mentoring.
    pub growth: bool,
    /// Training, language support, or language or social contact at MEDIUM or more.
    pub skill_building: bool,
    pub explicit_level: Option<SelfDevelopment>,
    pub twv: Option<TwvStance>,
    pub language_contact: Option<ContactLevel>,
    pub language_support: bool,
    pub practical_application: Option<bool>,
    pub contract: Option<ContractType>,
    pub has_location: bool,
}

/// What the conditions component reads of a vacancy (hours as the bits of their `f64`s,
/// so that vacancies share values and the index keeps them as a column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VacancyConditions {
    pub day_parts: Option<u8>,
    pub weekends: Option<bool>,
    hours_bits: Option<(u64, u64)>,
    pub appointment_flexibility: Option<AppointmentFlexibility>,
    pub contract: Option<ContractType>,
    pub physically_demanding: Option<bool>,
}

impl VacancyConditions {
    /// `(minimum, maximum)` hours a week.
    pub fn hours(&self) -> Option<(f64, f64)> {
        self.hours_bits.map(|(a, b)| (f64::from_bits(a), f64::from_bits(b)))
    }
}

impl CompiledVacancy {
    pub fn conditions(&self) -> VacancyConditions {
        VacancyConditions {
            day_parts: self.day_parts,
            weekends: self.weekends,
            hours_bits: self.hours.map(|(a, b)| (a.to_bits(), b.to_bits())),
            appointment_flexibility: self.appointment_flexibility,
            contract: self.contract,
            physically_demanding: self.physically_demanding,
        }
    }

    pub fn facts(&self) -> VacancyFacts {
        VacancyFacts { isco: self.circumstances.isco, traits: self.traits() }
    }

    /// What the job itself offers for self-development, as signals: growth (training, a
    /// career path, mentoring) and skill building (training, language support, language
    /// or social contact at MEDIUM or more), and whether the work is repetitive.
    pub fn job_signals(&self) -> Signals {
        let at_least_medium =
            |c: Option<ContactLevel>| c.is_some_and(|c| c >= ContactLevel::Medium);
        Signals::EMPTY
            .with_if(Signal::Training, self.training)
            .with_if(Signal::CareerPath, self.career_path)
            .with_if(Signal::Mentoring, self.mentoring)
            .with_if(Signal::LanguageSupport, self.language_support)
            .with_if(Signal::LanguageContact, at_least_medium(self.language_contact))
            .with_if(Signal::SocialContact, at_least_medium(self.social_contact))
            .with_if(Signal::RepetitiveWork, self.repetitive == Some(true))
    }

    pub fn traits(&self) -> VacancyTraits {
        let s = self.job_signals();
        VacancyTraits {
            growth: [Signal::Training, Signal::CareerPath, Signal::Mentoring]
                .into_iter()
                .any(|g| s.contains(g)),
            skill_building: [
                Signal::Training,
                Signal::LanguageSupport,
                Signal::LanguageContact,
                Signal::SocialContact,
            ]
            .into_iter()
            .any(|g| s.contains(g)),
            explicit_level: self.explicit_level,
            twv: self.circumstances.twv,
            language_contact: self.language_contact,
            language_support: self.language_support,
            practical_application: self.practical_application,
            contract: self.contract,
            has_location: self.circumstances.location.is_some(),
        }
    }

    /// The vacancy as matching reads it: with its employer's answers applied.
    pub fn new(v: &Vacancy, taxonomy: &Taxonomy) -> Self {
        let v = &*v.with_answers();
        let r = &v.requirements;
        CompiledVacancy {
            id: v.id.as_str().into(),
            qualifications: Qualifications {
                languages: r
                    .languages
                    .iter()
                    .enumerate()
                    .flat_map(|(g, group)| {
                        group.any_of.iter().map(move |l| LanguageAlternative {
                            group: g.min(255) as u8,
                            lang: lang(&l.lang.0),
                            rank: l.level.rank(),
                        })
                    })
                    .collect(),
                certificates: taxonomy.certificate_mask(&r.certificates),
                certificates_on_the_job: taxonomy.certificate_mask(&r.certificates_on_the_job),
                driving_licence: r.driving_licence,
                education: r.education.as_ref().map(|e| (e.nlqf, e.diploma_required)),
                registration: v.isco.as_ref().and_then(|c| taxonomy.registration_for_isco(&c.0)),
            },
            circumstances: Circumstances {
                valid_through: v.valid_through,
                sector: v.sector.as_deref().map(Into::into),
                isco: v.isco.as_ref().and_then(|c| Isco::parse(&c.0)),
                twv: v.employer.as_ref().and_then(|e| e.twv),
                volunteer: v.conditions.contract == Some(ContractType::Volunteer),
                volunteer_statement: v.employer.as_ref().and_then(|e| e.volunteer_statement),
                experience_years: r.experience_years.filter(|y| *y > 0.0),
                location: v.location.map(|l| Position::new(l.lat, l.lon)),
            },
            training: v.offers.training == Some(true),
            language_support: v.offers.language_support == Some(true),
            mentoring: v.offers.mentoring == Some(true),
            career_path: v.offers.career_path == Some(true),
            language_contact: v.work.language_contact,
            social_contact: v.work.social_contact,
            repetitive: v.work.repetitive,
            physically_demanding: v.work.physically_demanding,
            contract: v.conditions.contract,
            hours: v.conditions.hours_per_week.map(|h| (h.min, h.max)),
            day_parts: v
                .conditions
                .day_parts
                .as_ref()
                .map(|d| d.iter().fold(0, |m, p| m | p.bit())),
            weekends: v.conditions.weekends,
            appointment_flexibility: v.conditions.appointment_flexibility,
            practical_application: v.application.practical,
            explicit_level: v.self_development,
            posted: v.posted,
        }
    }
}

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// A position as a unit vector: distances compare as chords, without trigonometry per
/// pair; the great-circle distance in km needs one `asin`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Position([f64; 3]);

impl Position {
    pub fn new(lat: f64, lon: f64) -> Position {
        let (lat, lon) = (lat.to_radians(), lon.to_radians());
        Position([lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()])
    }

    /// Squared chord length between two points on the unit sphere.
    pub fn chord2(self, other: Position) -> f64 {
        let [a, b, c] = self.0;
        let [x, y, z] = other.0;
        (a - x) * (a - x) + (b - y) * (b - y) + (c - z) * (c - z)
    }

    /// The squared chord of a great-circle distance in km.
    pub fn chord2_of_km(km: f64) -> f64 {
        let half_angle = (km / EARTH_RADIUS_KM / 2.0).min(std::f64::consts::FRAC_PI_2);
        (2.0 * half_angle.sin()).powi(2)
    }

    /// Latitude and longitude in degrees.
    pub fn lat_lon(self) -> (f64, f64) {
        let [x, y, z] = self.0;
        (z.clamp(-1.0, 1.0).asin().to_degrees(), y.atan2(x).to_degrees())
    }

    /// Great-circle distance in km.
    pub fn distance_km(self, other: Position) -> f64 {
        2.0 * EARTH_RADIUS_KM * (self.chord2(other).sqrt() / 2.0).min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isco_prefixes() {
        let a = Isco::parse("9112").unwrap();
        assert_eq!(a.shared_prefix(Isco::parse("9113").unwrap()), 3);
        assert_eq!(a.shared_prefix(Isco::parse("8112").unwrap()), 0);
        assert!(a.within(Isco::parse("91").unwrap()));
        assert!(!Isco::parse("91").unwrap().within(a));
        assert!(Isco::parse("91a").is_none());
    }

    #[test]
    fn distance_den_haag_delft() {
        let (a, b) = (Position::new(52.078, 4.313), Position::new(52.011, 4.357));
        let d = a.distance_km(b);
        assert!((7.0..9.0).contains(&d), "{d}");
        assert!(a.chord2(b) <= Position::chord2_of_km(d + 0.01));
        assert!(a.chord2(b) > Position::chord2_of_km(d - 0.01));
    }
}
