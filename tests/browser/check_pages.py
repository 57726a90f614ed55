#!/usr/bin/env python3
"""The printable plan in a real browser: every cohort participant's page in every
language (and the pseudo-locale) is rendered by headless Chromium to a PDF, and the PDF is
checked for what a reader would see:

- one A4 page, nothing past the margins (the words' boxes, from `pdftotext -bbox`), and
  printed at full size (Chromium shrinks a page wider than the paper to fit it);
- the page's own headings are in the extracted text, and no placeholder (`{ $…}`) is;
- Arabic runs right to left: its title sits against the right margin, and its first word
  (in reading order) lies to the right of its second.

Usage: check_pages.py OPSTAP_BINARY REPO_ROOT WORK_DIR
Needs: chromium, pdfinfo and pdftotext (Debian: chromium, poppler-utils) and fonts with
Arabic (fonts-noto-core or fonts-dejavu-core).
"""

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

LOCALES = ["nl", "en", "fr", "ar", "qps"]
A4 = (595.0, 842.0)  # points; Chromium writes 595.92 x 842.88
MARGIN_MM = 14.0  # the page's @page margin (the smaller of its two)
PT_PER_MM = 72 / 25.4


def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check_pages: no chromium on PATH (Debian package: chromium)")


def norm(text):
    """Text as compared: compatibility forms folded (Arabic presentation forms, ligatures),
    bidi controls and spacing removed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2066-\u2069\u202a-\u202e\u200e\u200f\u061c]", "", text)
    return re.sub(r"\s+", "", text)


def signature(word):
    """A word as compared with what pdftotext extracts: its letters, in any order (the
    PDF's ligatures, such as lam-alef, can come out with their letters swapped)."""
    return "".join(sorted(norm(word)))


def headings(page):
    return [html.unescape(re.sub("<[^>]+>", "", h)) for h in re.findall(r"<h[12]>(.*?)</h[12]>", page)]


def render(browser, html_path, pdf_path, profile):
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def words_of(pdf_path):
    out = subprocess.run(["pdftotext", "-bbox", pdf_path, "-"], check=True,
                         capture_output=True, text=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = root.findall(".//x:page", ns)
    words = []
    for w in root.findall(".//x:word", ns):
        words.append((float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                      float(w.get("yMax")), w.text or ""))
    size = (float(pages[0].get("width")), float(pages[0].get("height"))) if pages else (0, 0)
    return len(pages), size, words


def check(case):
    browser, work, participant, locale, html_path = case
    pdf = html_path[:-5] + ".pdf"
    render(browser, html_path, pdf, os.path.join(work, f"profile-{participant}-{locale}"))
    page = open(html_path, encoding="utf-8").read()
    problems = []
    pages, size, words = words_of(pdf)
    if pages != 1:
        problems.append(f"{pages} pages, not one")
    if abs(size[0] - A4[0]) > 2 or abs(size[1] - A4[1]) > 2:
        problems.append(f"page size {size}, not A4")
    margin = MARGIN_MM * PT_PER_MM - 3
    outside = [w for w in words if w[0] < margin or w[2] > size[0] - margin or w[3] > size[1] - margin + 3]
    if outside:
        problems.append(f"{len(outside)} words past the margins, e.g. {outside[:3]}")
    # Chromium shrinks a page that is wider than the paper to fit it: the text would be
    # printed smaller than its 10 pt (whose word boxes are about 13.6 pt high).
    heights = sorted(w[3] - w[1] for w in words)
    if heights and heights[len(heights) // 2] < 12:
        problems.append("the page was shrunk to fit the paper: something is wider than A4")
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    if "{$" in text or "{ $" in text:
        problems.append("a placeholder was left unfilled")
    extracted = {signature(w) for w in text.split()}
    for h in headings(page):
        missing = [w for w in h.split() if signature(w) not in extracted]
        if missing:
            problems.append(f"heading {h!r}: {missing} not in the PDF's text")
    title = headings(page)[0]
    top = min(w[1] for w in words)
    title_words = [w for w in words if w[1] < top + 5]
    if locale == "ar":
        right = max(w[2] for w in title_words)
        if right < size[0] - margin - 30:
            problems.append(f"the Arabic title ends at x={right:.0f}, not against the right margin")
        first, second = title.split()[:2]
        boxes = {signature(w[4]): w for w in title_words}
        if signature(first) in boxes and signature(second) in boxes:
            if not boxes[signature(first)][0] > boxes[signature(second)][0]:
                problems.append("the Arabic title does not run right to left")
        else:
            problems.append(f"the title's words {first!r} {second!r} are not in the PDF")
    else:
        left = min(w[0] for w in title_words)
        if left > margin + 30:
            problems.append(f"the title starts at x={left:.0f}, not at the left margin")
    return participant, locale, problems


def main():
    opstap, root, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "data")
    env = dict(os.environ, OPSTAP_DATA_DIR=data)
    env.pop("OPSTAP_CONFIG", None)
    if not os.path.exists(data):
        subprocess.run([opstap, "index", os.path.join(root, "fixtures/vacancies.jsonl")],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    browser = chromium()
    cohort = os.path.join(root, "fixtures/cohort")
    cases = []
    for name in sorted(os.listdir(cohort)):
        participant = name.split("-")[0] + "-" + name.split("-")[1]
        for locale in LOCALES:
            out = subprocess.run(
                [opstap, "--today", "2026-11-27", "--lang", locale, "plan", "--participant",
                 os.path.join(cohort, name), "--format", "html", "--caseworker", "A. de Vries"],
                check=True, env=env, capture_output=True, text=True).stdout
            path = os.path.join(work, f"{participant}-{locale}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(out)
            cases.append((browser, work, participant, locale, path))
    failed = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for participant, locale, problems in pool.map(check, cases):
            for p in problems:
                print(f"FAIL {participant} {locale}: {p}")
            failed += bool(problems)
    print(f"check_pages: {len(cases) - failed} of {len(cases)} pages render as one A4 page, "
          f"filled, within the margins, Arabic right to left (Chromium, pdftotext)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
