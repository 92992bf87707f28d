"""Wire-story copies: which records are copies of one story (an agency story on many sites).

A copy is trimmed to its first paragraphs, re-headlined, given a dateline or an agency credit,
wrapped in other furniture, edited here and there; what stays is the opening of the story.
So a record's fingerprint is the MinHash (rensa, seeded: the same signature in every process)
of the word shingles of the first ``LEDE_WORDS`` words of its cleaned body, and two records
are copies when the Jaccard similarity of those shingles is at least ``THRESHOLD``.
Candidates come from MinHash LSH (``BANDS`` bands of ``PERMUTATIONS / BANDS`` rows) and are
confirmed against the first record of the candidate's story. The constants were chosen on
``benchmarks/stories.py`` (copies generated from public pages, different articles as
negatives, the seeds' two real wire copies): see ``benchmarks/RESULTS.md``.

``StoryIndex`` takes records one by one, in input order, and returns each one's story: the
``id`` of the first record of its group of copies (its own when it has none). It keeps only
signatures (no text): see ``BYTES_PER_RECORD``; ``window`` forgets records older than the last
``window`` ones, for streams without end.

>>> index = StoryIndex()
>>> lede = "Senior Iranian leaders know about the operations of Iran's Qods Force in Iraq, the U.S. military said. " * 3
>>> index.add({"id": "a", "body": lede + "More text here."}), index.add({"id": "b", "body": lede}), index.add({"id": "c", "body": "Other news."})
('a', 'a', 'c')
"""
from __future__ import annotations

import re
import unicodedata
from collections import deque
from typing import Any, Mapping

#: words of the body's opening that make the fingerprint (a trimmed copy keeps them)
LEDE_WORDS = 150
#: words per shingle
SHINGLE = 3
#: MinHash permutations and LSH bands (rows per band: PERMUTATIONS // BANDS)
PERMUTATIONS = 60
BANDS = 20
#: the estimated Jaccard similarity of two fingerprints from which they are copies
THRESHOLD = 0.3
#: fewer shingles than this: too little text to tell a copy (the record is its own story)
MIN_SHINGLES = 8
#: the seed of the MinHash permutations: signatures equal across processes and runs
SEED = 20240101
#: resident memory one indexed record costs (measured by benchmarks/stories.py)
BYTES_PER_RECORD = 1500

_DOTTED = re.compile(r"(?<=\w)\.(?=\w)")
_WORD = re.compile(r"\w+")
_CHARS_PER_WORD = 20


def shingles(body: str) -> list[str]:
    """The fingerprint's shingles: the first ``LEDE_WORDS`` words of the body, folded (case,
    quotes, punctuation, "U.S." as "US"), in runs of ``SHINGLE``.

    >>> shingles("The U.S. military said today it had seen the report.")[:2]
    ['the us military', 'us military said']
    """
    opening = body[: LEDE_WORDS * _CHARS_PER_WORD]  # the opening only: no work on long bodies
    words = _WORD.findall(unicodedata.normalize("NFKC", _DOTTED.sub("", opening)).casefold())[:LEDE_WORDS]
    return [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def signature(body: str):
    """The MinHash (rensa) of a body's fingerprint, or None when it is too short to tell."""
    import rensa

    found = shingles(body or "")
    if len(found) < MIN_SHINGLES:
        return None
    minhash = rensa.RMinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update(found)
    return minhash


def band_keys(digest: list[int]) -> list[tuple]:
    """The LSH band keys of a signature's digest: (band, its rows).

    >>> band_keys(list(range(PERMUTATIONS)))[1]
    (1, (3, 4, 5))
    """
    rows = PERMUTATIONS // BANDS
    return [(b, tuple(digest[b * rows:(b + 1) * rows])) for b in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    """The Jaccard similarity two digests estimate: the share of equal rows.

    >>> similarity([1, 2, 3, 4], [1, 2, 0, 0])
    0.5
    """
    return sum(x == y for x, y in zip(a, b)) / len(a)


def _field(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)


class StoryIndex:
    """Groups records into stories as they come (see the module docstring)."""

    def __init__(self, window: int | None = None):
        import rensa

        self._rensa = rensa
        self.window = window
        self.lsh = rensa.RMinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS, num_bands=BANDS)
        #: record number -> (story id, the story's first signature) for indexed records
        self.indexed: dict[int, tuple[str, Any]] = {}
        self.order: deque[int] = deque()
        self.count = 0

    def signature(self, body: str):
        """The MinHash of a body's fingerprint, or None when it is too short to tell."""
        return signature(body)

    def add(self, record: Any) -> str:
        """The story id of the next record (a dict or an ``Article``), in input order."""
        own = str(_field(record, "id"))
        number, self.count = self.count, self.count + 1
        if _field(record, "error") or _field(record, "skipped"):
            return own
        minhash = self.signature(_field(record, "body") or "")
        if minhash is None:
            return own
        story, first = own, minhash
        for candidate in sorted(self.lsh.query(minhash)):
            if candidate in self.indexed:
                found, first_signature = self.indexed[candidate]
                if minhash.jaccard(first_signature) >= THRESHOLD:
                    story, first = found, first_signature
                    break
        self.lsh.insert(number, minhash)
        self.indexed[number] = (story, first)
        self.order.append(number)
        if self.window is not None and len(self.order) > self.window:
            old = self.order.popleft()
            self.lsh.remove(old)
            del self.indexed[old]
        return story
