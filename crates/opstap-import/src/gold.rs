//! The labelled benchmark: postings with their gold requirements (a folder of posting files
//! and a `gold.jsonl`, see `fixtures/postings/LABELLING.md`), and the precision and recall
//! of the import per requirement type.

use std::collections::BTreeSet;
use std::path::Path;

use opstap_core::model::{
    DayPart, DrivingLicence, EducationRequirement, LanguageSkill, TwvStance, Vacancy,
};
use serde::{Deserialize, Serialize};

use crate::{DocumentKind, Importer, Rejected};

/// One posting's gold labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldLine {
    pub file: String,
    pub languages: Vec<Vec<LanguageSkill>>,
    pub certificates: Vec<String>,
    pub certificates_on_the_job: Vec<String>,
    pub driving_licence: Option<DrivingLicence>,
    pub education: Option<EducationRequirement>,
    pub experience_years: Option<f64>,
    pub offers: Vec<String>,
    pub work: Vec<String>,
    pub application: Vec<String>,
    pub twv: Option<TwvStance>,
    #[serde(default)]
    pub note: String,
}

/// The requirement types scored, hard ones first.
pub const HARD_KINDS: [&str; 5] =
    ["languages", "certificates", "driving_licence", "education", "experience"];
pub const SOFT_KINDS: [&str; 5] =
    ["certificates_on_the_job", "offers", "work", "application", "twv"];

fn languages<'a>(groups: impl Iterator<Item = &'a [LanguageSkill]>) -> BTreeSet<String> {
    groups
        .map(|g| {
            let mut alts: Vec<String> =
                g.iter().map(|s| format!("{}:{}", s.lang.0, s.level.as_str())).collect();
            alts.sort();
            alts.join("|")
        })
        .collect()
}

fn education(e: &EducationRequirement) -> String {
    format!("nlqf {}{}", e.nlqf, if e.diploma_required { " diploma" } else { " thinking level" })
}

/// The items of one type in the gold.
fn gold_items(g: &GoldLine, kind: &str) -> BTreeSet<String> {
    match kind {
        "languages" => languages(g.languages.iter().map(Vec::as_slice)),
        "certificates" => g.certificates.iter().cloned().collect(),
        "driving_licence" => g.driving_licence.iter().map(|l| l.as_str().to_owned()).collect(),
        "education" => g.education.iter().map(education).collect(),
        "experience" => g.experience_years.iter().map(|y| format!("{y}")).collect(),
        "certificates_on_the_job" => g.certificates_on_the_job.iter().cloned().collect(),
        "offers" => g.offers.iter().cloned().collect(),
        "work" => g.work.iter().cloned().collect(),
        "application" => g.application.iter().cloned().collect(),
        "twv" => g.twv.iter().map(|t| t.as_str().to_owned()).collect(),
        _ => BTreeSet::new(),
    }
}

/// The items of one type an imported vacancy has.
fn vacancy_items(v: &Vacancy, kind: &str) -> BTreeSet<String> {
    let r = &v.requirements;
    let flag = |b: Option<bool>, name: &str| b.filter(|&x| x).map(|_| name.to_owned());
    match kind {
        "languages" => languages(r.languages.iter().map(|l| l.any_of.as_slice())),
        "certificates" => r.certificates.iter().map(|c| c.0.clone()).collect(),
        "driving_licence" => r.driving_licence.iter().map(|l| l.as_str().to_owned()).collect(),
        "education" => r.education.iter().map(education).collect(),
        "experience" => r.experience_years.iter().map(|y| format!("{y}")).collect(),
        "certificates_on_the_job" => {
            r.certificates_on_the_job.iter().map(|c| c.0.clone()).collect()
        }
        "offers" => [
            flag(v.offers.training, "TRAINING"),
            flag(v.offers.language_support, "LANGUAGE_SUPPORT"),
            flag(v.offers.mentoring, "MENTORING"),
            flag(v.offers.career_path, "CAREER_PATH"),
        ]
        .into_iter()
        .flatten()
        .collect(),
        "work" => {
            let parts = v.conditions.day_parts.clone().unwrap_or_default();
            [
                parts.contains(&DayPart::Evening).then(|| "EVENING".to_owned()),
                parts.contains(&DayPart::Night).then(|| "NIGHT".to_owned()),
                flag(v.conditions.weekends, "WEEKEND"),
                flag(v.work.physically_demanding, "PHYSICALLY_DEMANDING"),
            ]
            .into_iter()
            .flatten()
            .collect()
        }
        "application" => flag(v.application.practical, "PRACTICAL").into_iter().collect(),
        "twv" => {
            v.employer.as_ref().and_then(|e| e.twv).iter().map(|t| t.as_str().to_owned()).collect()
        }
        _ => BTreeSet::new(),
    }
}

