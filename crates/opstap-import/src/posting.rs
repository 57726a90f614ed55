//! One schema.org `JobPosting` (a JSON-LD object) → one contract [`Vacancy`], with the
//! evidence for every value that did not come from a plain copy of a field.

use opstap_core::date::Date;
use opstap_core::model::{
    Application, CertificateCode, Conditions, ContractType, DayPart, DrivingLicence,
    EducationRequirement, Employer, Evidence, GeoPoint, HoursRange, IscoCode, LanguageRequirement,
    Offers, Requirements, TwvStance, Vacancy, Wage, WagePeriod, Work,
};
use opstap_core::validate::{MAX_DESCRIPTION_CHARS, MAX_EVIDENCE, MAX_TITLE_CHARS, check_id};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::extract::{Found, Item, Strength};
use crate::html::to_text;
use crate::lexicon::{Section, Signal};
use crate::{Importer, Rejected};

/// A posting mapped, before validation.
pub(crate) struct Mapped {
    pub vacancy: Vacancy,
    /// What the text names but does not demand ("VCA is een pré").
    pub not_required: Vec<Evidence>,
    /// What the data officer should know: a value left UNKNOWN and why.
    pub notes: Vec<String>,
}

/// The text of a JSON-LD value: a string, a number, an object's `@value`, `name` or
/// `value`, or the first of an array that has one.
pub(crate) fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["@value", "value", "name", "description", "@id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(text_of)),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

/// Every text of a value that may be a list.
fn texts_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t: String =
                s.trim().chars().filter(|c| !matches!(c, '€' | ' ' | '\u{a0}')).collect();
            // "1.850,50" (Dutch) and "1,850.50" (English): the last separator is decimal.
            let t = match (t.rfind(','), t.rfind('.')) {
                (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
                (Some(_), Some(_)) => t.replace(',', ""),
                (Some(_), None) => t.replace(',', "."),
                _ => t,
            };
            t.parse().ok()
        }
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

fn rejected(field: &str, reason: impl Into<String>) -> Rejected {
    Rejected {
        source: String::new(),
        position: String::new(),
        field: field.to_owned(),
        reason: reason.into(),
    }
}

fn cut_chars(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        None => (text.to_owned(), false),
        Some((at, _)) => (text[..at].to_owned(), true),
    }
}

fn date_of(p: &Map<String, Value>, field: &str) -> Result<Option<Date>, Rejected> {
    let Some(raw) = p.get(field).and_then(text_of) else { return Ok(None) };
    let day = raw.get(..10).unwrap_or(&raw);
    day.parse::<Date>().map(Some).map_err(|_| {
        rejected(
            field,
            format!(
                "`{}` is not a date; expected ISO 8601, e.g. 2026-12-31 or 2026-12-31T17:00:00+01:00",
                cut_chars(&raw, 40).0
            ),
        )
    })
}

/// A short, stable id from text: `jp-` and 16 hex digits of its SHA-256.
fn hashed_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("jp-{hex}")
}

/// What a clause found becomes in the evidence list.
fn evidence(field: &str, value: String, f: &Found) -> Evidence {
    Evidence {
        field: field.to_owned(),
        value,
        quote: f.quote.clone(),
        source: f.source.to_owned(),
        start: Some(f.start),
        pattern: f.pattern.to_owned(),
        confidence: None,
    }
}

fn structured(field: &str, value: String, quote: String, source: &str, pattern: &str) -> Evidence {
    Evidence {
        field: field.to_owned(),
        value,
        quote,
        source: source.to_owned(),
        start: None,
        pattern: pattern.to_owned(),
        confidence: None,
    }
}

fn language_value(group: &[opstap_core::model::LanguageSkill]) -> String {
    group
        .iter()
        .map(|s| format!("{}:{}", s.lang.0, s.level.as_str()))
        .collect::<Vec<_>>()
        .join(" | ")
}

