"""Bylines in the article's header zone: the lines around the headline and the date line,
before the first paragraphs of the article.

Four kinds of byline lines, in any language the vocabulary knows (``bylines.yaml``):

* a prefixed line: "By Ross Colvin", "Von Sebastian Köhne, Andreas Gansel und Philipp
  Siebert", "By Kent GermanDec 22, 2023", also glued to the end of a teaser line; after a
  prefix, a team's, a desk's or a brand's name or a handle counts as written ("By The Maple
  Team", "Posted by HarbourKate on ...");
* a prefix alone on its line, the names on the next lines ("von" / "Konstantin Furrer" / "," /
  "Deutsche Presse-Agentur");
* a line of names alone ("Julia Vergin | Clare Roth", "Daniel Großert Redakteur"), only where a
  byline stands: next to a date line or a role line, with a date, role or agency of its own,
  or alone right under the headline or right above the lede; not a photo's subject (a credit
  under it, or taken out under it), nor a menu (words the page writes in small letters, "Health
  News"; words of its other short lines, "Start Trial" beside "Start Free Trial"; a run of many
  lines). A button's label after the names ("Ada Quill Follow me") is no part of them; two-word
  names without separators count beside their date ("Ada Quill Ben Roe 8 March, 17:46");
* a name signed right under the headline above a date line alone, in capitals or a team's
  ("ADA QUILL" / "Sep 26, 2022"), when no line of names of its own shape stands there.

When the header zone holds no byline, or only a line of names above the headline, the first
prefixed byline elsewhere on the page counts ("Written by" / "Ada Quill" in an author box),
else an author box: a name beside an "Author" label, or over the one paragraph on the page
that opens with it ("Ada Quill" / "Ada Quill is a reporter ...").

Names are read by ``cleaner/fields/names.py``; agencies and outlets named in a byline go to
``agency``. Every byline line taken leaves the body (a date glued to it stays, for the date);
in HTML so does a line at the top of the main content that names the byline's persons alone
(the markup's, or those found on the page's own lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..blocks import Block
from ..fields.dates import contains_date
from ..fields.names import (
    Reading,
    byline_line,
    byline_of,
    grammar,
    group_name,
    credit_kind,
    is_credit,
    is_prefix_line,
    name_line,
    read_names,
)
from ..fields.page_words import PageWords, is_furniture, people
from ..fields.resolve import words_for
from ..pipeline import Context, Draft, text_line
from ..record import Removal
from ..textutil import ends_sentence, fold, is_prose, word_count
from ..vocabulary import Words

_BEFORE = 6  # lines before the headline searched
_SEARCH_PARAGRAPHS = 3
_FOLLOW = 8  # lines after a prefix alone that may hold its names
_NEAR = 2  # a date or role line this many lines away anchors a line of names
_LIGHT_WORDS = 4  # ... over lines of at most this many words
_DATE_WORDS = 16
_NUMERIC = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_SEPARATOR_LINE = ",;|&•·/…. "  # a line of these between names ("Davide Castelvecchi &" / "…")
_NEXT_BYLINE = 2  # a prefixed byline this many lines after another belongs with it
_LEDE_WORDS = 5  # ... and the line after it a sentence of at least this many words
_UNDER_HEADLINE = 5  # a line of names this near under the headline, above the lede, is a byline
_PRINTED = 3  # a line printed more often than this on the page is furniture
_RUN = 3  # a run of more lines of names alone is a menu
_SMALL_WORDS = 3  # a line of names has at most this many words in small letters ("and", "staff writer")
_ELSEWHERE_CHARS = 200  # a byline line elsewhere on the page (an author box) is this short
_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(r"^\d{1,3}\s+\w+(?:\s+\w+)?$")  # "2 minutes ago", "vor 3 Stunden"


@dataclass(frozen=True)
class _Byline:
    """A byline found: the lines it takes, what it says, how it was found, and the text to
    keep in place of its first line (a teaser before a glued byline, a date after it)."""

    lines: tuple[Block, ...]
    reading: Reading
    how: str
    keep: str = ""
    #: lines of names above the byline that are a photo's caption (its credit taken out under them)
    captions: tuple[Block, ...] = ()

    @property
    def strong(self) -> bool:
        """Found by a prefix ("By", "Von"), not by the look of a line of names."""
        return self.how not in ("names", "signed")


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


def _after_prefix(zone: list[Block], i: int, words: Words, page: PageWords, joined: bool = False) -> _Byline | None:
    """The names on the lines after a prefix alone ("By" / "Taya Iv"; "von" / "Konstantin
    Furrer" / "," / "Deutsche Presse-Agentur"), up to the first line that is no name (a date
    line ends them too); ``joined``: a line of names after the first only after a joiner or
    separator line ("Ada Quill" / "and" / "Ben Roe")."""
    names: list[str] = []
    agencies: list[str] = []
    grouped = False
    taken = [zone[i]]
    bare = _bare_prefix(zone[i].text, words)  # "Written by", "By:": what follows is named, if words of the page
    for block in zone[i + 1: i + 1 + _FOLLOW]:
        text = block.text.strip()
        if not text.strip(_SEPARATOR_LINE) or grammar(words).joiner.match(text):
            taken.append(block)
            continue
        if joined and names and taken[-1].text.strip(_SEPARATOR_LINE) and not grammar(words).joiner.match(taken[-1].text):
            break
        reading = read_names(text, words, prefixed=not names)
        if not (names or reading) and (group := group_name(text, words)):
            reading, grouped = Reading((group,), group=True), True  # "By" / "The Maple Team"
        if reading.unknown or reading.dated or not (reading or reading.roled) or (
                is_furniture(text, reading, page) and not (bare and _full_names(reading))):
            break
        names += reading.names
        agencies += reading.agencies + reading.outlets
        taken.append(block)
    while len(taken) > 1 and not taken[-1].text.strip(_SEPARATOR_LINE):
        taken.pop()
    if not (names or agencies):
        return None
    reading = Reading(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(agencies)), group=grouped)
    return _Byline(tuple(taken), reading, "prefix-line")


def _name_lines(zone: list[Block], i: int, end: int, words: Words,
                page: PageWords) -> tuple[int, list[Reading]]:
    """The run of lines of names alone that starts at ``i`` and ends before ``end``: (last
    index, readings)."""
    readings = []
    j = i
    while j < end and (reading := _names_only(zone[j].text, words, page)) is not None:
        readings.append(reading)
        j += 1
        if reading.dated and _self_anchored(reading, words):
            break  # "Ada Quill March 3, 2024": the byline ends with its date, a label may follow
    return j - 1, readings


def _names_only(text: str, words: Words, page: PageWords) -> Reading | None:
    """A line of names alone that is not the page's furniture; cheaply refused when it
    cannot be one (a sentence or a headline has more words in small letters).

    >>> page = PageWords(Draft((Block(0, "Jane Doe and John Roe, staff writers"),)))
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
    if reading is None:
        reading = _before_label(text, words)
    if reading is None and (reading := _paired(text, words)) is not None and (not _self_anchored(reading, words) or any(
            page.common(w.casefold()) for name in reading.names for w in name.split())):
        return None  # a menu of capitalised words ("Posts Music Links Search"): the names carry their date
    return None if reading is None or is_furniture(text, reading, page) else reading


