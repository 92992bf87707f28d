"""Bytes to text: UTF-8 first, BOMs honoured, then the declared charset unless it decodes to
mojibake or control characters, else charset-normalizer's detection.

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
import difflib
import math
import re
from types import MappingProxyType

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# How browsers read a declared charset (WHATWG Encoding Standard): the Python codecs to try
# before Python's own for the label, keyed by Python's codec name or by a WHATWG label Python
# does not know. A larger Windows code page mostly; Shift_JIS keeps its own mappings first
# (0x8160 is 〜 for browsers too) and takes cp932 for the NEC and IBM extensions.
_BROWSER_CODECS = MappingProxyType({
    "ascii": ("cp1252",), "iso8859-1": ("cp1252",), "iso8859-9": ("cp1254",),
    "tis-620": ("cp874",), "iso8859-11": ("cp874",), "windows-874": ("cp874",),
    "gb2312": ("gb18030",), "gbk": ("gb18030",), "euc_kr": ("cp949",), "windows-949": ("cp949",),
    "shift_jis": ("shift_jis", "cp932"), "x-sjis": ("shift_jis", "cp932"), "windows-31j": ("cp932",),
    "big5": ("big5hkscs",), "x-mac-cyrillic": ("mac-cyrillic",),
})

# charset-normalizer's own default threshold: a decoding at least this messy is no plausible one.
_MESS_THRESHOLD = 0.2
_SAMPLE_BYTES = 4096
# C0 controls other than whitespace, and C1 controls: no text in a right decoding has them.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x80-\x9f]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_SCRIPT_EDGE = re.compile(rb"<(/?)(?:script|style)\b", re.IGNORECASE)
_TAG = re.compile(rb"<[^<>]*>")


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

    ``declared`` (from an HTTP header or ``<meta charset>``) is tried after UTF-8 and BOMs, as
    a browser reads it (``iso-8859-1`` as ``windows-1252``); when it decodes to mojibake or
    control characters, charset-normalizer's detection is asked instead.

    >>> russian = "Сильный шторм обрушился на побережье в ночь на понедельник.".encode("cp1251")
    >>> decode_bytes(russian, declared="iso-8859-1")
    ('Сильный шторм обрушился на побережье в ночь на понедельник.', 'cp1251')
    >>> decode_bytes("Grève « générale » à Paris, 3 €".encode("cp1252"), declared="iso-8859-1")
    ('Grève « générale » à Paris, 3 €', 'cp1252')
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
        found = _decode_declared(data, declared)
        if found:
            return found
    return _detect(data)


def browser_codecs(label: str) -> tuple[str, ...]:
    """The Python codecs to read a declared charset ``label`` with, in order: as a browser
    reads it (WHATWG: some legacy labels mean a larger Windows code page), then as Python
    does (for the bytes the larger one leaves undefined); none for a label nobody knows.

    >>> browser_codecs("ISO-8859-1"), browser_codecs("us-ascii"), browser_codecs("gb2312")
    (('cp1252', 'iso8859-1'), ('cp1252', 'ascii'), ('gb18030', 'gb2312'))
    >>> browser_codecs("windows-1251"), browser_codecs("Shift_JIS"), browser_codecs("x-no-such")
    (('cp1251',), ('shift_jis', 'cp932'), ())
    """
    label = label.strip().lower()
    own = _python_codec(label)
    return tuple(dict.fromkeys(name for name in (*_BROWSER_CODECS.get(own or label, ()), own) if name))


def _python_codec(label: str) -> str | None:
    """Python's own name for the codec of ``label``, None when Python has none."""
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """The text in the declared charset as a browser reads it (else as Python reads it, for
    bytes the larger code page leaves undefined); None when neither decodes. A reading that
    looks wrong (see ``looks_wrong``) stands only if charset-normalizer finds no better one."""
    label = declared.strip().lower()
    own = _python_codec(label)
    for codec in browser_codecs(label):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        name = label if codec == own else codec
        if not looks_wrong(data, codec, text):
            return text, name
        return _better_than(data, codec, (text, name))
    return None