impl Importer {
    pub(crate) fn map_posting(&self, p: &Map<String, Value>) -> Result<Mapped, Rejected> {
        let mut notes = Vec::new();
        let mut extracted: Vec<Evidence> = Vec::new();
        let title_raw = p.get("title").or_else(|| p.get("name")).and_then(text_of);
        let Some(title_raw) = title_raw else {
            return Err(rejected("title", "is missing; a JobPosting needs a title"));
        };
        let (title, cut) = cut_chars(&to_text(&title_raw).replace('\n', " "), MAX_TITLE_CHARS);
        if cut {
            notes.push(format!("title cut to {MAX_TITLE_CHARS} characters"));
        }
        let description_text =
            p.get("description").and_then(text_of).map(|d| to_text(&d)).unwrap_or_default();

        // Texts the extractor reads, with the section each one is.
        let mut fields: Vec<(&'static str, String, Section)> = vec![
            ("title", title.clone(), Section::Unknown),
            ("description", description_text.clone(), Section::Unknown),
        ];
        for (name, section) in [
            ("qualifications", Section::Requirements),
            ("skills", Section::Requirements),
            ("educationRequirements", Section::Requirements),
            ("experienceRequirements", Section::Requirements),
            ("responsibilities", Section::Tasks),
            ("jobBenefits", Section::Offers),
            ("incentiveCompensation", Section::Offers),
        ] {
            if let Some(v) = p.get(name) {
                let list: Vec<String> = match v {
                    Value::Object(o) => o.get("description").map(texts_of).unwrap_or_default(),
                    Value::Array(a) => a
                        .iter()
                        .flat_map(|x| match x {
                            Value::Object(o) => {
                                o.get("description").map(texts_of).unwrap_or_default()
                            }
                            other => texts_of(other),
                        })
                        .collect(),
                    other => texts_of(other),
                };
                let text: Vec<String> =
                    list.iter().map(|t| to_text(t)).filter(|t| !t.is_empty()).collect();
                if !text.is_empty() {
                    fields.push((name, text.join("\n"), section));
                }
            }
        }

        let mut found: Vec<Found> = Vec::new();
        for (source, text, section) in &fields {
            for clause in self.extractor().clauses(source, text, *section) {
                self.extractor().read(&clause, &mut found);
            }
        }

        // The description the index searches: the posting's text fields, in order.
        let mut description = description_text;
        for (_, text, _) in &fields[2..] {
            if !text.is_empty() {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str(text);
            }
        }
        let (description, cut) = cut_chars(&description, MAX_DESCRIPTION_CHARS);
        if cut {
            notes.push(format!("description cut to {MAX_DESCRIPTION_CHARS} characters"));
        }

        let mut requirements = Requirements::default();
        let mut not_required = Vec::new();
        self.assemble_requirements(&found, &mut requirements, &mut extracted, &mut not_required);
        self.structured_requirements(p, &mut requirements, &mut extracted);

        let signal = |s: Signal| found.iter().find(|f| f.item == Item::Signal(s));
        let yes = |s: Signal, field: &str, extracted: &mut Vec<Evidence>| -> Option<bool> {
            let f = signal(s)?;
            extracted.push(evidence(field, "true".into(), f));
            Some(true)
        };
        let offers = Offers {
            training: yes(Signal::Training, "offers.training", &mut extracted),
            language_support: yes(
                Signal::LanguageSupport,
                "offers.language_support",
                &mut extracted,
            ),
            mentoring: yes(Signal::Mentoring, "offers.mentoring", &mut extracted),
            career_path: yes(Signal::CareerPath, "offers.career_path", &mut extracted),
        };
        let work = Work {
            physically_demanding: yes(
                Signal::PhysicallyDemanding,
                "work.physically_demanding",
                &mut extracted,
            ),
            ..Work::default()
        };
        let weekends = yes(Signal::Weekend, "conditions.weekends", &mut extracted);
        let evening = yes(Signal::Evening, "conditions.day_parts", &mut extracted).is_some();
        let night = yes(Signal::Night, "conditions.day_parts", &mut extracted).is_some();
        // Shift work named: the day part plus the ones named (a job only at night says so
        // and is rare in these postings).
        let day_parts = (evening || night).then(|| {
            let mut parts = vec![DayPart::Day];
            if evening {
                parts.push(DayPart::Evening);
            }
            if night {
                parts.push(DayPart::Night);
            }
            parts
        });
        let practical = yes(Signal::Practical, "application.practical", &mut extracted);

        let hours = match p.get("workHours").and_then(text_of) {
            Some(text) => match self.extractor().work_hours(&text) {
                Some((min, max)) => {
                    extracted.push(structured(
                        "conditions.hours_per_week",
                        format!("{min}-{max}"),
                        text.clone(),
                        "workHours",
                        "jsonld.workHours",
                    ));
                    Some(HoursRange { min, max })
                }
                None => None,
            },
            None => None,
        }
        .or_else(|| {
            found.iter().find_map(|f| match f.item {
                Item::Hours(min, max) => {
                    extracted.push(evidence(
                        "conditions.hours_per_week",
                        format!("{min}-{max}"),
                        f,
                    ));
                    Some(HoursRange { min, max })
                }
                _ => None,
            })
        });

        let contract =
            p.get("employmentType").map(texts_of).unwrap_or_default().iter().find_map(|t| match t
                .to_ascii_uppercase()
                .replace(['-', ' '], "_")
                .as_str()
            {
                "TEMPORARY" => Some(ContractType::FixedTerm),
                "INTERN" | "INTERNSHIP" => Some(ContractType::Internship),
                "VOLUNTEER" => Some(ContractType::Volunteer),
                "PER_DIEM" => Some(ContractType::OnCall),
                _ => None,
            });

        let twv = found.iter().find_map(|f| match f.item {
            Item::Twv(stance) => Some((stance, f)),
            _ => None,
        });
        if let Some((stance, f)) = twv {
            extracted.push(evidence("employer.twv", stance.as_str().to_owned(), f));
        }
        let employer = self.employer(p, twv.map(|(s, _)| s));

        let location = self.location(p, &mut extracted, &mut notes);
        let isco = self.occupation(p, &title, &mut extracted, &mut notes);
        let sector = isco.as_ref().and_then(|code| {
            let (_, sector) = self.sectors().for_isco(&code.0)?;
            extracted.push(structured(
                "sector",
                sector.to_owned(),
                format!("ISCO {}", code.0),
                "occupationalCategory",
                "isco.sector_table",
            ));
            Some(sector.to_owned())
        });
        let wage = self.wage(p, &mut notes);

        let id = self.posting_id(p);
        let posted = date_of(p, "datePosted")?;
        let valid_through = date_of(p, "validThrough")?;
        if extracted.len() > MAX_EVIDENCE {
            notes.push(format!("evidence cut to {MAX_EVIDENCE} items"));
            extracted.truncate(MAX_EVIDENCE);
        }
        let vacancy = Vacancy {
            id,
            title,
            description,
            sector,
            isco,
            employer,
            location,
            requirements,
            offers,
            work,
            conditions: Conditions {
                contract,
                hours_per_week: hours,
                day_parts,
                weekends,
                appointment_flexibility: None,
            },
            application: Application { practical },
            self_development: None,
            posted,
            valid_through,
            wage,
            extracted,
            employer_answers: Vec::new(),
        };
        Ok(Mapped { vacancy, not_required, notes })
    }

