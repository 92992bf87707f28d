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
from datetime import date
from typing import Any, Iterator, Mapping, NamedTuple

from ..blocks import squash
from ..decode import repair_mojibake
from ..textutil import COPYRIGHT_MARK, fold
from ..page import Found
from ..rulepack import host_of
from ..fields.dates import date_line, label_line, machine_date, words_of
from ..fields.names import Reading, clean_names, default_words, read_names
from ..fields.titles import (as_printed_in, is_label, is_site_itself, names_the_site, site_suffix_removed,
                             tail_label_removed, title_similarity)

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "webpage",
                  "techarticle", "scholarlyarticle", "report", "posting", "socialmediaposting", "liveblogposting"}
_MAX_JSONLD = 200_000
_H1_SIMILARITY = 0.3
_H2_LOOK = 5  # the first few <h2>: the article's heading stands before its sub-headings
_H2_SIMILARITY = 0.7
_REL_AUTHOR = '//a[@rel="author"]'
_AUTHOR_NAME_CLASSES = ("author-name", "author__name", "byline__name", "authorName", "post-author")
_BOX_CLASS = re.compile("byline|author")  # the class of a byline or author box
_BOX_CHARS = 80  # a byline or author box has less text
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _author_elements(tree) -> Iterator[list]:
    """The elements that may name the page's authors, for each of ``_AUTHOR_SOURCES`` in turn,
    most specific first, each searched when asked: ``rel=author`` links, ``itemprop=author``
    markup, author-name markup (a class "author-name", "byline__name"...), byline or author
    boxes (a class with "byline" or "author" and less than ``_BOX_CHARS`` characters of text).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<body><p class="byline">By <b class="byline__name">Ann</b></p></body>')
    >>> [[e.tag for e in found] for found in _author_elements(page)]
    [[], [], ['b'], ['p', 'b']]
    """
    yield tree.xpath(_REL_AUTHOR)
    marked, authorish = _author_markup(tree)
    yield marked
    yield [e for e in authorish if any(name in e.get("class") for name in _AUTHOR_NAME_CLASSES)]
    yield [e for e in authorish if e.tag not in ("body", "html") and _BOX_CLASS.search(e.get("class"))
           and len(_XML_SPACE.sub(" ", e.text_content()).strip(" ")) < _BOX_CHARS]  # XPath's normalize-space


def _author_markup(tree) -> tuple[list, list]:
    """(the ``itemprop=name`` elements inside ``itemprop=author`` ones and the ``itemprop=author``
    elements without child elements; the elements whose class has "uthor" or "yline"), each in
    page order: what ``//*[@itemprop="author"]//*[@itemprop="name"] | //*[@itemprop="author" and
    not(*)]`` and ``//*[@class][contains(@class, "uthor") or contains(@class, "yline")]`` select,
    in one walk of the elements (a third of the time of the two XPaths).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><span itemprop="author"><b itemprop="name">Ann</b></span>'
    ...                             '<i itemprop="author">Bo</i><p class="byline">x</p></div>')
    >>> [[e.text for e in found] for found in _author_markup(page)]
    [['Ann', 'Bo'], ['x']]
    """
    props, authorish = [], []  # (the elements with itemprop author or name, in page order)
    for top in _tops(tree):
        for element in top.iter():
            if element.get("itemprop") in ("author", "name"):
                props.append(element)
            classes = element.get("class")
            if classes is not None and ("uthor" in classes or "yline" in classes):
                authorish.append(element)
    authors = {e for e in props if e.get("itemprop") == "author"}
    if not authors:
        return [], authorish
    marked = [e for e in props
              if (e.get("itemprop") == "name" and any(a in authors for a in e.iterancestors()))
              or (e.get("itemprop") == "author" and not any(isinstance(child.tag, str) for child in e))]
    return marked, authorish


Metas = Mapping[str, tuple[int, str]]


def _meta(tree, *names: str, metas: Metas | None = None) -> str | None:
    """The content of the first ``<meta>`` whose name/property/itemprop is one of ``names``
    (looked up in ``metas``, the page's ``meta_index``, when given).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><head><meta name="x" content=""><meta property="og:title" '
    ...                             'content="B"><meta name="X" content=" A "></head></html>')
    >>> _meta(page, "x", "og:title"), _meta(page, "x", metas=meta_index(page))
    ('B', 'A')
    """
    index = meta_index(tree) if metas is None else metas
    found = [index[key] for key in {n.lower() for n in names} if key in index]
    return min(found)[1] if found else None


