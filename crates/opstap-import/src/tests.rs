use opstap_core::model::{CefrLevel, ContractType, DrivingLicence, TwvStance, WagePeriod};

use super::*;

fn importer() -> Importer {
    Importer::new(Taxonomy::embedded()).unwrap()
}

fn read(text: &str, kind: DocumentKind) -> (Vec<Imported>, Vec<Rejected>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    importer().read_document("test", text, kind, &mut |r| match r {
        Ok(i) => ok.push(i),
        Err(e) => bad.push(e),
    });
    (ok, bad)
}

const POSTING: &str = r#"{
  "@context": "https://schema.org", "@type": "JobPosting",
  "identifier": {"@type": "PropertyValue", "name": "Werkbord", "value": "WB-1234"},
  "title": "Heftruckchauffeur (m/v)",
  "description": "<p>Voor ons magazijn in Tilburg zoeken wij een heftruckchauffeur.</p><h3>Wat vragen wij?</h3><ul><li>Je hebt een geldig heftruckcertificaat</li><li>Rijbewijs B is een pr&eacute;</li><li>Je spreekt Nederlands op A2-niveau</li><li>Minimaal 1 jaar ervaring</li></ul><h3>Wat bieden wij?</h3><ul><li>Een VCA-cursus op onze kosten</li><li>Doorgroeimogelijkheden</li></ul>",
  "datePosted": "2026-11-20T09:00:00+01:00", "validThrough": "2027-01-31",
  "employmentType": ["FULL_TIME", "TEMPORARY"],
  "workHours": "32-40 uur per week",
  "hiringOrganization": {"@type": "Organization", "name": "Logistiek &amp; Zo", "sameAs": "https://logistiek.example"},
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Tilburg", "addressCountry": "NL"}},
  "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": "14,50", "maxValue": 16.25, "unitText": "HOUR"}}
}"#;

