"""HTML input: detection, encodings, markup fields, site-pack selectors, safe parsing."""
from __future__ import annotations

import pytest

from cleaner import Cleaner, Settings, clean
from cleaner.readers import html, html_meta

PARAS = ["The council voted on Thursday to keep the library open until midnight during exams.",
         "Students had asked for longer hours after the university closed its own reading room.",
         "The extra hours will cost about 18,000 pounds, paid from the fund for community projects."]


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            f'<nav><a href="/">Home</a><a href="/news">News</a></nav><article>{body}{paras}</article>'
            f'<footer>© 2024 Example</footer></body></html>')


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(Settings(detect_language=False))


def test_detection():
    assert html.looks_like_html(page())
    assert html.looks_like_html("<div><p>a</p><p>b</p><p>c</p><a>d</a><span>e</span></div>")
    assert not html.looks_like_html("Library open late\n\nThe council voted <b>today</b>.")


def test_same_record_shape_as_text(cleaner):
    record = cleaner.clean(page("<title>Library open late | Post</title>", "<h1>Library open late</h1>"))
    assert record.headline == "Library open late"
    assert record.paragraphs == PARAS
    assert record.ok and set(record.to_dict()) >= {"headline", "dateline", "byline", "body"}


@pytest.mark.parametrize("head, body, expected", [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "From JSON-LD"}</script>', "", "From JSON-LD"),
    ('<meta property="og:title" content="From Open Graph">', "", "From Open Graph"),
    ("<title>From the title tag | Example News</title>", "", "From the title tag"),
    ('<meta property="og:title" content="Library stays open">', "<h1>Menu</h1><h1>Library stays open late</h1>",
     "Library stays open late"),
])
def test_headline_fallbacks(cleaner, head, body, expected):
    assert cleaner.clean(page(head, body)).headline == expected


def test_byline_sources(cleaner):
    jsonld = ('<script type="application/ld+json">{"@type": "Article", "author": [{"@type": "Person", '
              '"name": "Jane Doe"}, {"@type": "Organization", "name": "Example News"}]}</script>')
    assert cleaner.clean(page(jsonld)).byline == ("Jane Doe",)
    assert cleaner.clean(page('<meta name="author" content="Jane Doe, Max Mustermann">')).byline == \
        ("Jane Doe", "Max Mustermann")
    assert cleaner.clean(page(body='<p class="meta">Posted by <a rel="author">Priya Natarajan</a></p>')).byline == \
        ("Priya Natarajan",)


@pytest.mark.parametrize("author, expected", [
    ("Stephen JesudunsinAI Writer", ("Stephen Jesudunsin",)),  # a job title glued to the name
    ("Chukwuezugo AronuEditor", ("Chukwuezugo Aronu",)),
    ("Luke KimDecember 3, 2025", ("Luke Kim",)),  # the date glued to the name
    ("Keith Barry, Senior Autos Reporter", ("Keith Barry",)),  # a title is no second author
    ("Benjamin Johnson, Sr. Director of Operations", ("Benjamin Johnson",)),
    ("Haley Hoekstra •", ("Haley Hoekstra",)),
    ("Text by Hunter Dukes", ("Hunter Dukes",)),
    ("Theresa May", ("Theresa May",)),  # a month with no day or year after it is no date
    ("Benjamin Preston, Updated by Jon Linkov", ("Benjamin Preston",)),  # an editor is no author
    ("Emma Ryan | Researched by Oliver Simpson", ("Emma Ryan",)),
    ("kirstin boatto", ("kirstin boatto",)),  # metadata names the author, lowercase or not
    # negative controls: names that look a little like titles or dates stay whole
    ("April Chen and Mark DeMarco", ("April Chen", "Mark DeMarco")),
    ("Jane Writerson", ("Jane Writerson",)),
])
def test_author_markup_cleaned_to_person_names(cleaner, author, expected):
    assert cleaner.clean(page(f'<meta name="author" content="{author}">')).byline == expected


def test_first_author_box_only_comment_authors_are_no_byline(cleaner):
    body = ('<div itemprop="author"><span itemprop="name">Jane Doe</span></div>'
            '<div class="comments"><div itemprop="author"><span itemprop="name">Max Mustermann</span></div></div>')
    assert cleaner.clean(page(body=body)).byline == ("Jane Doe",)
    links = '<p>By <a rel="author" href="/a">Jane Doe</a> and <a rel="author" href="/b">Max Mustermann</a></p>'
    assert cleaner.clean(page(body=links)).byline == ("Jane Doe", "Max Mustermann")  # co-authors stay


@pytest.mark.parametrize("head, body, expected", [
    ("", '<div class="meta"><p>Written by</p><p>Edzel Tabing</p></div>', ("Edzel Tabing",)),
    ("", '<p class="page-header__meta"><span>By <a href="/p/sofia">Sofia Gomez</a></span></p>', ("Sofia Gomez",)),
    ('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jack Shepherd">', "",
     ("Jack Shepherd",)),
    ('<meta name="author" content="admin">', "", ()),  # a CMS account is nobody's name
    ("", "<p>Sort by</p><p>Newest first</p>", ()),  # a label that is no byline
])
def test_visible_byline_label_and_reading_card(cleaner, head, body, expected):
    assert cleaner.clean(page(head, body)).byline == expected