def meta_index(tree) -> Metas:
    """Each name (or property, or itemprop) of the page's ``<meta>`` elements, lowercased ->
    the place and the content of the first one that has content: the page's ``<meta>`` read
    once for all the fields that ask."""
    index: dict[str, tuple[int, str]] = {}
    for place, meta in enumerate(tree.iter("meta")):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key not in index and (content := meta.get("content")):
            index[key] = (place, squash(content))
    return index


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


def _names(value: Any, people_only: bool = True, graph: dict | None = None) -> Reading:
    """What a JSON-LD author value (string, object, a reference to an object of the page's
    graph, or a list of these) names: persons and agencies; organisations (the publisher) are
    no byline, unless an agency.

    >>> _names([{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Daily Planet"}])
    Reading(names=('Jane Doe',), agencies=(), outlets=(), dated=False, roled=False, unknown=0, rest='', date='', lead=0, group=False)
    >>> _names([{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "dpa"}]).agencies
    ('dpa',)
    >>> _names({"@id": "#jane"}, graph={"#jane": {"@type": "Person", "name": "Jane Doe"}}).names
    ('Jane Doe',)
    """
    if isinstance(value, str):
        return read_names(value, markup=True, lowercase=True)
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str) and graph:
            value = graph.get(value["@id"], value)  # Yoast: {"@id": ".../#/schema/person/..."}
        if people_only and "organization" in _types(value):
            return Reading((), _names(value.get("name", ""), people_only).agencies)  # an agency still counts
        return _names(value.get("name", ""), people_only)
    if isinstance(value, list):
        readings = [_names(v, people_only, graph) for v in value]
        return Reading(tuple(dict.fromkeys(n for r in readings for n in r.names)),
                       tuple(dict.fromkeys(a for r in readings for a in r.agencies)))
    return Reading()


def _graph(tree) -> dict:
    """Every JSON-LD object of the page with an ``@id``, by it (read only when an author is a
    reference)."""
    found: dict = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads((script.text or "")[:_MAX_JSONLD])]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@id"), str):
                    found.setdefault(item["@id"], item)
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return found


def headline(tree, objects: list[dict], metas: Metas | None = None) -> Found | None:
    """The page's own heading (``_page_heading``), else ``og:title``, JSON-LD ``headline`` or
    ``<title>``, each without a site name; mojibake in it repaired."""
    titles = _Titles.of(tree, objects, metas)
    value, source = _page_heading(tree, titles) or _announced_title(titles)
    return _found(repair_mojibake(value), source) if value else None


class _Titles(NamedTuple):
    """What the page's head says its title is: ``<title>``, ``og:title`` (``printed``: without
    its site name), ``og:site_name``, the JSON-LD headline, and the footer's text (where a
    site name is named)."""

    title: str
    og: str
    printed: str
    site: str
    ld: str
    page: str

    @classmethod
    def of(cls, tree, objects: list[dict], metas: Metas | None = None) -> "_Titles":
        og = _meta(tree, "og:title", "twitter:title", metas=metas) or ""
        site = _meta(tree, "og:site_name", metas=metas) or ""
        page = "\n".join([site] + [f.text_content() for f in tree.iter("footer")][:1])
        ld = next((squash(o["headline"]) for o in objects
                   if isinstance(o.get("headline"), str) and o["headline"].strip()), "")
        return cls(squash(tree.findtext(".//title") or ""), og, site_suffix_removed(og, page) if og else "",
                   site, ld, page)

    @property
    def reference(self) -> str:
        """The title a heading is compared with: ``og:title``, else ``<title>``."""
        return self.og or self.title


#: an element in a breadcrumb trail or a navigation bar (its ``<h1>`` is a copy of the title)
_IN_CRUMBS = ("ancestor-or-self::*[not(self::body)][self::nav or contains(@class, 'crumb')"
              " or contains(@id, 'crumb')]")


