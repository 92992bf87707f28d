"""The named steps of the pipeline, one small module each, and their default order.

Text dumps and HTML (after its own front door) both run ``DEFAULT_STEPS``.
"""
from __future__ import annotations

from ..fields.resolve import resolve_fields
from . import (byline, comments, content, cuts, dateline, headline, language, published, repair,
               site_rules, teasers, trailers)

#: (name, step) in the order they run; names appear in traces and in ``explain``.
DEFAULT_STEPS = (
    ("repair", repair.repair_text),
    ("language", language.detect_language),
    ("strip-rules", site_rules.apply_strip_rules),
    ("line-rules", site_rules.apply_line_rules),
    ("duplicates", repair.drop_repeated_lines),
    ("comments", comments.drop_comment_thread),
    ("headline", headline.find_headline),
    ("byline", byline.find_byline),
    ("teasers", teasers.drop_teasers),
    ("cut-rules", cuts.apply_cut_rules),
    ("published", published.find_published),
    ("trailers", trailers.drop_link_list_trailer),
    ("content", content.keep_main_content),
    ("dateline", dateline.split_dateline),
    ("fields", resolve_fields),
)

#: steps that are heuristics (switched off by ``Settings.heuristics = False``).
HEURISTIC_STEPS = frozenset({"duplicates", "headline", "comments", "trailers", "content", "teasers"})
