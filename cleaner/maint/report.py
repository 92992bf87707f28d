"""``explain --html``: one self-contained page a maintainer reads in a browser.

At the top the record's fields, each with where it came from; then every block of the input in
order: kept ones plain, trimmed and removed ones shaded by the step that took them, with the
rule (or heuristic) and its ``why``; for HTML, the element each block came from and a selector
for a ``remove_html`` rule. No script, no font or style from elsewhere: the page works offline.

>>> from cleaner.maint.explain import explain
>>> page = render_html(explain("Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, closing roads.\\n\\nREAD MORE"), "demo")
>>> "generic/read-more-link" in page and "<script" not in page
True
"""
from __future__ import annotations

import html
import zlib

from ..steps import DEFAULT_STEPS
from .explain import Explanation

_FIELDS = ("headline", "byline", "published", "language", "dateline", "agency", "credits", "copyright", "site",
           "url", "story")
_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em;
       color: #1d1d1f; background: #fff; padding: 0 1em; }
h1 { font-size: 1.4em; margin-bottom: .2em; } h2 { font-size: 1.1em; margin-top: 2em; }
.source { color: #666; font-size: .9em; word-break: break-all; }
table.fields { border-collapse: collapse; margin-top: 1em; }
table.fields td, table.fields th { text-align: left; padding: .25em .8em .25em 0; vertical-align: top; }
table.fields th { color: #555; font-weight: 600; }
.from { color: #777; font-size: .85em; }
.error { color: #b00020; font-weight: 600; }
ol.blocks { list-style: none; padding: 0; }
ol.blocks li { margin: .3em 0; padding: .45em .7em; border-left: 4px solid transparent; border-radius: 3px; }
ol.blocks li.kept { border-left-color: #2e7d32; }
ol.blocks li .n { color: #999; font-size: .8em; margin-right: .6em; font-variant-numeric: tabular-nums; }
ol.blocks li .rule { display: block; font-size: .82em; margin-top: .2em; color: #333; }
ol.blocks li .rule b { font-family: ui-monospace, monospace; font-weight: 600; }
ol.blocks li .element { display: block; font-size: .8em; color: #555; font-family: ui-monospace, monospace; }
ol.blocks li.removed .text { text-decoration: line-through; text-decoration-color: rgba(0,0,0,.35); }
.legend span { display: inline-block; margin: .2em .5em .2em 0; padding: .1em .5em; border-radius: 3px; font-size: .85em; }
"""


#: light, distinct colours, one per step in the pipeline's order (the same on every page)
_PALETTE = ("#fde2e4", "#e2ece9", "#fff1c1", "#dfe7fd", "#f6dfeb", "#e2f0cb", "#ffdfba", "#d7e3fc",
            "#f1e4f3", "#c9f2e7", "#fbe7c6", "#e8e8e8", "#d0f4de", "#fcd5ce")
_ORDER = ("html-rules", "limits") + tuple(name for name, _ in DEFAULT_STEPS)


def _colour(step: str) -> str:
    """The background colour of a step's removals: its place in the pipeline picks it."""
    place = _ORDER.index(step) if step in _ORDER else zlib.crc32(step.encode())
    return _PALETTE[place % len(_PALETTE)]


def _value(value) -> str:
    if value is None or value == [] or value == ():
        return "<span class=from>none</span>"
    if isinstance(value, dict):
        value = value.get("text") or value
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return html.escape(str(value))


def render_html(explanation: Explanation, title: str) -> str:
    """The report page for one explained input (``title``: the input's name)."""
    record = explanation.record.to_dict()
    sources = record.get("fields_from") or {}
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>cleaner explain: {html.escape(title)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(record.get('headline') or '(no headline)')}</h1>",
           f"<div class=source>{html.escape(title)}</div>"]
    if record.get("error"):
        out.append(f"<p class=error>error: {html.escape(record['error']['type'])}: "
                   f"{html.escape(record['error']['message'])}</p>")
    out.append("<table class=fields><tr><th>field</th><th>value</th><th>found in</th></tr>")
    for name in _FIELDS:
        if name in record:
            out.append(f"<tr><th>{name}</th><td>{_value(record[name])}</td>"
                       f"<td class=from>{html.escape(sources.get(name, ''))}</td></tr>")
    out.append("</table>")
    steps = sorted({line.step for line in explanation.lines if line.step}
                   | {r.step for r in explanation.pruned})
    if steps:
        out.append("<h2>Steps</h2><div class=legend>"
                   + "".join(f'<span style="background:{_colour(s)}">{html.escape(s)}</span>' for s in steps)
                   + "</div>")
    if explanation.pruned:
        out.append("<h2>HTML elements removed before extraction</h2><ol class=blocks>")
        for removal in explanation.pruned:
            out.append(f'<li class=removed style="background:{_colour(removal.step)}"><span class=text>'
                       f"{html.escape(removal.text[:300])}</span><span class=rule><b>{html.escape(removal.rule)}</b> "
                       f"{html.escape(removal.reason)}</span></li>")
        out.append("</ol>")
    out.append(f"<h2>Blocks ({len(explanation.lines)})</h2><ol class=blocks>")
    for line in explanation.lines:
        style = f' style="background:{_colour(line.step)}"' if line.step and line.status != "kept" else ""
        out.append(f"<li class={line.status}{style}><span class=n>{line.index}</span>"
                   f"<span class=text>{html.escape(line.text)}</span>")
        if line.rule:
            out.append(f"<span class=rule>{line.status} by <b>{html.escape(line.rule)}</b> "
                       f"({html.escape(line.step or '')}): {html.escape(line.why or '')}</span>")
        if line.element:
            hint = f" &nbsp;·&nbsp; selector: {html.escape(line.selector)}" if line.selector else ""
            out.append(f"<span class=element>{html.escape(line.element)}{hint}</span>")
        out.append("</li>")
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"
