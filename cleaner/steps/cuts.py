"""Apply cut markers once the headline is known.

``cut_from``: the marker and everything after it go (a "Latest news" trailer), but only after
at least one paragraph of running text, so a marker in a menu above the article never cuts it.
``cut_before``: everything in the body before the first marker goes (and the marker too,
unless ``keep_marker``).
"""
from __future__ import annotations

from ..pipeline import Context, Draft
from ..textutil import is_prose


def apply_cut_rules(draft: Draft, ctx: Context) -> Draft:
    if not draft.marks:
        return draft
    blocks = draft.blocks
    drops = []
    before = next((i for i, b in enumerate(blocks)
                   if getattr(draft.marks.get(b.index), "kind", None) == "cut_before"), None)
    if before is not None:
        rule = draft.marks[blocks[before].index]
        upto = before if rule.keep_marker else before + 1
        drops += [(b, rule.ref, rule.why) for b in blocks[:upto]]
        blocks = blocks[upto:]
    seen_prose = False
    for i, block in enumerate(blocks):
        rule = draft.marks.get(block.index)
        if rule is not None and rule.kind == "cut_from" and seen_prose:
            drops += [(b, rule.ref, rule.why) for b in blocks[i:]]
            break
        seen_prose = seen_prose or is_prose(block.text, min_words=8)
    return draft.remove("cut-rules", drops)
