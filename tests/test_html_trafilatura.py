"""html_trafilatura.select runs trafilatura's fast selection stage by stage with its internal
functions, and with_fallbacks its cascade with the fallback extractors: on a page that takes
each stage they must give what bare_extraction gives, fast and not (this fails first when a
new trafilatura changes its internals), measuring the page's text by the number they are given."""
import re
from copy import copy

import lxml.html
import pytest
import trafilatura
from trafilatura.baseline import html2txt

from cleaner.readers import html, html_container, html_trafilatura

Q = "Work on the old bridge starts in May and lasts a year, the mayor told reporters on Monday. "
P = "The council voted on Tuesday to close the old bridge for a year while engineers repair it. "
PAGES = {
    "article": f"<html><body><nav><a href=/>Home</a></nav><article><p>{P}</p><p>{P}</p></article></body></html>",
    "comment section": f"<html><body><article><p>{P * 3}</p></article>"
                       f"<div class='comments'><p>{P}What a great comment.</p></div></body></html>",
    "no paragraph (baseline rescue)": f"<html><body><div>{P * 2}</div></body></html>",
    # in recall mode trafilatura keeps "teaser" blocks
    "short extraction (recall escalation)": f"<html><body><article><p>{P * 3}</p><div class='teaser'>"
                                            + "".join(f"<p>{Q}({n})</p>" for n in range(20)) + "</div></article></body></html>",
    "forum thread": '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
                    f'</head><body><div class="comment"><p>{P * 3}</p></div></body></html>',
}


def text(body) -> str | None:
    return None if body is None else " ".join(body.itertext()).strip()


def bare_text(tree, fast: bool) -> str | None:
    """The text of ``bare_extraction``'s body (on a copy), as the reader calls it."""
    document = trafilatura.bare_extraction(copy(tree), fast=fast, include_comments=False, include_tables=True,
                                           output_format="txt")
    return text(document.body) if document is not None else None


@pytest.mark.parametrize("name", PAGES)
def test_select_gives_what_bare_extraction_gives(name):
    tree = lxml.html.fromstring(PAGES[name])
    before = lxml.html.tostring(tree)
    chosen = html_trafilatura.select(tree, None, page_chars=len(html2txt(tree))).body
    assert text(chosen) == bare_text(tree, fast=True) and text(chosen)
    assert lxml.html.tostring(tree) == before  # trafilatura read a copy


def test_each_stage_is_taken():
    def chosen(name, page_chars=None):
        tree = lxml.html.fromstring(PAGES[name])
        return text(html_trafilatura.select(tree, None, len(html2txt(tree)) if page_chars is None else page_chars).body)

    assert "great comment" not in chosen("comment section")
    assert chosen("forum thread").startswith("The council")  # the posts stand in "comment" containers
    assert chosen("no paragraph (baseline rescue)").startswith("The council")
    # the escalation reads the page's text as it is told: a short extraction of a long page is
    # tried again in recall mode; of a page said to be short, it stays
    assert chosen("short extraction (recall escalation)").count("Work on the old bridge") == 20
    assert chosen("short extraction (recall escalation)", page_chars=1000) == (P * 3).strip()


def test_the_readers_lines_measure_the_page_for_the_escalation():
    tree = html.parse_html(PAGES["short extraction (recall escalation)"])
    lines = html_container.element_lines(tree, re.compile("(?!)"))
    blocks, _how = html.main_content_blocks(tree, None, lines=lines)
    assert sum(b.text.count("Work on the old bridge") for b in blocks) == 20
    assert html_container.text_chars(lines) >= 0.9 * len(html2txt(tree))


def test_nothing_found_is_none():
    menu = "<html><body><nav></nav></body></html>"
    assert html_trafilatura.select(lxml.html.fromstring(menu), None, 0).body is None
    assert html_trafilatura.with_fallbacks(lxml.html.fromstring(menu), None, 0) is None


# and a page whose text readability finds where the main extractor finds a menu
FALLBACK_PAGES = {
    **PAGES,
    "a menu and a div of text (readability)": "<html><body><ul>"
                                              + "".join(f"<li><a href=/{n}>Section {n}</a></li>" for n in range(30))
                                              + f"</ul><div><div>{P * 4}</div></div></body></html>",
}


@pytest.mark.parametrize("name", FALLBACK_PAGES)
def test_with_fallbacks_gives_what_bare_extraction_gives(name):
    """Alone, and given what select's main extractor found (the retry's way: not found again)."""
    tree = lxml.html.fromstring(FALLBACK_PAGES[name])
    before = lxml.html.tostring(tree)
    expected = bare_text(tree, fast=False)
    chars = len(html2txt(tree))
    assert text(html_trafilatura.with_fallbacks(tree, None, chars)) == expected
    main = html_trafilatura.select(tree, None, chars).main
    assert text(html_trafilatura.with_fallbacks(tree, None, chars, main)) == expected
    assert lxml.html.tostring(tree) == before


def test_the_fallbacks_are_taken():
    def chosen(name):
        tree = lxml.html.fromstring(FALLBACK_PAGES[name])
        chars = len(html2txt(tree))
        return text(html_trafilatura.with_fallbacks(tree, None, chars, html_trafilatura.select(tree, None, chars).main))

    assert chosen("a menu and a div of text (readability)").startswith("The council") and "Section" not in chosen(
        "a menu and a div of text (readability)")
    assert chosen("no paragraph (baseline rescue)").startswith("The council")
