"""The main content's second opinion: lines of trafilatura's container that it left out."""
from __future__ import annotations

import lxml.html
import pytest

from cleaner import Cleaner, Settings
from cleaner.blocks import Block
from cleaner.readers import html_container
from cleaner.vocabulary import Vocabularies

FURNITURE = Vocabularies.load().furniture
P = ["The council voted on Tuesday to close the old bridge for repairs, and work starts in May.",
     "Engineers found cracks in two of the piers last winter, the council's report says in detail.",
     "Drivers will be sent over the ring road, which adds about ten minutes to a trip into town.",
     "The ferry will run every half hour while the bridge is shut, the transport office said."]


def page(middle: str, after: str = "", before: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><body><nav><a href=/>Home</a></nav>{before}<article><h1>Old bridge to close</h1>"
        f"<div class=body><p>{P[0]}</p>{middle}<p>{P[1]}</p><p>{P[2]}</p></div>{after}</article></body></html>")


CHOSEN = [Block(0, "Old bridge to close", "h"), Block(1, P[0]), Block(2, P[1]), Block(3, P[2])]


def fill(tree, chosen):
    return html_container.fill(html_container.element_lines(tree, FURNITURE), chosen)


def texts(blocks):
    return [b.text for b in blocks]


def test_a_subheading_and_a_list_among_the_paragraphs_are_put_back_in_page_order():
    tree = page("<h2>What closes when</h2><ul><li>The footpath closes on the first of May</li>"
                "<li>The road closes on the fifteenth of May</li></ul>")
    blocks, how = fill(tree, CHOSEN)
    assert texts(blocks) == ["Old bridge to close", P[0], "What closes when", "The footpath closes on the first of May",
                             "The road closes on the fifteenth of May", P[1], P[2]]
    assert [b.kind for b in blocks][2:5] == ["h", "li", "li"]
    assert [b.index for b in blocks] == list(range(7))
    assert how == 'trafilatura and 3 lines of its container <div class="body">'


@pytest.mark.parametrize("middle", [
    "<div class=comments><p>Great news for the town, finally something is done about it.</p></div>",
    "<div class=newsCaption>The old bridge seen from the river bank at dawn</div>",
    "<figure><img src=a.jpg><figcaption>The old bridge seen from the river bank at dawn</figcaption></figure>",
    "<ul><li><a href=/a>Storm closes the coast road for a week</a></li><li><a href=/b>Mayor opens new school</a></li></ul>",
    '<div>{"layout":2,"buttonText":"Buy now","price":12}</div>',
    "<div>https://example.org/images/logo-of-the-site.png</div>",
    "<div>12 34 56 78</div>",
])
def test_furniture_links_code_and_numbers_are_not_put_back(middle):
    blocks, how = fill(page(middle), CHOSEN)
    assert texts(blocks) == texts(CHOSEN) and how is None


def test_lines_above_the_running_text_or_after_the_last_chosen_line_stay_out():
    """A byline or teaser between headline and lede, and a list of other stories after the
    article, are trafilatura's to judge."""
    tree = lxml.html.fromstring(
        f"<html><body><div class=post><h1>Old bridge to close</h1><div>By the town desk, on Monday morning</div>"
        f"<p>{P[0]}</p><p>{P[1]}</p><p>{P[2]}</p><div>Storm closes the coast road for a week, police say</div>"
        f"</div></body></html>")
    blocks, how = fill(tree, CHOSEN)
    assert texts(blocks) == texts(CHOSEN) and how is None


def test_a_carousel_repeating_its_slides_is_not_put_back():
    slide = "<div>Readers love this paper and tell their friends about it</div>"
    blocks, how = fill(page(slide * 2), CHOSEN)
    assert texts(blocks) == texts(CHOSEN)


def test_a_list_of_other_stories_that_repeats_this_one_is_not_put_back():
    """A 'latest news' list inside the article's element holds a teaser of this very story:
    the list holds a little of the chosen text, not a good part of it."""
    teasers = ("<div class=latest><ul><li>Old bridge to close " + P[0] + "</li>"
               "<li>Storm closes the coast road for a week, police say and drivers wait</li></ul></div>")
    tree = lxml.html.fromstring(
        f"<html><body><div class=main><h1>Old bridge to close</h1><p>{P[0]}</p>{teasers}<p>{P[1]}</p>"
        f"<p>{P[2]}</p><p>{P[3]}</p></div></body></html>")
    chosen = CHOSEN + [Block(4, P[3])]
    blocks, _ = fill(tree, chosen)
    assert not any("Storm" in t for t in texts(blocks))


