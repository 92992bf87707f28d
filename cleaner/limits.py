"""Time limits for one document.

>>> import time
>>> with time_limit(0):   # 0: no limit
...     pass
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """Raised by the timer; a BaseException, so that ``Cleaner.clean``'s guard against bugs
    (``except Exception``) does not turn it into an ``internal`` error."""


@contextmanager
def time_limit(seconds: float):
    """Raise ``DocumentTimeout`` after ``seconds`` of wall time. Needs the main thread (a POSIX
    interval timer); elsewhere, or with 0, there is no limit."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