def _page_heading(tree, t: _Titles) -> tuple[str, str] | None:
    """(heading, source): the ``<h1>`` most like the title; a label unlike the title is none
    (the blog's or section's name: "Yoga Pathways"), nor is the site's name. An ``<h1>`` in a
    breadcrumb trail or a ``<nav>`` is often a copy of the title for search engines: when one
    of the first ``<h2>`` says what a title or the JSON-LD headline says, that is the heading
    the reader sees (so too when the only ``<h1>`` is a label). The heading is taken as
    ``og:title`` prints it when that is the heading with a kicker before a colon, or the
    kicker and the headline that the heading runs together; a label after a separator that
    the page's title has too goes ("| Opinion")."""
    reference = t.reference
    h1s = [(line, bool(h.xpath(_IN_CRUMBS))) for h in tree.iter("h1")
           if _heading_words(line := _heading_line(h, reference), t.title)]
    plain = [line for line, crumb in h1s if not crumb and not names_the_site(line, t.title, t.site) and not (
        is_label(line) and len(reference.split()) > 3 and title_similarity(reference, line) < _H1_SIMILARITY
        and not fold(t.title).startswith(fold(line)))]
    alike = [line for line in plain if title_similarity(line, reference) >= _H1_SIMILARITY]
    if alike:
        best = max(alike, key=lambda line: (title_similarity(line, reference), len(line.split())))
        return as_printed_in(tail_label_removed(best, (t.title, t.og)), t.printed), "<h1>"
    if plain:
        return plain[0], "<h1>"
    shown = _shown_heading(tree, t) if h1s else None
    if shown:
        return shown, "<h2>"
    crumbed = [line for line, crumb in h1s if crumb]
    return (max(crumbed, key=lambda line: title_similarity(line, reference)), "<h1>") if crumbed else None


def _heading_words(line: str, title: str) -> bool:
    """A heading of two words or more, or of the one word the page title opens with (a
    dictionary's "restaurant"; a lone "Menu" or "Search" is none).

    >>> _heading_words("budget", "BUDGET Definition & Meaning"), _heading_words("Menu", "Rates rise | Post")
    (True, False)
    """
    words = line.split()
    return len(words) >= 2 or (len(words) == 1 and fold(title).startswith(fold(line) + " "))


def _shown_heading(tree, t: _Titles) -> str | None:
    """One of the first ``<h2>`` that says what a title or the JSON-LD headline says (much
    alike both ways), as ``og:title`` prints it."""
    titles = [x for x in (t.printed, t.ld, site_suffix_removed(t.title, t.page)) if x]
    for h in tree.xpath(f"//h2[not({_IN_CRUMBS})]")[:_H2_LOOK]:
        line = _heading_line(h, t.reference)
        if len(line.split()) >= 2 and any(min(title_similarity(line, x), title_similarity(x, line)) >= _H2_SIMILARITY
                                          for x in titles):
            return as_printed_in(line, t.printed)
    return None


def _announced_title(t: _Titles) -> tuple[str, str]:
    """(title, source) from the page's head: ``og:title``, the JSON-LD headline or
    ``<title>``, without a site name or a label after a separator ("– Nationwide")."""
    if t.og:
        return tail_label_removed(t.printed, (t.printed,)), "og:title"
    if t.ld:
        return t.ld, "json-ld headline"
    return tail_label_removed(site_suffix_removed(t.title, t.page), (t.title,)), "<title>"


def _found(value, source: str) -> Found | None:
    """Markup evidence, or None for an empty value."""
    return Found(value, source, "markup") if value else None


