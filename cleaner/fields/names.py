"""Person names in bylines and author markup: the one place that knows what a name is.

``byline_of`` finds a byline line in the text ("By Ross Colvin", a byline glued to the end of
a teaser); ``clean_names`` turns any author string (a byline's names, JSON-LD, ``<meta>``, an
author box) into person names, without roles, dates, agencies or labels.
"""
from __future__ import annotations

import html
import re

from ..blocks import squash

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|(?:de|van|von|der|da|di|la|le|al|bin|ibn)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_LEAD = r"(?:by:?|written by:?|words by:?|story by:?|posted by:?|authors?:|reporting by:?)"
_BYLINE_LINE = re.compile(rf"^{_LEAD}\s+(?P<names>{_NAMES})(?P<tail>\s*(?:[,|/–—-]|\bin\b).{{0,60}})?$",
                          re.IGNORECASE)
_GLUED = re.compile(rf"(?<=[.!?”\"’])\s+By\s+(?P<names>{_NAMES})\s*$")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
NOT_NAMES = re.compile(
    r"^(?:staff|staff writer|reporter|correspondent|senior correspondent|editor|contributor|"
    r"reuters|afp|ap|associated press|agence france-presse|the associated press|bloomberg|"
    r"email the author|e-mail the author|follow|updated|published|admin|administrator|webmaster)$", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """Person names from a byline's name part.

    >>> split_names("Wisam Mohammed and Paul Tait, Reuters")
    ['Wisam Mohammed', 'Paul Tait']
    """
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .")
        if part and not NOT_NAMES.match(part) and len(part.split()) >= 2 and part not in names:
            names.append(part)
    return names


def looks_like_byline(text: str) -> bool:
    """A line that is a byline ("By ...", "Written by ...").

    >>> looks_like_byline("By Ross Colvin"), looks_like_byline("By the end of the day it rained.")
    (True, False)
    """
    return bool(_BYLINE_LINE.match(text.strip()))


def byline_of(text: str) -> tuple[list[str], str] | None:
    """(names, text left) when a block is a byline or ends with a glued one.

    >>> byline_of("Iraqi militias. By Ross Colvin")
    (['Ross Colvin'], 'Iraqi militias.')
    >>> byline_of("By JANE DOE and Max Mustermann | Reuters")
    (['JANE DOE', 'Max Mustermann'], '')
    """
    found = _BYLINE_LINE.match(text.strip())
    if found:
        names = split_names(found.group("names"))
        return (names, "") if names else None
    found = _GLUED.search(text)
    if found:
        names = split_names(found.group("names"))
        return (names, text[: found.start()].rstrip()) if names else None
    return None


_LOWER_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,3}")


def clean_names(text: str, lowercase: bool = False) -> list[str]:
    """Person names from an author string: entities decoded, handles and URLs dropped.
    ``lowercase``: the string comes from metadata that names the author (JSON-LD, ``<meta>``),
    where "kirstin boatto" is a name; in the page's text a lowercase phrase is none.

    >>> clean_names("Maria &amp; Katerina"), clean_names("andrew.keaveney"), clean_names("By Jane Doe")
    (['Maria', 'Katerina'], [], ['Jane Doe'])
    >>> clean_names("Author Isaiah Shelton"), clean_names("David Jackson - Editorial Team"), clean_names("ServiceTitan November 3")
    (['Isaiah Shelton'], ['David Jackson'], ['ServiceTitan'])
    >>> clean_names("Ann Lee\\n  on behalf of the team"), clean_names("BySummer Swann-June"), clean_names("Dec. 2025 · Niko Matsakis")
    (['Ann Lee'], ['Summer Swann'], ['Niko Matsakis'])
    >>> clean_names("Stephen JesudunsinAI Writer, Embarque"), clean_names("Luke KimDecember 3, 2025")
    (['Stephen Jesudunsin', 'Embarque'], ['Luke Kim'])
    >>> clean_names("Keith Barry, Senior Autos Reporter"), clean_names('"David Kim"'), clean_names("Text by Hunter Dukes")
    (['Keith Barry'], ['David Kim'], ['Hunter Dukes'])
    >>> clean_names("Benjamin Preston, Updated by Jon Linkov"), clean_names("Guide | by Will Judd")
    (['Benjamin Preston'], ['Guide', 'Will Judd'])
    >>> clean_names("kirstin boatto", lowercase=True), clean_names("andrew.keaveney", lowercase=True)
    (['kirstin boatto'], [])
    """
    text = html.unescape(text)
    text = ", ".join(line for line in text.splitlines() if line.strip())
    text = _LABEL.sub("", _GLUED_LABEL.sub("", text))
    parts = [_ROLE_OR_DATE.sub("", _GLUED_TAIL.sub("", _LABEL.sub("", squash(p)))).strip(_AROUND)
             for p in re.split(r"\s*(?:,|;|·|\band\b|&|\|)\s*", text) if not _OTHER_ROLE.match(p)]
    return [p for p in dict.fromkeys(parts) if p and _is_name(p, lowercase)]


