"""A second opinion on the main content, block by block: the page's own lines inside the
element that holds what trafilatura chose, which it left out; and the region where it looks.

trafilatura's fast selection keeps the article's paragraphs but drops some that sit among
them (a list, a subheading, a paragraph in an unusual element), and on some pages keeps only an
introduction. The page's tree tells where the chosen text sits: the *container* is the deepest
element holding nearly all of it. Its lines that were not chosen are put back, in page order,
when they are text (not code, an address or numbers), not mostly link text, said once on the
page (not a carousel's slides), not inside site furniture (an element whose class or id has a
word of ``markup.yaml``: comments, captions, share bars; unless it holds half the chosen text,
a "widget" wrapping the article), between the first chosen paragraph of running text and the
last chosen line, and under an element holding a good part of the chosen text.

Where the page has one and a half times more running text outside the choice than in it,
trafilatura kept a sliver (an introduction, one chunk of a split article): the lines of the
element that holds most of the page's running text (from the container up) are all
candidates, wherever they sit in it, unless that element holds an ``<h1>`` below the chosen
text (the next story of an endless page). Where it has less, the container's next parts are
candidates too: the elements after it with its tag and class (the chunks of an article split
by ads) that hold running text, on a page with no ``<h1>`` below the chosen text.

The same lines tell trafilatura where to look before it chooses: ``region`` is the part of
the page that holds nearly all its text, without the menus, footers and sidebars around it.
The shares and counts of these decisions are data: ``decision.yaml`` (``Decision``).

>>> import lxml.html, re
>>> page = lxml.html.fromstring(
...     "<html><body><div class=post><p>The council voted on Tuesday to close the old bridge.</p>"
...     "<h2>What happens next</h2><p>Work starts in May and lasts a year, the mayor said.</p>"
...     "<div class=comments><p>Great news for the town, finally something done.</p></div></div></body></html>")
>>> chosen = [Block(0, "The council voted on Tuesday to close the old bridge."),
...           Block(1, "Work starts in May and lasts a year, the mayor said.")]
>>> blocks, how = fill(element_lines(page, re.compile("comment")), chosen)
>>> [(b.kind, b.text) for b in blocks]  # doctest: +NORMALIZE_WHITESPACE
[('p', 'The council voted on Tuesday to close the old bridge.'), ('h', 'What happens next'),
 ('p', 'Work starts in May and lasts a year, the mayor said.')]
>>> how
'trafilatura and 1 line of its container <div class="post">'
"""
from __future__ import annotations

import re
import string
from collections import Counter
from typing import Any, NamedTuple, Protocol, Sequence

import lxml.etree
import lxml.html

from ..blocks import Block, squash
from ..textutil import is_prose, words
from .decision import Decision

#: elements whose own text is no page text (here and in ``html.page_lines``)
NO_TEXT = frozenset({"script", "style", "noscript", "template", "option", "textarea", "iframe"})
#: elements whose text is never main content (their subtree is skipped)
_SKIPPED = NO_TEXT | {"select", "button", "figure", "figcaption", "aside", "nav", "footer", "form", "header",
                      "svg", "label", "menu", "dialog"}
#: elements that start a line of the page's text (here and in ``html.page_lines``)
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "li",
                        "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table",
                        "blockquote", "figure", "figcaption", "address", "dt", "dd", "dl", "pre", "details",
                        "summary", "form", "time"})
_KINDS = {"li": "li", "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "td": "tr", "th": "tr",
          "blockquote": "quote", "pre": "pre"}
_SHINGLE = 4  # words in a shingle


class Pattern(Protocol):
    """A compiled pattern, ``re`` or RE2 (``Vocabularies.furniture`` is RE2)."""

    def search(self, text: str) -> Any: ...


class Line(NamedTuple):
    """A line of the page's text, the block element it starts in, that element's tag, the
    elements of site furniture around it (outermost first), whether it is link text, and its
    words (lowercased: matched, counted and shingled from here)."""

    text: str
    owner: Any
    furniture: tuple = ()
    linked: bool = False  # more than half of it is link text: a line of a list of links
    tokens: Sequence[str] = ()

    @property
    def tag(self) -> str:
        return self.owner.tag


def class_names(element) -> str:
    """The class and id of an element, as the furniture words are searched in them.

    >>> class_names(lxml.html.fromstring('<div class="share-bar" id="top">x</div>'))
    'share-bar top'
    """
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


