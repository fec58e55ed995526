"""No casualty fact of the whole ECB+ corpus comes from an address, a phone number, a counter, a calibre, an age, a
time of day or a case number (issue 14; the detectors are the benchmark's, written apart from the extractor's rules).

The corpus is read from ../shared/corpora (never committed); the module skips when it is absent. The whole of
Reuters-21578 is left to `python -m bench.casualty_never_counts` (it takes minutes).
"""

from __future__ import annotations

from collections import Counter

from bench.casualty_never_counts import DETECTORS, _items, _rows, kinds_of
from bench.score_news_gold import FILES
from tests.helpers import shared_path


def test_the_detectors_fire_on_what_they_name() -> None:
    cases = [
        ("Police Chief Scott Russell, 46, was injured.", "46", ["age"]),
        ("Anyone with information should call 555 0142 now.", "555", ["phone"]),
        ("He was shot with a .38-caliber handgun.", "38", ["calibre"]),
        ("Photo 3 of 24: the scene of the crash.", "3", ["counter"]),
        ("Three people were killed on Friday.", "Three", []),
    ]
    for sentence, figure, kinds in cases:
        at = sentence.index(figure)
        assert kinds_of(sentence, at, at + len(figure)) == kinds, sentence


def test_no_casualty_fact_of_ecbplus_is_an_address_phone_counter_calibre_age_time_or_case_number() -> None:
    shared_path("corpora", *FILES["ecbplus"][0].split("/"))
    tally: Counter[str] = Counter()
    shown: list[str] = []
    for item in _items("ecbplus", None):
        for _, quote, sentence, kinds in _rows(item):
            tally["facts"] += 1
            for kind in kinds:
                tally[kind] += 1
                shown.append(f"{kind}: {quote!r} in {sentence[:120]!r}")
    assert tally["facts"] > 300
    assert not any(tally[kind] for kind in DETECTORS), shown
