"""Apply cut markers once the headline is known.

``cut_from``: the marker and everything after it go (a "Latest news" trailer). A site pack's
marker cuts at its first occurrence after some running text; a generic marker cuts only when
most of the page's running text stands before it, so a "6 Comments" link under the byline or a
"Read Next" box in the middle of a long article never cuts the article; a marker that cuts
nothing goes alone (a heading of furniture, never article text).
``cut_before``: everything in the body before the first marker goes (and the marker too,
unless ``keep_marker``).
"""
from __future__ import annotations

from ..pipeline import Context, Draft
from ..textutil import fold, is_prose
from .content import index_gaps, main_span

_PROSE_WORDS = 8
_SHINGLE = 4


def prose_words(texts) -> list[float]:
    """Words of running text per paragraph, counting only text not printed before: a paragraph
    printed twice counts once, and so does a sentence repeated inside one line (a teaser glued
    to its lede). Later steps remove such copies; where they stood must not decide whether a
    trailer is cut, or cleaning the cleaned text would cut differently.

    >>> prose_words(["Home", "He said the talks would resume on Monday in Geneva.", "He said the talks would resume on Monday in Geneva."])
    [0, 10.0, 0.0]
    >>> prose_words(["AFP: Talks resume in Geneva on Monday. GENEVA (AFP) - Talks resume in Geneva on Monday."])
    [10.0]
    """
    seen: set[tuple[str, ...]] = set()
    out: list[float] = []
    for text in texts:
        if not is_prose(text, _PROSE_WORDS):
            out.append(0)
            continue
        tokens = fold(text).split()
        shingles = list(zip(*(tokens[k:] for k in range(_SHINGLE)))) or [tuple(tokens)]
        distinct = set(shingles)
        fresh = len(distinct - seen)  # a shingle twice in the paragraph counts once, as a copy
        seen |= distinct
        out.append(round(len(tokens) * fresh / len(shingles), 1))
    return out


def _cut_before(draft: Draft):
    blocks = draft.blocks
    at = next((i for i, b in enumerate(blocks)
               if getattr(draft.marks.get(b.index), "kind", None) == "cut_before"), None)
    if at is None:
        return [], blocks
    rule = draft.marks[blocks[at].index]
    upto = at if rule.keep_marker else at + 1
    return [(b, rule.ref, rule.why) for b in blocks[:upto]], blocks[upto:]


def _cut_from_at(draft: Draft, blocks, generic_packs: set[str]) -> int | None:
    texts = [b.text for b in blocks]
    words = prose_words(texts)
    # prose outside the article's span is dropped later anyway (content step): it must not
    # weigh for or against cutting, or the cleaned text would be cut differently
    start, end = main_span(texts, index_gaps(blocks))
    words = [w if start <= i < end else 0 for i, w in enumerate(words)]
    total, before = sum(words), 0
    for i, block in enumerate(blocks):
        rule = draft.marks.get(block.index)
        if rule is not None and rule.kind == "cut_from" and before > 0:
            if rule.pack not in generic_packs or before >= total - before:
                return i
            if rule.pack in generic_packs:
                return None  # only the first generic marker decides: cutting stays stable
        before += words[i]
    return None


def apply_cut_rules(draft: Draft, ctx: Context) -> Draft:
    if not draft.marks:
        return draft
    drops, blocks = _cut_before(draft)
    generic = {p.id for p in ctx.packs if p.generic}
    at = _cut_from_at(draft, blocks, generic)
    start = len(blocks) if at is None else at
    # a trailer heading that cuts nothing (a "Read Next" box in a long article) goes alone
    drops += [(b, rule.ref, rule.why) for b in blocks[:start]
              if (rule := draft.marks.get(b.index)) is not None and rule.kind == "cut_from"]
    if at is not None:
        rule = draft.marks[blocks[at].index]
        drops += [(b, rule.ref, rule.why) for b in blocks[at:]]
    return draft.remove("cut-rules", drops)