#[test]
fn a_job_posting_maps_to_the_contract_with_its_evidence() {
    let (ok, bad) = read(POSTING, DocumentKind::Json);
    assert!(bad.is_empty(), "{bad:?}");
    let i = &ok[0];
    let v = &i.vacancy;
    assert_eq!(v.id, "WB-1234");
    assert_eq!(v.title, "Heftruckchauffeur (m/v)");
    assert!(v.description.starts_with("Voor ons magazijn in Tilburg"), "{}", v.description);
    assert_eq!(
        v.requirements.certificates.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["HEFTRUCK"]
    );
    assert_eq!(
        v.requirements.certificates_on_the_job.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["VCA_BASIS"]
    );
    assert_eq!(v.requirements.driving_licence, None, "a pré is not a requirement");
    assert_eq!(v.requirements.languages[0].any_of[0].level, CefrLevel::A2);
    assert_eq!(v.requirements.experience_years, Some(1.0));
    assert_eq!(v.offers.career_path, Some(true));
    assert_eq!(v.conditions.contract, Some(ContractType::FixedTerm));
    assert_eq!(v.conditions.hours_per_week.as_ref().map(|h| (h.min, h.max)), Some((32.0, 40.0)));
    assert_eq!(v.posted.map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
    let wage = v.wage.as_ref().unwrap();
    assert_eq!((wage.min, wage.max, wage.per), (14.5, 16.25, WagePeriod::Hour));
    let employer = v.employer.as_ref().unwrap();
    assert_eq!(employer.name.as_deref(), Some("Logistiek & Zo"));
    assert_eq!(employer.id.as_deref(), Some("https://logistiek.example"));
    assert!(v.location.is_some(), "Tilburg is in the gazetteer");
    // Every requirement carries the words it came from.
    let cert = v.extracted.iter().find(|e| e.field == "requirements.certificates").unwrap();
    assert_eq!(cert.quote, "Je hebt een geldig heftruckcertificaat");
    assert_eq!(cert.source, "description");
    let licence =
        i.not_required.iter().find(|e| e.field == "requirements.driving_licence").unwrap();
    assert_eq!(licence.quote, "Rijbewijs B is een pré");
}

#[test]
fn every_document_form_is_read() {
    let one: Value = serde_json::from_str(POSTING).unwrap();
    let mut two = one.clone();
    two["identifier"] = Value::String("WB-2".into());
    let array = Value::Array(vec![one.clone(), two.clone()]).to_string();
    let graph = serde_json::json!({"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "x"}, one, two]}).to_string();
    let lines = format!(
        "{}\n{}\n",
        serde_json::to_string(&serde_json::from_str::<Value>(POSTING).unwrap()).unwrap(),
        serde_json::to_string(
            &serde_json::json!({"@type": "JobPosting", "title": "Kok", "identifier": "K-1"})
        )
        .unwrap()
    );
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"BreadcrumbList\"}}</script>\n<script type=\"application/ld+json\">{POSTING}</script></head><body><nav>Home</nav></body></html>"
    );
    for (text, kind, n) in [
        (array.as_str(), DocumentKind::Json, 2),
        (graph.as_str(), DocumentKind::Sniff, 2),
        (lines.as_str(), DocumentKind::Json, 2),
        (page.as_str(), DocumentKind::Sniff, 1),
    ] {
        let (ok, bad) = read(text, kind);
        assert_eq!((ok.len(), bad.len()), (n, 0), "{bad:?}");
    }
    let (_, bad) = read(&graph, DocumentKind::Sniff);
    assert!(bad.is_empty());
}

#[test]
fn what_cannot_be_imported_is_reported_with_its_place_and_the_rest_is_kept() {
    let lines = [
        r#"{"@type": "JobPosting", "title": "Kok", "identifier": "K-1"}"#,
        r#"{"@type": "JobPosting", "identifier": "K-2"}"#,
        r#"{"@type": "JobPosting", "title": "Schoonmaker", "identifier": "K-3", "validThrough": "morgen"}"#,
        r#"{"@type": "JobPosting", "title": "Bakker", "identifier": "K-4"#,
        r#"{"@type": "Organization", "name": "x"}"#,
    ]
    .join("\n");
    let (ok, bad) = read(&lines, DocumentKind::Json);
    assert_eq!(ok.len(), 1);
    let summary: Vec<(String, String)> =
        bad.iter().map(|r| (r.position.clone(), r.field.clone())).collect();
    assert_eq!(
        summary,
        [
            ("line 2".to_owned(), "title".to_owned()),
            ("line 3".to_owned(), "validThrough".to_owned()),
            ("line 4".to_owned(), String::new()),
            ("line 5".to_owned(), "@type".to_owned()),
        ]
    );
    assert!(
        bad[1].reason.contains("morgen") && bad[1].reason.contains("2026-12-31"),
        "{}",
        bad[1].reason
    );
    let (_, bad) = read(
        "<html><script type=\"application/ld+json\">{\"@type\":\"Organization\"}</script></html>",
        DocumentKind::Html,
    );
    assert!(
        bad[0].reason.contains("no JobPosting") && bad[0].reason.contains("Organization"),
        "{:?}",
        bad
    );
}

#[test]
fn an_override_corrects_a_wrong_extraction_on_every_import() {
    let overrides = Overrides::parse(
        "fixes.jsonl",
        r#"{"id": "WB-1234", "patch": {"requirements": {"experience_years": null, "driving_licence": "B"}}}"#,
    )
    .unwrap();
    let importer = importer().with_overrides(overrides);
    let mut out = Vec::new();
    importer.read_document("t", POSTING, DocumentKind::Json, &mut |r| out.push(r.unwrap()));
    let v = &out[0].vacancy;
    assert_eq!(v.requirements.experience_years, None);
    assert_eq!(v.requirements.driving_licence, Some(DrivingLicence::B));
    assert!(
        v.extracted.iter().any(|e| e.pattern == "override" && e.quote.contains("fixes.jsonl:1"))
    );
    assert!(out[0].notes.iter().any(|n| n.contains("override")));
    let bad = Overrides::parse("fixes.jsonl", "{\"id\": \"x\"}\n");
    assert!(bad.unwrap_err().to_string().starts_with("fixes.jsonl:1:"));
}

#[test]
fn the_occupation_comes_from_the_code_or_else_a_confident_title() {
    let with = |extra: &str| {
        let text = format!(
            r#"{{"@type": "JobPosting", "title": "Heftruckchauffeur", "identifier": "x"{extra}}}"#
        );
        read(&text, DocumentKind::Json).0.remove(0).vacancy
    };
    assert_eq!(with(r#", "occupationalCategory": "ISCO-08 8344""#).isco.unwrap().0, "8344");
    let v = with("");
    let e = v.extracted.iter().find(|e| e.field == "isco").expect("inferred from the title");
    assert_eq!(e.pattern, "title.isco_table");
    assert!(e.confidence.unwrap() >= 0.7);
    assert_eq!(v.sector.as_deref(), Some("logistics"));
}

#[test]
fn the_twv_stance_is_read_when_stated() {
    let text = r#"{"@type": "JobPosting", "title": "Kok", "identifier": "x", "description": "Wij vragen de TWV voor je aan."}"#;
    let v = read(text, DocumentKind::Json).0.remove(0).vacancy;
    assert_eq!(v.employer.unwrap().twv, Some(TwvStance::Willing));
    let text = r#"{"@type": "JobPosting", "title": "Kok", "identifier": "x", "hiringOrganization": "Eetcafé"}"#;
    let v = read(text, DocumentKind::Json).0.remove(0).vacancy;
    assert_eq!(v.employer.unwrap().twv, None, "silent: UNKNOWN");
    let text = r#"{"@type": "JobPosting", "title": "Kok", "identifier": "x", "hiringOrganization": "Eetcafé", "description": "Wij vragen de TWV voor je aan."}"#;
    let v = read(text, DocumentKind::Json).0.remove(0).vacancy;
    assert_eq!(v.employer.unwrap().twv, Some(TwvStance::Willing));
}