def test_more_words_than_were_chosen_in_the_container_puts_nothing_back():
    many = "".join(f"<div>Line number {n} of a long table of opening hours and prices here</div>" for n in range(30))
    blocks, how = fill(page(many), CHOSEN)
    assert texts(blocks) == texts(CHOSEN) and how is None


def test_an_introduction_alone_chosen_widens_to_the_element_of_the_running_text():
    """trafilatura took the introduction; the guide's sections beside it hold three times more
    running text: the element holding most of the page's running text is the container."""
    steps = ["Measure the span and mark the places where the new piers will stand on the river bed.",
             "Pour the concrete in dry weather and leave it to set for at least three full weeks.",
             "Lift the deck sections into place with the floating crane, one section every morning.",
             "Test the finished bridge with loaded lorries before it opens to the public again."]
    sections = "".join(f"<section><h2>Step {n} of the work</h2><p>{steps[n]}</p>"
                       f"<p>Each step of the work is checked by an engineer from the county before step {n + 2} starts.</p>"
                       f"</section>" for n in range(4))
    tree = lxml.html.fromstring(f"<html><body><div class=guide><div class=intro><p>{P[0]}</p><p>{P[1]}</p></div>"
                                f"{sections}</div><div class=comments><p>{P[2]} I agree.</p></div></body></html>")
    blocks, how = fill(tree, [Block(0, P[0]), Block(1, P[1])])
    assert "Step 3 of the work" in texts(blocks) and steps[0] in texts(blocks)
    assert not any("I agree" in t for t in texts(blocks))
    assert how == 'trafilatura and 12 lines of the element holding the page\'s running text <div class="guide">'


def test_nothing_chosen_or_nothing_found_keeps_the_choice():
    assert fill(page(""), []) == ([], None)
    assert fill(lxml.html.fromstring("<p>x</p>"), CHOSEN)[0] == CHOSEN


def test_deep_nesting_is_walked():
    deep = lxml.html.fromstring("<html><body>" + "<div>" * 200 + f"<p>{P[0]}</p>" + "</div>" * 200 + "</body></html>")
    assert [line.text for line in html_container.element_lines(deep, FURNITURE)] == [P[0]]


def test_the_markup_vocabulary_examples_hold():
    vocabulary = Vocabularies.load()
    for example in vocabulary.markup["examples"]:
        assert bool(vocabulary.furniture.search(example["names"])) == example["furniture"], example


def test_explain_names_the_container_under_body():
    """Through the whole cleaner: a page whose main-content element is split in two keeps the
    heading between them, and --explain says where the body came from."""
    html = (f"<html><head><title>Old bridge to close</title></head><body><nav><a href=/>Home</a></nav><main>"
            f"<div class=wrap><div class=post-content><p>{P[0]}</p><p>{P[1]}</p></div>"
            f"<div class=extra-info><h2>What closes when and for how long</h2></div>"
            f"<div class=text><p>{P[2]}</p><p>{P[3]}</p></div></div></main></body></html>")
    record = Cleaner(Settings(explain=True)).clean(html)
    assert "What closes when and for how long" in record.body
    assert record.fields_from["body"] == 'trafilatura reading <main> and 1 line of its container <div class="wrap">'


GUIDE = ["Measure the span and mark the places where the new piers will stand on the river bed.",
         "Pour the concrete in dry weather and leave it to set for at least three full weeks.",
         "Lift the deck sections into place with the floating crane, one section every morning.",
         "Test the finished bridge with loaded lorries before it opens to the public again.",
         "Paint the railings before winter, since the salt on the road eats bare steel quickly.",
         "Hand the keys of the control room to the county once the last inspection is signed."]


