"""Text repair that loses nothing: mojibake undone (ftfy), Unicode NFC, invisible controls,
stray closing quotes."""
from __future__ import annotations

import re
import unicodedata

from ..blocks import Block, squash  # noqa: F401  (Block: used by the doctests)
from ..decode import repair_mojibake
from ..pipeline import Context, Draft
from ..record import Removal
from ..textutil import ends_with_ellipsis, fold, is_running_text

# C0/C1 controls (but tab/newline), zero-width and bidirectional override characters.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f"
                        "\u202a-\u202e\u2066-\u2069\ufeff]")
_STRAY_CLOSER = re.compile(r"^[”»’]\s+(?=\S)")


def repair_line(text: str) -> str:
    """NFC, no invisible or bidi-override characters, squashed spaces.

    >>> repair_line("Cafe\\u0301 \\u202eopen\\u202c\\u200b now")
    'Café open now'
    """
    return squash(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)))


def drop_stray_closing_quote(text: str) -> str:
    """A paragraph that starts with a closing quote it never opened loses that quote.

    >>> drop_stray_closing_quote("” Bergner said Iran’s government had done little.")
    'Bergner said Iran’s government had done little.'
    >>> drop_stray_closing_quote("” is a closing quote, “like” this”")
    '” is a closing quote, “like” this”'
    """
    if _STRAY_CLOSER.match(text) and text.count("”") > text.count("“"):
        rest = _STRAY_CLOSER.sub("", text)
        if rest.count("”") == rest.count("“") or "”" not in rest:
            return rest
    return text


def repair_text(draft: Draft, ctx: Context) -> Draft:
    """Repair every block; a changed block gets a trace entry only when text was removed."""
    blocks, trace = [], []
    mojibake = ctx.settings.fix_mojibake if ctx is not None else True
    for block in draft.blocks:
        text = repair_line(repair_mojibake(block.text) if mojibake else block.text)
        fixed = drop_stray_closing_quote(text)
        if fixed != text:
            trace.append(Removal("repair", "stray-closing-quote",
                                 "a closing quote that opens a paragraph", text[: len(text) - len(fixed)],
                                 block.index))
        if fixed:
            blocks.append(block.with_text(fixed) if fixed != block.text else block)
    return draft.replace_blocks("repair", blocks, trace)


def drop_repeated_lines(draft: Draft, ctx: Context) -> Draft:
    """The same line twice in a row (a headline printed twice, a doubled menu) is kept once,
    and so is a paragraph of running text printed again anywhere on the page (the first copy
    stays), so that no later step depends on where a copy stands. Only identical text (case
    aside) counts: a teaser and its full version are for ``teasers``.

    >>> d = drop_repeated_lines(Draft((Block(0, "Login"), Block(1, "LOGIN"), Block(2, "x"))), None)
    >>> [b.text for b in d.blocks]
    ['Login', 'x']
    """
    drops, previous, seen = [], None, set()
    for block in draft.blocks:
        key = block.text.casefold()
        whole = False
        if key and key == previous:
            drops.append((block, "repeated-line", "the same line as the one before"))
        elif (whole := _whole_paragraph(block.text)) and fold(block.text) in seen:
            drops.append((block, "repeated-paragraph", "the same paragraph stands earlier on the page"))
        else:
            previous = key  # compared with the lines that stay
            if whole:
                seen.add(fold(block.text))
    return draft.remove("duplicates", drops)


_REPEATED_PROSE_WORDS = 12


def _whole_paragraph(text: str) -> bool:
    """Running text that is not a teaser cut short (those are for ``teasers``)."""
    return is_running_text(text, _REPEATED_PROSE_WORDS) and not ends_with_ellipsis(text)
