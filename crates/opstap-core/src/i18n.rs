//! Rendering reason codes into plain language with Project Fluent catalogs, one per
//! language (`locales/nl.ftl`, `en.ftl`, `fr.ftl`, `ar.ftl`), each in two voices: a
//! message's value speaks to the participant ("you"), its `.caseworker` attribute about
//! them. Dates and numbers in arguments are written the catalog's way (`format-*`,
//! `month-*` messages), and names (languages, certificates, registrations) in its language.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::date::Date;
use crate::explain::{MatchExplanation, Reason};
use crate::plan::StepPlan;
use crate::taxonomy::Taxonomy;

const NL_FTL: &str = include_str!("../locales/nl.ftl");
const EN_FTL: &str = include_str!("../locales/en.ftl");
const FR_FTL: &str = include_str!("../locales/fr.ftl");
const AR_FTL: &str = include_str!("../locales/ar.ftl");

/// The language of the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::VariantArray)]
pub enum Locale {
    #[default]
    Nl,
    En,
    Fr,
    Ar,
    /// A pseudo-locale for testing: the English catalog with every letter of its own text
    /// accented and its vowels doubled, so that a text a program assembles in code, or a
    /// layout too tight for longer languages, shows at once. Arguments stay as they are.
    Pseudo,
}

/// The accepted locale codes, for error messages.
pub const ACCEPTED_LOCALES: &str = "nl, en, fr, ar (and qps, a pseudo-locale for testing)";

impl Locale {
    /// The four languages of the catalogs (not the pseudo-locale).
    pub const LANGUAGES: [Locale; 4] = [Locale::Nl, Locale::En, Locale::Fr, Locale::Ar];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Ar => "ar",
            Locale::Pseudo => "qps",
        }
    }

    /// The BCP 47 language tag of the texts (the pseudo-locale's are English).
    pub fn language_tag(self) -> &'static str {
        if self == Locale::Pseudo { "en" } else { self.as_str() }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }

    fn source(self) -> &'static str {
        match self {
            Locale::Nl => NL_FTL,
            Locale::En | Locale::Pseudo => EN_FTL,
            Locale::Fr => FR_FTL,
            Locale::Ar => AR_FTL,
        }
    }

    /// The catalog's `### review-status:` header line: who wrote or checked it.
    pub fn review_status(self) -> &'static str {
        self.source()
            .lines()
            .find_map(|l| l.strip_prefix("### review-status:"))
            .map_or("unknown", str::trim)
    }
}

impl FromStr for Locale {
    type Err = String;
    fn from_str(s: &str) -> Result<Locale, String> {
        match s.to_ascii_lowercase().split(['-', '_']).next() {
            Some("nl") => Ok(Locale::Nl),
            Some("en") => Ok(Locale::En),
            Some("fr") => Ok(Locale::Fr),
            Some("ar") => Ok(Locale::Ar),
            Some("qps") => Ok(Locale::Pseudo),
            _ => Err(format!("unknown locale `{s}`; accepted: {ACCEPTED_LOCALES}")),
        }
    }
}

/// Whom the texts speak to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::VariantArray)]
pub enum Voice {
    /// To the participant: "you have B1".
    Participant,
    /// To a caseworker, about the participant: "the participant has B1".
    #[default]
    Caseworker,
}

/// The accepted voices, for error messages.
pub const ACCEPTED_VOICES: &str = "participant, caseworker";

impl Voice {
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Participant => "participant",
            Voice::Caseworker => "caseworker",
        }
    }
}

impl FromStr for Voice {
    type Err = String;
    fn from_str(s: &str) -> Result<Voice, String> {
        match s.to_ascii_lowercase().as_str() {
            "participant" => Ok(Voice::Participant),
            "caseworker" => Ok(Voice::Caseworker),
            _ => Err(format!("unknown voice `{s}`; accepted: {ACCEPTED_VOICES}")),
        }
    }
}

/// Messages with one voice only: names and labels that speak to nobody.
pub fn is_neutral(id: &str) -> bool {
    const PREFIXES: [&str; 9] = [
        // The command line's tables, read by caseworkers only.
        "cli-",
        "language-name-",
        "level-name-",
        "day-part-name-",
        "component-",
        "outcome-",
        "class-",
        "month-",
        "format-",
    ];
    PREFIXES.iter().any(|p| id.starts_with(p))
        || id.ends_with("-label")
        || id == "exam-languages-none"
}

