//! Parsing and validation of records. Every error names the field (a path such as
//! `requirements.languages[0].any_of[1].level`) and what is accepted; the caller adds
//! the file and line.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::model::{
    CertificateCode, HoursRange, IscoCode, LangCode, LanguageSkill, Participant, Placement, Vacancy,
};
use crate::taxonomy::Taxonomy;

/// What is wrong with one record, and where inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The field path, or `(record)` for a record that is not a JSON object.
    pub field: String,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.message)
    }
}

impl std::error::Error for RecordError {}

fn err(field: impl Into<String>, message: impl Into<String>) -> RecordError {
    RecordError { field: field.into(), message: message.into() }
}

/// Deserializes one JSON record, naming the field path of a type error.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, RecordError> {
    // The fast path: most records are valid. Only a failing record is parsed again
    // with path tracking, to name the field.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path == "?" { "(record)".to_owned() } else { path };
        err(field, clean_serde_message(&e.into_inner().to_string()))
    })?;
    de.end().map_err(|e| err("(record)", clean_serde_message(&e.to_string())))?;
    Ok(value)
}

/// serde's messages end in " at line 1 column 57"; the caller reports the file line.
fn clean_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

pub fn parse_vacancy(text: &str, taxonomy: &Taxonomy) -> Result<Vacancy, RecordError> {
    let v: Vacancy = parse_json(text)?;
    validate_vacancy(&v, taxonomy)?;
    Ok(v)
}

pub fn parse_participant(text: &str, taxonomy: &Taxonomy) -> Result<Participant, RecordError> {
    let p: Participant = parse_json(text)?;
    validate_participant(&p, taxonomy)?;
    Ok(p)
}

pub fn parse_placement(text: &str) -> Result<Placement, RecordError> {
    let p: Placement = parse_json(text)?;
    check_id("participant_id", &p.participant_id)?;
    check_id("vacancy_id", &p.vacancy_id)?;
    if let Some(left) = p.left {
        if p.outcome != crate::model::PlacementOutcome::Hired {
            return Err(err("left", "is only for a hire (outcome HIRED)"));
        }
        if left < p.date {
            return Err(err("left", format!("is {left}, before the hire on {}", p.date)));
        }
    }
    Ok(p)
}

/// An id (of a participant or a vacancy): non-empty, at most 200 characters, no control,
/// bidirectional or zero-width characters, no surrounding spaces.
pub fn check_id(field: &str, id: &str) -> Result<(), RecordError> {
    if id.trim().is_empty() {
        return Err(err(field, "is empty; an id is a non-empty string such as \"v-000123\""));
    }
    // Bidirectional overrides and zero-width characters make an id look like another
    // one on a caseworker's screen.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    if id.len() > 200 || id.chars().any(|c| c.is_control() || invisible(c)) || id.trim() != id {
        return Err(err(
            field,
            "must be at most 200 characters, without control, bidirectional or zero-width \
             characters, and without surrounding spaces",
        ));
    }
    Ok(())
}

/// A day in a person's life (born, a certificate obtained): from 1900 to 2100, so that
/// the ages and validities counted from it stay in the calendar.
fn check_plausible_date(field: &str, d: crate::date::Date) -> Result<(), RecordError> {
    let (year, _, _) = d.ymd();
    if !(1900..=2100).contains(&year) {
        return Err(err(
            field,
            format!("{d} is not a plausible date; expected a year from 1900 to 2100"),
        ));
    }
    Ok(())
}

fn check_lang(field: &str, lang: &LangCode) -> Result<(), RecordError> {
    let l = lang.0.as_bytes();
    if l.len() != 2 || !l.iter().all(u8::is_ascii_lowercase) {
        return Err(err(
            field,
            format!(
                "`{}` is not an ISO 639-1 code; expected two lower-case letters such as \"nl\"",
                lang.0
            ),
        ));
    }
    Ok(())
}

fn check_languages(field: &str, langs: &[LanguageSkill]) -> Result<(), RecordError> {
    for (i, l) in langs.iter().enumerate() {
        check_lang(&format!("{field}[{i}].lang"), &l.lang)?;
    }
    Ok(())
}

