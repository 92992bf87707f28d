"""Take the dateline off the first body paragraph and keep it (and its agency, date) as fields."""
from __future__ import annotations

from ..blocks import Block
from ..fields.datelines import parse_dateline
from ..pipeline import Context, Draft
from ..record import Removal


def split_dateline(draft: Draft, ctx: Context) -> Draft:
    if not draft.blocks:
        return draft
    first = draft.blocks[0]
    parsed = parse_dateline(first.text)
    if parsed is None:
        return draft
    dateline, rest = parsed
    blocks = (Block(first.index, rest, first.kind),) + draft.blocks[1:]
    removal = Removal("dateline", "dateline", "the dateline, kept in the record's dateline",
                      dateline.text, first.index)
    published = dateline.date if dateline.date and not dateline.date.startswith("--") else None
    draft = draft.replace_blocks("dateline", blocks, [removal])
    where = f'the dateline "{dateline.text}"'
    return (draft.found("dateline", dateline, where).found("agency", dateline.agency, where, "dateline")
            .found("published", published, where, "dateline"))
