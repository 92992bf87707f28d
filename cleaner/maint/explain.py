"""What happened to every paragraph of one input: kept, trimmed, or removed by which rule
(with the pack's ``why``) or heuristic; for HTML, the element each paragraph came from (a
short CSS path) and a selector a ``remove_html`` rule could use.

``pick`` chooses one document of any input ``clean-articles`` reads (a ``.gz``, one record of
a WARC or one line of a feed by its id, URL or place).

>>> from cleaner import Settings
>>> text = "Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, closing roads.\\n\\nREAD MORE"
>>> [(line.status, line.rule) for line in explain(text).lines]
[('removed', 'page-title'), ('kept', None), ('removed', 'generic/read-more-link')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..blocks import squash
from ..core import Cleaner
from ..io.inputs import expand
from ..io.sources import Doc, Feed, read_input
from ..record import Article, Removal
from ..settings import Settings


@dataclass(frozen=True)
class Line:
    """One block of the input and what became of it."""

    index: int
    text: str
    status: str          # kept | trimmed | removed
    step: str | None = None
    rule: str | None = None
    why: str | None = None
    #: HTML: a short CSS path of the element the block came from, and a selector for it
    element: str | None = None
    selector: str | None = None

    def to_dict(self) -> dict:
        return {"index": self.index, "status": self.status, "step": self.step, "rule": self.rule,
                "why": self.why, "text": self.text, "element": self.element, "selector": self.selector}


@dataclass(frozen=True)
class Explanation:
    record: Article
    lines: tuple[Line, ...]
    pruned: tuple[Removal, ...]  # HTML elements removed before extraction

    def to_dict(self) -> dict:
        record = self.record.to_dict()
        record.pop("removed", None)
        return {"record": record, "pruned": [r.to_dict() for r in self.pruned],
                "lines": [line.to_dict() for line in self.lines]}


def explain(data: str | bytes, *, url: str | None = None, settings: Settings | None = None,
            cleaner: Cleaner | None = None, doc_id: str | None = None, source: str | None = None) -> Explanation:
    """Clean one input and say, block by block, what was kept and what removed, and why."""
    cleaner = cleaner or Cleaner((settings or Settings()).replace(explain=True))
    record, blocks = cleaner.trace(data, url=url, doc_id=doc_id, source=source)
    whys = {r.ref: r.why for pack in cleaner.packs.all for r in pack.rules}
    by_index: dict[int, list[Removal]] = {}
    for removal in record.removed or ():
        by_index.setdefault(removal.index, []).append(removal)
    kept = record.paragraphs
    elements = element_paths(data, blocks)
    lines = []
    for block in blocks:
        removals = by_index.get(block.index, [])
        in_body = any(p == block.text or p in block.text for p in kept) if removals else True
        if not removals:
            lines.append(Line(block.index, block.text, "kept"))
        elif in_body:
            first = removals[0]
            lines.append(Line(block.index, block.text, "trimmed", first.step, first.rule,
                              f"{whys.get(first.rule, first.reason)}: {first.text!r}"))
        else:
            last = removals[-1]  # earlier ones trimmed it; this one took the rest
            before = "".join(f" (after {r.rule} took {r.text!r})" for r in removals[:-1])
            lines.append(Line(block.index, block.text, "removed", last.step, last.rule,
                              whys.get(last.rule, last.reason) + before))
    if elements:
        lines = [replace(line, element=found[0], selector=found[1]) if (found := elements.get(line.index)) else line
                 for line in lines]
    pruned = tuple(r for r in record.removed or () if r.index < 0)
    return Explanation(record, tuple(lines), pruned)


def pick(path: str, wanted: str | None = None, feed: Feed = Feed()) -> Doc:
    """One document of an input (a file of any kind ``clean-articles`` reads): the one whose
    id, URL or place (``#offset``, ``:line``) is ``wanted``, else the first. ``LookupError``
    when there is none.

    >>> pick("seeds/003_14e36000ea184500.txt").doc_id
    '003_14e36000ea184500'
    """
    for item in expand([path]):
        for doc in read_input(item, feed):
            if wanted is None or wanted in (doc.doc_id, doc.url) or doc.source.endswith(wanted):
                return doc
    raise LookupError(f"{path}: no document" + (f" with id, URL or place {wanted!r}" if wanted else ""))


_BLOCKISH = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "a", "blockquote",
             "figcaption", "section", "article", "header", "footer", "aside", "nav", "time", "address", "pre"}


def element_paths(data: str | bytes, blocks) -> dict[int, tuple[str, str | None]]:
    """HTML: block index -> (CSS path of the element it came from, a selector for a
    ``remove_html`` rule: the nearest id, else class). Empty for a text dump."""
    from ..decode import decode_bytes
    from ..readers import html

    text = decode_bytes(data, html.declared_charset(data[:4096]))[0] if isinstance(data, bytes) else data
    if not html.looks_like_html(text):
        return {}
    tree = html.parse_html(text)
    elements = [(e, squash(e.text_content())) for e in tree.iter() if isinstance(e.tag, str) and e.tag in _BLOCKISH]
    elements = [(e, t) for e, t in elements if t and len(t) <= 5000]
    found = {}
    for block in blocks:
        same = [e for e, t in elements if t == block.text]
        holding = same or sorted((e for e, t in elements if block.text in t), key=lambda e: len(e.text_content()))
        if holding:
            element = same[-1] if same else holding[0]
            found[block.index] = (css_path(element), selector_for(element))
    return found


def _step(element) -> str:
    ident = element.get("id")
    classes = (element.get("class") or "").split()
    return element.tag + (f"#{ident}" if ident else "") + (f".{classes[0]}" if classes and not ident else "")


def css_path(element, depth: int = 4) -> str:
    """A short CSS path: the element and up to ``depth - 1`` ancestors, stopping at an id.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><body><div id="main"><section class="story x"><p>Hi</p></section></div></body></html>')
    >>> css_path(page.find(".//p"))
    'div#main > section.story > p'
    """
    steps = []
    while element is not None and element.tag not in ("body", "html") and len(steps) < depth:
        steps.append(_step(element))
        if element.get("id"):
            break
        element = element.getparent()
    return " > ".join(reversed(steps))


_GENERATED = re.compile(r"\d{3,}|[0-9a-f]{8,}")


def selector_for(element) -> str | None:
    """A selector for a ``remove_html`` rule: the nearest element (itself or an ancestor)
    with an id, else with a class (ids and classes that look generated are passed over).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><body><div class="share-bar"><a>Tweet</a></div></body></html>')
    >>> selector_for(page.find(".//a"))
    'div.share-bar'
    """
    with_class = None
    while element is not None and element.tag not in ("body", "html"):
        ident = element.get("id")
        if ident and not _GENERATED.search(ident):
            return f"#{ident}"
        classes = [c for c in (element.get("class") or "").split() if not _GENERATED.search(c)]
        if classes and with_class is None:
            with_class = f"{element.tag}.{classes[0]}"
        element = element.getparent()
    return with_class


_COLOURS = {"kept": "green", "trimmed": "yellow", "removed": "red"}


def render(explanation: Explanation, style) -> str:
    """Plain text (``style`` is click.style or a no-op), one line per block."""
    out = []
    for removal in explanation.pruned:
        out.append(style(f"  pruned   {removal.rule}: {removal.reason} | {removal.text[:70]}", fg="red"))
    for line in explanation.lines:
        mark = {"kept": "+", "trimmed": "~", "removed": "-"}[line.status]
        detail = f"  [{line.rule}: {line.why}]" if line.rule else ""
        out.append(style(f"{mark} {line.index:4d} {line.text[:100]}", fg=_COLOURS[line.status]) + detail)
    record = explanation.record
    out.append("")
    out.append(f"headline: {record.headline!r}  byline: {list(record.byline)}  published: {record.published}"
               f"  language: {record.language}  site: {record.site}")
    if record.dateline:
        out.append(f"dateline: {record.dateline.text!r}")
    if record.error:
        out.append(style(f"error: {record.error.type}: {record.error.message}", fg="red"))
    return "\n".join(out)
