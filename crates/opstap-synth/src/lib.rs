//! Deterministic synthetic data: vacancies with realistic Dutch titles, descriptions and
//! requirement mixes per sector (from `templates.toml` beside this crate), and
//! participants modelled on the report's cohort. Same seed, same output, on every
//! machine: the generator uses its own SplitMix64.
//!
//! Where ([`Geography`]): `Regional` (the default, the worst case for matching) puts
//! every vacancy and participant in the The Hague region, within reach of one another;
//! `National` puts vacancies where people live and work — Dutch places weighted by
//! population (GeoNames, through the import crate's gazetteer) — and participants at
//! places with an asylum reception centre (`data/reception_centres.tsv`).

use std::collections::BTreeMap;

use serde::Deserialize;

pub mod placement;
mod rng;

pub use rng::Rng;

use opstap_core::Date;
use opstap_core::model::*;

const TEMPLATES_TOML: &str = include_str!("../templates.toml");
/// The gazetteer of Dutch places (GeoNames, CC BY 4.0) the import resolves localities
/// with; one file for both crates.
const PLACES_TSV: &str = include_str!("../../opstap-import/data/places_nl.tsv");
const RECEPTION_TSV: &str = include_str!("../data/reception_centres.tsv");

/// Where the generated vacancies and participants are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Geography {
    /// All in the The Hague region (`templates.toml`'s places): every vacancy within
    /// reach of every participant, the worst case for a matching pass.
    #[default]
    Regional,
    /// Vacancies over the Netherlands by population, participants at reception centres.
    National,
}

impl std::str::FromStr for Geography {
    type Err = String;
    fn from_str(s: &str) -> Result<Geography, String> {
        match s {
            "regional" => Ok(Geography::Regional),
            "national" => Ok(Geography::National),
            _ => Err(format!("unknown geography `{s}`; accepted: regional, national")),
        }
    }
}

/// The national geography's places: workplaces with cumulative population weights, and
/// reception centres.
#[derive(Debug)]
struct National {
    workplaces: Vec<Place>,
    /// Running totals of the workplaces' weights, for a binary-search draw.
    cumulative: Vec<f64>,
    centres: Vec<Place>,
}

