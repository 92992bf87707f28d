"""Language, found early: langdetect (seeded) on the running text of the page as read, so that
the later steps can use the words of the document's language (``cleaner/vocabulary/``) and
the packs made for it. A pack that pins the language saves the detection; the record's
language is decided with the markup's ``<html lang>`` by ``cleaner/fields/resolve.py``."""
from __future__ import annotations

import re
from functools import cache

from ..pipeline import Context, Draft
from ..textutil import is_prose

_MEMO_WORDS = 50_000  # words whose n-grams a detector keeps
_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_NOT_LATIN = re.compile("[^A-z]")


class LanguageDetector:
    """langdetect with its own profile store and a fixed seed: same text, same answer.

    Built once per ``Cleaner`` (per worker), never per document. One random trial instead of
    langdetect's seven: on 919 news pages of 17 languages it gave the same answer as three
    trials on every page (and three the same as seven), at a fraction of the cost.

    The profiles' probabilities (88,000 n-grams, a list of 55 numbers each) are kept as
    tuples: the garbage collector stops tracking a tuple of numbers, never a list, so a full
    collection of a worker's memory no longer walks them (7 ms instead of 70-80).

    >>> import gc
    >>> table = LanguageDetector()._factory.word_lang_prob_map
    >>> gc.collect() >= 0 and not any(gc.is_tracked(p) for p in list(table.values())[:1000])
    True
    """

    TRIALS = 1

    def __init__(self, seed: int = 0, sample_chars: int = 600):
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        table = self._factory.word_lang_prob_map  # (read, never changed, once loaded)
        self._factory.word_lang_prob_map = {gram: tuple(probabilities) for gram, probabilities in table.items()}
        self.seed = seed
        self.sample_chars = sample_chars
        self._words: dict = {}  # a word's n-grams (``_ngrams``)

    def clear_memo(self) -> None:
        """Forget the words' n-grams kept so far (a benchmark's cold start)."""
        self._words.clear()

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code, or None when the text has nothing to go on."""
        from langdetect.lang_detect_exception import LangDetectException

        sample = text[: self.sample_chars]
        if sum(map(str.isalpha, sample)) < 20:
            return None
        detector = self._factory.create()
        detector.seed = self.seed
        detector.n_trial = self.TRIALS
        _prepare(detector, sample, self._words)
        try:
            code = detector.detect()
        except LangDetectException:
            return None
        return None if code == "unknown" else code.split("-")[0]


def _prepare(detector, text: str, memo: dict) -> None:
    """``detector.append(text)`` with langdetect's per-character loops (collapsing spaces,
    telling Latin letters from others, cutting the text into n-grams) done by regular
    expressions and a memo of each character's normal form, and its detection loop by
    ``_detect_block``: the same text, n-grams and products, so the same answers (checked on
    3,696 samples of 17 languages), in a fraction of the time. (langdetect counts every character from
    U+0300 up as non-Latin, also the Latin Extended Additional block it means to spare: kept.)"""
    text = detector.URL_RE.sub(" ", text)
    text = detector.MAIL_RE.sub(" ", text)
    from langdetect.utils.ngram import NGram

    text = _SPACES.sub(" ", NGram.normalize_vi(text)[: detector.max_text_length])
    if 2 * len(_LATIN.findall(text)) < len(_NON_LATIN.findall(text)):
        text = "".join(_NOT_LATIN.findall(text))
    detector.text = text
    known = detector.word_lang_prob_map
    detector._detect_block = lambda: _detect_block(detector, _ngrams(text, known, memo))


def _detect_block(detector, ngrams: list[str]) -> None:
    """langdetect's ``Detector._detect_block`` on ``ngrams`` (its ``langprob`` set): per
    trial, a random n-gram's probabilities multiply the languages' until they are normalised
    every fifth n-gram and one stands over ``CONV_THRESHOLD``. The five n-grams between two
    normalisations multiply in one comprehension, in the order langdetect multiplies them one
    by one (the same products, the same random draws): a fifth of the lists built.

    >>> from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    >>> factory = DetectorFactory(); factory.load_profile(PROFILES_DIRECTORY)
    >>> ours, theirs = factory.create(), factory.create()
    >>> ours.seed = theirs.seed = 0
    >>> theirs.append("Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke zu schließen.")
    >>> _detect_block(ours, theirs._extract_ngrams()); theirs._detect_block()
    >>> ours.langprob == theirs.langprob
    True
    """
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    table, choice = detector.word_lang_prob_map, detector.random.choice
    langprob = [0.0] * len(detector.langlist)
    detector.random.seed(detector.seed)
    for _ in range(detector.n_trial):
        prob = detector._init_probability()
        alpha = detector.alpha + detector.random.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        w = alpha / detector.BASE_FREQ
        prob = [p * (w + a) for p, a in zip(prob, table[choice(ngrams)])]  # (i = 0, then normalised)
        i = 0
        while _normalized(prob) <= detector.CONV_THRESHOLD and i < detector.ITERATION_LIMIT:
            a, b, c, d, e = (table[choice(ngrams)] for _ in range(5))  # (i + 1 ... i + 5)
            prob = [p * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                    for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e)]
            i += 5
        for j, p in enumerate(prob):
            langprob[j] += p / detector.n_trial
    detector.langprob = langprob


def _normalized(prob: list[float]) -> float:
    """langdetect's ``_normalize_prob``: the shares in place, the largest returned."""
    total = sum(prob)
    prob[:] = [p / total for p in prob]
    return max(prob, default=0.0)