def _heading_line(heading, reference: str) -> str:
    """The line of a heading (an element, or its text) most like the page title (the longest
    of equals), with entities the page left undecoded decoded: a heading that also holds a
    "Posted on ... by" line, a kicker or a menu button keeps its title. The parts of a heading
    made of elements only (a kicker's ``<span>`` and the headline's) are lines too, and so
    are they run together.

    >>> _heading_line("\\n  Rates rise again \\n Posted on July 1, 2024 by", "Rates rise again | Post")
    'Rates rise again'
    >>> _heading_line("Ann's blog\\nThe Fold-and-Cut Problem", "The Fold-and-Cut Problem"), _heading_line("SQL &#x26; AI", "")
    ('The Fold-and-Cut Problem', 'SQL & AI')
    >>> import lxml.html
    >>> h2 = lxml.html.fromstring("<h2><span>Olympia</span><span>Germany beat France</span></h2>")
    >>> _heading_line(h2, "Germany beat France | Sport"), _heading_line(h2, "Olympia: Germany beat France")
    ('Germany beat France', 'Olympia Germany beat France')
    """
    text = heading if isinstance(heading, str) else heading.text_content()
    lines = text.splitlines()
    if not isinstance(heading, str) and len(heading) > 1 and not (heading.text or "").strip() \
            and not any((child.tail or "").strip() for child in heading):
        parts = [child.text_content() for child in heading]
        lines += parts + [" ".join(parts)]
    lines = [" ".join(html.unescape(line).split()) for line in lines if line.strip()]
    return max(lines, key=lambda line: (title_similarity(line, reference), len(line.split())), default="")


def agency(tree, objects: list[dict]) -> Found | None:
    """The news agency the author markup names, in place of a person or beside the persons
    (JSON-LD ``author`` "dpa", or [a person, "AP"]; ``<meta name=author content="Associated
    Press">``), for the record's ``agency``.

    >>> import lxml.html
    >>> agency(lxml.html.fromstring('<html><head><meta name="author" content="dpa"></head><body></body></html>'), []).value
    'dpa'
    >>> agency(lxml.html.fromstring('<html><body></body></html>'), [{"author": [{"name": "Ada Quill"}, {"name": "AP"}]}]).value
    'AP'
    """
    return authors(tree, objects)[1]  # (markup() asks ``authors`` for both at once)


def authors(tree, objects: list[dict], metas: Metas | None = None) -> tuple[Found | None, Found | None]:
    """(byline, agency) from one search of the page. Authors: JSON-LD people > ``meta[name=author]`` > Yoast's "Written by" card >
    ``rel=author`` links, author markup and byline or author boxes on the page > a visible
    "By" label. An author string with the site's address ("Daily Planet (www.dailyplanet.example)") is
    the site's, not an author's: the next source is asked. A source that names an agency alone
    ("dpa") ends the search: the article has no person's byline (``agency`` gives the agency).
    When the first box on the page names the markup's author and more persons, its co-authors
    are taken too. Of the author markup and boxes only the first that names someone counts:
    the later ones are most often comments' authors ("itemprop=author" in a comment) or the
    authors of related articles."""
    source, reading = _first_author(tree, objects, metas)
    names = _found(_with_coauthors(reading.names, tree, source), source) if reading.names else None
    return names, _found(reading.agency, source) if reading.agency else None


def _first_author(tree, objects: list[dict], metas: Metas | None = None) -> tuple[str, Reading]:
    """(source, what it names) of the first source that names a person or an agency."""
    for source, reading in _author_sources(tree, objects, metas):
        if reading.names or reading.agencies:
            return source, reading
    return "", Reading()


