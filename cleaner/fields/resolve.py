"""The one place that decides each record field, from all the evidence, in one order.

Every step that finds something adds a ``Found`` to the draft (``Draft.found``); the readers
give what the markup says (``Page.markup``); packs pin fields. This last step takes, for each
field, the first evidence in the field's order of kinds (``PRECEDENCE``), and within a kind
the first found:

* ``pack``: a value a site pack pins (``fields:``) or a rule extracts (``extract``);
* ``markup``: the HTML's metadata and headings (JSON-LD, ``<meta>``, ``<h1>``, ``<html lang>``);
* ``text``: a line of the text (a byline line, a date line, the headline line...);
* ``dateline``: the lede's dateline ("BAGHDAD, July 2, 2007 (Reuters) -");
* ``site``: the site's own name that the markup gives as the author ("Daily Planet" on
  dailyplanet.example): the byline only when no line of the page names a person.

Language is the exception: the detected language is taken before ``<html lang>``, which
counts only when nothing could be detected (pages often announce a template's language), or
when it names a variety of the detected language (``nb`` Bokmål for detected ``no``
Norwegian): then it is the more exact of two answers that agree.
"""
from __future__ import annotations

from typing import Iterable

from ..page import Found
from ..pipeline import Context, Draft
from ..vocabulary import Words

#: for each field, the kinds of evidence it takes, the first present wins
PRECEDENCE = {
    "headline": ("pack", "markup", "text"),
    "byline": ("pack", "markup", "text", "site"),
    "published": ("pack", "markup", "text", "dateline"),
    "dateline": ("text",),
    "agency": ("pack", "markup", "text", "dateline"),
    "credits": ("pack", "text"),
    "copyright": ("pack", "markup", "text"),
    "language": ("pack", "text", "markup"),
}


#: written varieties that langdetect reports as their macrolanguage
VARIETIES = {"no": ("nb", "nn")}


def decide(field: str, evidence: Iterable[Found]) -> Found | None:
    """The evidence that decides ``field``: the first of the first kind in its order.

    >>> decide("published", [Found("2007-07-02", "dateline", "dateline"),
    ...                       Found("2007-07-03", "text line 4", "text")]).source
    'text line 4'
    >>> decide("language", [Found("de", "<html lang>", "markup"), Found("en", "langdetect", "text")]).value
    'en'
    >>> decide("language", [Found("nb", "<html lang>", "markup"), Found("no", "langdetect", "text")]).value
    'nb'
    """
    kinds = PRECEDENCE[field]
    evidence = list(evidence)
    ranked = [(kinds.index(f.kind), i, f) for i, f in enumerate(evidence)
              if f.kind in kinds and f.value not in (None, "", ())]
    if not ranked:
        return None
    best = min(ranked, key=lambda r: r[:2])[2]
    if field == "language" and best.kind == "text":
        exact = [f for f in evidence if f.kind == "markup" and f.value in VARIETIES.get(best.value, ())]
        return exact[0] if exact else best
    return best


def pinned(ctx: Context) -> list[tuple[str, Found]]:
    """The fields the matching packs pin (site packs first)."""
    found = []
    for pack in ctx.packs:
        for name, value in pack.fields.items():
            if name in PRECEDENCE:
                found.append((name, Found(value, f"pinned by pack {pack.id}", "pack")))
    return found


def language_of(draft: Draft, ctx: Context) -> str | None:
    """The document's language as far as it is known (the same order as the record's)."""
    found = decide("language", [f for n, f in pinned(ctx) if n == "language"] + draft.evidence_for("language")
                   + ([ctx.page.markup["language"]] if "language" in ctx.page.markup else []))
    return found.value if found is not None else None


def words_for(draft: Draft, ctx: Context) -> Words:
    """The vocabulary (``cleaner/vocabulary/``) of the document's language and English."""
    return ctx.tools["vocabulary"].words((language_of(draft, ctx),))


def resolve_fields(draft: Draft, ctx: Context) -> Draft:
    """Decide every field (``Draft.decided``) from the packs, the markup and the steps' evidence."""
    evidence: dict[str, list[Found]] = {name: [] for name in PRECEDENCE}
    # within a kind the first found wins: what packs pin, then the steps' evidence (a step may
    # refine the markup's value: the page's own heading for a title that has the site name),
    # then the markup as the reader gave it
    for name, found in pinned(ctx) + list(draft.evidence) + list(ctx.page.markup.items()):
        if name in evidence:
            evidence[name].append(found)
    decided = {name: found for name, items in evidence.items() if (found := decide(name, items)) is not None}
    return draft.with_decided(decided)
