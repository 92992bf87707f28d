"""Rule packs: validation errors name file, line, rule and field; every rule kind works."""
from __future__ import annotations

import textwrap

import pytest

from cleaner import Cleaner, RulePackError, Settings
from cleaner.rulepack import load_packs, parse_pack

LEDE = "The U.S. military said on Sunday there had been a dramatic drop in weapons smuggled into Iraq."
PARA2 = "Washington has accused Tehran of supplying militias with weapons, officials said on Monday."


def pack(body: str) -> str:
    return textwrap.dedent(body).lstrip()


def write_rules(tmp_path, **files) -> Cleaner:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(pack(text))
    return Cleaner(Settings(rules_dir=tmp_path, detect_language=False))


def test_missing_why_is_named(tmp_path):
    text = pack("""
        id: demo
        description: demo
        generic: true
        rules:
          - id: ok-rule
            kind: drop
            why: fine
            text: Home
          - id: no-why
            kind: drop
            text: Menu
    """)
    with pytest.raises(RulePackError) as err:
        parse_pack(text, "rules/demo.yaml")
    message = str(err.value)
    assert "rules/demo.yaml:9" in message and "no-why" in message and "why" in message


def test_bad_regex_is_refused_with_reason(tmp_path):
    text = pack("""
        id: demo
        description: demo
        generic: true
        rules:
          - id: backref
            kind: drop
            why: back-references cannot run in linear time
            pattern: (a)\\1
    """)
    with pytest.raises(RulePackError, match=r"backref.*pattern.*linear-time"):
        parse_pack(text, "demo.yaml")


def test_catastrophic_pattern_runs_in_linear_time():
    text = pack("""
        id: demo
        description: demo
        generic: true
        rules:
          - id: nested
            kind: drop
            why: nested quantifiers, harmless on RE2
            pattern: (a+)+$
    """)
    rule = parse_pack(text, "demo.yaml").line_rules
    assert rule.find("a" * 50_000 + "!") is None  # returns at once on RE2


@pytest.mark.parametrize("body, needle", [
    ("id: demo\ndescription: d\nrules: []\n", "match"),                      # site pack without matcher
    ("id: Demo!\ndescription: d\ngeneric: true\nrules: []\n", "id"),         # bad id
    ("id: demo\ndescription: d\ngeneric: true\nrules: []\nextra: 1\n", "extra"),  # unknown key
    ("id: demo\ndescription: d\ngeneric: true\nrules:\n  - id: a\n    kind: explode\n    why: x y z\n    text: a\n", "kind"),
    ("id: demo\ndescription: d\ngeneric: true\nrules:\n  - id: a\n    kind: drop\n    why: xyz\n    text: a\n"
     "  - id: a\n    kind: drop\n    why: xyz\n    text: b\n", "duplicate"),
    ("- just\n- a list\n", "mapping"),
    ("id: [unclosed\n", "YAML"),
    ("id: demo\ndescription: &d d\ngeneric: true\nrules: []\n", r"demo\.yaml:2: YAML anchors and aliases"),
    ("id: demo\ndescription: d\ngeneric: true\nrules:\n  - {id: a, kind: remove_html, why: xyz, css: 'p:nope'}\n",
     r"demo\.yaml:5: rule 'a': field 'css': not a valid CSS selector"),
])
def test_invalid_packs_are_refused(body, needle):
    with pytest.raises(RulePackError, match=needle):
        parse_pack(body, "demo.yaml")


def test_named_groups_in_patterns_do_not_confuse_the_matcher():
    """RE2 accepts two groups of one name: a rule's own ``(?P<r1>...)`` must not shadow the
    name the joined alternation gives the second rule."""
    text = pack("""
        id: demo
        description: demo
        generic: true
        rules:
          - {id: promo, kind: drop, why: promo line, pattern: "(?i)subscribe (?P<r1>now|today)"}
          - {id: more, kind: cut_from, why: trailer, pattern: "More (stories|news)"}
          - {id: ad, kind: drop, why: ad label, pattern: "Advert(isement)?"}
    """)
    matcher = parse_pack(text, "demo.yaml").line_rules
    assert [matcher.find(t).id for t in ("Subscribe now", "More news", "Advert")] == ["promo", "more", "ad"]