fn check_certificates(
    field: &str,
    codes: &[CertificateCode],
    taxonomy: &Taxonomy,
) -> Result<(), RecordError> {
    for (i, c) in codes.iter().enumerate() {
        check_certificate(&format!("{field}[{i}]"), c, taxonomy)?;
    }
    Ok(())
}

fn check_certificate(
    field: &str,
    c: &CertificateCode,
    taxonomy: &Taxonomy,
) -> Result<(), RecordError> {
    if taxonomy.certificate(&c.0).is_none() {
        let accepted: Vec<&str> = taxonomy.certificate_codes().collect();
        return Err(err(
            field,
            format!("unknown certificate `{}`; accepted: {}", c.0, accepted.join(", ")),
        ));
    }
    Ok(())
}

fn check_isco(field: &str, code: &IscoCode, taxonomy: &Taxonomy) -> Result<(), RecordError> {
    let ok = (1..=4).contains(&code.0.len()) && code.0.bytes().all(|b| b.is_ascii_digit());
    if !ok || taxonomy.isco(&code.0).is_none() {
        return Err(err(
            field,
            format!(
                "`{}` is not an ISCO-08 group; expected a code of 1–4 digits from the ISCO-08 table, e.g. \"9112\"",
                code.0
            ),
        ));
    }
    Ok(())
}

fn check_nlqf(field: &str, nlqf: u8) -> Result<(), RecordError> {
    if !(1..=8).contains(&nlqf) {
        return Err(err(field, format!("NLQF level {nlqf} is out of range; accepted: 1 to 8")));
    }
    Ok(())
}

fn check_hours(field: &str, h: &HoursRange) -> Result<(), RecordError> {
    if !(h.min.is_finite() && h.max.is_finite()) || h.min < 0.0 || h.max > 168.0 || h.min > h.max {
        return Err(err(
            field,
            format!("hours {}–{} is not a range; expected 0 ≤ min ≤ max ≤ 168", h.min, h.max),
        ));
    }
    Ok(())
}

fn check_point(field: &str, lat: f64, lon: f64) -> Result<(), RecordError> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(err(
            field,
            format!(
                "({lat}, {lon}) is not a position; expected lat in [-90, 90], lon in [-180, 180]"
            ),
        ));
    }
    Ok(())
}

pub fn check_sector(field: &str, sector: &str) -> Result<(), RecordError> {
    if sector.is_empty() || !sector.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(err(
            field,
            format!(
                "`{sector}` is not a sector slug; expected lower-case letters and `_`, e.g. \"hospitality\""
            ),
        ));
    }
    Ok(())
}

pub fn check_non_negative(field: &str, v: f64) -> Result<(), RecordError> {
    if !(v.is_finite() && v >= 0.0) {
        return Err(err(field, format!("{v} is not allowed; expected a number ≥ 0")));
    }
    Ok(())
}

/// A vacancy that passed [`validate_vacancy`]: the only kind the index accepts for an
/// upsert, so a vacancy is validated once, where it comes in (a JSON line, a gRPC
/// message), and its errors name the field where it came in.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidVacancy(Vacancy);

impl ValidVacancy {
    pub fn new(v: Vacancy, taxonomy: &Taxonomy) -> Result<ValidVacancy, RecordError> {
        validate_vacancy(&v, taxonomy)?;
        Ok(ValidVacancy(v))
    }

    pub fn into_inner(self) -> Vacancy {
        self.0
    }

    /// The vacancy with these employer answers in force (answers the store validated when
    /// they were recorded), replacing the ones it had.
    pub fn with_employer_answers(
        mut self,
        answers: Vec<crate::answer::EmployerAnswer>,
    ) -> ValidVacancy {
        self.0.employer_answers = answers;
        self
    }
}

impl std::ops::Deref for ValidVacancy {
    type Target = Vacancy;

    fn deref(&self) -> &Vacancy {
        &self.0
    }
}

