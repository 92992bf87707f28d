"""Each named heuristic on small dumps, with negative cases: article text that looks like
furniture must stay."""
from __future__ import annotations

import pytest

from cleaner import Cleaner, Settings
from cleaner.rulepack import PackSet

LEDE = ("The U.S. military said on Sunday there had been a dramatic drop in the number of "
        "Iranian weapons being smuggled into Iraq.")
PARA2 = "Washington has accused Tehran of supplying militias with weapons, officials said on Monday."
PARA3 = "Tehran denies the charge and says the violence is the result of the occupation of Iraq."


@pytest.fixture(scope="module")
def bare():
    """Heuristics only: no rule packs at all, so nothing but the named steps acts."""
    return Cleaner(Settings(detect_language=False), packs=PackSet(site=(), generic=()))


def dump(*paras: str) -> str:
    return "\n\n".join(paras)


def test_headline_is_first_headline_like_line_after_furniture(bare):
    r = bare.clean(dump("Home", "World", "Storm closes schools across the north", LEDE, PARA2))
    assert r.headline == "Storm closes schools across the north"
    assert r.paragraphs == [LEDE, PARA2]


def test_headline_glued_breadcrumb_takes_the_clean_line(bare):
    r = bare.clean(dump("Home & World NewsIraqStorm closes schools across the north",
                        "Storm closes schools across the north", LEDE, PARA2))
    assert r.headline == "Storm closes schools across the north"
    assert "Home & World" not in r.body


def test_headline_site_suffix_dropped_only_when_site_named_elsewhere(bare):
    r = bare.clean(dump("Rates rise again | Daily Planet", "Menu", "Rates rise again", LEDE, PARA2))
    assert r.headline == "Rates rise again"
    r = bare.clean(dump("Iran leaders aware of Iraq activities - US", LEDE, PARA2))
    assert r.headline == "Iran leaders aware of Iraq activities - US"


_STORM = "Storm closes schools across the north"
_SMUGGLING = "Weapons smuggling falls, US says | Daily Planet"
_TAGLINE = ("Daily Planet, the independent paper that has covered the towns of the north of the "
            "country, their people and their weather every single day since 1898")
_ALIKE = ("Weapons smuggling into Iraq falls sharply", "Home", "World",
          "Weapons smuggling into Iraq falls sharply, figures show", "Weapons smuggling into Iraq falls, US says")

