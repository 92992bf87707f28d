"""Bylines in the article's header zone: the lines around the headline and the date line,
before the first paragraphs of the article.

Three kinds of byline lines, in any language the vocabulary knows (``bylines.yaml``):

* a prefixed line: "By Ross Colvin", "Von Sebastian Köhne, Andreas Gansel und Philipp
  Siebert", "By Kent GermanDec 22, 2023", also glued to the end of a teaser line;
* a prefix alone on its line, the names on the next lines ("von" / "Konstantin Furrer" / "," /
  "Deutsche Presse-Agentur");
* a line of names alone ("Julia Vergin | Clare Roth", "Daniel Großert Redakteur"), only where a
  byline stands: next to a date line or a role line, with a date, role or agency of its own,
  or alone right under the headline or right above the lede; not a photo's subject (a credit
  under it), nor a menu (words the page writes in small letters, "Health News"; words of its
  other short lines, "Start Trial" beside "Start Free Trial"; a run of many lines).

Names are read by ``cleaner/fields/names.py``; agencies and outlets named in a byline go to
``agency``. Every byline line taken leaves the body (a date glued to it stays, for the date).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

from ..blocks import Block
from ..fields.dates import contains_date
from ..fields.names import PARTICLES, Reading, byline_of, grammar, is_credit, is_prefix_line, name_line, read_names
from ..fields.resolve import words_for
from ..pipeline import Context, Draft, text_line
from ..record import Removal
from ..textutil import ends_sentence, is_prose, word_count
from ..vocabulary import Words

_BEFORE = 6  # lines before the headline searched
_SEARCH_PARAGRAPHS = 3
_FOLLOW = 8  # lines after a prefix alone that may hold its names
_NEAR = 2  # a date or role line this many lines away anchors a line of names
_LIGHT_WORDS = 4  # ... over lines of at most this many words
_DATE_WORDS = 16
_NUMERIC = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_SEPARATOR_LINE = ",;|&•·/…. "  # a line of these between names ("Davide Castelvecchi &" / "…")
#: what stands before and after a word of the text, not one inside an e-mail address, a handle or
#: a URL ("jane_doe@example.org", "/author/jill-barshay/")
_OPENERS, _CLOSERS = "(\"'«“‘[", ",;:!?)\"'»”’]"
_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]"
_NEXT_BYLINE = 2  # a prefixed byline this many lines after another belongs with it
_LEDE_WORDS = 5  # ... and the line after it a sentence of at least this many words
_UNDER_HEADLINE = 5  # a line of names this near under the headline, above the lede, is a byline
_LABEL_WORDS = 6  # a line of at most this many words, no sentence, is a label or a menu item
_PRINTED = 3  # a line printed more often than this on the page is furniture
_RUN = 3  # a run of more lines of names alone is a menu
_SMALL_WORDS = 3  # a line of names has at most this many words in small letters ("and", "staff writer")
_RELATIVE = re.compile(r"^\d{1,3}\s+\w+(?:\s+\w+)?$")  # "2 minutes ago", "vor 3 Stunden"


@dataclass(frozen=True)
class _Byline:
    """A byline found: the lines it takes, what it says, how it was found, and the text to
    keep in place of its first line (a teaser before a glued byline, a date after it)."""

    lines: tuple[Block, ...]
    reading: Reading
    how: str
    keep: str = ""

    @property
    def strong(self) -> bool:
        """Found by a prefix ("By", "Von"), not by the look of a line of names."""
        return self.how != "names"


def _near_top(blocks) -> list[Block]:
    """The blocks before the third distinct paragraph of running text: how far down a byline
    may stand is counted in article paragraphs, so that repeated or removed furniture lines
    above it change nothing. A paragraph printed again further down counts where its last
    copy stands (``teasers`` keeps that one).
    """
    last = {block.text: i for i, block in enumerate(blocks)}
    out, prose = [], set()
    for i, block in enumerate(blocks):
        if len(prose) >= _SEARCH_PARAGRAPHS:
            break
        out.append(block)
        if is_prose(block.text) and last[block.text] == i:
            prose.add(block.text)
    return out


def _date_line(text: str, words: Words) -> bool:
    """A short line with a date or a time ("28.04.2024 | 09:36 Uhr", "Publicerad 22:31").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("de",))
    >>> _date_line("28.04.2024 | 09:36 Uhr", w), _date_line("Aktualisiert am 3. Mai 2024", w), _date_line("Health News", w)
    (True, True, False)
    """
    if word_count(text) > _DATE_WORDS:
        return False
    return contains_date(text, _DATE_WORDS) or bool(_NUMERIC.search(text)) or bool(
        grammar(words).labels.match(text.strip()) and any(ch.isdigit() for ch in text))


def _role_line(text: str, words: Words) -> bool:
    """A line that is a job title alone ("Journalist", "Corresponsal en Atenas")."""
    if word_count(text) > 6:
        return False
    reading = read_names(text, words)
    return reading.roled and not reading and not reading.unknown


def _light(text: str) -> bool:
    """A short line between a name and its date (a role, "|", "Follow")."""
    return word_count(text) <= _LIGHT_WORDS and not is_prose(text)


def _anchored(zone: list[Block], i: int, j: int, words: Words) -> bool:
    """Lines ``i..j`` (names alone) stand where a byline stands: a date or role line within
    ``_NEAR`` lines before or after, over short lines only."""
    for step, start in ((-1, i - 1), (1, j + 1)):
        k = start
        for _ in range(_NEAR):
            if not 0 <= k < len(zone):
                break
            text = zone[k].text
            if _date_line(text, words) or _role_line(text, words):
                return True
            if not _light(text):
                break
            k += step
    return False


class _PageWords:
    """What the whole page says of words, to tell a name from the page's furniture, worked
    out for the words asked about (most pages have few lines of names to judge):
    ``common(word)``, the body prints the word in small letters; ``printed``, how often each
    line stands on the page; ``labels(word)``, the short lines (menu items, labels, buttons)
    that hold the word (casefolded). The page is its body blocks and every line the steps
    before took out.

    >>> p = _PageWords(Draft((Block(0, "Order now, or read the news."), Block(1, "Mail jane_doe@example.org /author/jill-barshay/"))))
    >>> [p.common(w) for w in ("news", "now", "order", "jane_doe", "jill")], p.printed["Mail jane_doe@example.org /author/jill-barshay/"]
    ([True, True, False, False, False], 1)
    >>> p.labels("mail")
    ('Mail jane_doe@example.org /author/jill-barshay/',)
    """

    def __init__(self, draft: Draft):
        self._body = "\n".join(b.text for b in draft.blocks)
        self._lines = [b.text for b in draft.blocks] + [r.text for r in draft.removed]
        self._common: dict[str, bool] = {}
        self._labels: dict[str, tuple[str, ...]] = {}

    def common(self, word: str) -> bool:
        """The body prints ``word`` (in small letters) as a word of its own, not inside an
        e-mail address, a handle or a URL."""
        if word not in self._common:
            self._common[word] = word.isalpha() and word[:1].islower() and _stands_alone(word, self._body)
        return self._common[word]

    @cached_property
    def printed(self) -> Mapping[str, int]:
        return Counter(self._lines)

    @cached_property
    def _short(self) -> tuple[tuple[str, frozenset[str]], ...]:
        return tuple((line, frozenset(t.strip(_PUNCTUATION).casefold() for t in line.split()))
                     for line in dict.fromkeys(self._lines) if word_count(line) <= _LABEL_WORDS)

    def labels(self, word: str) -> tuple[str, ...]:
        """The short lines that are no sentence and hold ``word``."""
        if word not in self._labels:
            self._labels[word] = tuple(line for line, words in self._short if word in words and not is_prose(line))
        return self._labels[word]


def _stands_alone(word: str, text: str) -> bool:
    """``word`` stands in ``text`` as a word of its own, not inside another word, an e-mail
    address, a handle or a URL.

    >>> _stands_alone("jill", "Mail jane_doe@example.org /author/jill-barshay/"), _stands_alone("news", "(news).")
    (False, True)
    """
    at = text.find(word)
    while at >= 0:
        before, after = text[at - 1: at] or " ", text[at + len(word): at + len(word) + 2] or " "
        if (before.isspace() or before in _OPENERS) and (
                after[0].isspace() or after[0] in _CLOSERS or after[0] == "." and not after[1:].strip(".").isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


def _furniture(text: str, reading: Reading, page: _PageWords) -> bool:
    """A line of names that is the page's furniture: half or more of a name's words are words
    the page writes in small letters ("Health News", "Order Now"), or every word of a name stands in
    other short lines that do not hold the name ("Start Trial" beside "Start Free Trial",
    "Contact Us" beside "About Us"). Particles ("de", "van") do not count.

    >>> page = _PageWords(Draft((Block(0, "Order now."), Block(1, "Start Free Trial"))))
    >>> [_furniture(n, Reading((n,)), page) for n in ("Order Now", "Start Trial", "Ryan Carrigan")]
    [True, True, False]
    """
    for name in reading.names:
        parts = [p.casefold() for p in name.split() if p.casefold() not in PARTICLES]
        if 2 * sum(page.common(p) for p in parts) >= len(parts):
            return True
        if all(any(not _holds(line, parts) for line in page.labels(p)) for p in parts):
            return True
    return False


def _holds(line: str, parts: list[str]) -> bool:
    """The line holds the name, its words side by side in its order or the other way
    ("Dinh Linh Duy" holds "Duy Linh Dinh"; "Start Free Trial" does not hold "Start Trial")."""
    if " ".join(parts) in line.casefold():
        return True
    words = [t.strip(_PUNCTUATION).casefold() for t in line.split()]
    words = [w for w in words if w not in PARTICLES]
    n = len(parts)
    return any(words[k: k + n] in (parts, parts[::-1]) for k in range(len(words) - n + 1))


def _after_prefix(zone: list[Block], i: int, words: Words, page: _PageWords) -> _Byline | None:
    """The names on the lines after a prefix alone ("By" / "Taya Iv"; "von" / "Konstantin
    Furrer" / "," / "Deutsche Presse-Agentur"), up to the first line that is no name (a date
    line ends them too)."""
    names: list[str] = []
    agencies: list[str] = []
    taken = [zone[i]]
    for block in zone[i + 1: i + 1 + _FOLLOW]:
        text = block.text.strip()
        if not text.strip(_SEPARATOR_LINE) or grammar(words).joiner.match(text):
            taken.append(block)
            continue
        reading = read_names(text, words, prefixed=not names)
        if reading.unknown or reading.dated or not (reading or reading.roled) or _furniture(text, reading, page):
            break
        names += reading.names
        agencies += reading.agencies + reading.outlets
        taken.append(block)
    while len(taken) > 1 and not taken[-1].text.strip(_SEPARATOR_LINE):
        taken.pop()
    if not (names or agencies):
        return None
    reading = Reading(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(agencies)))
    return _Byline(tuple(taken), reading, "prefix-line")


def _name_lines(zone: list[Block], i: int, end: int, words: Words,
                page: _PageWords) -> tuple[int, list[Reading]]:
    """The run of lines of names alone that starts at ``i`` and ends before ``end``: (last
    index, readings)."""
    readings = []
    j = i
    while j < end and (reading := _names_only(zone[j].text, words, page)) is not None:
        readings.append(reading)
        j += 1
    return j - 1, readings


def _names_only(text: str, words: Words, page: _PageWords) -> Reading | None:
    """A line of names alone that is not the page's furniture; cheaply refused when it
    cannot be one (a sentence or a headline has more words in small letters).

    >>> page = _PageWords(Draft((Block(0, "Jane Doe and John Roe, staff writers"),)))
    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _names_only("Jane Doe and John Roe, staff writers", w, page).names
    ('Jane Doe', 'John Roe')
    >>> _names_only("Police say the man was seen in the park", w, page) is None
    True
    """
    if not text[:1].isupper() or word_count(text) > 12 or sum(w[:1].islower() for w in text.split()) > _SMALL_WORDS:
        return None
    reading = name_line(text, words)
    return None if reading is None or _furniture(text, reading, page) else reading


def _bylines(zone: list[Block], split: int, words: Words, page: _PageWords, names: bool = True,
             headed: bool = True) -> list[_Byline]:
    """Every byline in the header zone, in reading order; ``split``: where the headline stood
    (a run of names and its date line stand on one side of it); ``names``: lines of names
    alone count too (in a text dump; an HTML page's main content seldom holds its byline, and
    its markup names the authors)."""
    found, i = [], 0
    while i < len(zone):
        text = zone[i].text
        end = split if i < split else len(zone)
        got, taken = None, 1
        if is_prefix_line(text, words):
            got = _after_prefix(zone[:end], i, words, page)
            taken = len(got.lines) if got else 1
        elif (reading := byline_of(text, words)) is not None:
            got = _Byline((zone[i],), reading, "prefixed", reading.rest or _date_kept(text, reading))
        elif names:
            got, taken = _names_run(zone, i, split, end, words, page, headed)
        if got:
            found.append(got)
        i += taken
    return found


def _names_run(zone: list[Block], i: int, split: int, end: int, words: Words, page: _PageWords,
               headed: bool) -> tuple[_Byline | None, int]:
    """The byline of the run of lines of names alone that starts at ``i`` (before ``end``),
    if it is one, and how many lines the run has (at least one); ``headed``: the headline
    was found (it stood at ``split``)."""
    j, readings = _name_lines(zone, i, end, words, page)
    run = max(1, j - i + 1)
    while len(readings) > 1 and page.printed.get(zone[i].text, 0) > _PRINTED:
        i, readings = i + 1, readings[1:]  # a menu item printed again and again, above the names
    while len(readings) > 1 and page.printed.get(zone[j].text, 0) > _PRINTED:
        j, readings = j - 1, readings[:-1]
    if not readings:
        return None, run
    start = 0 if i < split else split
    lede = headed and _by_headline(zone, split, i, j)
    return _names_byline(zone[start:end], i - start, j - start, readings, words, lede), run


def _by_headline(zone: list[Block], split: int, i: int, j: int) -> bool:
    """Line ``i`` (``i == j``: one line, a run under the headline is a menu more often than
    co-authors) stands where a byline stands under the headline: right under it, or right
    above the first paragraph of running text a few lines under it. (Above the headline,
    buttons and menu items stand as often: "Contact Us", "Select Page".)"""
    if i != j:
        return False
    if i == split:
        return True
    return i > split and i - split < _UNDER_HEADLINE and j + 1 < len(zone) and _running(zone[j + 1].text)


def _running(text: str) -> bool:
    """A paragraph of the article: a sentence of some words.

    >>> _running("Regn og rusk præger hele weekenden i landet."), _running("Share this")
    (True, False)
    """
    return word_count(text) >= _LEDE_WORDS and ends_sentence(text)


def _names_byline(zone: list[Block], i: int, j: int, readings: list[Reading], words: Words,
                  lede: bool) -> _Byline | None:
    """A run of lines of names alone, when it stands where a byline stands (``lede``: between
    the headline and the lede) and is no photo caption nor a menu."""
    if len(readings) > _RUN or _shared_word(readings):
        return None
    if j + 1 < len(zone) and _credit_line(zone[j + 1].text, words):
        return None  # the subject of a photo, its credit under it
    if i > 0 and zone[i - 1].text.rstrip().endswith(":") and is_credit(zone[i - 1].text, grammar(words)):
        return None  # a photographer under "Foto:"
    if not (lede or any(_self_anchored(r, words) for r in readings) or _anchored(zone, i, j, words)):
        return None
    names = tuple(dict.fromkeys(n for r in readings for n in r.names))
    agencies = tuple(dict.fromkeys(a for r in readings for a in r.agencies + r.outlets))
    keep = _date_kept(zone[i].text, readings[0]) if i == j else ""
    return _Byline(tuple(zone[i: j + 1]), Reading(names, agencies), "names", keep)


def _credit_line(text: str, words: Words) -> bool:
    """A photo's or another work's credit ("Foto: REUTERS/Jana Wolff", "(Photo: AP)",
    "© Picture Alliance").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("de",))
    >>> _credit_line("Foto: REUTERS/Jana Wolff", w), _credit_line("© dpa", w), _credit_line("Jane Doe", w)
    (True, True, False)
    """
    return "©" in text or is_credit(text.lstrip("("), grammar(words))


def _shared_word(readings: list[Reading]) -> bool:
    """Two lines of a run that share a word are a menu ("Studio Hannover", "Studio Oldenburg")."""
    seen: set[str] = set()
    for reading in readings:
        here = {w for name in reading.names for w in name.split()}
        if here & seen:
            return True
        seen |= here
    return False


def _self_anchored(reading: Reading, words: Words) -> bool:
    """A line of names that says itself it is a byline: a role, an agency or outlet, or a date
    beside the names ("Daniel Großert Redakteur", "Brian Truitt USA TODAY", "Nizaar
    Kinsella2 minutes ago"); a year alone is no date.

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _self_anchored(Reading(("Serie B",), dated=True, date="2022"), w), _self_anchored(Reading(("A B",), dated=True, date="2 minutes ago"), w)
    (False, True)
    """
    return reading.roled or bool(reading.agency) or reading.dated and (_date_line(reading.date, words) or bool(_RELATIVE.match(reading.date)))


def _date_kept(text: str, reading: Reading) -> str:
    """The date glued after a byline on its line ("Von dpa 30.04.2024, 18:58" keeps
    "30.04.2024, 18:58"), left in place for the date finder.

    >>> _date_kept("Courtney CarrPublished: December 20, 2023", Reading(("Courtney Carr",), date="Published: December 20"))
    'Published: December 20, 2023'
    """
    at = text.find(reading.date) if reading.date else -1
    return text[at:].strip() if at > 0 else ""


def _chosen(found: list[_Byline], header: set[int]) -> list[_Byline]:
    """The bylines that count: the first prefixed one, with those on the lines right after it
    (further down, they are other articles' or other people's); else the first line of names
    after the headline, else the last one before it."""
    strong = [f for f in found if f.strong]
    if strong:
        chosen = strong[:1]
        for f in strong[1:]:
            if f.lines[0].index - chosen[-1].lines[-1].index > _NEXT_BYLINE:
                break
            chosen.append(f)
        return chosen
    after = [f for f in found if id(f.lines[0]) not in header]
    return after[:1] if after else found[-1:]


def _people(names: tuple[str, ...], page: _PageWords) -> tuple[str, ...]:
    """The persons found: not a name all of whose words the page writes in small letters
    ("Home Security"), and a name of three words or more without last words that the page
    writes so ("Victoria O’Regan Follow")."""
    people = []
    for name in names:
        parts = name.split()
        if len(parts) > 1 and all(page.common(p.casefold()) for p in parts):
            continue
        while len(parts) > 2 and page.common(parts[-1].casefold()):
            parts.pop()
        people.append(" ".join(parts))
    return tuple(dict.fromkeys(people))


def find_byline(draft: Draft, ctx: Context) -> Draft:
    """Find the bylines of the header zone; their lines leave the body, their names go in
    ``byline`` and their agencies in ``agency`` (for HTML the markup's names are taken when it
    names any)."""
    words = words_for(draft, ctx)
    header = list(draft.header[-_BEFORE:])
    zone = header + _near_top(draft.blocks)
    page = _PageWords(draft)
    headed = bool(draft.evidence_for("headline"))
    chosen = _chosen(_bylines(zone, len(header), words, page, not ctx.html, headed), {id(b) for b in header})
    if not chosen:
        return draft
    draft = _without_bylines(draft, chosen, zone)
    names = _people(tuple(n for f in chosen for n in f.reading.names), page)
    agencies = [(f.reading.agency, f) for f in chosen if f.reading.agency]
    where = next((f for f in chosen if f.reading.names), chosen[0])
    draft = draft.found("byline", names, text_line(where.lines[0]))
    if agencies:
        draft = draft.found("agency", agencies[0][0], text_line(agencies[0][1].lines[0]))
    return draft


def _without_bylines(draft: Draft, chosen: list[_Byline], zone: list[Block]) -> Draft:
    """The body without the byline lines taken (and their copies near the top); a teaser or a
    date on a byline's line stays."""
    taken = {id(b): f for f in chosen for b in f.lines}
    texts = {b.text for f in chosen for b in f.lines if f.keep == ""}
    near = {id(b) for b in zone}
    blocks, trace = [], []
    for block in draft.blocks:
        got = taken.get(id(block))
        if got is None and not (id(block) in near and block.text in texts):
            blocks.append(block)
            continue
        keep = got.keep if got is not None and block is got.lines[0] else ""
        taken_text = block.text.replace(keep, "", 1).strip() if keep else block.text
        trace.append(Removal("byline", "byline", "the byline, kept in the record's byline and agency",
                             taken_text, block.index))
        if keep:
            blocks.append(Block(block.index, keep, block.kind))
    return draft.replace_blocks("byline", blocks, trace)
