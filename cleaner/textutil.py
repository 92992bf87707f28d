"""Small text predicates shared by the heuristics.

>>> word_count("Hello, big world."), ends_with_ellipsis("More to come…")
(3, True)
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？…\"'”’»)\]]\s*$")
# A teaser cut short ends with the ellipsis itself; "…”" closes quoted speech instead.
_RUNNING_END = re.compile(r"[.!?…\"'”’»]$")
#: a copyright mark opening a line ("© 2024 Daily Planet", "Copyright Ada Quill/AP", "(c) 2024")
COPYRIGHT_MARK = re.compile(r"(?i)^\s*(?:©|copyright\b|\(c\)\s*\d{4})")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of a text."""
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    """Tokens separated by white space: cheap, and the heuristics need no finer count. Text in
    scripts written without spaces (Chinese, Japanese) counts one word per two characters.

    >>> word_count("U.S. troops, 2,000 of them"), word_count("報道によると、今回販売されたのは")
    (5, 8)
    """
    n = len(text.split())
    if len(text) > 12 * n:
        n += len(_UNSPACED.findall(text)) // 2
    return n


def ends_with_ellipsis(text: str) -> bool:
    """True for a teaser cut short with '…' or '...'.

    >>> ends_with_ellipsis("He said..."), ends_with_ellipsis("He said.")
    (True, False)
    """
    return bool(_ELLIPSIS.search(text.rstrip()[-5:]))  # the end only: no scan of a long text


def strip_ellipsis(text: str) -> str:
    """The text without its trailing ellipsis.

    >>> strip_ellipsis("the US military said today…")
    'the US military said today'
    """
    found = _ELLIPSIS.search(text, max(0, len(text.rstrip()) - 5))  # the end only (see above)
    return (text[: found.start()] if found else text).rstrip()


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (., !, ?, a closing quote...).

    >>> ends_sentence("It rained."), ends_sentence("Latest news")
    (True, False)
    """
    return bool(_SENTENCE_END.search(text.rstrip()[-1:]))


def is_prose(text: str, min_words: int = 12) -> bool:
    """A paragraph of running text: enough words and a sentence end, not a cut-off teaser.

    >>> is_prose("The U.S. military said on Sunday there had been a dramatic drop in weapons."), is_prose("Home")
    (True, False)
    """
    return word_count(text) >= min_words and ends_sentence(text) and not ends_with_ellipsis(text)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Text folded for comparisons: NFKC, casefolded, quotes and dashes unified, words only.

    >>> fold("Iran’s “Qods” Force—today") == fold("iran's \\"qods\\" force - today")
    True
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


_SMALL_WORD = 3
_LONG_WORD = re.compile(rf"\w{{{_SMALL_WORD + 1},}}")  # the words longer than a small one, whole


@lru_cache(maxsize=16384)
def is_title_case(text: str) -> bool:
    """Most longer words capitalised, as in headlines and menu labels.

    >>> is_title_case("U.S. Alleges Iran Using Hizballah As 'Proxy' In Iraq"), is_title_case("He said it was over.")
    (True, False)
    """
    long_words = [w for w in _LONG_WORD.findall(text) if not w.isdigit()]
    if not long_words:
        return False
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words) >= 0.6


def is_running_text(text: str, min_words: int = 10) -> bool:
    """The start of an article's text: a sentence, not a title-cased headline or a label.

    >>> is_running_text("July 2, 2007 (RFE/RL) -- The U.S. military is accusing Iran of using the militia.")
    True
    >>> is_running_text("Top Nutrition Trends for Fall 2025: What Fitness Experts Are Eating (and How)")
    False
    """
    if word_count(text) < min_words or not _RUNNING_END.search(text.rstrip()[-1:]):
        return False
    return not is_title_case(text)