    /// The hard values found in the text, merged; the soft ones kept apart.
    fn assemble_requirements(
        &self,
        found: &[Found],
        r: &mut Requirements,
        extracted: &mut Vec<Evidence>,
        not_required: &mut Vec<Evidence>,
    ) {
        let mut licence: Option<(DrivingLicence, &Found)> = None;
        let mut education: Option<(EducationRequirement, &Found)> = None;
        let mut experience: Option<(f64, &Found)> = None;
        let mut languages: Vec<(LanguageRequirement, &Found)> = Vec::new();
        let rank = |l: DrivingLicence| DrivingLicence::ALL.iter().position(|x| *x == l);
        for f in found {
            let (field, value) = match &f.item {
                Item::Language(g) => ("requirements.languages", language_value(g)),
                Item::Certificate(c) => ("requirements.certificates", c.clone()),
                Item::Licence(l) => ("requirements.driving_licence", l.as_str().to_owned()),
                Item::Education { nlqf, .. } => ("requirements.education", nlqf.to_string()),
                Item::Experience(y) => ("requirements.experience_years", y.to_string()),
                _ => continue,
            };
            match f.strength {
                Strength::Soft => {
                    not_required.push(evidence(field, value, f));
                    continue;
                }
                Strength::OnTheJob => {
                    if let Item::Certificate(c) = &f.item {
                        let code = CertificateCode(c.clone());
                        if !r.certificates_on_the_job.contains(&code) {
                            r.certificates_on_the_job.push(code);
                            extracted.push(evidence(
                                "requirements.certificates_on_the_job",
                                value,
                                f,
                            ));
                        }
                    }
                    continue;
                }
                Strength::Hard => {}
            }
            match &f.item {
                Item::Language(group) => {
                    // One language asked twice: the higher level.
                    if let [one] = group.as_slice()
                        && let Some((have, at)) = languages
                            .iter_mut()
                            .find(|(g, _)| g.any_of.len() == 1 && g.any_of[0].lang == one.lang)
                    {
                        if one.level > have.any_of[0].level {
                            *have = LanguageRequirement { any_of: group.clone() };
                            *at = f;
                        }
                    } else if !languages.iter().any(|(g, _)| &g.any_of == group) {
                        languages.push((LanguageRequirement { any_of: group.clone() }, f));
                    }
                }
                Item::Certificate(c) => {
                    let code = CertificateCode(c.clone());
                    if !r.certificates.contains(&code) {
                        r.certificates.push(code);
                        extracted.push(evidence(field, value, f));
                    }
                }
                Item::Licence(l) if licence.is_none_or(|(have, _)| rank(*l) > rank(have)) => {
                    licence = Some((*l, f));
                }
                Item::Education { nlqf, diploma_required }
                    if education.as_ref().is_none_or(|(e, _)| *nlqf < e.nlqf) =>
                {
                    let e =
                        EducationRequirement { nlqf: *nlqf, diploma_required: *diploma_required };
                    education = Some((e, f));
                }
                Item::Experience(y) if experience.is_none_or(|(have, _)| *y < have) => {
                    experience = Some((*y, f));
                }
                _ => {}
            }
        }
        // A certificate both asked and provided is asked.
        r.certificates_on_the_job.retain(|c| !r.certificates.contains(c));
        extracted.retain(|e| {
            e.field != "requirements.certificates_on_the_job"
                || !r.certificates.iter().any(|c| c.0 == e.value)
        });
        for (g, f) in languages {
            extracted.push(evidence("requirements.languages", language_value(&g.any_of), f));
            r.languages.push(g);
        }
        if let Some((l, f)) = licence {
            extracted.push(evidence("requirements.driving_licence", l.as_str().to_owned(), f));
            r.driving_licence = Some(l);
        }
        if let Some((e, f)) = education {
            let value = format!(
                "{}{}",
                e.nlqf,
                if e.diploma_required { "" } else { " (level of thinking)" }
            );
            extracted.push(evidence("requirements.education", value, f));
            r.education = Some(e);
        }
        if let Some((y, f)) = experience {
            extracted.push(evidence("requirements.experience_years", y.to_string(), f));
            r.experience_years = Some(y);
        }
    }