def _author_sources(tree, objects: list[dict], metas: Metas | None = None) -> Iterator[tuple[str, Reading]]:
    """(source, what it names) for each place the page names its authors, in order."""
    graph = None
    for obj in objects:
        author = obj.get("author")
        if isinstance(author, (dict, list)) and graph is None and "@id" in json.dumps(author)[:2000]:
            graph = _graph(tree)
        yield "json-ld author", _names(author, graph=graph)
    metas = meta_index(tree) if metas is None else metas
    meta = _meta(tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", metas=metas)
    if meta and not _SITE_ADDRESS.search(meta):  # "Daily Planet (www.dailyplanet.example)": the site
        yield "meta author", read_names(meta, markup=True, lowercase=True)
    if (_meta(tree, "twitter:label1", metas=metas) or "").lower() == "written by":  # Yoast's reading card
        card = _meta(tree, "twitter:data1", metas=metas) or ""
        yield "meta twitter:data1 (written by)", read_names(card, markup=True, lowercase=True)
    for k, elements in enumerate(_author_elements(tree)):
        texts = [squash(e.text_content()) for e in elements[:5]]
        found = [reading for text in texts if len(text) <= _BOX_TEXT and (reading := read_names(text, markup=True))]
        if found:  # every rel=author link (co-authors); of the markup and boxes, the first
            names = [n for r in found for n in r.names] if k == 0 else list(found[0].names)
            yield _AUTHOR_SOURCES[k], Reading(tuple(dict.fromkeys(names)), found[0].agencies)
    yield "a visible 'By' label", Reading(tuple(_labelled_author(tree)))


def _boxes(elements: list) -> list[list]:
    """The author elements a page matches, grouped by box: an element inside another one
    belongs to that one's box (a byline box and the names in it), so does one beside the last
    one (a list of names), in page order.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><p class="byline">By <b class="byline__name">Ann</b></p><p>x</p></div>')
    >>> [[e.tag for e in box] for box in _boxes(page.xpath('//*[contains(@class, "byline")]'))]
    [['p', 'b']]
    """
    boxes: list[list] = []
    for element in elements[:_BOX_ELEMENTS]:
        if boxes and any(e is boxes[-1][0] for e in element.iterancestors()):
            boxes[-1].append(element)
        elif boxes and element.getparent() is boxes[-1][-1].getparent():
            boxes[-1].append(element)  # the next name of a list of authors
        else:
            boxes.append([element])
    return boxes


def _box_persons(box: list) -> tuple[str, ...]:
    """The persons a byline box names, each of its inner author elements read as a line of
    the text ("Lucy ThorneNews Reporter", "Tom HanleyNews Reporter"), its own text when it has
    none; what holds anything else than names, roles and dates names no one.

    >>> import lxml.html
    >>> box = lxml.html.fromstring('<p class="byline">By <b class="n">Ann Lee</b> <b class="n">Max Roe</b></p>')
    >>> _box_persons([box, *box.xpath('//b')])
    ('Ann Lee', 'Max Roe')
    """
    inner = box[1:] if box[1:] and any(e is box[0] for e in box[1].iterancestors()) else box
    readings = [read_names(squash(e.text_content())) for e in inner]
    # an element with a job title names one person: "Elena LinkMarketing Operations Analyst"
    return tuple(dict.fromkeys(n for r in readings if not r.unknown for n in (r.names[:1] if r.roled else r.names)))


def _with_coauthors(names: tuple[str, ...], tree, source: str) -> tuple[str, ...]:
    """The markup's authors, or the first byline box's persons when it names them all and more
    (the markup often names the first author only)."""
    if source not in ("json-ld author", "meta author"):
        return names
    for elements in _author_elements(tree):
        box = next((p for b in _boxes(elements) if (p := _box_persons(b))), None)
        if box is None:
            continue
        return box if {_fold_name(n) for n in names} < {_fold_name(n) for n in box} else names
    return names


def _fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


_AUTHOR_SOURCES = ("rel=author links", "itemprop=author markup", "author-name markup", "byline or author box")
_BOX_ELEMENTS = 12  # author elements read per XPath
_SITE_ADDRESS = re.compile(r"(?i)\bwww\.|https?://|\(\s*[\w-]+(?:\.[\w-]+)+\s*\)")
_BOX_TEXT = 120  # a box with a longer text is no byline


#: short texts that may be a byline's label ("By", "Von", "Autorin/Autor", "Par"): Python
#: compares them with the vocabulary's prefixes
_LABEL_TEXT = "//body//text()[string-length(normalize-space()) < 24]"


def _labelled_author(tree) -> list[str]:
    """The name after a visible byline label: "<span>By</span> <a>Jane Doe</a>", or the label
    in one element and the name in the next ("<p>Written by</p><p>Jane Doe</p>").

    >>> import lxml.html
    >>> _labelled_author(lxml.html.fromstring("<div><p>Written by</p><p>Edzel Tabing</p></div>"))
    ['Edzel Tabing']
    >>> _labelled_author(lxml.html.fromstring("<div><span>By <a>Sofia Gomez</a></span></div>"))
    ['Sofia Gomez']
    >>> _labelled_author(lxml.html.fromstring("<div><span>Autorin/Autor</span> <a>Roman Goncharenko</a></div>"))
    ['Roman Goncharenko']
    """
    words = default_words()
    prefixes = {p.casefold() for p in words.byline_prefixes}
    roles = {r.casefold() for r in words.roles}
    for node in tree.xpath(_LABEL_TEXT):
        word = " ".join(node.split()).rstrip(": ").casefold()
        if word not in prefixes:
            continue
        label = squash(node).strip()
        if word in roles and not label.endswith(":"):
            continue  # "Reporter" alone is as often a menu's item as "Reporter:" a label
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
        if 0 < len(rest) <= 60 and (names := clean_names(rest, words=words)):
            return names
    return []


#: where the markup names the publication date, most specific first
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "datePublished",
                   "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                   "dc.date", "dcterms.date", "pubdate", "publishdate", "publish-date", "date")
#: the text around the page's headline where a date is printed: how many text pieces after
#: the ``<h1>`` and before it
_AFTER_H1, _BEFORE_H1 = 25, 4
_TEXT_AFTER_H1 = ("following::text()[normalize-space()][not(ancestor::script or ancestor::style"
                  " or ancestor::noscript)][position() <= $n]")
_TEXT_BEFORE_H1 = ("preceding::text()[normalize-space()][not(ancestor::script or ancestor::style"
                   " or ancestor::noscript)][position() <= $n]")
#: the metadata that must be ISO 8601 (schema.org's datePublished, Open Graph's published_time)
_ISO_META = {"article:published_time", "og:article:published_time", "og:published_time", "datePublished"}
_ISO_START = re.compile(r"\d{4}-\d\d-\d\d")
_PRINTED_ORDER = {"published": 0, None: 1, "updated": 2}
_PROSE_WORDS = 25


def _iso_8601(value: Any) -> str | None:
    """An ISO 8601 date of the metadata (schema.org and Open Graph dates are ISO 8601: a
    value in another form, "Jun 24, 2025", is a template's doing, often the day of the visit),
    normalised (see ``machine_date``).

    >>> _iso_8601("2025-06-24T10:00:00Z"), _iso_8601("Jun 24, 2025"), _iso_8601(None)
    ('2025-06-24T10:00:00+00:00', None, None)
    """
    if not isinstance(value, str) or not _ISO_START.match(value.strip()):
        return None
    return machine_date(value)


def _structured_date(tree, objects: list[dict] | None = None, metas: Metas | None = None) -> Found | None:
    """The publication date the page's metadata gives: JSON-LD ``datePublished`` of the
    article, else a ``<meta>`` (``article:published_time``...) or ``itemprop=datePublished``;
    with the time and offset when given; what schema.org and Open Graph define as ISO 8601 only
    when it is.

    >>> import lxml.html
    >>> _structured_date(lxml.html.fromstring('<html><head><meta property="article:published_time" '
    ...                  'content="2024-03-12T08:00:00Z"></head><body><p>x</p></body></html>'))
    Found(value='2024-03-12T08:00:00+00:00', source='meta article:published_time', kind='markup')
    """
    for obj in _jsonld_objects(tree) if objects is None else objects:
        if (iso := _iso_8601(obj.get("datePublished"))) is not None:
            return _found(iso, "json-ld datePublished")
    metas = meta_index(tree) if metas is None else metas
    for name in _PUBLISHED_META:
        value = _meta(tree, name, metas=metas) or ""
        if iso := (_iso_8601(value) if name in _ISO_META else machine_date(value)):
            return _found(iso, f"meta {name}")
    for element in tree.xpath('//*[@itemprop="datePublished"][@datetime or @content]')[:1]:
        if iso := machine_date(element.get("datetime") or element.get("content")):
            return _found(iso, "itemprop=datePublished")
    return None


def _printed_date(tree) -> Found | None:
    """The date printed beside the page's headline (its first ``<h1>`` of two words or more):
    the text pieces after it until the article's text begins, then the few before it, read as
    the text path reads date lines (``cleaner/fields/dates.py``) in the page's language; a
    ``<time datetime>`` gives its machine-readable value (unless it is a day off the printed
    day: a UTC time of a date printed in local time). The published date first, then an
    unlabelled one, then an update date.

    >>> import lxml.html
    >>> _printed_date(lxml.html.fromstring('<html><body><h1>Rates rise again</h1><p>By Ann Lee</p>'
    ...   '<p><span>Updated</span> <time datetime="2024-03-12T10:32:00+01:00">12 March 2024</time></p>'
    ...   '</body></html>')).value
    '2024-03-12T10:32:00+01:00'
    """
    h1 = next((h for h in tree.iter("h1") if len(h.text_content().split()) >= 2), None)
    if h1 is None:
        return None
    words = words_of(_lang_code(tree))
    after = h1.xpath(_TEXT_AFTER_H1, n=_AFTER_H1)
    before = list(reversed(h1.xpath(_TEXT_BEFORE_H1, n=_BEFORE_H1)))
    found = _printed_dates(after, words, 0) + _printed_dates(before, words, len(after))
    if not found:
        return None
    _, _, iso, kind, text = min(found)
    return _found(iso, f"the {'update ' if kind == 'updated' else ''}date by the <h1>: {text[:60]!r}")


def _printed_dates(nodes: list, words, first: int) -> list[tuple]:
    """(rank, order, ISO date, label, text) of the date lines among text pieces, a label alone
    labelling the next; past a paragraph of running text only strict ones (photo captions
    with their dates stand there)."""
    found, label, strict = [], None, False
    for order, node in enumerate(nodes, first):
        text = squash(str(node))
        if len(text.split()) >= _PROSE_WORDS:
            label, strict = None, True
            continue
        stamp = date_line(text, words, strict=strict)
        if stamp is None:
            label = label_line(text, words)
            continue
        parent = node.getparent()
        machine = machine_date(parent.get("datetime") or "") if parent is not None and parent.tag == "time" else None
        if machine is None or _next_day(machine[:10], stamp.day_iso):
            machine = stamp.iso  # a UTC datetime a day off the day printed: the printed day stands
        found.append((_PRINTED_ORDER[stamp.label or label], order, machine, stamp.label or label, text))
        label = None
    return found


def _next_day(one: str, other: str) -> bool:
    """Whether two ISO days are a day apart.

    >>> _next_day("2026-02-24", "2026-02-23"), _next_day("2025-12-02", "2025-02-12")
    (True, False)
    """
    try:
        return abs((date.fromisoformat(one) - date.fromisoformat(other)).days) == 1
    except ValueError:
        return False


def _lang_code(tree) -> str | None:
    """The page's two-letter language code, if it says one."""
    said = language(tree)
    return said.value if said is not None else None


def published(tree, url: str | None, objects: list[dict] | None = None,
              metas: Metas | None = None) -> Found | None:
    """The publication date, with its time and offset when the page gives them: what the
    metadata says (JSON-LD, ``<meta>``), else the date printed by the headline, else what
    htmldate finds (``<time>``, visible dates, the URL: one call with its extensive search,
    which tries the cheap one first; htmldate works on its own copy of the tree and never
    fetches).
    ``objects``, ``metas``: the page's JSON-LD objects (``_jsonld_objects``) and ``<meta>``
    (``meta_index``), when read already."""
    from htmldate import find_date

    if (found := _structured_date(tree, objects, metas) or _printed_date(tree)) is not None:
        return found
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%d", deferred_url_extractor=True)
    except Exception:  # a page that trips htmldate loses its date, not its record
        found = None
    return _found(found, "htmldate") if found else None


def language(tree, metas: Metas | None = None) -> Found | None:
    """Two-letter code from ``<html lang>`` (or ``og:locale``).

    >>> import lxml.html
    >>> language(lxml.html.fromstring('<html lang="en-GB"><body><p>x</p></body></html>')).value
    'en'
    """
    value = tree.get("lang") or tree.get("xml:lang") or _meta(tree, "og:locale", "content-language", metas=metas) or ""
    code = re.split(r"[-_]", value.strip().lower())[0]
    return _found(code, "<html lang>") if re.fullmatch(r"[a-z]{2}", code) else None


def page_url(tree) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        href = link.get("href").strip()
        if href.startswith("http"):
            return href
    og = _meta(tree, "og:url")
    return og if og and og.startswith("http") else None


#: the class and id words of the page's footer, where the copyright notice stands (trafilatura
#: leaves it out of the text); a ``<footer>`` is one too
_FOOTER_WORDS = ("footer", "copyright")
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
    for element in _footer_marks(tree):
        while element is not None and element.tag in _INLINE and element.getparent() is not None:
            element = element.getparent()
        for line in (element.text_content() if element is not None else "").split("\n"):
            notice = re.split(r"\s+[|·∙•]\s+", squash(line))[0]  # no "| Terms of Service | Privacy"
            if len(notice) <= _MAX_NOTICE and COPYRIGHT_MARK.match(notice) and _NOTICE_BODY.search(notice):
                return notice
    return None


def _footer_marks(tree) -> list:
    """The elements whose own text, or the text after them, has a copyright mark ("©",
    "opyright", "(c)") and stands in the footer, in page order (the text's order). One walk
    of the elements in Python: the marks are searched in each text first, which an XPath
    over the footers' text does after building the whole list of it (twice as slow).

    >>> from lxml import html as lh
    >>> page = lh.fromstring('<div><p>© me</p><div class="site-footer"><p><b>x</b> © 2024</p>© tail</div>(C) out</div>')
    >>> [e.tag for e in _footer_marks(page)]
    ['b', 'p']
    """
    found = []  # (page order, element)
    for top in _tops(tree):
        for element in top.iter():
            text, tail = element.text, element.tail
            if text and _marked(text) and isinstance(element.tag, str) and _in_footer(element):
                found.append((_page_order(element, tail=False), element))
            if tail and _marked(tail) and (parent := element.getparent()) is not None and _in_footer(parent):
                found.append((_page_order(element, tail=True), element))
    return [element for _, element in sorted(found, key=lambda pair: pair[0])]


def _tops(tree) -> tuple:
    """The top elements of ``tree``'s document in page order: the root and those beside it (a
    second ``<html>`` after the first), whose elements XPath's "//" searches too (each
    ``top.iter()`` in turn: every element of the document, in page order)."""
    root = tree.getroottree().getroot()
    return (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings())


def _marked(text: str) -> bool:
    """A copyright mark: "©", "opyright", "(c)" or "(C)"."""
    return "©" in text or "opyright" in text or "(c)" in text or "(C)" in text


def _in_footer(element) -> bool:
    """``element`` is a ``<footer>``, an element with "footer" or "copyright" in its class or
    id, or inside one."""
    for e in (element, *element.iterancestors()):
        names = f"{e.get('class') or ''} {e.get('id') or ''}"
        if e.tag == "footer" or any(word in names for word in _FOOTER_WORDS):
            return True
    return False


def _page_order(element, tail: bool) -> tuple:
    """Where ``element``'s own text (or its tail) stands in the page, as a key to sort by: the
    indexes of its ancestors' children down to it, then -1 for its text (before its
    children), or its own index and a half for its tail (after them); the top element's
    place among the document's top elements first."""
    path = []
    child = element
    for parent in element.iterancestors():
        path.append(parent.index(child))
        child = parent
    path.append(sum(1 for _ in child.itersiblings(preceding=True)))  # the top element's place
    path.reverse()
    return (*path[:-1], path[-1] + 0.5) if tail else (*path, -1)


def _or_site(found: Found | None, tree, url: str | None, metas: Metas | None = None) -> Found | None:
    """The markup's authors, as ``site`` evidence when they are only the site's own name
    (``og:site_name``, or its host's name): a line of the page that names a person stands
    over it (``cleaner/fields/resolve.py``)."""
    if found is None:
        return None
    host, site = host_of(url), _meta(tree, "og:site_name", metas=metas) or ""
    if all(is_site_itself(name, host, site) for name in found.value):
        return Found(found.value, f"{found.source}, the site's own name", "site")
    return found


def markup(tree, url: str | None) -> dict[str, Found]:
    """Every field the markup offers, each with where it came from (``Page.markup``)."""
    objects, metas = list(_jsonld_objects(tree)), meta_index(tree)  # read once for every field
    names, agency_named = authors(tree, objects, metas)
    found = {"headline": headline(tree, objects, metas), "byline": _or_site(names, tree, url, metas),
             "agency": agency_named, "published": published(tree, url, objects, metas),
             "language": language(tree, metas),
             "copyright": _found(copyright_notice(tree), "the footer's copyright line")}
    return {k: v for k, v in found.items() if v is not None}
