"""The pipeline: a ``Draft`` goes through small named steps, each pure and traced.

A step is ``step(draft, ctx) -> Draft``. It returns a new draft with the blocks it kept,
the evidence it found for record fields (``Found``: value, where, kind), and a ``Removal``
for everything it took out (rule id or heuristic name, reason, text). ``explain`` shows
those removals to maintainers. No step decides a field: the last one, ``fields``
(``cleaner/fields/resolve.py``), decides them all from the evidence.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .blocks import Block
from .page import Found, Page
from .record import Removal
from .rulepack import Pack
from .settings import Settings


@dataclass(frozen=True)
class Draft:
    """The state between steps. ``blocks`` are the body candidates still kept, in order;
    ``header`` the blocks before the headline (searched for byline and date)."""

    blocks: tuple[Block, ...]
    header: tuple[Block, ...] = ()
    removed: tuple[Removal, ...] = ()
    #: (field name, ``Found``) in the order the steps found them
    evidence: tuple[tuple[str, Found], ...] = ()
    #: the fields as decided by the last step (``fields``)
    decided: Mapping[str, Found] = field(default_factory=dict)
    #: block index -> cut rule (cut_from / cut_before) that matched it, found by the rules step
    marks: Mapping[int, Any] = field(default_factory=dict)

    def remove(self, step: str, drops: Iterable[tuple[Block, str, str]]) -> "Draft":
        """Take blocks out of the body: ``drops`` are ``(block, rule, reason)``.

        >>> d = Draft((Block(0, "a"), Block(1, "b")))
        >>> d2 = d.remove("demo", [(d.blocks[0], "demo-rule", "because")])
        >>> [b.text for b in d2.blocks], d2.removed[0].rule
        (['b'], 'demo-rule')
        """
        drops = list(drops)
        if not drops:
            return self
        gone = {id(b) for b, _, _ in drops}
        kept = tuple(b for b in self.blocks if id(b) not in gone)
        trace = tuple(Removal(step, rule, reason, b.text, b.index) for b, rule, reason in drops)
        return dataclasses.replace(self, blocks=kept, removed=self.removed + trace)

    def replace_blocks(self, step: str, blocks: Iterable[Block],
                       trace: Iterable[Removal] = ()) -> "Draft":
        """New body blocks (e.g. after a prefix was stripped) plus their trace entries."""
        return dataclasses.replace(self, blocks=tuple(blocks), removed=self.removed + tuple(trace))

    def found(self, name: str, value: Any, source: str, kind: str = "text") -> "Draft":
        """Add evidence for a record field (an empty value adds nothing).

        >>> Draft(()).found("byline", ("Ross Colvin",), "text line 3").evidence[0][1].source
        'text line 3'
        """
        if value in (None, "", ()):
            return self
        return dataclasses.replace(self, evidence=self.evidence + ((name, Found(value, source, kind)),))

    def evidence_for(self, name: str, kind: str | None = None) -> list[Found]:
        """The evidence found so far for one field (of one kind)."""
        return [f for n, f in self.evidence if n == name and (kind is None or f.kind == kind)]

    def with_decided(self, decided: Mapping[str, Found]) -> "Draft":
        return dataclasses.replace(self, decided=dict(decided))

    def with_header(self, header: Iterable[Block]) -> "Draft":
        return dataclasses.replace(self, header=tuple(header))

    def with_marks(self, marks: Mapping[int, Any]) -> "Draft":
        return dataclasses.replace(self, marks=dict(marks))


@dataclass(frozen=True)
class Context:
    """What every step may read: settings, the packs that matched, the page as read."""

    settings: Settings
    packs: tuple[Pack, ...] = ()
    page: Page = field(default_factory=lambda: Page("text", ()))
    tools: Mapping[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str | None:
        return self.page.url

    @property
    def html(self) -> bool:
        """True when the input was an HTML page (its blocks are extracted content)."""
        return self.page.format == "html"

    @property
    def site_packs(self) -> tuple[Pack, ...]:
        return tuple(p for p in self.packs if not p.generic)

    def pinned(self, name: str) -> Any:
        """A field pinned by the first matching pack that pins it (site packs first)."""
        return next((p.fields[name] for p in self.packs if name in p.fields), None)


Step = Callable[[Draft, Context], Draft]


def text_line(block: Block) -> str:
    """Where a field was found in the text, for ``--explain``.

    >>> text_line(Block(4, "Von Jan Kixmüller"))
    'text line 4: "Von Jan Kixmüller"'
    """
    text = block.text if len(block.text) <= 80 else block.text[:77] + "..."
    return f'text line {block.index}: "{text}"'


def run_steps(draft: Draft, ctx: Context, steps: Iterable[tuple[str, Step]]) -> Draft:
    """Run the steps in order; each gets the previous one's draft."""
    for _name, step in steps:
        draft = step(draft, ctx)
    return draft
