"""Settings read from the environment and validated before any work starts."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from solar_leads.errors import UserError

PROJECT_DIR = Path(__file__).resolve().parent.parent
GOLDEN_DIR = PROJECT_DIR / "data" / "golden"  # the bundled golden set(s)
DEMO_SOURCES = PROJECT_DIR / "demo" / "sources.yml"  # what `leads run` crawls without --sources
DEBUG_ENV = "LEADS_DEBUG"  # set by `leads --debug`: tracebacks are shown, also by the crawls a run starts
DEMO_WAREHOUSE = Path("data/demo/warehouse.duckdb")  # where it goes, unless --warehouse says otherwise
DEMO_OUTPUT = "demo"  # and its files: OUTPUT_DIR/demo, unless --out says otherwise
SEEDS_DIR = PROJECT_DIR / "dbt" / "seeds"  # the rules as data
ADHOC_CACHE_DIR = PROJECT_DIR / "target" / "leads_compiled"  # the ad-hoc graph per change of the rules


@dataclass(frozen=True)
class LLMSettings:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> LLMSettings | None:
        """None unless LLM_BASE_URL is set; then LLM_MODEL is required and LLM_TIMEOUT must be a positive number."""
        base_url = env.get("LLM_BASE_URL", "").strip()
        if not base_url:
            return None
        if not base_url.startswith(("http://", "https://")):
            raise UserError(f"LLM_BASE_URL={base_url!r} is not an http(s) URL")
        model = env.get("LLM_MODEL", "").strip()
        if not model:
            raise UserError("LLM_BASE_URL is set but LLM_MODEL is not: name the model to ask")
        try:
            timeout = float(env.get("LLM_TIMEOUT", "30"))
        except ValueError:
            raise UserError(f"LLM_TIMEOUT={env.get('LLM_TIMEOUT')!r} is not a number of seconds") from None
        if not 0 < timeout <= 600:
            raise UserError(f"LLM_TIMEOUT={timeout:g} is out of range: it must be within 0..600 seconds")
        return cls(base_url.rstrip("/"), model, env.get("LLM_API_KEY") or None, timeout)


DEFAULT_MEMORY_LIMIT = "2.5GB"
MEMORY_SIZE = re.compile(r"^\s*\d+(\.\d+)?\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)\s*$", re.I)


def out_of_memory(env: Mapping[str, str] | None = None) -> str:
    """What to tell a user whose DuckDB work needed more memory than LEADS_MEMORY_LIMIT (DuckDB's own advice names
    SET statements a user cannot reach)."""
    limit = (os.environ if env is None else env).get("LEADS_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)
    return (
        f"DuckDB needed more memory than LEADS_MEMORY_LIMIT={limit} allows (it spills to disk past the limit, "
        "but some steps cannot): set LEADS_MEMORY_LIMIT higher"
    )


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    parse: Callable[[str], float | int]
    low: float
    high: float
    help: str


SETTINGS = (
    Setting("MIN_CONFIDENCE", "0.70", float, 0.0, 1.0, "minimum computed confidence to accept a value"),
    Setting("MAX_SNIPPETS_TOTAL", "80", int, 1, 500, "snippet blocks kept per company and field"),
    Setting("PER_QUERY_RESULTS", "10", int, 1, 50, "search results read per query"),
    Setting("MAX_QUERIES", "12", int, 1, 50, "search queries per company and field"),
    Setting("LEAD_THRESHOLD", "50", int, 0, 1000, "score at which a posting qualifies as a lead"),
    Setting("MAX_EXPORT", "100", int, 1, 1_000_000, "rejected leads written to the labeling JSON"),
)


@dataclass(frozen=True)
class Config:
    min_confidence: float
    max_snippets_total: int
    per_query_results: int
    max_queries: int
    lead_threshold: int
    max_export: int
    warehouse: Path
    output_dir: Path
    labeled_dir: Path
    llm: LLMSettings | None = None  # the optional LLM extractor (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT)
    # DuckDB's memory in builds (profiles.yml reads LEADS_MEMORY_LIMIT too) and in `leads score`, `decide`,
    # `evaluate` and `tune`: past it, DuckDB spills to disk
    memory_limit: str = DEFAULT_MEMORY_LIMIT

    def with_paths(self, warehouse: Path | None, output_dir: Path | None) -> Config:
        """This configuration with command-line paths, where given, in place of the environment's."""
        return replace(
            self,
            warehouse=warehouse.expanduser().resolve() if warehouse else self.warehouse,
            output_dir=output_dir.expanduser().resolve() if output_dir else self.output_dir,
        )

    def for_demo(self, warehouse: Path | None, output_dir: Path | None) -> Config:
        """The demo's own warehouse and output folder, where the command line does not name others: the demo's
        fictional companies never reach the warehouse or the files of real runs."""
        return self.with_paths(warehouse or DEMO_WAREHOUSE, output_dir or self.output_dir / DEMO_OUTPUT)

    def dbt_vars(self) -> dict[str, float | int | str]:
        return {
            "min_confidence": self.min_confidence,
            "lead_threshold": self.lead_threshold,
            "max_snippets_total": self.max_snippets_total,
            "max_queries": self.max_queries,
            "extractor": "llm" if self.llm else "patterns",
        }


def _parse(setting: Setting, raw: str) -> float | int:
    try:
        value = setting.parse(raw.strip())
    except ValueError:
        kind = "a whole number" if setting.parse is int else "a number"
        raise UserError(f"{setting.name}={raw!r} is not {kind} ({setting.help})") from None
    if value != value or not setting.low <= value <= setting.high:  # value != value: NaN
        raise UserError(
            f"{setting.name}={raw!r} is out of range: it must be within {setting.low:g}..{setting.high:g}"
            f" ({setting.help})"
        )
    return value


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read every setting from `env` (default: os.environ); raise UserError naming the first bad value."""
    env = os.environ if env is None else env
    values = {s.name.lower(): _parse(s, env.get(s.name, s.default)) for s in SETTINGS}
    warehouse = Path(env.get("WAREHOUSE", "data/warehouse.duckdb")).expanduser().resolve()
    output_dir = Path(env.get("OUTPUT_DIR", "output")).expanduser().resolve()
    labeled_dir = Path(env.get("LABELED_DIR", PROJECT_DIR / "data" / "labeled")).expanduser().resolve()
    llm = LLMSettings.from_env(env)
    memory_limit = env.get("LEADS_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)
    if not MEMORY_SIZE.match(memory_limit):
        raise UserError(f"LEADS_MEMORY_LIMIT={memory_limit!r} is not a size such as 500MB or 2GB")
    return Config(
        warehouse=warehouse,
        output_dir=output_dir,
        labeled_dir=labeled_dir,
        llm=llm,
        memory_limit=memory_limit.strip(),
        **values,  # type: ignore[arg-type]
    )
