//! Real vacancies in: schema.org `JobPosting` — JSON-LD objects, arrays, `@graph`s, JSON
//! lines of them, or HTML pages that embed them — mapped to opstap's vacancy contract, with
//! the requirements read from the posting's text ([`extract`]) and the evidence for each.
//!
//! The importer only reads and maps; every vacancy it yields has passed the contract's
//! validation (`ValidVacancy`), and what could not be imported is a [`Rejected`] naming
//! the source, the position in it, the field and the reason.

pub mod extract;
pub mod gold;
pub mod html;
pub mod lexicon;
mod posting;
pub mod tables;

use std::collections::HashMap;

use opstap_core::model::{Evidence, Vacancy};
use opstap_core::taxonomy::Taxonomy;
use opstap_core::validate::{ValidVacancy, parse_json};
use serde::Serialize;
use serde_json::Value;

use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::tables::{Gazetteer, Sectors, Titles};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the lexicon is invalid: {0}")]
    Lexicon(String),
    #[error("{source_name}:{line}: {message}")]
    Overrides { source_name: String, line: usize, message: String },
}

/// A posting that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// The file (or `-` for stdin).
    pub source: String,
    /// Where in it: `line 12`, `[3]`, `@graph[1]`, `script 2 (line 40)`.
    pub position: String,
    /// The posting's (or, after mapping, the contract's) field.
    pub field: String,
    pub reason: String,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = if self.field.is_empty() { String::new() } else { format!(" {}:", self.field) };
        write!(f, "{} {}:{field} {}", self.source, self.position, self.reason)
    }
}

/// One posting imported.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub source: String,
    pub position: String,
    pub vacancy: Vacancy,
    /// What the text names without demanding it ("VCA is een pré"): not requirements.
    pub not_required: Vec<Evidence>,
    /// Values left UNKNOWN and why, and other things a data officer should know.
    pub notes: Vec<String>,
}

/// How to read a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// An HTML page: its `application/ld+json` scripts.
    Html,
    /// One JSON value (an object, an array, a `@graph`), or else JSON lines.
    Json,
    /// Decide by the first character: `<` is HTML.
    Sniff,
}

impl DocumentKind {
    /// By a file's extension: `.html`/`.htm` are pages, `.json`/`.jsonl`/`.jsonld` JSON,
    /// anything else sniffed.
    pub fn for_path(path: &std::path::Path) -> DocumentKind {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => DocumentKind::Html,
            Some("json" | "jsonl" | "jsonld" | "ndjson") => DocumentKind::Json,
            _ => DocumentKind::Sniff,
        }
    }
}

/// Corrections a data officer keeps beside the job board's export: per vacancy id, a JSON
/// merge patch (RFC 7386) over the imported vacancy, applied before validation, on every
/// re-import. A file of JSON lines `{"id": "…", "patch": {…}}`.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    by_id: HashMap<String, (Value, String)>,
}

impl Overrides {
    pub fn parse(source: &str, text: &str) -> Result<Overrides, ImportError> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Line {
            id: String,
            patch: serde_json::Map<String, Value>,
        }
        let mut by_id = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let err = |message: String| ImportError::Overrides {
                source_name: source.to_owned(),
                line: i + 1,
                message,
            };
            let l: Line = parse_json(line).map_err(|e| err(e.to_string()))?;
            let place = format!("{source}:{}", i + 1);
            if by_id.insert(l.id.clone(), (Value::Object(l.patch), place)).is_some() {
                return Err(err(format!("a second override for `{}`; keep one per id", l.id)));
            }
        }
        Ok(Overrides { by_id })
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

