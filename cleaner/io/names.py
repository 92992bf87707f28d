"""How inputs are named in records: one printable, canonical ``source`` per document.

The ``source`` of a record is the identity of its input: ``--resume`` skips an input whose
source an earlier run wrote, so the same file must get the same source however it was named
(``corp/a.txt``, ``/abs/corp/a.txt``, a symbolic link): the real absolute path. Documents
inside a container add their place: ``feed.jsonl:12`` (line), ``crawl.warc.gz#3381``
(byte offset of the WARC record, as in a CDX index).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(found: re.Match) -> str:
    code = ord(found.group())
    # U+DC80..U+DCFF: a byte that was not UTF-8 (Python's surrogateescape): shown as that byte
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` with lone surrogates escaped, so that it encodes as UTF-8: a file name byte
    that is not UTF-8 becomes ``\xNN``, any other lone surrogate ``\uXXXX``.

    >>> printable("bad\udcff.txt"), printable("id-\ud800"), printable("Grève")
    ('bad\\xff.txt', 'id-\\ud800', 'Grève')
    """
    if text.isascii():
        return text
    return _SURROGATE.sub(_escape, text)


def canonical(path: str) -> str:
    """The printable real absolute path of a file: the same for every spelling of it; ``-``
    (standard input) stays ``-``.

    >>> canonical("-")
    '-'
    >>> canonical("cleaner/../cleaner/io") == canonical(os.path.abspath("cleaner/io"))
    True
    """
    if path == "-":
        return path
    return printable(os.path.realpath(path))


def canonical_entry(path: str) -> str:
    """Like ``canonical``, for a name that is not followed (a broken or looping link): its
    folder's real path and its own name.

    >>> canonical_entry("cleaner/../cleaner/no-such-link") == canonical("cleaner") + "/no-such-link"
    True
    """
    folder, name = os.path.split(os.path.abspath(path))
    return printable(os.path.join(os.path.realpath(folder), name))


def stem(name: str) -> str:
    """The printable file name without its extensions: a document's default ``id``.

    >>> stem("dumps/003_14e36000ea184500.txt.gz"), stem("-")
    ('003_14e36000ea184500', '')
    """
    if name == "-":
        return ""
    return printable(Path(name).name.split(".")[0])
