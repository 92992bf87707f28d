"""Property-based tests over the library call (hypothesis): any bytes, any text, and random
mixtures of seed lines and furniture. Run longer with HYPOTHESIS_PROFILE=long."""
from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from cleaner import Cleaner, Settings

ROOT = Path(__file__).resolve().parent.parent
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CLEANER = Cleaner(Settings(detect_language=True))
SEED_LINES = sorted({line.strip() for p in (ROOT / "seeds").glob("*.txt")
                     for line in p.read_text().splitlines() if line.strip()})
FURNITURE = ["Latest news", "READ MORE", "Share this", "Advertisement", "[ image ]", "Must read",
             "Check Also", "Join our mailing list", "© 2024 Example News. All rights reserved.",
             "Home", "Menu", "By Jane Doe", "LONDON (Reuters) -", "Donate now", "…", "...", "”", "“"]
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return set(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def invented(output: str, source: str) -> set[str]:
    """Words of the output that do not occur in the input text (a rule may cut a word that
    was glued to another, so a word counts when it occurs anywhere in the input)."""
    source = unicodedata.normalize("NFC", source).casefold()
    return {w for w in words(output) if w not in source}


def check_record(record) -> dict:
    data = record.to_dict()
    json.loads(json.dumps(data))
    assert isinstance(data["body"], str) and isinstance(data["byline"], list)
    return data


@given(st.binary(max_size=4000))
def test_any_bytes_give_a_record(data):
    check_record(CLEANER.clean(data))


@given(st.text(max_size=3000))
def test_any_text_gives_a_record(text):
    check_record(CLEANER.clean(text))


dumps = st.lists(st.sampled_from(SEED_LINES + FURNITURE), min_size=1, max_size=40).map("\n\n".join)


@given(dumps)
def test_mixtures_body_is_made_of_input_text(text):
    record = CLEANER.clean(text)
    check_record(record)
    assert not invented(record.body, text), "the body has words the input does not"
    assert not invented(record.headline or "", text)


@given(dumps)
def test_same_input_same_record(text):
    assert CLEANER.clean(text).to_dict() == CLEANER.clean(text).to_dict()


@given(dumps)
# found by the long profile: a lone headline-like line of text after the headline was taken
# for the headline when the record was cleaned again (its first line the page title)
@example("AFP: Foreign Secretary William Hague urged the European Union...\n\nIran: 60% Of Population Is Poor"
         "\n\nTop Iran leaders aware of Qods Force in Iraq: U.S.")
# ... and with text under that line: it is the headline (counted as running text for its "U.S."),
# not the line above it, which the record cleaned again put under the title
@example("AFP: Foreign Secretary William Hague urged the European Union...\n\nIran: 60% Of Population Is Poor"
         "\n\nTop Iran leaders aware of Qods Force in Iraq: U.S.\n\n\"Our intelligence reveals that senior "
         "leadership in Iran is aware of this activity,\" military spokesman Brig-Gen Kevin Bergner said in Baghdad.")
def test_clean_record_rendered_as_dump_cleans_to_itself(text):
    first = CLEANER.clean(text)
    if not first.ok or not first.headline:
        return
    again = CLEANER.clean(first.headline + "\n\n" + first.body)
    assert again.headline == first.headline
    assert again.body == first.body