def test_duplicate_pack_ids_across_files(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text("id: same\ndescription: d\ngeneric: true\nrules: []\n")
    with pytest.raises(RulePackError, match="also used by"):
        load_packs(tmp_path)


def test_site_pack_matches_by_signature_and_domain(tmp_path):
    cleaner = write_rules(tmp_path, demo="""
        id: demo-site
        description: demo
        match: {domains: [example.com], signatures: ["Demo Site Footer"]}
        fields: {language: de, agency: DPA}
        rules: []
    """)
    by_sig = cleaner.clean(f"Headline here now\n\n{LEDE}\n\nDemo Site Footer")
    by_url = cleaner.clean(f"Headline here now\n\n{LEDE}", url="https://www.example.com/a/b")
    other = cleaner.clean(f"Headline here now\n\n{LEDE}", url="https://example.org/")
    assert by_sig.site == by_url.site == "demo-site" and other.site is None
    assert by_url.language == "de" and by_url.agency == "DPA"


def test_every_rule_kind(tmp_path):
    cleaner = write_rules(tmp_path, demo="""
        id: demo
        description: demo
        generic: true
        rules:
          - {id: crumb, kind: strip_prefix, why: breadcrumb, pattern: "Home › World › "}
          - {id: tail, kind: strip_suffix, why: share suffix, pattern: " \\\\| Share"}
          - {id: ad, kind: drop, why: ad label, text: Advertisement}
          - {id: promo, kind: drop, why: promo, pattern: "(?i)subscribe.*"}
          - {id: start, kind: cut_before, why: article starts after this, text: "Article text"}
          - {id: end, kind: cut_from, why: trailer, text: "More stories"}
          - {id: rights, kind: extract, field: copyright, why: footer, pattern: "© .*"}
    """)
    r = cleaner.clean("\n\n".join([
        "Home › World › Storm closes schools", "Navigation junk", "Article text",
        f"{LEDE} | Share", "Advertisement", "SUBSCRIBE NOW", PARA2, "© 2024 Demo", "More stories",
        "Other story headline", PARA2.replace("Monday", "Friday")]))
    assert r.headline == "Storm closes schools"
    assert r.paragraphs == [LEDE, PARA2]
    assert r.copyright == "© 2024 Demo"


def test_bad_pack_stops_the_cleaner_before_any_document(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ndescription: d\ngeneric: true\nrules:\n  - id: x\n")
    with pytest.raises(RulePackError, match="bad.yaml"):
        Cleaner(Settings(rules_dir=tmp_path))


DROP_BLOCK_PACK = """id: gazette
description: a site with a related-articles box in the middle of its articles
match: {signatures: ["Harbour Gazette"]}
rules:
  - id: related-box
    kind: drop_block
    why: a label and the headlines of other stories under it, inside the article
    text: Related articles
    examples: {removes: ["Related articles"], keeps: ["Related articles were read widely."]}
  - id: more-box
    kind: drop_block
    why: a box of links that ends at its 'All stories' link
    text: More from us
    until: "(?i)all stories"
    examples: {removes: ["More from us"]}
  - id: date-line
    kind: extract
    field: published
    why: the site prints its date line as PUBLISHED
    pattern: "PUBLISHED: .*"
    examples: {removes: ["PUBLISHED: 10:48, Tue, Nov 19, 2019"]}
  - id: author-line
    kind: extract
    field: byline
    why: the site prints its authors as Text
    pattern: "Text: .*"
    examples: {removes: ["Text: Jane Doe"]}
"""


def test_drop_block_and_extract_into_published_and_byline(tmp_path):
    (tmp_path / "gazette.yaml").write_text(DROP_BLOCK_PACK)
    cleaner = Cleaner(Settings(rules_dir=tmp_path, explain=True))
    lede = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
    more = "Work on the quay starts in the spring and should end next year, the engineers said on Tuesday."
    text = "\n\n".join(["Harbour plan agreed", "Harbour Gazette", "PUBLISHED: 10:48, Tue, Nov 19, 2019",
                       "Text: Jane Doe and Max Mustermann", lede, "Related articles", "Ferry strike ends",
                       "New bridge opens", "Council budget approved", more, "More from us", "Weather",
                       "Sport", "All stories", "The mayor thanked the residents for their patience, she said."])
    record = cleaner.clean(text)
    assert record.published.startswith("2019-11-19") and record.byline == ("Jane Doe", "Max Mustermann")
    assert record.fields_from["published"] == "rule gazette/date-line"
    assert record.paragraphs[:2] == [lede, more]
    dropped = [r.text for r in record.removed if r.rule == "gazette/related-box"]
    assert dropped == ["Related articles", "Ferry strike ends", "New bridge opens", "Council budget approved"]
    assert [r.text for r in record.removed if r.rule == "gazette/more-box"] == ["More from us", "Weather", "Sport"]


def test_until_only_with_drop_block(tmp_path):
    (tmp_path / "p.yaml").write_text("id: p\ndescription: d\ngeneric: true\nrules:\n"
                                     "  - {id: x, kind: drop, why: furniture, text: Home, until: Menu}\n")
    with pytest.raises(RulePackError, match="p.yaml"):
        Cleaner(Settings(rules_dir=tmp_path))
