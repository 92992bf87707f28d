"""Over a folder of dumps: which packs matched how many documents, which documents matched no
site pack, and the short lines that survive in bodies most often (the next rules to write)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core import Cleaner
from ..io.sources import Feed, iter_docs

_SHORT = 8


@dataclass
class Coverage:
    documents: int = 0
    failed: int = 0
    by_pack: Counter = field(default_factory=Counter)
    unmatched: list = field(default_factory=list)
    survivors: Counter = field(default_factory=Counter)

    def to_dict(self, top: int = 20) -> dict:
        return {"documents": self.documents, "failed": self.failed, "packs": dict(self.by_pack.most_common()),
                "no_site_pack": self.unmatched,
                "surviving_lines": [{"line": l, "documents": n} for l, n in self.survivors.most_common(top) if n > 1]}


def coverage(paths: tuple[str, ...], cleaner: Cleaner) -> Coverage:
    result = Coverage()
    for doc in iter_docs(paths, Feed()):
        result.documents += 1
        if doc.error is not None or doc.skipped is not None:
            result.failed += doc.error is not None
            continue
        record = cleaner.clean(doc.data, url=doc.url, doc_id=doc.doc_id, source=doc.source)
        result.failed += not record.ok
        if record.site:
            result.by_pack[record.site] += 1
        else:
            result.unmatched.append(doc.source)
        short = {p for p in record.paragraphs if len(p.split()) <= _SHORT}
        result.survivors.update(short)
    return result