def element_lines(tree: lxml.html.HtmlElement, furniture: Pattern,
                  decision: Decision | None = None) -> list[Line]:
    """The page's body as lines with the block element each starts in, the elements of site
    furniture (by ``furniture``, a pattern of class and id words) around it, and whether it is
    mostly link text (``decision.max_linked``); the text of skipped elements (scripts, forms,
    figures...) is left out.

    >>> page = lxml.html.fromstring("<body><p>One <b>two</b></p><ul><li><a>Home</a></li></ul>"
    ...                             "<div class=share><p>Three</p></div></body>")
    >>> [(line.text, line.tag, len(line.furniture), line.linked) for line in element_lines(page, re.compile("share"))]
    [('One two', 'p', 0, False), ('Home', 'li', 0, True), ('Three', 'p', 1, False)]
    """
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        return []
    max_linked = (decision or Decision.load()).max_linked
    lines: list[Line] = []
    parts: list[str] = []  # the text of the line being read
    owners: list = [body]  # the block element each open element's text belongs to (None: skipped)
    opened: list[bool] = []  # per open element: whether it is furniture
    judged: dict[tuple, bool] = {}  # (class, id) -> furniture or not
    # the line's block element, its link characters, and the furniture around its first text;
    # the links and the furniture open now (plain locals: this loop sees every element)
    owner, linked, around, links, furnished = None, 0, (), 0, ()
    walker = lxml.etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:  # no recursion: a page may nest elements deep
        tag = element.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            if tag in _SKIPPED:
                walker.skip_subtree()  # its "end" comes all the same
                owners.append(None)
                continue
            if tag in BLOCK_TAGS:
                if parts:
                    _end_line(lines, parts, owner, around, linked, max_linked)
                    owner, linked = None, 0
                owners.append(element)
            else:
                owners.append(owners[-1])
            key = (element.get("class"), element.get("id")) if tag else (None, None)
            if key not in judged:  # templates repeat their class names: each is judged once
                names = class_names(element) if tag else ""
                judged[key] = bool(names) and furniture.search(names) is not None
            opened.append(judged[key] and element is not body)
            if opened[-1]:
                furnished += (element,)
            links += tag == "a"
            text = element.text if tag else None
        else:
            if owners.pop() is not None:
                links -= tag == "a"
                if tag in BLOCK_TAGS and parts:
                    _end_line(lines, parts, owner, around, linked, max_linked)
                    owner, linked = None, 0
                if opened.pop():
                    furnished = furnished[:-1]
            text = element.tail if element is not body else None
        if text:  # an element's own text (at its start) or its tail (at its end)
            if stripped := text.strip():
                if owner is None:
                    owner, around = owners[-1], furnished
                if links:
                    linked += len(stripped)
            if owner is not None:  # (blank text before a line's first words would be squashed away)
                parts.append(text)
    if parts:
        _end_line(lines, parts, owner, around, linked, max_linked)
    return lines


def _end_line(lines: list[Line], parts: list[str], owner, around: tuple, linked: int, max_linked: float) -> None:
    """The line of ``parts`` (emptied) appended to ``lines`` when it has text and an owner."""
    text = squash("".join(parts))
    if text and owner is not None:
        lines.append(Line(text, owner, around, linked > max_linked * len(text), _tokens(text)))
    parts.clear()


def _tokens(text: str) -> list[str]:
    """The words of a text, lowercased: the whole text at once, or word by word where it has a
    dotted capital I (the text lowercased would split the word: "İstanbul" lowercases to "i"
    and a combining dot); the same words either way otherwise.

    >>> _tokens("İstanbul Today")
    ['i̇stanbul', 'today']
    """
    if "İ" in text:  # the one letter whose small form is two characters
        return [word.lower() for word in words(text)]
    return words(text.lower())


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    """The runs of ``_SHINGLE`` words (the whole line when shorter).

    >>> sorted(_shingles(["a", "b", "c", "d", "e"]))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    """
    if len(tokens) <= _SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*[tokens[k:] for k in range(_SHINGLE)]))


def is_text(text: str) -> bool:
    """Words of a language, not code, data or an address: three spaces' worth of words, mostly letters.

    >>> is_text("Cut the onions finely."), is_text('{"layout":2,"buttonText":"Buy now"}'), is_text("https://x.org/a/b")
    (True, False, False)
    """
    if text.count(" ") < 2:
        return False
    rest = text.translate(_LETTERS_AND_SPACES)  # the rest is read character by character
    return len(text) - len(rest) + sum(map(str.isalpha, rest)) + sum(map(str.isspace, rest)) >= 0.8 * len(text)


