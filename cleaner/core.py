"""``Cleaner``: packs and tools loaded once, then ``clean()`` per document.

>>> Cleaner().clean("Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, "
...                 "closing roads and schools across the region for two days.").headline
'Storm hits coast'
"""
from __future__ import annotations

import hashlib
from typing import Any, Mapping

from .blocks import Block
from .decode import decode_bytes
from .limits import DocumentTimeout, time_limit
from .errors import InputError
from .page import Found, Page
from .pipeline import Context, Draft, run_steps
from .readers import html
from .readers.html import looks_like_html
from .readers.text import read_text
from .record import Article, ErrorInfo, Removal
from .rulepack import PackSet, load_packs
from .settings import Settings
from .textutil import word_count
from .steps import DEFAULT_STEPS, HEURISTIC_STEPS
from .readers.decision import Decision
from .steps.language import LanguageDetector
from .vocabulary import Vocabularies


#: a body needs at least one paragraph of this many words, or the input has no article
_MIN_PARAGRAPH_WORDS = 6
#: an HTML page whose body came out shorter than this (in words) is read again as a text
#: dump of its own lines, and that body is taken when it is ``_RESCUE_RATIO`` times as long
_SHORT_BODY_WORDS = 100
_RESCUE_RATIO = 3


def content_id(data: str | bytes) -> str:
    """A stable id for an input that came without one: 16 hex digits of its SHA-1.

    >>> content_id("abc")
    'a9993e364706816a'
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha1(raw).hexdigest()[:16]


def _has_text(draft: Draft) -> bool:
    """Whether the draft holds an article: a paragraph of ``_MIN_PARAGRAPH_WORDS`` words."""
    return any(word_count(b.text) >= _MIN_PARAGRAPH_WORDS for b in draft.blocks)


def _body_words(draft: Draft) -> int:
    """The words of the body the draft gives (none when it holds no article)."""
    return sum(word_count(b.text) for b in draft.blocks) if _has_text(draft) else 0


class Cleaner:
    """Holds the settings, the validated packs and the language detector.

    Build one per process (or worker) and call ``clean`` for each document; a bad rule
    pack raises ``RulePackError`` here, before any document is touched.
    """

    def __init__(self, settings: Settings | None = None, packs: PackSet | None = None):
        self.settings = settings or Settings()
        self.packs = packs if packs is not None else load_packs(self.settings.resolved_rules_dir())
        self.tools: dict[str, Any] = {"vocabulary": Vocabularies.load(), "decision": Decision.load()}
        if self.settings.detect_language:
            self.tools["language"] = LanguageDetector(self.settings.language_seed,
                                                      self.settings.language_sample_chars)
        self.steps = tuple((name, step) for name, step in DEFAULT_STEPS
                           if self.settings.heuristics or name not in HEURISTIC_STEPS)

    def warm_up(self) -> "Cleaner":
        """Clean one small text and one small page, so that lazy imports and first-use set-up
        (language profiles, HTML parser, date parser) are not charged to the first real
        document's time limit. Returns the cleaner.

        >>> Cleaner(Settings(detect_language=False)).warm_up().settings.detect_language
        False
        """
        lede = "A storm hit the coast on Monday, officials said, closing roads and schools for the week."
        self.clean(f"Storm hits coast\n\nBy Jane Doe\n\nLONDON (Reuters) - {lede}", doc_id="warm-up")
        self.clean(f"<html lang=en><title>Storm hits coast</title><body><h1>Storm hits coast</h1>"
                   f"<p>{lede}</p></body></html>".encode(), doc_id="warm-up")
        return self

    def clean(self, data: str | bytes, *, url: str | None = None, doc_id: str | None = None,
              source: str | None = None, hints: Mapping[str, Any] | None = None) -> Article:
        """One record for one input: an ``Article``, with ``error`` set when it failed."""
        return self.trace(data, url=url, doc_id=doc_id, source=source, hints=hints)[0]

    def trace(self, data: str | bytes, *, url: str | None = None, doc_id: str | None = None,
              source: str | None = None, hints: Mapping[str, Any] | None = None
              ) -> tuple[Article, tuple[Block, ...]]:
        """The record and the blocks the pipeline started from (for ``explain``: with
        ``Settings(explain=True)`` every removal names the block index it came from)."""
        doc_id = doc_id or content_id(data)
        try:
            with time_limit(self.settings.max_seconds):
                return self._clean(data, url=url, doc_id=doc_id, source=source, hints=hints or {})
        except DocumentTimeout:
            if not self.settings.max_seconds:
                raise  # a caller's own timer (clean-articles workers) reports it
            return Article(id=doc_id, url=url, source=source, error=ErrorInfo(
                "timeout", f"took longer than {self.settings.max_seconds} s")), ()
        except InputError as exc:
            return Article(id=doc_id, url=url, source=source, error=ErrorInfo(exc.type, exc.message)), ()
        except Exception as exc:  # a bug must cost one record, never the batch
            return Article(id=doc_id, url=url, source=source,
                           error=ErrorInfo("internal", f"{type(exc).__name__}: {exc}")), ()

    def _clean(self, data: str | bytes, *, url, doc_id, source, hints) -> tuple[Article, tuple[Block, ...]]:
        settings = self.settings
        if isinstance(data, (bytes, bytearray)):
            if len(data) > settings.max_input_bytes:
                raise InputError("too_large", f"the input has {len(data)} bytes, more than the "
                                              f"limit of {settings.max_input_bytes}")
            text, _encoding = decode_bytes(bytes(data), html.declared_charset(bytes(data[:4096])))
        else:
            text = data
            if len(text) > settings.max_input_bytes:
                raise InputError("too_large", f"the input has {len(text)} characters, more than "
                                              f"the limit of {settings.max_input_bytes}")
        if not text.strip():
            raise InputError("empty", "the input is empty")
        given = {name: Found(value, "given by the caller", "markup") for name, value in hints.items()}
        if looks_like_html(text):
            page, packs = html.read_html(text, url, lambda page_url: self.packs.select(text, page_url, settings.generic_rules),
                                         settings.html_fallback, given, self.tools["vocabulary"].furniture,
                                         self.tools["decision"])
        else:
            page, packs = read_text(text, url, given), self.packs.select(text, url, settings.generic_rules)
        blocks, limited = self._limit(list(page.blocks))
        ctx = Context(settings=settings, packs=tuple(packs), page=page, tools=self.tools)
        draft = run_steps(Draft(tuple(blocks), removed=page.trace + tuple(limited)), ctx, self.steps)
        body_from = page.body_from
        if page.format == "html" and (words := _body_words(draft)) < _SHORT_BODY_WORDS:
            draft, ctx, blocks, reread = self._second_reading(text, draft, ctx, blocks, words)
            body_from = reread or body_from
        return self._record(draft, ctx, doc_id=doc_id, source=source, body_from=body_from), tuple(blocks)

    def _second_reading(self, text: str, draft: Draft, ctx: Context, blocks: list[Block], words: int):
        """An HTML page whose main content came out short (``words`` in its body: a list of
        products, a layout trafilatura's fast selection takes for a menu, or nothing): its own
        lines (those the reader kept, else read again) as a text dump's, with the same markup;
        that reading wins when its body has at least ``_RESCUE_RATIO`` times as many words.
        Returns (draft, context, blocks, where the body came from or None)."""
        page = ctx.page
        lines, limited = self._limit(list(page.lines or html.own_lines(text, list(ctx.packs))))
        second = Context(settings=ctx.settings, packs=ctx.packs, tools=ctx.tools,
                         page=Page("text", tuple(lines), page.markup, page.url, page.trace))
        reread = run_steps(Draft(tuple(lines), removed=page.trace + tuple(limited)), second, self.steps)
        rewords = _body_words(reread)
        if rewords >= _RESCUE_RATIO * max(words, 1):
            return reread, second, lines, (f"the page's own text read as a text dump (the main content "
                                           f"found had {words} words, this {rewords})")
        return draft, ctx, blocks, None

    def _limit(self, blocks: list[Block]) -> tuple[list[Block], list[Removal]]:
        """Apply ``max_blocks`` and ``max_block_chars``; what is cut is traced."""
        settings, trace = self.settings, []
        if len(blocks) > settings.max_blocks:
            trace.append(Removal("limits", "max-blocks", f"more than {settings.max_blocks} blocks",
                                 f"{len(blocks) - settings.max_blocks} blocks", settings.max_blocks))
            blocks = blocks[: settings.max_blocks]
        limited = []
        for block in blocks:
            if len(block.text) > settings.max_block_chars:
                trace.append(Removal("limits", "max-block-chars",
                                     f"paragraph longer than {settings.max_block_chars} characters",
                                     block.text[settings.max_block_chars: settings.max_block_chars + 80],
                                     block.index))
                block = block.with_text(block.text[: settings.max_block_chars])
            limited.append(block)
        return limited, trace

    def _record(self, draft: Draft, ctx: Context, *, doc_id: str, source: str | None,
                body_from: str | None = None) -> Article:
        f = {name: found.value for name, found in draft.decided.items()}
        has_text = _has_text(draft)
        body = "\n\n".join(b.text for b in draft.blocks) if has_text else ""
        error = None if has_text else ErrorInfo("no_article", "no article text (no paragraph of "
                                                f"{_MIN_PARAGRAPH_WORDS}+ words) was found in the input")
        site = ctx.site_packs[0].id if ctx.site_packs else None
        explain = self.settings.explain
        return Article(
            id=doc_id, headline=f.get("headline"), dateline=f.get("dateline"),
            byline=tuple(f.get("byline", ())), published=f.get("published"),
            language=f.get("language"), body=body, site=site, url=ctx.url,
            source=source, agency=f.get("agency"), credits=f.get("credits"), copyright=f.get("copyright"),
            error=error, removed=draft.removed if explain else None,
            fields_from=({name: found.source for name, found in draft.decided.items()}
                         | ({"body": body_from} if body_from else {})) if explain else None,
        )