/// Arguments holding a calendar date (`YYYY-MM-DD`), written the catalog's way.
const DATE_ARGS: [&str; 5] = ["date", "closes", "finish", "applied", "valid_until"];

/// Arguments holding a number, written with the catalog's separators.
const NUMBER_ARGS: [&str; 26] = [
    "score",
    "bm25",
    "fit",
    "eligible",
    "weeks",
    "km",
    "max",
    "count",
    "cost_min",
    "cost_max",
    "years",
    "weeks_min",
    "weeks_max",
    "hours",
    "wanted",
    "months",
    "flow",
    "horizon",
    "beyond",
    "age",
    "near",
    "fitting",
    "fitting_beyond",
    "total",
    "per-week",
    "dutch_weeks",
];

/// The reason argument that holds who usually pays for a step, in `locale`'s language
/// (the taxonomy's `who_pays_<lang>`; the pseudo-locale reads the English one).
pub fn who_pays_param(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "who_pays_nl",
        Locale::En | Locale::Pseudo => "who_pays_en",
        Locale::Fr => "who_pays_fr",
        Locale::Ar => "who_pays_ar",
    }
}

/// One language's parsed catalog and its formats.
struct Bundle {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
    decimal: String,
    group: String,
    list: String,
}

/// The texts of one language in one voice.
#[derive(Clone, Copy)]
pub struct Catalog {
    bundle: &'static Bundle,
    voice: Voice,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("locale", &self.bundle.locale)
            .field("voice", &self.voice)
            .finish()
    }
}

/// A message that could not be formatted whole: missing, or an argument it names absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub locale: Locale,
    pub voice: Voice,
    pub id: String,
    pub problem: String,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "message `{}` ({}, {} voice): {}",
            self.id,
            self.locale.as_str(),
            self.voice.as_str(),
            self.problem
        )
    }
}

fn pseudo(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let accented = match c {
            'a' => "áá",
            'e' => "éé",
            'i' => "íí",
            'o' => "óó",
            'u' => "úú",
            'y' => "ý",
            'c' => "ç",
            'n' => "ñ",
            's' => "š",
            'z' => "ž",
            'r' => "ř",
            'l' => "ľ",
            't' => "ť",
            'd' => "ď",
            'g' => "ğ",
            'h' => "ĥ",
            'k' => "ķ",
            'w' => "ŵ",
            'A' => "ÁÁ",
            'E' => "ÉÉ",
            'I' => "ÍÍ",
            'O' => "ÓÓ",
            'U' => "ÚÚ",
            'C' => "Ç",
            'N' => "Ñ",
            'S' => "Š",
            'T' => "Ť",
            'D' => "Ď",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(accented);
    }
    Cow::Owned(out)
}