pub fn validate_vacancy(v: &Vacancy, taxonomy: &Taxonomy) -> Result<(), RecordError> {
    check_id("id", &v.id)?;
    check_vacancy_sizes(v)?;
    if v.title.trim().is_empty() {
        return Err(err("title", "is empty; a vacancy needs a title"));
    }
    if let Some(s) = &v.sector {
        check_sector("sector", s)?;
    }
    if let Some(code) = &v.isco {
        check_isco("isco", code, taxonomy)?;
    }
    if let Some(loc) = &v.location {
        check_point("location", loc.lat, loc.lon)?;
    }
    let r = &v.requirements;
    for (i, group) in r.languages.iter().enumerate() {
        if group.any_of.is_empty() {
            return Err(err(
                format!("requirements.languages[{i}].any_of"),
                "is empty; list at least one {\"lang\", \"level\"}",
            ));
        }
        check_languages(&format!("requirements.languages[{i}].any_of"), &group.any_of)?;
    }
    check_certificates("requirements.certificates", &r.certificates, taxonomy)?;
    check_certificates(
        "requirements.certificates_on_the_job",
        &r.certificates_on_the_job,
        taxonomy,
    )?;
    if let Some(e) = &r.education {
        check_nlqf("requirements.education.nlqf", e.nlqf)?;
    }
    if let Some(y) = r.experience_years {
        check_non_negative("requirements.experience_years", y)?;
    }
    if let Some(h) = &v.conditions.hours_per_week {
        check_hours("conditions.hours_per_week", h)?;
    }
    if let (Some(p), Some(t)) = (v.posted, v.valid_through)
        && t < p
    {
        return Err(err("valid_through", format!("{t} is before posted {p}")));
    }
    if let Some(w) = &v.wage {
        check_non_negative("wage.min", w.min)?;
        check_non_negative("wage.max", w.max)?;
        if w.max < w.min {
            return Err(err("wage.max", format!("{} is below wage.min {}", w.max, w.min)));
        }
        if w.currency.len() != 3 || !w.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(err(
                "wage.currency",
                format!(
                    "`{}` is not an ISO 4217 code; expected three capitals, e.g. \"EUR\"",
                    w.currency
                ),
            ));
        }
    }
    for (i, a) in v.employer_answers.iter().enumerate() {
        check_answer(&format!("employer_answers[{i}]"), a, taxonomy)?;
    }
    for (i, e) in v.extracted.iter().enumerate() {
        if let Some(c) = e.confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Err(err(
                format!("extracted[{i}].confidence"),
                format!("{c} is out of range; expected a number from 0 to 1"),
            ));
        }
    }
    Ok(())
}

/// The most items a list of a profile or filter may hold. A real caseworker never meets
/// it; it bounds the work one request can cause.
pub const MAX_LIST_ITEMS: usize = 50;
/// The most characters a free-text item (a skill, an interest, a title, a field) may hold.
pub const MAX_TEXT_CHARS: usize = 200;
/// The most characters of a vacancy's title.
pub const MAX_TITLE_CHARS: usize = 300;
/// The most evidence items an imported vacancy carries (every requirement, offer and
/// condition read from one posting fits many times over).
pub const MAX_EVIDENCE: usize = 100;
/// An employer's answer: known codes, a plausible day, a short source.
pub fn check_answer(
    field: &str,
    a: &crate::answer::EmployerAnswer,
    taxonomy: &Taxonomy,
) -> Result<(), RecordError> {
    use crate::answer::AnswerKind;
    check_plausible_date(&format!("{field}.answered_on"), a.answered_on)?;
    check_text(&format!("{field}.source"), &a.source)?;
    if a.source.trim().is_empty() {
        return Err(err(
            format!("{field}.source"),
            "is empty; say how the employer answered, e.g. \"phone\", \"email\", \"visit\"",
        ));
    }
    match &a.answer {
        AnswerKind::AcceptsLanguage { lang, .. } => {
            check_lang(&format!("{field}.answer.lang"), lang)
        }
        AnswerKind::WaivesCertificate { code } => {
            let f = format!("{field}.answer.code");
            check_certificates(&f, std::slice::from_ref(code), taxonomy)
                .map_err(|e| RecordError { field: f.clone(), message: e.message })
        }
        AnswerKind::Twv { .. }
        | AnswerKind::VolunteerStatement { .. }
        | AnswerKind::WaivesDrivingLicence
        | AnswerKind::WaivesExperience
        | AnswerKind::AcceptsWithoutDiploma => Ok(()),
    }
}