_LETTERS_AND_SPACES = str.maketrans("", "", string.ascii_letters + " \t\n\r\x0b\x0c")


def _deepest(weight: dict, at_least: float, start=None) -> Any:
    """The deepest element whose weight is ``at_least`` (of ``start`` and its ancestors, when
    given). Elements holding more than half of the weight are nested: the deepest is the one
    with the most ancestors."""
    if start is not None:
        return next((e for e in (start, *start.iterancestors()) if weight.get(e, 0) >= at_least), None)
    heavy = [element for element, w in weight.items() if w >= at_least]
    return max(heavy, key=lambda e: sum(1 for _ in e.iterancestors()), default=None)


def _weights(counted) -> dict:
    """Words under each element, of ``counted``, (element, words) pairs: each element's count
    goes to it and all its ancestors."""
    weight: dict = {}
    for owner, count in counted:
        for element in (owner, *owner.iterancestors()):
            weight[element] = weight.get(element, 0) + count
    return weight


def _within(element, ancestor) -> bool:
    """Whether ``element`` is ``ancestor`` or inside it."""
    return element is ancestor or any(a is ancestor for a in element.iterancestors())


def region(lines: list[Line], decision: Decision | None = None) -> Any:
    """Where the main content must be: ``decision.region_up`` levels above the deepest element
    that holds ``decision.region_share`` of the page's text (lines of words, not link text);
    None when that is the whole body. trafilatura reads only this part of the page: faster on
    a page whose menus, footers and sidebars are half its tree, and less often misled by them.

    >>> page = lxml.html.fromstring(
    ...     "<html><body><ul><li><a>Home</a></li></ul><main><div class=story><p>The council voted on Tuesday "
    ...     "to close the old bridge.</p><p>Work starts in May and lasts a year, the mayor said.</p></div></main>"
    ...     "<footer><p>All rights reserved</p></footer></body></html>")
    >>> region(element_lines(page, re.compile("(?!)"))).tag
    'main'
    """
    decision = decision or Decision.load()
    text = [(line.owner, len(line.tokens)) for line in lines if not line.linked and is_text(line.text)]
    total = sum(count for _, count in text)
    found = _deepest(_weights(text), decision.region_share * total) if total else None
    if found is None or found.tag in ("body", "html"):
        return None
    for _ in range(decision.region_up):  # up to a child of the body at most
        parent = found.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        found = parent
    return found


def text_chars(lines: list[Line], within=None) -> int:
    """The length of the page's text: its lines and a line break after each; of the lines
    that start under ``within`` when given.

    >>> page = lxml.html.fromstring("<html><body><p>Home</p><main><p>The bridge closes.</p></main></body></html>")
    >>> text_chars(element_lines(page, re.compile("(?!)"))), text_chars(element_lines(page, re.compile("(?!)")), page.find(".//main"))
    (24, 19)
    """
    if within is None:
        return sum(len(line.text) + 1 for line in lines)
    inside = set(within.iter())
    return sum(len(line.text) + 1 for line in lines if line.owner in inside)


class _Reading:
    """The page's lines (not link text) matched against trafilatura's choice: their words and
    shingles, ``picked``, the lines it chose (in page order), and ``weight``, the chosen words
    under each element."""

    def __init__(self, lines: list[Line], chosen: list[Block], decision: Decision):
        self.decision = decision
        self.lines = [line for line in lines if not line.linked]  # a list of links is never put back
        self.tokens = [line.tokens for line in self.lines]
        self.shingles = [_shingles(t) for t in self.tokens]
        self.taken: set = set()  # the shingles of the chosen blocks
        of_line = dict(zip((line.text for line in self.lines), self.shingles))  # (most blocks are a line)
        for block in chosen:
            shingles = of_line.get(block.text)
            self.taken |= shingles if shingles is not None else _shingles(_tokens(block.text))
        share = decision.chosen_share
        self.picked = [i for i, sh in enumerate(self.shingles) if sh and len(self.taken & sh) >= share * len(sh)]
        self.weight = self.weights(self.picked)

    def words(self, which) -> int:
        return sum(len(self.tokens[i]) for i in which)

    def weights(self, which) -> dict:
        """Words of the lines ``which`` under each element (the lines' owners and their ancestors)."""
        return _weights((self.lines[i].owner, len(self.tokens[i])) for i in which)


