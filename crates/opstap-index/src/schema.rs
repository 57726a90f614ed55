//! The tantivy schema of a vacancy index and its analyzers.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};

pub(crate) const NL_ANALYZER: &str = "opstap_nl";
pub(crate) const EN_ANALYZER: &str = "opstap_en";

/// Version of what the index stores beside the source record (the compiled features).
/// An index written with another version is refused with a message to rebuild it.
pub const FORMAT_VERSION: u32 = 6;

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
    };
    (b.build(), fields)
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
