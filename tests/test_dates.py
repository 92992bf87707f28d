"""Publication dates: the vocabulary's examples in every language, the date reader's forms,
the text step's header zone and the HTML reader's sources, each with the cases it must leave
alone (an article sentence with a date, a copyright year, a list of other stories' dates, an
update date beside the publication date, relative dates)."""
from __future__ import annotations

import pytest
import yaml

from articles import DE_LEDE, DE_PARA, EN_LEDE, EN_PARA, dump
from cleaner import Cleaner, Settings
from cleaner.fields.dates import (DATE_PATTERN, contains_date, date_line, find_date, label_line,
                                  looks_like_date_line, machine_date, normalise_date, read_dates)
from cleaner.rulepack import PackSet
from cleaner.vocabulary import FOLDER, Vocabularies

VOCABULARIES = Vocabularies.load()
DATES = yaml.safe_load((FOLDER / "dates.yaml").read_text(encoding="utf-8"))["dates"]
EXAMPLES = [(code, example) for code, language in DATES.items() for example in language.get("examples", ())]
NEWS_LANGUAGES = ("de", "en", "es", "fr", "it", "pt", "nl", "sv", "da", "nb", "no", "pl", "ru", "uk", "tr",
                  "ja", "ko", "id")

EN = VOCABULARIES.words(("en",))
DE = VOCABULARIES.words(("de",))



@pytest.fixture(scope="module")
def bare():
    """The named steps only (no rule packs), the language detected."""
    return Cleaner(Settings(explain=True), packs=PackSet(site=(), generic=()))


def iso(line: str, words=None, **kwargs) -> str | None:
    stamp = date_line(line, words, **kwargs)
    return stamp.iso if stamp else None


# --- the vocabulary -----------------------------------------------------------------------------

def test_the_languages_news_is_written_in_have_date_words_and_examples():
    for code in NEWS_LANGUAGES:
        assert code in DATES and DATES[code].get("examples"), code
        assert DATES[code].get("published") and DATES[code].get("updated"), code


@pytest.mark.parametrize("code, example", EXAMPLES, ids=[f"{c}: {e['line'][:40]}" for c, e in EXAMPLES])
def test_vocabulary_example(code, example):
    assert iso(example["line"], VOCABULARIES.words((code,))) == example["gives"]


def test_no_month_list_in_python():
    import cleaner.fields.dates as dates

    assert not hasattr(dates, "FOREIGN_MONTHS")
    assert find_date("3. März 2024") == "2024-03-03" and find_date("14 мая 2025") == "2025-05-14"


# --- reading dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Dec 22, 2023 10:59 AM EST", "2023-12-22T10:59-05:00"),
    ("Fri 22 Dec 2023 15.30 CET", "2023-12-22T15:30+01:00"),
    ("by Lana Vrzic December 18, 2023", "2023-12-18"),
    ("| December 13, 2023", "2023-12-13"),
    ("Courtney CarrPublished: December 20, 2023", "2023-12-20"),
    ("By Kent GermanDec 22, 2023", "2023-12-22"),
    ("2 minute readApril 25, 20232:26 PM GMT+2Last Updated 9 min ago", "2023-04-25T14:26+02:00"),
    ("March 7, 20247:55 AM UTCUpdated ago", "2024-03-07T07:55+00:00"),
    ("12:20pm Jan 7, 2024", "2024-01-07T12:20"),
    ("17:41 JST, October 13, 2024", "2024-10-13T17:41+09:00"),
    ("Published on 06/01/2026 - 13:55 GMT+1", "2026-06-01T13:55+01:00"),
    ("30.01.202430. Januar 2024", "2024-01-30"),
    ("06. 01. 2026, 14:59 Uhr Lesedauer: 4 Minuten", "2026-01-06T14:59"),
    ("15.10.24 23:35", "2024-10-15T23:35"),
    ("25.4.24", "2024-04-25"),
])
def test_date_lines_in_the_forms_pages_print(line, expected):
    assert iso(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Dec 22, 2023 10:30 AM CST", "2023-12-22T10:30"),       # China or Central US: no offset
    ("May 2, 2024 9:00 IST", "2024-05-02T09:00"),             # India, Ireland or Israel
    ("May 2, 2024 9:00 MESZ", "2024-05-02T09:00+02:00"),
    ("2024-05-02T09:00:00-04:00", "2024-05-02T09:00:00-04:00"),
    ("May 2, 2024 9:00 +0530", "2024-05-02T09:00+05:30"),
    ("May 2, 2024 12:05 a.m.", "2024-05-02T00:05"),
    ("May 2, 2024 12:05 PM", "2024-05-02T12:05"),
])
def test_time_and_zone(line, expected):
    assert iso(line) == expected


def test_numeric_dates_in_the_languages_order():
    assert iso("Posted 06/01/2026", EN) == "2026-06-01" and iso("06/01/2026", DE) == "2026-01-06"
    assert iso("28/04/2023", EN) == "2023-04-28"     # no 28th month: day first whatever the order
    assert iso("06.01.2026", EN) == "2026-01-06"     # dotted dates are day first
    assert iso("2025/1/14 21:17", VOCABULARIES.words(("ja",))) == "2025-01-14T21:17"


