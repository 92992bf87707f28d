"""One frozen settings object, passed down from the caller to every step.

CLI flags become a ``Settings`` in ``cli.py`` and nowhere else; library callers build one
directly or take the defaults. Overrides make a new value (``settings.replace(...)``), never
mutate.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path


def default_rules_dir() -> Path:
    """The rule packs bundled with the package (wheel) or next to it (checkout).

    >>> default_rules_dir().name in {"rules", "_bundled_rules"}
    True
    """
    here = Path(__file__).resolve().parent
    bundled = here / "_bundled_rules"
    return bundled if bundled.is_dir() else here.parent / "rules"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what ``clean()`` does. Every field has a default for news.

    >>> Settings().replace(explain=True).explain
    True
    """

    #: folder of rule packs (``*.yaml``); ``None`` means the bundled ``rules/``.
    rules_dir: Path | None = None
    #: apply the generic pack (``rules/generic.yaml``) after the site packs.
    generic_rules: bool = True
    #: run the named heuristics (headline, teasers, trailers, main-content region ...).
    heuristics: bool = True
    #: detect the language with langdetect when no pack pins it.
    detect_language: bool = True
    #: langdetect's random seed, so that the same text always gets the same answer.
    language_seed: int = 0
    #: characters of body text handed to langdetect (more is slower, rarely better).
    language_sample_chars: int = 300
    #: keep the list of removals (rule id / heuristic, reason, text) in the record.
    explain: bool = False
    #: inputs larger than this many bytes (or characters) are refused with a ``too_large``
    #: error record: a truncated page would be a wrong record, so it is not cut.
    max_input_bytes: int = 20_000_000
    #: wall-clock seconds one document may take in ``clean()`` (a ``timeout`` error record);
    #: 0 means no limit. Enforced in the main thread only (``clean-articles`` sets 30 s).
    max_seconds: float = 0.0
    #: blocks (paragraphs) looked at per document; the rest is dropped with a trace entry.
    max_blocks: int = 20_000
    #: a paragraph longer than this many characters is cut to it (with a trace entry).
    max_block_chars: int = 100_000
    #: HTML: let trafilatura compare its result with its fallback extractors (readability,
    #: jusText) on every page: more recall on odd layouts, at about half the speed.
    html_fallback: bool = False
    #: repair mojibake (UTF-8 decoded as Latin-1 or cp1252, "doesnâ€™t") with ftfy.
    fix_mojibake: bool = True

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def resolved_rules_dir(self) -> Path:
        """The rules folder to load: the configured one or the bundled one."""
        return Path(self.rules_dir) if self.rules_dir is not None else default_rules_dir()
