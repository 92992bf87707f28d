"""JSON Lines outputs that never destroy what they point at, and never look whole when they
are not.

Where an output goes is decided before any input is read (``plan``), and refused there with
an ``OutputError`` (the command's exit status 2) when it cannot work: a folder, a missing or
unwritable folder, a FIFO nobody reads, or a file that another running job writes (each file
output holds a lock, ``<path>.lock``, while the job runs).

* ``-`` (or no output) is standard output.
* An output that is not a regular file (a device such as ``/dev/null``, a FIFO,
  ``/dev/stdout``) is written in place, never replaced.
* A regular file (a symbolic link is followed to it) is written as ``<path>.partial`` and
  renamed to ``<path>`` only when the job ends well, so a killed job never leaves a file that
  looks whole. ``resume=True`` keeps the complete lines of the earlier files (a half-written
  last line is dropped), so the next run skips those inputs and adds no duplicates. Resuming
  streams: the earlier files are moved aside (``<path>.partial.earlier.N``), copied record by
  record into the new ``.partial`` and deleted; only their sources stay in memory. A resume
  killed while copying leaves the files it moved aside, and the next resume reads them too.

Records are written as UTF-8 whatever they hold (lone surrogates are escaped), one whole line
at a time: SIGINT and SIGTERM wait until the line is written.
"""
from __future__ import annotations

import errno
import fcntl
import glob
import gzip
import json
import os
import signal
import stat
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from .names import printable


class OutputError(Exception):
    """An output that cannot be used; found before any input is read."""


class WriteError(Exception):
    """Writing an output failed while the job ran (a full disk...): the job's own failure."""


@dataclass(frozen=True)
class Target:
    """Where one output goes: ``kind`` is ``stdout``, ``stream`` (written in place) or ``file``
    (``path`` is then its real path, written through ``<path>.partial``)."""

    name: str
    kind: str
    path: str | None = None

    @property
    def gzip(self) -> bool:
        return self.name.endswith(".gz")

    def same_as(self, other: "Target") -> bool:
        """True when both write to the same file or device (standard output aside)."""
        if self.kind == "stdout" or other.kind == "stdout" or not self.path or not other.path:
            return False
        if self.path == other.path:
            return True
        try:
            return os.path.samefile(self.path, other.path)
        except OSError:
            return False

    def companions(self) -> tuple[str, ...]:
        """The files this output owns (never read as inputs)."""
        return (self.path,) if self.kind == "file" and self.path else ()


