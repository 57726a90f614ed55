//! Taxonomies shipped as data under `crates/opstap-core/taxonomy/`: certificates (course effort and
//! validity), the driving-licence hierarchy, CEFR, NLQF and the ISCO-08 groups. They are
//! embedded at compile time, so the core stays free of IO.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use crate::model::{CertificateCode, DrivingLicence};
use crate::reason::StepForm;
use crate::step::Step;

const CERTIFICATES_TOML: &str = include_str!("../taxonomy/certificates.toml");
const LICENCES_TOML: &str = include_str!("../taxonomy/licences.toml");
const CEFR_TOML: &str = include_str!("../taxonomy/cefr.toml");
const NLQF_TOML: &str = include_str!("../taxonomy/nlqf.toml");
const ISCO_TSV: &str = include_str!("../taxonomy/isco08.tsv");
const REGISTRATIONS_TOML: &str = include_str!("../taxonomy/registrations.toml");
const STEPS_TOML: &str = include_str!("../taxonomy/steps.toml");

/// At most this many registrations: held sets are `u64` bit masks.
pub const MAX_REGISTRATIONS: usize = 64;

/// At most this many certificate codes: held and required sets are `u64` bit masks.
pub const MAX_CERTIFICATES: usize = 64;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateInfo {
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    pub name_fr: String,
    pub name_ar: String,
    /// Time to obtain it (course and exam, or the application for a VOG), in weeks.
    pub effort_weeks: f64,
    /// 0 means it does not expire.
    pub validity_years: f64,
    /// `false`: cannot be obtained by a course within a step plan, so a gap blocks.
    pub obtainable_by_course: bool,
    /// Certificates that holding this one also counts as (VOL-VCA counts as B-VCA).
    #[serde(default)]
    pub includes: Vec<String>,
    /// What must be held first, as groups of alternatives: `[["B"], ["VOG"]]` is a B
    /// licence and a VOG; `[["C", "D"]]` is a C or a D licence. Codes are licence
    /// categories or certificate codes.
    #[serde(default)]
    pub prerequisites: Vec<Vec<String>>,
    /// The minimum age to obtain it (0: none).
    #[serde(default)]
    pub min_age: u8,
    /// Time to renew it once expired (a refresher), in weeks; absent: the full effort.
    #[serde(default)]
    pub renewal_weeks: Option<f64>,
    pub terms: StepTerms,
}

/// What taking a step involves besides its time: its form, its cost and who usually
/// pays, the languages its exam can be taken in, and where these figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepTerms {
    pub form: StepForm,
    pub cost_eur: CostRange,
    pub who_pays_nl: String,
    pub who_pays_en: String,
    pub who_pays_fr: String,
    pub who_pays_ar: String,
    /// ISO 639-1 codes; empty when there is no exam.
    pub exam_languages: Vec<String>,
    pub source: String,
    /// The figures were checked against the source; `false`: estimates to confirm.
    pub verified: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceInfo {
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    /// Categories a holder may also drive (direct; the closure is computed).
    pub implies: Vec<String>,
    /// Time to obtain it through the CBR exams, in weeks.
    pub effort_weeks: f64,
    pub min_age: u8,
    pub terms: StepTerms,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CefrInfo {
    pub code: String,
    pub rank: u8,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NlqfInfo {
    pub level: u8,
    pub name_nl: String,
    pub name_en: String,
}

/// A registration or recognition a regulated profession needs (`registrations.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInfo {
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    pub name_fr: String,
    pub name_ar: String,
    /// ISCO-08 groups (prefixes of a vacancy's code) that need it.
    pub isco: Vec<String>,
    pub authority: String,
    pub route_nl: String,
    pub route_en: String,
    pub route_fr: String,
    pub route_ar: String,
    /// The Dutch level the route implies (CEFR).
    pub dutch: String,
    pub weeks: WeeksRange,
    pub terms: StepTerms,
}

/// The one of four texts that is in `locale`'s language (the pseudo-locale reads English).
fn in_language<'a>(locale: Locale, nl: &'a str, en: &'a str, fr: &'a str, ar: &'a str) -> &'a str {
    match locale {
        Locale::Nl => nl,
        Locale::En | Locale::Pseudo => en,
        Locale::Fr => fr,
        Locale::Ar => ar,
    }
}

impl CertificateInfo {
    pub fn name(&self, locale: Locale) -> &str {
        in_language(locale, &self.name_nl, &self.name_en, &self.name_fr, &self.name_ar)
    }
}

impl RegistrationInfo {
    pub fn name(&self, locale: Locale) -> &str {
        in_language(locale, &self.name_nl, &self.name_en, &self.name_fr, &self.name_ar)
    }

    pub fn route(&self, locale: Locale) -> &str {
        in_language(locale, &self.route_nl, &self.route_en, &self.route_fr, &self.route_ar)
    }
}

impl StepTerms {
    pub fn who_pays(&self, locale: Locale) -> &str {
        in_language(
            locale,
            &self.who_pays_nl,
            &self.who_pays_en,
            &self.who_pays_fr,
            &self.who_pays_ar,
        )
    }
}

/// Weeks a route takes: the usual range, and the typical value a plan counts.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeksRange {
    pub min: f64,
    pub typical: f64,
    pub max: f64,
}

