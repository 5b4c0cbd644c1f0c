"""Every vocabulary value has a plain-word label and a one-line definition."""

from __future__ import annotations

from karabakh_data.schema import TABLES
from karabakh_data.schema.vocabularies import LABELS, definition, label


def test_every_value_of_every_vocabulary_is_labelled() -> None:
    values = {v for table in TABLES.values() for f in table.fields if f.enum for v in f.enum}
    assert sorted(values - set(LABELS)) == []
    for value, (text, meaning) in LABELS.items():
        assert text and "_" not in text, value
        assert meaning.endswith(".") and "\n" not in meaning, value


def test_label_helpers() -> None:
    assert label("third_party") == "third parties" and definition("third_party")
    assert label("not_in_any_vocabulary") == "not in any vocabulary" and definition("nope") == ""