/// The most characters of a vacancy's description: a long real posting is about 10,000.
/// With it a page of 100 matches stays under the 4 MiB a standard gRPC client accepts
/// (the server also cuts a page that would not).
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;

/// A list within [`MAX_LIST_ITEMS`].
pub fn check_list_len<T>(field: &str, items: &[T]) -> Result<(), RecordError> {
    check_count(field, items.len())
}

fn check_count(field: &str, len: usize) -> Result<(), RecordError> {
    if len > MAX_LIST_ITEMS {
        return Err(err(field, format!("{len} items; at most {MAX_LIST_ITEMS} are accepted")));
    }
    Ok(())
}

fn check_text(field: &str, text: &str) -> Result<(), RecordError> {
    check_chars(field, text, MAX_TEXT_CHARS)
}

fn check_chars(field: &str, text: &str, max: usize) -> Result<(), RecordError> {
    // Bytes bound characters from above: most texts need no count.
    if text.len() <= max {
        return Ok(());
    }
    let n = text.chars().count();
    if n > max {
        return Err(err(field, format!("{n} characters; at most {max} are accepted")));
    }
    Ok(())
}

/// Every list and free-text field of a vacancy within the limits above: what is stored
/// and sent back stays small.
fn check_vacancy_sizes(v: &Vacancy) -> Result<(), RecordError> {
    check_chars("title", &v.title, MAX_TITLE_CHARS)?;
    check_chars("description", &v.description, MAX_DESCRIPTION_CHARS)?;
    if let Some(s) = &v.sector {
        check_text("sector", s)?;
    }
    if let Some(e) = &v.employer {
        for (field, text) in [("employer.id", &e.id), ("employer.name", &e.name)] {
            if let Some(t) = text {
                check_text(field, t)?;
            }
        }
    }
    let r = &v.requirements;
    check_count("requirements.languages", r.languages.len())?;
    for (i, g) in r.languages.iter().enumerate() {
        check_count(&format!("requirements.languages[{i}].any_of"), g.any_of.len())?;
    }
    check_count("requirements.certificates", r.certificates.len())?;
    check_count("requirements.certificates_on_the_job", r.certificates_on_the_job.len())?;
    if let Some(d) = &v.conditions.day_parts {
        check_count("conditions.day_parts", d.len())?;
    }
    check_count("employer_answers", v.employer_answers.len())?;
    if v.extracted.len() > MAX_EVIDENCE {
        return Err(err(
            "extracted",
            format!("{} items; at most {MAX_EVIDENCE} are accepted", v.extracted.len()),
        ));
    }
    for (i, e) in v.extracted.iter().enumerate() {
        for (name, text) in [("field", &e.field), ("value", &e.value), ("source", &e.source)] {
            check_text(&format!("extracted[{i}].{name}"), text)?;
        }
        check_text(&format!("extracted[{i}].pattern"), &e.pattern)?;
        check_chars(&format!("extracted[{i}].quote"), &e.quote, MAX_TITLE_CHARS)?;
    }
    if let Some(w) = &v.wage {
        check_text("wage.currency", &w.currency)?;
    }
    Ok(())
}

