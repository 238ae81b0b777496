"""sources.yml: the boards, career pages and search endpoint to crawl, validated before any request."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from solar_leads.discovery.settings import discovery_settings, job_search
from solar_leads.errors import UserError

TOP_LEVEL_KEYS = {"sources", "user_agent", "discover"}  # a misspelled one (user_agnet) is refused, not ignored
OPTIONAL_KEYS = {"base_url", "company"}  # every type takes them
# keyword search on job sites (solar_leads.discovery.jobsearch): the one type no spider crawls
JOBSEARCH_KEYS = ("sites", {"terms", "location", "results_per_term", "hours_old", "country", "retries", "retry_wait"})


def entry_keys() -> dict[str, tuple[tuple[str, ...], set[str]]]:
    """type -> (the keys an entry must have, the other keys it may have): each spider's source type
    (scrapy_project.source_types), and jobsearch."""
    from scrapy_project.source_types import source_types

    keys = {
        name: ((kind.key, *kind.also_required), {*OPTIONAL_KEYS, *kind.extra_keys})
        for name, kind in source_types().items()
    }
    keys["jobsearch"] = ((JOBSEARCH_KEYS[0],), {*OPTIONAL_KEYS, *JOBSEARCH_KEYS[1]})
    return keys


# the `discover:` section (solar_leads.discovery.settings checks their values)
DISCOVER_KEYS = {
    "search",
    "probe",
    "companies",
    "api_base_url",
    "terms",
    "probe_timeout",
    "probe_workers",
    "known_boards",
}
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass
class Sources:
    entries_by_type: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    user_agent: str | None = None
    discover: dict[str, Any] | None = None  # the `discover:` section, None when absent
    path: Path | None = None

    @property
    def discovers(self) -> bool:
        """Whether a run starts with discovery: a `discover:` section or a keyword-search source."""
        return self.discover is not None or bool(self.entries_by_type.get("jobsearch"))

    @property
    def search_endpoint(self) -> str | None:
        searches = self.entries_by_type.get("searxng") or []
        return searches[0]["base_url"] if searches else None


def _expand(value: Any, where: str) -> Any:
    if not isinstance(value, str):
        return value

    def lookup(match: re.Match) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise UserError(f"{where}: environment variable {name} is not set")
        return os.environ[name]

    return _VARIABLE.sub(lookup, value)


def check_entry(kind: str, entry: dict[str, Any], where: str) -> dict[str, Any]:
    """One source entry of type `kind` with ${VAR}s expanded; UserError naming `where` when a key is missing or
    unknown or a URL is not http(s)."""
    required, optional = entry_keys()[kind]
    missing = [key for key in required if not entry.get(key)]
    if missing:
        raise UserError(f"{where}: missing {', '.join(missing)}")
    unknown = set(entry) - {*required, *optional}
    if unknown:
        raise UserError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    expanded = {key: _expand(value, where) for key, value in entry.items()}
    for key in ("url", "base_url"):
        if key in expanded and not str(expanded[key]).startswith(("http://", "https://")):
            raise UserError(f"{where}: {key} must be an http(s) URL, got {expanded[key]!r}")
    return expanded


def load_sources(path: Path) -> Sources:
    """Parse and validate `path`; raise UserError naming the first bad entry (by position and type)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"sources file {path} does not exist") from None
    except yaml.YAMLError as exc:
        raise UserError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise UserError(f"{path}: expected a mapping with a `sources:` list")
    unknown = set(document) - TOP_LEVEL_KEYS
    if unknown:
        known = ", ".join(sorted(TOP_LEVEL_KEYS))
        raise UserError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))} (known: {known})")
    if document.get("user_agent") is not None and not isinstance(document["user_agent"], str):
        raise UserError(f"{path}: user_agent must be text, got {document['user_agent']!r}")
    sources = Sources(user_agent=document.get("user_agent"), path=path)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for position, entry in enumerate(document["sources"], start=1):
        where = f"{path}: sources entry {position}"
        if not isinstance(entry, dict):
            raise UserError(f"{where} is not a mapping: {entry!r}")
        kind = entry.get("type")
        if kind not in entry_keys():
            raise UserError(f"{where}: unknown type {kind!r} (known: {', '.join(entry_keys())})")
        checked = check_entry(kind, {k: v for k, v in entry.items() if k != "type"}, f"{where} ({kind})")
        if kind == "jobsearch":
            job_search(checked, f"{where} ({kind})", path.parent)  # its values, checked before any request
        grouped[kind].append(checked)
    sources.entries_by_type = dict(grouped)
    if "discover" in document:
        sources.discover = _discover_section(document["discover"], f"{path}: discover")
        discovery_settings(sources.discover, f"{path}: discover", path.parent)
    return sources


def _discover_section(section: Any, where: str) -> dict[str, Any]:
    if section is None:
        return {}  # `discover:` alone: every default
    if not isinstance(section, dict):
        raise UserError(f"{where} is not a mapping: {section!r}")
    unknown = set(section) - DISCOVER_KEYS
    if unknown:
        known = ", ".join(sorted(DISCOVER_KEYS))
        raise UserError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {known})")
    return {key: _expand(value, where) for key, value in section.items()}
