//! HTML to plain text (one line per block, entities decoded), and the JSON-LD blocks of a
//! page. A small scanner, not a browser: job boards' markup is simple, and a posting's
//! text only needs its words and its line breaks.

use std::borrow::Cow;

/// Tags that end a line: paragraphs, list items, headings, table rows, breaks.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "dt",
    "dd",
    "dl",
    "blockquote",
    "hr",
    "pre",
    "main",
    "aside",
    "form",
    "title",
    "option",
    "figcaption",
];

/// The text of an HTML fragment or page: tags removed (`script`, `style`, `head`-only
/// `template` contents dropped), a line break at every block, entities decoded, runs of
/// spaces collapsed, empty lines dropped. Text without markup comes back with only its
/// entities decoded and its spaces tidied. A description whose markup was escaped
/// (`&lt;p&gt;`) is unescaped first.
pub fn to_text(html: &str) -> String {
    let unescaped;
    let html = if !html.contains('<') && html.contains("&lt;") {
        unescaped = decode_entities(html).into_owned();
        unescaped.as_str()
    } else {
        html
    };
    let mut raw = String::with_capacity(html.len());
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    // With block tags, a line break in the source is a space (the tags break the lines);
    // a text without them keeps its own line breaks.
    let blocks = ["<p", "<br", "<li", "<div", "<h1", "<h2", "<h3", "<h4", "<tr", "<ul", "<ol"]
        .iter()
        .any(|t| lower.contains(t));
    let push_text = |raw: &mut String, text: &str| {
        if !blocks {
            raw.push_str(text);
            return;
        }
        // A line that opens with a bullet stays a line ("Wij bieden:\n- VCA-opleiding").
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                let bullet = line.trim_start().starts_with(['-', '•', '*', '·', '–']);
                raw.push(if bullet { '\n' } else { ' ' });
            }
            raw.push_str(line.trim_end_matches('\r'));
        }
    };
    let mut i = 0;
    let mut text_start = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let lt = i + off;
        push_text(&mut raw, &html[text_start..lt]);
        let rest = &lower[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            i = end;
            text_start = end;
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone '<' is text.
            raw.push('<');
            i = lt + 1;
            text_start = i;
            continue;
        };
        let tag = &rest[1..gt];
        let closing = tag.starts_with('/');
        let name: &str = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() && !name.starts_with('!') {
            // "a < b" or "<3": text.
            raw.push('<');
            i = lt + 1;
            text_start = i;
            continue;
        }
        let mut next = lt + gt + 1;
        if !closing && matches!(name, "script" | "style" | "template" | "noscript" | "svg") {
            let close = format!("</{name}");
            next = lower[next..].find(&close).map_or(html.len(), |e| {
                let at = next + e;
                lower[at..].find('>').map_or(html.len(), |g| at + g + 1)
            });
        }
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if closing && heading {
            // A heading ends in ':' unless it ends in punctuation already, so the clause
            // reader knows it for one.
            let last = raw.trim_end().chars().next_back();
            if last.is_some_and(|c| !matches!(c, ':' | '?' | '!' | '.')) {
                let trimmed = raw.trim_end().len();
                raw.truncate(trimmed);
                raw.push(':');
            }
        }
        if closing && matches!(name, "td" | "th") {
            // A table row reads as one line: "Rijbewijs: niet nodig".
            raw.push_str(": ");
        } else if closing && name == "tr" {
            let kept = raw.trim_end().trim_end_matches(':').len();
            raw.truncate(kept);
            raw.push('\n');
        } else if BLOCK_TAGS.contains(&name) {
            raw.push('\n');
        }
        i = next;
        text_start = next;
    }
    push_text(&mut raw, &html[text_start.min(html.len())..]);
    tidy(&decode_entities(&raw))
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Collapses spaces (also non-breaking and tabs) within lines, trims them, and drops empty
/// lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for word in line.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
            if word.is_empty() {
                continue;
            }
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Decodes character references: numeric (`&#233;`, `&#xE9;`) and the named ones job
/// boards use. An unknown name is left as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e > 0 && e <= 10);
        let decoded = end.and_then(|e| decode_one(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "euml" => 'ë',
        "ecirc" => 'ê',
        "aacute" => 'á',
        "agrave" => 'à',
        "auml" => 'ä',
        "acirc" => 'â',
        "iacute" => 'í',
        "iuml" => 'ï',
        "icirc" => 'î',
        "oacute" => 'ó',
        "ouml" => 'ö',
        "ocirc" => 'ô',
        "uacute" => 'ú',
        "uuml" => 'ü',
        "ucirc" => 'û',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "frac12" => '½',
        "times" => '×',
        _ => return None,
    })
}

