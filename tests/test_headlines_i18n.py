"""Headlines and body furniture on pages in any language, on sites nobody wrote rules for:
the article's own header under a copy of the title made for search engines, kickers, the
page's heading in HTML (breadcrumb copies, labels, kicker spans), and the generic packs of
each language (rules/generic.<lang>.yaml). Each case with its negative: what only looks
like it stays."""
from __future__ import annotations

import pytest

from cleaner import Cleaner, Settings
from cleaner.readers import html, html_meta
from cleaner.rulepack import PackSet

LEDE = ("The finance ministers met on Sunday night and agreed on a new budget after twelve hours "
        "of talks in the capital, officials said.")
PARA2 = "The budget raises spending on schools and roads, and the ministers will sign it on Monday."
PARA3 = "Opposition parties said they would vote against the plan when it reaches parliament next week."


@pytest.fixture(scope="module")
def bare():
    """Heuristics only: no rule packs, no language detection."""
    return Cleaner(Settings(detect_language=False), packs=PackSet(site=(), generic=()))


@pytest.fixture(scope="module")
def full():
    """The bundled packs (generic ones of every language) and language detection."""
    return Cleaner(Settings())


def dump(*paras: str) -> str:
    return "\n\n".join(paras)


_TITLE = "Ministers agree on a new budget | Daily Planet"
_SHOWN = "Ministers settle the budget after a night of talks"

#: (lines above the article text, expected headline)
TEXT_CASES = {
    "a copy of the title, then a kicker and the headline shown with its byline":
        ((_TITLE, "Home", "Politics", "Ministers agree on a new budget", "Budget talks", _SHOWN, "By Jane Doe"),
         _SHOWN),
    "a time of day under the shown headline is its header too":
        ((_TITLE, "Home", "Ministers agree on a new budget", "Budget talks", _SHOWN, "Published today at 12:19"),
         _SHOWN),
    "no kicker between: the line under the title is its deck, the title stays":
        ((_TITLE, "Home", "Ministers agree on a new budget", _SHOWN, "By Jane Doe"),
         "Ministers agree on a new budget"),
    "no byline or date under the line below: the title stays":
        ((_TITLE, "Home", "Ministers agree on a new budget", "Budget talks", _SHOWN),
         "Ministers agree on a new budget"),
    "a line below that shares no word with the title is no headline":
        ((_TITLE, "Home", "Ministers agree on a new budget", "Photo", "The Daily Planet picture desk", "By Jane Doe"),
         "Ministers agree on a new budget"),
    "a kicker on the line above joins the headline as the title prints it":
        (("Budget: Ministers agree on a new plan, Daily Planet, 18.05.2026", "Home", "Budget",
          "Ministers agree on a new plan", "By Jane Doe"), "Budget: Ministers agree on a new plan"),
    "a blog's name above the post's title is no kicker":
        (("Ann's Blog: Ministers agree on a new plan", "Ann's Blog", "Ministers agree on a new plan"),
         "Ministers agree on a new plan"),
    "the second half of a heading split over two lines takes its first half":
        (("Budget night: Ministers agree on a new plan | Daily Planet", "Home", "Budget night",
          ": Ministers agree on a new plan"), "Budget night: Ministers agree on a new plan"),
    "a kicker run into the headline gets the title's colon back":
        (("Budget night: Ministers agree on a new plan | Daily Planet", "Home",
          "Budget night Ministers agree on a new plan"), "Budget night: Ministers agree on a new plan"),
    "a kicker in quotes before the title's words stays part of the headline":
        (("Ministers agree on a new plan | Daily Planet", "Home", "'Long night': ministers agree on a new plan"),
         "'Long night': ministers agree on a new plan"),
    "words that run into the title's words are no kicker":
        (("Best budget plans of 2026 | Daily Planet", "Home", "Comparing the best budget plans of 2026"),
         "Best budget plans of 2026"),
    "a headline that ends with a quotation is a headline, not running text":
        (("Ministers agree on budget, unions object | Daily Planet", "Home",
          "Ministers agree on the budget after twelve hours. Unions call it „a plan for the rich“",
          "Updated 19.04.2026 19:45"),
         "Ministers agree on the budget after twelve hours. Unions call it „a plan for the rich“"),
    "the header says something else than a title printed nowhere else: the header":
        (("Israeli hostage tells of her captors | Weekly Planet", "Politics",
          "“I wanted them to like me. That is how you survive it”", "By Jane Doe"),
         "“I wanted them to like me. That is how you survive it”"),
    "a header line that the text under it does not speak of is none":
        (("Israeli hostage tells of her captors | Weekly Planet", "Politics",
          "Follow us on all of the social networks today", "By Jane Doe"),
         "Israeli hostage tells of her captors"),
}


@pytest.mark.parametrize("above, expected", TEXT_CASES.values(), ids=TEXT_CASES.keys())
def test_headline_cases(bare, above, expected):
    text = LEDE if "hostage" not in above[0] else (
        "She wanted them to like her, she said: that is how you survive weeks as a hostage in a tunnel.")
    assert bare.clean(dump(*above, text, PARA2, PARA3)).headline == expected


