"""Every vocabulary value has a plain-word label and a one-line definition, per vocabulary."""

from __future__ import annotations

import pytest

from karabakh_data.schema import TABLES
from karabakh_data.schema.vocabularies import VOCABULARIES, label, labels, vocabulary_of


def test_every_field_vocabulary_is_named_and_labelled() -> None:
    for table in TABLES.values():
        for f in table.fields:
            if f.enum:
                assert list(labels(vocabulary_of(f.enum))) == list(f.enum), f.name


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_labels_are_plain_words_and_definitions_sentences(vocabulary: str) -> None:
    for value, (text, meaning) in labels(vocabulary).items():
        assert text and "_" not in text, value
        assert meaning.endswith(".") and "\n" not in meaning, value


def test_a_value_can_mean_different_things_in_two_vocabularies() -> None:
    assert label("armenia", "AFFILIATION") == "Armenia"
    assert label("armenia", "SIDE") == "Armenia and Artsakh"
    assert labels("SOURCE_KIND")["military"] != labels("VICTIM_GROUP")["military"]


def test_an_unknown_value_or_vocabulary_is_refused() -> None:
    with pytest.raises(KeyError):
        label("not_in_any_vocabulary", "SIDE")
    with pytest.raises(KeyError):
        vocabulary_of(("a", "b"))
