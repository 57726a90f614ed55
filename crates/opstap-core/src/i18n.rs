//! Rendering reason codes into plain language with Project Fluent catalogs
//! (`locales/nl.ftl`, `locales/en.ftl`).

use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::explain::{MatchExplanation, Reason};
use crate::plan::StepPlan;
use crate::taxonomy::Taxonomy;

const NL_FTL: &str = include_str!("../locales/nl.ftl");
const EN_FTL: &str = include_str!("../locales/en.ftl");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }
}

impl FromStr for Locale {
    type Err = String;
    fn from_str(s: &str) -> Result<Locale, String> {
        match s.to_ascii_lowercase().split(['-', '_']).next() {
            Some("nl") => Ok(Locale::Nl),
            Some("en") => Ok(Locale::En),
            _ => Err(format!("unknown locale `{s}`; accepted: nl, en")),
        }
    }
}

/// A message catalog for one locale.
pub struct Catalog {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("locale", &self.locale).finish()
    }
}

impl Catalog {
    /// The bundled catalog for `locale`.
    pub fn get(locale: Locale) -> &'static Catalog {
        static NL: OnceLock<Catalog> = OnceLock::new();
        static EN: OnceLock<Catalog> = OnceLock::new();
        let (cell, source) = match locale {
            Locale::Nl => (&NL, NL_FTL),
            Locale::En => (&EN, EN_FTL),
        };
        cell.get_or_init(|| {
            Catalog::parse(locale, source).expect("the bundled catalogs parse (unit test)")
        })
    }

    fn parse(locale: Locale, source: &str) -> Result<Catalog, String> {
        let resource = FluentResource::try_new(source.to_owned())
            .map_err(|(_, errs)| format!("{locale:?}: {errs:?}"))?;
        let langid = locale.as_str().parse().map_err(|e| format!("{e:?}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks: texts go to terminals, CSV and JSON.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errs| format!("{errs:?}"))?;
        Ok(Catalog { locale, bundle })
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message by id with named arguments; the id itself when the catalog lacks it.
    pub fn message(&self, id: &str, args: &[(&str, String)]) -> String {
        if args.is_empty() {
            return self.format(id, None);
        }
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }

    /// A label such as `component-relevance` or `outcome-met`.
    pub fn label(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Renders one reason. Certificate codes are shown by their name in this locale.
    pub fn render(&self, reason: &Reason, taxonomy: &Taxonomy) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in &reason.params {
            args.set(*k, v.clone());
        }
        // Codes shown by their name in this locale: languages, levels, certificates.
        for (param, prefix) in [
            ("lang", "language-name-"),
            ("level", "level-name-"),
            ("preference", "level-name-"),
            ("label", "level-name-"),
        ] {
            if let Some(code) = reason.params.get(param) {
                let id = format!("{prefix}{}", code.to_ascii_lowercase());
                let name =
                    if self.has_message(&id) { self.format(&id, None) } else { code.clone() };
                args.set(format!("{param}-name"), name);
            }
        }
        // A list of day parts, each by its name.
        if let Some(codes) = reason.params.get("parts") {
            let names: Vec<String> = codes
                .split(", ")
                .map(|code| {
                    let id = format!("day-part-name-{}", code.to_ascii_lowercase());
                    if self.has_message(&id) { self.format(&id, None) } else { code.to_owned() }
                })
                .collect();
            args.set("parts-name", names.join(", "));
        }
        // Exam languages, each by its name ("no exam" when there is none).
        if let Some(codes) = reason.params.get("exam_languages") {
            let names: Vec<String> = codes
                .split(", ")
                .filter(|c| !c.is_empty())
                .map(|code| {
                    let id = format!("language-name-{code}");
                    if self.has_message(&id) { self.format(&id, None) } else { code.to_owned() }
                })
                .collect();
            let text =
                if names.is_empty() { self.label("exam-languages-none") } else { names.join(", ") };
            args.set("exam-languages-name", text);
        }
        if let Some(code) = reason.params.get("registration")
            && let Some(info) =
                taxonomy.registration_bit(code).map(|b| taxonomy.registration_by_bit(b))
        {
            let (name, route) = match self.locale {
                Locale::Nl => (&info.name_nl, &info.route_nl),
                Locale::En => (&info.name_en, &info.route_en),
            };
            args.set("registration-name", name.clone());
            args.set("route", route.clone());
        }
        if let Some(code) = reason.params.get("cert") {
            let name = taxonomy.certificate(code).map_or(code.clone(), |c| match self.locale {
                Locale::Nl => c.name_nl.clone(),
                Locale::En => c.name_en.clone(),
            });
            args.set("cert-name", name);
        }
        self.format(&reason.code.message_id(), Some(&args))
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
            let texts: Vec<String> = o.steps.iter().filter_map(|s| s.reason.text.clone()).collect();
            o.reason.params.insert("steps", texts.join(" + "));
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
    use super::*;
    use crate::explain::ReasonCode;

    #[test]
    fn every_reason_code_has_a_message_in_every_catalog() {
        for locale in [Locale::Nl, Locale::En] {
            let c = Catalog::get(locale);
            for &code in <ReasonCode as strum::VariantArray>::VARIANTS {
                assert!(
                    c.has_message(&code.message_id()),
                    "{locale:?} lacks {}",
                    code.message_id()
                );
            }
        }
    }

    #[test]
    fn renders_parameters_and_localized_names() {
        let t = Taxonomy::embedded();
        let r = Reason::new(ReasonCode::CertificateCourse)
            .with("cert", "VCA_BASIS")
            .with("weeks", "0.4");
        let nl = Catalog::get(Locale::Nl).render(&r, t);
        let en = Catalog::get(Locale::En).render(&r, t);
        assert!(nl.contains("VCA") && nl.contains("0.4") && nl.contains("cursus"), "{nl}");
        assert!(en.contains("course"), "{en}");
        let r = Reason::new(ReasonCode::LanguageGap)
            .with("lang", "nl")
            .with("level", "B1")
            .with("held", "A2")
            .with("weeks", "16");
        assert!(Catalog::get(Locale::Nl).render(&r, t).starts_with("Nederlands op niveau B1"));
        assert!(Catalog::get(Locale::En).render(&r, t).starts_with("Dutch at level B1"));
        assert_eq!("en-GB".parse::<Locale>(), Ok(Locale::En));
        assert!("de".parse::<Locale>().unwrap_err().contains("nl, en"));
    }
}
