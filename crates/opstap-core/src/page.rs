//! The printable plan: one self-contained A4 HTML page for one participant, in their
//! language and voice — their best matches with the plain reasons, the steps that open
//! more jobs (time, cost, what they open), the questions still open, and a line for the
//! caseworker's name and the date. Every visible word comes from the catalog; the page has
//! no script and no external resource (fonts are the reader's own).

use std::fmt::Write as _;

use crate::date::Date;
use crate::explain::MatchExplanation;
use crate::i18n::Catalog;
use crate::model::Vacancy;
use crate::plan::StepPlan;
use crate::reason::{OutcomeKind, Reason};
use crate::taxonomy::Taxonomy;

/// What fits on one A4 page in every language: matches shown, reasons per match, step
/// options, questions. The rest stays in the caseworker's lists.
const MAX_MATCHES: usize = 3;
const MAX_REASONS_PER_MATCH: usize = 3;
const MAX_OPTIONS: usize = 3;
const MAX_QUESTIONS: usize = 5;

/// One participant's page. `matches` are the best eligible vacancies, best first;
/// `eligible` how many there are in all (when counted).
#[derive(Debug)]
pub struct PlanPage<'a> {
    pub participant_id: &'a str,
    pub today: Date,
    pub matches: Vec<(&'a Vacancy, &'a MatchExplanation)>,
    pub eligible: Option<usize>,
    pub plan: Option<&'a StepPlan>,
    /// Questions about the person that hold for every vacancy.
    pub questions: &'a [Reason],
    /// Printed on the caseworker's line; `None` leaves it blank to write on.
    pub caseworker_name: Option<&'a str>,
}

