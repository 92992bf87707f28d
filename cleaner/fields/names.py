"""Person names in bylines and author markup: the one name cleaner of both paths.

An author string, from a line of a text dump ("Von Sebastian Köhne, Andreas Gansel und
Philipp Sieber") or from the markup (JSON-LD, ``<meta name=author>``, an author box), is read
in one way (``read_names``): labels and prefixes off ("By", "Von", "Written by"), glued
dates, roles and agencies split off ("By Kent GermanDec 22", "Emma MackayLifestyle Writer",
"ERIC TUCKERAssociated Press"), the rest split into parts on separators and the language's
joiners, and each part told apart: a person, an agency or outlet (goes to ``agency``), a role,
a date, or nothing known. The words of each language (prefixes, joiners, roles, agencies,
months) come from ``cleaner/vocabulary/`` as ``Words``; what is compiled from them is kept in
``Words.compiled``, once per ``Words``.

The text path asks how sure a line is a byline (``byline_line``, ``name_line``,
``is_prefix_line``); the markup path takes what the markup names, cleaned (``clean_names``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

import yaml

from ..blocks import squash
from ..textutil import COPYRIGHT_MARK
from ..vocabulary import FOLDER, Vocabularies, Words

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_VOWELS = frozenset("aeiouyäöüàáâãåæèéêëìíîïòóôõøùúûýÿœаеёиоуыэюяіїєαεηιουω")
_MAX_NAME_WORDS = 5
_MAX_PART = 80
_AGENCY_WORDS = 5  # the longest agency name, in words
_DATE_HEAD = 12  # a date (and its labels) before a byline on its line, in words at most
_SHORT_PREFIX = 4  # a prefix alone on its line without a colon is a short word ("by", "von", "oleh")
_SEPARATORS = r"[,;|/·•⋅∙]|\s[–—-]+\s|\s[–—]|[–—]\s|(?<=\w)[–—](?=\d)"
_DATE_TOKEN = re.compile(r"\d")
_CAMEL = re.compile(r"(?<=[a-zà-ÿß])(?=[A-ZÀ-Þ])")
_GLUE = re.compile(r"(?<=[a-zà-ÿß])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[^\W\d_]{2})(?=\d)"
                   r"|(?<=\d)(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[^\W\d_])-(?=(?P<after>[^\W\d_]+))")
#: a handle, an e-mail address or a URL beside a name: no part of it
_CONTACT = re.compile(r"\(?\s*@[\w.]+\s*\)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")
_DASHES = ("-", "–", "—", "--")
_APOSTROPHES = "'’"
_LINK_TEXT = re.compile(r"(?i)^(?:by|the author|more (?:about|from|by)|(?:view|see|read) (?:all|more))\b|\bauthor\b")
_CRUMB = re.compile(r"[»›>]")
_MARKER = re.compile(r"^\d{1,2}\*?$")
_LABEL_BY = re.compile(r"^([A-ZÀ-Þ][^\W\d_]+)\s+(?=(?i:by|von|par|por|door|av|af)\s)")
_LABELLED = re.compile(r"^[^\W\d_][^:\d]{0,30}:\s")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b|\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d\d\b")
_DOMAIN = re.compile(r"(?i)^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|de|at|ch|fr|it|es|nl|be|uk|co|tr|ru|pl|"
                     r"se|no|dk|fi|pt|br|in|jp|au|ca|io|info|news|online|tv|eu)$")
_HANDLE = re.compile(r"[@/:»©]|https?|www\.")
_INITIALS = re.compile(r"^(?:[^\W\d_a-zà-ÿß]\.){1,3}[^\W\d_a-zà-ÿß]?$|^[^\W\d_a-zà-ÿß]$")
_LOWER_NAME = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}")
_AROUND = " \"'“”‘’„«»‹›•·|*-–—,.;:()[]{}!?+"
_CREDENTIAL = re.compile(r"^(?:(?:Ph\.?\s?D\.?|M\.?D\.?|[A-Z]{2,6}\d*|(?:[A-Z]\.){2,4}|[A-Z]{2,6}-[A-Z]{2,6}\s?\d*)"
                         r"(?:[\s,]+|$))+$")


@dataclass(frozen=True)
class Reading:
    """What an author string says: ``names`` (persons), ``agencies`` (the news agencies of the
    vocabulary: "AFP", "dpa"), ``outlets`` ("BBC News", "Dailyplanet.Com"), whether a date or a role stood beside the
    names (``dated``, ``roled``: a sign that the line is a byline), and how many of its parts
    were none of these (``unknown``: a text line with any is no byline)."""

    names: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    #: outlets named beside the names by their look, not in the vocabulary ("BBC News")
    outlets: tuple[str, ...] = ()
    dated: bool = False
    roled: bool = False
    unknown: int = 0
    #: the text left before a byline glued to the end of a line ("... Iraqi militias. By X")
    rest: str = ""
    #: the first date or time beside the names ("Dec 22, 2023")
    date: str = ""
    #: parts of no known kind before the first name or agency (after a prefix: no byline)
    lead: int = 0
    #: the names are a team's, a desk's or a brand's after a prefix, as written ("The Maple Team")
    group: bool = False

    def __bool__(self) -> bool:
        return bool(self.names or self.agencies or self.outlets)

    @property
    def agency(self) -> str | None:
        """The agency or outlet the byline names (an agency of the vocabulary first)."""
        return next(iter(self.agencies + self.outlets), None)


@dataclass(frozen=True)
class _Grammar:
    """What is compiled from one ``Words`` (kept in ``Words.compiled``): the patterns of the
    prefixes and joiners, and the other words as sets (a lookup is cheaper than a pattern)."""

    prefix: re.Pattern
    prefix_line: re.Pattern
    inner_prefix: re.Pattern
    glued_prefix: re.Pattern
    glued_byline: re.Pattern
    split: re.Pattern
    joiner: re.Pattern
    leading_joiner: re.Pattern
    labels: re.Pattern
    #: words of job titles and of other credits ("redakteur", "senior", "foto")
    roles: frozenset
    #: the short prefixes ("by", "von"): after a role they name other work ("Edited by")
    by: frozenset
    months: frozenset
    dates: frozenset
    #: words of controls and menus ("share", "facebook"): in no name
    buttons: frozenset = frozenset()
    #: words that open no name ("In Harbour News")
    prepositions: frozenset = frozenset()
    #: the small words inside a person's name, of every language ("von der", "van", "de la")
    particles: frozenset = frozenset()
    #: small words between a name and a date or a place ("on December 21", "am 3. Mai")
    connectors: frozenset = frozenset()
    #: words that open a group's name ("The Maple Team") and the small words inside one
    articles: frozenset = frozenset()
    group_words: frozenset = frozenset()
    #: an apostrophe's ending that makes a word no name ("I'm", "We're")
    contraction: re.Pattern = re.compile("(?!)")
    #: where a group's name ends: a separator, or a preposition before a section ("in Woodworking")
    group_tail: re.Pattern = re.compile("(?!)")
    agencies: dict = field(default_factory=dict)


def _alternatives(items) -> str:
    """One regex alternation of literal words, longest first, spaces as any white space."""
    escaped = [re.escape(i).replace(r"\ ", r"\s+") for i in sorted(set(items), key=len, reverse=True) if i]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"


def grammar(words: Words) -> _Grammar:
    """What is compiled from ``words``, once per ``Words`` (a frozen value)."""
    found = words.compiled.get("names")
    if found is None:
        found = words.compiled["names"] = _compile(words)
    return found


def _compile(words: Words) -> _Grammar:
    prefixes = _alternatives(words.byline_prefixes)
    glue_ok = [p for p in words.byline_prefixes if p.casefold() not in words.particles and len(p) > 1]
    joiners = _alternatives(j for j in words.joiners if j != "&")
    months = frozenset(m.rstrip(".") for m in words.months)
    return _Grammar(
        prefix=re.compile(rf"^\s*{prefixes}(?:\s*:\s*|\s+)(?=\S)", re.IGNORECASE),
        inner_prefix=re.compile(rf"(?:(?<=\s)|(?<=\d)(?=[A-ZÀ-Þ])){prefixes}\s+(?=[A-ZÀ-Þ])", re.IGNORECASE),
        prefix_line=re.compile(rf"^\s*(?:[^\W\d_]+\s+){{0,2}}{prefixes}\s*:?\s*$", re.IGNORECASE),
        glued_prefix=re.compile(rf"^\s*(?i:{_alternatives(glue_ok)})(?=[A-ZÀ-Þ][a-zà-ÿ])"),
        glued_byline=re.compile(rf"(?:(?<=[.!?”\"’])\s+|\s[|•·]\s+)(?:By|{_alternatives(p.title() for p in glue_ok)}|"
                                rf"(?i:{_alternatives(p for p in glue_ok if ' ' in p)}))\s+(?=[A-Z])"),
        split=re.compile(rf"\s*(?:{_SEPARATORS}|&|\s(?i:{joiners})\s)\s*"),
        joiner=re.compile(rf"^\s*(?:&|(?i:{joiners}))\s*$"),
        leading_joiner=re.compile(rf"^{joiners}\s+(?=\S)"),
        labels=re.compile(rf"^{_alternatives(list(words.published) + list(words.updated))}\b", re.IGNORECASE),
        roles=frozenset(w for role in words.roles for w in role.casefold().replace(".", " ").split()),
        by=frozenset(p.casefold() for p in words.byline_prefixes if " " not in p and len(p) <= _SHORT_PREFIX),
        months=months, dates=months | frozenset(words.weekdays), buttons=words.buttons,
        prepositions=words.prepositions,
        particles=words.particles, connectors=words.connectors, articles=words.articles,
        group_words=words.group_words,
        contraction=re.compile(rf"['’]{_alternatives(c.lstrip(_APOSTROPHES) for c in words.contractions)}$"),
        group_tail=re.compile(rf"\s[|•·]\s|\s[–—-]\s|\s{_alternatives(words.prepositions)}\s+(?=[A-ZÀ-Þ\d])"),
        agencies=dict(words.agencies),
    )


@cache
def default_words() -> Words:
    """The words of every language the vocabulary knows, for callers that know no document
    language (the HTML reader's author markup, the headline finder's byline test). Read once
    per process, as the files are: a ``Cleaner`` validates them when it is built."""
    data = {name: yaml.load((FOLDER / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)[name]
            for name in ("dates", "bylines", "agencies")}
    vocabularies = Vocabularies(data["dates"], data["bylines"], data["agencies"])
    return vocabularies.words(tuple(sorted(vocabularies.bylines)))


# --- reading an author string -------------------------------------------------------------


def read_names(text: str, words: Words | None = None, *, markup: bool = False,
               lowercase: bool = False, prefixed: bool = False) -> Reading:
    """Read an author string into persons, agencies and what else it holds.

    ``markup``: the string comes from markup that names the author (keep what is no person
    too, such as a brand: "HarbourWorks"); ``lowercase``: "kirstin boatto" is a name there;
    ``prefixed``: a byline prefix stood before the string (on the line above). One word is a
    name only in markup or after a prefix ("By Kristin"; "Washington" alone is none).

    >>> r = read_names("By Lena Marsh and Oskar Petrenko The Associated Press")
    >>> r.names, r.agencies
    (('Lena Marsh', 'Oskar Petrenko'), ('The Associated Press',))
    >>> read_names("Von Hanna Ritter, Redakteurin für Finanzen").names
    ('Hanna Ritter',)
    >>> r = read_names("von Engin Haupt, MDR SACHSEN-ANHALT"); r.names, r.outlets
    (('Engin Haupt',), ('MDR SACHSEN-ANHALT',))
    >>> read_names("Washington").names, read_names("BBC News").outlets
    ((), ('BBC News',))
    """
    g = grammar(words or default_words())
    text, had_prefix = _prepared(text, g, markup)
    items, facts = _parts(text, g, markup, lowercase)
    agencies = tuple(dict.fromkeys(value for kind, value, _ in items if kind == "agency"))
    outlets = tuple(dict.fromkeys(value for kind, value, _ in items if kind == "outlet"))
    names = _names_kept([(value, joined) for kind, value, joined in items if kind == "name"],
                        beside=bool(agencies or outlets) and not markup)
    if not (markup or prefixed or had_prefix) and any(len(name.split()) < 2 for name in names):
        facts["unknown"] += not agencies  # beside an agency one word is a place ("AFP, MANILA")
        names = tuple(name for name in names if len(name.split()) >= 2)
    return Reading(names, agencies, outlets, **facts)


def _prepared(text: str, g: _Grammar, markup: bool) -> tuple[str, bool]:
    """(the author string ready to split, whether a prefix opened it): entities decoded, lines
    joined, handles and addresses out, the prefix off, glued parts apart."""
    text = html.unescape(text)
    text = ", ".join(line for line in (squash(x) for x in text.splitlines()) if line)
    text = _CONTACT.sub(" | ", text).strip(" |")
    unprefixed = _strip_prefix(text, g)
    return _unglue(unprefixed, g, markup), unprefixed != text


def _parts(text: str, g: _Grammar, markup: bool, lowercase: bool) -> tuple[list[tuple[str, str, bool]], dict]:
    """The kinds of the parts of an author string: [(kind, value, joined to the one before by a
    joiner)] of the names, agencies and outlets, and the facts of the ``Reading`` (dated, date,
    roled, unknown, lead)."""
    items: list[tuple[str, str, bool]] = []
    facts = {"dated": False, "date": "", "roled": False, "unknown": 0, "lead": 0}
    seps = [m.group(0) for m in g.split.finditer(text)]
    for k, piece in enumerate(g.split.split(text)):
        after_name = any(item[0] == "name" for item in items)
        if facts["dated"] and after_name and not markup:
            break  # names, then a date: what follows is the line's tail (tags, reading time)
        kinds = _classify(piece, g, markup, lowercase, after_name)
        if kinds[0][0] == "credit":
            break  # "Fact-checked by X", "Foto: REUTERS/X": the rest names other work
        if markup and after_name and k and seps[k - 1].strip() in _DASHES:
            kinds = [kv for kv in kinds if kv[0] == "agency"]  # "David Jackson - Editorial Team": it describes him
        joined = k > 0 and bool(g.joiner.match(seps[k - 1]))
        for kind, value in kinds:
            if kind == "date" and not facts["dated"]:
                facts["dated"], facts["date"] = True, value
            facts["roled"] = facts["roled"] or kind == "role"
            facts["unknown"] += kind == "unknown"
            facts["lead"] += kind == "unknown" and not items
            if kind in ("name", "agency", "outlet", "credential"):
                # a degree is kept as the markup lists it, beside its name ("MS, RD")
                items.append(("name" if kind == "credential" else kind, value, joined or kind == "credential"))
    return items, facts


def _names_kept(names: list[tuple[str, bool]], beside: bool = False) -> tuple[str, ...]:
    """The persons, without one-word parts that a separator set beside a full name or, when
    ``beside``, an agency (a place, a desk, a section: "Seb Dumitru, Lille", "Guide | by Will
    Judd", "By TPN, in News, Portugal"); joined ones stay ("Maria & May Lee").

    >>> _names_kept([("Seb Dumitru", False), ("Lille", False)]), _names_kept([("Maria", False), ("May Lee", True)])
    (('Seb Dumitru',), ('Maria', 'May Lee'))
    """
    full = beside or any(len(name.split()) >= 2 for name, _ in names)
    kept = [name for i, (name, joined) in enumerate(names)
            if not (full and len(name.split()) == 1 and not joined
                    and not (i + 1 < len(names) and names[i + 1][1]))]
    return tuple(dict.fromkeys(kept))


def _strip_prefix(text: str, g: _Grammar) -> str:
    """The author string without its label: "By ", "Von: ", "Written by", "ByNina Pineda"."""
    found = g.prefix.match(text)
    if found:
        return text[found.end():]
    found = g.glued_prefix.match(text)
    return text[found.end():] if found else text


def _unglue(text: str, g: _Grammar, markup: bool = False) -> str:
    """Separate what a page glued to a name: a date, a role, a label or an agency after a small
    letter ("Kent GermanDec 22", "Courtney CarrPublished:", "Emma MackayLifestyle Writer",
    "ERIC TUCKERAssociated Press"), a digit ("Nadir Kinsey2 minutes ago"), a name after a
    date ("Dec 17, 2025Julia K. Arden"), a month after a hyphen ("Summer Swann-June"). In
    markup a digit is a brand's ("Rapid7").

    >>> _unglue("Kent GermanDec 22, 2023", grammar(default_words()))
    'Kent German | Dec 22, 2023'
    >>> _unglue("Mark DeMarco", grammar(default_words())), _unglue("Summer Swann-June", grammar(default_words()))
    ('Mark DeMarco', 'Summer Swann | June')
    >>> _unglue("Ada QuillIn Budget Travel, Travel Tips", grammar(default_words()))
    'Ada Quill'
    """
    out, last = [], 0
    for found in _GLUE.finditer(text):
        at = found.start()
        if text[at] == "-":
            if found.group("after").casefold() in g.months:
                out.append(text[last:at])
                last = at + 1
        elif (text[at].isdigit() or text[at - 1].isdigit()) and not markup or _starts_tail(text[at:], g):
            out.append(text[last:at])
            last = at
            if _section_after(_CAMEL.sub(" ", text[at:]).split()[:2], g):
                return " | ".join(out)  # "Ada QuillIn Budget Travel, Travel Tips": the sections go
    out.append(text[last:])
    return " | ".join(out)


def _section_after(tokens: list[str], g: _Grammar) -> bool:
    """The words glued after a name are a preposition and a section's name ("In Budget
    Travel"): the page's category list, no part of the byline."""
    return len(tokens) > 1 and tokens[0].casefold() in g.prepositions and tokens[1][:1].isupper()


def _starts_tail(rest: str, g: _Grammar) -> bool:
    """What follows a glued name is a role ("Lifestyle Writer", "AI Writer"), a date ("Dec
    22"), a label ("Published:"), an agency, or a preposition before a section ("In Budget
    Travel": "By Ada QuillIn Budget Travel")."""
    rest = re.split(r"[,;|/·•(]", rest, maxsplit=1)[0]  # the glued words only, up to a separator
    tokens = [t.strip(_AROUND) for t in _CAMEL.sub(" ", rest).split()[:3]]
    first = tokens[0].casefold() if tokens else ""
    if first in g.months and len(tokens) > 1 and _DATE_TOKEN.match(tokens[1]) or g.labels.match(rest):
        return True
    if _section_after(tokens, g):
        return True
    for token in tokens:
        if token.casefold() in g.roles:
            return True
        if not token[:1].isupper():
            break
    return _agency_at(rest.split(), g, start=True) is not None


def _classify(piece: str, g: _Grammar, markup: bool, lowercase: bool, after_name: bool) -> list[tuple[str, str]]:
    """What one part of an author string is: [(kind, value)], kind one of name, agency,
    outlet, role, credit (a label of other work: "Foto:", "Edited by"), label (another
    label's value: "Source: TODAY"), date, empty, unknown (a part may hold a name and a role,
    or a name and an agency)."""
    part = _trim(piece)
    if not part:
        return [("empty", "")]
    if len(part) > _MAX_PART:
        return [("unknown", part)]
    if is_credit(part, g):
        return [("credit", part)]  # "Edited by X", "Foto: X": someone who did other work
    part = _trim(_strip_prefix(part, g))
    part = g.leading_joiner.sub("", part)  # "A, B, and C"
    if after_name and _CREDENTIAL.match(part):
        # "MS, RD", "Ph.D.": a degree; markup lists it as the author does, the text drops it
        return [("credential" if markup else "role", piece.strip(" ,;*•·|"))]
    if markup and (_LINK_TEXT.search(part) or g.prefix_line.match(part)):
        return [("empty", part)]  # "More about Jane Doe", "The Author", "Written By": a link's or a label's words
    if _MARKER.match(part):
        return [("empty", part)]  # "Rachel Brazil0": a footnote marker, a count
    part, tail = _cut_date(part, g, markup)
    out = [("date", tail)] if tail else []
    if not part:
        return out or [("date", "")]
    if _LABELLED.match(part):
        return [("label", part)] + out  # "Source: TODAY": the value of another label
    return _kind_of(part, g, markup, lowercase, after_name) + out


def _trim(text: str) -> str:
    """The part without the punctuation and marks around it; a closing parenthesis stays
    when the part opens one ("Paramita (Guha) Ghosh", "Jean-Luc Aubry (TechSoft)")."""
    part = text.strip(_AROUND)
    return part + ")" if "(" in part and text.rstrip().endswith(")") and not part.endswith(")") else part


def is_credit(text: str, g: _Grammar) -> bool:
    """A credit for other work than writing: role words and "by" or a colon ("Edited by",
    "Fact-checked by", "Foto:", "Photo by"), or a copyright mark ("Copyright Nate Hale/AP").

    >>> g = grammar(default_words())
    >>> is_credit("Foto: REUTERS/Nate Hale", g), is_credit("Edited by Jane Doe", g), is_credit("Jane Doe", g)
    (True, True, False)
    >>> is_credit("Copyright Nate Hale/AP", g), is_credit("© Nate Hale", g)
    (True, True)
    """
    return bool(credit_kind(text, g))


def credit_kind(text: str, g: _Grammar) -> str:
    """How a line credits other work than writing: "by" (role words and a prefix: "Reviewed by
    Ben Roe"), "label" (role words and a colon: "Foto: REUTERS/Nate Hale"), "mark" (a
    copyright mark), or "" for no credit.

    >>> g = grammar(default_words())
    >>> [credit_kind(t, g) for t in ("Reviewed by Ben Roe", "Foto: Nate Hale", "© Nate Hale", "Ben Roe")]
    ['by', 'label', 'mark', '']
    """
    if COPYRIGHT_MARK.match(text):
        return "mark"
    tokens = text.split()
    for k, token in enumerate(tokens[:4]):
        word = token.rstrip(":").strip(_AROUND).casefold()
        if k and word in g.by:
            return "by"
        if word not in g.roles:
            return ""
        if token.endswith(":") or k + 1 < len(tokens) and tokens[k + 1] == ":":
            return "label"
    return ""


def _cut_date(part: str, g: _Grammar, markup: bool = False) -> tuple[str, str]:
    """(the part before a date or time, the date): a name has no digit; a month word counts
    only with a day or year after it ("Theresa May" stays), a weekday at the end or before a
    month too ("Ada Quill on Friday December 19, 2025"). In
    markup, a number that opens the part is a name's ("42 Maple Social").

    >>> _cut_date("Tom Tallis October 14, 2025", grammar(default_words())), _cut_date("Theresa May", grammar(default_words()))
    (('Tom Tallis', 'October 14, 2025'), ('Theresa May', ''))
    >>> _cut_date("Ada Quill on Friday December 19, 2025", grammar(default_words()))
    ('Ada Quill', 'Friday December 19, 2025')
    """
    tokens = part.split()
    for i, token in enumerate(tokens):
        bare = token.strip(_AROUND).casefold()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _DATE_TOKEN.search(token):
            if markup and i == 0 and not _NUMERIC_DATE.search(token) and nxt.strip(_AROUND).casefold() not in g.months:
                return part, ""
        elif not (g.labels.match(" ".join(tokens[i:])) or bare in g.months and _DATE_TOKEN.search(nxt)
                  or bare in g.dates and bare not in g.months and (
                      not nxt or _DATE_TOKEN.search(nxt) or nxt.strip(_AROUND).casefold() in g.months)):
            continue
        head = " ".join(tokens[:i])
        while head and head.split()[-1].casefold().strip(_AROUND) in g.connectors:
            head = " ".join(head.split()[:-1])
        return head.strip(_AROUND), " ".join(tokens[i:])
    return part, ""




def _kind_of(part: str, g: _Grammar, markup: bool, lowercase: bool, after_name: bool) -> list[tuple[str, str]]:
    """A part without dates: agency, outlet, role, person or unknown. In markup, a part with
    no person in it stays as the markup names it ("The Maple Team", "Harbour Bank"), unless
    it is a job title after a name ("Keith Barry, Senior Autos Reporter")."""
    agency = _agency(part, g, markup)
    if agency:
        return agency
    if not markup and _is_outlet(part):
        return [("outlet", part)]
    tokens = part.split()
    folded = [t.strip(_AROUND).casefold() for t in tokens]
    roles = [i for i, w in enumerate(folded) if _is_role(w, g)]
    found = _with_role(tokens, roles[0], g, lowercase) if roles else _person(tokens, g, False, lowercase)
    if not markup or found[0][0] in ("name", "date", "agency") and "(" not in part:
        return found
    if found[0][0] == "role" and all(_is_role(w.strip(_AROUND), g) for w in folded):
        return found  # "admin", "Staff Writer": a title, no one's name
    if after_name and any(t[:1].islower() and t not in g.particles for t in folded):
        return [("role", part)]  # "Eliz - Product marketer": a title after the name
    if not lowercase:
        while len(tokens) > 1 and tokens[-1][:1].islower() and tokens[-1] not in g.particles \
                and not _is_role(tokens[-1].strip(_AROUND).casefold(), g):
            tokens = tokens[:-1]  # "Jiobal says"; "The Currency editors" stays
    literal = " ".join(tokens)
    return [("name", literal)] if _markup_name(literal, lowercase) else found


def _is_role(word: str, g: _Grammar) -> bool:
    """A word of a job title, also in the plural ("Columnists")."""
    return word in g.roles or len(word) > 4 and word.endswith("s") and word[:-1] in g.roles


def _caps_outlet(tokens: list[str]) -> int:
    """Where an outlet in capitals starts after a name in small letters ("Brian Truitt USA
    TODAY"): two or more words in capitals after two or more that are not; else 0."""
    caps = 0
    while caps < len(tokens) and tokens[-1 - caps].isupper() and len(tokens[-1 - caps].strip(".")) >= 2:
        caps += 1
    head = len(tokens) - caps
    if caps >= 2 and head >= 2 and not any(t.isupper() for t in tokens[:head]):
        return head
    return 0


def _agency(part: str, g: _Grammar, markup: bool = False) -> list[tuple[str, str]]:
    """An agency alone, first ("dpa Sport", "Associated Press in Valencia") or last ("Vasilisa
    Stepanenko The Associated Press"), or (not in markup, which names what it names) an outlet
    after a name ("Brian Truitt USA TODAY", "Doris Chen For Dailyplanet.Com") in a part."""
    tokens = part.split()
    found = _agency_at(tokens, g, start=True)
    if found is not None:
        return [("agency", found)]
    found = _agency_at(tokens, g, start=False)
    if found is not None:
        head = tokens[: len(tokens) - len(found.split())]
        if len(head) >= 2:
            return _person(head, g, False, False) + [("agency", found)]
    if markup:
        return []
    if at := _caps_outlet(tokens):
        return _person(tokens[:at], g, False, False) + [("outlet", " ".join(tokens[at:]))]
    if len(tokens) >= 3 and _DOMAIN.match(tokens[-1]):  # "Doris Chen For Dailyplanet.Com"
        head = tokens[:-1]
        if len(head) >= 3 and len(head[-1]) <= 4:
            head = head[:-1]
        return _person(head, g, False, False) + [("outlet", tokens[-1])]
    return []


def _agency_at(tokens: list[str], g: _Grammar, start: bool) -> str | None:
    """The agency (as written, with "The" when it has one) that opens (``start``) or ends
    the tokens, longest first.

    >>> _agency_at("Oskar Petrenko The Associated Press".split(), grammar(default_words()), start=False)
    'The Associated Press'
    """
    for n in range(min(_AGENCY_WORDS, len(tokens)), 0, -1):
        words = tokens[:n] if start else tokens[-n:]
        name = " ".join(words).strip(_AROUND)
        if _fold(name) in g.agencies and _as_written(name):
            before = tokens[-n - 1] if not start and len(tokens) > n else ""
            return f"{before} {name}" if before.casefold() == "the" else name
    return None


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _as_written(text: str) -> bool:
    """An agency's name counts in any case when long ("Reuters", "associated press"); a short
    form only in capitals or small letters ("AP", "dpa"; "Efe" and "Ria" are given names)."""
    return " " in text.strip() or len(text) >= 5 or text.isupper() or text.islower()


def _is_outlet(part: str) -> bool:
    """An outlet, not a person: a domain ("ndr.de"), or a short capital acronym with no vowel
    ("BBC News", "CNN Business", "MDR SACHSEN-ANHALT").

    >>> _is_outlet("BBC News"), _is_outlet("MDR SACHSEN-ANHALT"), _is_outlet("JÖRG ZSCHOCHE"), _is_outlet("ndr.de")
    (True, True, False, True)
    """
    tokens = part.split()
    if len(tokens) == 1 and _DOMAIN.match(tokens[0]):
        return True
    if len(tokens) > 3 or not all(t[:1].isupper() for t in tokens):
        return False
    return any(3 <= len(t) <= 5 and t.isalpha() and t.isupper() and not (set(t.casefold()) & _VOWELS)
               for t in tokens)


def _with_role(tokens: list[str], r: int, g: _Grammar, lowercase: bool) -> list[tuple[str, str]]:
    """A part with a job title: the name before it ("Daniel Großert Redakteur", "Thabo Mokone
    Parliamentary editor"), or after a leading one ("Senior Editor Jane Doe"), or a role alone."""
    if r == 0:
        rest = list(tokens)
        while rest and rest[0].strip(_AROUND).casefold() in g.roles:
            rest.pop(0)
        person = _person(rest, g, False, lowercase) if rest else []
        return person + [("role", " ".join(tokens))] if person and person[0][0] == "name" else [("role", " ".join(tokens))]
    head = tokens[:r]
    if tokens[r][:1].islower() and len(head) > 2 and head[-1][:1].isupper():
        head = head[:-1]  # "Parliamentary editor": the adjective belongs to the role
    person = _person(head, g, False, lowercase) if len(head) >= 2 else []
    if person and person[0][0] == "name":
        return person + [("role", " ".join(tokens[r:]))]
    return [("role", " ".join(tokens))]


def _person(tokens: list[str], g: _Grammar, markup: bool, lowercase: bool, literal: str = "") -> list[tuple[str, str]]:
    """[("name", the name)] when the tokens make a person's name, else what they are; in
    markup, what it names by another shape, as written (``literal``: "Paramita (Guha) Ghosh")."""
    tokens = [t.strip(_AROUND) if i == len(tokens) - 1 else t.strip(_AROUND.replace(".", "")) for i, t in enumerate(tokens)]
    tokens = [t for t in tokens if t]
    if not tokens:
        return [("empty", "")]
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half >= 2 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # "Martin Grønnæs Martin Grønnæs"
    name = " ".join(tokens)
    if _fold(name) in g.agencies and _as_written(name):
        return [("agency", name)]
    if _looks_like_person(tokens, g):
        return [("name", name)]
    if len(tokens) == 1 and tokens[0].casefold() in g.dates:
        return [("date", name)]
    if markup and _markup_name(literal or name, lowercase):
        return [("name", literal or name)]
    return [("unknown", name)]


def _looks_like_person(tokens: list[str], g: _Grammar) -> bool:
    """Capitalised words (or initials, or particles inside), one to five, none a role, a
    month or a weekday alone; not only initials.

    >>> g = grammar(default_words())
    >>> _looks_like_person("Ursula von der Leyen".split(), g), _looks_like_person(["Order", "now"], g)
    (True, False)
    """
    words = [t for t in tokens if t.casefold() not in g.particles]
    if not 1 <= len(words) <= _MAX_NAME_WORDS or len(tokens) > _MAX_NAME_WORDS + 2:
        return False
    if tokens[0].casefold() in g.particles and tokens[0][:1].islower() or tokens[-1].casefold() in g.particles:
        return False
    if tokens[0].casefold() in g.articles or tokens[0].casefold() in g.prepositions:
        return False  # "The Maple Team", "Our Editors", "In Harbour News": no one's name
    if all(_INITIALS.match(t) for t in words):
        return False
    if len(words) == 1 and words[0].casefold() in g.dates or any(
            w.casefold() in g.roles or w.casefold() in g.buttons for w in words):
        return False  # "Share Post", "Facebook Pinterest": a menu's words
    return all(_INITIALS.match(t) or _name_word(t, g) for t in words)


def _name_word(token: str, g: _Grammar) -> bool:
    """A capitalised word of a name ("Großert", "O’Regan", "Benit-Gbaffou", "JÖRG", "McDonald").

    >>> g = grammar(default_words())
    >>> _name_word("O’Regan", g), _name_word("MacFarlane", g), _name_word("news", g), _name_word("BBC", g), _name_word("PolitikRussische", g)
    (True, True, False, False, False)
    >>> _name_word("I'm", g), _name_word("D’Arcy", g)
    (False, True)
    """
    if not token[:1].isupper() or token.endswith(("-", "'s", "’s")) or g.contraction.search(token):
        return False  # "Brides's": a possessive, "I'm", "We're": no name
    letters = token.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    if not letters.isalpha():
        return False
    inner = re.search(r"[a-zà-ÿß]([A-ZÀ-Þ])", token)
    if inner and inner.start() >= 3:
        return False  # "PolitikRussische": two words glued; "McDonald", "DeMarco", "MacFarlane" stay
    return not (token.isupper() and len(letters) >= 2 and not set(letters.casefold()) & _VOWELS)


def _markup_name(name: str, lowercase: bool) -> bool:
    """What markup names as the author, kept when it is no person's name by its shape (a brand,
    "42 Maple Social"), unless it holds a handle, a URL or a long phrase."""
    if _HANDLE.search(name) or len(name) > 60 or len(name.split()) > 6:
        return False
    if any(ch.isupper() for ch in name):
        return True
    return lowercase and bool(_LOWER_NAME.fullmatch(name))


# --- the markup path -----------------------------------------------------------------------


def clean_names(text: str, lowercase: bool = False, words: Words | None = None) -> list[str]:
    """Person names from an author string of the markup: entities decoded, labels, roles,
    dates, agencies, handles and URLs out. ``lowercase``: the string comes from metadata that
    names the author (JSON-LD, ``<meta>``), where "kirstin boatto" is a name; in the page's
    text a lowercase phrase is none.

    >>> clean_names("Maria &amp; Katerina"), clean_names("andrew.keaveney"), clean_names("By Jane Doe")
    (['Maria', 'Katerina'], [], ['Jane Doe'])
    >>> clean_names("Author Isaiah Shelton"), clean_names("David Jackson - Editorial Team"), clean_names("HarbourWorks November 3")
    (['Isaiah Shelton'], ['David Jackson'], ['HarbourWorks'])
    >>> clean_names("Ann Lee\\n  on behalf of the team"), clean_names("BySummer Swann-June"), clean_names("Dec. 2025 · Niko Matsakis")
    (['Ann Lee'], ['Summer Swann'], ['Niko Matsakis'])
    >>> clean_names("Stephen JesudunsinAI Writer, Embarque"), clean_names("Luke KimDecember 3, 2025")
    (['Stephen Jesudunsin'], ['Luke Kim'])
    >>> clean_names("Keith Barry, Senior Autos Reporter"), clean_names('"David Kim"'), clean_names("Text by Hunter Dukes")
    (['Keith Barry'], ['David Kim'], ['Hunter Dukes'])
    >>> clean_names("Benjamin Preston, Updated by Jon Linkov"), clean_names("Guide | by Will Jude")
    (['Benjamin Preston'], ['Will Jude'])
    >>> clean_names("kirstin boatto", lowercase=True), clean_names("andrew.keaveney", lowercase=True)
    (['kirstin boatto'], [])
    >>> clean_names("ERIC TUCKERAssociated Press"), clean_names("Associated Press"), clean_names("Гость")
    (['ERIC TUCKER'], [], ['Гость'])
    """
    return list(read_names(text, words, markup=True, lowercase=lowercase).names)


# --- the text path --------------------------------------------------------------------------


def is_prefix_line(text: str, words: Words | None = None) -> bool:
    """A line that is only a byline's prefix, the names on the next line ("By", "von",
    "Written by", "Author of the article:").

    >>> is_prefix_line("von"), is_prefix_line("Written by"), is_prefix_line("By the way"), is_prefix_line("Fact Checked By")
    (True, True, False, False)
    >>> is_prefix_line("Authors"), is_prefix_line("Autor:")
    (False, True)
    """
    g = grammar(words or default_words())
    if len(text) > 40 or not g.prefix_line.match(text) or is_credit(text, g):
        return False
    # "Author" or "Autor" alone is as often a menu item: a noun needs its colon ("Autor:")
    return text.rstrip().endswith(":") or len(text.split()[-1]) <= _SHORT_PREFIX


def byline_line(text: str, words: Words | None = None) -> Reading | None:
    """The reading of a line that opens with a byline prefix and holds nothing but names,
    agencies, roles and dates after it ("Von dpa 30.04.2024"), else None.

    >>> byline_line("By Ross Colvin").names, byline_line("By the end of the day it rained.")
    (('Ross Colvin',), None)
    >>> byline_line("Von Bremen bis Passau: Im Netz der Schmuggler") is None
    True
    """
    g = grammar(words or default_words())
    text = _labelled(_after_date(text.strip(), g), g)
    if len(text) > 200 or not (g.prefix.match(text) or g.glued_prefix.match(text)):
        return None
    reading = read_names(text, words)
    if not reading and (group := group_name(text, g)):
        date = reading.date if reading.date not in group else ""
        return Reading((group,), dated=bool(date), date=date, group=True)
    # after the names, a prefixed line may go on with what the names do ("Chief Marketing
    # Officer, AI at Work, Microsoft", "This post may contain affiliate links"): not before them
    return reading if reading and not reading.lead else None


_GLUED_CASE = re.compile(r"[a-zà-ÿß][A-ZÀ-Þ]|\d[^\W\d_]|[^\W\d_]\d")


def group_name(text: str, g: _Grammar | Words) -> str:
    """What a byline prefix names when it is no person's name by its shape: a team, a desk,
    a brand, a handle ("By The Maple Team", "By 5x Media", "Posted by QuillWriter on Friday
    ..."), as written, without the date, section or reading time after it; '' when the words
    after the prefix are a sentence's ("By the end of the day", "By Friday, Apple will").

    >>> g = grammar(default_words())
    >>> group_name("By The Maple Team 2–3 minutes", g), group_name("By 5x Media", g), group_name("By QuillWriter in Woodworking", g)
    ('The Maple Team', '5x Media', 'QuillWriter')
    >>> group_name("By the end of the day", g), group_name("By Friday, Apple will", g), group_name("By Design", g)
    ('', '', '')
    """
    g = g if isinstance(g, _Grammar) else grammar(g)
    rest = _trim(_strip_prefix(text.strip(), g))
    rest = g.group_tail.split(rest, maxsplit=1)[0]
    rest = _trim(_cut_date(rest, g, markup=True)[0])
    tokens = rest.split()
    if not 1 <= len(tokens) <= _MAX_NAME_WORDS or len(rest) > 40 or re.search(r"[,;:!?()\"“”]", rest):
        return ""
    if len(tokens) == 1 and not _GLUED_CASE.search(tokens[0]):
        return ""  # one plain word: a person's first name is read as such ("By Kristin"), else a label
    body = tokens[1:] if tokens[0].casefold() in g.articles else tokens
    capitals = 0
    for token in body:
        word = token.casefold()
        if token[:1].isupper() or token[:1].isdigit() and _GLUED_CASE.search(token):
            if word.strip(".") in g.dates:
                return ""
            capitals += 1
        elif not (word in g.particles or word in g.group_words or _is_role(word, g)):
            return ""
    return rest if capitals else ""


def _labelled(text: str, g: _Grammar) -> str:
    """A byline after a one-word label ("Guide by Will Jude", "Recipe by PJ Hamel"): from
    the prefix on, when a name of two words or more follows; else the line.

    >>> _labelled("Guide by Will Jude Former Deputy Tech Editor", grammar(default_words()))
    'by Will Jude Former Deputy Tech Editor'
    >>> _labelled("Stand by Me", grammar(default_words()))
    'Stand by Me'
    """
    found = _LABEL_BY.match(text)
    if not found or found.group(1).casefold() in g.roles or found.group(1).casefold() in g.by:
        return text
    rest = text[found.end(1):].strip()
    reading = read_names(rest, None) if g.prefix.match(rest) else None
    return rest if reading and reading.names and len(reading.names[0].split()) >= 2 and not reading.lead else text


def _after_date(text: str, g: _Grammar) -> str:
    """A byline after the date on its line ("October 11, 2023 by Autumn Hale", "Published
    August 7, 2023 by Nicole Burke"): from the prefix on; else the line.

    >>> _after_date("September 1st, 2023 By Emily Norton", grammar(default_words()))
    'By Emily Norton'
    >>> _after_date("4 Best Tea Subscriptions, Tested by Tea Lovers", grammar(default_words()))
    '4 Best Tea Subscriptions, Tested by Tea Lovers'
    """
    if not _DATE_TOKEN.search(text, 0, 40):
        return text  # no date or count before a byline
    found = g.inner_prefix.search(text, 0, 80)
    if not found or not _DATE_TOKEN.search(text, 0, found.start()):
        return text
    head = text[: found.start()].strip(_AROUND)
    dated = _NUMERIC_DATE.search(head) or any(w.strip(_AROUND).casefold() in g.months for w in head.split())
    if not re.search(r"[^\W\d_]", head):
        return text[found.start():].strip()  # "0 · by Dennis Moons": a count before it
    if not dated or len(head.split()) > _DATE_HEAD:
        return text
    rest, date = _cut_date(head, g)
    return text[found.start():].strip() if date and not rest.strip(_AROUND) else text


def name_line(text: str, words: Words | None = None) -> Reading | None:
    """The reading of a line of names alone, perhaps with roles, dates and agencies ("Julia
    Vergin | Clare Roth", "Daniel Großert Redakteur", "Nadir Kinsey2 minutes ago"), every
    person of two words or more; else None. Whether it is a byline depends on where it stands.

    >>> name_line("Julia Vergin | Clare Roth").names, name_line("Washington"), name_line("Order now")
    (('Julia Vergin', 'Clare Roth'), None, None)
    >>> name_line("DON'T MISS"), name_line("WATCH LIVE")
    (None, None)
    """
    g = grammar(words or default_words())
    text = text.strip()
    if not text or len(text) > 120 or g.prefix.match(text) or _CRUMB.search(text):
        return None
    reading = read_names(text, words)
    if reading.unknown or not (reading.names or reading.agencies) or any(len(n.split()) < 2 for n in reading.names):
        return None
    if reading.names and all(n.isupper() for n in reading.names):
        return None  # a line in capitals alone is a label ("DON'T MISS", "WATCH LIVE"), no name
    return reading


def looks_like_byline(text: str, words: Words | None = None) -> bool:
    """A line that is a byline ("By ...", "Von ...", "Written by ...").

    >>> looks_like_byline("By Ross Colvin"), looks_like_byline("By the end of the day it rained.")
    (True, False)
    """
    return byline_line(text, words) is not None


def byline_of(text: str, words: Words | None = None) -> Reading | None:
    """The reading of a block that is a byline line, or that ends with a byline glued to a
    teaser (``rest``: the text before it).

    >>> found = byline_of("Iraqi militias. By Ross Colvin"); found.names, found.rest
    (('Ross Colvin',), 'Iraqi militias.')
    >>> byline_of("By JANE DOE and Max Mustermann | Reuters").names
    ('JANE DOE', 'Max Mustermann')
    """
    found = byline_line(text, words)
    if found:
        return found
    g = grammar(words or default_words())
    glued = g.glued_byline.search(text)
    if glued:
        reading = read_names(text[glued.end():], words)
        if reading.names and not reading.unknown:
            return Reading(reading.names, reading.agencies, reading.outlets, reading.dated, reading.roled, 0,
                           text[: glued.start()].rstrip(), reading.date)
    return None
