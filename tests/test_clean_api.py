"""The library call: str or bytes in, a frozen record out; bad input gives an error record."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cleaner import Article, Settings, clean

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_14e36000ea184500.txt"


def test_bytes_and_str_give_the_same_record():
    data = SEED.read_bytes()
    assert clean(data, doc_id="x") == clean(data.decode("utf-8"), doc_id="x")


def test_record_is_frozen_and_serialisable():
    record = clean(SEED.read_bytes(), doc_id="003")
    assert isinstance(record, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.headline = "x"
    data = json.loads(json.dumps(record.to_dict()))
    for key in ("id", "headline", "dateline", "byline", "published", "language", "body", "site"):
        assert key in data
    assert data["id"] == "003" and data["byline"] == ["Ross Colvin"]


def test_same_input_same_record_and_language_is_deterministic():
    text = SEED.read_text()
    records = {json.dumps(clean(text, settings=Settings(generic_rules=False)).to_dict()) for _ in range(3)}
    assert len(records) == 1


def test_id_defaults_to_a_content_hash():
    assert clean("Headline\n\nSome text that is long enough to be a paragraph of an article.").id == \
        clean("Headline\n\nSome text that is long enough to be a paragraph of an article.").id


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_bad_input_gives_error_record(data, kind):
    record = clean(data, doc_id="bad")
    assert record.error is not None and record.error.type == kind
    assert record.to_dict()["error"]["message"]
    assert record.body == "" and not record.ok


def test_latin1_input_is_decoded_not_refused():
    text = ("Grève générale à Paris\n\nLes syndicats français ont appelé à une grève générale "
            "mardi, a annoncé la confédération, et les écoles resteront fermées toute la journée.")
    record = clean(text.encode("latin-1"))
    assert record.ok and record.headline == "Grève générale à Paris"


def test_page_with_no_article_is_an_error_record():
    record = clean("Home\n\nNews\n\nSport\n\nContact")
    assert record.error is not None and record.error.type == "no_article"


def test_too_large_input_is_refused_with_the_limit_named():
    record = clean(b"x" * 2_000, settings=Settings(max_input_bytes=1_000))
    assert record.error.type == "too_large" and "1000" in record.error.message


def test_explain_lists_removals_with_rule_and_reason():
    record = clean(SEED.read_bytes(), settings=Settings(explain=True))
    rules = {r.rule for r in record.removed}
    assert "generic/credits-line" in rules and "iranfocus/breadcrumb" in rules
    assert "removed" in record.to_dict()
    assert "removed" not in clean(SEED.read_bytes()).to_dict()