@pytest.mark.parametrize("line", [
    "2 hours ago", "vor 3 Stunden", "Il y a 2 heures", "Hace 5 minutos", "Publiziert heute um 12:19 Uhr",
    "Vandaag om 20:07", "© 2023 Daily Planet. All rights reserved.", "Copyright 2019-2024 Daily Planet",
    "Fitness Trends 2025", "Best albums of November 2025", "Version 1.2.24 released", "2.28.27",
    "Score 12.5.24 million", "31.02.2024",
])
def test_no_date_in_relative_dates_years_and_numbers(line):
    assert date_line(line) is None


@pytest.mark.parametrize("line", [
    "On December 18, 2023 the council voted to close the old bridge for repairs.",
    "The report was published on March 3, 2024, and the minister resigned two days later.",
    "Er wurde am 4. Mai 1960 in Leipzig geboren und lebt heute in Berlin.",
])
def test_an_article_sentence_with_a_date_is_no_date_line(line):
    assert date_line(line) is None


def test_a_photo_caption_with_a_date_is_no_strict_date_line():
    caption = "Troops near the front line in Bakhmut, April 24, 2023"
    assert date_line(caption, strict=True) is None
    assert iso("By Daniel Gibson | Mar 11, 2023 | All About Brakes | 0 comments", strict=True) == "2023-03-11"


def test_published_before_updated_on_one_line():
    line = "Aktualizacja: 02.02.2025 23:49 Publikacja: 02.02.2025 21:52"
    assert [s.label for s in read_dates(line, VOCABULARIES.words(("pl",)))] == ["updated", "published"]
    assert iso(line, VOCABULARIES.words(("pl",))) == "2025-02-02T21:52"
    assert iso("Updated: May 3, 2024 Published: May 1, 2024") == "2024-05-01"
    assert date_line("Last updated 21 hours ago") is None


def test_labels_alone_on_a_line():
    assert label_line("Posted on", EN) == "published" and label_line("Zuletzt aktualisiert:", DE) == "updated"
    assert label_line("Published by Ann Lee", EN) is None and label_line("Update your browser", EN) is None


def test_machine_dates():
    assert machine_date("2024-05-03T15:47:42.389Z") == "2024-05-03T15:47:42+00:00"
    assert machine_date("2025-06-05 12:36:40+02:00") == "2025-06-05T12:36:40+02:00"
    assert machine_date("") is None and machine_date("yesterday") is None


def test_the_older_questions_keep_their_answers():
    assert normalise_date("July 2, 2007") == "2007-07-02" and normalise_date("March 3") == "--03-03"
    assert contains_date("Dec 18 2025 Preparing a transition") and not contains_date("Fitness Trends 2025")
    assert looks_like_date_line("Published: 12 March 2024 10:32")
    assert not looks_like_date_line("In 2007 al Qaeda militants killed 3,870 civilians.")
    import re
    assert re.fullmatch(DATE_PATTERN, "5 de mayo de 2025") and re.fullmatch(DATE_PATTERN, "Dez. 3, 2024")


# --- the text step: the header zone -----------------------------------------------------------

def test_german_date_on_its_own_line_under_the_weekday(bare):
    r = bare.clean(dump("Hafenplan beschlossen", "Donnerstag", "05. Juni 2025", "Von Jan Kixmüller", DE_LEDE, DE_PARA))
    assert r.language == "de" and r.published == "2025-06-05"
    assert r.fields_from["published"] == 'text line 2: "05. Juni 2025"'


def test_date_under_the_lede(bare):
    r = bare.clean(dump("Hafenplan beschlossen", "Von Jan Kixmüller", DE_LEDE, "28.04.2023, 20.15 Uhr", DE_PARA))
    assert r.published == "2023-04-28T20:15"


def test_date_glued_to_the_byline(bare):
    r = bare.clean(dump("Harbour plan agreed", "By Kent GermanDec 22, 2023 10:59 AM EST", EN_LEDE, EN_PARA))
    assert r.published == "2023-12-22T10:59-05:00" and r.byline == ("Kent German",)


def test_published_date_before_the_update_date(bare):
    r = bare.clean(dump("Harbour plan agreed", "Updated: March 14, 2024", "Published: March 12, 2024",
                        EN_LEDE, EN_PARA))
    assert r.published == "2024-03-12"


def test_an_update_date_only_when_there_is_no_other(bare):
    r = bare.clean(dump("Harbour plan agreed", "Last updated: March 14, 2024 9:30 am", EN_LEDE, EN_PARA))
    assert r.published == "2024-03-14T09:30"


def test_label_on_the_line_before_the_date(bare):
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee", EN_LEDE, EN_PARA, "Published", "August 30, 2024"))
    assert r.published == "2024-08-30"


