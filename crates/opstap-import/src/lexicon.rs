//! The words the extractor reads by (`data/lexicon.toml`), compiled into phrase matchers.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};
use opstap_core::model::{CefrLevel, DrivingLicence, TwvStance};
use opstap_core::taxonomy::Taxonomy;
use serde::Deserialize;

use crate::ImportError;

const LEXICON: &str = include_str!("../data/lexicon.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    settings: RawSettings,
    clauses: RawClauses,
    sections: RawSections,
    language: RawLanguage,
    languages: BTreeMap<String, Vec<String>>,
    level_words: Vec<RawLevelWords>,
    certificates: BTreeMap<String, Vec<String>>,
    licences: RawLicences,
    education: RawEducation,
    experience: RawExperience,
    signals: BTreeMap<Signal, Vec<String>>,
    twv: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    isco_min_confidence: f64,
    max_quote_chars: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauses {
    softeners: Vec<String>,
    adverbial: Vec<String>,
    negation_words: Vec<String>,
    negation_needs: Vec<String>,
    on_the_job: Vec<String>,
    demands: Vec<String>,
    refers_back: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    default_level: CefrLevel,
    language_context: Vec<String>,
    language_not_demand: Vec<String>,
    language_demand: Vec<String>,
    language_adjective_nouns: Vec<String>,
    exam_levels: Vec<RawExamLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExamLevel {
    phrase: String,
    level: CefrLevel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSections {
    soft: Vec<String>,
    requirements: Vec<String>,
    offers: Vec<String>,
    tasks: Vec<String>,
    other: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevelWords {
    level: CefrLevel,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLicences {
    words: Vec<String>,
    plain: DrivingLicence,
    provided: Vec<String>,
    transport_alternatives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEducation {
    thinking_level: Vec<String>,
    not_demand: Vec<String>,
    mbo: Vec<String>,
    levels: Vec<RawEducationLevel>,
    vmbo: Vec<String>,
    vmbo_streams: Vec<RawEducationLevel>,
    credential_category: BTreeMap<String, u8>,
    credential_category_covers: BTreeMap<String, u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEducationLevel {
    nlqf: u8,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExperience {
    words: Vec<String>,
    numbers: BTreeMap<String, f64>,
}

/// What a posting offers or asks beside its hard requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Signal {
    Training,
    LanguageSupport,
    Mentoring,
    CareerPath,
    Evening,
    Night,
    Weekend,
    PhysicallyDemanding,
    Practical,
}

impl Signal {
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Training => "TRAINING",
            Signal::LanguageSupport => "LANGUAGE_SUPPORT",
            Signal::Mentoring => "MENTORING",
            Signal::CareerPath => "CAREER_PATH",
            Signal::Evening => "EVENING",
            Signal::Night => "NIGHT",
            Signal::Weekend => "WEEKEND",
            Signal::PhysicallyDemanding => "PHYSICALLY_DEMANDING",
            Signal::Practical => "PRACTICAL",
        }
    }
}

/// Which kind of part of a posting a line belongs to, from the heading above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// No heading yet, or one the lexicon does not know.
    Unknown,
    /// "Nice to have", "Pluspunten": named, not demanded.
    Soft,
    Requirements,
    Offers,
    Tasks,
    Other,
}

/// Lower-case phrases matched on word boundaries, each with a value.
pub struct Phrases<T> {
    automaton: AhoCorasick,
    values: Vec<T>,
    /// Per pattern: matches the end of a word only.
    word_end: Vec<bool>,
}

impl<T: Copy> Phrases<T> {
    /// A phrase written with `'` also matches with `’`; a phrase starting with `*` matches
    /// the end of a word ("*opleiding" in "heftruckopleiding").
    fn new(pairs: Vec<(String, T)>) -> Phrases<T> {
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        let mut word_end = Vec::new();
        for (p, v) in pairs {
            let p = p.to_lowercase();
            let (p, suffix) = match p.strip_prefix('*') {
                Some(rest) => (rest.to_owned(), true),
                None => (p, false),
            };
            if p.contains('\'') {
                patterns.push(p.replace('\'', "’"));
                values.push(v);
                word_end.push(suffix);
            }
            patterns.push(p);
            values.push(v);
            word_end.push(suffix);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon phrases compile");
        Phrases { automaton, values, word_end }
    }

    fn accepts(&self, text: &str, m: &aho_corasick::Match) -> bool {
        if self.word_end[m.pattern().as_usize()] {
            on_boundaries(text, m.end(), m.end())
        } else {
            on_boundaries(text, m.start(), m.end())
        }
    }

    /// Every match on word boundaries in `text` (already lower case): (start, end, value).
    /// Leftmost-longest, and a match inside a word does not hide a shorter one after it
    /// ("een pluspunt": not "een plus", but "pluspunt").
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        self.each(text, &mut |m| {
            out.push(m);
            true
        });
        out
    }

    pub fn first(&self, text: &str) -> Option<(usize, usize, T)> {
        let mut found = None;
        self.each(text, &mut |m| {
            found = Some(m);
            false
        });
        found
    }

    /// The matches in order, while `f` asks for more.
    fn each(&self, text: &str, f: &mut dyn FnMut((usize, usize, T)) -> bool) {
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = self.automaton.find(aho_corasick::Input::new(text).span(at..text.len()))
            else {
                break;
            };
            if self.accepts(text, &m) {
                if !f((m.start(), m.end(), self.values[m.pattern().as_usize()])) {
                    return;
                }
                at = m.end().max(m.start() + 1);
            } else {
                at = m.start() + 1;
            }
            while at < text.len() && !text.is_char_boundary(at) {
                at += 1;
            }
        }
    }

    pub fn any(&self, text: &str) -> bool {
        self.first(text).is_some()
    }
}

/// Not inside a word: the characters around the match (if any) are not letters or digits.
/// A phrase that begins or ends with punctuation ("avond-", "'s avonds") is its own edge.
pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let before_ok = first.is_none_or(|f| !word(f))
        || text[..start].chars().next_back().is_none_or(|c| !word(c));
    let after_ok =
        last.is_none_or(|l| !word(l)) || text[end..].chars().next().is_none_or(|c| !word(c));
    before_ok && after_ok
}

fn phrases(list: &[String]) -> Phrases<()> {
    Phrases::new(list.iter().map(|p| (p.clone(), ())).collect())
}

/// The compiled lexicon.
pub struct Lexicon {
    pub isco_min_confidence: f64,
    pub max_quote_chars: usize,
    pub default_language_level: CefrLevel,
    pub softeners: Phrases<()>,
    /// Softeners that qualify only what follows them ("bij voorkeur").
    pub adverbial: Vec<String>,
    pub negation_words: Phrases<()>,
    pub negation_needs: Phrases<()>,
    pub on_the_job: Phrases<()>,
    pub demands: Phrases<()>,
    /// A sentence opening with one of these is about the one before it ("Heb je het nog
    /// niet, dan …"): it is read as part of it.
    pub refers_back: Phrases<()>,
    pub sections: Phrases<Section>,
    /// Language names → index into `language_codes`.
    pub languages: Phrases<usize>,
    pub language_codes: Vec<String>,
    pub language_context: Phrases<()>,
    pub language_not_demand: Phrases<()>,
    pub language_demand: Phrases<()>,
    pub language_adjective_nouns: Phrases<()>,
    /// Exams and levels named for what they certify ("Staatsexamen NT2 programma I").
    pub exam_levels: Phrases<CefrLevel>,
    /// Level words, each with its row's order (lower first) and level.
    pub level_words: Phrases<(usize, CefrLevel)>,
    /// Certificate spellings → index into `certificate_codes`.
    pub certificates: Phrases<usize>,
    pub certificate_codes: Vec<String>,
    pub licence_words: Phrases<()>,
    pub plain_licence: DrivingLicence,
    /// Stems that, with an on-the-job word, say the employer provides the licence.
    pub licence_provided: Vec<String>,
    pub transport_alternatives: Phrases<()>,
    pub thinking_level: Phrases<()>,
    pub education_not_demand: Phrases<()>,
    pub mbo: Phrases<()>,
    pub education_levels: Phrases<u8>,
    /// The vmbo's streams ("bb, kb of tl"), read only in a clause that names the vmbo.
    pub vmbo: Phrases<()>,
    pub vmbo_streams: Phrases<u8>,
    pub credential_category: BTreeMap<String, u8>,
    /// The highest level a `credentialCategory` covers ("postgraduate degree": a master's
    /// or a doctorate), where it covers more than one.
    pub credential_category_covers: BTreeMap<String, u8>,
    pub experience_words: Phrases<()>,
    pub number_words: BTreeMap<String, f64>,
    pub signals: Phrases<Signal>,
    pub twv: Phrases<TwvStance>,
}

impl Lexicon {
    /// The bundled lexicon; its certificate codes are checked against the taxonomy.
    pub fn bundled(taxonomy: &Taxonomy) -> Result<Lexicon, ImportError> {
        Lexicon::parse(LEXICON, taxonomy)
    }

    pub fn parse(text: &str, taxonomy: &Taxonomy) -> Result<Lexicon, ImportError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ImportError::Lexicon(e.to_string()))?;
        for code in raw.certificates.keys() {
            if taxonomy.certificate(code).is_none() {
                return Err(ImportError::Lexicon(format!(
                    "certificates.{code}: not a certificate code of the taxonomy"
                )));
            }
        }
        let mut sections = Vec::new();
        for (list, s) in [
            (&raw.sections.soft, Section::Soft),
            (&raw.sections.requirements, Section::Requirements),
            (&raw.sections.offers, Section::Offers),
            (&raw.sections.tasks, Section::Tasks),
            (&raw.sections.other, Section::Other),
        ] {
            sections.extend(list.iter().map(|p| (p.clone(), s)));
        }
        let language_codes: Vec<String> = raw.languages.keys().cloned().collect();
        let languages = Phrases::new(
            raw.languages
                .values()
                .enumerate()
                .flat_map(|(i, names)| names.iter().map(move |n| (n.clone(), i)))
                .collect(),
        );
        let level_words = Phrases::new(
            raw.level_words
                .iter()
                .enumerate()
                .flat_map(|(i, row)| row.phrases.iter().map(move |p| (p.clone(), (i, row.level))))
                .collect(),
        );
        let certificate_codes: Vec<String> = raw.certificates.keys().cloned().collect();
        let certificates = Phrases::new(
            raw.certificates
                .values()
                .enumerate()
                .flat_map(|(i, names)| names.iter().map(move |n| (n.clone(), i)))
                .collect(),
        );
        let education_levels = Phrases::new(
            raw.education
                .levels
                .iter()
                .flat_map(|l| l.phrases.iter().map(move |p| (p.clone(), l.nlqf)))
                .collect(),
        );
        let signals = Phrases::new(
            raw.signals
                .iter()
                .flat_map(|(s, list)| list.iter().map(move |p| (p.clone(), *s)))
                .collect(),
        );
        let mut twv = Vec::new();
        for (stance, list) in &raw.twv {
            let stance = match stance.as_str() {
                "WILLING" => TwvStance::Willing,
                "EXPERIENCED" => TwvStance::Experienced,
                "UNWILLING" => TwvStance::Unwilling,
                other => {
                    return Err(ImportError::Lexicon(format!(
                        "twv.{other}: expected WILLING, EXPERIENCED or UNWILLING"
                    )));
                }
            };
            twv.extend(list.iter().map(|p| (p.clone(), stance)));
        }
        Ok(Lexicon {
            isco_min_confidence: raw.settings.isco_min_confidence,
            max_quote_chars: raw.settings.max_quote_chars,
            default_language_level: raw.language.default_level,
            softeners: phrases(&raw.clauses.softeners),
            adverbial: raw.clauses.adverbial,
            negation_words: phrases(&raw.clauses.negation_words),
            negation_needs: phrases(&raw.clauses.negation_needs),
            on_the_job: phrases(&raw.clauses.on_the_job),
            demands: phrases(&raw.clauses.demands),
            refers_back: phrases(&raw.clauses.refers_back),
            sections: Phrases::new(sections),
            languages,
            language_codes,
            language_context: phrases(&raw.language.language_context),
            language_not_demand: phrases(&raw.language.language_not_demand),
            language_demand: phrases(&raw.language.language_demand),
            language_adjective_nouns: phrases(&raw.language.language_adjective_nouns),
            exam_levels: Phrases::new(
                raw.language.exam_levels.iter().map(|e| (e.phrase.clone(), e.level)).collect(),
            ),
            level_words,
            certificates,
            certificate_codes,
            licence_words: phrases(&raw.licences.words),
            plain_licence: raw.licences.plain,
            licence_provided: raw.licences.provided,
            transport_alternatives: phrases(&raw.licences.transport_alternatives),
            thinking_level: phrases(&raw.education.thinking_level),
            education_not_demand: phrases(&raw.education.not_demand),
            mbo: phrases(&raw.education.mbo),
            education_levels,
            vmbo: phrases(&raw.education.vmbo),
            vmbo_streams: Phrases::new(
                raw.education
                    .vmbo_streams
                    .iter()
                    .flat_map(|l| l.phrases.iter().map(move |p| (p.clone(), l.nlqf)))
                    .collect(),
            ),
            credential_category: raw
                .education
                .credential_category
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            credential_category_covers: raw
                .education
                .credential_category_covers
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            experience_words: phrases(&raw.experience.words),
            number_words: raw.experience.numbers,
            signals,
            twv: Phrases::new(twv),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_loads_against_the_taxonomy() {
        let lexicon = Lexicon::bundled(Taxonomy::embedded()).unwrap();
        assert!(lexicon.certificate_codes.contains(&"VCA_BASIS".to_owned()));
        let found = lexicon.certificates.find_all("in bezit van vol-vca en bhv");
        let codes: Vec<&str> =
            found.iter().map(|&(_, _, i)| lexicon.certificate_codes[i].as_str()).collect();
        assert_eq!(codes, ["VCA_VOL", "BHV"]);
    }

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        let p = phrases(&["vca".into(), "avond-".into()]);
        assert!(p.any("vca-basis"));
        assert!(!p.any("vcadiploma"));
        assert!(p.any("avond- en weekenddiensten"));
        assert!(!p.any("bvca"));
    }
}
