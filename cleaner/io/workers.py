"""Clean documents on worker processes, in input order, with bounded memory, so that no
document can stop the job.

* Documents are always cleaned in worker processes (also with ``--jobs 1``): the job's own
  process reads inputs and writes records, and can stop a worker whatever it is doing.
* Workers are forked from the job's process after its ``Cleaner`` is built and warmed up, so
  they start at once with the packs and language profiles loaded (where ``fork`` is missing,
  each worker builds its own ``Cleaner``).
* At most ``window`` documents are read ahead of the last record written, so memory does not
  grow with the input.
* Time: ``Settings.max_seconds`` stops a document inside its worker (a ``timeout`` record);
  one that does not come back within that time plus a grace (stuck in C code: a regex, an
  XPath, the parser) is stopped by killing its worker, and gets a ``timeout`` record too.
* A worker that dies (a crash in C code, the kernel's OOM killer) costs only the document it
  was cleaning (a ``worker_crashed`` record); a new worker takes its place.
* Inputs that could not be read, or were skipped, get their record here without a worker.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterator

from ..core import Cleaner
from ..record import Article, ErrorInfo
from ..settings import Settings
from .sources import Doc
from .stop import Stop


class PoolError(Exception):
    """The workers themselves cannot run (not a document's fault): the job stops."""


def clean_doc(cleaner: Cleaner, doc: Doc) -> dict:
    """The record (as a dict) for one document."""
    return cleaner.clean(doc.data, url=doc.url, doc_id=doc.doc_id or None, source=doc.source).to_dict()


def unread_record(doc: Doc) -> dict | None:
    """The record of a document that has nothing to clean (``error`` or ``skipped``), else None.

    >>> unread_record(Doc("a.warc#0", "r1", skipped=ErrorInfo("http_status", "HTTP 404")))["skipped"]["type"]
    'http_status'
    """
    if doc.error is None and doc.skipped is None:
        return None
    return Article(id=doc.doc_id or doc.source, source=doc.source, url=doc.url, error=doc.error,
                   skipped=doc.skipped).to_dict()


def _failed(doc: Doc, kind: str, why: str) -> dict:
    return Article(id=doc.doc_id or doc.source, source=doc.source, url=doc.url,
                   error=ErrorInfo(kind, f"{doc.source}: {why}")).to_dict()


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the job's main process dies, even by SIGKILL, so no
    orphaned worker is left waiting for work that will never come."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _serve(conn, cleaner: Cleaner | None, settings: Settings) -> None:
    """A worker's life: clean what the job sends, answer each with its record."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is for the job, which stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)
    _die_with_parent()
    # A forked worker holds copies of the job's output buffers: it must never flush them.
    sys.stdout = open(os.devnull, "w")
    cleaner = cleaner or Cleaner(settings).warm_up()
    conn.send(None)  # ready
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        seq, doc = job
        conn.send((seq, clean_doc(cleaner, doc)))


class _Worker:
    """One worker process, the pipe to it, and the document it cleans (``job``)."""

    def __init__(self, context, cleaner: Cleaner):
        self.conn, child = context.Pipe()
        inherit = context.get_start_method() == "fork"
        self.process = context.Process(target=_serve, args=(child, cleaner if inherit else None, cleaner.settings),
                                       daemon=True, name="cleaner-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.job: tuple[int, Doc, float] | None = None

    def how_it_ended(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exit status {code}"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Pool:
    """Ordered, bounded, fault-isolating map of ``clean_doc`` over documents."""

    def __init__(self, cleaner: Cleaner, jobs: int, window: int | None = None, stop: Stop | None = None):
        self.cleaner = cleaner.warm_up()
        self.stop = stop or Stop()
        self.window = window or jobs * 8
        limit = cleaner.settings.max_seconds
        #: when the job stops a worker itself: the document's time plus a grace
        self.hard_limit = limit + max(2.0, limit * 0.2) if limit else None
        self.context = _context()
        self.workers = [_Worker(self.context, self.cleaner) for _ in range(jobs)]

    def map(self, docs: Iterator[Doc]) -> Iterator[dict]:
        """The record of every document, in input order."""
        docs = iter(docs)
        waiting: deque[tuple[int, Doc]] = deque()
        done: dict[int, dict] = {}
        read = emitted = 0
        exhausted = False
        while True:
            self.stop.check()  # between records: the one safe place to stop
            while not exhausted and read - emitted < self.window:
                doc = next(docs, None)
                if doc is None:
                    exhausted = True
                    break
                record = unread_record(doc)
                if record is not None:
                    done[read] = record
                else:
                    waiting.append((read, doc))
                read += 1
            self._assign(waiting, done)
            if emitted in done:
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                continue
            if exhausted and emitted == read:
                return
            self._wait(done)

    def _assign(self, waiting: deque, done: dict) -> None:
        for worker in list(self.workers):
            if not waiting:
                return
            if worker.ready and worker.job is None:
                seq, doc = waiting.popleft()
                worker.job = (seq, doc, time.monotonic() + (self.hard_limit or 0))
                try:
                    worker.conn.send((seq, doc))
                except (OSError, ValueError):
                    self._replace(worker, done, "worker_crashed", "the worker process died before it got the document")

    def _wait(self, done: dict) -> None:
        """Wait for one event: a record, a worker ready or dead, a document over its time."""
        busy = [w.job[2] for w in self.workers if w.job]
        timeout = max(0.0, min(busy) - time.monotonic()) if busy and self.hard_limit else None
        waits = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(wait(waits + ([self.stop.fd] if self.stop.fd is not None else []), timeout))
        if self.stop.fd in ready:
            self.stop.drain()
        for worker in list(self.workers):
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(worker, done, "worker_crashed", "the worker process died while cleaning it")
                    continue
                if message is None:
                    worker.ready = True
                else:
                    seq, record = message
                    done[seq] = record
                    worker.job = None
            elif worker.process.sentinel in ready:
                self._replace(worker, done, "worker_crashed", "the worker process died while cleaning it")
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.job and self.hard_limit and worker.job[2] <= now:
                self._replace(worker, done, "timeout", f"took longer than {self.cleaner.settings.max_seconds:g} s "
                                                       "(stuck outside Python: the worker was stopped)")

    def _replace(self, worker: _Worker, done: dict, kind: str, why: str) -> None:
        """Stop a worker, give its document (if any) an error record, start a new worker."""
        if not worker.ready:
            ended = worker.how_it_ended()
            worker.stop()
            raise PoolError(f"a worker process could not start ({ended})")
        if worker.process.is_alive():
            worker.process.kill()
        ended = worker.how_it_ended() if kind == "worker_crashed" else ""
        worker.stop()
        if worker.job is not None:
            seq, doc, _ = worker.job
            done[seq] = _failed(doc, kind, f"{why} ({ended})" if ended else why)
        self.workers[self.workers.index(worker)] = _Worker(self.context, self.cleaner)

    def close(self) -> None:
        """Let the workers finish and end."""
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            worker.stop()

    def kill(self) -> None:
        """Stop every worker now."""
        for worker in self.workers:
            worker.stop()


def clean_all(docs: Iterator[Doc], cleaner: Cleaner, jobs: int, stop: Stop | None = None) -> Iterator[dict]:
    """Records for all documents, in input order, cleaned by ``jobs`` worker processes;
    ``stop`` (SIGINT, SIGTERM) ends it with ``Interrupted`` between two records."""
    pool = Pool(cleaner, jobs, stop=stop)
    try:
        yield from pool.map(docs)
    except BaseException:
        pool.kill()
        raise
    pool.close()