def test_a_sliver_chosen_inside_the_element_of_the_running_text_takes_all_of_it():
    """trafilatura kept the first paragraph of one element that holds the whole guide (the
    container is that element): its other paragraphs, before or after, all come back."""
    tree = lxml.html.fromstring("<html><body><div class=entry><p>" + "</p><p>".join(GUIDE)
                                + "</p></div><div class=comments><p>" + P[2] + " I agree.</p></div></body></html>")
    blocks, how = fill(tree, [Block(0, GUIDE[0])])
    assert texts(blocks) == GUIDE
    assert how == 'trafilatura and 5 lines of the element holding the page\'s running text <div class="entry">'


def test_furniture_around_half_the_chosen_text_is_the_article_itself():
    """A page builder's wrapper named like furniture ("sidebar-layout") holds the article:
    what trafilatura chose there clears it; a real sidebar beside it stays furniture."""
    tree = lxml.html.fromstring(
        f"<html><body><div class=sidebar-layout><p>{P[0]}</p><h2>What closes when and where</h2><p>{P[1]}</p>"
        f"<p>{P[2]}</p></div><div class=sidebar><p>Storm closes the coast road for a week, police say.</p></div>"
        f"</body></html>")
    blocks, _ = fill(tree, [Block(0, P[0]), Block(1, P[1]), Block(2, P[2])])
    assert texts(blocks) == [P[0], "What closes when and where", P[1], P[2]]


def split_article(second_headline: str = "") -> lxml.html.HtmlElement:
    """An article in two chunks of the same markup, the second longer than the first."""
    first = f"<div class=chunk><div class=body><p>{P[0]}</p><p>{P[1]}</p></div></div>"
    second = f"<div class=chunk>{second_headline}<div class=body><p>" + "</p><p>".join(GUIDE) + "</p></div></div>"
    return lxml.html.fromstring(f"<html><body><main><h1>Old bridge to close</h1><div class=chunks>{first}"
                                f"<div class=ad>Advertisement</div>{second}</div></main></body></html>")


def test_one_chunk_of_a_split_article_chosen_takes_the_other_chunks():
    blocks, how = fill(split_article(), [Block(0, P[0]), Block(1, P[1])])
    assert texts(blocks) == [P[0], P[1], *GUIDE]
    assert how == 'trafilatura and 6 lines of the element holding the page\'s running text <div class="chunks">'


def test_the_next_story_of_an_endless_page_is_not_taken():
    """The same page where the second chunk is another story with its own headline."""
    tree = split_article("<h1>Storm closes the coast road</h1>")
    blocks, how = fill(tree, [Block(0, P[0]), Block(1, P[1])])
    assert texts(blocks) == [P[0], P[1]] and how is None


def test_the_next_parts_of_a_split_article_are_taken_though_they_hold_less_than_the_chosen_text():
    """Three paragraphs chosen, the article's two others in the next chunk of the same markup
    after an advertisement (too few words to widen the choice to the element of the text)."""
    first = f"<div class=chunk><div class=body><p>{P[0]}</p><p>{P[1]}</p><p>{P[2]}</p></div></div>"
    second = f"<div class=chunk><div class=body><p>{P[3]}</p><p>{GUIDE[0]}</p></div></div>"
    box = "<div class=chunk><div class=body><p>Sign up for our newsletter</p></div></div>"
    chosen = [Block(0, P[0]), Block(1, P[1]), Block(2, P[2])]

    def article(before: str = "", after: str = "", headline: str = "") -> lxml.html.HtmlElement:
        return lxml.html.fromstring(f"<html><body><main><h1>Old bridge to close</h1><div class=chunks>{before}{first}"
                                    f"<div class=ad>Advertisement</div>{headline}{after}</div></main></body></html>")

    blocks, how = fill(article(after=second), chosen)
    assert texts(blocks) == [P[0], P[1], P[2], P[3], GUIDE[0]]
    assert how == "trafilatura and 2 lines of its next parts (the same element after it)"
    # not a box of the same markup without running text, nor a part before the chosen one, nor
    # the next story of an endless page
    for tree in (article(after=box), article(before=second), article(after=second, headline="<h1>Storm closes the coast road</h1>")):
        blocks, how = fill(tree, chosen)
        assert texts(blocks) == [P[0], P[1], P[2]] and how is None


# --- the region trafilatura reads ---------------------------------------------------------

