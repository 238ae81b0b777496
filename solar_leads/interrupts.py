"""Ctrl-C and SIGTERM end a command with 130, whatever they interrupt.

Python raises KeyboardInterrupt where the signal lands, but code between it and the command's end may see it as
something else: DuckDB stops a query and raises RuntimeError("Query interrupted"), dbt reports a run that "could
not run". So the handlers note that a stop was asked for, and the exit status (solar_leads.exit) and the run's
record (meta.runs) read the note, not the exception's type or message.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

_asked = False


def stop_asked() -> bool:
    """Whether Ctrl-C or SIGTERM reached this process."""
    return _asked


def _stop(signum, frame):
    global _asked
    _asked = True
    raise KeyboardInterrupt


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """For the block: Ctrl-C and SIGTERM (a scheduler stopping us) stop the work as KeyboardInterrupt, noted."""
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