/// One `<script type="application/ld+json">` block of a page: its text and the page line
/// it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptBlock<'a> {
    pub text: &'a str,
    pub line: usize,
}

/// The JSON-LD blocks of a page, in order. An HTML comment or CDATA wrapper inside a
/// block is removed.
pub fn json_ld_blocks(page: &str) -> Vec<ScriptBlock<'_>> {
    let lower = page.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(off) = lower[at..].find("<script") {
        let open = at + off;
        let Some(gt) = lower[open..].find('>') else { break };
        let attrs = &lower[open..open + gt];
        let body_start = open + gt + 1;
        let body_end = lower[body_start..].find("</script").map_or(page.len(), |e| body_start + e);
        if attrs.contains("application/ld+json") {
            let mut text = page[body_start..body_end].trim();
            for (pre, post) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] {
                if let Some(inner) = text.strip_prefix(pre).and_then(|t| t.strip_suffix(post)) {
                    text = inner.trim();
                }
            }
            let line = 1 + page.as_bytes()[..body_start].iter().filter(|&&b| b == b'\n').count();
            out.push(ScriptBlock { text, line });
        }
        at = body_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_break_lines_and_entities_are_decoded() {
        let html = "<h3>Wat vragen wij?</h3><ul><li>VCA&nbsp;basis</li><li>Caf&eacute; &amp; bar&#8211;werk, &#x27;s avonds</li></ul><h4>Toelatingseisen</h4><p>Een <strong>proefdag</strong>.</p>";
        assert_eq!(
            to_text(html),
            "Wat vragen wij?\nVCA basis\nCafé & bar–werk, 's avonds\nToelatingseisen:\nEen proefdag."
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped_and_escaped_markup_is_read() {
        let html = "<style>p{}</style><p>a<!-- b --></p><script>var x = '<p>';</script><p>c &unknown; d</p>";
        assert_eq!(to_text(html), "a\nc &unknown; d");
        assert_eq!(
            to_text("&lt;p&gt;Rijbewijs B&lt;/p&gt;&lt;p&gt;VCA&lt;/p&gt;"),
            "Rijbewijs B\nVCA"
        );
        assert_eq!(to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    }

    #[test]
    fn a_table_row_is_one_line_and_source_line_breaks_are_spaces() {
        let html = "<p>Wij zoeken\niemand</p><table><tr><th>Taal</th><td>Nederlands</td></tr><tr><th>Rijbewijs</th><td>Niet nodig</td></tr></table><p>Wij bieden:\n- VCA</p>";
        assert_eq!(
            to_text(html),
            "Wij zoeken iemand\nTaal: Nederlands\nRijbewijs: Niet nodig\nWij bieden:\n- VCA"
        );
        assert_eq!(to_text("Eisen:\nVCA\nRijbewijs B"), "Eisen:\nVCA\nRijbewijs B");
    }

    #[test]
    fn json_ld_blocks_are_found_with_their_line() {
        let page = "<html>\n<script src=x.js></script>\n<SCRIPT TYPE=\"application/ld+json\">\n{\"a\":1}\n</SCRIPT>\n<script type='application/ld+json'><!--{\"b\":2}--></script>";
        let blocks = json_ld_blocks(page);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0], ScriptBlock { text: "{\"a\":1}", line: 3 });
        assert_eq!(blocks[1].text, "{\"b\":2}");
    }
}