/// Every list and free-text item of a profile within the limits above.
fn check_participant_sizes(p: &Participant) -> Result<(), RecordError> {
    let lens: [(&str, usize); 11] = [
        ("languages", p.languages.as_ref().map_or(0, Vec::len)),
        ("certificates", p.certificates.as_ref().map_or(0, Vec::len)),
        ("registrations", p.registrations.as_ref().map_or(0, Vec::len)),
        ("driving_licences", p.driving_licences.as_ref().map_or(0, Vec::len)),
        ("experience", p.experience.as_ref().map_or(0, Vec::len)),
        ("skills", p.skills.len()),
        ("interests", p.interests.len()),
        ("desired_isco", p.desired_isco.len()),
        ("excluded.sectors", p.excluded.sectors.len()),
        ("excluded.isco", p.excluded.isco.len()),
        (
            "availability.day_parts",
            p.availability.as_ref().and_then(|a| a.day_parts.as_ref()).map_or(0, Vec::len),
        ),
    ];
    for (field, len) in lens {
        check_count(field, len)?;
    }
    for (list, items) in [("skills", &p.skills), ("interests", &p.interests)] {
        for (i, text) in items.iter().enumerate() {
            check_text(&format!("{list}[{i}]"), text)?;
        }
    }
    for (i, x) in p.experience.iter().flatten().enumerate() {
        check_text(&format!("experience[{i}].title"), &x.title)?;
    }
    if let Some(field) = p.education.as_ref().and_then(|e| e.field.as_deref()) {
        check_text("education.field", field)?;
    }
    Ok(())
}

