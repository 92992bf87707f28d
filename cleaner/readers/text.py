"""Text front door: a whole-page text dump becomes a ``Page`` of paragraphs, with no markup.

>>> page = read_text("Storm hits coast\\n\\nA storm hit the coast.", "https://a.example/x")
>>> [b.text for b in page.blocks], page.format, page.url
(['Storm hits coast', 'A storm hit the coast.'], 'text', 'https://a.example/x')
"""
from __future__ import annotations

from typing import Mapping

from ..blocks import split_text
from ..page import Found, Page


def read_text(text: str, url: str | None, given: Mapping[str, Found] | None = None) -> Page:
    """The dump's paragraphs; ``given``: fields the caller already knows (``clean(hints=...)``)."""
    return Page("text", tuple(split_text(text)), dict(given or {}), url)
