"""Entities and speakers are noun phrases or empty, never a lone function word, verb, number or date (issue 13)."""

from __future__ import annotations

import pytest

from extract.readers.attribution import attribution_of
from extract.readers.claims import find_claims

# (sentence, quote, entity the fact table must hold; None: empty)
ENTITY_CASES = [
    pytest.param("The meeting in Samarkand marks the 21st summit of this organization.", "21st", None,
                 id="ends-in-a-determiner"),
    pytest.param("The stock traded around 12, down 1/8, this afternoon.", "1/8", None, id="lone-adverb"),
    pytest.param("Farmers would receive 92 pct of the deficiency payments they would have got.", "92 pct",
                 "deficiency payments", id="next-clause-pronoun-dropped"),
    pytest.param("Shares in the portal fell more than 10 per cent on Friday.", "more than 10 per cent", None,
                 id="lone-verb"),
    pytest.param("Over 1.7 million Tajikistani citizens entered Russia.", "Over 1.7 million", "Tajikistani citizens",
                 id="a-noun-phrase-is-kept"),
]


@pytest.mark.parametrize(("sentence", "quote", "entity"), ENTITY_CASES)
def test_entity_is_a_noun_phrase_or_empty(sentence: str, quote: str, entity: str | None) -> None:
    found = {claim.quantity.surface: claim.entity for claim in find_claims(sentence)}
    assert quote in found, found
    assert found[quote] == entity


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        pytest.param("The\nreport says wheat imports are likely to fall to 1.5 mln tonnes.", "The\nreport",
                     id="a-report-across-a-line-break"),
        pytest.param("The company said net income rose to 48 mln dlrs.", "The company", id="the-company"),
        pytest.param("Since July 2018, the UN Security Council has published several reports.", "UN Security Council",
                     id="a-name-keeps-its-form"),
        pytest.param("At least 43 people were killed, the United Nations said.", "United Nations", id="said-after"),
    ],
)
def test_speaker_is_a_noun_phrase(sentence: str, speaker: str) -> None:
    found = attribution_of(sentence)
    assert found is not None and found.source == speaker
    assert sentence[found.start : found.end] == speaker