def _paired(text: str, words: Words) -> Reading | None:
    """The names of a line of two-word names without separators, perhaps with its date after
    them ("Ada Quill Ben Roe Cy Vance 8 March, 17:46": three names); an odd number of
    capitalised words cannot be told apart into names (None). ``_names_only`` takes it only
    with its date on the line and no word of it in small letters on the page (a menu).

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _paired("Ada Quill Ben Roe Cy Vance March 8, 2024", w).names
    ('Ada Quill', 'Ben Roe', 'Cy Vance')
    >>> _paired("Ada Marie Quill Ben Roe", w), _paired("Ada Quill said on Monday", w)
    (None, None)
    """
    tokens = text.split()
    if len(tokens) < 4 or not all(t[:1].isupper() and t.isalpha() for t in tokens[:4]):
        return None
    n, dates = 0, grammar(words).dates
    while n < len(tokens) and n < 10 and tokens[n][:1].isupper() and tokens[n].replace("-", "").isalpha() \
            and tokens[n].rstrip(".").casefold() not in dates:
        n += 1
    rest = " ".join(tokens[n:])
    if n % 2 or not 4 <= n <= 8 or rest and not _date_line(rest, words):
        return None
    paired = ", ".join(" ".join(tokens[k: k + 2]) for k in range(0, n, 2))
    reading = name_line(f"{paired} {rest}".strip(), words)
    return reading if reading and len(reading.names) == n // 2 and not (reading.agencies or reading.outlets) else None


