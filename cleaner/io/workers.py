"""Clean documents on several cores, in input order, with bounded memory and no lost record.

* Each worker process builds its ``Cleaner`` once (packs, language profiles).
* At most ``window`` documents are in flight, so memory does not grow with the input.
* A document over ``Settings.max_seconds`` is stopped inside the worker (``timeout`` record);
  one that hangs in C code is stopped by the parent, which kills the pool.
* A crashed or killed worker breaks the pool: the pool is rebuilt and the documents that were
  in flight are cleaned again one by one, so the one that crashes is reported as a
  ``worker_crashed`` error record and the others are cleaned normally.
"""
from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from ..core import Cleaner
from ..record import Article, ErrorInfo
from ..settings import Settings
from .sources import Doc

_WORKER: dict = {}  # the worker process's own Cleaner and limit, set once by _init_worker


def clean_doc(cleaner: Cleaner, doc: Doc) -> dict:
    """The record (as a dict) for one document; ``Settings.max_seconds`` limits its time."""
    if doc.error is not None:
        record = Article(id=doc.doc_id or doc.source, source=doc.source, url=doc.url, error=doc.error)
    else:
        record = cleaner.clean(doc.data, url=doc.url, doc_id=doc.doc_id or None, source=doc.source)
    return record.to_dict()


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the job's main process dies, even by SIGKILL, so no
    orphaned worker is left waiting for work that will never come."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _WORKER["cleaner"] = Cleaner(settings).warm_up()


def _work(doc: Doc) -> dict:
    return clean_doc(_WORKER["cleaner"], doc)


def _crashed(doc: Doc, why: str) -> dict:
    return Article(id=doc.doc_id or doc.source, source=doc.source, url=doc.url,
                   error=ErrorInfo("worker_crashed", f"{doc.source}: {why}")).to_dict()


class Pool:
    """Ordered, bounded, crash-isolating map of ``clean_doc`` over documents."""

    def __init__(self, settings: Settings, jobs: int, window: int | None = None):
        self.settings, self.jobs = settings, jobs
        self.window = window or jobs * 8
        self.hard_limit = (settings.max_seconds * 2 + 10) if settings.max_seconds else None
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_init_worker, initargs=(self.settings,))

    def _restart(self) -> None:
        for process in list(getattr(self.executor, "_processes", {}).values()):
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def map(self, docs: Iterator[Doc]) -> Iterator[dict]:
        pending: deque = deque()
        docs = iter(docs)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < self.window:
                doc = next(docs, None)
                if doc is None:
                    exhausted = True
                else:
                    pending.append((doc, self.executor.submit(_work, doc)))
            if not pending:
                break
            doc, future = pending[0]
            try:
                result = future.result(timeout=self.hard_limit)
            except (BrokenProcessPool, FutureTimeout):
                suspects = [d for d, _ in pending]
                pending.clear()
                self._restart()
                yield from self._one_by_one(suspects)
                continue
            pending.popleft()
            yield result

    def _one_by_one(self, docs: list[Doc]) -> Iterator[dict]:
        """Clean each suspect alone, so that only the one that breaks a worker is lost."""
        for doc in docs:
            try:
                yield self.executor.submit(_work, doc).result(timeout=self.hard_limit)
            except BrokenProcessPool:
                self._restart()
                yield _crashed(doc, "the worker process died while cleaning it")
            except FutureTimeout:
                self._restart()
                yield _crashed(doc, f"no answer within {self.hard_limit} s; the worker was stopped")

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        for process in list(getattr(self.executor, "_processes", {}).values()):
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)


def clean_all(docs: Iterator[Doc], settings: Settings, jobs: int,
              cleaner: Cleaner | None = None) -> Iterator[dict]:
    """Records for all documents, in input order: in this process when ``jobs`` is 1."""
    if jobs <= 1:
        cleaner = (cleaner or Cleaner(settings)).warm_up()
        for doc in docs:
            yield clean_doc(cleaner, doc)
        return
    pool = Pool(settings, jobs)
    try:
        yield from pool.map(docs)
    except BaseException:
        pool.kill()
        raise
    pool.close()
