"""Rule patterns run on RE2, a linear-time engine: no pack can make a job backtrack forever.

RE2 refuses what cannot run in linear time (back-references, look-around), so a pattern
that compiles here is safe by construction.

>>> compile_pattern(r"(?i)latest news").fullmatch("Latest News") is not None
True
>>> compile_pattern(r"(a)\\1")
Traceback (most recent call last):
...
ValueError: not a linear-time (RE2) pattern: invalid escape sequence: \\1
"""
from __future__ import annotations

import re2


_PATTERN_MEMORY = 8 << 20
#: a pack's patterns joined: RE2's DFA cache gets 2/3 of this; at 8 MB the generic pack's
#: alternation ran out of it and fell back to the slow NFA (21 us a line; 6 us at 32 MB, for a
#: few MB more of resident memory per worker)
_ALTERNATION_MEMORY = 32 << 20


def _options(max_mem: int) -> "re2.Options":
    options = re2.Options()
    options.log_errors = False
    options.max_mem = max_mem
    return options


def compile_pattern(pattern: str, max_mem: int = _PATTERN_MEMORY):
    """Compile one rule pattern with RE2; ``ValueError`` says why it was refused."""
    try:
        return re2.compile(pattern, _options(max_mem))
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"not a linear-time (RE2) pattern: {reason}") from None


def compile_alternation(patterns: list[str]):
    """One RE2 program for many patterns; ``match.lastgroup`` names the one that matched
    (``r0``, ``r1``...). A block is then tested once against all of a pack's patterns.

    >>> alt = compile_alternation(["foo.*", "bar"])
    >>> alt.fullmatch("bar").lastgroup
    'r1'
    """
    joined = "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(patterns))
    return compile_pattern(joined, _ALTERNATION_MEMORY)