def plan(name: str | None) -> Target:
    """Where the output named ``name`` goes, or ``OutputError`` saying why it cannot work.

    >>> plan("-").kind, plan(None).kind, plan("/dev/null").kind
    ('stdout', 'stdout', 'stream')
    >>> plan("/no/such/folder/out.jsonl")
    Traceback (most recent call last):
    ...
    cleaner.io.sinks.OutputError: /no/such/folder/out.jsonl: the folder /no/such/folder does not exist
    """
    if name in (None, "-"):
        return Target("-", "stdout")
    shown = printable(name)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{shown}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{shown}: is a folder, not a file")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return Target(name, "stream", name)
    real = os.path.realpath(name)
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise OutputError(f"{shown}: the folder {printable(folder)} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or info is not None and not os.access(real, os.W_OK):
        raise OutputError(f"{shown}: not writable (permission denied)")
    return Target(name, "file", real)


@contextmanager
def _signals_held():
    """SIGINT and SIGTERM are held while a record is written, so that no line is half written
    by an interrupted job (its handler runs right after)."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _printable_value(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): _printable_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable_value(v) for v in value]
    return value


def json_line(record: dict) -> bytes:
    r"""One record as a line of UTF-8 JSON; lone surrogates (from a feed's ``"\udc80"``, a file
    name that is not UTF-8) are escaped rather than failing.

    >>> json_line({"id": "a\udc80", "body": "Grève"})
    b'{"id": "a\\\\x80", "body": "Gr\xc3\xa8ve"}\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(_printable_value(record), ensure_ascii=False) + "\n").encode("utf-8")


def status_of(record: dict) -> str:
    """``cleaned``, ``failed`` or ``skipped``, for a record as written.

    >>> status_of({"id": "a", "error": {"type": "empty"}}), status_of({"id": "b", "body": "Text."})
    ('failed', 'cleaned')
    """
    return "failed" if "error" in record else "skipped" if "skipped" in record else "cleaned"


def read_records(path: Path) -> Iterator[dict]:
    """The complete records of a JSON Lines file (plain or gzip, told by its first bytes),
    tolerating a cut-off or damaged end."""
    try:
        with open(path, "rb") as probe:
            opener = gzip.open if probe.read(2) == b"\x1f\x8b" else open
    except OSError:
        return
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if not line.endswith("\n"):
                    return
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    yield record
    except (EOFError, OSError, gzip.BadGzipFile, ValueError):
        return


class _Lock:
    """An exclusive lock on ``<path>.lock`` while the job writes ``path`` (``flock``: it goes
    with the process, even when the process is killed)."""

    def __init__(self, path: str, shown: str):
        self.path = path + ".lock"
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(f"{shown}: cannot create {printable(self.path)}: {exc.strerror}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputError(f"{shown}: another running job is writing it (pid {holder}); "
                                  "wait for it to end, or choose another output") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:  # else the job that held it removed the file meanwhile: lock the new one
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None


class JsonlSink:
    """Writes records to one output (see the module docstring)."""

    def __init__(self, target: Target, resume: bool = False, seen: Callable[[dict], None] | None = None):
        self.target = target
        #: called with every record kept from an earlier run, in order (``resume``)
        self.seen = seen
        #: the inputs (``source``, else ``id``) whose records an earlier run wrote (``resume``)
        self.done: set[str] = set()
        #: how the records kept from earlier runs ended: cleaned, failed, skipped
        self.earlier: Counter = Counter()
        self.count = 0
        self.finished = False
        self.lock: _Lock | None = None
        if resume and target.kind != "file":
            raise OutputError(f"{printable(target.name)}: --resume needs an output that is a regular file")
        if target.kind == "file":
            self.lock = _Lock(target.path, printable(target.name))
            try:
                self._open_file(resume)
            except OSError as exc:
                self.lock.release()
                raise OutputError(f"{printable(target.name)}: {exc.strerror or exc}") from None
        else:
            self.raw = sys.stdout.buffer if target.kind == "stdout" else self._open_stream(target.name)
            self.stream = gzip.GzipFile(fileobj=self.raw, mode="wb") if target.gzip else self.raw

    @staticmethod
    def _open_stream(name: str) -> IO[bytes]:
        """A device or FIFO, opened in place (a FIFO with no reader is refused, not waited for)."""
        try:
            fd = os.open(name, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            why = "a FIFO that nobody reads" if exc.errno == errno.ENXIO else exc.strerror
            raise OutputError(f"{printable(name)}: {why}") from None
        os.set_blocking(fd, True)
        return open(fd, "wb")

    def _open_file(self, resume: bool) -> None:
        self.path = Path(self.target.path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        earlier = self._set_aside() if resume else []
        self.raw = open(self.partial, "wb")
        self.stream = gzip.GzipFile(fileobj=self.raw, mode="wb") if self.target.gzip else self.raw
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
                    self.earlier[status_of(record)] += 1
                    if self.seen is not None:
                        self.seen(record)
        self.stream.flush()
        for old in earlier:
            if old != self.path:
                old.unlink()

    def write(self, record: dict) -> None:
        """Append one record; ``WriteError`` when the output cannot take it."""
        line = json_line(record)
        try:
            with _signals_held():
                self.stream.write(line)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise WriteError(f"cannot write {printable(self.target.name)}: {exc.strerror or exc}") from None
        self.count += 1

    def commit(self) -> None:
        """Finish: flush, and give a file its real name."""
        if self.finished:
            return
        self.finished = True
        try:
            with _signals_held():
                self._close()
                if self.target.kind == "file":
                    os.fsync(self.raw.fileno())
                    self.raw.close()
                    os.replace(self.partial, self.path)
                elif self.target.kind == "stream":
                    self.raw.close()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise WriteError(f"cannot write {printable(self.target.name)}: {exc.strerror or exc}") from None
        finally:
            self._release()

    def abort(self) -> None:
        """Stop early: flush what was written and leave it as ``.partial`` for ``--resume``."""
        if self.finished:
            return
        self.finished = True
        try:
            self._close()
            if self.target.kind != "stdout":
                self.raw.close()
        except (OSError, ValueError):
            pass
        finally:
            self._release()

    def _close(self) -> None:
        if self.stream is not self.raw:
            self.stream.close()  # a GzipFile: writes its trailer, leaves the raw file open
        self.raw.flush()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