/// Text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 14mm 15mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; }
body { margin: 0; }
main { width: 100%; max-width: 180mm; margin: 0 auto; overflow-wrap: anywhere; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 0.4mm solid #555; }
p { margin: 0 0 1.5mm; }
.intro { color: #333; }
ol, ul { margin: 0; padding-inline-start: 6mm; }
li { margin: 0 0 1.5mm; break-inside: avoid; }
.job { font-weight: bold; }
.meta { color: #333; font-size: 9pt; }
.reasons { padding-inline-start: 4mm; font-size: 9.5pt; }
.reasons li { margin: 0 0 0.5mm; }
.sign { margin-top: 5mm; display: flex; gap: 6mm; break-inside: avoid; }
.sign div { flex: 1; border-top: 0.3mm solid #111; padding-top: 1mm; font-size: 9pt; }
.sign span { display: block; min-height: 5mm; font-size: 10pt; }
footer { margin-top: 3mm; font-size: 8pt; color: #555; }
@media screen { body { background: #eee; } main { background: #fff; padding: 14mm 15mm; margin: 5mm auto; max-width: 210mm; } }
"#;

impl PlanPage<'_> {
    /// The page as a complete HTML document in `catalog`'s language and voice.
    pub fn render_html(&self, catalog: Catalog, taxonomy: &Taxonomy) -> String {
        let locale = catalog.locale();
        let lang = locale.language_tag();
        let dir = if locale.is_rtl() { "rtl" } else { "ltr" };
        let id = [("id", self.participant_id.to_owned())];
        let mut h = String::with_capacity(16 * 1024);
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
            escape(&catalog.message("page-title", &id))
        );
        let _ = writeln!(h, "<h1>{}</h1>", escape(&catalog.message("page-title", &id)));
        let _ = writeln!(h, "<p class=\"intro\">{}</p>", escape(&catalog.label("page-intro")));

        // The best matches, each with its plain reasons (questions go below).
        let _ = writeln!(h, "<h2>{}</h2>", escape(&catalog.label("page-matches-header")));
        let mut questions: Vec<String> =
            self.questions.iter().map(|q| catalog.render(q, taxonomy)).collect();
        if self.matches.is_empty() {
            let _ = writeln!(h, "<p>{}</p>", escape(&catalog.label("page-no-matches")));
        } else {
            h.push_str("<ol>\n");
            for (vacancy, explanation) in self.matches.iter().take(MAX_MATCHES) {
                let asked: Vec<&Reason> = explanation
                    .requirements
                    .iter()
                    .filter(|r| r.outcome == OutcomeKind::Unknown)
                    .map(|r| &r.reason)
                    .collect();
                questions.extend(asked.iter().map(|r| catalog.render(r, taxonomy)));
                let _ = write!(
                    h,
                    "<li><span class=\"job\"><bdi>{}</bdi></span>",
                    escape(&vacancy.title)
                );
                if let Some(name) = vacancy.employer.as_ref().and_then(|e| e.name.as_deref()) {
                    let text =
                        catalog.message("page-match-employer", &[("employer", name.to_owned())]);
                    let _ = write!(h, "<br><span class=\"meta\">{}</span>", escape(&text));
                }
                let closing = match vacancy.valid_through {
                    Some(day) => catalog.message("page-match-closes", &[("date", day.to_string())]),
                    None => catalog.label("page-match-no-closing-date"),
                };
                let _ = writeln!(h, "<br><span class=\"meta\">{}</span>", escape(&closing));
                h.push_str("<ul class=\"reasons\">\n");
                for reason in explanation
                    .reasons
                    .iter()
                    .filter(|r| !asked.iter().any(|q| q.code == r.code))
                    .take(MAX_REASONS_PER_MATCH)
                {
                    let _ = writeln!(h, "<li>{}</li>", escape(&catalog.render(reason, taxonomy)));
                }
                h.push_str("</ul></li>\n");
            }
            h.push_str("</ol>\n");
            let shown = self.matches.len().min(MAX_MATCHES);
            if let Some(more) = self.eligible.map(|n| n.saturating_sub(shown)).filter(|n| *n > 0) {
                let text = catalog.message("page-more-matches", &[("count", more.to_string())]);
                let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape(&text));
            }
        }

        // The steps: each option with its time, cost and what it opens.
        let _ = writeln!(h, "<h2>{}</h2>", escape(&catalog.label("page-steps-header")));
        let options = self.plan.map(|plan| {
            let mut plan = plan.clone();
            catalog.render_plan(&mut plan, taxonomy);
            plan
        });
        let texts: Vec<String> = options
            .iter()
            .flat_map(|plan| {
                let within = plan.options.iter().take(MAX_OPTIONS);
                // Only when nothing lies within the horizon: the first long route.
                let long = plan.long_route.iter().take(usize::from(plan.options.is_empty()));
                within.chain(long).filter_map(|o| o.reason.text.clone())
            })
            .collect();
        if texts.is_empty() {
            let _ = writeln!(h, "<p>{}</p>", escape(&catalog.label("page-no-steps")));
        } else {
            h.push_str("<ol>\n");
            for text in &texts {
                let _ = writeln!(h, "<li>{}</li>", escape(text));
            }
            h.push_str("</ol>\n");
        }

        // The questions still open, each once.
        let _ = writeln!(h, "<h2>{}</h2>", escape(&catalog.label("page-questions-header")));
        let mut seen = std::collections::HashSet::new();
        questions.retain(|q| seen.insert(q.clone()));
        if questions.is_empty() {
            let _ = writeln!(h, "<p>{}</p>", escape(&catalog.label("page-no-questions")));
        } else {
            let _ = writeln!(
                h,
                "<p class=\"intro\">{}</p>",
                escape(&catalog.label("page-questions-intro"))
            );
            h.push_str("<ul>\n");
            for q in questions.iter().take(MAX_QUESTIONS) {
                let _ = writeln!(h, "<li>{}</li>", escape(q));
            }
            h.push_str("</ul>\n");
        }

        // The caseworker's line.
        let name = self.caseworker_name.map(escape).unwrap_or_default();
        let _ = writeln!(
            h,
            "<div class=\"sign\"><div>{}<span>{name}</span></div><div>{}<span>{}</span></div><div>{}<span></span></div></div>",
            escape(&catalog.label("page-caseworker-label")),
            escape(&catalog.label("page-date-label")),
            escape(&catalog.date(self.today)),
            escape(&catalog.label("page-signature-label")),
        );
        let made = catalog.message(
            "page-made-on",
            &[("date", self.today.to_string()), ("id", self.participant_id.to_owned())],
        );
        let _ = write!(h, "<footer>{}</footer>\n</main>\n</body>\n</html>\n", escape(&made));
        h
    }
}