def sidebar_page(sidebar_words: int = 0) -> lxml.html.HtmlElement:
    sidebar = " ".join(["Other stories people read this week and liked a lot."] * sidebar_words)
    return lxml.html.fromstring(
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script></head><body>"
        "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
        f"<main><div class=frame><h1>Old bridge to close</h1><div class=body>{''.join(f'<p>{p}</p>' for p in P)}</div>"
        f"</div></main><div class=rail><p>{sidebar}</p></div><footer><p>All rights reserved by the town paper.</p>"
        "</footer></body></html>")


def test_the_region_is_one_level_above_the_element_holding_the_text():
    tree = sidebar_page()
    found = html_container.region(html_container.element_lines(tree, FURNITURE))
    assert found is not None and found.tag == "main"  # the frame holds headline and text; one up


def test_text_spread_over_the_page_gives_no_region():
    """A sidebar as long as the article: no element holds nearly all the text."""
    tree = sidebar_page(sidebar_words=8)
    assert html_container.region(html_container.element_lines(tree, FURNITURE)) is None


def test_trafilatura_reads_the_region_alone_and_the_page_is_whole_again_after():
    from cleaner.readers import html
    tree = sidebar_page()
    before = lxml.html.tostring(tree)
    frame = tree.find(".//div[@class='frame']")
    with html._alone(frame) as part:
        assert part.find(".//nav") is None and part.find(".//footer") is None
        assert part.find(".//main/div[@class='frame']") is frame  # moved, not copied, under its ancestors
        assert part.find("head/script").text == '{"@type": "NewsArticle"}'  # the page's JSON-LD travels
    assert lxml.html.tostring(tree) == before


def test_the_page_is_put_back_when_reading_the_region_fails():
    from cleaner.readers import html
    tree = sidebar_page()
    before = lxml.html.tostring(tree)
    with pytest.raises(RuntimeError):
        with html._alone(tree.find(".//div[@class='frame']")):
            raise RuntimeError("trafilatura failed")
    assert lxml.html.tostring(tree) == before


def test_a_page_read_in_its_region_keeps_its_article_and_leaves_the_furniture():
    record = Cleaner(Settings()).clean(lxml.html.tostring(sidebar_page()).decode())
    assert record.paragraphs == P


def test_when_trafilatura_finds_nothing_in_the_region_it_reads_the_whole_page(monkeypatch):
    from cleaner.readers import html
    extract = html._extract
    seen = []

    def nothing_in_the_region(tree, url, fast, page_chars, main=None):
        seen.append(tree.find(".//nav") is not None)  # the whole page has its <nav>; the region has none
        return extract(tree, url, fast, page_chars, main) if seen[-1] else html.Extraction([])

    monkeypatch.setattr(html, "_extract", nothing_in_the_region)
    tree = sidebar_page()
    blocks, _ = html.main_content_blocks(tree, None, lines=html_container.element_lines(tree, FURNITURE))
    assert seen == [False, True] and texts(blocks)[-4:] == P


def test_the_retry_with_fallbacks_reads_the_region_trafilatura_read(monkeypatch):
    """A fast selection of mostly short lines is tried again with trafilatura's fallback
    extractors on the same part of the page, not on the whole page."""
    from cleaner.blocks import Block
    from cleaner.readers import html
    seen = []

    def menu_then_article(tree, url, fast, page_chars, main=None):
        seen.append((fast, tree.find(".//nav") is not None, main))
        if fast:
            menu = [Block(i, f"Section {i} of the site") for i in range(200)]
            return html.Extraction(menu + [Block(200, P[0])], ("main",))
        return html.Extraction([Block(i, p) for i, p in enumerate(P)])

    monkeypatch.setattr(html, "_extract", menu_then_article)
    tree = sidebar_page()
    blocks, how = html.main_content_blocks(tree, None, lines=html_container.element_lines(tree, FURNITURE))
    # (what the fast selection's main extractor found there is handed over, not looked for again)
    assert seen == [(True, False, None), (False, False, ("main",))] and texts(blocks) == P and "fallback" in how
    assert tree.find(".//nav") is not None and len(tree.findall(".//p")) == len(P) + 2  # the page is whole again


def test_explain_names_the_region_trafilatura_read():
    record = Cleaner(Settings(explain=True)).clean(lxml.html.tostring(sidebar_page()).decode())
    assert record.fields_from["body"] == "trafilatura reading <main>"
