"""What the markup says about the article: each field a chain of small fallbacks.

headline: the page's ``<h1>`` most like its title > ``og:title`` > JSON-LD ``headline`` >
``<title>``, without the site name; byline: JSON-LD ``author`` > ``meta[name=author]`` > Yoast's
"Written by" card > ``rel=author`` links > author markup and boxes > a visible "By" label; published: htmldate (JSON-LD, meta tags, ``<time>``, visible dates, URL); language: ``<html lang>``; url: canonical link > ``og:url``;
copyright: the footer's copyright line.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any, Iterator

from ..blocks import squash
from ..page import Found
from ..fields.names import clean_names
from ..fields.titles import site_suffix_removed, title_similarity

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "webpage",
                  "techarticle", "scholarlyarticle", "report", "posting", "socialmediaposting", "liveblogposting"}
_MAX_JSONLD = 200_000
_H1_SIMILARITY = 0.3
#: visible bylines and author boxes, most specific first (no copy of the tree needed)
_AUTHOR_XPATHS = (
    '//a[@rel="author"]',
    '//*[@itemprop="author"]//*[@itemprop="name"] | //*[@itemprop="author" and not(*)]',
    '//*[contains(@class, "author-name") or contains(@class, "author__name") or contains(@class, "byline__name")'
    ' or contains(@class, "authorName") or contains(@class, "post-author")]',
    '//*[contains(@class, "byline") or contains(@class, "author")][not(self::body) and not(self::html)]'
    '[string-length(normalize-space()) < 80]',
)


def _meta(tree, *names: str) -> str | None:
    """The content of the first ``<meta>`` whose name/property/itemprop is one of ``names``."""
    wanted = {n.lower() for n in names}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and meta.get("content"):
            return squash(meta.get("content"))
    return None


def _jsonld_objects(tree) -> Iterator[dict]:
    """Every JSON-LD object on the page (graphs flattened), article types first."""
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "")[:_MAX_JSONLD]
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    articles = [o for o in found if _types(o) & _ARTICLE_TYPES]
    return iter(articles or [])


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any, people_only: bool = True) -> list[str]:
    """Author names from a JSON-LD author value (string, object, or list of either);
    organisations (the publisher) are no byline.

    >>> _names([{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Daily Planet"}])
    ['Jane Doe']
    """
    if isinstance(value, str):
        return clean_names(value, lowercase=True)
    if isinstance(value, dict):
        if people_only and "organization" in _types(value):
            return []
        return _names(value.get("name", ""), people_only)
    if isinstance(value, list):
        return [n for v in value for n in _names(v, people_only)]
    return []


def headline(tree, objects: list[dict]) -> Found | None:
    """The page's own ``<h1>`` (the one most like the title when there are several), else
    ``og:title``, JSON-LD ``headline`` or ``<title>``, each without a site name."""
    title = squash(tree.findtext(".//title") or "")
    og = _meta(tree, "og:title", "twitter:title")
    reference = og or title
    h1s = [t for t in (_heading_line(h.text_content(), reference) for h in tree.iter("h1")) if len(t.split()) >= 2]
    if h1s:
        best = max(h1s, key=lambda t: (title_similarity(t, reference), len(t.split())))
        return _found(best if title_similarity(best, reference) >= _H1_SIMILARITY else h1s[0], "<h1>")
    page = "\n".join([_meta(tree, "og:site_name") or ""] + [f.text_content() for f in tree.iter("footer")][:1])
    if og:
        return _found(site_suffix_removed(og, page), "og:title")
    for obj in objects:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return _found(squash(obj["headline"]), "json-ld headline")
    return _found(site_suffix_removed(title, page), "<title>") if title else None


def _found(value, source: str) -> Found | None:
    """Markup evidence, or None for an empty value."""
    return Found(value, source, "markup") if value else None


def _heading_line(text: str, reference: str) -> str:
    """The line of a heading's text most like the page title (the longest of equals), with
    entities the page left undecoded decoded: a heading that also holds a "Posted on ... by"
    line, a kicker or a menu button keeps its title.

    >>> _heading_line("\\n  Rates rise again \\n Posted on July 1, 2024 by", "Rates rise again | Post")
    'Rates rise again'
    >>> _heading_line("Ann's blog\\nThe Fold-and-Cut Problem", "The Fold-and-Cut Problem"), _heading_line("SQL &#x26; AI", "")
    ('The Fold-and-Cut Problem', 'SQL & AI')
    """
    lines = [squash(html.unescape(line)) for line in text.splitlines() if line.strip()]
    return max(lines, key=lambda line: (title_similarity(line, reference), len(line.split())), default="")


def byline(tree, objects: list[dict]) -> Found | None:
    """Authors: JSON-LD people > ``meta[name=author]`` > ``rel=author`` links, author markup
    and byline or author boxes on the page. Of the author markup and boxes only the first that
    names someone counts: the later ones are most often comments' authors ("itemprop=author" in
    a comment) or the authors of related articles."""
    for obj in objects:
        if names := _names(obj.get("author")):
            return _found(tuple(dict.fromkeys(names)), "json-ld author")
    meta = _meta(tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    if meta and (names := clean_names(meta, lowercase=True)):
        return _found(tuple(names), "meta author")
    if (_meta(tree, "twitter:label1") or "").lower() == "written by":  # Yoast's reading card
        if names := clean_names(_meta(tree, "twitter:data1") or "", lowercase=True):
            return _found(tuple(names), "meta twitter:data1 (written by)")
    for k, xpath in enumerate(_AUTHOR_XPATHS):
        texts = [squash(e.text_content()) for e in tree.xpath(xpath)[:5]]
        found = [names for text in texts if len(text) <= 120 and (names := clean_names(text))]
        if found:  # every rel=author link (co-authors); of the markup and boxes, the first
            names = found[0] if k >= 1 else [n for ns in found for n in ns]
            return _found(tuple(dict.fromkeys(names)), _AUTHOR_SOURCES[k])
    return _found(tuple(_labelled_author(tree)), "a visible 'By' label")


_AUTHOR_SOURCES = ("rel=author links", "itemprop=author markup", "author-name markup", "byline or author box")


#: short texts with "by" or "author" in them (the XPath filters; Python sees a handful per page)
_LABEL_TEXT = ("//body//text()[string-length(normalize-space()) < 16][contains(translate(., 'BY', 'by'), 'by')"
               " or contains(translate(., 'AUTHOR', 'author'), 'author')]")
_BY_LABEL = re.compile(r"(?i)^(?:by|written by|posted by|words by|story by|author)\s*:?$")


def _labelled_author(tree) -> list[str]:
    """The name after a visible byline label: "<span>By</span> <a>Jane Doe</a>", or the label
    in one element and the name in the next ("<p>Written by</p><p>Jane Doe</p>").

    >>> import lxml.html
    >>> _labelled_author(lxml.html.fromstring("<div><p>Written by</p><p>Edzel Tabing</p></div>"))
    ['Edzel Tabing']
    >>> _labelled_author(lxml.html.fromstring("<div><span>By <a>Sofia Gonzalez</a></span></div>"))
    ['Sofia Gonzalez']
    """
    for node in tree.xpath(_LABEL_TEXT):
        label = squash(node).strip()
        if not _BY_LABEL.match(label):
            continue
        element = node.getparent()
        while element is not None and element.tag in _INLINE and squash(element.text_content()) == label:
            element = element.getparent()  # "<span>By</span>" alone: its paragraph
        if element is None:
            continue
        text = squash(element.text_content())
        rest = text[len(label):] if text.startswith(label) else ""
        if not rest.strip():
            following = element.getnext()
            rest = squash(following.text_content()) if following is not None else ""
        if 0 < len(rest) <= 60 and (names := clean_names(rest)):
            return names
    return []


def published(tree, url: str | None) -> Found | None:
    """The original publication date, found by htmldate (JSON-LD, meta tags, ``<time>``,
    visible dates, the URL); the cheap search first, the extensive one only when it fails.
    htmldate works on its own copy of the tree and never fetches."""
    from htmldate import find_date

    for extensive in (False, True):
        try:
            found = find_date(tree, url=url, original_date=True, extensive_search=extensive,
                              outputformat="%Y-%m-%d", deferred_url_extractor=True)
        except Exception:  # a page that trips htmldate loses its date, not its record
            found = None
        if found:
            return _found(found, "htmldate" + (" (extensive search)" if extensive else ""))
    return None


def language(tree) -> Found | None:
    """Two-letter code from ``<html lang>`` (or ``og:locale``).

    >>> import lxml.html
    >>> language(lxml.html.fromstring('<html lang="en-GB"><body><p>x</p></body></html>')).value
    'en'
    """
    value = tree.get("lang") or tree.get("xml:lang") or _meta(tree, "og:locale", "content-language") or ""
    code = re.split(r"[-_]", value.strip().lower())[0]
    return _found(code, "<html lang>") if re.fullmatch(r"[a-z]{2}", code) else None


def page_url(tree) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        href = link.get("href").strip()
        if href.startswith("http"):
            return href
    og = _meta(tree, "og:url")
    return og if og and og.startswith("http") else None


#: the page's footer, where the copyright notice stands (trafilatura leaves it out of the text)
_FOOTER_TEXT = ('//footer//text() | //*[contains(@class, "footer") or contains(@id, "footer")'
                ' or contains(@class, "copyright") or contains(@id, "copyright")]//text()')
_NOTICE_START = re.compile(r"(?i)^\s*(?:©|copyright\b|\(c\)\s*\d{4})")
_NOTICE_BODY = re.compile(r"(?i)\b(?:1[89]|20)\d\d\b|rights reserved")
_INLINE = {"a", "span", "strong", "b", "em", "i", "small", "time", "abbr"}
_MAX_NOTICE = 200


def copyright_notice(tree) -> str | None:
    """The copyright line of the page's footer: it starts with ©, "Copyright" or "(c) 2024" and
    has a year or "rights reserved" in it; the line of its paragraph, not the whole footer, and
    not the links after a "|".

    >>> from lxml import html as lh
    >>> copyright_notice(lh.fromstring("<body><p>Copyright law is old.</p><footer><div><span>©</span> "
    ...                                "2024 <a>Daily Planet</a>. All rights reserved.</div><a>Privacy</a></footer></body>"))
    '© 2024 Daily Planet. All rights reserved.'
    """
    for node in tree.xpath(_FOOTER_TEXT):
        if not ("©" in node or "opyright" in node or "(c)" in node.lower()):
            continue
        element = node.getparent()
        while element is not None and element.tag in _INLINE and element.getparent() is not None:
            element = element.getparent()
        for line in (element.text_content() if element is not None else "").split("\n"):
            notice = re.split(r"\s+[|·∙•]\s+", squash(line))[0]  # no "| Terms of Service | Privacy"
            if len(notice) <= _MAX_NOTICE and _NOTICE_START.match(notice) and _NOTICE_BODY.search(notice):
                return notice
    return None


def markup(tree, url: str | None) -> dict[str, Found]:
    """Every field the markup offers, each with where it came from (``Page.markup``)."""
    objects = list(_jsonld_objects(tree))
    found = {"headline": headline(tree, objects), "byline": byline(tree, objects),
             "published": published(tree, url), "language": language(tree),
             "copyright": _found(copyright_notice(tree), "the footer's copyright line")}
    return {k: v for k, v in found.items() if v is not None}
