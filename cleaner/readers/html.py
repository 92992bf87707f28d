"""HTML front door: parse safely, prune with the site packs' selectors, find the main content
with trafilatura, and hand its paragraphs to the same pipeline as a text dump.

Parsing never touches the network, resolves no entity and loads no DTD: lxml's HTML parser
with ``no_network`` and without ``huge_tree``; an XML declaration is dropped before parsing.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from copy import copy
from typing import Callable, Iterator, Mapping, NamedTuple

import lxml.etree
import lxml.html

from ..blocks import Block, squash
from ..errors import InputError
from ..page import Found, Page
from ..record import Removal
from ..rulepack import Pack
from ..textutil import is_prose, word_count
from . import html_container, html_meta, html_trafilatura
from .decision import Decision

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<(?:p|div|span|a|br|h[1-6]|table|li|meta|script|article|section)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for an HTML page (doctype, <html>, <head> or <body> first, or dense markup).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("Title\\n\\nText.")
    (True, False)
    """
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAGS.findall(head)) >= 5


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1251">')
    'windows-1251'
    """
    found = _META_CHARSET.search(head[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def _parser() -> lxml.html.HTMLParser:
    """lxml's HTML parser of UTF-8 bytes, whose elements are all ``HtmlElement``: lxml.html's
    own lookup of the element class (forms and inputs get classes of their own) is Python
    code run for every element that Python touches, a tenth of a page's time; this one is
    lxml's C lookup. The encoding is given: a ``<meta charset>`` of the page is not obeyed
    (the text was decoded already).

    >>> type(lxml.html.document_fromstring(b"<form><input></form>", parser=_parser()).find(".//input")).__name__
    'HtmlElement'
    """
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  huge_tree=False, recover=True, remove_blank_text=False, encoding="utf-8")
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_TITLE_SEARCH = 2_000


def close_runaway_title(text: str) -> str:
    r"""A ``<title>`` never closed would swallow the whole page (its content is raw text):
    close it at the end of its first line.

    >>> close_runaway_title("<title>News\n<body><p>Text</p>")
    '<title>News</title>\n<body><p>Text</p>'
    >>> close_runaway_title("<title>News</title><p>x</p>")
    '<title>News</title><p>x</p>'
    """
    opened = _TITLE_OPEN.search(text, 0, 20_000)
    if not opened or _TITLE_CLOSE.search(text, opened.end(), opened.end() + _TITLE_SEARCH):
        return text
    end = min((i for i in (text.find("\n", opened.end()), text.find("<", opened.end())) if i >= 0),
              default=len(text))
    return text[:end] + "</title>" + text[end:]


_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))


def xml_bytes(text: str) -> bytes:
    """``text`` as UTF-8 without the characters lxml refuses (NUL bytes, control characters,
    lone surrogates, U+FFFE and U+FFFF): dropped from the bytes when only control characters
    need to go (a fifth of the time of a search of the text).

    >>> xml_bytes("a\\x00b\\x0cc\\n"), xml_bytes("a\\ud800b\\uffff")
    (b'abc\\n', b'ab')
    """
    if "\ufffe" not in text and "\uffff" not in text:
        try:
            return text.encode("utf-8").translate(None, _CONTROL_BYTES)
        except UnicodeEncodeError:  # a lone surrogate
            pass
    return _NOT_XML_CHARS.sub("", text).encode("utf-8")


def parse_html(text: str) -> lxml.html.HtmlElement:
    """The page's tree; ``InputError('html', ...)`` when nothing can be parsed. NUL bytes,
    control characters and lone surrogates (which lxml refuses) are dropped first."""
    data = xml_bytes(close_runaway_title(_XML_DECLARATION.sub("", text, count=1)))
    try:
        tree = lxml.html.document_fromstring(data, parser=_parser())
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as exc:
        raise InputError("html", f"the HTML could not be parsed: {exc}") from None
    if tree is None:
        raise InputError("html", "the HTML could not be parsed: empty document")
    return tree


def read_html(text: str, url: str | None, choose_packs: Callable[[str | None], list[Pack]],
              fallback: bool = False, given: Mapping[str, Found] | None = None,
              furniture: html_container.Pattern | None = None,
              decision: Decision | None = None) -> tuple[Page, list[Pack]]:
    """The page and the packs that apply to it: parsed once; the markup's fields read (URL:
    the one given, else the canonical link); the packs chosen by that URL
    (``choose_packs``) prune the tree; the main content is found in what is left
    (``main_content_blocks``, with the page's lines read with ``furniture``; the blocks that
    are link text on the page are noted, ``Page.links``), weighed by ``decision``
    (``decision.yaml``). ``given``: fields the caller already knows, which stand over the
    markup's."""
    tree = parse_html(text)
    url = url or html_meta.page_url(tree)
    markup = {**html_meta.markup(tree, url), **(given or {})}
    packs = choose_packs(url)
    pruned = prune(tree, packs)
    # where the markup names no author (or only the site), the page's own lines are searched for a byline
    named = markup.get("byline") is not None and markup["byline"].kind != "site"
    lines = page_lines(tree) if not named and "agency" not in markup else ()
    decision = decision or Decision.load()
    reading = html_container.element_lines(tree, furniture, decision) if furniture is not None else None
    blocks, body_from = main_content_blocks(tree, url, fallback, reading, decision)
    links = html_container.link_blocks(reading, blocks, decision) if reading is not None else None
    return Page("html", tuple(blocks), markup, url, pruned, lines, body_from, links), packs


