"""Which inputs a job reads: the command's arguments expanded into ``Input`` items, lazily.

* ``-`` is standard input; a folder is searched recursively (sorted, symbolic links followed,
  each folder once); a glob pattern is expanded; any other name is one input.
* In folders, **every regular file is an input, whatever its name**: its content decides how
  it is read (``cleaner/io/sources.py``).
* What cannot be read as a file gets an ``Input`` with an ``error`` that names it (a broken or
  looping symbolic link, a FIFO, socket or device inside a folder, a folder that cannot be
  listed): it becomes an error record, it never vanishes and it is never opened (nothing
  blocks on a FIFO found in a folder).
* The same file reached twice (two spellings, a link) is one input: its ``source`` is its real
  path (``cleaner/io/names.py``). Files in ``exclude`` (the job's own outputs) are skipped.
"""
from __future__ import annotations

import errno
import glob
import os
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..record import ErrorInfo
from .names import canonical_entry, printable

_GLOB_CHARS = "*?["


@dataclass(frozen=True)
class Input:
    """One input: ``path`` to open (as the system spells it), ``source`` to show and to
    resume by, or the ``error`` that makes it unreadable."""

    path: str
    source: str
    error: ErrorInfo | None = None


def is_pattern(name: str) -> bool:
    """True for a glob pattern.

    >>> is_pattern("crawl/*.warc.gz"), is_pattern("crawl/a.txt")
    (True, False)
    """
    return any(ch in name for ch in _GLOB_CHARS)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _is_stream(mode: int) -> bool:
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _unreadable(path: str, why: str, kind: str = "unreadable") -> Input:
    """The input for a name that cannot be read: its record names it (a link: the link)."""
    return Input(path, canonical_entry(path), ErrorInfo(kind, f"{printable(path)}: {why}"))


def _stat_problem(path: str, exc: OSError) -> Input:
    """The record for a name that ``os.stat`` refuses."""
    if os.path.islink(path):
        if not os.path.exists(path) and exc.errno != errno.ELOOP:
            target = printable(os.readlink(path))
            return _unreadable(path, f"broken symbolic link (to {target})")
        return _unreadable(path, "symbolic link loop")
    return _unreadable(path, exc.strerror or str(exc))


class _Walk:
    """The state of one expansion: what was seen (folders by real path, files reached by
    name or link), so that nothing is read twice and link loops end."""

    def __init__(self, exclude: Iterable[str]):
        self.exclude = {os.path.realpath(p) for p in exclude}
        self.folders: set[str] = set()
        self.files: set[str] = set()

    def excluded(self, real: str) -> bool:
        return real in self.exclude or any(real.startswith(e + ".") and real[len(e):].startswith(
            (".partial", ".lock")) for e in self.exclude)

    def named(self, name: str, explicit: bool) -> Iterator[Input]:
        """An argument, or an entry found in a folder (``explicit=False``)."""
        try:
            info = os.stat(name)
        except OSError as exc:
            yield _stat_problem(name, exc)
            return
        real = os.path.realpath(name)
        if self.excluded(real):
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self.folder(name, real, ancestors=())
        elif stat.S_ISREG(info.st_mode) or (explicit and _is_stream(info.st_mode)):
            # named on the command line, a FIFO or device is read (``<(zcat x.gz)``); found
            # in a folder it is not: nobody asked for it, and it could block forever
            if real not in self.files and os.path.dirname(real) not in self.folders:
                self.files.add(real)
                yield Input(name, printable(real))
        else:
            yield _unreadable(name, f"{_kind(info.st_mode)}, not a regular file", "not_a_file")

    def folder(self, name: str, real: str, ancestors: tuple[str, ...]) -> Iterator[Input]:
        if real in ancestors:
            yield _unreadable(name, "symbolic link loop (a link to a folder above it)")
            return
        if real in self.folders:
            return
        self.folders.add(real)
        try:
            with os.scandir(name) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield _unreadable(name, f"cannot list the folder: {exc.strerror or exc}")
            return
        ancestors = ancestors + (real,)
        for entry in entries:
            yield from self.entry(entry, ancestors)

    def entry(self, entry: os.DirEntry, ancestors: tuple[str, ...]) -> Iterator[Input]:
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir()  # follows links
            is_file = entry.is_file()
        except OSError as exc:
            yield _unreadable(entry.path, exc.strerror or str(exc))
            return
        if is_dir:
            yield from self.folder(entry.path, os.path.realpath(entry.path), ancestors)
        elif is_file and not is_link:
            real = os.path.join(ancestors[-1], entry.name)
            if real not in self.files and not self.excluded(real):
                yield Input(entry.path, printable(real))
        else:
            yield from self.named(entry.path, explicit=False)  # links to files, FIFOs, devices


def expand(names: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Input]:
    """Every input named by ``names``, in order, each once; ``exclude`` are the job's own
    output files (with their ``.partial`` and ``.lock`` companions), never read.

    >>> [i.source for i in expand(["-"])]
    ['-']
    """
    walk = _Walk(exclude)
    for name in names:
        if name == "-":
            yield Input("-", "-")
        elif not os.path.lexists(name) and is_pattern(name):
            for found in sorted(glob.glob(name, recursive=True)):
                yield from walk.named(found, explicit=True)
        else:
            yield from walk.named(name, explicit=True)