def _before_label(text: str, words: Words) -> Reading | None:
    """The names of a line of names that ends with a button's label of two words, the last
    in small letters ("Ada Marie Quill Tips meg", "Ben Roe Follow me"); else None (a sentence
    has more small words: "Ada Quill said no").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _before_label("Ada Marie Quill Tips meg", w).names, _before_label("Ada Quill said no", w)
    (('Ada Marie Quill',), None)
    >>> _before_label("Harbour Plan Agreed Today", w), _before_label("Ada Quill Follow", w)
    (None, None)
    >>> _before_label("Sport Menü Sport aufklappen", w) is None
    True
    """
    tokens = text.split()
    if not 4 <= len(tokens) <= 6 or not tokens[-1].isalpha() or not tokens[-1][:1].islower() \
            or not tokens[-2][:1].isupper():
        return None
    if tokens[-2] in tokens[:-2]:
        return None  # "Kultur Menü Kultur aufklappen": a menu's button names its menu
    reading = name_line(" ".join(tokens[:-2]), words)
    return reading if reading and reading.names and not (reading.agencies or reading.outlets or reading.dated) else None


def _bylines(zone: list[Block], split: int, words: Words, page: PageWords, names: bool = True,
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
            if got is None and headed and i == split:
                got = _signed(zone, i, words, page)
        if got:
            found.append(got)
        i += taken
    return found


def _names_run(zone: list[Block], i: int, split: int, end: int, words: Words, page: PageWords,
               headed: bool) -> tuple[_Byline | None, int]:
    """The byline of the run of lines of names alone that starts at ``i`` (before ``end``),
    if it is one, and how many lines the run has (at least one); ``headed``: the headline
    was found (it stood at ``split``)."""
    j, readings = _name_lines(zone, i, end, words, page)
    run = max(1, j - i + 1)
    first = i
    for k in range(i, j):
        credit = page.taken_out.get(zone[k].index + 1)
        if credit is not None and _credit_line(credit, words):
            i, readings = k + 1, readings[k + 1 - i:]  # the subject of a photo, its credit taken out under it
    captions = tuple(zone[first:i])
    while len(readings) > 1 and page.printed.get(zone[i].text, 0) > _PRINTED:
        i, readings = i + 1, readings[1:]  # a menu item printed again and again, above the names
    while len(readings) > 1 and page.printed.get(zone[j].text, 0) > _PRINTED:
        j, readings = j - 1, readings[:-1]
    if not readings:
        return None, run
    start = 0 if i < split else split
    lede = headed and _by_headline(zone, split, i, j)
    got = _names_byline(zone[start:end], i - start, j - start, readings, words, lede)
    return (replace(got, captions=captions) if got and captions else got), run


_SIGNATURE = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){1,2}")