def test_the_header_does_not_replace_a_title_printed_on_the_page(bare):
    r = bare.clean(dump("Israeli hostage tells of her captors | Weekly Planet", "Politics",
                        "“I wanted them to like me. That is how you survive it”", "By Jane Doe",
                        "She wanted them to like her, she said: that is how you survive weeks as a hostage.",
                        PARA2, "Israeli hostage tells of her captors"))
    assert r.headline == "Israeli hostage tells of her captors"


# --- HTML: the page's own heading ------------------------------------------------------------

PARAS = [LEDE, PARA2, PARA3]


def markup_headline(head: str, body: str) -> str | None:
    tree = html.parse_html(f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>{body}'
                           + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    found = html_meta.headline(tree, list(html_meta._jsonld_objects(tree)))
    return found.value if found else None


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


HTML_CASES = {
    "an <h1> in the breadcrumb trail gives way to the heading shown, without its kicker":
        (og("Ministers settle the budget"),
         '<nav class="breadcrumb"><h1>Budget 2026: ministers agree on a new plan</h1></nav>'
         '<h2><span>Budget night</span><span>Ministers settle the budget</span></h2>',
         "Ministers settle the budget"),
    "an <h1> in the breadcrumb trail stays when no heading says what a title says":
        (og("Ministers agree on a new plan"), '<nav><h1>Ministers agree on a new plan</h1></nav><h2>Newsletter</h2>',
         "Ministers agree on a new plan"),
    "the site's name as the page's <h1> is no headline":
        ("<title>Ministers settle the budget – Daily Planet</title>",
         "<h1>Daily Planet</h1><h2>Ministers settle the budget</h2>", "Ministers settle the budget"),
    "a short label unlike the title is no headline either":
        (og("How ministers settled the budget after a long night"), "<h1>Budget Desk</h1>",
         "How ministers settled the budget after a long night"),
    "a heading that is the title's first word is the headline (a dictionary's entry)":
        ("<title>BUDGET Definition & Meaning | Dictionary</title>", "<h1>budget</h1>", "budget"),
    "the kicker that og:title puts before a colon":
        (og("Budget night: Ministers settle the budget"), "<h1>Ministers settle the budget</h1>",
         "Budget night: Ministers settle the budget"),
    "a heading with other punctuation than og:title keeps its own":
        (og("Ministers settle the budget: what's next"), "<h1>Ministers settle the budget: what's next?</h1>",
         "Ministers settle the budget: what's next?"),
    "a label after a pipe that the title has too goes":
        (og("Ministers settle the budget | Opinion"), "<h1>Ministers settle the budget | Opinion</h1>",
         "Ministers settle the budget"),
    "words after a dash that are a subtitle stay":
        (og("Ministers settle the budget – what it means for you"),
         "<h1>Ministers settle the budget – what it means for you</h1>",
         "Ministers settle the budget – what it means for you"),
    "mojibake in the heading is repaired":
        (og("A saver’s guide to the budget"), "<h1>A saverâ\u0080\u0099s guide to the budget</h1>",
         "A saver’s guide to the budget"),
}


@pytest.mark.parametrize("head, body, expected", HTML_CASES.values(), ids=HTML_CASES.keys())
def test_markup_headline_cases(head, body, expected):
    assert markup_headline(head, body) == expected


# --- the generic packs of each language --------------------------------------------------------

DE = ["Die Finanzminister der Länder haben sich in der Nacht zum Sonntag nach zwölf Stunden auf einen "
      "neuen Haushalt geeinigt, teilten die Behörden mit.",
      "Der Haushalt sieht mehr Geld für Schulen und Straßen vor, die Minister wollen ihn am Montag unterzeichnen.",
      "Die Opposition kündigte an, gegen den Plan zu stimmen, wenn er in der nächsten Woche in den Landtag kommt.",
      "Die Gewerkschaften begrüßten die Einigung, forderten aber weitere Gespräche über die Löhne im Herbst."]


def test_german_furniture_goes_in_a_german_article(full):
    r = full.clean(dump("Minister einigen sich auf Haushalt | Tagesblatt", "Minister einigen sich auf Haushalt",
                        DE[0], "Lesen Sie auch: Streit um die Schuldenbremse geht weiter", DE[1],
                        "Mehr zum Thema", DE[2], "Foto: dpa", DE[3],
                        "Das könnte Sie auch interessieren", "Neuer Streit um die Rente", "Kommunen klagen über Kosten"))
    assert r.language == "de"
    assert r.paragraphs == DE
    assert r.headline == "Minister einigen sich auf Haushalt"


def test_article_sentences_that_open_like_furniture_stay(full):
    keep = "Mehr zum Thema sagte der Minister am Montag nichts, er verwies auf die Sitzung des Kabinetts."
    r = full.clean(dump("Minister einigen sich auf Haushalt | Tagesblatt", DE[0], keep, DE[1], DE[2]))
    assert keep in r.paragraphs


def test_a_language_pack_leaves_other_languages_alone(full):
    # "Lesen Sie auch" quoted in an English article is no German furniture
    line = "Lesen Sie auch"
    r = full.clean(dump("Ministers agree on a new budget", LEDE, line, PARA2, PARA3))
    assert r.language == "en" and line in r.paragraphs
