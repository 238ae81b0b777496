"""Progress on long work: a line on stderr at least every LEADS_PROGRESS_SECONDS (default 10) while a crawl or a
build runs; `--quiet` sets it to 0, which turns the lines off."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

PROGRESS_ENV = "LEADS_PROGRESS_SECONDS"


def interval() -> float:
    try:
        return max(0.0, float(os.environ.get(PROGRESS_ENV, "10")))
    except ValueError:
        return 10.0


class Ticker:
    """While the block runs, print `describe(elapsed_seconds)` every interval() seconds (from a daemon thread)."""

    def __init__(self, describe: Callable[[float], str]):
        self.describe = describe
        self.every = interval()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True, name="leads-progress")
        self.started = time.monotonic()

    def _loop(self) -> None:
        while not self.stopped.wait(self.every):
            print(self.describe(time.monotonic() - self.started), file=sys.stderr, flush=True)

    def __enter__(self) -> Ticker:
        if self.every > 0:
            self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None):
        self.stopped.set()
        if self.thread.is_alive():
            self.thread.join()