def _signed(zone: list[Block], i: int, words: Words, page: PageWords) -> _Byline | None:
    """Line ``i``, right under the headline, with a date line alone right under it: the name
    the author signs with, in capitals or a team's ("ADA QUILL" / "Sep 26, 2022", "Team
    Maple" / "March 5, 2026"). Two or three words (one is as often a place: "Washington"),
    none the page writes in small letters or prints again (a section's name: "Business
    News"), a date, a role or a label.

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> lines = [Block(0, "ADA QUILL"), Block(1, "March 5, 2026"), Block(2, "Business news today.")]
    >>> _signed(lines, 0, w, PageWords(Draft(tuple(lines)))).reading.names
    ('ADA QUILL',)
    >>> _signed(lines, 1, w, PageWords(Draft(tuple(lines)))) is None
    True
    >>> lines = [Block(0, "Business News"), Block(1, "March 5, 2026"), Block(2, "The business of news.")]
    >>> _signed(lines, 0, w, PageWords(Draft(tuple(lines)))) is None
    True
    """
    text = zone[i].text.strip()
    if i + 1 >= len(zone) or not _SIGNATURE.fullmatch(text) or not text[:1].isupper():
        return None
    below = zone[i + 1].text
    if word_count(below) > _LIGHT_WORDS + 2 or not _date_line(below, words) or _SIGNATURE.fullmatch(below.strip()):
        return None
    folded = [t.casefold() for t in text.split()]
    g = grammar(words)
    if page.printed.get(zone[i].text, 0) > 1 or g.labels.match(text) or folded[0] in g.prepositions or any(
            page.common(t) or t in g.dates or t in g.roles or t in g.buttons for t in folded):
        return None  # a section's name, a label ("PUBLISHED"), a date, a button ("Share Post")
    reading = Reading((text,), group=True)
    if read_names(text, words).agencies or is_furniture(text, reading, page):
        return None  # an agency alone; a menu's words ("Start Trial" beside "Start Free Trial")
    return _Byline((zone[i],), reading, "signed")


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
    if j + 1 < len(zone) and _credit_line(zone[j + 1].text, words) and not _reviewer_over_date(zone, j + 1, words):
        return None  # the subject of a photo, its credit under it
    if i > 0 and zone[i - 1].text.rstrip().endswith(":") and is_credit(zone[i - 1].text, grammar(words)):
        return None  # a photographer under "Foto:"
    if not (lede or any(_self_anchored(r, words) for r in readings) or _anchored(zone, i, j, words)):
        return None
    names = tuple(dict.fromkeys(n for r in readings for n in r.names))
    agencies = tuple(dict.fromkeys(a for r in readings for a in r.agencies + r.outlets))
    keep = _date_kept(zone[i].text, readings[0]) if i == j else ""
    return _Byline(tuple(zone[i: j + 1]), Reading(names, agencies), "names", keep)


def _reviewer_over_date(zone: list[Block], k: int, words: Words) -> bool:
    """Line ``k`` credits other work with a "by" ("Reviewed by Ben Roe", "Edited by ...") and a
    date line follows: the byline's own block (the author, her reviewer, the date), not a
    photo's credit under its subject ("Foto: REUTERS/Nate Hale").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> lines = [Block(0, "Reviewed by Ben Roe"), Block(1, "May 3, 2024"), Block(2, "Photo: Nate Hale"), Block(3, "May 3, 2024")]
    >>> _reviewer_over_date(lines, 0, w), _reviewer_over_date(lines, 2, w)
    (True, False)
    """
    return (credit_kind(zone[k].text, grammar(words)) == "by" and k + 1 < len(zone)
            and _date_line(zone[k + 1].text, words))


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
    after = [f for f in after if f.how != "signed"] or after  # a line of names of its own shape first
    return after[:1] if after else found[-1:]


def _elsewhere(blocks: list[Block], words: Words, page: PageWords) -> list[_Byline]:
    """The first prefixed byline anywhere on the page, when the header zone holds none (or only
    a line of names above the headline): an
    author box under the article ("Written by" / "Jane Doe"), a byline above a headline
    found further down. Only a line that opens with a prefix and holds nothing but names
    after it counts (no sentence: "By the end of the day it rained.").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> page = PageWords(Draft(()))
    >>> lines = [Block(0, "By the end of the day the river had risen."), Block(1, "Written by"), Block(2, "Ada Quill")]
    >>> [f.reading.names for f in _elsewhere(lines, w, page)]
    [('Ada Quill',)]
    """
    starts = _prefix_starts(words)
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > _ELSEWHERE_CHARS or not _may_hold_prefix(text, starts):
            continue
        if _bare_prefix(text, words):
            got = _after_prefix(blocks, i, words, page, joined=True)
        else:
            reading = byline_line(text, words)
            got = _Byline((block,), reading, "elsewhere", _date_kept(text, reading)) if reading else None
        if got and not is_furniture(text, got.reading, page) and not _filter_label(text, got.reading, words):
            return [got]
    return _author_box(blocks, words, page)