def fill(lines: list[Line], chosen: list[Block], chooser: str = "trafilatura",
         decision: Decision | None = None) -> tuple[list[Block], str | None]:
    """``chosen`` (trafilatura's blocks) with the lines of their container that it left out
    (``lines``: the page's, from ``element_lines``), in page order, and what was put back
    (None when nothing was; ``chooser`` names who chose, as --explain shows it)."""
    if not chosen:
        return chosen, None
    decision = decision or Decision.load()
    page = _Reading(lines, chosen, decision)
    total = page.words(page.picked)
    container = _deepest(page.weight, decision.container_share * total) if total else None
    if container is None:
        return chosen, None
    # furniture that holds half the chosen text is the article's own (a "widget" around it)
    cleared = {element for i in page.picked for element in page.lines[i].furniture
               if page.weight.get(element, 0) >= decision.cleared * total}
    free = [all(element in cleared for element in line.furniture) for line in page.lines]
    prose = [i for i, line in enumerate(page.lines) if free[i] and is_prose(line.text, 8)]
    widened = _widened(page, prose, container, total)
    where = widened if widened is not None else container
    # the running text starts at the first chosen paragraph: above it (a byline, a date, a
    # teaser) trafilatura's choice stands
    prose_set = set(prose)
    start = next((i for i in page.picked if i in prose_set), page.picked[0])
    extra = [i for i in _left_out(page, free, where) if widened is not None or _among_chosen(page, i, start, total)]
    if widened is None and page.words(extra) > decision.max_extra * total:
        extra = []  # the container is more than the article
    parts = _next_parts(page, free, container, start, total, prose_set) if widened is None else []
    if not extra and not parts:
        return chosen, None
    told = []
    if extra:
        told.append(_lines_of(extra) + ("the element holding the page's running text " if widened is not None
                                         else "its container ") + describe(where))
    if parts:
        told.append(_lines_of(parts) + "its next parts (the same element after it)")
    return _merge(chosen, page, sorted({*extra, *parts})), f"{chooser} and " + " and ".join(told)


def _lines_of(which: list[int]) -> str:
    return f"{len(which)} line{'s' * (len(which) > 1)} of "


def _headline_below(page: _Reading, element) -> bool:
    """Whether ``element`` holds an ``<h1>`` line below the first chosen line that was not
    chosen: the next story of an endless page."""
    picked = set(page.picked)
    return any(line.tag == "h1" and i > page.picked[0] and i not in picked and _within(line.owner, element)
               for i, line in enumerate(page.lines))


def _next_parts(page: _Reading, free: list[bool], container, start: int, total: int, prose: set) -> list[int]:
    """The lines left out of the container's next parts: the elements after it with its tag
    and class (a split article's chunks between ads), under its ancestor
    ``decision.part_levels`` up, each holding ``decision.near_share`` of the chosen words in
    running text; none on an endless page (a headline below the chosen text).

    >>> one, two = "The council voted on Tuesday to close the old bridge.", "The mayor said the vote was close."
    >>> page = lxml.html.fromstring(
    ...     f"<html><body><div class=chunks><div class=part><p>{one}</p><p>{two}</p></div><div class=ad>Advert</div>"
    ...     "<div class=part><p>Work starts in May and lasts a year, and the ferry runs meanwhile.</p></div></div>"
    ...     "</body></html>")
    >>> blocks, how = fill(element_lines(page, re.compile("(?!)")), [Block(0, one), Block(1, two)])
    >>> [b.text[:20] for b in blocks], how
    (['The council voted on', 'The mayor said the v', 'Work starts in May a'], 'trafilatura and 1 line of its next parts (the same element after it)')
    """
    names = container.get("class")
    if not names:
        return []
    ancestors = list(container.iterancestors())[:page.decision.part_levels]
    if not ancestors:
        return []
    top = ancestors[-1]
    out, after = [], False
    for element in top.iter(container.tag):  # (page order: the container's own elements follow it)
        if element is container:
            after = True
        elif after and element.get("class") == names and not _within(element, container):
            lines = [i for i in _left_out(page, free, element) if i in prose or i > start]
            if page.words(i for i in lines if i in prose) >= page.decision.near_share * total:
                out += lines
    return [] if out and _headline_below(page, top) else out  # (the next story of an endless page)