def test_date_line_under_the_article_where_the_page_is_cut():
    # the generic comments heading cuts the page's end; the date line under the article counts still
    r = Cleaner(Settings(detect_language=False)).clean(dump("Harbour plan agreed", EN_LEDE, EN_PARA, "Comments", "Posted by Ann Lee",
                        "Publish date", "August 30, 2024"))
    assert r.published == "2024-08-30" and "August 30, 2024" not in r.body


def test_relative_dates_give_no_date(bare):
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee", "2 hours ago", EN_LEDE, EN_PARA))
    assert r.published is None


def test_a_sentence_with_a_date_in_the_header_is_no_date(bare):
    standfirst = "The council said on March 3, 2024 that the work would take two years"
    r = bare.clean(dump("Harbour plan agreed", standfirst, "By Ann Lee", EN_LEDE, EN_PARA))
    assert r.published is None


def test_copyright_year_is_no_date(bare):
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee", EN_LEDE, EN_PARA,
                        "© 2024 Daily Planet. All rights reserved."))
    assert r.published is None


def test_dates_of_a_list_of_other_stories_are_not_the_article_date(bare):
    stories = ["More news", "Storm closes schools", "March 3, 2024", "Bridge reopens", "March 1, 2024",
               "Ferry fares rise", "February 27, 2024"]
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee", EN_LEDE, EN_PARA, EN_LEDE.upper(), *stories))
    assert r.published is None


def test_the_article_date_stands_before_a_list_of_other_stories(bare):
    stories = ["More news", "Storm closes schools", "March 3, 2024", "Bridge reopens", "March 1, 2024"]
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee | March 12, 2024", EN_LEDE, EN_PARA, *stories))
    assert r.published == "2024-03-12"


def test_embedded_post_signature_is_no_date(bare):
    r = bare.clean(dump("Harbour plan agreed", "By Ann Lee", EN_LEDE,
                        "— Harbour Ferries (@harbourferries) May 2, 2024", EN_PARA))
    assert r.published is None


def test_date_of_the_page_title(bare):
    r = bare.clean(dump("Harbour plan agreed – Daily Planet – 13.06.2023", "Harbour plan agreed", EN_LEDE, EN_PARA))
    assert r.published == "2023-06-13"


# --- HTML: the markup, then the date printed by the headline, then htmldate ----------------

def page(head: str = "", body: str = "") -> str:
    return (f'<html lang="en"><head><meta charset="utf-8"><title>Harbour plan agreed</title>{head}</head>'
            f'<body><article><h1>Harbour plan agreed</h1>{body}<p>{EN_LEDE}</p><p>{EN_PARA}</p>'
            f'</article></body></html>')


def test_json_ld_date_with_time_and_offset(bare):
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-03-12T08:00:00+01:00"}</script>')
    r = bare.clean(page(head, "<p>March 14, 2024</p>"))
    assert (r.published, r.fields_from["published"]) == ("2024-03-12T08:00:00+01:00", "json-ld datePublished")


def test_meta_published_time(bare):
    r = bare.clean(page('<meta property="article:published_time" content="2024-03-12T08:00:00Z">'))
    assert (r.published, r.fields_from["published"]) == ("2024-03-12T08:00:00+00:00", "meta article:published_time")


def test_metadata_not_in_iso_8601_is_no_date_and_the_printed_one_stands(bare):
    head = '<script type="application/ld+json">{"@type": "Article", "datePublished": "Jun 24, 2025"}</script>'
    r = bare.clean(page(head, "<p>By Ann Lee</p><p>August 25, 2024</p>"))
    assert r.published == "2024-08-25" and r.fields_from["published"].startswith("the date by the <h1>")


def test_the_date_line_above_the_html_texts_first_paragraph_leaves_the_body(bare):
    paragraphs = lambda r: r.body.split("\n\n")  # noqa: E731
    r = bare.clean(page(body="<p>Updated March 3, 2024</p>"))
    assert "Updated March 3, 2024" not in paragraphs(r) and r.published == "2024-03-03"
    r = bare.clean(page(body="<p>Stand: 22.04.2024, 06:00 Uhr</p>"))
    assert paragraphs(r)[0] == EN_LEDE
    # not a line that opens what follows, a sentence with a date, nor a date line under the text
    for line in ("Effective beginning June 2, 2025:", "On March 3, 2024 the council voted to close the old bridge."):
        assert line in paragraphs(bare.clean(page(body=f"<p>{line}</p>")))
    html = page().replace(f"<p>{EN_PARA}</p>", f"<p>{EN_PARA}</p><p>Updated March 3, 2024</p>")
    assert "Updated March 3, 2024" in paragraphs(bare.clean(html))


def test_printed_time_element_a_day_off_keeps_the_printed_day(bare):
    body = '<p><time datetime="2026-02-24T04:13:00+00:00">February 23, 2026</time></p>'
    assert bare.clean(page(body=body)).published == "2026-02-23"
    body = '<p><time datetime="2025-12-02T10:00:00+00:00">02-12-2025</time></p>'
    assert bare.clean(page(body=body)).published == "2025-12-02T10:00:00+00:00"
