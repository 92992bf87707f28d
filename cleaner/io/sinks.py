"""JSON Lines output, written so that a killed job never leaves a file that looks whole.

Records go to ``<path>.partial`` (gzip-compressed when the path ends in ``.gz``); only a
finished job renames it to ``<path>``. After a kill the ``.partial`` file stays, and
``resume=True`` keeps its complete lines (a half-written last line is dropped), so the next
run skips those inputs and adds no duplicates. Resuming streams: the earlier files are moved
aside (``<path>.partial.earlier.N``), copied record by record into the new ``.partial`` and
deleted; only their ids stay in memory. A resume killed while copying leaves the files it moved
aside, and the next resume reads them too.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator


def _open_write(path: Path) -> IO[str]:
    if path.name.endswith(".gz.partial") or path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8")
    return open(path, "w", encoding="utf-8")


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(2) == b"\x1f\x8b"


def read_records(path: Path) -> Iterator[dict]:
    """The complete records of a JSON Lines file (plain or gzip, told by its first bytes),
    tolerating a cut-off end."""
    try:
        opener = gzip.open if _is_gzip(path) else open
    except OSError:
        return
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if not line.endswith("\n"):
                    return
                try:
                    yield json.loads(line)
                except ValueError:
                    continue
    except (EOFError, OSError, gzip.BadGzipFile):
        return


class JsonlSink:
    """Writes records to stdout, or atomically to a file (see the module docstring)."""

    def __init__(self, path: str | None, resume: bool = False):
        self.path = Path(path) if path else None
        #: the inputs (source, else id) whose records an earlier run wrote (``resume``)
        self.done: set[str] = set()
        self.count = 0
        if self.path is None:
            self.stream: IO[str] = sys.stdout
            return
        self.partial = self.path.with_name(self.path.name + ".partial")
        earlier = self._set_aside() if resume else []
        self.stream = _open_write(self.partial)
        if earlier:
            self._copy(earlier)

    def _set_aside(self) -> list[Path]:
        """The files of earlier runs, the partial file moved aside so that the new one can be
        written while it is read: ``[<path>, <path>.partial.earlier.1, ...]`` as they exist."""
        prefix = self.partial.name + ".earlier."
        numbered = {int(p.name[len(prefix):]): p for p in self.partial.parent.glob(glob.escape(prefix) + "*")
                    if p.name[len(prefix):].isdigit()}
        aside = [numbered[n] for n in sorted(numbered)]
        if self.partial.exists():
            moved = self.partial.with_name(f"{prefix}{max(numbered, default=0) + 1}")
            os.replace(self.partial, moved)
            aside.append(moved)
        return ([self.path] if self.path.exists() else []) + aside

    def _copy(self, earlier: list[Path]) -> None:
        """Each earlier record once into the new file; then the moved-aside files go."""
        for old in earlier:
            for record in read_records(old):
                key = record.get("source") or record.get("id")
                if key not in self.done:
                    self.done.add(key)
                    self.write(record)
        self.stream.flush()
        for old in earlier:
            if old != self.path:
                old.unlink()

    def write(self, record: dict) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def commit(self) -> None:
        """Finish: flush and give the file its real name."""
        if self.path is None:
            self.stream.flush()
            return
        self.stream.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        """Stop early: flush what was written and leave it as ``.partial`` for ``--resume``."""
        if self.path is None:
            self.stream.flush()
            return
        try:
            self.stream.close()
        except OSError:
            pass