def _ngrams(text: str, known, memo: dict) -> list[str]:
    """The 1- to 3-grams of ``text`` that langdetect's profiles know, as its
    ``Detector._extract_ngrams`` gives them, word by word: langdetect starts afresh after
    every space, so a word's n-grams (with the space after it) depend on the word alone and
    are kept in ``memo`` (the detector's, bounded).

    >>> _ngrams("ab c", {"a", "ab", " a", "b", "b ", "ab ", "c"}, {})
    ['a', ' a', 'b', 'ab', 'b ', 'ab ', 'c']
    """
    result: list[str] = []
    words = "".join([_normal(ch) for ch in text]).split(" ")
    last = len(words) - 1
    if len(memo) > _MEMO_WORDS:
        memo.clear()
    for i, word in enumerate(words):
        if word:
            key = (word, i < last)
            grams = memo.get(key)
            if grams is None:
                grams = memo[key] = _word_grams(word, i < last, known)
            result.extend(grams)
    return result


def _word_grams(word: str, spaced: bool, known) -> tuple[str, ...]:
    """The n-grams langdetect takes from one word (``spaced``: a space follows it): at each
    letter the last one, two and three characters (a space before the word counts), none
    inside a word in capitals."""
    out = []
    buf, prev, capital = " ", " ", False
    for ch in word:
        buf = (buf[1:] if len(buf) >= 3 else buf) + ch
        capital = ch.isupper() and (capital or prev.isupper())
        prev = ch
        if not capital:
            for n in (1, 2, 3):
                if len(buf) < n:
                    break
                gram = buf[-n:]
                if gram != " " and gram in known:
                    out.append(gram)
    if spaced:
        buf = (buf[1:] if len(buf) >= 3 else buf) + " "
        out += [buf[-n:] for n in (2, 3) if len(buf) >= n and buf[-n:] in known]
    return tuple(out)


@cache
def _normal(ch: str) -> str:
    """langdetect's normal form of one character (a table: characters are few)."""
    from langdetect.utils.ngram import NGram

    return NGram.normalize(ch)


def detect_language(draft: Draft, ctx: Context) -> Draft:
    """The language langdetect finds in the paragraphs of running text (all the blocks when
    there are none); none is asked when a pack pins the language."""
    detector = ctx.tools.get("language")
    if detector is None or not ctx.settings.detect_language or ctx.pinned("language"):
        return draft
    prose = [b.text for b in draft.blocks if is_prose(b.text)]
    text = " ".join(prose or [b.text for b in draft.blocks])
    found = detector.detect(text) if text else None
    return draft.found("language", found, "langdetect on the running text")
