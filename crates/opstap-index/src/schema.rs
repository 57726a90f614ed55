//! The tantivy schema of a vacancy index and its analyzers.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{IndexSettings, IndexSortByField, Order};

pub(crate) const NL_ANALYZER: &str = "opstap_nl";
pub(crate) const EN_ANALYZER: &str = "opstap_en";

/// Version of what the index stores beside the source record (the compiled features).
/// An index written with another version is refused with a message to rebuild it.
pub const FORMAT_VERSION: u32 = 8;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub title_nl: Field,
    pub body_nl: Field,
    pub title_en: Field,
    pub body_en: Field,
    pub sector: Field,
    pub posted: Field,
    /// The validated vacancy as JSON: what `get` returns.
    pub source: Field,
    /// The compiled vacancy (postcard): everything the score needs, as a fast field.
    pub features: Field,
    /// The place's grid cell ([`crate::spatial::sort_key`]): each segment's documents
    /// are sorted by it ([`index_settings`]).
    pub cell: Field,
}

pub(crate) fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        title_nl: b.add_text_field("title_nl", text(NL_ANALYZER)),
        body_nl: b.add_text_field("body_nl", text(NL_ANALYZER)),
        title_en: b.add_text_field("title_en", text(EN_ANALYZER)),
        body_en: b.add_text_field("body_en", text(EN_ANALYZER)),
        sector: b.add_text_field("sector", STRING),
        posted: b.add_u64_field("posted", INDEXED | FAST),
        source: b.add_text_field("source", STORED),
        features: b.add_bytes_field("features", FAST),
        cell: b.add_u64_field(CELL_FIELD, FAST),
    };
    (b.build(), fields)
}

const CELL_FIELD: &str = "cell";

/// Every segment keeps its documents in the order of their place's cell, so that the
/// vacancies within a person's reach are a few ranges of documents (`spatial`). The
/// document store is compressed in blocks of 8 KB, not tantivy's 16: a call decompresses
/// a block for each vacancy it returns, which costs about 39k instructions at 8 KB
/// against 60k at 16 KB, for an index about 15% larger (4 KB: 28k, 36% larger).
pub(crate) fn index_settings() -> IndexSettings {
    IndexSettings {
        sort_by_field: Some(IndexSortByField { field: CELL_FIELD.into(), order: Order::Asc }),
        docstore_blocksize: 8192,
        ..IndexSettings::default()
    }
}

fn analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(stop_words()))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

const STOP_WORDS: &str = include_str!("stopwords.txt");

fn stop_words() -> Vec<String> {
    STOP_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect()
}

/// The words of one `# Heading` section of the stop word list.
fn stop_word_section(heading: &str) -> impl Iterator<Item = &'static str> + use<'_> {
    STOP_WORDS
        .lines()
        .skip_while(move |l| l.strip_prefix("# ").map(str::trim) != Some(heading))
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// The languages a vacancy's title and description are analyzed in: the one its text is
/// written in when that is clear, both when it is not (a bare title, a mixed text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextLanguages {
    Dutch,
    English,
    Both,
}

impl TextLanguages {
    pub(crate) fn dutch(self) -> bool {
        self != TextLanguages::English
    }

    pub(crate) fn english(self) -> bool {
        self != TextLanguages::Dutch
    }
}

/// How many function words of one language a text needs, and how many times as many as
/// of the other, to be analyzed in that language alone; how many words are read at most.
const LANGUAGE_MIN_WORDS: usize = 3;
const LANGUAGE_MARGIN: usize = 3;
const LANGUAGE_WORDS_READ: usize = 200;

/// The longest stop word, in bytes: longer words are not looked up (at most 16).
const LONGEST_STOP_WORD: usize = 10;

