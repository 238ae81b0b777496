"""HTML to clean text with html-text (lxml): script, style and comment contents dropped, block layout kept as line
breaks, literal "<" and ">" in text kept ("1 < years < 3"). Entity-escaped HTML (Greenhouse's `&lt;p&gt;`) is
unescaped once first; text without tags is only unescaped."""

from __future__ import annotations

import html
import re

import html_text

_TAG = re.compile(r"<(?:!--|/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>)")
_ESCAPED_TAG = re.compile(r"&lt;(?:!--|/?[a-zA-Z][a-zA-Z0-9-]*(?:\s.*?)?/?&gt;)")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(value: str | None) -> str:
    if not value:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    if not _TAG.search(value) and _ESCAPED_TAG.search(value):
        value = html.unescape(value)
    text = html_text.extract_text(value, guess_layout=True) if _TAG.search(value) else html.unescape(value)
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n", "\n".join(line.strip() for line in text.splitlines())).strip()
