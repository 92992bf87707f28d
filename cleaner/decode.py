"""Bytes to text: UTF-8 first, BOMs honoured, other encodings detected by charset-normalizer.

>>> decode_bytes("Die Grüße aus München kamen spät, aus über zwanzig Städten.".encode("cp1252"))[0]
'Die Grüße aus München kamen spät, aus über zwanzig Städten.'
>>> decode_bytes("Grüße".encode("cp1252"), declared="windows-1252")
('Grüße', 'windows-1252')
>>> decode_bytes(b"")
Traceback (most recent call last):
...
cleaner.errors.InputError: the input is empty
"""
from __future__ import annotations

import codecs
import re

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding: NULs or many control bytes.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), looks_binary(b"plain text")
    (True, False)
    """
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample and not _utf16_without_bom(sample):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is NUL, as in BOM-less UTF-16 text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and say which encoding was used. Raises ``InputError`` with the reason.

    ``declared`` (from an HTTP header or ``<meta charset>``) is tried after UTF-8 and BOMs.
    """
    if not data or not data.strip():
        raise InputError("empty", "the input is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise InputError("binary", "the input is binary data, not text")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    """Ask charset-normalizer; refuse when it has no confident answer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("encoding", "the input is not UTF-8 and its encoding could not be detected")
    return data.decode(best.encoding, errors="replace"), best.encoding


# Two-character sequences that UTF-8 text decoded as Latin-1/cp1252 is full of ("â€™", "Ã©").
_MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00c5\u00e2\u00d0\u00d1][\u0080-\u00bf\u20ac\u201a-\u201e"
                            "\u2020-\u2022\u2026\u2030\u2039\u203a\u2122\u0152\u0153\u0160\u0161"
                            "\u0178\u017d\u017e\u02c6\u02dc]")


def repair_mojibake(text: str) -> str:
    """Undo double-encoded UTF-8 with ftfy, only where its tell-tale sequences appear; quotes,
    HTML entities and line breaks are left as they are.

    >>> repair_mojibake("pet insurance doesnâ€™t have to be a wall")
    'pet insurance doesn’t have to be a wall'
    >>> repair_mojibake("Grève à Paris")
    'Grève à Paris'
    """
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    config = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_line_breaks=False,
                                  fix_latin_ligatures=False, fix_character_width=False, explain=False)
    return ftfy.fix_text(text, config)