def _author_box(blocks: list[Block], words: Words, page: PageWords) -> list[_Byline]:
    """The first author box on the page: a line of one person's name with an "Author" label
    alone beside it, or with the author's portrait under it that opens with the name ("Ada
    Quill" / "Ada Quill is a reporter covering ..."; "Ada Quill" / "Ada writes about ...").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> lines = [Block(0, "Ada Quill"), Block(1, "Ada covers the city's courts for the paper.")]
    >>> [f.reading.names for f in _author_box(lines, w, PageWords(Draft(tuple(lines))))]
    [('Ada Quill',)]
    >>> lines = [Block(0, "Ada Quill"), Block(1, "The river rose again on Monday.")]
    >>> _author_box(lines, w, PageWords(Draft(tuple(lines))))
    []
    """
    labels = _author_labels(words)
    labelled, portraits = [], []
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > 60 or not text[:1].isupper() or word_count(text) > 5:
            continue
        after = blocks[i + 1].text if i + 1 < len(blocks) else ""
        beside = [b.text.strip().rstrip(":").casefold() for b in blocks[max(0, i - 1): i] + blocks[i + 1: i + 2]]
        labelled_here = any(b in labels for b in beside)
        if not labelled_here and not after.startswith(text.split(None, 1)[0] + " "):
            continue  # cheap: neither a label beside it nor a paragraph that opens with its first word
        reading = name_line(text, words)
        if reading is None or len(reading.names) != 1 or reading.names[0] != text.strip(" .!:") \
                or is_furniture(text, reading, page) or page.printed.get(text, 0) > 2:
            continue
        if labelled_here:
            labelled.append(_Byline((block,), reading, "author-box"))
        elif _portrait(reading.names[0], after, page):
            portraits.append(_Byline((block,), reading, "author-box"))
    # a name over a paragraph about it, again and again, is a list's ("Top tools": "Power Grid" / "Power Grid is ...")
    return labelled[:1] or (portraits if len(portraits) == 1 else [])


def _portrait(name: str, text: str, page: PageWords) -> bool:
    """A paragraph about the person named: it opens with the name, or its first word (not a
    word the page writes in small letters: "Der Abend" / "Der ruhige Ausklang ..."), and a
    word in small letters after it ("Ada Quill is a reporter ...", "Ada covers ...").

    >>> page = PageWords(Draft(()))
    >>> _portrait("Ada Quill", "Ada Quill is a reporter covering the courts.", page), _portrait("Ada Quill", "Ada covers the courts of the city.", page)
    (True, True)
    >>> _portrait("Ada Quill", "Ada Quill", page), _portrait("Ada Quill", "Adapting to the new rules is hard.", page)
    (False, False)
    """
    if not _running(text):
        return False
    tokens, first = text.split(), name.split()[0]
    n = len(name.split()) if text.startswith(name + " ") else 1 if tokens[0] == first and not page.common(first.casefold()) else 0
    return bool(n) and len(tokens) > n and tokens[n][:1].islower()


def _author_labels(words: Words) -> frozenset[str]:
    """The prefixes that are nouns ("author", "autor", "auteur"): alone beside a name, a label
    of an author box; kept once per ``Words``."""
    found = words.compiled.get("author-labels")
    if found is None:
        short = grammar(words).by  # "by", "von": the short prefixes
        found = words.compiled["author-labels"] = frozenset(
            p.casefold() for p in words.byline_prefixes if " " not in p and p.casefold() not in short)
    return found


def _prefix_starts(words: Words) -> frozenset[str]:
    """The first words of the byline prefixes ("by", "written", "von"), casefolded, once per
    ``Words``."""
    found = words.compiled.get("byline-starts")
    if found is None:
        found = words.compiled["byline-starts"] = frozenset(p.split()[0].casefold() for p in words.byline_prefixes if p.split())
    return found