def _widened(page: _Reading, prose: list[int], container, total: int):
    """Where the page holds ``decision.widen`` times more running text outside the choice
    than was chosen (trafilatura kept an introduction, a box, one chunk): the deepest element
    from the container up that holds ``decision.page_prose`` of the page's running text,
    unless it holds a headline below the chosen text; else None."""
    picked = set(page.picked)
    if page.words(i for i in prose if i not in picked) < page.decision.widen * total:
        return None
    weight = page.weights(prose)
    widened = _deepest(weight, page.decision.page_prose * page.words(prose), container)
    if widened is None or _headline_below(page, widened):
        return None  # (a headline below the chosen text: the next story of an endless page)
    return widened


def _left_out(page: _Reading, free: list[bool], where) -> list[int]:
    """The lines inside ``where`` that were not chosen and may be put back: free of
    furniture, said once on the page, with ``decision.min_words`` words that are not numbers,
    text rather than code or an address, and no part of a chosen block split otherwise."""
    picked = set(page.picked)
    repeated = Counter(line.text for line in page.lines)
    out = []
    for i, line in enumerate(page.lines):
        if i in picked or not free[i] or repeated[line.text] > 1:
            continue
        if sum(not w.isdigit() for w in page.tokens[i]) < page.decision.min_words or not is_text(line.text):
            continue
        if not _within(line.owner, where):
            continue
        if not any(s in page.taken for s in page.shingles[i]):
            out.append(i)
    return out


def _among_chosen(page: _Reading, i: int, start: int, total: int) -> bool:
    """Whether line ``i`` sits among the chosen running text: after its first paragraph
    (line ``start``), before the last chosen line (after it come lists of other stories),
    and under an element, at most ``decision.near_levels`` up, that holds
    ``decision.near_share`` of the chosen words (not in a list of other stories that merely
    repeats a teaser of this one)."""
    if not start < i < page.picked[-1]:
        return False
    owner = page.lines[i].owner
    near = (owner, *owner.iterancestors())[:page.decision.near_levels + 1]
    return max(page.weight.get(e, 0) for e in near) >= page.decision.near_share * total


def link_blocks(lines: list[Line], blocks: list[Block], decision: Decision | None = None) -> frozenset[int]:
    """The indexes of the blocks that are link text on the page: most of their words stand in
    lines that are mostly links (a list of other articles, a menu).

    >>> page = lxml.html.fromstring("<body><p>The council voted to close the bridge on Monday.</p>"
    ...                             "<ul><li><a>Storm closes the coast road for a week</a></li></ul></body>")
    >>> link_blocks(element_lines(page, re.compile("(?!)")), [Block(0, "The council voted to close the bridge on Monday."),
    ...                                                      Block(1, "Storm closes the coast road for a week")])
    frozenset({1})
    """
    share = (decision or Decision.load()).chosen_share
    of_line = {line.text: line.tokens for line in lines}  # (most blocks are a line of the page)
    tokens = [of_line[block.text] if block.text in of_line else _tokens(block.text) for block in blocks]
    words = {word for t in tokens for word in t}
    linked: set = set()
    for line in lines:
        if line.linked and sum(map(words.__contains__, line.tokens)) >= share * len(line.tokens):
            linked |= _shingles(line.tokens)  # (else the line is no block's)
    if not linked:
        return frozenset()
    out = []
    for block, t in zip(blocks, tokens):
        shingles = _shingles(t)
        if shingles and sum(map(linked.__contains__, shingles)) >= share * len(shingles):
            out.append(block.index)
    return frozenset(out)


def describe(element) -> str:
    """``<div class="post">``, as --explain shows an element.

    >>> describe(lxml.html.fromstring('<div class="post" id="a">x</div>'))
    '<div class="post" id="a">'
    """
    names = "".join(f' {k}="{element.get(k)}"' for k in ("class", "id") if element.get(k))
    return f"<{element.tag}{names}>"


def _merge(chosen: list[Block], page: _Reading, extra: list[int]) -> list[Block]:
    """The chosen blocks in their order, each at the page position of its first line, and the
    lines put back at theirs."""
    first: dict = {}
    for i in page.picked:
        for s in page.shingles[i]:
            first.setdefault(s, i)
    placed = []
    last = -1
    for n, block in enumerate(chosen):
        hits = [first[s] for s in _shingles(_tokens(block.text)) if s in first]
        last = max(min(hits), last) if hits else last
        placed.append((last, 0, n, block))
    for i in extra:
        line = page.lines[i]
        placed.append((i, 1, i, Block(0, line.text, _KINDS.get(line.tag, "p"))))
    placed.sort(key=lambda item: item[:3])
    return [Block(n, block.text, block.kind) for n, (*_, block) in enumerate(placed)]
