"""The pipeline: a ``Draft`` goes through small named steps, each pure and traced.

A step is ``step(draft, ctx) -> Draft``. It returns a new draft with the blocks it kept,
the fields it found, and a ``Removal`` for everything it took out (rule id or heuristic
name, reason, text). ``explain`` shows those removals to maintainers.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .blocks import Block
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
    fields: Mapping[str, Any] = field(default_factory=dict)
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

    def with_fields(self, **found: Any) -> "Draft":
        """Set record fields found by a step (``None`` values are ignored)."""
        merged = dict(self.fields)
        merged.update({k: v for k, v in found.items() if v is not None})
        return dataclasses.replace(self, fields=merged)

    def with_header(self, header: Iterable[Block]) -> "Draft":
        return dataclasses.replace(self, header=tuple(header))

    def with_marks(self, marks: Mapping[int, Any]) -> "Draft":
        return dataclasses.replace(self, marks=dict(marks))


@dataclass(frozen=True)
class Context:
    """What every step may read: settings, the packs that matched, and document facts."""

    settings: Settings
    packs: tuple[Pack, ...] = ()
    url: str | None = None
    hints: Mapping[str, Any] = field(default_factory=dict)
    tools: Mapping[str, Any] = field(default_factory=dict)

    @property
    def site_packs(self) -> tuple[Pack, ...]:
        return tuple(p for p in self.packs if not p.generic)

    def pinned(self, name: str) -> Any:
        """A field pinned by the first matching pack that pins it (site packs first)."""
        return next((p.fields[name] for p in self.packs if name in p.fields), None)


Step = Callable[[Draft, Context], Draft]


def run_steps(draft: Draft, ctx: Context, steps: Iterable[tuple[str, Step]]) -> Draft:
    """Run the steps in order; each gets the previous one's draft."""
    for _name, step in steps:
        draft = step(draft, ctx)
    return draft
