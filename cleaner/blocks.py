"""Split an input into blocks (paragraphs), the unit every rule and heuristic works on.

>>> [b.text for b in split_text("Title\\n\\nFirst para.\\nMenu\\n\\n\\nLast.")]
['Title', 'First para.', 'Menu', 'Last.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of input. ``kind`` is 'p' for text dumps; HTML adds 'h', 'li', 'title'..."""

    index: int
    text: str
    kind: str = "p"

    def with_text(self, text: str) -> "Block":
        return Block(self.index, text, self.kind)


def squash(text: str) -> str:
    """Collapse runs of spaces and tabs to one space and strip the ends.

    >>> squash("  a \\t b\\u00a0 c ")
    'a b c'
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # printable: no tab, no odd space; no double space: nothing to do (fast)
    return _WS.sub(" ", text).strip()


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when the lines of one paragraph look like prose wrapped at a fixed width.

    >>> _is_hard_wrapped(["x" * 70, "y" * 68, "end"]), _is_hard_wrapped(["Home", "News"])
    (True, False)
    """
    if len(lines) < 2:
        return False
    body = lines[:-1]
    return all(55 <= len(line) <= 110 for line in body) and max(map(len, body)) - min(map(len, body)) < 30


def split_text(text: str) -> list[Block]:
    """Blocks of a plain-text dump: blank lines separate paragraphs; a paragraph of several
    lines is joined when it is hard-wrapped prose, otherwise each line is its own block."""
    blocks: list[Block] = []
    for para in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [squash(line) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            lines = [" ".join(lines)]
        for line in lines:
            blocks.append(Block(len(blocks), line))
    return blocks