def _may_hold_prefix(text: str, starts: frozenset[str]) -> bool:
    """A cheap test before reading a line as a byline: its first word is one a prefix opens
    with ("Written", "By:", "ByJane"), or a prefix may follow a date or a label on it
    ("March 3, 2024 by Ada Quill", "Guide by Ada Quill").

    >>> _may_hold_prefix("Written by Ada Quill", frozenset({"written", "by"})), _may_hold_prefix("Home Delivery", frozenset({"by"}))
    (True, False)
    """
    tokens = text.split(None, 2)
    if not tokens:
        return False
    first = tokens[0].rstrip(":").casefold()
    return first in starts or first[:2] in starts or len(tokens) > 1 and tokens[1].rstrip(":").casefold() in starts \
        or bool(_DIGIT.search(text, 0, 40)) and any(w.casefold() in starts for w in text.split()[1:16])


def _filter_label(text: str, reading: Reading, words: Words) -> bool:
    """A one-word name after a short prefix away from the header is a menu's filter or
    sort label ("By Category", "By Region"), no author ("Written by Ada" is one).

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _filter_label("By Category", Reading(("Category",)), w), _filter_label("Written by Ada", Reading(("Ada",)), w)
    (True, False)
    """
    first = text.split()[0].rstrip(":").casefold() if text.split() else ""
    return first in grammar(words).by and all(len(n.split()) < 2 for n in reading.names)


def _full_names(reading: Reading) -> bool:
    """Every person named has two words or more ("Ada Harbour", not "Category"): after a prefix
    alone such a name counts even when the page writes some of its words in small letters.

    >>> _full_names(Reading(("Ada Harbour",))), _full_names(Reading(("Category",)))
    (True, False)
    """
    return bool(reading.names) and all(len(n.split()) >= 2 for n in reading.names)


def _bare_prefix(text: str, words: Words) -> bool:
    """A line that is a byline prefix and nothing else ("Written by", "Author:"), not a
    prefix after other words ("Filter by", "Sort by:").

    >>> from cleaner.vocabulary import Vocabularies
    >>> w = Vocabularies.load().words(("en",))
    >>> _bare_prefix("Written By", w), _bare_prefix("Author:", w), _bare_prefix("Filter by", w), _bare_prefix("Sort by:", w)
    (True, True, False, False)
    """
    if len(text) > 40:
        return False
    bare = " ".join(text.strip().rstrip(":").split()).casefold()
    return any(bare == p.casefold() for p in words.byline_prefixes) and is_prefix_line(text, words)


def find_byline(draft: Draft, ctx: Context) -> Draft:
    """Find the bylines of the header zone; their lines leave the body, their names go in
    ``byline`` and their agencies in ``agency``. For HTML the markup's names count first
    (``cleaner/fields/resolve.py``); where the markup names no author, the page's own lines
    (``Page.lines``) are searched as a text dump's would be. A line at the top of the body
    that names the byline's persons alone leaves it too."""
    words = words_for(draft, ctx)
    header = list(draft.header[-_BEFORE:])
    page = PageWords(draft)
    headed = bool(draft.evidence_for("headline"))
    chosen, zone = _search(header, list(draft.blocks), words, page, text=not ctx.html, headed=headed,
                           above=list(draft.header))
    if chosen:
        draft = _found(_without_bylines(draft, chosen, zone), chosen, page, text_line)
    elif ctx.html and ctx.page.lines:
        draft = _on_page_lines(draft, ctx, words)
    return _without_markup_names(draft, ctx, words) if ctx.html else draft


def _without_markup_names(draft: Draft, ctx: Context, words: Words | None) -> Draft:
    """HTML: a line at the top of the body that names the persons the markup names as the
    author, and nothing else ("Ada Quill" over the lede), is the byline printed: it leaves
    the body. (The site's own name in the author markup does not count.)

    >>> from ..page import Found, Page
    >>> from ..settings import Settings
    >>> page = Page("html", (), {"byline": Found(("Ada Quill",), "json-ld author", "markup")})
    >>> ctx = Context(settings=Settings(), packs=(), page=page, tools={})
    >>> draft = Draft((Block(0, "Ada Quill"), Block(1, "The council voted on Tuesday to close the old bridge.")))
    >>> [b.text for b in _without_markup_names(draft, ctx, None).blocks]
    ['The council voted on Tuesday to close the old bridge.']
    """
    found = ctx.page.markup.get("byline")
    if found is None or found.kind != "markup" or not found.value:
        return draft
    return _without_name_lines(draft, found.value, words, "the author the markup names")


