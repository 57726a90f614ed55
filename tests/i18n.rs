//! The cohort's texts and printable pages in every language and voice: every argument
//! filled, and (through the pseudo-locale) no visible word that a catalog did not supply.

use std::collections::HashSet;

use opstap_core::i18n::FormatError;
use opstap_core::{Catalog, Locale, Reason, StepPlan, Taxonomy, Voice};
use opstap_index::{MatchResult, PAGE_MATCHES, RankOptions};
use strum::VariantArray;

use crate::support::{cohort, fixture_index, matcher, today};

fn results() -> Vec<MatchResult> {
    let m = matcher();
    let index = fixture_index();
    cohort()
        .iter()
        .map(|p| index.match_participant(&m, p, PAGE_MATCHES, RankOptions::FULL).unwrap())
        .collect()
}

/// Every reason a result holds, the plan's as `render_plan` leaves them (its options
/// name their steps' texts).
fn reasons(result: &MatchResult, catalog: Catalog) -> Vec<Reason> {
    let mut out: Vec<Reason> = result.questions.clone();
    for m in &result.matches {
        let e = &m.explanation;
        out.extend(e.reasons.iter().cloned());
        out.push(e.self_development.reason.clone());
        for r in &e.requirements {
            out.push(r.reason.clone());
            if let Some(step) = &r.step {
                out.push(step.reason.clone());
                out.extend(step.details.iter().cloned());
            }
        }
    }
    if let Some(plan) = &result.plan {
        let mut plan: StepPlan = plan.clone();
        catalog.render_plan(&mut plan, Taxonomy::embedded());
        for o in plan.options.iter().chain(&plan.long_route) {
            out.push(o.reason.clone());
            out.extend(o.details.iter().cloned());
            for s in &o.steps {
                out.push(s.reason.clone());
                out.extend(s.details.iter().cloned());
            }
        }
        out.extend(plan.reasons.iter().cloned());
    }
    out
}

#[test]
fn the_cohorts_texts_and_pages_render_in_every_language_and_voice_with_every_argument_filled() {
    let taxonomy = Taxonomy::embedded();
    let mut rendered = 0;
    for result in results() {
        for locale in Locale::LANGUAGES {
            for &voice in Voice::VARIANTS {
                let catalog = Catalog::get(locale, voice);
                let failed: Vec<FormatError> = reasons(&result, catalog)
                    .iter()
                    .filter_map(|r| catalog.try_render(r, taxonomy).err())
                    .collect();
                assert!(failed.is_empty(), "{}: {failed:#?}", result.participant_id);
                let html = result.page(today(), catalog, Some("A. de Vries"));
                for leftover in ["{$", "{ $", "page-", "plan-", "step-", "month-", "format-"] {
                    assert!(
                        !html.contains(leftover),
                        "{} {locale:?} {voice:?}: `{leftover}` left on the page",
                        result.participant_id
                    );
                }
                assert_eq!(html.contains(r#"dir="rtl""#), locale == Locale::Ar);
                rendered += 1;
            }
        }
    }
    assert_eq!(rendered, 20 * 4 * 2, "every cohort participant, language and voice");
}

/// The words a page may show that no catalog supplies: the data itself (titles,
/// employers, ids, argument values, the taxonomy's names, which the pseudo-locale reads
/// in English).
fn data_words(result: &MatchResult, catalog: Catalog) -> HashSet<String> {
    let taxonomy = Taxonomy::embedded();
    let mut texts: Vec<String> = vec![result.participant_id.clone(), "A. de Vries".into()];
    for m in &result.matches {
        texts.push(m.vacancy.title.clone());
        texts.extend(m.vacancy.employer.as_ref().and_then(|e| e.name.clone()));
    }
    for r in reasons(result, catalog) {
        texts.extend(r.params.values().cloned());
        if let Some(c) = r.params.get("cert").and_then(|c| taxonomy.certificate(c)) {
            texts.push(c.name(Locale::En).to_owned());
        }
        if let Some(info) = r
            .params
            .get("registration")
            .and_then(|c| taxonomy.registration_bit(c))
            .map(|b| taxonomy.registration_by_bit(b))
        {
            texts.push(info.name(Locale::En).to_owned());
            texts.push(info.route(Locale::En).to_owned());
        }
    }
    texts.iter().flat_map(|t| words(t)).collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What a reader sees of an HTML page: the text outside the style and the tags.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("</style>").expect("a style block")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[test]
fn the_pseudo_locale_shows_no_word_on_a_page_that_a_catalog_did_not_supply() {
    for result in results() {
        for &voice in Voice::VARIANTS {
            let catalog = Catalog::get(Locale::Pseudo, voice);
            let html = result.page(today(), catalog, Some("A. de Vries"));
            let data = data_words(&result, catalog);
            let text = visible_text(&html);
            // The pseudo-locale doubles every vowel it writes and accents most letters: a
            // plain ASCII word of three letters or more came from the data or from code.
            let from_code: Vec<String> = words(&text)
                .into_iter()
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
                .filter(|w| !data.contains(w))
                .collect();
            assert!(
                from_code.is_empty(),
                "{} ({voice:?}): words assembled outside the catalog: {from_code:?}\n{text}",
                result.participant_id
            );
            assert!(text.contains("ťĥéé"), "the catalog's text is transformed: {text}");
        }
    }
}
