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
#: all of one pack's patterns together, in RE2 instructions (``programsize``): the bundled
#: generic pack has about 35,000, one pattern alone may have ~500,000 (its 8 MB), and about
#: 2,000,000 fill the joined program's 32 MB. Without a cap, a pack of thousands of heavy
#: patterns, each fine alone, takes hours and gigabytes to load.
PACK_PROGRAM_SIZE = 4_000_000


def _options(max_mem: int) -> "re2.Options":
    options = re2.Options()
    options.log_errors = False
    options.max_mem = max_mem
    return options


def _compile(source: str, max_mem: int, refused: str):
    """RE2 program for ``source``; ``ValueError`` reading ``<refused>: <RE2's reason>``."""
    try:
        return re2.compile(source, _options(max_mem))
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"{refused}: {reason}") from None


def compile_pattern(pattern: str, max_mem: int = _PATTERN_MEMORY):
    """Compile one rule pattern with RE2; ``ValueError`` says why it was refused."""
    return _compile(pattern, max_mem, "not a linear-time (RE2) pattern")


def free_group_prefix(patterns: list[str]) -> str:
    """A group-name prefix that no pattern's own named groups start with (RE2 accepts two
    groups of one name, and ``lastgroup`` would then name the wrong one).

    >>> free_group_prefix(["foo.*", "bar"]), free_group_prefix(["(?P<r1>x)", "a<r_b"])
    ('r', 'r__')
    """
    prefix = "r"
    while any(f"<{prefix}" in p for p in patterns):
        prefix += "_"
    return prefix


def compile_alternation(patterns: list[str], prefix: str = "r"):
    """One RE2 program for many patterns; ``match.lastgroup`` names the one that matched
    (``r0``, ``r1``... with the default ``prefix``; pass ``free_group_prefix(patterns)``).
    A block is then tested once against all of a pack's patterns.

    >>> alt = compile_alternation(["foo.*", "bar"])
    >>> alt.fullmatch("bar").lastgroup
    'r1'
    """
    joined = "|".join(f"(?P<{prefix}{i}>{p})" for i, p in enumerate(patterns))
    return _compile(joined, _ALTERNATION_MEMORY, "refused when joined into one RE2 program")


def first_refused(patterns: list[str]) -> tuple[int, str] | None:
    """``None`` when ``compile_alternation`` accepts ``patterns``; else the index of the first
    pattern whose addition makes it fail, and why. For reporting a failure: besides all of
    them, it compiles about log2(len(patterns)) prefixes (a longer alternation is never smaller).

    >>> first_refused(["a", "b"]) is None
    True
    >>> first_refused(["a", "b", r"\\pL{1,1000}", r"\\pL{1,1000}", "c"])
    (3, 'refused when joined into one RE2 program: pattern too large - compile failed')
    """
    prefix = free_group_prefix(patterns)
    try:
        compile_alternation(patterns, prefix)
        return None
    except ValueError as exc:
        reason = str(exc)
    ok, failed = 0, len(patterns)  # patterns[:ok] compile joined, patterns[:failed] do not
    while failed - ok > 1:
        middle = (ok + failed) // 2
        try:
            compile_alternation(patterns[:middle], prefix)
            ok = middle
        except ValueError as exc:
            failed, reason = middle, str(exc)
    return failed - 1, reason