#: (lines above the article text, expected headline): each a case of the headline step
HEADLINE_CASES = {
    "page title printed again gives the clean title":
        ((f"{_STORM} | Daily Planet", "Menu", "Weather", f"{_STORM} | Daily Planet"), _STORM),
    "short headline before a site name of a few words":
        (("Mission accomplished! – City Digital Archive", "Menu", "About", "Mission accomplished!"),
         "Mission accomplished!"),
    "a kicker before a colon is no site name":
        (("Lessons learned: the long road to a ceasefire in the north", "Lessons learned",
          "The long road to a ceasefire in the north"), "The long road to a ceasefire in the north"),
    "a section label glued before the title goes":
        ((f"{_STORM} | Daily Planet", "Home", f"Weather: {_STORM}"), _STORM),
    "words before the title that are part of the headline stay":
        (("Best Storm Shelters for Schools | Daily Planet", "Home", "What’s the Best Storm Shelters for Schools"),
         "What’s the Best Storm Shelters for Schools"),
    "a date in the title":
        (("The best albums of November and December 2025 | Daily Planet", "Music",
          "The best albums of November and December 2025"), "The best albums of November and December 2025"),
    "a long tagline after the site name":
        ((f"{_STORM} | {_TAGLINE}", "Menu", _STORM), _STORM),
    "a line like the title may carry a date":
        (("Weekly market wrap-up | Daily Planet", "Home", "Markets", "Market wrap-up 12/19/2025", "By Ross Colvin"),
         "Market wrap-up 12/19/2025"),
    "weakly similar line above the text":
        ((_SMUGGLING, "Home", "World", "Topics", "Iranian weapons smuggling into Iraq drops sharply"),
         "Iranian weapons smuggling into Iraq drops sharply"),
    "no shared word: the page title stands":
        ((_SMUGGLING, "Home", "World", "Topics", "Sign up for our morning briefing"), "Weapons smuggling falls, US says"),
    "a label of a few words is no headline, even with the title's words":
        ((_SMUGGLING, "Home", "World", "Topics", "Weapons desk archive"), "Weapons smuggling falls, US says"),
    "words as common as 'the' are no shared words":
        (("The schools of the north stay shut", "Home", "World", "The Daily Report"), "The schools of the north stay shut"),
    "of two lines like the title, the one with a byline under it":
        ((*_ALIKE, "By Ross Colvin", "June 3, 2007"), "Weapons smuggling into Iraq falls, US says"),
    "of two lines like the title, without a byline the more alike":
        (_ALIKE, "Weapons smuggling into Iraq falls sharply, figures show"),
    "a date printed after the headline is no part of it":
        (("Blog: Advent of Code, week 2", "Home", "Advent of Code, week 2 20 December 2025"), "Advent of Code, week 2"),
    "a month after a slash too":
        ((_STORM, "Home", f"{_STORM} / Dec 2025"), _STORM),
    "a date that the title has too stays":
        (("The best typefaces of December 2025 | Type Desk", "Home", "The best typefaces of December 2025"),
         "The best typefaces of December 2025"),
    "the site name twice at the end of the title: both go":
        ((f"{_STORM} – Daily Planet - Daily Planet", "Menu", f"{_STORM} – Daily Planet"), _STORM),
    "a subtitle before the site name stays":
        ((f"{_STORM} | Ten towns shut | Daily Planet", "Menu", f"{_STORM} | Ten towns shut"),
         f"{_STORM} | Ten towns shut"),
    "a sentence right above the text is no headline":
        (("Menu", _STORM, "Very excited about the new school year."), _STORM),
    "a line with only the site's name in common is no headline":
        ((f"{_STORM} | Car Lovers", "Menu", "Car Lovers", "Subscribe to Car Lovers Magazine"), _STORM),
    "the site name the title ends with is no headline":
        (("Budget tips for young savers | Citadel Credit Union", "Home", "Citadel Credit Union", "Savings"),
         "Budget tips for young savers"),
}


@pytest.mark.parametrize("above, expected", HEADLINE_CASES.values(), ids=HEADLINE_CASES.keys())
def test_headline_cases(bare, above, expected):
    assert bare.clean(dump(*above, LEDE, PARA2)).headline == expected


def test_date_printed_after_the_headline_is_the_published_date(bare):
    r = bare.clean(dump("Blog: Advent of Code, week 2", "Home", "Advent of Code, week 2 20 December 2025", LEDE, PARA2))
    assert (r.headline, r.published) == ("Advent of Code, week 2", "2025-12-20")


def test_site_named_in_a_copyright_line_that_the_generic_pack_takes_out():
    # the copyright line leaves the body before the headline step, but it still names the site
    generic = Cleaner(Settings(rules_dir=None, detect_language=False))
    r = generic.clean(dump("Rates rise again - Daily Planet", "Menu", LEDE, PARA2, "© Daily Planet 2024"))
    assert r.headline == "Rates rise again"
    assert r.copyright == "© Daily Planet 2024"


def test_headline_breadcrumb_and_share_buttons_are_no_headline(bare):
    r = bare.clean(dump("Weapons smuggling into Iraq falls", "Home » World » Iraq weapons",
                        "Share this story on Facebook Twitter", "By Ross Colvin", "June 3, 2007", LEDE, PARA2))
    assert r.headline == "Weapons smuggling into Iraq falls"
    assert "Home » World » Iraq weapons" not in r.body


def test_teaser_with_ellipsis_removed_once_full_version_kept(bare):
    teaser = "The U.S. military said on Sunday there had been a dramatic drop in the number…"
    r = bare.clean(dump("Weapons drop in Iraq", teaser, LEDE, PARA2))
    assert r.paragraphs == [LEDE, PARA2]


