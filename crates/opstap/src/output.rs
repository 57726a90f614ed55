//! Readable terminal output: tables of matches, explanations and step plans.

use std::io::{self, Write};

use opstap_core::OutcomeKind;
use opstap_core::matching::Component;
use opstap_core::{Catalog, MatchClass, Reason, StepOption, StepPlan};
use opstap_index::{MatchResult, MatchedVacancy};

fn text(r: &Reason) -> &str {
    r.text.as_deref().unwrap_or("")
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        format!("{s:<width$}")
    } else {
        let cut: String = s.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

fn component_label(c: Component, catalog: &Catalog) -> String {
    let id = match c {
        Component::SelfDevelopment => "component-self-development",
        Component::Relevance => "component-relevance",
        Component::Conditions => "component-conditions",
        Component::Twv => "component-twv",
        Component::LanguageGrowth => "component-language-growth",
        Component::Application => "component-application",
        Component::Distance => "component-distance",
    };
    catalog.label(id)
}

fn outcome_label(o: OutcomeKind, catalog: &Catalog) -> String {
    catalog.label(match o {
        OutcomeKind::Met => "outcome-met",
        OutcomeKind::Bridgeable => "outcome-bridgeable",
        OutcomeKind::Blocking => "outcome-blocking",
        OutcomeKind::Unknown => "outcome-unknown",
    })
}

fn class_label(c: MatchClass, catalog: &Catalog) -> String {
    catalog.label(match c {
        MatchClass::Eligible => "class-eligible",
        MatchClass::NearMiss => "class-near-miss",
        MatchClass::BeyondHorizon => "class-beyond-horizon",
        MatchClass::Blocked => "class-blocked",
    })
}

/// A self-development level (`SOME`) by its name in the catalog's language.
fn level_name(code: &str, catalog: &Catalog) -> String {
    catalog.label(&format!("level-name-{}", code.to_ascii_lowercase()))
}

pub(crate) fn matches(out: &mut impl Write, r: &MatchResult, catalog: &Catalog) -> io::Result<()> {
    let (id, shown) = (("id", r.participant_id.clone()), ("shown", r.matches.len().to_string()));
    let header = match r.eligible {
        Some(n) => catalog.message("cli-match-header", &[id, ("eligible", n.to_string()), shown]),
        None => catalog.message("cli-match-header-uncounted", &[id, shown]),
    };
    writeln!(out, "{header}")?;
    // Questions that hold for every vacancy: asked once, for the whole list.
    for q in &r.questions {
        writeln!(out, "  ? {}", text(q))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        " #  {:<5}  {:<10} {:<34} {:<26} {:<12} {}",
        catalog.label("cli-column-score"),
        catalog.label("cli-column-vacancy"),
        catalog.label("cli-column-title"),
        catalog.label("cli-column-employer"),
        catalog.label("cli-column-sector"),
        catalog.label("cli-column-self-development"),
    )?;
    for m in &r.matches {
        let v = &m.vacancy;
        let e = &m.explanation;
        let employer = v.employer.as_ref().and_then(|e| e.name.as_deref()).unwrap_or("-");
        let fit = catalog.message("cli-fit", &[("fit", format!("{:.2}", e.self_development.fit))]);
        writeln!(
            out,
            "{:>2}  {}  {:<10} {} {} {} {} ({fit})",
            m.rank,
            catalog.number(&format!("{:.3}", e.score)).unwrap_or_default(),
            v.id,
            truncate(&v.title, 34),
            truncate(employer, 26),
            truncate(v.sector.as_deref().unwrap_or("-"), 12),
            level_name(e.self_development.level.as_str(), catalog),
        )?;
        for reason in &e.reasons {
            let mark = if e
                .requirements
                .iter()
                .any(|q| q.outcome == OutcomeKind::Unknown && q.reason.code == reason.code)
            {
                "?"
            } else {
                "+"
            };
            writeln!(out, "      {mark} {}", text(reason))?;
        }
    }
    if r.matches.is_empty() {
        writeln!(out, "    {}", catalog.label("cli-no-match"))?;
    }
    match &r.plan {
        Some(p) => {
            writeln!(out)?;
            plan(out, p, catalog)
        }
        None => Ok(()),
    }
}

pub(crate) fn plan(out: &mut impl Write, p: &StepPlan, catalog: &Catalog) -> io::Result<()> {
    let args = [
        ("id", p.participant_id.clone()),
        ("weeks", p.horizon_weeks.to_string()),
        ("near", p.near_misses.to_string()),
        ("fitting", p.fitting_near_misses.to_string()),
        ("beyond", p.beyond_horizon.to_string()),
        ("fitting_beyond", p.fitting_beyond_horizon.to_string()),
    ];
    writeln!(out, "{}", catalog.message("plan-header", &args))?;
    plan_options(out, &p.options, catalog)?;
    if !p.long_route.is_empty() {
        writeln!(out, "{}:", catalog.label("plan-long-route-header"))?;
        plan_options(out, &p.long_route, catalog)?;
    }
    // The terms of each step once: cost, who pays, exam languages, age, sources.
    let mut told: Vec<&str> = Vec::new();
    for s in p.options.iter().chain(&p.long_route).flat_map(|o| &o.steps) {
        if told.contains(&s.target.as_str()) {
            continue;
        }
        if told.is_empty() {
            writeln!(out, "{}:", catalog.label("plan-steps-header"))?;
        }
        told.push(&s.target);
        let terms: Vec<&str> = s.details.iter().map(text).collect();
        writeln!(out, "  - {}: {}", s.target, terms.join(" "))?;
    }
    for r in &p.reasons {
        writeln!(out, "  {}", text(r))?;
    }
    Ok(())
}

/// The options of one section, each with its numbers and the terms of its steps.
fn plan_options(out: &mut impl Write, options: &[StepOption], catalog: &Catalog) -> io::Result<()> {
    for (i, o) in options.iter().enumerate() {
        writeln!(out, "  {}. {}", i + 1, text(&o.reason))?;
        for d in &o.details {
            writeln!(out, "     {}", text(d))?;
        }
        let args = [
            ("per-week", format!("{:.1}", o.fitting_per_week)),
            ("total", o.unlocks_total.to_string()),
            (
                "examples",
                if o.examples.is_empty() { "-".to_owned() } else { o.examples.join(", ") },
            ),
        ];
        writeln!(out, "     {}", catalog.message("plan-option-detail", &args))?;
    }
    Ok(())
}

pub(crate) fn explanation(
    out: &mut impl Write,
    m: &MatchedVacancy,
    catalog: &Catalog,
) -> io::Result<()> {
    let v = &m.vacancy;
    let e = &m.explanation;
    writeln!(out, "{} — {}", v.id, v.title)?;
    let employer = v.employer.as_ref().and_then(|e| e.name.as_deref()).unwrap_or("-");
    writeln!(out, "{employer}, {}", v.sector.as_deref().unwrap_or("-"))?;
    let mut args = vec![
        ("class", class_label(e.class, catalog)),
        ("code", format!("{:?}", e.class)),
        ("score", format!("{:.3}", e.score)),
        ("bm25", format!("{:.3}", e.bm25)),
    ];
    let id = if m.rank > 0 {
        args.push(("rank", m.rank.to_string()));
        "cli-explain-class-ranked"
    } else {
        "cli-explain-class"
    };
    writeln!(out, "{}", catalog.message(id, &args))?;
    writeln!(out)?;
    writeln!(out, "{}", catalog.label("cli-requirements-header"))?;
    for r in &e.requirements {
        writeln!(
            out,
            "  [{:<11}] {:<18} {}",
            outcome_label(r.outcome, catalog),
            r.requirement,
            text(&r.reason)
        )?;
        if let Some(step) = &r.step {
            writeln!(out, "  {:<33} → {}", "", text(&step.reason))?;
        }
        if let Some(quote) = &r.posting_quote {
            let line = catalog.message("posting-quote", &[("quote", quote.clone())]);
            writeln!(out, "  {:<33} {line}", "")?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<21}{:>7} {:>6} {:>13}",
        catalog.label("cli-components-header"),
        catalog.label("cli-column-weight"),
        catalog.label("cli-column-value"),
        catalog.label("cli-column-contribution"),
    )?;
    for c in &e.components {
        let number = |x: f64, decimals: usize| {
            catalog.number(&format!("{x:.decimals$}")).unwrap_or_default()
        };
        writeln!(
            out,
            "  {:<18} {:>7} {:>6} {:>13}",
            component_label(c.component, catalog),
            number(c.weight, 2),
            number(c.value, 2),
            number(c.contribution, 3)
        )?;
    }
    let total = catalog.number(&format!("{:.3}", e.score)).unwrap_or_default();
    writeln!(out, "  {:<18} {:>28}", "=", total)?;
    writeln!(out)?;
    let sd = &e.self_development;
    let signals = if sd.signals.is_empty() {
        catalog.label("cli-signals-none")
    } else {
        catalog.list(sd.signals.iter().map(|s| s.as_str().to_owned()))
    };
    let args = [
        ("level", level_name(sd.level.as_str(), catalog)),
        ("preference", level_name(sd.preference.as_str(), catalog)),
        ("fit", format!("{:.2}", sd.fit)),
        ("signals", signals),
    ];
    writeln!(out, "{}", catalog.message("cli-self-development", &args))?;
    writeln!(out, "  {}", text(&sd.reason))?;
    if !e.matched_terms.is_empty() {
        let terms = catalog.list(e.matched_terms.iter().cloned());
        writeln!(out, "{}", catalog.message("cli-matched-terms", &[("terms", terms)]))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", catalog.label("cli-reasons-header"))?;
    for r in &e.reasons {
        writeln!(out, "  - {}", text(r))?;
    }
    Ok(())
}