fn merge_patch(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// Reads postings into vacancies. Built once (the lexicon and tables compile), then used
/// for any number of documents.
pub struct Importer {
    taxonomy: &'static Taxonomy,
    lexicon: &'static Lexicon,
    extractor: Extractor<'static>,
    gazetteer: Gazetteer,
    titles: Titles,
    sectors: Sectors,
    overrides: Overrides,
}

impl Importer {
    pub fn new(taxonomy: &'static Taxonomy) -> Result<Importer, ImportError> {
        // The lexicon lives as long as the process: an importer is built once per run.
        let lexicon: &'static Lexicon = Box::leak(Box::new(Lexicon::bundled(taxonomy)?));
        Ok(Importer {
            taxonomy,
            lexicon,
            extractor: Extractor::new(lexicon),
            gazetteer: Gazetteer::bundled(),
            titles: Titles::bundled(),
            sectors: Sectors::bundled(),
            overrides: Overrides::default(),
        })
    }

    pub fn with_overrides(mut self, overrides: Overrides) -> Importer {
        self.overrides = overrides;
        self
    }

    pub(crate) fn taxonomy(&self) -> &Taxonomy {
        self.taxonomy
    }
    pub(crate) fn lexicon(&self) -> &Lexicon {
        self.lexicon
    }
    pub(crate) fn extractor(&self) -> &Extractor<'static> {
        &self.extractor
    }
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
    pub(crate) fn titles(&self) -> &Titles {
        &self.titles
    }
    pub(crate) fn sectors(&self) -> &Sectors {
        &self.sectors
    }

    /// Every posting of one document, in order, each imported or rejected.
    pub fn read_document(
        &self,
        source: &str,
        text: &str,
        kind: DocumentKind,
        out: &mut dyn FnMut(Result<Imported, Rejected>),
    ) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let kind = match kind {
            DocumentKind::Sniff if text.trim_start().starts_with('<') => DocumentKind::Html,
            DocumentKind::Sniff => DocumentKind::Json,
            k => k,
        };
        let reject = |position: String, field: &str, reason: String| Rejected {
            source: source.to_owned(),
            position,
            field: field.to_owned(),
            reason,
        };
        match kind {
            DocumentKind::Html => {
                let blocks = html::json_ld_blocks(text);
                let mut any = false;
                let mut types = Vec::new();
                for (i, block) in blocks.iter().enumerate() {
                    let position = format!("script {} (line {})", i + 1, block.line);
                    match serde_json::from_str::<Value>(block.text) {
                        Err(e) => out(Err(reject(
                            position,
                            "",
                            format!(
                                "the JSON-LD is not JSON: {e} (line {} of the page)",
                                block.line + e.line() - 1
                            ),
                        ))),
                        Ok(v) => {
                            types.extend(type_names(&v));
                            any |= self.read_value(source, &position, &v, out);
                        }
                    }
                }
                if !any && blocks.iter().all(|b| serde_json::from_str::<Value>(b.text).is_ok()) {
                    let seen = if types.is_empty() { "none".to_owned() } else { types.join(", ") };
                    out(Err(reject(
                        "page".into(),
                        "@type",
                        format!(
                            "no JobPosting in the page's JSON-LD (types found: {seen}); a page must embed <script type=\"application/ld+json\"> with \"@type\": \"JobPosting\""
                        ),
                    )));
                }
            }
            _ => match serde_json::from_str::<Value>(text) {
                Ok(v) => {
                    if !self.read_value(source, "", &v, out) {
                        let seen = type_names(&v);
                        let seen =
                            if seen.is_empty() { "none".to_owned() } else { seen.join(", ") };
                        out(Err(reject(
                            "document".into(),
                            "@type",
                            format!(
                                "no JobPosting found (types found: {seen}); expected an object with \"@type\": \"JobPosting\", an array or a \"@graph\" of them"
                            ),
                        )));
                    }
                }
                Err(whole) => {
                    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
                    if lines < 2 {
                        out(Err(reject(
                            format!("line {}", whole.line()),
                            "",
                            format!("not JSON: {whole}"),
                        )));
                        return;
                    }
                    for (i, line) in text.lines().enumerate() {
                        self.read_json_line(source, i + 1, line, out);
                    }
                }
            },
        }
    }

    /// The postings of one line of a JSON lines file (an empty line has none).
    pub fn read_json_line(
        &self,
        source: &str,
        line_no: usize,
        line: &str,
        out: &mut dyn FnMut(Result<Imported, Rejected>),
    ) {
        if line.trim().is_empty() {
            return;
        }
        let position = format!("line {line_no}");
        let reject = |field: &str, reason: String| Rejected {
            source: source.to_owned(),
            position: position.clone(),
            field: field.to_owned(),
            reason,
        };
        match serde_json::from_str::<Value>(line) {
            Err(e) => out(Err(reject("", format!("not JSON: {e}")))),
            Ok(v) => {
                if !self.read_value(source, &position, &v, out) {
                    out(Err(reject("@type", "no JobPosting on this line".into())));
                }
            }
        }
    }

    /// The postings in one JSON value; whether there was any.
    fn read_value(
        &self,
        source: &str,
        position: &str,
        v: &Value,
        out: &mut dyn FnMut(Result<Imported, Rejected>),
    ) -> bool {
        let mut found = Vec::new();
        job_postings(v, position.to_owned(), &mut found);
        for (pos, posting) in &found {
            let pos = if pos.is_empty() { "document".to_owned() } else { pos.clone() };
            out(self.posting(source, &pos, posting));
        }
        !found.is_empty()
    }

    /// One JobPosting object, mapped, corrected by its override, and validated.
    pub fn posting(
        &self,
        source: &str,
        position: &str,
        posting: &serde_json::Map<String, Value>,
    ) -> Result<Imported, Rejected> {
        let place = |mut r: Rejected| {
            r.source = source.to_owned();
            r.position = position.to_owned();
            r
        };
        let mapped = self.map_posting(posting).map_err(place)?;
        let mut vacancy = mapped.vacancy;
        let mut notes = mapped.notes;
        if let Some((patch, at)) = self.overrides.by_id.get(&vacancy.id) {
            let mut value = serde_json::to_value(&vacancy).expect("a vacancy serializes");
            merge_patch(&mut value, patch);
            let fields: Vec<String> =
                patch.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
            vacancy = serde_json::from_value(value).map_err(|e| {
                place(Rejected {
                    source: String::new(),
                    position: String::new(),
                    field: "override".into(),
                    reason: format!("the override at {at} does not fit the contract: {e}"),
                })
            })?;
            for field in &fields {
                vacancy.extracted.retain(|e| !e.field.starts_with(field.as_str()));
                vacancy.extracted.push(Evidence {
                    field: field.clone(),
                    value: patch[field].to_string(),
                    quote: format!("override at {at}"),
                    source: "overrides".into(),
                    start: None,
                    pattern: "override".into(),
                    confidence: None,
                });
            }
            notes.push(format!("corrected by the override at {at}"));
        }
        let valid = ValidVacancy::new(vacancy, self.taxonomy).map_err(|e| {
            place(Rejected {
                source: String::new(),
                position: String::new(),
                field: e.field.clone(),
                reason: e.message.clone(),
            })
        })?;
        Ok(Imported {
            source: source.to_owned(),
            position: position.to_owned(),
            vacancy: valid.into_inner(),
            not_required: mapped.not_required,
            notes,
        })
    }
}

