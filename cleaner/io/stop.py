"""Stopping a job cleanly on SIGINT (Ctrl-C) and SIGTERM.

The signal handler only takes note (and wakes the job through a pipe, if it is waiting for
its workers); the job stops at its next safe point, between two records, so that nothing the
handler interrupts (a library's ``except:``, a half-written line) can swallow the signal or
damage the output. A second signal stops the process at once (``--resume`` still works).
"""
from __future__ import annotations

import os
import signal


class Interrupted(BaseException):
    """Raised at a safe point after SIGINT or SIGTERM; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class Stop:
    """Takes note of SIGINT and SIGTERM once installed; ``check()`` raises ``Interrupted``.

    >>> stop = Stop()
    >>> stop.check()    # nothing asked yet
    >>> stop.signum is None
    True
    """

    def __init__(self):
        self.signum: int | None = None
        self.fd: int | None = None  # readable when a signal came (for ``select``-like waits)

    def install(self) -> "Stop":
        """Handle SIGINT and SIGTERM from now on (main thread only)."""
        self.fd, wake = os.pipe()
        os.set_blocking(self.fd, False)
        os.set_blocking(wake, False)
        signal.set_wakeup_fd(wake)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._note)
        return self

    def _note(self, signum, frame) -> None:
        if self.signum is not None:
            os._exit(128 + signum)  # asked twice: now
        self.signum = signum

    def check(self) -> None:
        """Raise ``Interrupted`` if a signal asked the job to stop."""
        if self.signum is not None:
            raise Interrupted(self.signum)

    def drain(self) -> None:
        """Empty the wake-up pipe (after a wait that it ended)."""
        try:
            while os.read(self.fd, 512):
                pass
        except (BlockingIOError, OSError, TypeError):
            pass
