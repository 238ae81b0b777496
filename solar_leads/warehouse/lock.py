"""One writer per warehouse: `leads run`, `crawl`, `build` and `export` hold <warehouse>.lock while they work.

A second writer fails at once with a message naming the holder. The lock is an flock(2) on a file beside the
warehouse, so the kernel releases it when its holder dies, even by SIGKILL: a stale lock file never blocks anyone.
A `leads run` holds it for the crawls it starts in child processes (held_by_parent), and the crawl's own
writer (scrapy_project/pipelines.py) finds it held by its process.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from solar_leads.errors import UserError

_held: set[str] = set()  # the warehouses whose lock this process holds, or its parent holds for it


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def holder(warehouse: Path) -> str:
    """Who holds the warehouse's lock, as its holder wrote it ("" when nobody says)."""
    try:
        return lock_path(warehouse).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextlib.contextmanager
def warehouse_lock(warehouse: Path, command: str, held_by_parent: bool = False) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block; raise UserError at once when another process holds it.
    Within a block that holds it already, or with held_by_parent (a `leads run` crawling in a child), it is
    taken as held."""
    if str(warehouse) in _held:
        yield
        return
    if held_by_parent:
        with _holding(warehouse):
            yield
        return
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(warehouse), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise UserError(f"cannot open the lock file {lock_path(warehouse)}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(warehouse) or "another process"
            raise UserError(
                f"warehouse {warehouse} is in use by {who}: wait for it to finish, or use another --warehouse"
            ) from None
        started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        with contextlib.suppress(OSError):  # a full disk: the lock holds all the same, only its note is missing
            os.ftruncate(fd, 0)
            os.write(fd, f"`leads {command}` (pid {os.getpid()}, started {started})\n".encode())
        try:
            with _holding(warehouse):
                yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing releases the flock


@contextlib.contextmanager
def _holding(warehouse: Path) -> Iterator[None]:
    _held.add(str(warehouse))
    try:
        yield
    finally:
        _held.discard(str(warehouse))


def in_use_message(warehouse: Path) -> str:
    """A one-line message for a warehouse file that DuckDB finds locked by another process."""
    who = holder(warehouse) or "another process"
    return f"warehouse {warehouse} is in use by {who}: try again when it finishes"