def test_lowercase_text_in_an_author_box_is_no_name(cleaner):
    assert cleaner.clean(page(body='<p class="byline">share this story</p>')).byline == ()


def test_date_and_url_and_language(cleaner):
    head = ('<link rel="canonical" href="https://news.example.org/2024/03/12/library">'
            '<meta property="article:published_time" content="2024-03-12T08:00:00Z">')
    record = cleaner.clean(page(head, lang="en-GB"))
    assert record.published == "2024-03-12T08:00:00+00:00"
    assert record.url == "https://news.example.org/2024/03/12/library"
    assert html_meta.language(html.parse_html(page(lang="de-AT"))).value == "de"


def test_declared_charset_is_used():
    text = page(body="<h1>Grève à Paris</h1>").replace('charset="utf-8"', 'charset="windows-1252"')
    record = clean(text.encode("cp1252"), settings=Settings(detect_language=False))
    assert record.headline == "Grève à Paris"



def test_text_already_decoded_is_not_decoded_again_by_its_declared_charset():
    # a str is parsed as it is: the page's <meta charset> names the bytes it came from
    text = page(body="<h1>Забастовка в Париже\x00</h1>").replace('charset="utf-8"', 'charset="windows-1251"')
    assert clean(text, settings=Settings(detect_language=False)).headline == "Забастовка в Париже"
    assert html.parse_html("<p>a\ud800b\uffffc\x0b</p>").text_content() == "abc"

def test_site_pack_selectors_prune_before_extraction(tmp_path):
    (tmp_path / "site.yaml").write_text(
        "id: example\ndescription: d\nmatch: {domains: [news.example.org]}\nrules:\n"
        "  - {id: promo, kind: remove_html, why: promo box, css: div.promo}\n"
        "  - {id: note, kind: remove_html, why: editor note, xpath: '//p[@class=\"note\"]'}\n")
    cleaner = Cleaner(Settings(rules_dir=tmp_path, detect_language=False, explain=True))
    body = ('<div class="promo"><p>Subscribe today and get three months of unlimited reading for free.</p></div>'
            '<p class="note">Editor note: this story was corrected on Friday after publication online.</p>')
    head = '<link rel="canonical" href="https://news.example.org/a">'
    record = cleaner.clean(page(head, body))
    assert record.site == "example"
    assert record.paragraphs == PARAS
    assert {r.rule for r in record.removed if r.step == "html-rules"} == {"example/promo", "example/note"}
    other = cleaner.clean(page('<link rel="canonical" href="https://elsewhere.example/a">', body))
    assert other.site is None and "Editor note" in other.body


@pytest.mark.parametrize("markup", [
    "<html><body></body></html>",
    "<html><head><script>var a = 1;</script></head><body><script>" + "x();" * 1000 + "</script></body></html>",
    "<!DOCTYPE html><html><body><nav><a>Home</a><a>News</a><a>Sport</a></nav></body></html>",
])
def test_page_without_article_is_an_error_record(cleaner, markup):
    record = cleaner.clean(markup)
    assert record.error is not None and record.error.type == "no_article"


