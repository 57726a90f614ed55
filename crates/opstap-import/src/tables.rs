//! The bundled look-up tables: Dutch places (GeoNames, CC BY 4.0), job titles → ISCO-08,
//! and ISCO-08 → sector. Each file's header states its source.

use std::collections::HashMap;

use opstap_core::model::GeoPoint;

const PLACES: &str = include_str!("../data/places_nl.tsv");
const ALIASES: &str = include_str!("../data/places_nl_aliases.tsv");
const TITLES: &str = include_str!("../data/titles_isco.tsv");
const SECTORS: &str = include_str!("../data/isco_sectors.tsv");

/// The data rows of a TSV file: `#` lines and the header row skipped.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// A place name as the table and a posting's address are compared: lower case, `-` and
/// runs of spaces as one space.
pub fn place_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[derive(Debug, Clone)]
struct Place {
    point: GeoPoint,
    province: String,
    population: u64,
}

/// Dutch places by name, for an address without coordinates.
pub struct Gazetteer {
    places: HashMap<String, Vec<Place>>,
    aliases: HashMap<String, String>,
}

/// How a locality was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub point: GeoPoint,
    /// The table's name of the place.
    pub name: String,
    /// Through an alternative name, and which.
    pub via_alias: bool,
    /// Several places carry the name and neither the province nor anything else told
    /// them apart: the most populous was taken.
    pub ambiguous: bool,
}

impl Gazetteer {
    pub fn bundled() -> Gazetteer {
        let mut places: HashMap<String, Vec<Place>> = HashMap::new();
        for r in rows(PLACES) {
            let (Some(lat), Some(lon)) =
                (r.get(1).and_then(|v| v.parse().ok()), r.get(2).and_then(|v| v.parse().ok()))
            else {
                continue;
            };
            places.entry(place_key(r[0])).or_default().push(Place {
                point: GeoPoint { lat, lon },
                province: r.get(3).map(|p| place_key(p)).unwrap_or_default(),
                population: r.get(4).and_then(|p| p.parse().ok()).unwrap_or(0),
            });
        }
        let aliases = rows(ALIASES)
            .filter(|r| r.len() >= 2)
            .map(|r| (place_key(r[0]), place_key(r[1])))
            .collect();
        Gazetteer { places, aliases }
    }

    /// The place named `locality` (a municipality name, "Den Haag", "Almere"), told apart
    /// by `region` (a province, in Dutch or English) when the name is not unique.
    pub fn locate(&self, locality: &str, region: Option<&str>) -> Option<Located> {
        let key = place_key(locality);
        let (key, via_alias) = match self.places.contains_key(&key) {
            true => (key, false),
            false => (self.aliases.get(&key)?.clone(), true),
        };
        let candidates = self.places.get(&key)?;
        let wanted = region.map(province_key);
        let by_region: Vec<&Place> = match &wanted {
            Some(w) => candidates.iter().filter(|p| &p.province == w).collect(),
            None => Vec::new(),
        };
        let pool: Vec<&Place> =
            if by_region.is_empty() { candidates.iter().collect() } else { by_region };
        let best = pool.iter().max_by_key(|p| p.population)?;
        Some(Located { point: best.point, name: key, via_alias, ambiguous: pool.len() > 1 })
    }
}

/// A province as the table names it (GeoNames' English names): Dutch names and
/// abbreviations mapped.
fn province_key(region: &str) -> String {
    let k = place_key(region);
    let english = match k.as_str() {
        "noord holland" | "nh" => "north holland",
        "zuid holland" | "zh" => "south holland",
        "noord brabant" | "nb" | "brabant" => "north brabant",
        "fryslân" | "fryslan" | "friesland" | "fr" => "friesland",
        "gld" | "gelderland" => "gelderland",
        "ut" | "utrecht" => "utrecht",
        "ov" | "overijssel" => "overijssel",
        "dr" | "drenthe" => "drenthe",
        "gr" | "groningen" => "groningen",
        "lb" | "limburg" => "limburg",
        "ze" | "zeeland" => "zeeland",
        "fl" | "flevoland" => "flevoland",
        _ => return k,
    };
    english.to_owned()
}

/// An occupation read from a title.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleMatch {
    pub isco: String,
    pub confidence: f64,
    /// The table's title that matched.
    pub title: String,
}

/// Job titles → ISCO-08 unit groups.
pub struct Titles {
    by_title: HashMap<String, (String, f64)>,
    longest_words: usize,
}