    /// `experienceRequirements.monthsOfExperience` and `educationRequirements`'
    /// `credentialCategory`: structured values, which the text's reading gives way to only
    /// when it is lower (the posting's least demand wins) or, for a category that covers
    /// several levels, one of them.
    fn structured_requirements(
        &self,
        p: &Map<String, Value>,
        r: &mut Requirements,
        extracted: &mut Vec<Evidence>,
    ) {
        let objects = |v: Option<&Value>| -> Vec<Map<String, Value>> {
            match v {
                Some(Value::Object(o)) => vec![o.clone()],
                Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_object().cloned()).collect(),
                _ => Vec::new(),
            }
        };
        for o in objects(p.get("experienceRequirements")) {
            if let Some(months) = o.get("monthsOfExperience").and_then(number_of)
                && months > 0.0
                && months <= 480.0
            {
                let years = (months / 12.0 * 100.0).round() / 100.0;
                if r.experience_years.is_none_or(|y| years < y) {
                    extracted.retain(|e| e.field != "requirements.experience_years");
                    extracted.push(structured(
                        "requirements.experience_years",
                        years.to_string(),
                        format!("monthsOfExperience: {months}"),
                        "experienceRequirements",
                        "jsonld.monthsOfExperience",
                    ));
                    r.experience_years = Some(years);
                }
            }
        }
        for o in objects(p.get("educationRequirements")) {
            let Some(category) = o.get("credentialCategory").and_then(text_of) else { continue };
            let category_key = category.to_lowercase();
            let nlqf = self.lexicon().credential_category.get(&category_key).copied();
            let covers = self.lexicon().credential_category_covers.get(&category_key).copied();
            // The text's reading stands where it is lower, or within what the category
            // covers ("postgraduate degree" and "a PhD").
            if let Some(nlqf) = nlqf
                && r.education.as_ref().is_none_or(|e| e.nlqf > covers.unwrap_or(nlqf))
            {
                extracted.retain(|e| e.field != "requirements.education");
                extracted.push(structured(
                    "requirements.education",
                    nlqf.to_string(),
                    format!("credentialCategory: {category}"),
                    "educationRequirements",
                    "jsonld.credentialCategory",
                ));
                r.education = Some(EducationRequirement { nlqf, diploma_required: true });
            }
        }
    }

    fn employer(&self, p: &Map<String, Value>, twv: Option<TwvStance>) -> Option<Employer> {
        let org = p.get("hiringOrganization");
        if org.is_none() && twv.is_none() {
            return None;
        }
        let (name, id) = match org.unwrap_or(&Value::Null) {
            Value::Object(o) => {
                let id = o
                    .get("identifier")
                    .and_then(text_of)
                    .or_else(|| o.get("sameAs").and_then(text_of))
                    .or_else(|| o.get("url").and_then(text_of))
                    .map(|id| {
                        if check_id("id", &id).is_ok() && id.chars().count() <= 200 {
                            id
                        } else {
                            hashed_id(&id)
                        }
                    });
                (o.get("name").and_then(text_of), id)
            }
            other => (text_of(other), None),
        };
        let name = name.map(|n| cut_chars(&to_text(&n).replace('\n', " "), 200).0);
        Some(Employer { id, name, twv, volunteer_statement: None })
    }

    /// `geo` when given; else the address's locality through the gazetteer; else UNKNOWN.
    fn location(
        &self,
        p: &Map<String, Value>,
        extracted: &mut Vec<Evidence>,
        notes: &mut Vec<String>,
    ) -> Option<GeoPoint> {
        if p.get("jobLocationType")
            .and_then(text_of)
            .is_some_and(|t| t.eq_ignore_ascii_case("TELECOMMUTE"))
        {
            notes.push("remote work (jobLocationType TELECOMMUTE): no location".into());
            return None;
        }
        let places: Vec<&Map<String, Value>> = match p.get("jobLocation")? {
            Value::Object(o) => vec![o],
            Value::Array(a) => a.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        };
        let place = places.first()?;
        if places.len() > 1 {
            notes.push(format!("{} job locations; the first is used", places.len()));
        }
        if let Some(Value::Object(geo)) = place.get("geo") {
            let lat = geo.get("latitude").and_then(number_of);
            let lon = geo.get("longitude").and_then(number_of);
            if let (Some(lat), Some(lon)) = (lat, lon) {
                return Some(GeoPoint { lat, lon });
            }
        }
        let (locality, region, country) = match place.get("address") {
            Some(Value::Object(a)) => (
                a.get("addressLocality").and_then(text_of),
                a.get("addressRegion").and_then(text_of),
                a.get("addressCountry").and_then(text_of),
            ),
            Some(other) => (text_of(other), None, None),
            None => (None, None, None),
        };
        let Some(locality) = locality else {
            notes.push("no geo and no addressLocality: location UNKNOWN".into());
            return None;
        };
        if let Some(c) = &country
            && !matches!(
                c.to_lowercase().as_str(),
                "nl" | "nld" | "netherlands" | "the netherlands" | "nederland"
            )
        {
            notes.push(format!("addressCountry `{c}` is not the Netherlands: location UNKNOWN"));
            return None;
        }
        // "Amsterdam", "1012 AB Amsterdam", "Rotterdam, Zuid-Holland".
        let candidates = std::iter::once(locality.clone())
            .chain(locality.split(',').map(|s| s.trim().to_owned()))
            .chain(std::iter::once(
                locality
                    .split_whitespace()
                    .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) || w.len() > 4)
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        for name in candidates {
            if let Some(found) = self.gazetteer().locate(&name, region.as_deref()) {
                let pattern = if found.via_alias { "gazetteer.alias" } else { "gazetteer.name" };
                extracted.push(Evidence {
                    field: "location".into(),
                    value: format!("{:.4},{:.4}", found.point.lat, found.point.lon),
                    quote: locality.clone(),
                    source: "jobLocation.address.addressLocality".into(),
                    start: None,
                    pattern: pattern.into(),
                    confidence: found.ambiguous.then_some(0.5),
                });
                if found.ambiguous {
                    notes.push(format!(
                        "`{locality}` names several places; the most populous was taken"
                    ));
                }
                return Some(found.point);
            }
        }
        notes.push(format!(
            "`{}` is not in the gazetteer of Dutch places: location UNKNOWN",
            cut_chars(&locality, 80).0
        ));
        None
    }

    /// `occupationalCategory` when it is an ISCO-08 code; else the title through the
    /// title table, kept only when confident enough.
    fn occupation(
        &self,
        p: &Map<String, Value>,
        title: &str,
        extracted: &mut Vec<Evidence>,
        notes: &mut Vec<String>,
    ) -> Option<IscoCode> {
        for text in p
            .get("occupationalCategory")
            .map(|v| {
                let mut all = texts_of(v);
                if let Value::Object(o) = v
                    && let Some(code) = o.get("codeValue").and_then(text_of)
                {
                    all.insert(0, code);
                }
                all
            })
            .unwrap_or_default()
        {
            let lower = text.to_lowercase();
            let digits: Vec<&str> = lower
                .split(|c: char| !c.is_ascii_digit())
                .filter(|d| (1..=4).contains(&d.len()))
                .collect();
            let said_isco =
                lower.contains("isco") || lower.trim().starts_with(|c: char| c.is_ascii_digit());
            // "ISCO-08 9321": skip the classification's own year.
            let code =
                digits.iter().rev().find(|d| **d != "08" && self.taxonomy().isco(d).is_some());
            if said_isco && let Some(code) = code {
                extracted.push(structured(
                    "isco",
                    (*code).to_owned(),
                    text.clone(),
                    "occupationalCategory",
                    "jsonld.occupationalCategory",
                ));
                return Some(IscoCode((*code).to_owned()));
            }
        }
        let m = self.titles().lookup(title)?;
        if m.confidence < self.lexicon().isco_min_confidence
            || self.taxonomy().isco(&m.isco).is_none()
        {
            notes.push(format!(
                "occupation UNKNOWN: the title matched `{}` (ISCO {}) with confidence {} < {}",
                m.title,
                m.isco,
                m.confidence,
                self.lexicon().isco_min_confidence
            ));
            return None;
        }
        extracted.push(Evidence {
            field: "isco".into(),
            value: m.isco.clone(),
            quote: m.title.clone(),
            source: "title".into(),
            start: None,
            pattern: "title.isco_table".into(),
            confidence: Some(m.confidence),
        });
        Some(IscoCode(m.isco))
    }

    fn wage(&self, p: &Map<String, Value>, notes: &mut Vec<String>) -> Option<Wage> {
        let Some(Value::Object(salary)) = p.get("baseSalary") else { return None };
        let currency =
            salary.get("currency").and_then(text_of).unwrap_or_else(|| "EUR".into()).to_uppercase();
        let (min, max, unit) = match salary.get("value") {
            Some(Value::Object(q)) => {
                let single = q.get("value").and_then(number_of);
                let min = q.get("minValue").and_then(number_of).or(single);
                let max = q.get("maxValue").and_then(number_of).or(single).or(min);
                (min.or(max), max, q.get("unitText").and_then(text_of))
            }
            Some(v) => {
                let n = number_of(v);
                (n, n, salary.get("unitText").and_then(text_of))
            }
            None => return None,
        };
        let (Some(min), Some(max)) = (min, max) else { return None };
        let per = match unit.as_deref().map(str::to_uppercase).as_deref() {
            Some("HOUR") => WagePeriod::Hour,
            Some("WEEK") => WagePeriod::Week,
            Some("MONTH") => WagePeriod::Month,
            Some("YEAR") => WagePeriod::Year,
            other => {
                notes.push(format!(
                    "baseSalary per {}: not HOUR, WEEK, MONTH or YEAR; wage left out",
                    other.unwrap_or("(no unitText)")
                ));
                return None;
            }
        };
        Some(Wage { min: min.min(max), max: max.max(min), currency, per })
    }

    /// The posting's own identifier when it makes a valid id; else a hash of its `url`;
    /// else a hash of the whole posting. The same posting imported again gets the same id,
    /// so a re-import replaces it.
    fn posting_id(&self, p: &Map<String, Value>) -> String {
        let own = p
            .get("identifier")
            .and_then(text_of)
            .filter(|id| check_id("id", id).is_ok() && id.chars().count() <= 120);
        own.unwrap_or_else(|| match p.get("url").and_then(text_of) {
            Some(url) => hashed_id(&url),
            None => hashed_id(&serde_json::to_string(p).unwrap_or_default()),
        })
    }
}
