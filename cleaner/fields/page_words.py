"""What a page says of words, to tell a person's name from the page's furniture: which words
the body prints in small letters, which short lines (menus, buttons, labels) hold a word, how
often a line is printed, which lines a rule marks ("Check Also"). Used by the byline step
(``cleaner/steps/byline.py``) on lines of names alone, which only their page tells from a menu
("Health News", "Start Trial").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cached_property

from ..blocks import Block  # noqa: F401 (the doctests build blocks)
from ..pipeline import Draft
from ..textutil import is_prose, word_count
from .names import Reading, default_words

_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]"
_LABEL_WORDS = 6  # a line of at most this many words, no sentence, is a label or a menu item
#: what stands before and after a word of the text, not one inside an e-mail address, a handle or
#: a URL ("jane_doe@example.org", "/author/jill-barshay/")
_OPENERS, _CLOSERS = "(\"'«“‘[", ",;:!?)\"'»”’]"


class PageWords:
    """What the whole page says of words, to tell a name from the page's furniture, worked
    out for the words asked about (most pages have few lines of names to judge):
    ``common(word)``, the body prints the word in small letters; ``printed``, how often each
    line stands on the page; ``labels(word)``, the short lines (menu items, labels, buttons)
    that hold the word (casefolded). The page is its body blocks and every line the steps
    before took out.

    >>> p = PageWords(Draft((Block(0, "Order now, or read the news."), Block(1, "Mail jane_doe@example.org /author/jill-barshay/"))))
    >>> [p.common(w) for w in ("news", "now", "order", "jane_doe", "jill")], p.printed["Mail jane_doe@example.org /author/jill-barshay/"]
    ([True, True, False, False, False], 1)
    >>> p.labels("mail")
    ('Mail jane_doe@example.org /author/jill-barshay/',)
    """

    def __init__(self, draft: Draft):
        self._body = "\n".join(b.text for b in draft.blocks)
        self._lines = [b.text for b in draft.blocks] + [r.text for r in draft.removed]
        self._common: dict[str, bool] = {}
        self._labels: dict[str, tuple[str, ...]] = {}
        #: the lines the steps before took out, by their index on the page
        self.taken_out = {r.index: r.text for r in draft.removed if r.index >= 0}
        #: the lines a cut rule marks, headings of furniture ("Check Also") left in the body
        #: where they cut nothing (a generic one in the middle of a long article)
        self.marked = frozenset(b.text for b in draft.blocks if b.index in draft.marks)

    def common(self, word: str) -> bool:
        """The body prints ``word`` (in small letters) as a word of its own, not inside an
        e-mail address, a handle or a URL."""
        if word not in self._common:
            self._common[word] = word.isalpha() and word[:1].islower() and stands_alone(word, self._body)
        return self._common[word]

    @cached_property
    def printed(self) -> Mapping[str, int]:
        return Counter(self._lines)

    @cached_property
    def _short(self) -> tuple[tuple[str, frozenset[str]], ...]:
        return tuple((line, frozenset(t.strip(_PUNCTUATION).casefold() for t in line.split()))
                     for line in dict.fromkeys(self._lines) if word_count(line) <= _LABEL_WORDS)

    def labels(self, word: str) -> tuple[str, ...]:
        """The short lines that are no sentence and hold ``word``."""
        if word not in self._labels:
            self._labels[word] = tuple(line for line, words in self._short if word in words and not is_prose(line))
        return self._labels[word]


def stands_alone(word: str, text: str) -> bool:
    """``word`` stands in ``text`` as a word of its own, not inside another word, an e-mail
    address, a handle or a URL.

    >>> stands_alone("jill", "Mail jane_doe@example.org /author/jill-barshay/"), stands_alone("news", "(news).")
    (False, True)
    """
    at = text.find(word)
    while at >= 0:
        before, after = text[at - 1: at] or " ", text[at + len(word): at + len(word) + 2] or " "
        if (before.isspace() or before in _OPENERS) and (
                after[0].isspace() or after[0] in _CLOSERS or after[0] == "." and not after[1:].strip(".").isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


def is_furniture(text: str, reading: Reading, page: PageWords) -> bool:
    """A line of names that is the page's furniture: a rule marks it ("Check Also"), half or
    more of a name's words are words the page writes in small letters ("Health News", "Order
    Now"), or every word of a name stands in other short lines that do not hold the name ("Start
    Trial" beside "Start Free Trial", "Contact Us" beside "About Us"). Particles ("de", "van")
    do not count.

    >>> page = PageWords(Draft((Block(0, "Order now."), Block(1, "Start Free Trial"), Block(2, "Check Also")),
    ...                        marks={2: "a cut rule"}))
    >>> [is_furniture(n, Reading((n,)), page) for n in ("Order Now", "Start Trial", "Check Also", "Ryan Carrigan")]
    [True, True, True, False]
    """
    if text in page.marked:
        return True
    particles = default_words().particles
    for name in reading.names:
        parts = [p.casefold() for p in name.split() if p.casefold() not in particles]
        if 2 * sum(page.common(p) for p in parts) >= len(parts):
            return True
        if all(any(not _holds(line, parts) for line in page.labels(p)) for p in parts):
            return True
    return False


def _holds(line: str, parts: list[str]) -> bool:
    """The line holds the name, its words side by side in its order or the other way
    ("Dinh Linh Duy" holds "Duy Linh Dinh"; "Start Free Trial" does not hold "Start Trial")."""
    if " ".join(parts) in line.casefold():
        return True
    words = [t.strip(_PUNCTUATION).casefold() for t in line.split()]
    particles = default_words().particles
    words = [w for w in words if w not in particles]
    n = len(parts)
    return any(words[k: k + n] in (parts, parts[::-1]) for k in range(len(words) - n + 1))


def people(names: tuple[str, ...], page: PageWords, groups: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The persons found: not a name all of whose words the page writes in small letters
    ("Home Security"), and a name of three words or more without last words that the page
    writes so ("Victoria O’Rourke Follow"); ``groups`` (a team's name after a prefix: "The
    Maple Team") stay as written."""
    people = []
    for name in names:
        parts = name.split()
        if name in groups:
            people.append(name)
            continue
        if len(parts) > 1 and all(page.common(p.casefold()) for p in parts):
            continue
        while len(parts) > 2 and page.common(parts[-1].casefold()):
            parts.pop()
        people.append(" ".join(parts))
    return tuple(dict.fromkeys(people))