/// Words of a title that say nothing about the occupation.
const TITLE_NOISE: &[&str] = &[
    "junior",
    "senior",
    "medior",
    "ervaren",
    "leerling",
    "stagiair",
    "stagiaire",
    "parttime",
    "fulltime",
    "part-time",
    "full-time",
    "part",
    "time",
    "full",
    "m/v",
    "m/v/x",
    "v/m",
    "m/v/d",
    "m/w/d",
    "h/v",
    "m/f",
    "m/f/d",
    "f/m",
    "x/v/m",
    "experienced",
    "trainee",
    "vakkundig",
    "enthousiaste",
    "enthousiast",
    "gezocht",
    "wanted",
    "urgent",
    "per",
    "direct",
];

impl Titles {
    pub fn bundled() -> Titles {
        let mut by_title = HashMap::new();
        let mut longest_words = 1;
        for r in rows(TITLES) {
            let (Some(title), Some(isco)) = (r.first(), r.get(1)) else { continue };
            let confidence = r.get(3).and_then(|c| c.parse().ok()).unwrap_or(0.5);
            let key = title_words(title).join(" ");
            longest_words = longest_words.max(key.split(' ').count());
            by_title.insert(key, ((*isco).to_owned(), confidence));
        }
        Titles { by_title, longest_words }
    }

    /// The best table title found in `title` as whole words: the longest, then the most
    /// confident. Gender markers, seniority and parentheses are ignored.
    pub fn lookup(&self, title: &str) -> Option<TitleMatch> {
        let words = title_words(title);
        let mut best: Option<(usize, f64, &str, &String)> = None;
        for len in (1..=self.longest_words.min(words.len())).rev() {
            for window in words.windows(len) {
                let key = window.join(" ");
                if let Some((k, (isco, conf))) = self.by_title.get_key_value(&key) {
                    let better = best.is_none_or(|(l, c, _, _)| len > l || (len == l && *conf > c));
                    if better {
                        best = Some((len, *conf, isco.as_str(), k));
                    }
                }
            }
            if best.is_some() {
                break;
            }
        }
        best.map(|(_, confidence, isco, title)| TitleMatch {
            isco: isco.to_owned(),
            confidence,
            title: title.clone(),
        })
    }
}

/// A title's words in lower case, without what says nothing about the occupation.
fn title_words(title: &str) -> Vec<String> {
    let mut text = String::with_capacity(title.len());
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ => text.extend(c.to_lowercase()),
        }
    }
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '–' | '—' | ':' | '!'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '-'))
        .filter(|w| !w.is_empty() && !TITLE_NOISE.contains(w))
        .map(|w| w.trim_matches('-').to_owned())
        .filter(|w| !w.is_empty() && w != "-")
        .collect()
}

/// ISCO-08 code prefixes → sector slugs.
pub struct Sectors {
    by_prefix: HashMap<String, String>,
}

impl Sectors {
    pub fn bundled() -> Sectors {
        Sectors {
            by_prefix: rows(SECTORS)
                .filter(|r| r.len() >= 2)
                .map(|r| (r[0].to_owned(), r[1].to_owned()))
                .collect(),
        }
    }

    /// The sector of the longest listed prefix of `isco`, with that prefix.
    pub fn for_isco(&self, isco: &str) -> Option<(&str, &str)> {
        (1..=isco.len()).rev().find_map(|n| {
            self.by_prefix.get_key_value(&isco[..n]).map(|(k, v)| (k.as_str(), v.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve_by_name_alias_and_province() {
        let g = Gazetteer::bundled();
        let ter_apel = g.locate("Ter Apel", None).unwrap();
        assert!((ter_apel.point.lat - 52.88).abs() < 0.05, "{ter_apel:?}");
        let hague = g.locate("Den Haag", Some("Zuid-Holland")).unwrap();
        assert!(hague.via_alias && (hague.point.lon - 4.30).abs() < 0.05, "{hague:?}");
        assert!(g.locate("Atlantis", None).is_none());
    }

    #[test]
    fn the_sector_comes_from_the_longest_prefix() {
        let s = Sectors::bundled();
        assert_eq!(s.for_isco("8344").map(|x| x.1), Some("logistics"));
        assert_eq!(s.for_isco("8322").map(|x| x.1), Some("transport"));
        assert_eq!(s.for_isco("9112").map(|x| x.1), Some("cleaning"));
    }

    #[test]
    fn titles_ignore_gender_markers_and_seniority() {
        assert_eq!(
            title_words("Senior Heftruckchauffeur (m/v/x) - Tilburg"),
            ["heftruckchauffeur", "tilburg"]
        );
    }
}