_PAGE_LINES = 3000  # a page's lines read at most
_PAGE_LINE_CHARS = 1000  # a longer line is cut (no byline is this long)


def page_lines(tree: lxml.html.HtmlElement) -> tuple[Block, ...]:
    """The whole page's text as lines, as a text dump of it reads (every block element, a
    ``<br>`` and a ``<time>`` start a line; scripts, styles and forms' options are skipped).

    >>> page = lxml.html.fromstring("<html><body><h1>Rates rise</h1><p>By <a>Ada Quill</a></p><script>x</script>"
    ...                             "<div>Text<br>more</div></body></html>")
    >>> [b.text for b in page_lines(page)]
    ['Rates rise', 'By Ada Quill', 'Text', 'more']
    """
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        return ()
    parts: list[str] = []
    walker = lxml.etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:  # no recursion here: a page may nest elements deep
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in html_container.NO_TEXT:
                walker.skip_subtree()  # its "end" comes all the same
                continue
            parts.append("\n" if tag in html_container.BLOCK_TAGS else "")
            parts.append(element.text or "" if tag else "")  # a comment's text is none
        else:
            parts.append("\n" if tag in html_container.BLOCK_TAGS else "")
            if element is not body:
                parts.append(element.tail or "")
    lines = [line for line in (squash(part)[:_PAGE_LINE_CHARS] for part in "".join(parts).split("\n")) if line]
    return tuple(Block(i, text) for i, text in enumerate(lines[:_PAGE_LINES]))


def own_lines(text: str, packs: list[Pack]) -> tuple[Block, ...]:
    """The page's own text as lines (``page_lines``), of a second parse with the packs'
    selectors applied: for the few pages whose main content came out short and whose lines
    the reader did not keep (``Cleaner`` reads them again as a text dump); the reader does
    not keep its tree.

    >>> [b.text for b in own_lines("<h1>Rates rise</h1><nav>Home</nav><p>The bank said so.</p>", [])]
    ['Rates rise', 'Home', 'The bank said so.']
    """
    tree = parse_html(text)
    prune(tree, packs)
    return page_lines(tree)


def prune(tree: lxml.html.HtmlElement, packs: list[Pack]) -> tuple[Removal, ...]:
    """Remove the elements that the packs' ``remove_html`` rules select (CSS or XPath)."""
    trace = []
    for pack in packs:
        for rule in pack.rules_of("remove_html"):
            try:
                found = tree.cssselect(rule.css) if rule.css else tree.xpath(rule.xpath)
            except Exception as exc:  # a selector the page makes fail must not stop the batch
                trace.append(Removal("html-rules", rule.ref, f"selector failed: {exc}", "", -1))
                continue
            elements = [e for e in found if isinstance(e, lxml.html.HtmlElement) and e.getparent() is not None]
            for element in elements:
                text = squash(element.text_content())[:200]
                element.drop_tree()
                trace.append(Removal("html-rules", rule.ref, rule.why, text, -1))
    return tuple(trace)