_LABEL = re.compile(r"^\s*(?:(?:written|posted|reviewed|words|story|text)\s+by|by|author(?:ed by)?|the author)\b\s*:?\s*",
                    re.IGNORECASE)
#: someone who did other work on the piece than write it: no author
_OTHER_ROLE = re.compile(r"^\s*(?:(?:updated|edited|reviewed|researched|fact[- ]checked|medically reviewed|"
                         r"illustrated|photographed|published)\s+(?:by|in)\b|published in\b)", re.IGNORECASE)
#: words of a job title ("Staff Writer", "Senior Autos Reporter", "Former McKinsey Consultant")
_ROLE_WORDS = (r"(?:writer|editor|reporter|correspondent|columnist|contributor|director|consultant|"
               r"producer|strategist|analyst|manager|expert|editor-in-chief)")
_ROLE = re.compile(rf"^(?:(?:sr\.?|senior|former|staff|chief|managing|contributing)\b.*|.*\b{_ROLE_WORDS})$",
                   re.IGNORECASE)
#: a job title or a month glued to the name with no space: "Jane DoeStaff Writer", "Luke KimDecember 3"
_GLUED_TAIL = re.compile(
    r"(?<=[a-z\d])(?:[A-Z]{1,3}\s)?(?:(?:[A-Z][a-z]+\s+){0,2}(?:Writer|Editor|Reporter|Correspondent|"
    r"Columnist|Contributor|Director|Consultant|Producer|Strategist|Analyst|Manager)\b"
    r"|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b).*$")
_AROUND = " \"'“”‘’•·|*-–—"
_GLUED_LABEL = re.compile(r"^\s*(?:(?:[Ww]ritten|[Pp]osted)\s+)?[Bb]y(?=[A-Z][a-z])")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?")
# a month word after a name is a date only with a day or year after it ("Theresa May" stays)
_ROLE_OR_DATE = re.compile(rf"(?:\s+[-–—]\s+.*|\s*[-–—]?\s+{_MONTH}\s+\d.*|[-–—]{_MONTH}.*|\s+\d.*)$", re.IGNORECASE)
_DATE_WORD = re.compile(rf"^(?:{_MONTH}|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[\d/.:-]+)$",
                        re.IGNORECASE)


def _is_name(part: str, lowercase: bool = False) -> bool:
    if any(ch in part for ch in "@/:»"):
        return False
    if not any(ch.isupper() for ch in part) and not (lowercase and _LOWER_NAME.fullmatch(part)):
        return False
    if re.search(r"(?i)^more about|\bauthor", part):  # "Author", "The author", "✉Corresponding author."
        return False
    return (len(part) <= 60 and not NOT_NAMES.match(part) and not _DATE_WORD.match(part)
            and not _ROLE.match(part))