def test_external_entities_and_dtds_are_never_resolved(cleaner, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           f'<html><body><article><p>&xxe;</p>' + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
    record = cleaner.clean(doc)
    assert "TOP-SECRET" not in record.body and "TOP-SECRET" not in repr(record)


def test_deeply_nested_markup_gives_a_record(cleaner):
    nested = "<div>" * 5000 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 5000
    record = cleaner.clean(f"<html><body>{nested}</body></html>")
    assert record.ok or record.error.type in {"no_article", "html"}


def test_menu_taken_for_the_article_is_extracted_again(monkeypatch):
    """trafilatura's fast mode sometimes returns a whole menu with the article in it; the
    extraction with its fallbacks is taken when it keeps the running text in fewer words, or
    when it is longer but mostly running text."""
    from cleaner.blocks import Block
    menu = [Block(i, f"Section {i}") for i in range(60)]
    article = [Block(0, PARAS[0]), Block(1, PARAS[1])]
    calls = []

    def fake(tree, url, fast, page_chars, main=None):
        calls.append(fast)
        return html.Extraction(menu + article if fast else article)
    monkeypatch.setattr(html, "_extract", fake)
    assert html.main_content_blocks(None, None)[0] == article and calls == [True, False]

    calls.clear()  # the article found again is longer than the menu, and mostly running text: taken
    long_article = [Block(i, PARAS[i % len(PARAS)]) for i in range(12)]
    monkeypatch.setattr(html, "_extract", lambda tree, url, fast, page_chars, main=None: calls.append(fast) or
                        html.Extraction(menu + article[:1] if fast else long_article))
    assert html.main_content_blocks(None, None)[0] == long_article and calls == [True, False]

    calls.clear()  # found again, but mostly short lines too: the fast result stays
    monkeypatch.setattr(html, "_extract", lambda tree, url, fast, page_chars, main=None: calls.append(fast) or
                        html.Extraction(menu + article[:1] if fast else menu * 2 + article))
    assert html.main_content_blocks(None, None)[0] == menu + article[:1] and calls == [True, False]

    calls.clear()  # mostly running text already: no second extraction
    monkeypatch.setattr(html, "_extract", lambda tree, url, fast, page_chars, main=None: calls.append(fast) or
                        html.Extraction(article + menu[:2]))
    assert len(html.main_content_blocks(None, None)[0]) == 4 and calls == [True]

    calls.clear()  # no running text at all (a list page): nothing to judge by, fast result kept
    monkeypatch.setattr(html, "_extract", lambda tree, url, fast, page_chars, main=None: calls.append(fast) or
                        html.Extraction(menu if fast else article))
    assert html.main_content_blocks(None, None)[0] == menu and calls == [True]


def test_repeated_table_lines_in_page_content_stay(cleaner):
    menus = "".join(f"<h2>Plan {p}</h2><p>Eat 1–2 hours after your workout</p><p>{PARAS[i]}</p>"
                    for i, p in enumerate("ABC"))
    record = cleaner.clean(page("<title>Meal plans</title>", f"<h1>Meal plans</h1>{menus}"))
    assert record.paragraphs.count("Eat 1–2 hours after your workout") == 3


@pytest.mark.parametrize("raw, names", [
    ("BySummer Swann-June", ["Summer Swann"]),            # label and date glued to the name
    ("Written byJordanna Campbell", ["Jordanna Campbell"]),
    ("FlowGuard EMEA\n on", ["FlowGuard EMEA"]),           # a second line of markup
    ("Dec. 2025 · Niko Matsakis", ["Niko Matsakis"]),
    ("August", []), ("Sat", []),                          # a date taken for a name
    ("Maria & May Lee", ["Maria", "May Lee"]),             # names that start like months stay
    ("Byron Katie", ["Byron Katie"]), ("42 Maple Social", ["42 Maple Social"]),
])
def test_author_names_are_cleaned(raw, names):
    assert html_meta.clean_names(raw) == names


def test_heading_with_a_posted_on_line_and_an_entity_keeps_its_title(cleaner):
    heading = "<h1>Library open late &amp;#x26; longer\n<span>Posted on July 1, 2024 by</span></h1>"
    record = cleaner.clean(page("<title>Library open late & longer | Post</title>", heading))
    assert record.headline == "Library open late & longer"


def test_copyright_line_of_the_footer(cleaner):
    assert cleaner.clean(page()).copyright == "© 2024 Example"
    footer = ('<div class="site-footer"><p><span>©</span> 2024 <a href="/">Example News</a> | '
              '<a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></div>')
    record = cleaner.clean(page().replace("<footer>© 2024 Example</footer>", footer))
    assert record.copyright == "© 2024 Example News"
    # "copyright" in the article, and no footer: no copyright line
    story = page(body="<p>Copyright law was changed in 2023, the minister said on Thursday evening.</p>")
    assert cleaner.clean(story.replace("<footer>© 2024 Example</footer>", "")).copyright is None


# --- a second reading of the page's own text where the main content came out short ------------

LONG = [f"On {day}, {p[0].lower()}{p[1:]}" for day in ("Monday", "Tuesday", "Wednesday") for p in PARAS]


def test_article_the_main_content_selection_discards_is_read_from_the_page_text():
    # trafilatura's fast selection drops a container it takes for comments: nothing is left
    body = "".join(f"<p>{p}</p>" for p in LONG)
    doc = (f"<html><head><title>Library opens late</title><meta name='author' content='Ada Quill'></head>"
           f"<body><nav><a href='/'>Home</a></nav><h1>Library opens late</h1><div class='comments'>{body}</div>"
           f"<footer>© 2024 Example</footer></body></html>")
    record = Cleaner(Settings(detect_language=False, explain=True)).clean(doc)
    assert record.ok and record.paragraphs == LONG
    assert record.headline == "Library opens late" and record.byline == ("Ada Quill",)  # the markup still counts
    assert record.fields_from["body"].startswith("the page's own text")


def test_short_article_stays_when_the_page_text_adds_only_furniture(cleaner):
    # a short article beside long menus: the second reading finds no more running text
    menus = "".join(f"<ul>{''.join(f'<li><a href=/s{i}{j}>Section {i} {j}</a></li>' for j in range(30))}</ul>"
                    for i in range(5))
    doc = page(body="") .replace("<nav>", f"<nav>{menus}")
    record = Cleaner(Settings(detect_language=False, explain=True)).clean(doc)
    assert record.paragraphs == PARAS
    assert record.fields_from["body"] == "trafilatura reading <article>"  # no second reading