def _lines(element) -> list[str]:
    """The element's text, one entry per line it holds (``<br>`` and newlines split lines)."""
    return [line for line in (squash(part) for part in "".join(element.itertext()).split("\n")) if line]


def _element_blocks(element, kind_of) -> list[tuple[str, str]]:
    """(kind, text) for one element of trafilatura's output tree."""
    tag = element.tag
    if tag == "list":
        return [("li", " ".join(_lines(item))) for item in element.iter("item")]
    if tag == "table":
        return [("tr", " | ".join(" ".join(_lines(c)) for c in row.iter("cell"))) for row in element.iter("row")]
    return [(kind_of.get(tag, "p"), line) for line in _lines(element)]


_KINDS = {"head": "h", "p": "p", "quote": "quote", "code": "pre"}


def main_content_blocks(tree: lxml.html.HtmlElement, url: str | None, fallback: bool = False,
                        lines: list[html_container.Line] | None = None,
                        decision: Decision | None = None) -> tuple[list[Block], str | None]:
    """The main content as blocks, and where they came from when not from trafilatura alone.

    Found by trafilatura: fast (without its fallback extractors) unless ``fallback``, and
    then in the part of the page that holds nearly all its text (``html_container.region``
    of the page's ``lines``; the whole page when it finds nothing there); the lines of its
    container that it left out are put back (``html_container.fill``; neither is done when
    ``lines`` are None). When the result has some running text but mostly short lines (less
    than ``decision.min_prose_share``: a whole menu taken for the article), trafilatura runs
    again with its fallback extractors on what it read (the region, else the whole page), and
    that is taken when it keeps as much running text in fewer words, or in more words that
    are mostly running text (the article the menu stood for)."""
    decision = decision or Decision.load()
    where = html_container.region(lines, decision) if lines is not None and not fallback else None
    found = _extract_from(tree, where, url, fast=not fallback, page_chars=_chars(lines, where))
    # (trafilatura on the whole page: --explain says nothing)
    chooser = f"trafilatura reading {html_container.describe(where)}" if where is not None else None
    if where is not None and not found.blocks:  # nothing there for trafilatura (its rules want more of the page)
        found, chooser, where = _extract(tree, url, fast=True, page_chars=_chars(lines)), None, None
    blocks, how = found.blocks, chooser
    if lines is not None:
        blocks, filled = html_container.fill(lines, blocks, chooser or "trafilatura", decision)
        how = filled or how
    if not fallback and 0 < prose_share(blocks) < decision.min_prose_share:
        # (on the region, not the whole page: the same records on scrapinghub and fundus-dev, two
        # wcxb-dev pages up, and a fraction of the time where there is a region; what the main
        # extractor found there is not looked for again)
        retried = _extract_from(tree, where, url, fast=False, page_chars=_chars(lines, where), main=found.main).blocks
        if _prose_words(retried) >= _prose_words(blocks) and (
                _words(retried) < _words(blocks) or prose_share(retried) >= decision.min_prose_share):
            return retried, "trafilatura with its fallback extractors (the fast selection was mostly short lines)"
    return blocks, how


class Extraction(NamedTuple):
    """trafilatura's main content as blocks, and what its main extractor found
    (``html_trafilatura.Selection.main``; None when not kept) for its fallback extractors to
    be compared with on the same part of the page."""

    blocks: list[Block]
    main: tuple | None = None


def _extract_from(tree: lxml.html.HtmlElement, where, url: str | None, fast: bool,
                  page_chars: int | None, main: tuple | None = None) -> Extraction:
    """``_extract`` on the page of ``where`` alone (``_alone``), on ``tree`` when it is None."""
    if where is None:
        return _extract(tree, url, fast, page_chars, main)
    with _alone(where) as part:
        return _extract(part, url, fast, page_chars, main)