fn is_job_posting(o: &serde_json::Map<String, Value>) -> bool {
    let is = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t == "JobPosting"
    };
    match o.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// The JobPostings in a JSON-LD value, with their positions: the value itself, the items
/// of an array, of a `@graph`, and a page's `mainEntity`.
fn job_postings<'a>(
    v: &'a Value,
    position: String,
    out: &mut Vec<(String, &'a serde_json::Map<String, Value>)>,
) {
    match v {
        Value::Object(o) if is_job_posting(o) => out.push((position, o)),
        Value::Object(o) => {
            for key in ["@graph", "mainEntity", "itemListElement", "item"] {
                if let Some(inner) = o.get(key) {
                    job_postings(inner, format!("{position}{key}"), out);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                job_postings(x, format!("{position}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn type_names(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if let Some(t) = o.get("@type").and_then(posting_type) {
                    out.push(t);
                }
                if let Some(g) = o.get("@graph") {
                    walk(g, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    fn posting_type(t: &Value) -> Option<String> {
        match t {
            Value::String(s) => Some(s.clone()),
            Value::Array(a) => a.first().and_then(posting_type),
            _ => None,
        }
    }
    walk(v, &mut out);
    out.sort();
    out.dedup();
    out.truncate(8);
    out
}

#[cfg(test)]
mod tests;