def looks_wrong(data: bytes, codec: str, text: str | None = None) -> bool:
    """True when ``data`` read as ``codec`` (that is ``text``, if given) has control characters
    (C0 other than whitespace, or C1), or charset-normalizer's mess ratio of its text (see
    ``text_sample``) is at least charset-normalizer's own threshold, as for cp1251 bytes read
    as windows-1252. Costs a scan of the text and a mess ratio of a bounded sample.

    >>> page = "<title>Шторм на побережье</title><p>Ветер достигал двадцати пяти метров.</p>"
    >>> looks_wrong(page.encode("cp1251"), "cp1251"), looks_wrong(page.encode("cp1251"), "cp1252")
    (False, True)
    >>> looks_wrong("Grève à Paris : « Nous ne céderons pas », 3 €".encode("cp1252"), "cp1252")
    False
    >>> looks_wrong("„Cześć” – powiedział".encode("cp1250"), "iso-8859-2")  # C1 for the quotes
    True
    """
    text = data.decode(codec, errors="replace") if text is None else text
    sample = text_sample(data).decode(codec, errors="replace")
    return _mess(text, sample, _MESS_THRESHOLD) >= _MESS_THRESHOLD


def _mess(text: str, sample: str, ceiling: float = math.inf) -> float:
    """charset-normalizer's mess ratio of ``sample`` (counting stops at ``ceiling``), plus 1
    when ``text`` has control characters."""
    from charset_normalizer.md import mess_ratio

    controls = 1.0 if _CONTROLS.search(text) else 0.0
    return controls + (mess_ratio(sample, maximum_threshold=ceiling) if sample else 0.0)


def text_sample(data: bytes, size: int = _SAMPLE_BYTES) -> bytes:
    """About ``size`` bytes of the page's text from the word with its first non-ASCII byte on,
    tags, scripts and styles dropped: the part where readings differ, without markup to
    dilute a measure of it. Cut at spaces only, which no multi-byte character of an
    ASCII-compatible charset contains; the work is bounded whatever the input.

    >>> html = '<script>var s = "é";</script><p class="x">Grève à Paris</p>'.encode("cp1252")
    >>> text_sample(html).decode("cp1252")
    'Grève à Paris'
    >>> text_sample(b"<p>plain ASCII</p>"), text_sample("один два три".encode("cp1251"), 9).decode("cp1251")
    (b'', 'один два')
    """
    first = _HIGH_BYTE.search(data)
    if first is None:
        return b""
    begin, end = max(0, first.start() - 256), first.start() + 16 * size
    visible = b" ".join(_TAG.sub(b" ", _outside_scripts(data[begin:end])).split())
    if end < len(data):  # the window's last word may be cut inside a character
        visible = visible.rpartition(b" ")[0]
    high = _HIGH_BYTE.search(visible)
    if high is None:
        return b""
    start = visible.rfind(b" ", 0, high.start()) + 1
    stop = visible.rfind(b" ", start, start + size + 1) if len(visible) > start + size else -1
    return visible[start: stop] if stop > start else visible[start:]


def _outside_scripts(html: bytes) -> bytes:
    """The markup outside ``<script>`` and ``<style>`` elements, in linear time (a cut of a
    page that starts inside one loses that part too).

    >>> _outside_scripts(b'a<script>x<y</script>b<STYLE>p{}</style >c')
    b'a b c'
    >>> _outside_scripts(b'cut inside");</script><p>text</p>')
    b'<p>text</p>'
    """
    parts = _SCRIPT_EDGE.split(html)  # text, slash, text, slash, text...: "/" closes an element
    slashes, texts = parts[1::2], parts[2::2]
    kept = [parts[0]] if not slashes or not slashes[0] else []
    kept += [text.partition(b">")[2] for slash, text in zip(slashes, texts) if slash]
    return b" ".join(kept)


def _better_than(data: bytes, codec: str, declared: tuple[str, str]) -> tuple[str, str]:
    """charset-normalizer's reading of the page when it is less messy than the ``declared`` one
    (text and name, read with ``codec``): of its least chaotic readings of the page's text
    (``text_sample``, which markup does not drown), the one closest to the declared, as
    cp1250 for a Polish page declared iso-8859-2, not cp1257. Without a less messy reading
    the declaration stands."""
    from charset_normalizer import from_bytes

    sample = text_sample(data)
    if not sample:  # no text outside the markup: whichever reading, the page's text is ASCII
        return declared
    results = from_bytes(sample, preemptive_behaviour=False)
    best = results.best()
    if best is None:
        return declared
    readings = {match.encoding: sample.decode(match.encoding, errors="replace")
                for match in results if match.chaos <= best.chaos}
    said = sample.decode(codec, errors="replace")
    encoding = max(readings, key=lambda name: _likeness(readings[name], said))
    guess = data.decode(encoding, errors="replace")
    if guess != declared[0] and _mess(guess, readings[encoding]) < _mess(declared[0], said):
        return guess, encoding
    return declared


def _likeness(a: str, b: str) -> float:
    """How many characters two readings share, 0 to 1 (order aside).

    >>> _likeness("Ulewy na południu", "Ulewy na po³udniu") > _likeness("Ulewy na południu", "Σ")
    True
    """
    return difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio()


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