impl National {
    fn load() -> National {
        let rows = |text: &'static str, weight_column: Option<usize>| -> Vec<Place> {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with("name\t") && !l.trim().is_empty())
                .filter_map(|l| {
                    let f: Vec<&str> = l.split('\t').collect();
                    let weight = match weight_column {
                        Some(c) => f.get(c)?.parse::<f64>().ok()?,
                        None => 1.0,
                    };
                    Some(Place {
                        name: f[0].to_owned(),
                        lat: f[1].parse().ok()?,
                        lon: f[2].parse().ok()?,
                        weight,
                    })
                })
                .collect()
        };
        // Places without a population are left out (they would weigh nothing).
        let workplaces = rows(PLACES_TSV, Some(4));
        let mut total = 0.0;
        let cumulative = workplaces
            .iter()
            .map(|p| {
                total += p.weight;
                total
            })
            .collect();
        National { workplaces, cumulative, centres: rows(RECEPTION_TSV, None) }
    }

    fn workplace(&self, rng: &mut Rng) -> &Place {
        let x = rng.f64() * self.cumulative.last().copied().unwrap_or(0.0);
        let i = self.cumulative.partition_point(|c| *c <= x);
        &self.workplaces[i.min(self.workplaces.len() - 1)]
    }

    fn centre(&self, rng: &mut Rng) -> &Place {
        &self.centres[rng.below(self.centres.len())]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Templates {
    place: Vec<Place>,
    sector: Vec<Sector>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Place {
    name: String,
    lat: f64,
    lon: f64,
    weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sector {
    slug: String,
    weight: f64,
    employers: Vec<String>,
    twv: BTreeMap<String, f64>,
    practical_application: f64,
    explicit_self_development: f64,
    requirements: RequirementTables,
    offers: OfferTables,
    work: WorkTables,
    conditions: ConditionTables,
    job: Vec<Job>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementTables {
    dutch: BTreeMap<String, f64>,
    english_alternative: f64,
    english_required: BTreeMap<String, f64>,
    certificates: BTreeMap<String, f64>,
    certificates_on_the_job: BTreeMap<String, f64>,
    licence: BTreeMap<String, f64>,
    nlqf: BTreeMap<String, f64>,
    diploma_required: f64,
    experience_years: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfferTables {
    training: f64,
    language_support: f64,
    mentoring: f64,
    career_path: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkTables {
    language_contact: BTreeMap<String, f64>,
    social_contact: BTreeMap<String, f64>,
    repetitive: f64,
    physically_demanding: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionTables {
    contract: BTreeMap<String, f64>,
    day_parts: BTreeMap<String, f64>,
    weekends: f64,
    appointment_flexibility: BTreeMap<String, f64>,
    hours: Vec<[f64; 2]>,
}

/// A job template; any requirement table may be overridden per job.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Job {
    title: String,
    isco: String,
    level: SelfDevelopment,
    duties: Vec<String>,
    dutch: Option<BTreeMap<String, f64>>,
    english_alternative: Option<f64>,
    english_required: Option<BTreeMap<String, f64>>,
    certificates: Option<BTreeMap<String, f64>>,
    certificates_on_the_job: Option<BTreeMap<String, f64>>,
    licence: Option<BTreeMap<String, f64>>,
    nlqf: Option<BTreeMap<String, f64>>,
    diploma_required: Option<f64>,
    experience_years: Option<BTreeMap<String, f64>>,
}

impl Job {
    fn tables(&self, sector: &RequirementTables) -> RequirementTables {
        let mut t = sector.clone();
        macro_rules! over {
            ($($f:ident),*) => { $( if let Some(x) = &self.$f { t.$f = x.clone(); } )* };
        }
        over!(
            dutch,
            english_alternative,
            english_required,
            certificates,
            certificates_on_the_job,
            licence,
            nlqf,
            diploma_required,
            experience_years
        );
        t
    }
}

/// The synthetic-data generator.
#[derive(Debug)]
pub struct Generator {
    templates: Templates,
    sector_weights: BTreeMap<String, f64>,
    place_weights: BTreeMap<String, f64>,
    /// The national geography's places; `None`: regional.
    national: Option<National>,
}

/// Parse an upper-case enumeration value from a template key.
fn parse_enum<T: for<'de> Deserialize<'de>>(key: &str) -> T {
    serde_json::from_value(serde_json::Value::String(key.to_owned())).unwrap_or_else(|_| {
        panic!("template value `{key}` is not a valid enumeration value (unit test checks this)")
    })
}

fn cefr(key: &str) -> Option<CefrLevel> {
    if key == "NONE" { None } else { Some(parse_enum(key)) }
}

impl Default for Generator {
    fn default() -> Generator {
        Generator::new()
    }
}

impl Generator {
    /// The generator over the bundled templates.
    pub fn new() -> Generator {
        let templates: Templates =
            toml::from_str(TEMPLATES_TOML).expect("bundled templates parse (unit test)");
        let sector_weights = templates.sector.iter().map(|s| (s.slug.clone(), s.weight)).collect();
        let place_weights = templates.place.iter().map(|p| (p.name.clone(), p.weight)).collect();
        Generator { templates, sector_weights, place_weights, national: None }
    }

    /// The generator for `geography` (regional: as [`Generator::new`]).
    pub fn with_geography(geography: Geography) -> Generator {
        let national = (geography == Geography::National).then(National::load);
        Generator { national, ..Generator::new() }
    }

    /// A place of work.
    fn place(&self, rng: &mut Rng) -> &Place {
        if let Some(n) = &self.national {
            return n.workplace(rng);
        }
        let name = rng.weighted(&self.place_weights).to_owned();
        self.templates.place.iter().find(|p| p.name == name).expect("weighted key exists")
    }

    /// Where a participant lives: the region, or a reception centre.
    fn home(&self, rng: &mut Rng) -> &Place {
        match &self.national {
            Some(n) => n.centre(rng),
            None => self.place(rng),
        }
    }

    /// Vacancy number `n` of the stream seeded with `seed`: independent of how many are
    /// generated, so `generate --vacancies 100` is a prefix of `--vacancies 1000`.
    pub fn vacancy(&self, seed: u64, n: u64, posted_until: Date) -> Vacancy {
        let mut rng = Rng::for_vacancy(seed, n, 0);
        let slug = rng.weighted(&self.sector_weights).to_owned();
        let sector =
            self.templates.sector.iter().find(|s| s.slug == slug).expect("weighted key exists");
        let job = rng.pick(&sector.job);
        let t = job.tables(&sector.requirements);
        let employer = rng.pick(&sector.employers).clone();
        let place = self.place(&mut rng);

        let mut languages = Vec::new();
        let dutch = cefr(rng.weighted(&t.dutch));
        if let Some(level) = dutch {
            let mut any_of = vec![LanguageSkill { lang: LangCode("nl".into()), level }];
            if rng.chance(t.english_alternative) {
                any_of.push(LanguageSkill { lang: LangCode("en".into()), level: CefrLevel::B1 });
            }
            languages.push(LanguageRequirement { any_of });
        }
        let english = cefr(rng.weighted(&t.english_required));
        if let Some(level) = english {
            languages.push(LanguageRequirement {
                any_of: vec![LanguageSkill { lang: LangCode("en".into()), level }],
            });
        }
        let mut certificates = Vec::new();
        for (code, p) in &t.certificates {
            if rng.chance(*p) {
                certificates.push(CertificateCode(code.clone()));
            }
        }
        let mut on_the_job = Vec::new();
        for (code, p) in &t.certificates_on_the_job {
            if rng.chance(*p) && !certificates.iter().any(|c| &c.0 == code) {
                on_the_job.push(CertificateCode(code.clone()));
            }
        }
        let licence = match rng.weighted(&t.licence) {
            "NONE" => None,
            code => DrivingLicence::parse(code),
        };
        let education = match rng.weighted(&t.nlqf) {
            "NONE" => None,
            n => Some(EducationRequirement {
                nlqf: n.parse().expect("nlqf keys are numbers"),
                diploma_required: rng.chance(t.diploma_required),
            }),
        };
        let experience_years: f64 =
            rng.weighted(&t.experience_years).parse().expect("years are numbers");

        let offers = Offers {
            training: Some(rng.chance(sector.offers.training)),
            language_support: Some(rng.chance(sector.offers.language_support)),
            mentoring: Some(rng.chance(sector.offers.mentoring)),
            career_path: Some(rng.chance(sector.offers.career_path)),
        };
        let work = Work {
            language_contact: Some(parse_enum(rng.weighted(&sector.work.language_contact))),
            social_contact: Some(parse_enum(rng.weighted(&sector.work.social_contact))),
            repetitive: Some(rng.chance(sector.work.repetitive)),
            physically_demanding: Some(rng.chance(sector.work.physically_demanding)),
        };
        let mut day_parts: Vec<DayPart> = Vec::new();
        for (part, p) in &sector.conditions.day_parts {
            if rng.chance(*p) {
                day_parts.push(parse_enum(part));
            }
        }
        if day_parts.is_empty() {
            day_parts.push(DayPart::Day);
        }
        day_parts.sort();
        let [hmin, hmax] = *rng.pick(&sector.conditions.hours);
        let contract: ContractType = parse_enum(rng.weighted(&sector.conditions.contract));
        let conditions = Conditions {
            contract: Some(contract),
            hours_per_week: Some(HoursRange { min: hmin, max: hmax }),
            day_parts: Some(day_parts.clone()),
            weekends: Some(rng.chance(sector.conditions.weekends)),
            appointment_flexibility: Some(parse_enum(
                rng.weighted(&sector.conditions.appointment_flexibility),
            )),
        };
        let twv: TwvStance = parse_enum(rng.weighted(&sector.twv));
        let practical = rng.chance(sector.practical_application);
        let explicit = rng.chance(sector.explicit_self_development).then_some(job.level);
        let posted = posted_until.add_days(-(rng.below(90) as i32));
        let valid_through = rng.chance(0.3).then(|| posted.add_days(30 + rng.below(335) as i32));

        // Description: an opening, three duties, then what is asked and offered, in the
        // way Dutch vacancies phrase it.
        let mut duties: Vec<&String> = job.duties.iter().collect();
        for i in (1..duties.len()).rev() {
            duties.swap(i, rng.below(i + 1));
        }
        let mut text = vec![format!(
            "Vacature bij {employer} in {}: {}.",
            place.name,
            job.title.to_lowercase()
        )];
        text.extend(duties.iter().take(3).map(|d| d.to_string()));
        if let Some(level) = dutch {
            text.push(format!("Je spreekt Nederlands op minimaal {}-niveau.", level.as_str()));
        }
        for c in &certificates {
            text.push(format!("Je hebt een geldig {}-certificaat.", c.0.replace('_', " ")));
        }
        for c in &on_the_job {
            text.push(format!(
                "Je {} haal je bij ons via een opleiding op het werk.",
                c.0.replace('_', " ")
            ));
        }
        if let Some(l) = licence {
            text.push(format!("Je hebt rijbewijs {}.", l.as_str()));
        }
        if let Some(e) = &education {
            let kind = if e.diploma_required { "een diploma op" } else { "werk- en denkniveau" };
            text.push(format!("Je hebt {kind} NLQF-niveau {}.", e.nlqf));
        }
        if offers.training == Some(true) {
            text.push("Je krijgt een opleiding en leert het vak in de praktijk.".into());
        }
        if offers.language_support == Some(true) {
            text.push("We helpen je met Nederlandse les naast je werk.".into());
        }
        if practical {
            text.push("Geen sollicitatiegesprek: je komt een dag meewerken.".into());
        }

        Vacancy {
            id: format!("v-{n:07}"),
            title: job.title.clone(),
            description: text.join(" "),
            sector: Some(sector.slug.clone()),
            isco: Some(IscoCode(job.isco.clone())),
            employer: Some(Employer {
                id: Some(format!("e-{:03}", rng.below(1000))),
                name: Some(employer),
                twv: Some(twv),
                // From a stream of its own (added later: every other field stayed as it
                // was): for volunteer work, a third have the statement, a third not.
                volunteer_statement: (conditions.contract == Some(ContractType::Volunteer))
                    .then(|| {
                        let mut own = Rng::for_vacancy(seed, n, 3);
                        match own.below(3) {
                            0 => Some(true),
                            1 => Some(false),
                            _ => None,
                        }
                    })
                    .flatten(),
            }),
            location: Some(GeoPoint {
                lat: place.lat + (rng.f64() - 0.5) * 0.02,
                lon: place.lon + (rng.f64() - 0.5) * 0.03,
            }),
            requirements: Requirements {
                languages,
                certificates,
                certificates_on_the_job: on_the_job,
                driving_licence: licence,
                education,
                experience_years: Some(experience_years),
            },
            offers,
            work,
            conditions,
            application: Application { practical: Some(practical) },
            self_development: explicit,
            posted: Some(posted),
            valid_through,
            wage: None,
            extracted: Vec::new(),
            employer_answers: Vec::new(),
        }
    }

    /// Participant number `n` of the stream seeded with `seed`.
    pub fn participant(&self, seed: u64, n: u64, today: Date) -> Participant {
        let mut rng = Rng::for_participant(seed, n, 1);
        let sector = {
            let slug = rng.weighted(&self.sector_weights).to_owned();
            self.templates.sector.iter().find(|s| s.slug == slug).expect("weighted key exists")
        };
        let job = rng.pick(&sector.job);
        let weights = |pairs: &[(&str, f64)]| -> BTreeMap<String, f64> {
            pairs.iter().map(|(k, w)| ((*k).to_owned(), *w)).collect()
        };
        let mut languages = vec![];
        if let Some(level) =
            cefr(rng.weighted(&weights(&[("A1", 40.0), ("A2", 35.0), ("B1", 20.0), ("B2", 5.0)])))
        {
            languages.push(LanguageSkill { lang: LangCode("nl".into()), level });
        }
        if let Some(level) = cefr(rng.weighted(&weights(&[
            ("NONE", 25.0),
            ("A2", 20.0),
            ("B1", 25.0),
            ("B2", 20.0),
            ("C1", 10.0),
        ]))) {
            languages.push(LanguageSkill { lang: LangCode("en".into()), level });
        }
        let native = *rng.pick(&["ar", "ti", "tr", "fa", "ps", "so", "ku", "ru", "uk", "fr"]);
        languages.push(LanguageSkill { lang: LangCode(native.into()), level: CefrLevel::C2 });

        let mut certificates = Vec::new();
        for (code, p) in [
            ("VCA_BASIS", 0.15),
            ("HACCP", 0.08),
            ("HEFTRUCK", 0.06),
            ("BHV", 0.05),
            ("EHBO", 0.05),
        ] {
            if rng.chance(p) {
                certificates.push(HeldCertificate::code(code));
            }
        }
        let driving_licences = if rng.chance(0.12) { vec![DrivingLicence::B] } else { vec![] };
        let nlqf = 1 + rng.below(7) as u8;
        let evaluation: DiplomaEvaluation = parse_enum(rng.weighted(&weights(&[
            ("NOT_EVALUATED", 70.0),
            ("PENDING", 15.0),
            ("RECOGNIZED", 15.0),
        ])));
        // Skills: distinctive words from the duties of the person's past job.
        let mut skills: Vec<String> = job
            .duties
            .iter()
            .flat_map(|d| d.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.len() >= 8)
            .map(str::to_lowercase)
            .collect();
        skills.sort();
        skills.dedup();
        let skills: Vec<String> =
            (0..3.min(skills.len())).map(|_| rng.pick(&skills).clone()).collect();
        let interests = vec![
            rng.pick(&[
                "mensen helpen",
                "koken",
                "techniek",
                "klantcontact",
                "buiten werken",
                "ontwerpen",
                "programmeren",
                "sport",
                "zorg",
                "logistiek",
            ])
            .to_string(),
        ];
        let other = rng.pick(&self.templates.sector);
        let desired = rng.pick(&other.job);
        let preference: SelfDevelopment = parse_enum(rng.weighted(&weights(&[
            ("MINIMAL", 15.0),
            ("SOME", 70.0),
            ("STRONG", 15.0),
        ])));
        let status: WorkAuthorizationStatus = parse_enum(rng.weighted(&weights(&[
            ("ASYLUM_TWV_REQUIRED", 85.0),
            ("FREE", 10.0),
            ("NOTIFICATION_ONLY", 3.0),
            ("NOT_ALLOWED", 2.0),
        ])));
        let place = self.home(&mut rng);
        let day_only = rng.chance(0.45);
        // From a stream of its own (added later: every other field stayed as it was):
        // half say nothing, most of the rest hold none, a few hold the registration of
        // their own occupation (when it is a regulated one).
        let registrations = {
            let mut own = Rng::for_participant(seed, n, 3);
            let taxonomy = opstap_core::Taxonomy::embedded();
            match own.below(10) {
                0..=4 => None,
                5..=8 => Some(vec![]),
                _ => Some(
                    taxonomy
                        .registration_for_isco(&job.isco)
                        .map(|bit| taxonomy.registration_by_bit(bit).code.clone())
                        .into_iter()
                        .collect(),
                ),
            }
        };
        Participant {
            id: format!("p-{n:07}"),
            languages: Some(languages),
            certificates: Some(certificates),
            registrations,
            driving_licences: Some(driving_licences),
            education: Some(Education {
                nlqf: Some(nlqf),
                field: None,
                evaluation: Some(evaluation),
            }),
            experience: Some(vec![Experience {
                title: job.title.to_lowercase(),
                isco: Some(IscoCode(job.isco.clone())),
                years: Some(rng.below(10) as f64),
            }]),
            skills,
            interests,
            desired_isco: vec![IscoCode(desired.isco.clone())],
            excluded: Exclusions {
                sectors: if rng.chance(0.1) { vec!["cleaning".into()] } else { vec![] },
                isco: vec![],
            },
            self_development: Some(preference),
            work_authorization: Some(WorkAuthorization {
                status,
                eligible_from: rng.chance(0.1).then(|| today.add_days(rng.below(120) as i32)),
                asylum_application_date: None,
                procedure_track: None,
                w_document_expires: None,
            }),
            availability: Some(Availability {
                day_parts: Some(if day_only {
                    vec![DayPart::Day]
                } else {
                    vec![DayPart::Day, DayPart::Evening]
                }),
                weekends: Some(!day_only && rng.chance(0.5)),
                hours_per_week: Some(HoursRange {
                    min: 8.0 + rng.below(3) as f64 * 8.0,
                    max: 32.0 + rng.below(2) as f64 * 8.0,
                }),
                needs_appointment_flexibility: Some(rng.chance(0.6)),
                // From a stream of its own, so the wish (added later) left every other
                // field of a generated participant as it was.
                avoid_physically_demanding: Rng::for_participant(seed, n, 2)
                    .chance(0.15)
                    .then_some(true),
            }),
            location: Some(ParticipantLocation {
                lat: place.lat + (rng.f64() - 0.5) * 0.02,
                lon: place.lon + (rng.f64() - 0.5) * 0.03,
                max_commute_km: Some(10.0 + rng.below(4) as f64 * 10.0),
            }),
            learning_style: Some(if rng.chance(0.6) {
                LearningStyle::OnTheJob
            } else {
                LearningStyle::CourseFirst
            }),
            horizon_weeks: Some(*rng.pick(&[4.0, 8.0, 12.0, 26.0, 52.0])),
            birth_date: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opstap_core::Taxonomy;
    use opstap_core::validate::{validate_participant, validate_vacancy};

    #[test]
    fn national_data_spreads_vacancies_by_population_and_puts_people_at_reception_centres() {
        let day: Date = "2026-11-01".parse().unwrap();
        let regional = Generator::new();
        assert_eq!(
            serde_json::to_string(
                &Generator::with_geography(Geography::Regional).vacancy(1, 7, day)
            )
            .unwrap(),
            serde_json::to_string(&regional.vacancy(1, 7, day)).unwrap(),
            "regional stays what it was"
        );
        let g = Generator::with_geography(Geography::National);
        let national = g.national.as_ref().unwrap();
        assert!(national.workplaces.len() > 1500 && national.centres.len() >= 10);
        let spots: Vec<(f64, f64)> = (0..3000)
            .map(|i| {
                let l = g.vacancy(1, i, day).location.unwrap();
                (l.lat, l.lon)
            })
            .collect();
        let lats = spots.iter().map(|s| s.0);
        let (south, north) = lats.fold((90.0f64, 0.0f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
        assert!(south < 51.5 && north > 53.0, "over the country: {south}..{north}");
        // Amsterdam (about 1 in 20 of the population in the table) draws far more
        // vacancies than a village.
        let near = |(lat, lon): (f64, f64), (a, b): (f64, f64)| {
            (lat - a).abs() < 0.05 && (lon - b).abs() < 0.08
        };
        let amsterdam = spots.iter().filter(|s| near(**s, (52.374, 4.890))).count();
        assert!(amsterdam > 60, "{amsterdam} of 3000 in Amsterdam");
        for i in 0..200 {
            let l = g.participant(2, i, day).location.unwrap();
            assert!(
                national
                    .centres
                    .iter()
                    .any(|c| (c.lat - l.lat).abs() < 0.02 && (c.lon - l.lon).abs() < 0.03),
                "participant {i} at {} {}: not at a reception centre",
                l.lat,
                l.lon
            );
        }
        assert!("worldwide".parse::<Geography>().unwrap_err().contains("regional, national"));
    }

    #[test]
    fn generated_records_are_valid_and_deterministic() {
        let g = Generator::new();
        let t = Taxonomy::embedded();
        let day: Date = "2026-11-01".parse().unwrap();
        for n in 0..2000 {
            let v = g.vacancy(7, n, day);
            validate_vacancy(&v, t).unwrap_or_else(|e| panic!("{}: {e}", v.id));
            let p = g.participant(7, n, day);
            validate_participant(&p, t).unwrap_or_else(|e| panic!("{}: {e}", p.id));
        }
        assert_eq!(g.vacancy(7, 42, day), g.vacancy(7, 42, day));
        assert_ne!(g.vacancy(7, 42, day), g.vacancy(8, 42, day));
        // Sectors follow the template weights: cleaning is common, legal rare.
        let sectors: Vec<String> =
            (0..2000).map(|n| g.vacancy(7, n, day).sector.unwrap()).collect();
        let count = |s: &str| sectors.iter().filter(|x| *x == s).count();
        assert!(
            count("cleaning") > 5 * count("legal"),
            "{} vs {}",
            count("cleaning"),
            count("legal")
        );
    }
}