/// Counts for one requirement type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub kind: String,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    /// Correct of extracted; 1 when nothing was extracted.
    pub fn precision(&self) -> f64 {
        let n = self.true_positives + self.false_positives;
        if n == 0 { 1.0 } else { self.true_positives as f64 / n as f64 }
    }

    /// Extracted of gold; 1 when the gold has none.
    pub fn recall(&self) -> f64 {
        let n = self.true_positives + self.false_negatives;
        if n == 0 { 1.0 } else { self.true_positives as f64 / n as f64 }
    }

    fn add(&mut self, other: &Score) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

/// One posting where the import and the gold differ on a type.
#[derive(Debug, Clone, Serialize)]
pub struct Mistake {
    pub file: String,
    pub kind: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoldReport {
    pub set: String,
    pub postings: usize,
    /// Hard requirement types, each, then all of them together (`hard`).
    pub hard: Vec<Score>,
    pub hard_overall: Score,
    /// Offers, conditions, application, TWV stance: reported, not part of the must.
    pub soft: Vec<Score>,
    pub mistakes: Vec<Mistake>,
    pub rejected: Vec<Rejected>,
}

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Gold { path: String, line: usize, message: String },
}

/// Imports every posting of a labelled folder and scores it against `gold.jsonl`.
pub fn evaluate(dir: &Path, importer: &Importer) -> Result<GoldReport, GoldError> {
    let gold_path = dir.join("gold.jsonl");
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| GoldError::Io { path, source }
    };
    let text = std::fs::read_to_string(&gold_path).map_err(io(&gold_path))?;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let g: GoldLine = serde_json::from_str(line).map_err(|e| GoldError::Gold {
            path: gold_path.display().to_string(),
            line: i + 1,
            message: e.to_string(),
        })?;
        lines.push(g);
    }
    let mut hard: Vec<Score> =
        HARD_KINDS.iter().map(|k| Score { kind: (*k).into(), ..Score::default() }).collect();
    let mut soft: Vec<Score> =
        SOFT_KINDS.iter().map(|k| Score { kind: (*k).into(), ..Score::default() }).collect();
    let mut mistakes = Vec::new();
    let mut rejected = Vec::new();
    for g in &lines {
        let path = dir.join(&g.file);
        let doc = std::fs::read_to_string(&path).map_err(io(&path))?;
        let mut imported = None;
        importer.read_document(&g.file, &doc, DocumentKind::for_path(&path), &mut |r| match r {
            Ok(i) => {
                imported.get_or_insert(i.vacancy);
            }
            Err(e) => rejected.push(e),
        });
        for score in hard.iter_mut().chain(soft.iter_mut()) {
            let want = gold_items(g, &score.kind);
            let got = imported.as_ref().map(|v| vacancy_items(v, &score.kind)).unwrap_or_default();
            let tp = want.intersection(&got).count();
            score.true_positives += tp;
            score.false_positives += got.len() - tp;
            score.false_negatives += want.len() - tp;
            if want != got {
                mistakes.push(Mistake {
                    file: g.file.clone(),
                    kind: score.kind.clone(),
                    expected: want.into_iter().collect(),
                    got: got.into_iter().collect(),
                });
            }
        }
    }
    let mut hard_overall = Score { kind: "hard requirements".into(), ..Score::default() };
    for s in &hard {
        hard_overall.add(s);
    }
    Ok(GoldReport {
        set: dir.display().to_string(),
        postings: lines.len(),
        hard,
        hard_overall,
        soft,
        mistakes,
        rejected,
    })
}
