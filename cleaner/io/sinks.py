"""JSON Lines output, written so that a killed job never leaves a file that looks whole.

Records go to ``<path>.partial`` (gzip-compressed when the path ends in ``.gz``); only a
finished job renames it to ``<path>``. After a kill the ``.partial`` file stays, and
``resume=True`` keeps its complete lines (a half-written last line is dropped), so the next
run skips those inputs and adds no duplicates.
"""
from __future__ import annotations

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


def read_records(path: Path) -> Iterator[dict]:
    """The complete records of a JSON Lines file (plain or gzip), tolerating a cut-off end."""
    opener = gzip.open if path.name.endswith((".gz", ".gz.partial")) else open
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
        self.done: set[str] = set()
        self.count = 0
        if self.path is None:
            self.stream: IO[str] = sys.stdout
            return
        self.partial = self.path.with_name(self.path.name + ".partial")
        kept = self._previous() if resume else []
        self.stream = _open_write(self.partial)
        for record in kept:
            self.write(record)

    def _previous(self) -> list[dict]:
        """Records of an earlier run (finished output and/or a partial file), once each."""
        kept, seen = [], set()
        for old in (self.path, self.partial):
            if old.exists():
                for record in read_records(old):
                    key = record.get("source") or record.get("id")
                    if key not in seen:
                        seen.add(key)
                        kept.append(record)
        return kept

    def write(self, record: dict) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.done.add(record.get("source") or record.get("id"))
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
