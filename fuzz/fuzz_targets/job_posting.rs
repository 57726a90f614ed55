//! A job board's document (an HTML page or JSON-LD): reading, mapping, extraction and
//! validation never panic, and every posting comes out imported or rejected with a reason.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use opstap_core::Taxonomy;
use opstap_import::{DocumentKind, Importer};

fn importer() -> &'static Importer {
    static IMPORTER: OnceLock<Importer> = OnceLock::new();
    IMPORTER.get_or_init(|| Importer::new(Taxonomy::embedded()).expect("the bundled lexicon"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for kind in [DocumentKind::Html, DocumentKind::Json] {
        importer().read_document("fuzz", text, kind, &mut |r| {
            if let Err(e) = r {
                assert!(!e.reason.is_empty());
            }
        });
    }
});