def test_teaser_with_agency_tag_and_dateline_on_one_line(bare):
    line = f"AFP: {LEDE} BAGHDAD (AFP) — {LEDE}"
    r = bare.clean(dump("Weapons drop in Iraq", line, PARA2))
    assert r.paragraphs[0] == LEDE
    assert r.dateline.location == "BAGHDAD" and r.dateline.agency == "AFP"


def test_repeated_sentence_that_is_no_teaser_stays(bare):
    # The same opening words, but neither cut short nor tagged: both are article text.
    a = "The minister said the plan would go ahead, and that nothing had changed since March."
    b = "The minister said the plan would go ahead, and that nothing had changed since March, aides added."
    r = bare.clean(dump("Plan goes ahead", a, b, PARA2))
    assert r.paragraphs == [a, b, PARA2]


def test_byline_glued_to_teaser_is_found_and_removed(bare):
    r = bare.clean(dump("Weapons drop in Iraq", f"Reuters: {LEDE} By Ross Colvin",
                        f"BAGHDAD (Reuters) – {LEDE}", PARA2))
    assert r.byline == ("Ross Colvin",)
    assert r.paragraphs == [LEDE, PARA2]
    assert r.dateline.text == "BAGHDAD (Reuters) –"


def test_byline_line_with_two_names(bare):
    r = bare.clean(dump("Weapons drop in Iraq", "By Jane Doe and Max Mustermann", LEDE, PARA2))
    assert r.byline == ("Jane Doe", "Max Mustermann")
    assert "By Jane" not in r.body


def test_sentence_starting_with_by_is_no_byline(bare):
    text = "By the end of the day the river had risen by two metres, officials in the city said."
    r = bare.clean(dump("Floods in the north", text, PARA2))
    assert r.byline == ()
    assert r.paragraphs[0] == text


def test_link_list_trailer_dropped(bare):
    r = bare.clean(dump("Weapons drop in Iraq", LEDE, PARA2, PARA3,
                        "Iran’s Budget Deficit Has Doubled",
                        "In the absence of statistics from the central bank and despite the...",
                        "World leaders call on Biden to adopt new Iran policy",
                        "In a joint letter, 109 former world leaders signed a letter calling..."))
    assert r.paragraphs == [LEDE, PARA2, PARA3]


def test_comment_thread_longer_than_the_article_is_dropped(bare):
    comments = []
    for name, day in (("Sharon", 14), ("Jill Winger", 17), ("Amy", 24)):
        comments += [f"{name} says", f"July {day}, 2015 at 3:53 pm",
                     "I tried this in my own garden last summer and it worked better than anything I had bought.",
                     "Reply"]
    explained = Cleaner(Settings(detect_language=False, explain=True), packs=PackSet(site=(), generic=()))
    r = explained.clean(dump("Weapons drop in Iraq", LEDE, PARA2, PARA3, "3 Comments", *comments))
    assert r.paragraphs == [LEDE, PARA2, PARA3]
    assert {x.rule for x in r.removed if x.step == "comments"} == {"comment-thread"}


def test_live_blog_time_stamps_are_no_comment_thread(bare):
    entries = []
    for minute in ("10:02", "10:15", "10:31", "10:47"):
        entries += [f"December 19, 2025 at {minute} am", PARA3.replace("Iraq", f"Iraq ({minute})")]
    r = bare.clean(dump("Weapons drop in Iraq", LEDE, PARA2, *entries))
    assert r.paragraphs[-1].endswith("(10:47).")
    assert len([p for p in r.paragraphs if p.startswith("Tehran denies")]) == 4


