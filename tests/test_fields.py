"""One place decides each field: the precedence of evidence, and where each field came from."""
from __future__ import annotations

import pytest

from cleaner import Cleaner, RulePackError, Settings
from cleaner.vocabulary import FOLDER, Vocabularies

LEDE = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
CLEANER = Cleaner(Settings(explain=True))


def test_fields_from_says_where_each_field_came_from():
    text = (f"Harbour plan agreed\n\nBy Jane Doe\n\nMarch 12, 2024\n\n"
            f"LONDON, March 11, 2024 (Reuters) - {LEDE}\n\n{LEDE} Work starts in the spring.")
    record = CLEANER.clean(text)
    assert record.byline == ("Jane Doe",) and record.published == "2024-03-12"
    assert record.fields_from["byline"] == 'text line 1: "By Jane Doe"'
    # a date line of the text stands before the dateline's date
    assert record.fields_from["published"] == 'text line 2: "March 12, 2024"'
    assert record.fields_from["agency"].startswith("the dateline")
    assert "fields_from" not in Cleaner(Settings()).clean(text).to_dict()


def test_the_markup_stands_before_the_text_and_the_text_before_the_dateline():
    page = (f'<html lang="en"><head><title>Harbour plan agreed</title>'
            f'<meta name="author" content="Max Mustermann">'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2024-03-10"}}</script>'
            f'</head><body><article><h1>Harbour plan agreed</h1><p>By Jane Doe</p>'
            f'<p>LONDON, March 11, 2024 (Reuters) - {LEDE}</p><p>{LEDE} Work starts in the spring.</p>'
            f'</article></body></html>')
    record = CLEANER.clean(page)
    assert record.byline == ("Max Mustermann",) and record.fields_from["byline"] == "meta author"
    assert record.published == "2024-03-10" and record.fields_from["published"] == "json-ld datePublished"
    assert "By Jane Doe" not in record.body  # the text's byline line leaves the body all the same


def test_a_pinned_field_stands_before_everything(tmp_path):
    (tmp_path / "site.yaml").write_text("id: site\ndescription: d\nmatch: {signatures: [Harbour Gazette]}\n"
                                        "fields: {language: fr, agency: Gazette Wire}\nrules: []\n")
    cleaner = Cleaner(Settings(rules_dir=tmp_path, explain=True))
    record = cleaner.clean(f"Harbour plan agreed\n\nHarbour Gazette\n\nLONDON (Reuters) - {LEDE}\n\n{LEDE}")
    assert (record.language, record.agency) == ("fr", "Gazette Wire")
    assert record.fields_from["language"] == record.fields_from["agency"] == "pinned by pack site"


def test_the_vocabulary_files_are_valid_and_merge_with_english():
    vocabularies = Vocabularies.load()
    german = vocabularies.words(("de",))
    assert german.languages == ("de", "en")
    assert german.months["dezember"] == 12 and german.months["dec"] == 12
    assert german.order == "DMY" and vocabularies.words((None,)).order == "MDY"
    assert german.agencies["the associated press"] == "AP"


def test_a_broken_vocabulary_file_is_refused_naming_it(tmp_path):
    for name in ("dates", "bylines", "agencies"):
        (tmp_path / f"{name}.yaml").write_text((FOLDER / f"{name}.yaml").read_text())
    (tmp_path / "dates.yaml").write_text("dates:\n  de:\n    months: {märz: 13}\n")
    with pytest.raises(RulePackError, match=r"dates\.yaml.*13"):
        Vocabularies.load(tmp_path)


@pytest.mark.parametrize("author, byline, agency", [
    ('"author": {"@type": "Person", "name": "dpa"}', (), "dpa"),
    ('"author": [{"@type": "Person", "name": "Associated Press"}]', (), "Associated Press"),
    ('"author": {"@type": "Person", "name": "Jane Doe"}', ("Jane Doe",), None),
])
def test_an_agency_the_markup_names_as_author_goes_to_agency(author, byline, agency):
    page = (f'<html lang="en"><head><title>Harbour plan agreed</title>'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", {author}}}</script>'
            f'</head><body><article><h1>Harbour plan agreed</h1>'
            f'<p>{LEDE}</p><p>{LEDE} Work starts in the spring.</p></article></body></html>')
    record = CLEANER.clean(page)
    assert record.byline == byline and record.agency == agency
    if agency:
        assert record.fields_from["agency"] == "json-ld author"
