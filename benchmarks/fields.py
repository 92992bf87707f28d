"""Every field of the record, on text dumps and HTML, against trafilatura in the same run.

    python benchmarks/fields.py                      # wcxb-dev and fundus-dev, text and HTML
    python benchmarks/fields.py --set fundus-dev --input text --limit 50
    python benchmarks/fields.py --misses byline      # list the pages where cleaner misses a field
    python benchmarks/fields.py --write              # also write the tables into RESULTS.md

For each set and input kind: body precision/recall/F1, headline, byline, date and language,
for cleaner (generic path: no site pack names these pages) and for trafilatura
(``bare_extraction`` with its metadata: on a text dump, the dump's lines as ``<p>``, as in
``text_quality.py``). fundus-dev is also split into English and the other languages.
Scores follow ../shared/benchmarks/metrics.py: body is bag-of-words F1; headline equal after
normalisation; byline the set of names equal (split on commas, semicolons, "and", "&"); date
the same calendar day; language the answer's ``html_lang`` (fundus-dev only), its first part.
A field is scored on the pages whose answer has it. fundus-dev's answers name an agency or
the outlet as the author where the page has no person's name ("dpa", "DER SPIEGEL"), or
beside the persons ("Ada Quill, AP"); cleaner puts an agency in ``agency``, not ``byline``, so
a second byline column, "+agency", counts a record whose byline alone, or whose byline and
agency together, name the answer's authors.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from html_quality import names  # noqa: E402
from text_quality import SHARED, lines_as_html, make_dumps, metrics, write_section  # noqa: E402

from cleaner import Cleaner, Settings  # noqa: E402

FIELDS = ("headline", "byline", "byline+agency", "date", "language")


def load(name: str, limit: int | None) -> list[dict]:
    """The pages of one set with their answers, as HTML and as a whole-page text dump."""
    truth = json.loads((SHARED / name / "ground-truth.json").read_text())
    pages = []
    for page_id in sorted(truth)[:limit]:
        answer = truth[page_id]
        raw = gzip.decompress((SHARED / name / "html" / f"{page_id}.html.gz").read_bytes())
        lang = (answer.get("html_lang") or "").split("-")[0].lower() or None
        pages.append({"id": page_id, "html": raw, "url": answer.get("url"),
                      "text": make_dumps.html_to_text(raw.decode("utf-8", "replace")),
                      "body": answer.get("main_content") or answer.get("articleBody") or "",
                      "headline": answer.get("title"), "byline": answer.get("authors") or answer.get("author"),
                      "date": answer.get("publish_date"), "language": lang if name == "fundus-dev" else None})
    return pages


def cleaner_system(cleaner: Cleaner, kind: str):
    def run(page: dict) -> dict:
        record = cleaner.clean(page["html"] if kind == "html" else page["text"],
                               url=page["url"] if kind == "html" else None)
        return {"body": record.body, "headline": record.headline, "byline": list(record.byline),
                "byline+agency": [list(record.byline), list(record.byline) + [record.agency]] if record.agency
                else [list(record.byline)],
                "date": record.published, "language": record.language}
    return run


def trafilatura_system(kind: str):
    import trafilatura

    def run(page: dict) -> dict:
        source = page["html"] if kind == "html" else lines_as_html(page["text"])
        try:
            doc = trafilatura.bare_extraction(source, url=page["url"] if kind == "html" else None,
                                              with_metadata=True)
        except Exception:  # noqa: BLE001 - a peer's failure is an empty answer
            doc = None
        if doc is None:
            return {"body": ""}
        return {"body": doc.text or "", "headline": doc.title, "byline": doc.author, "byline+agency": [doc.author],
                "date": doc.date, "language": doc.language}
    return run


def hit(field: str, got, want) -> bool:
    """Whether a field's answer is right (see the module docstring)."""
    if field == "headline":
        return bool(got) and metrics.same(got, want)
    if field == "byline+agency":
        return any(names(alternative) == names(want) for alternative in got or [None])  # byline alone, or with the agency
    if field.startswith("byline"):
        return names(got) == names(want)
    if field == "date":
        return bool(got) and str(got)[:10] == str(want)[:10]
    return bool(got) and str(got).split("-")[0].lower() == want


def score(outputs: list[tuple[dict, dict]]) -> dict:
    """Averages over pages: body P/R/F1, and each field's share of right answers."""
    n = len(outputs) or 1
    result = {"P": 0.0, "R": 0.0, "F1": 0.0}
    for page, out in outputs:
        p, r, f = metrics.prf(out.get("body", ""), page["body"])
        result["P"] += p / n
        result["R"] += r / n
        result["F1"] += f / n
    for field in FIELDS:
        scored = [(page, out) for page, out in outputs if page.get(field.split("+")[0])]
        result[field] = (sum(hit(field, out.get(field), page[field.split("+")[0]]) for page, out in scored)
                         / len(scored) if scored and any(field in out for _, out in scored) else None)
        result[field + "_n"] = len(scored)
    return result


def _cell(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(title: str, rows: list[tuple[str, dict]]) -> list[str]:
    lines = [f"#### {title}", "", "| system | pages | body P | body R | body F1 | headline | byline | byline +agency | date | language |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in rows:
        lines.append(f"| {name} | {s['pages']} | {_cell(s['P'])} | {_cell(s['R'])} | {_cell(s['F1'])} | "
                     f"{_cell(s['headline'])} | {_cell(s['byline'])} | {_cell(s['byline+agency'])} | "
                     f"{_cell(s['date'])} | {_cell(s['language'])} |")
    return lines


def evaluate(name: str, kind: str, pages: list[dict], cleaner: Cleaner, misses: str | None) -> list[str]:
    systems = (("cleaner", cleaner_system(cleaner, kind)), ("trafilatura", trafilatura_system(kind)))
    outputs = {label: [(page, run(page)) for page in pages] for label, run in systems}
    groups = [("all", lambda page: True)]
    if name == "fundus-dev":
        groups += [("English", lambda page: page["language"] == "en"),
                   ("other languages", lambda page: page["language"] != "en")]
    lines = []
    for group, keep in groups:
        rows = []
        for label, pairs in outputs.items():
            chosen = [(p, o) for p, o in pairs if keep(p)]
            rows.append((label, {**score(chosen), "pages": len(chosen)}))
        lines += table(f"{name}, {'text dumps' if kind == 'text' else 'HTML'}, {group}", rows) + [""]
    if misses:
        for page, out in outputs["cleaner"]:
            want = page.get(misses.split("+")[0])
            if want and not hit(misses, out.get(misses), want):
                print(f"MISS {misses} {page['id']}: got {out.get(misses)!r} want {want!r}", file=sys.stderr)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", choices=["wcxb-dev", "fundus-dev"])
    parser.add_argument("--input", action="append", choices=["text", "html"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--misses", choices=["headline", "byline", "byline+agency", "date", "language"])
    parser.add_argument("--write", action="store_true", help="also write the tables into RESULTS.md")
    args = parser.parse_args()
    cleaner = Cleaner(Settings())
    lines = ["### Every field, text dumps and HTML (benchmarks/fields.py)", ""]
    for name in args.set or ["wcxb-dev", "fundus-dev"]:
        pages = load(name, args.limit)
        for kind in args.input or ["text", "html"]:
            lines += evaluate(name, kind, pages, cleaner, args.misses)
            print(f"{name} {kind}: done", file=sys.stderr, flush=True)
    text = "\n".join(lines).rstrip()
    print(text)
    if args.write:
        write_section("fields", text)


if __name__ == "__main__":
    main()