def test_time_stamped_thread_under_a_comments_heading_is_dropped():
    generic = Cleaner(Settings(detect_language=False))
    comments = []
    for name, minute in (("Emma", "9:59"), ("Chris S", "10:00"), ("Max", "10:02"), ("Pete", "10:20")):
        comments += [name, f"December 18, 2025, {minute} pm",
                     "I know what you mean; I liked the film long before I read the novel it came from."]
    r = generic.clean(dump("Weapons drop in Iraq", LEDE, PARA2, PARA3,
                           "4 Comments on “Weapons drop in Iraq”", *comments))
    assert r.paragraphs == [LEDE, PARA2, PARA3]


def test_single_ellipsis_paragraph_in_article_is_no_trailer(bare):
    quote = "“We have not seen the demonstrable improvement or anything that could be accounted for…”"
    r = bare.clean(dump("Weapons drop in Iraq", LEDE, PARA2, quote))
    assert quote in r.paragraphs


def test_menu_lines_outside_main_text_dropped_subheading_inside_kept(bare):
    r = bare.clean(dump("Weapons drop in Iraq", LEDE, PARA2, "What comes next", PARA3,
                        "About us", "Contact", "Careers", "Privacy"))
    assert r.paragraphs == [LEDE, PARA2, "What comes next", PARA3]


def test_dateline_with_date_sets_published(bare):
    r = bare.clean(dump("Iran uses proxy", f"July 2, 2007 (RFE/RL) -- {LEDE}", PARA2))
    assert r.dateline.date == "2007-07-02" and r.published == "2007-07-02"
    assert r.paragraphs[0] == LEDE


def test_dateline_like_words_inside_text_are_left_alone(bare):
    text = "NATO officials said on Monday that the talks – which began in March – would go on for weeks."
    r = bare.clean(dump("Talks go on", text, PARA2))
    assert r.dateline is None
    assert r.paragraphs[0] == text


def test_stray_closing_quote_removed_matched_quotes_kept(bare):
    r = bare.clean(dump("Talks go on", LEDE, "” Bergner said Iran’s government had done little to help.",
                        "“We are here,” he said, “and we stay.” The talks resumed on Tuesday in Geneva."))
    assert r.paragraphs[1] == "Bergner said Iran’s government had done little to help."
    assert r.paragraphs[2].startswith("“We are here,”")


def test_unicode_nfc_and_invisible_characters(bare):
    r = bare.clean(dump("Cafe\u0301 closes", "The cafe\u0301 closed on Monday after\u200b forty years, "
                                              "its owner said \u202ein a statement\u202c to the press."))
    assert r.headline == "Café closes"
    assert "\u200b" not in r.body and "\u202e" not in r.body and "café" in r.body


def test_date_line_near_headline_sets_published(bare):
    r = bare.clean(dump("Rates rise again", "Published: 12 March 2024 10:32", LEDE, PARA2))
    assert r.published == "2024-03-12T10:32"  # the time the page gives is kept
    assert "Published" not in r.body


def test_no_heuristics_setting_keeps_every_line():
    plain = Cleaner(Settings(detect_language=False, heuristics=False), packs=PackSet(site=(), generic=()))
    r = plain.clean(dump("Home", "Weapons drop in Iraq", LEDE))
    assert r.paragraphs == ["Home", "Weapons drop in Iraq", LEDE]


def test_on_an_html_page_a_trailer_run_must_be_links():
    """The same run of headline-like lines is a list of other articles when it is link text on
    the page, and the article's own (tour dates, products written out) when it is not."""
    from cleaner.blocks import Block
    from cleaner.page import Page
    from cleaner.pipeline import Context, Draft
    from cleaner.steps.trailers import drop_link_list_trailer
    lines = [LEDE, PARA2, PARA3] + [f"June {d} – West Palm Beach, FL @ Coral Sky Amphitheatre and friends" for d in range(1, 10)]
    blocks = tuple(Block(i, t) for i, t in enumerate(lines))
    run = frozenset(range(3, len(lines)))
    for links, kept in ((run, 3), (frozenset(), len(lines)), (None, 3)):
        ctx = Context(settings=Settings(), page=Page("html" if links is not None else "text", blocks, links=links))
        assert len(drop_link_list_trailer(Draft(blocks), ctx).blocks) == kept, links
