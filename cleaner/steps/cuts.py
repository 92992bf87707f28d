"""Apply cut markers once the headline is known.

``cut_from``: the marker and everything after it go (a "Latest news" trailer). A site pack's
marker cuts at its first occurrence after some running text; a generic marker cuts only when
most of the page's running text stands before it, so a "6 Comments" link under the byline or a
"Read Next" box in the middle of a long article never cuts the article.
``cut_before``: everything in the body before the first marker goes (and the marker too,
unless ``keep_marker``).
"""
from __future__ import annotations

from ..pipeline import Context, Draft
from ..textutil import is_prose, word_count

_PROSE_WORDS = 8


def prose_words(texts) -> list[int]:
    """Words of running text per paragraph; a paragraph printed twice counts once (where the
    copy stands must not decide whether a trailer is cut).

    >>> prose_words(["Home", "He said the talks would resume on Monday in Geneva.", "He said the talks would resume on Monday in Geneva."])
    [0, 10, 0]
    """
    seen, out = set(), []
    for text in texts:
        prose = is_prose(text, _PROSE_WORDS) and text not in seen
        seen.add(text)
        out.append(word_count(text) if prose else 0)
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
    words = prose_words([b.text for b in blocks])
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
    if at is not None:
        rule = draft.marks[blocks[at].index]
        drops += [(b, rule.ref, rule.why) for b in blocks[at:]]
    return draft.remove("cut-rules", drops)
