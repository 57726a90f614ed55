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

pub(crate) fn matches(out: &mut impl Write, r: &MatchResult, catalog: &Catalog) -> io::Result<()> {
    let eligible = r.eligible.map_or_else(String::new, |n| format!("{n} eligible vacancies, "));
    writeln!(out, "participant {}: {eligible}best {} shown", r.participant_id, r.matches.len())?;
    // Questions that hold for every vacancy: asked once, for the whole list.
    for q in &r.questions {
        writeln!(out, "  ? {}", text(q))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        " #  score  vacancy    {:<34} {:<26} {:<12} self-development",
        "title", "employer", "sector"
    )?;
    for m in &r.matches {
        let v = &m.vacancy;
        let e = &m.explanation;
        let employer = v.employer.as_ref().and_then(|e| e.name.as_deref()).unwrap_or("-");
        writeln!(
            out,
            "{:>2}  {:.3}  {:<10} {} {} {} {} (fit {:.2})",
            m.rank,
            e.score,
            v.id,
            truncate(&v.title, 34),
            truncate(employer, 26),
            truncate(v.sector.as_deref().unwrap_or("-"), 12),
            e.self_development.level.as_str(),
            e.self_development.fit,
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
        writeln!(out, "    (no vacancy meets every hard requirement; see the step plan)")?;
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
    let rank = if m.rank > 0 { format!(", rank {}", m.rank) } else { String::new() };
    writeln!(
        out,
        "class: {} ({:?}){rank}; score {:.3}; BM25 {:.3}",
        class_label(e.class, catalog),
        e.class,
        e.score,
        e.bm25
    )?;
    writeln!(out)?;
    writeln!(out, "requirements:")?;
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
    writeln!(out, "components:           weight  value  contribution")?;
    for c in &e.components {
        writeln!(
            out,
            "  {:<18} {:>7.2} {:>6.2} {:>13.3}",
            component_label(c.component, catalog),
            c.weight,
            c.value,
            c.contribution
        )?;
    }
    writeln!(out, "  {:<18} {:>28.3}", "=", e.score)?;
    writeln!(out)?;
    let sd = &e.self_development;
    writeln!(
        out,
        "self-development: {} for a wish of {} (fit {:.2}); signals: {}",
        sd.level.as_str(),
        sd.preference.as_str(),
        sd.fit,
        if sd.signals.is_empty() {
            "none".to_owned()
        } else {
            sd.signals.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        }
    )?;
    writeln!(out, "  {}", text(&sd.reason))?;
    if !e.matched_terms.is_empty() {
        writeln!(out, "matched terms: {}", e.matched_terms.join(", "))?;
    }
    writeln!(out)?;
    writeln!(out, "reasons:")?;
    for r in &e.reasons {
        writeln!(out, "  - {}", text(r))?;
    }
    Ok(())
}
