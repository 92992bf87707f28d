"""Main-content region: the stretch of blocks with the most running text.

Each block scores its words when it is running text and a small penalty when it is a short
line (menu item, share button, label); the best-scoring contiguous stretch is the article
(a maximum-sum subarray). Short lines inside it (sub-headings) stay; lines outside it go.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..blocks import Block
from ..pipeline import Context, Draft
from ..textutil import ends_sentence, ends_with_ellipsis, is_prose, is_title_case, word_count

SHORT_LINE_PENALTY = 4.0
REPEATED_MAX_WORDS = 4
LEAD_MIN_WORDS = 15
TEASER_PENALTY = 6.0


@lru_cache(maxsize=16384)
def block_score(text: str) -> float:
    """How much a block speaks for being article text. (Memoised: a pure function of the
    text, asked for by the headline and content steps, and menus repeat across pages.)

    >>> block_score("Home"), block_score("He said the talks would resume on Monday in Geneva after a pause.")
    (-4.0, 13.0)
    """
    n = word_count(text)
    if ends_with_ellipsis(text) and n >= 6:
        return -TEASER_PENALTY
    if n >= 8 and ends_sentence(text) and not is_title_case(text):
        return float(n)
    if n >= 8:
        return n * 0.5 - SHORT_LINE_PENALTY
    return -SHORT_LINE_PENALTY


def best_region(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run (Kadane); (0, 0) when every score is negative.

    >>> best_region([-3, 5, -1, 4, -20, 2])
    (1, 4)
    """
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def region_scores(texts: list[str]) -> list[float]:
    """``block_score`` for each block; a short line that recurs on the page (a "Learn More"
    under every teaser, a menu repeated in the footer) counts as furniture twice over.

    >>> region_scores(["Learn More", "He said the talks would resume on Monday in Geneva.", "Learn More"])
    [-8.0, 10.0, -8.0]
    """
    counts = Counter(t.casefold() for t in texts if word_count(t) <= REPEATED_MAX_WORDS)
    return [-2 * SHORT_LINE_PENALTY if counts.get(t.casefold(), 0) > 1 else block_score(t)
            for t in texts]


def main_span(texts: list[str], gaps: list[int] | None = None) -> tuple[int, int]:
    """[start, end) of the article text: the best stretch, started earlier at the first
    paragraph of running text (the introduction, even if a table or a list of short lines
    separates it from the longest stretch of prose). ``gaps``: how many lines earlier steps
    took out before each block (``index_gaps``); each counts as the short line of furniture
    it was, so that a rule taking out share buttons does not join the article to the teasers
    that the buttons kept apart from it.

    >>> main_span(["Home", "He said the talks would resume on Monday in Geneva after a long pause.",
    ...            "Prices", "Ministers of both countries met in Geneva to agree on a date.", "Contact"])
    (1, 4)
    >>> para = "He said the talks would resume on Monday in Geneva after a long pause."
    >>> main_span([para, para, "Other news: ministers of both countries met in Geneva today."], [0, 0, 4])
    (0, 2)
    """
    scores = region_scores(texts)
    if gaps and any(gaps):
        start, end = _real_span(scores, gaps)
    else:
        start, end = best_region(scores)
    if start > 0:
        start = next((i for i, t in enumerate(texts[:start]) if is_prose(t, LEAD_MIN_WORDS)), start)
    return start, end


def _real_span(scores: list[float], gaps: list[int]) -> tuple[int, int]:
    """``best_region`` over the blocks' scores with a short line's penalty for every line
    taken out between them; [start, end) of the blocks inside it.

    >>> _real_span([5.0, 5.0, 3.0], [0, 0, 3])
    (0, 2)
    """
    expanded, blocks = [], []
    for i, (score, gap) in enumerate(zip(scores, gaps)):
        if i:
            expanded += [-SHORT_LINE_PENALTY] * gap
            blocks += [None] * gap
        expanded.append(score)
        blocks.append(i)
    start, end = best_region(expanded)
    inside = [b for b in blocks[start:end] if b is not None]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def index_gaps(blocks) -> list[int]:
    """How many lines of the page earlier steps took out right before each block.

    >>> index_gaps([Block(2, "a"), Block(3, "b"), Block(7, "c")])
    [0, 0, 3]
    """
    return [0] + [max(0, b.index - a.index - 1) for a, b in zip(blocks, blocks[1:])]


def keep_main_content(draft: Draft, ctx: Context) -> Draft:
    """Keep the article text (``main_span``); what stands outside it goes."""
    blocks = draft.blocks
    if not blocks or ctx.html:
        return draft  # trafilatura has already chosen the main content of a page
    start, end = main_span([b.text for b in blocks], index_gaps(blocks))
    if (start, end) == (0, len(blocks)):
        return draft
    drops: list[tuple[Block, str, str]] = [
        (b, "outside-main-content", "outside the stretch of running text")
        for b in blocks[:start] + blocks[end:]]
    return draft.remove("content", drops)