/// The languages to analyze a vacancy's text in, told by counting the function words
/// (the Dutch and English stop words that are not both) among its first words.
pub(crate) fn text_languages(title: &str, description: &str) -> TextLanguages {
    use std::sync::OnceLock;
    /// A word of at most 16 bytes as one number, for comparisons without `memcmp`.
    fn key(word: &[u8]) -> u128 {
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word);
        bytes.make_ascii_lowercase();
        u128::from_be_bytes(bytes)
    }
    /// Sorted by key, for a binary search: a few hundred short words.
    static WORDS: OnceLock<Vec<(u128, TextLanguages)>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: Vec<(u128, TextLanguages)> = Vec::new();
        for (heading, language) in
            [("Dutch", TextLanguages::Dutch), ("English", TextLanguages::English)]
        {
            words.extend(stop_word_section(heading).map(|w| (key(w.as_bytes()), language)));
        }
        words.sort_unstable_by_key(|&(w, _)| w);
        // A word in both lists tells nothing.
        let mut told: Vec<(u128, TextLanguages)> = Vec::with_capacity(words.len());
        for (w, language) in words {
            match told.last_mut() {
                Some(last) if last.0 == w && last.1 != language => last.1 = TextLanguages::Both,
                Some(last) if last.0 == w => {}
                _ => told.push((w, language)),
            }
        }
        told
    });
    let (mut dutch, mut english) = (0, 0);
    // Words as runs of ASCII letters and digits and of any non-ASCII byte (so "één" or
    // "café" stays one word, which no stop word is).
    let texts = [title.as_bytes(), description.as_bytes()];
    let all = texts
        .into_iter()
        .flat_map(|t| t.split(|b| b.is_ascii() && !b.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty());
    for word in all.take(LANGUAGE_WORDS_READ) {
        if word.len() > LONGEST_STOP_WORD || !word.is_ascii() {
            continue;
        }
        if let Ok(at) = words.binary_search_by_key(&key(word), |&(w, _)| w) {
            match words[at].1 {
                TextLanguages::Dutch => dutch += 1,
                TextLanguages::English => english += 1,
                TextLanguages::Both => {}
            }
        }
    }
    let clear = |one: usize, other: usize| {
        one >= LANGUAGE_MIN_WORDS && one >= LANGUAGE_MARGIN * other.max(1)
    };
    if clear(dutch, english) {
        TextLanguages::Dutch
    } else if clear(english, dutch) {
        TextLanguages::English
    } else {
        TextLanguages::Both
    }
}

pub(crate) fn register_analyzers(index: &tantivy::Index) {
    index.tokenizers().register(NL_ANALYZER, analyzer(Language::Dutch));
    index.tokenizers().register(EN_ANALYZER, analyzer(Language::English));
}

/// The tokens of `text` under the analyzer of `language`.
pub(crate) fn tokens(index: &tantivy::Index, analyzer_name: &str, text: &str) -> Vec<String> {
    let mut analyzer = index.tokenizers().get(analyzer_name).expect("registered at open");
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_analyzed_in_the_language_it_is_clearly_written_in() {
        let nl = "Je werkt in een klein team en je zorgt voor de orders van onze klanten.";
        let en = "You work in a small team and you take care of the orders of our customers.";
        assert_eq!(text_languages("Orderpicker", nl), TextLanguages::Dutch);
        assert_eq!(text_languages("Order picker", en), TextLanguages::English);
        // Too few function words to tell: both.
        assert_eq!(text_languages("Orderpicker", "Heftruck, EPT, VCA."), TextLanguages::Both);
        assert_eq!(text_languages("Warehouse", "Orderpicker in de nacht"), TextLanguages::Both);
        // Mixed: both.
        assert_eq!(text_languages("Kok", &format!("{nl} {en}")), TextLanguages::Both);
        // Upper case and words both languages have ("in", "is", "we") count as they should.
        assert_eq!(
            text_languages("KOK", "WIJ ZOEKEN EEN KOK DIE VAN KOKEN HOUDT EN IN HET WEEKEND WERKT"),
            TextLanguages::Dutch
        );
    }

    #[test]
    fn the_stop_word_list_has_the_sections_the_language_test_reads() {
        let longest = stop_word_section("Dutch").chain(stop_word_section("English")).map(str::len);
        assert_eq!(longest.max(), Some(LONGEST_STOP_WORD));
        assert!(stop_word_section("Dutch").any(|w| w == "het"));
        assert!(stop_word_section("English").any(|w| w == "the"));
        assert!(!stop_word_section("Dutch").any(|w| w == "the"));
    }
}