def _without_name_lines(draft: Draft, names: tuple[str, ...], words: Words | None, who: str) -> Draft:
    """The body without its lines near the top that name ``names`` and nothing else (no
    date, agency or other words: the byline found elsewhere, printed again as a line of the
    main content)."""
    named = {fold(name) for name in names}
    drops = []
    for block in _near_top(draft.blocks) if named else ():
        if not all(name in fold(block.text) for name in named):
            continue  # (the names read from a line are words of it: most lines are asked no more)
        reading = read_names(block.text, words)
        alone = not (reading.unknown or reading.agencies or reading.outlets or reading.group or reading.dated)
        if alone and {fold(name) for name in reading.names} == named:
            drops.append((block, "byline-printed", f"{who}, printed as a line of the body"))
    return draft.remove("byline", drops)


def _search(header: list[Block], blocks: list[Block], words: Words, page: PageWords, *, text: bool,
            headed: bool, above: list[Block]) -> tuple[list[_Byline], list[Block]]:
    """(the bylines chosen, the header zone searched): the header zone's (the last lines of
    ``header`` above the headline, the first of ``blocks`` under it; lines of names alone
    count in a text dump), else, in a text dump, a prefixed one or an author box elsewhere on
    the page (``above`` the headline, all of it, and ``blocks``), when the zone holds none or
    only a line of names above the headline (a menu as often)."""
    zone = header + _near_top(blocks)
    over = {id(b) for b in header}
    chosen = _chosen(_bylines(zone, len(header), words, page, text, headed), over)
    if text and all(not f.strong and id(f.lines[0]) in over for f in chosen):
        chosen = _elsewhere(above + blocks, words, page) or chosen
    return chosen, zone


def _on_page_lines(draft: Draft, ctx: Context, words: Words) -> Draft:
    """The byline of an HTML page whose markup names no author, from its own lines: the
    header zone around the line that is the markup's headline (else the prefixed bylines and
    author boxes anywhere), read as a text dump's; the body (the main content) stays as it is
    but for a line at its top that names those persons alone."""
    lines = list(ctx.page.lines)
    headline = fold(ctx.page.said("headline") or "")
    h = next((i for i, b in enumerate(lines) if headline and fold(b.text) == headline), None)
    page = PageWords(Draft(tuple(lines)))
    if h is None:
        chosen = _elsewhere(lines, words, page)
    else:
        chosen, _ = _search(lines[max(0, h - _BEFORE): h], lines[h + 1:], words, page, text=True, headed=True,
                            above=lines[:h])
    if not chosen:
        return draft
    draft = _found(draft, chosen, page, lambda b: f"page {text_line(b)}")
    names = tuple(n for f in chosen for n in f.reading.names)
    return _without_name_lines(draft, names, words, "the byline found on the page")


def _found(draft: Draft, chosen: list[_Byline], page: PageWords, where) -> Draft:
    """The draft with the chosen bylines' names as ``byline`` evidence and their agency as
    ``agency`` evidence, each with the line it stood on (``where``)."""
    groups = frozenset(n for f in chosen if f.reading.group for n in f.reading.names)
    names = people(tuple(n for f in chosen for n in f.reading.names), page, groups)
    agencies = [(f.reading.agency, f) for f in chosen if f.reading.agency]
    first = next((f for f in chosen if f.reading.names), chosen[0])
    draft = draft.found("byline", names, where(first.lines[0]))
    if agencies:
        draft = draft.found("agency", agencies[0][0], where(agencies[0][1].lines[0]))
    return draft


def _without_bylines(draft: Draft, chosen: list[_Byline], zone: list[Block]) -> Draft:
    """The body without the byline lines taken (and their copies near the top); a teaser or a
    date on a byline's line stays."""
    taken = {id(b): f for f in chosen for b in f.lines}
    captions = {id(b) for f in chosen for b in f.captions}
    texts = {b.text for f in chosen for b in f.lines if f.keep == ""}
    near = {id(b) for b in zone}
    blocks, trace = [], []
    for block in draft.blocks:
        if id(block) in captions:
            trace.append(Removal("byline", "photo-caption", "a photo's caption above the byline: its credit was "
                                 "taken out under it", block.text, block.index))
            continue
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