/// What a step costs, in euros.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRange {
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone)]
pub struct IscoGroup {
    pub code: String,
    pub level: u8,
    pub title: String,
}

#[derive(Debug, thiserror::Error)]
#[error("taxonomy file {file}: {message}")]
pub struct TaxonomyError {
    pub file: &'static str,
    pub message: String,
}

/// All taxonomies, indexed for the matcher.
#[derive(Debug)]
pub struct Taxonomy {
    certificates: Vec<CertificateInfo>,
    certificate_index: HashMap<String, u8>,
    licences: Vec<LicenceInfo>,
    /// For each licence (by `DrivingLicence as usize`): its position in `licences`.
    licence_index: [usize; 15],
    /// For each licence (by `DrivingLicence as usize`): the mask of categories it lets one drive.
    licence_closure: [u16; 15],
    cefr: Vec<CefrInfo>,
    nlqf: Vec<NlqfInfo>,
    isco: HashMap<String, IscoGroup>,
    registrations: Vec<RegistrationInfo>,
    /// By certificate bit: its prerequisites, as groups of alternative steps.
    prerequisites: Vec<Vec<Vec<Step>>>,
    steps: StepsFile,
}

/// The terms of the steps that are not taxonomy entries of their own (`steps.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepsFile {
    /// A language course, per CEFR level (its time per level is a config key).
    pub language: StepTerms,
    /// A diploma evaluation by IDW (its time is a config key).
    pub diploma_evaluation: StepTerms,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistrationFile {
    registration: Vec<RegistrationInfo>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertificateFile {
    certificate: Vec<CertificateInfo>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LicenceFile {
    licence: Vec<LicenceInfo>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CefrFile {
    level: Vec<CefrInfo>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NlqfFile {
    level: Vec<NlqfInfo>,
}

impl Taxonomy {
    /// The taxonomies bundled with this build.
    pub fn embedded() -> &'static Taxonomy {
        static EMBEDDED: OnceLock<Taxonomy> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Taxonomy::parse(
                CERTIFICATES_TOML,
                LICENCES_TOML,
                CEFR_TOML,
                NLQF_TOML,
                ISCO_TSV,
                REGISTRATIONS_TOML,
                STEPS_TOML,
            )
            .expect("the bundled taxonomy files are valid (checked by a unit test)")
        })
    }

    /// Parses taxonomy sources (the contents of the seven files under
    /// `crates/opstap-core/taxonomy/`).
    pub fn parse(
        certificates: &str,
        licences: &str,
        cefr: &str,
        nlqf: &str,
        isco_tsv: &str,
        registrations: &str,
        steps: &str,
    ) -> Result<Taxonomy, TaxonomyError> {
        let toml_err = |file: &'static str| {
            move |e: toml::de::Error| TaxonomyError { file, message: e.to_string() }
        };
        let certificates = toml::from_str::<CertificateFile>(certificates)
            .map_err(toml_err("certificates.toml"))?
            .certificate;
        if certificates.len() > MAX_CERTIFICATES {
            return Err(TaxonomyError {
                file: "certificates.toml",
                message: format!(
                    "{} certificates; at most {MAX_CERTIFICATES} are supported",
                    certificates.len()
                ),
            });
        }
        for c in &certificates {
            for inc in &c.includes {
                if !certificates.iter().any(|x| &x.code == inc) {
                    return Err(TaxonomyError {
                        file: "certificates.toml",
                        message: format!("{} includes unknown certificate {inc}", c.code),
                    });
                }
            }
        }
        let mut certificate_index = HashMap::new();
        for (i, c) in certificates.iter().enumerate() {
            if c.effort_weeks < 0.0 || c.validity_years < 0.0 {
                return Err(TaxonomyError {
                    file: "certificates.toml",
                    message: format!("{}: effort_weeks and validity_years must be ≥ 0", c.code),
                });
            }
            if certificate_index.insert(c.code.clone(), i as u8).is_some() {
                return Err(TaxonomyError {
                    file: "certificates.toml",
                    message: format!("certificate {} is listed twice", c.code),
                });
            }
        }

        let licences =
            toml::from_str::<LicenceFile>(licences).map_err(toml_err("licences.toml"))?.licence;
        let mut direct = [0u16; 15];
        for info in &licences {
            let lic = DrivingLicence::parse(&info.code).ok_or_else(|| TaxonomyError {
                file: "licences.toml",
                message: format!("unknown licence category {}", info.code),
            })?;
            direct[lic as usize] |= lic.bit();
            for implied in &info.implies {
                let imp = DrivingLicence::parse(implied).ok_or_else(|| TaxonomyError {
                    file: "licences.toml",
                    message: format!("{}: implies unknown category {implied}", info.code),
                })?;
                direct[lic as usize] |= imp.bit();
            }
        }
        let mut licence_index = [0; 15];
        for lic in DrivingLicence::ALL {
            licence_index[lic as usize] = licences
                .iter()
                .position(|l| l.code == lic.as_str())
                .ok_or_else(|| TaxonomyError {
                    file: "licences.toml",
                    message: format!("licence category {} is missing", lic.as_str()),
                })?;
        }
        // Transitive closure: CE ⇒ C ⇒ C1 ⇒ B ⇒ AM.
        let mut closure = direct;
        loop {
            let mut changed = false;
            for slot in closure.iter_mut() {
                let mut mask = *slot;
                for (j, implied) in direct.iter().enumerate() {
                    if mask & (1 << j) != 0 {
                        mask |= implied;
                    }
                }
                if mask != *slot {
                    *slot = mask;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }

        let cefr = toml::from_str::<CefrFile>(cefr).map_err(toml_err("cefr.toml"))?.level;
        let nlqf = toml::from_str::<NlqfFile>(nlqf).map_err(toml_err("nlqf.toml"))?.level;

        let mut isco = HashMap::new();
        let mut header_seen = false;
        for (n, line) in isco_tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header_seen {
                header_seen = true;
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(code), Some(level), Some(title)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(TaxonomyError {
                    file: "isco08.tsv",
                    message: format!("line {}: expected code, level, title", n + 1),
                });
            };
            let level = level.parse().map_err(|_| TaxonomyError {
                file: "isco08.tsv",
                message: format!("line {}: level `{level}` is not a number", n + 1),
            })?;
            isco.insert(
                code.to_owned(),
                IscoGroup { code: code.to_owned(), level, title: title.to_owned() },
            );
        }

        let registrations = toml::from_str::<RegistrationFile>(registrations)
            .map_err(toml_err("registrations.toml"))?
            .registration;
        let registration_error =
            |message: String| TaxonomyError { file: "registrations.toml", message };
        if registrations.len() > MAX_REGISTRATIONS {
            return Err(registration_error(format!(
                "{} registrations; at most {MAX_REGISTRATIONS} are supported",
                registrations.len()
            )));
        }
        for (i, r) in registrations.iter().enumerate() {
            if registrations[..i].iter().any(|o| o.code == r.code) {
                return Err(registration_error(format!("{} is listed twice", r.code)));
            }
            let w = r.weeks;
            if !(0.0 < w.min && w.min <= w.typical && w.typical <= w.max) {
                return Err(registration_error(format!(
                    "{}: weeks must be 0 < min ≤ typical ≤ max",
                    r.code
                )));
            }
            for g in &r.isco {
                if !isco.contains_key(g) {
                    return Err(registration_error(format!(
                        "{}: `{g}` is not an ISCO-08 group",
                        r.code
                    )));
                }
                if registrations[..i].iter().any(|o| {
                    o.isco.iter().any(|h| h.starts_with(g.as_str()) || g.starts_with(h.as_str()))
                }) {
                    return Err(registration_error(format!(
                        "{}: ISCO group {g} overlaps another registration's",
                        r.code
                    )));
                }
            }
        }

        // Prerequisites name licence categories or certificates; a cycle would make a
        // step its own prerequisite.
        let certificate_error =
            |message: String| TaxonomyError { file: "certificates.toml", message };
        let mut prerequisites = Vec::with_capacity(certificates.len());
        for c in &certificates {
            let mut groups = Vec::new();
            for group in &c.prerequisites {
                let mut alternatives = Vec::new();
                for code in group {
                    let step = match DrivingLicence::parse(code) {
                        Some(l) => Step::DrivingLicence(l),
                        None => match certificate_index.get(code) {
                            Some(&bit) => Step::Certificate(bit),
                            None => {
                                return Err(certificate_error(format!(
                                    "{}: prerequisite `{code}` is neither a licence category nor a certificate",
                                    c.code
                                )));
                            }
                        },
                    };
                    alternatives.push(step);
                }
                if alternatives.is_empty() {
                    return Err(certificate_error(format!(
                        "{}: an empty group of prerequisites",
                        c.code
                    )));
                }
                groups.push(alternatives);
            }
            if c.renewal_weeks.is_some_and(|w| !(0.0..=c.effort_weeks).contains(&w)) {
                return Err(certificate_error(format!(
                    "{}: renewal_weeks must be between 0 and effort_weeks",
                    c.code
                )));
            }
            prerequisites.push(groups);
        }
        for (bit, _) in certificates.iter().enumerate() {
            let mut seen = vec![bit];
            let mut queue = vec![bit];
            while let Some(b) = queue.pop() {
                for step in prerequisites[b].iter().flatten() {
                    if let Step::Certificate(p) = *step {
                        let p = usize::from(p);
                        if p == bit {
                            return Err(certificate_error(format!(
                                "{}: is its own prerequisite (through {})",
                                certificates[bit].code, certificates[b].code
                            )));
                        }
                        if !seen.contains(&p) {
                            seen.push(p);
                            queue.push(p);
                        }
                    }
                }
            }
        }
        let steps = toml::from_str::<StepsFile>(steps).map_err(toml_err("steps.toml"))?;

        Ok(Taxonomy {
            prerequisites,
            steps,
            registrations,
            certificates,
            certificate_index,
            licences,
            licence_index,
            licence_closure: closure,
            cefr,
            nlqf,
            isco,
        })
    }

    /// A certificate's prerequisites, as groups of alternative steps.
    pub fn prerequisites(&self, bit: u8) -> &[Vec<Step>] {
        &self.prerequisites[usize::from(bit)]
    }

    /// The terms of language courses and the diploma evaluation.
    pub fn steps(&self) -> &StepsFile {
        &self.steps
    }

    pub fn registrations(&self) -> &[RegistrationInfo] {
        &self.registrations
    }

    /// The bit of a registration code.
    pub fn registration_bit(&self, code: &str) -> Option<u8> {
        self.registrations.iter().position(|r| r.code == code).map(|i| i as u8)
    }

    pub fn registration_by_bit(&self, bit: u8) -> &RegistrationInfo {
        &self.registrations[usize::from(bit)]
    }

    /// The registration an occupation needs, by its ISCO-08 code.
    pub fn registration_for_isco(&self, isco: &str) -> Option<u8> {
        self.registrations
            .iter()
            .position(|r| r.isco.iter().any(|g| isco.starts_with(g.as_str())))
            .map(|i| i as u8)
    }

    pub fn certificates(&self) -> &[CertificateInfo] {
        &self.certificates
    }

    /// The bit position of a certificate code, or `None` when the code is unknown.
    pub fn certificate_bit(&self, code: &str) -> Option<u8> {
        self.certificate_index.get(code).copied()
    }

    pub fn certificate(&self, code: &str) -> Option<&CertificateInfo> {
        self.certificate_bit(code).map(|i| &self.certificates[usize::from(i)])
    }

    pub fn certificate_by_bit(&self, bit: u8) -> &CertificateInfo {
        &self.certificates[usize::from(bit)]
    }

    /// The mask of the given certificates (what a vacancy asks for).
    pub fn certificate_mask(&self, codes: &[CertificateCode]) -> u64 {
        codes.iter().filter_map(|c| self.certificate_bit(&c.0)).fold(0, |m, b| m | (1u64 << b))
    }

    /// The mask of what a holder of these certificates counts as holding (with
    /// `includes`, e.g. VOL-VCA counts as B-VCA).
    pub fn held_certificate_mask(&self, codes: &[CertificateCode]) -> u64 {
        let mut mask = self.certificate_mask(codes);
        loop {
            let mut grown = mask;
            for (bit, info) in self.certificates.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    grown |= info
                        .includes
                        .iter()
                        .filter_map(|c| self.certificate_bit(c))
                        .fold(0, |m, b| m | (1u64 << b));
                }
            }
            if grown == mask {
                return mask;
            }
            mask = grown;
        }
    }

    pub fn certificate_codes(&self) -> impl Iterator<Item = &str> {
        self.certificates.iter().map(|c| c.code.as_str())
    }

    pub fn licence(&self, lic: DrivingLicence) -> &LicenceInfo {
        &self.licences[self.licence_index[lic as usize]]
    }

    /// The mask of categories the holder of `held` may drive.
    pub fn licence_closure(&self, held: &[DrivingLicence]) -> u16 {
        held.iter().fold(0, |m, l| m | self.licence_closure[*l as usize])
    }

    pub fn cefr(&self) -> &[CefrInfo] {
        &self.cefr
    }

    pub fn nlqf(&self) -> &[NlqfInfo] {
        &self.nlqf
    }

    pub fn isco(&self, code: &str) -> Option<&IscoGroup> {
        self.isco.get(code)
    }

    pub fn isco_len(&self) -> usize {
        self.isco.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DrivingLicence::*;

    #[test]
    fn bundled_taxonomies_load() {
        let t = Taxonomy::embedded();
        assert!(t.certificate("VCA_BASIS").is_some());
        assert!(t.certificate("VCA_BASIC").is_none());
        assert_eq!(t.cefr().len(), 6);
        assert_eq!(t.nlqf().len(), 8);
        assert_eq!(t.isco_len(), 619);
        assert_eq!(t.isco("9112").unwrap().level, 4);
    }

    #[test]
    fn vol_vca_counts_as_basic_vca() {
        let t = Taxonomy::embedded();
        let held = t.held_certificate_mask(&[CertificateCode("VCA_VOL".into())]);
        assert_ne!(held & (1 << t.certificate_bit("VCA_BASIS").unwrap()), 0);
        let held = t.held_certificate_mask(&[CertificateCode("VCA_BASIS".into())]);
        assert_eq!(held & (1 << t.certificate_bit("VCA_VOL").unwrap()), 0);
    }

    #[test]
    fn licence_hierarchy_is_transitive() {
        let t = Taxonomy::embedded();
        let ce = t.licence_closure(&[CE]);
        for implied in [C, C1, B, BE, AM] {
            assert_ne!(ce & implied.bit(), 0, "CE implies {implied:?}");
        }
        assert_eq!(ce & D.bit(), 0);
        let a = t.licence_closure(&[A]);
        assert_ne!(a & AM.bit(), 0);
        assert_eq!(t.licence_closure(&[B]) & C.bit(), 0);
        assert_eq!(t.licence_closure(&[]), 0);
    }
}