def prose_share(blocks: list[Block]) -> float:
    """Share of the words that stand in paragraphs of running text.

    >>> prose_share([Block(0, "Home"), Block(1, "The council voted on Tuesday to close the bridge.")])
    0.9
    """
    total = _words(blocks)
    return _prose_words(blocks) / total if total else 0.0


def _words(blocks: list[Block]) -> int:
    return sum(word_count(b.text) for b in blocks)


def _prose_words(blocks: list[Block]) -> int:
    return sum(word_count(b.text) for b in blocks if is_prose(b.text, 8))


@contextmanager
def _alone(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """A page of ``element`` alone: it is moved (not copied) into bare copies of its
    ancestors (their tags, attributes and own text, none of their other children; the
    page's JSON-LD, copied, in the head), and put back in its place afterwards.

    >>> page = lxml.html.fromstring("<html><body><nav>Home</nav><main id=m><p>Text</p></main><p>End</p></body></html>")
    >>> with _alone(page.find(".//main")) as part:
    ...     lxml.html.tostring(part)
    b'<html><head></head><body><main id="m"><p>Text</p></main></body></html>'
    >>> lxml.html.tostring(page)
    b'<html><body><nav>Home</nav><main id="m"><p>Text</p></main><p>End</p></body></html>'
    """
    parent = element.getparent()
    index = parent.index(element)
    root = None
    for ancestor in reversed(list(element.iterancestors())):
        bare = ancestor.makeelement(ancestor.tag, dict(ancestor.attrib))
        bare.text = ancestor.text
        if root is None:
            root = bare
            head = lxml.etree.SubElement(root, "head")
            head.extend(copy(script) for script in ancestor.iterfind(_JSON_LD))
        else:
            node.append(bare)
        node = bare
    node.append(element)
    try:
        yield root
    finally:
        parent.insert(index, element)


_JSON_LD = './/script[@type="application/ld+json"]'  # trafilatura reads a forum's page type there


def _chars(lines: list[html_container.Line] | None, within=None) -> int | None:
    """The length of the page's text by its ``lines`` (under ``within`` when given), for
    trafilatura's escalation (``html_trafilatura.select``); None without lines."""
    return html_container.text_chars(lines, within) if lines is not None else None


def _extract(tree: lxml.html.HtmlElement, url: str | None, fast: bool, page_chars: int | None,
             main: tuple | None = None) -> Extraction:
    """trafilatura's main content of ``tree``: fast (``html_trafilatura.select``) or with its
    fallback extractors (``html_trafilatura.with_fallbacks``, given what the fast selection's
    main extractor found, ``main``) where the page's text is measured (``page_chars``), else
    by ``bare_extraction``."""
    if page_chars is not None:
        if fast:
            selection = html_trafilatura.select(tree, url, page_chars)
            return Extraction(_output_blocks(selection.body), selection.main)
        return Extraction(_output_blocks(html_trafilatura.with_fallbacks(tree, url, page_chars, main)))
    import trafilatura

    # output_format "txt": the body tree alone, not also written out as text (it is read here)
    document = trafilatura.bare_extraction(tree, url=url, fast=fast, include_comments=False, include_tables=True,
                                           with_metadata=False, output_format="txt")
    return Extraction(_output_blocks(document.body if document is not None else None))


def _output_blocks(body) -> list[Block]:
    """The blocks of trafilatura's output tree (its ``<body>``), none for None."""
    if body is None:
        return []
    blocks: list[Block] = []
    pieces = [("p", line) for line in _text_lines(body.text)]
    for element in body:
        pieces += _element_blocks(element, _KINDS)
        pieces += [("p", line) for line in _text_lines(element.tail)]  # text with no element of its own
    for kind, text in pieces:
        if text:
            blocks.append(Block(len(blocks), text, kind))
    return blocks


def _text_lines(text: str | None) -> list[str]:
    return [line for line in (squash(part) for part in (text or "").split("\n")) if line]
