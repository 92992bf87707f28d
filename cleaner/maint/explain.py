"""What happened to every paragraph of one input: kept, trimmed, or removed by which rule
(with the pack's ``why``) or heuristic.

>>> from cleaner import Settings
>>> text = "Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, closing roads.\\n\\nREAD MORE"
>>> [(line.status, line.rule) for line in explain(text).lines]
[('removed', 'page-title'), ('kept', None), ('removed', 'generic/read-more-link')]
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import Cleaner
from ..record import Article, Removal
from ..settings import Settings


@dataclass(frozen=True)
class Line:
    """One block of the input and what became of it."""

    index: int
    text: str
    status: str          # kept | trimmed | removed
    step: str | None = None
    rule: str | None = None
    why: str | None = None

    def to_dict(self) -> dict:
        return {"index": self.index, "status": self.status, "step": self.step, "rule": self.rule,
                "why": self.why, "text": self.text}


@dataclass(frozen=True)
class Explanation:
    record: Article
    lines: tuple[Line, ...]
    pruned: tuple[Removal, ...]  # HTML elements removed before extraction

    def to_dict(self) -> dict:
        record = self.record.to_dict()
        record.pop("removed", None)
        return {"record": record, "pruned": [r.to_dict() for r in self.pruned],
                "lines": [line.to_dict() for line in self.lines]}


def explain(data: str | bytes, *, url: str | None = None, settings: Settings | None = None,
            cleaner: Cleaner | None = None) -> Explanation:
    """Clean one input and say, block by block, what was kept and what removed, and why."""
    cleaner = cleaner or Cleaner((settings or Settings()).replace(explain=True))
    record, blocks = cleaner.trace(data, url=url)
    whys = {r.ref: r.why for pack in cleaner.packs.all for r in pack.rules}
    by_index: dict[int, list[Removal]] = {}
    for removal in record.removed or ():
        by_index.setdefault(removal.index, []).append(removal)
    kept = record.paragraphs
    lines = []
    for block in blocks:
        removals = by_index.get(block.index, [])
        in_body = any(p == block.text or p in block.text for p in kept) if removals else True
        if not removals:
            lines.append(Line(block.index, block.text, "kept"))
        elif in_body:
            first = removals[0]
            lines.append(Line(block.index, block.text, "trimmed", first.step, first.rule,
                              f"{whys.get(first.rule, first.reason)}: {first.text!r}"))
        else:
            last = removals[-1]  # earlier ones trimmed it; this one took the rest
            before = "".join(f" (after {r.rule} took {r.text!r})" for r in removals[:-1])
            lines.append(Line(block.index, block.text, "removed", last.step, last.rule,
                              whys.get(last.rule, last.reason) + before))
    pruned = tuple(r for r in record.removed or () if r.index < 0)
    return Explanation(record, tuple(lines), pruned)


_COLOURS = {"kept": "green", "trimmed": "yellow", "removed": "red"}


def render(explanation: Explanation, style) -> str:
    """Plain text (``style`` is click.style or a no-op), one line per block."""
    out = []
    for removal in explanation.pruned:
        out.append(style(f"  pruned   {removal.rule}: {removal.reason} | {removal.text[:70]}", fg="red"))
    for line in explanation.lines:
        mark = {"kept": "+", "trimmed": "~", "removed": "-"}[line.status]
        detail = f"  [{line.rule}: {line.why}]" if line.rule else ""
        out.append(style(f"{mark} {line.index:4d} {line.text[:100]}", fg=_COLOURS[line.status]) + detail)
    record = explanation.record
    out.append("")
    out.append(f"headline: {record.headline!r}  byline: {list(record.byline)}  published: {record.published}"
               f"  language: {record.language}  site: {record.site}")
    if record.dateline:
        out.append(f"dateline: {record.dateline.text!r}")
    if record.error:
        out.append(style(f"error: {record.error.type}: {record.error.message}", fg="red"))
    return "\n".join(out)
