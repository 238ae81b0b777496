"""The sources a command crawls when it is given none: the bundled demo corpus, served on 127.0.0.1 meanwhile, and
the guard that keeps its fictional companies out of a warehouse of real runs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from solar_leads.config import DEMO_SOURCES, Config
from solar_leads.environment import environment
from solar_leads.errors import UserError
from solar_leads.pipeline.sources import load_sources
from solar_leads.warehouse.connection import connect, init_warehouse
from solar_leads.warehouse.run_id import holds_real_runs


@contextlib.contextmanager
def sources_file(sources: Path | None) -> Iterator[Path]:
    """The sources to crawl: the given file, or the bundled demo corpus served on 127.0.0.1 meanwhile."""
    if sources is not None:
        load_sources(sources)  # refuse a bad file before anything runs
        yield sources
        return
    from demo.server import serve

    with serve() as base_url, environment(DEMO_URL=base_url):  # the demo's sources.yml names ${DEMO_URL}
        yield DEMO_SOURCES


def refuse_demo_into_real_warehouse(config: Config) -> None:
    """The demo's fictional companies must never reach a warehouse that holds real runs (and from there, sales)."""
    init_warehouse(config.warehouse)
    with connect(config.warehouse) as con:
        if holds_real_runs(con):
            raise UserError(
                f"warehouse {config.warehouse} holds real crawls: the demo corpus would mix fictional "
                "companies into them. Pass --sources, or give the demo its own --warehouse"
            )