impl Bundle {
    fn parse(locale: Locale) -> Result<Bundle, String> {
        let resource = FluentResource::try_new(locale.source().to_owned())
            .map_err(|(_, errs)| format!("{locale:?}: {errs:?}"))?;
        let langid = locale.language_tag().parse().map_err(|e| format!("{e:?}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Arguments are isolated (U+2068 … U+2069) in a right-to-left language, so that
        // ids, levels and numbers stay readable inside its sentences; elsewhere the texts
        // go to terminals, CSV and JSON without the marks.
        bundle.set_use_isolating(locale.is_rtl());
        if locale == Locale::Pseudo {
            bundle.set_transform(Some(pseudo));
        }
        bundle.add_resource(resource).map_err(|errs| format!("{errs:?}"))?;
        let separator = |id: &str| -> Result<String, String> {
            let pattern = bundle
                .get_message(id)
                .and_then(|m| m.value())
                .ok_or_else(|| format!("{locale:?} lacks `{id}`"))?;
            let mut errors = Vec::new();
            Ok(bundle.format_pattern(pattern, None, &mut errors).into_owned())
        };
        let decimal = separator("format-decimal-separator")?;
        let group = separator("format-group-separator")?;
        let list = separator("format-list-separator")?;
        Ok(Bundle { locale, bundle, decimal, group, list })
    }
}

impl Catalog {
    /// The bundled catalog for `locale`, speaking in `voice`.
    pub fn get(locale: Locale, voice: Voice) -> Catalog {
        static BUNDLES: [OnceLock<Bundle>; 5] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let cell = &BUNDLES[locale as usize];
        let bundle = cell
            .get_or_init(|| Bundle::parse(locale).expect("the bundled catalogs parse (unit test)"));
        Catalog { bundle, voice }
    }

    pub fn locale(&self) -> Locale {
        self.bundle.locale
    }

    pub fn voice(&self) -> Voice {
        self.voice
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.bundle.has_message(id)
    }

    /// Whether `id` has a text in this catalog's voice (a neutral message has one for both).
    pub fn has_voice(&self, id: &str) -> bool {
        let Some(m) = self.bundle.bundle.get_message(id) else { return false };
        match self.voice {
            Voice::Participant => m.value().is_some(),
            Voice::Caseworker => m.get_attribute("caseworker").is_some() || is_neutral(id),
        }
    }

    /// A message by id with named arguments (dates and numbers written this catalog's
    /// way); the id itself when the catalog lacks it.
    pub fn message(&self, id: &str, args: &[(&str, String)]) -> String {
        self.format(id, Some(&self.named_args(args)))
    }

    /// Like `message`, but says what went wrong instead of returning a partial text.
    pub fn try_message(&self, id: &str, args: &[(&str, String)]) -> Result<String, FormatError> {
        self.try_format(id, Some(&self.named_args(args)))
    }

    fn named_args(&self, args: &[(&str, String)]) -> FluentArgs<'static> {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name.to_string(), self.localize_arg(name, value));
        }
        fluent_args
    }

