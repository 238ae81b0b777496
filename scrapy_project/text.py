"""HTML to clean text: unescape entities (twice for entity-escaped HTML such as Greenhouse's), strip tags."""

from __future__ import annotations

import html
import re

_BLOCK_TAGS = re.compile(r"(?i)<\s*(br|/p|/li|/h[1-6]|/div|/tr)\s*/?\s*>")
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(value: str | None) -> str:
    if not value:
        return ""
    text = html.unescape(value)
    if "<" in text and _TAGS.search(text):
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAGS.sub(" ", text)
    text = html.unescape(text)
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n", "\n".join(line.strip() for line in text.splitlines())).strip()
