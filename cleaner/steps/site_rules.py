"""Apply the matched packs' line rules: site packs first, then the generic pack.

``strip_prefix``/``strip_suffix`` trim a block; ``drop`` removes it; ``extract`` moves it into
a record field; ``cut_from``/``cut_before`` are only marked here and applied after the
headline is known (``steps/cuts.py``), so a marker in the site menu cannot cut the article.
"""
from __future__ import annotations

import re

from ..fields.resolve import language_of
from ..pipeline import Context, Draft
from ..record import Removal
from ..rulepack import Pack, Rule

_WRAPPING = re.compile(r"^\((.*)\)$")


def strip_block(text: str, rules_and_programs) -> tuple[str, list[tuple[Rule, str]]]:
    """Apply strip rules to one text; returns the new text and what each rule took."""
    taken = []
    for rule, program in rules_and_programs:
        found = program.match(text) if rule.kind == "strip_prefix" else program.search(text)
        if found is None or found.end() == found.start():
            continue
        taken.append((rule, text[found.start():found.end()]))
        text = (text[found.end():] if rule.kind == "strip_prefix" else text[:found.start()]).strip()
        if not text:
            break
    return text, taken


def text_packs(draft: Draft, ctx: Context) -> list[Pack]:
    """The matching packs whose text rules apply to the document's language."""
    language = language_of(draft, ctx)
    return [p for p in ctx.packs if p.speaks(language)]


def apply_strip_rules(draft: Draft, ctx: Context) -> Draft:
    """Trim glued prefixes and suffixes (a breadcrumb stuck to the headline)."""
    rules = [pair for p in text_packs(draft, ctx) for pair in p.strip_rules]
    if not rules:
        return draft
    blocks, trace = [], []
    for block in draft.blocks:
        text, taken = strip_block(block.text, rules)
        trace.extend(Removal("strip-rules", r.ref, r.why, part, block.index) for r, part in taken)
        if text:
            blocks.append(block.with_text(text) if taken else block)
    return draft.replace_blocks("strip-rules", blocks, trace)


def clean_field_value(field: str, text: str) -> str:
    """Field text without the wrapping parentheses a credits line often has.

    >>> clean_field_value("credits", "(Additional reporting by Wisam Mohammed; editing by Andrew Roche)")
    'Additional reporting by Wisam Mohammed; editing by Andrew Roche'
    """
    found = _WRAPPING.match(text.strip())
    return found.group(1).strip() if found else text.strip()


def apply_line_rules(draft: Draft, ctx: Context) -> Draft:
    """Drop and extract matching blocks; mark cut markers for ``cut-rules``."""
    matchers = [p.line_rules for p in text_packs(draft, ctx)]
    drops, marks, found = [], {}, []
    for block in draft.blocks:
        rule = next((r for m in matchers if (r := m.find(block.text)) is not None), None)
        if rule is None:
            continue
        if rule.kind == "drop":
            drops.append((block, rule.ref, rule.why))
        elif rule.kind == "extract":
            drops.append((block, rule.ref, rule.why))
            found.append((rule.field, clean_field_value(rule.field, block.text), f"rule {rule.ref}"))
        else:
            marks[block.index] = rule
    draft = draft.remove("line-rules", drops).with_marks(marks)
    for name, value, source in found:
        draft = draft.found(name, value, source, "pack")
    return draft