    /// The text of `id` (the id itself when the catalog lacks it, the partial text when
    /// an argument is missing).
    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.format_checked(id, args).0
    }

    fn try_format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Result<String, FormatError> {
        match self.format_checked(id, args) {
            (text, None) => Ok(text),
            (_, Some(problem)) => Err(FormatError {
                locale: self.locale(),
                voice: self.voice,
                id: id.to_owned(),
                problem,
            }),
        }
    }

    /// The text of `id` in this voice, and what went wrong, if anything. A message
    /// without a `.caseworker` attribute is neutral (the completeness test holds every
    /// other message to having one).
    fn format_checked(&self, id: &str, args: Option<&FluentArgs<'_>>) -> (String, Option<String>) {
        let bundle = &self.bundle.bundle;
        let Some(message) = bundle.get_message(id) else {
            return (id.to_owned(), Some("missing".to_owned()));
        };
        let attribute = match self.voice {
            Voice::Caseworker => message.get_attribute("caseworker").map(|a| a.value()),
            Voice::Participant => None,
        };
        let Some(pattern) = attribute.or_else(|| message.value()) else {
            return (id.to_owned(), Some("missing".to_owned()));
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        let problem = (!errors.is_empty())
            .then(|| errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; "));
        (text, problem)
    }

    /// A date as this catalog writes it ("1 december 2026").
    pub fn date(&self, date: Date) -> String {
        let (year, month, day) = date.ymd();
        let mut args = FluentArgs::new();
        args.set("day", day.to_string());
        args.set("month", self.format(&format!("month-{month}"), None));
        args.set("year", year.to_string());
        self.format("format-date", Some(&args))
    }

    /// A decimal number as this catalog writes it ("1.500", "0,4", "1 500").
    pub fn number(&self, text: &str) -> Option<String> {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        let negative = int.starts_with('-');
        let digits = int.trim_start_matches('-');
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut out = String::from(if negative { "-" } else { "" });
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 3 {
                out.push_str(&self.bundle.group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(&self.bundle.decimal);
            out.push_str(frac);
        }
        Some(out)
    }

    /// Items of a list, joined the catalog's way.
    pub fn list<I: IntoIterator<Item = String>>(&self, items: I) -> String {
        items.into_iter().collect::<Vec<_>>().join(&self.bundle.list)
    }

    fn localize_arg(&self, name: &str, value: &str) -> String {
        if DATE_ARGS.contains(&name)
            && let Ok(date) = value.parse::<Date>()
        {
            return self.date(date);
        }
        if NUMBER_ARGS.contains(&name)
            && let Some(number) = self.number(value)
        {
            return number;
        }
        value.to_owned()
    }

    /// A name looked up by id (`language-name-nl`), or the code itself when there is none.
    fn name_or_code(&self, id: &str, code: &str) -> String {
        if self.has_message(id) { self.format(id, None) } else { code.to_owned() }
    }

    /// A label such as `component-relevance` or `outcome-met`.
    pub fn label(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Renders one reason: its arguments written this catalog's way, and codes
    /// (languages, levels, day parts, certificates, registrations) by their names in it.
    pub fn render(&self, reason: &Reason, taxonomy: &Taxonomy) -> String {
        self.format(&reason.code.message_id(), Some(&self.reason_args(reason, taxonomy)))
    }

    /// Like `render`, but says what went wrong instead of returning a partial text.
    pub fn try_render(&self, reason: &Reason, taxonomy: &Taxonomy) -> Result<String, FormatError> {
        self.try_format(&reason.code.message_id(), Some(&self.reason_args(reason, taxonomy)))
    }

    fn reason_args(&self, reason: &Reason, taxonomy: &Taxonomy) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (k, v) in &reason.params {
            args.set(*k, self.localize_arg(k, v));
        }
        for (param, prefix) in [
            ("lang", "language-name-"),
            ("level", "level-name-"),
            ("preference", "level-name-"),
            ("label", "level-name-"),
        ] {
            if let Some(code) = reason.params.get(param) {
                let id = format!("{prefix}{}", code.to_ascii_lowercase());
                args.set(format!("{param}-name"), self.name_or_code(&id, code));
            }
        }
        if let Some(codes) = reason.params.get("parts") {
            let names = codes.split(", ").map(|code| {
                self.name_or_code(&format!("day-part-name-{}", code.to_ascii_lowercase()), code)
            });
            args.set("parts-name", self.list(names));
        }
        // Exam languages, each by its name ("no exam" when there is none).
        if let Some(codes) = reason.params.get("exam_languages") {
            let names: Vec<String> = codes
                .split(", ")
                .filter(|c| !c.is_empty())
                .map(|code| self.name_or_code(&format!("language-name-{code}"), code))
                .collect();
            let text =
                if names.is_empty() { self.label("exam-languages-none") } else { self.list(names) };
            args.set("exam-languages-name", text);
        }
        if let Some(who) = reason.params.get(who_pays_param(self.locale())) {
            args.set("who-pays", who.clone());
        }
        if let Some(code) = reason.params.get("registration")
            && let Some(info) =
                taxonomy.registration_bit(code).map(|b| taxonomy.registration_by_bit(b))
        {
            args.set("registration-name", info.name(self.locale()).to_owned());
            args.set("route", info.route(self.locale()).to_owned());
        }
        if let Some(code) = reason.params.get("cert") {
            let name = taxonomy.certificate(code).map_or(code.as_str(), |c| c.name(self.locale()));
            args.set("cert-name", name.to_owned());
        }
        args
    }

    fn fill(&self, reason: &mut Reason, taxonomy: &Taxonomy) {
        reason.text = Some(self.render(reason, taxonomy));
    }

    /// Fills the `text` of each reason.
    pub fn render_reasons(&self, reasons: &mut [Reason], taxonomy: &Taxonomy) {
        for r in reasons {
            self.fill(r, taxonomy);
        }
    }

    /// Fills the `text` of every reason in an explanation.
    pub fn render_explanation(&self, e: &mut MatchExplanation, taxonomy: &Taxonomy) {
        for r in &mut e.requirements {
            self.fill(&mut r.reason, taxonomy);
            if let Some(step) = &mut r.step {
                self.fill(&mut step.reason, taxonomy);
                self.render_reasons(&mut step.details, taxonomy);
            }
        }
        self.fill(&mut e.self_development.reason, taxonomy);
        for r in &mut e.reasons {
            self.fill(r, taxonomy);
        }
    }

    /// Fills the `text` of every reason in a step plan.
    pub fn render_plan(&self, plan: &mut StepPlan, taxonomy: &Taxonomy) {
        for o in plan.options.iter_mut().chain(&mut plan.long_route) {
            for s in &mut o.steps {
                self.fill(&mut s.reason, taxonomy);
                self.render_reasons(&mut s.details, taxonomy);
            }
            let texts = o.steps.iter().filter_map(|s| s.reason.text.clone());
            o.reason.params.insert("steps", texts.collect::<Vec<_>>().join(" + "));
            self.fill(&mut o.reason, taxonomy);
            self.render_reasons(&mut o.details, taxonomy);
        }
        for r in &mut plan.reasons {
            self.fill(r, taxonomy);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use strum::VariantArray;

    use super::*;
    use crate::explain::ReasonCode;

    /// A catalog's messages as its source declares them: per id, the argument names of
    /// its value and of its `.caseworker` attribute (`None` without one).
    type Declared = BTreeMap<String, (BTreeSet<String>, Option<BTreeSet<String>>)>;

    fn declared(source: &str) -> Declared {
        let mut out = Declared::new();
        let mut current: Option<(String, bool)> = None;
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let args = || -> BTreeSet<String> {
                line.split("{ $")
                    .skip(1)
                    .map(|rest| {
                        rest.chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect()
                    })
                    .collect()
            };
            if !line.starts_with(' ') && !line.starts_with('}') {
                let (id, _) = line.split_once(" =").expect("a message line");
                out.insert(id.to_owned(), (args(), None));
                current = Some((id.to_owned(), false));
            } else if line.trim_start().starts_with(".caseworker =") {
                let id = current.as_ref().expect("an attribute follows a message").0.clone();
                out.get_mut(&id).unwrap().1 = Some(args());
                current = Some((id, true));
            } else if let Some((id, in_attribute)) = &current {
                let entry = out.get_mut(id).unwrap();
                let set = if *in_attribute { entry.1.as_mut().unwrap() } else { &mut entry.0 };
                set.extend(args());
            }
        }
        out
    }

    #[test]
    fn every_reason_code_has_a_message_in_every_language_and_voice() {
        for locale in Locale::LANGUAGES {
            for &voice in Voice::VARIANTS {
                let c = Catalog::get(locale, voice);
                for &code in ReasonCode::VARIANTS {
                    assert!(
                        c.has_voice(&code.message_id()),
                        "{locale:?} lacks {} in the {voice:?} voice",
                        code.message_id()
                    );
                }
            }
        }
    }

    #[test]
    fn every_catalog_has_the_english_messages_in_both_voices_with_the_same_arguments() {
        let english = declared(EN_FTL);
        for locale in Locale::LANGUAGES {
            let catalog = declared(locale.source());
            let ids: BTreeSet<_> = catalog.keys().collect();
            let expected: BTreeSet<_> = english.keys().collect();
            assert_eq!(ids, expected, "{locale:?}: messages differ from English");
            for (id, (value, caseworker)) in &catalog {
                assert_eq!(
                    caseworker.is_some(),
                    !is_neutral(id),
                    "{locale:?} `{id}`: the caseworker voice is there for every message but a name or label"
                );
                let (en_value, en_caseworker) = &english[id];
                // The catalog's own language fills `who-pays`; the English one reads its own.
                let normal =
                    |set: &BTreeSet<String>| -> BTreeSet<String> {
                        set.iter()
                            .map(|a| {
                                if a.starts_with("who_pays_") {
                                    "who-pays".into()
                                } else {
                                    a.clone()
                                }
                            })
                            .collect()
                    };
                assert_eq!(normal(value), normal(en_value), "{locale:?} `{id}`: arguments");
                assert_eq!(
                    caseworker.as_ref().map(normal),
                    en_caseworker.as_ref().map(normal),
                    "{locale:?} `{id}`.caseworker: arguments"
                );
            }
            assert_ne!(locale.review_status(), "unknown", "{locale:?} states its review status");
        }
    }

    #[test]
    fn the_voices_differ_and_arabic_isolates_its_arguments() {
        let t = Taxonomy::embedded();
        let r = Reason::new(ReasonCode::LanguageMet)
            .with("lang", "nl")
            .with("level", "B1")
            .with("held", "B2");
        let you = Catalog::get(Locale::En, Voice::Participant).render(&r, t);
        let they = Catalog::get(Locale::En, Voice::Caseworker).render(&r, t);
        assert!(you.contains("You have B2"), "{you}");
        assert!(they.contains("the participant has B2"), "{they}");
        // A missing argument is an error naming it; `render` still shows what it can.
        let bare = Reason::new(ReasonCode::LanguageMet);
        let e = Catalog::get(Locale::En, Voice::Caseworker).try_render(&bare, t).unwrap_err();
        assert!(e.problem.contains("held"), "{e}");
        assert!(Catalog::get(Locale::En, Voice::Caseworker).render(&bare, t).contains("is asked"));
        let ar = Catalog::get(Locale::Ar, Voice::Participant).render(&r, t);
        assert!(ar.contains("\u{2068}B1\u{2069}"), "a level inside Arabic is isolated: {ar:?}");
        assert!(!you.contains('\u{2068}'), "no isolation marks in left-to-right texts");
        for locale in Locale::LANGUAGES {
            for &voice in Voice::VARIANTS {
                let text = Catalog::get(locale, voice).try_render(&r, t).unwrap();
                assert!(!text.contains("{$") && !text.contains("language-met"), "{text}");
            }
        }
    }

    #[test]
    fn dates_and_numbers_are_written_the_catalogs_way() {
        let t = Taxonomy::embedded();
        let r = Reason::new(ReasonCode::CertificateCourse)
            .with("cert", "VCA_BASIS")
            .with("weeks", "0.4");
        let nl = Catalog::get(Locale::Nl, Voice::Caseworker).render(&r, t);
        let en = Catalog::get(Locale::En, Voice::Caseworker).render(&r, t);
        let fr = Catalog::get(Locale::Fr, Voice::Caseworker).render(&r, t);
        assert!(nl.contains("VCA") && nl.contains("0,4") && nl.contains("cursus"), "{nl}");
        assert!(en.contains("0.4") && en.contains("course"), "{en}");
        assert!(fr.contains("0,4"), "{fr}");
        let day: Date = "2026-12-01".parse().unwrap();
        assert_eq!(Catalog::get(Locale::Nl, Voice::Participant).date(day), "1 december 2026");
        assert_eq!(Catalog::get(Locale::En, Voice::Participant).date(day), "1 December 2026");
        let closed = Reason::new(ReasonCode::VacancyClosed).with("date", day);
        let text = Catalog::get(Locale::Fr, Voice::Caseworker).render(&closed, t);
        assert!(text.contains("1 décembre 2026"), "{text}");
        let nl = Catalog::get(Locale::Nl, Voice::Caseworker);
        assert_eq!(nl.number("1500").as_deref(), Some("1.500"));
        assert_eq!(nl.number("12345.5").as_deref(), Some("12.345,5"));
        assert_eq!(nl.number("B1"), None);
        let step = Reason::new(ReasonCode::StepLanguage)
            .with("lang", "nl")
            .with("level", "B1")
            .with("held", "A2")
            .with("weeks", "16");
        assert!(
            Catalog::get(Locale::Nl, Voice::Caseworker)
                .render(&step, t)
                .starts_with("Nederlands B1")
        );
        assert!(
            Catalog::get(Locale::En, Voice::Caseworker)
                .render(&step, t)
                .starts_with("Reach Dutch B1")
        );
    }

    #[test]
    fn the_pseudo_locale_transforms_the_catalogs_words_but_not_the_arguments() {
        let t = Taxonomy::embedded();
        let r = Reason::new(ReasonCode::DistanceMet).with("km", "12").with("max", "25");
        let text = Catalog::get(Locale::Pseudo, Voice::Participant).render(&r, t);
        assert!(text.contains("12") && text.contains("25"), "{text}");
        assert!(!text.contains("away") && text.contains("ááŵááý"), "{text}");
    }

    #[test]
    fn locales_and_voices_parse_and_an_unknown_one_names_the_accepted() {
        assert_eq!("en-GB".parse::<Locale>(), Ok(Locale::En));
        assert_eq!("ar".parse::<Locale>(), Ok(Locale::Ar));
        assert_eq!("fr_BE".parse::<Locale>(), Ok(Locale::Fr));
        assert!("de".parse::<Locale>().unwrap_err().contains("nl, en, fr, ar"));
        assert_eq!("participant".parse::<Voice>(), Ok(Voice::Participant));
        assert!("official".parse::<Voice>().unwrap_err().contains("participant, caseworker"));
    }
}