pub fn validate_participant(p: &Participant, taxonomy: &Taxonomy) -> Result<(), RecordError> {
    check_id("id", &p.id)?;
    check_participant_sizes(p)?;
    if let Some(langs) = &p.languages {
        check_languages("languages", langs)?;
    }
    if let Some(d) = p.birth_date {
        check_plausible_date("birth_date", d)?;
    }
    if let Some(certs) = &p.certificates {
        for (i, c) in certs.iter().enumerate() {
            check_certificate(&format!("certificates[{i}]"), &c.code, taxonomy)?;
            if let Some(d) = c.obtained {
                check_plausible_date(&format!("certificates[{i}].obtained"), d)?;
            }
            if let (Some(from), Some(until)) = (c.obtained, c.valid_until)
                && from > until
            {
                return Err(err(
                    format!("certificates[{i}].valid_until"),
                    format!("{until} is before `obtained` ({from}); expected a later date"),
                ));
            }
        }
    }
    if let Some(registrations) = &p.registrations {
        for (i, code) in registrations.iter().enumerate() {
            if taxonomy.registration_bit(code).is_none() {
                let accepted: Vec<&str> =
                    taxonomy.registrations().iter().map(|r| r.code.as_str()).collect();
                return Err(err(
                    format!("registrations[{i}]"),
                    format!("unknown registration `{code}`; accepted: {}", accepted.join(", ")),
                ));
            }
        }
    }
    if let Some(e) = &p.education
        && let Some(n) = e.nlqf
    {
        check_nlqf("education.nlqf", n)?;
    }
    if let Some(exp) = &p.experience {
        for (i, x) in exp.iter().enumerate() {
            if let Some(code) = &x.isco {
                check_isco(&format!("experience[{i}].isco"), code, taxonomy)?;
            }
            if let Some(years) = x.years {
                check_non_negative(&format!("experience[{i}].years"), years)?;
            }
        }
    }
    for (i, code) in p.desired_isco.iter().enumerate() {
        check_isco(&format!("desired_isco[{i}]"), code, taxonomy)?;
    }
    for (i, code) in p.excluded.isco.iter().enumerate() {
        check_isco(&format!("excluded.isco[{i}]"), code, taxonomy)?;
    }
    for (i, s) in p.excluded.sectors.iter().enumerate() {
        check_sector(&format!("excluded.sectors[{i}]"), s)?;
    }
    if let Some(a) = &p.availability
        && let Some(h) = &a.hours_per_week
    {
        check_hours("availability.hours_per_week", h)?;
    }
    if let Some(loc) = &p.location {
        check_point("location", loc.lat, loc.lon)?;
        if let Some(km) = loc.max_commute_km {
            check_non_negative("location.max_commute_km", km)?;
        }
    }
    if let Some(h) = p.horizon_weeks {
        check_non_negative("horizon_weeks", h)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const VACANCY: &str = r#"{"id":"v-1","title":"Medewerker bediening","sector":"hospitality","isco":"5131",
        "requirements":{"languages":[{"any_of":[{"lang":"nl","level":"A2"},{"lang":"en","level":"B1"}]}],
        "certificates":["HACCP"],"education":{"nlqf":2,"diploma_required":false}},
        "conditions":{"hours_per_week":{"min":24,"max":32}}}"#;

    fn vacancy_error(patch: impl Fn(&mut serde_json::Value)) -> RecordError {
        let mut v: serde_json::Value = serde_json::from_str(VACANCY).unwrap();
        patch(&mut v);
        parse_vacancy(&v.to_string(), Taxonomy::embedded()).unwrap_err()
    }

    #[test]
    fn a_single_language_may_be_written_without_any_of() {
        let taxonomy = Taxonomy::embedded();
        let short = r#"{"id":"v-1","title":"Kok","requirements":{"languages":[{"lang":"nl","level":"B1"}]}}"#;
        let v = parse_vacancy(short, taxonomy).unwrap();
        assert_eq!(v.requirements.languages[0].any_of.len(), 1);
        assert_eq!(v.requirements.languages[0].any_of[0].level, crate::model::CefrLevel::B1);
        let back = serde_json::to_string(&v.requirements.languages).unwrap();
        assert_eq!(back, r#"[{"any_of":[{"lang":"nl","level":"B1"}]}]"#);
        let e =
            vacancy_error(|v| v["requirements"]["languages"] = serde_json::json!([{"lang": "nl"}]));
        assert_eq!(e.field, "requirements.languages[0]");
        assert!(e.message.contains("needs its level"), "{e}");
    }

    #[test]
    fn a_wage_is_checked_and_evidence_confidence_is_a_share() {
        let e = vacancy_error(|v| {
            v["wage"] = serde_json::json!({"min": 16, "max": 14, "currency": "EUR", "per": "HOUR"})
        });
        assert_eq!(e.field, "wage.max");
        let e = vacancy_error(|v| {
            v["wage"] = serde_json::json!({"min": 14, "max": 16, "currency": "euro", "per": "HOUR"})
        });
        assert!(e.field == "wage.currency" && e.message.contains("ISO 4217"), "{e}");
        let e = vacancy_error(|v| {
            v["extracted"] = serde_json::json!([{"field": "isco", "value": "5131", "quote": "kok",
                "source": "title", "pattern": "title.isco_table", "confidence": 1.5}])
        });
        assert_eq!(e.field, "extracted[0].confidence");
    }

    #[test]
    fn oversized_lists_and_texts_are_refused_with_the_field_and_the_limit() {
        let taxonomy = Taxonomy::embedded();
        let mut p: Participant = parse_json(r#"{"id":"p-1"}"#).unwrap();
        p.skills = (0..MAX_LIST_ITEMS).map(|i| format!("vaardigheid{i}")).collect();
        assert!(validate_participant(&p, taxonomy).is_ok());
        p.skills.push("een te veel".into());
        let e = validate_participant(&p, taxonomy).unwrap_err();
        assert_eq!(e.field, "skills");
        assert!(e.message.contains("at most 50"), "{e}");
        p.skills = vec!["x".repeat(MAX_TEXT_CHARS + 1)];
        let e = validate_participant(&p, taxonomy).unwrap_err();
        assert_eq!(e.field, "skills[0]");
        assert!(e.message.contains("at most 200"), "{e}");
        p.skills.clear();
        p.desired_isco = vec![crate::model::IscoCode("2611".into()); MAX_LIST_ITEMS + 1];
        assert_eq!(validate_participant(&p, taxonomy).unwrap_err().field, "desired_isco");
    }

    #[test]
    fn implausible_birth_and_certificate_dates_are_refused() {
        let taxonomy = Taxonomy::embedded();
        for (json, field) in [
            (r#"{"id":"p-1","birth_date":"9999-01-01"}"#, "birth_date"),
            (r#"{"id":"p-1","birth_date":"1850-01-01"}"#, "birth_date"),
            (
                r#"{"id":"p-1","certificates":[{"code":"BHV","obtained":"9999-06-01"}]}"#,
                "certificates[0].obtained",
            ),
        ] {
            let e = parse_participant(json, taxonomy).unwrap_err();
            assert_eq!(e.field, field, "{json}");
            assert!(e.message.contains("1900 to 2100"), "{e}");
        }
        assert!(parse_participant(r#"{"id":"p-1","birth_date":"2001-02-03"}"#, taxonomy).is_ok());
    }

    #[test]
    fn oversized_vacancy_fields_are_refused_with_the_field_and_the_limit() {
        let e = vacancy_error(|v| v["description"] = "é".repeat(MAX_DESCRIPTION_CHARS + 1).into());
        assert_eq!(e.field, "description");
        assert!(e.message.contains("at most 20000"), "{e}");
        // Counted in characters, not bytes: 20,000 two-byte characters are accepted.
        let mut v: serde_json::Value = serde_json::from_str(VACANCY).unwrap();
        v["description"] = "é".repeat(MAX_DESCRIPTION_CHARS).into();
        assert!(parse_vacancy(&v.to_string(), Taxonomy::embedded()).is_ok());
        let e = vacancy_error(|v| v["title"] = "x".repeat(MAX_TITLE_CHARS + 1).into());
        assert_eq!(e.field, "title");
        let e = vacancy_error(|v| v["employer"] = serde_json::json!({"name": "x".repeat(201)}));
        assert_eq!(e.field, "employer.name");
        let e = vacancy_error(|v| {
            v["requirements"]["certificates"] = serde_json::json!(vec!["HACCP"; MAX_LIST_ITEMS + 1])
        });
        assert_eq!(e.field, "requirements.certificates");
    }

    #[test]
    fn an_unknown_registration_is_refused_with_the_accepted_codes() {
        let taxonomy = Taxonomy::embedded();
        let mut p: Participant =
            parse_json(r#"{"id":"p-1","registrations":["BIG_NURSE"]}"#).unwrap();
        assert!(validate_participant(&p, taxonomy).is_ok());
        p.registrations = Some(vec!["BIG_NURSE".into(), "BIG_NURSING".into()]);
        let e = validate_participant(&p, taxonomy).unwrap_err();
        assert_eq!(e.field, "registrations[1]");
        assert!(e.message.contains("BIG_NURSING") && e.message.contains("BIG_NURSE,"), "{e}");
    }

    #[test]
    fn accepts_the_contract_example() {
        parse_vacancy(VACANCY, Taxonomy::embedded()).unwrap();
    }

    #[test]
    fn names_field_and_accepted_values() {
        type Patch = Box<dyn Fn(&mut serde_json::Value)>;
        let cases: Vec<(Patch, &str, &str)> = vec![
            (
                Box::new(|v| v["requirements"]["languages"][0]["any_of"][1]["level"] = "B3".into()),
                "requirements.languages[0].any_of[1].level",
                "B1",
            ),
            (
                Box::new(|v| v["requirements"]["certificates"][0] = "VCA".into()),
                "requirements.certificates[0]",
                "VCA_BASIS",
            ),
            (
                Box::new(|v| v["requirements"]["education"]["nlqf"] = 9.into()),
                "requirements.education.nlqf",
                "1 to 8",
            ),
            (
                Box::new(|v| v["conditions"]["hours_per_week"]["min"] = (-4).into()),
                "conditions.hours_per_week",
                "min ≤ max",
            ),
            (Box::new(|v| v["id"] = "".into()), "id", "non-empty"),
            (
                Box::new(|v| v["conditions"]["contract"] = "ZERO_HOURS".into()),
                "conditions.contract",
                "ON_CALL",
            ),
            (Box::new(|v| v["isco"] = "9999".into()), "isco", "ISCO-08"),
            (Box::new(|v| v["salary"] = 12.into()), "salary", "title"),
            (Box::new(|v| v["sector"] = "Horeca".into()), "sector", "lower-case"),
        ];
        for (patch, field, accepted) in cases {
            let e = vacancy_error(patch);
            assert!(e.field == field || e.message.contains(field), "{e} (wanted field {field})");
            assert!(e.to_string().contains(accepted), "{e} (wanted {accepted})");
        }
    }

    #[test]
    fn malformed_json_is_an_error() {
        let e = parse_vacancy("{\"id\": \"v-1\", ", Taxonomy::embedded()).unwrap_err();
        assert_eq!(e.field, "(record)");
    }
}
