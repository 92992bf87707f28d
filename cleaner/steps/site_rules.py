"""Apply the matched packs' line rules: site packs first, then the generic pack.

``strip_prefix``/``strip_suffix`` trim a block; ``drop`` removes it; ``drop_block`` removes it
and the short lines under it (a "Related articles" label and its headlines) up to the next
paragraph of running text or the rule's ``until`` line; ``extract`` moves it into a record
field (``published`` and ``byline`` parsed as the generic path parses dates and names);
``cut_from``/``cut_before`` are only marked here and applied after the headline is known
(``steps/cuts.py``), so a marker in the site menu cannot cut the article.
"""
from __future__ import annotations

import re

from ..fields.dates import find_date
from ..fields.names import clean_names
from ..fields.resolve import language_of
from ..textutil import is_running_text
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


def field_value(field: str, text: str) -> object:
    """What an ``extract`` rule gives a field from its line: the date (ISO) for ``published``,
    the names for ``byline``, the text for the others.

    >>> field_value("published", "PUBLISHED: 10:48, Tue, Nov 19, 2019")[:10]
    '2019-11-19'
    >>> field_value("byline", "Text: Jane Doe and Max Mustermann")
    ('Jane Doe', 'Max Mustermann')
    """
    if field == "published":
        return find_date(text)
    if field == "byline":
        return tuple(clean_names(re.sub(r"^\s*[\w ]{1,20}:\s*", "", text)))
    return clean_field_value(field, text)


def _block_end(blocks, start: int, until) -> int:
    """Where a drop_block's block ends: the next paragraph of running text, or the ``until`` line."""
    end = start + 1
    while end < len(blocks):
        text = blocks[end].text
        if (until is not None and until.fullmatch(text)) or is_running_text(text):
            break
        end += 1
    return end


def apply_line_rules(draft: Draft, ctx: Context) -> Draft:
    """Drop and extract matching blocks; mark cut markers for ``cut-rules``."""
    packs = text_packs(draft, ctx)
    matchers = [p.line_rules for p in packs]
    untils = {f"{p.id}/{rule_id}": program for p in packs for rule_id, program in p.until_programs.items()}
    drops, marks, found = [], {}, []
    blocks, i = draft.blocks, 0
    while i < len(blocks):
        block = blocks[i]
        rule = next((r for m in matchers if (r := m.find(block.text)) is not None), None)
        i += 1
        if rule is None:
            continue
        if rule.kind == "drop":
            drops.append((block, rule.ref, rule.why))
        elif rule.kind == "drop_block":
            end = _block_end(blocks, i - 1, untils.get(rule.ref))
            drops += [(b, rule.ref, rule.why) for b in blocks[i - 1:end]]
            i = end
        elif rule.kind == "extract":
            drops.append((block, rule.ref, rule.why))
            found.append((rule.field, field_value(rule.field, block.text), f"rule {rule.ref}"))
        else:
            marks[block.index] = rule
    draft = draft.remove("line-rules", drops).with_marks(marks)
    for name, value, source in found:
        draft = draft.found(name, value, source, "pack")
    return draft
