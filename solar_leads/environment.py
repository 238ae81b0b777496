"""Temporary environment overrides: the one way `leads` sets an environment variable.

Some settings travel by environment on purpose: dbt's profile reads WAREHOUSE, the demo's sources.yml expands
${DEMO_URL}, and --debug / --quiet reach the crawl's child process. Each is set for a block and restored after it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Set each variable for the block (a None value leaves that variable as it is), then restore what was there."""
    changes = {name: value for name, value in values.items() if value is not None}
    previous = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
