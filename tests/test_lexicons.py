from importlib import resources

import pytest

from scorer.errors import LexiconError
from scorer.lexicon import LEXICON_NAMES, pattern, terms, version


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_each_lexicon_loads_from_the_installed_package(name):
    assert resources.files("scorer.lexicons").joinpath(f"{name}.txt").is_file()
    assert version(name) >= 1
    entries = terms(name)
    assert entries and all(entry == entry.strip() for entry in entries)
    assert pattern(name).search(" ".join(entries[:1]))


def test_entries_are_folded_on_load():
    assert "محتمل" in terms("hedges")  # written "محتمل" / matched after folding
    assert "اكد" in terms("reporting_verbs")  # written "أكد"


def test_unknown_lexicon_is_an_error():
    with pytest.raises(LexiconError):
        terms("no_such_lexicon")


@pytest.mark.parametrize("name", ["hedges", "sensational", "anonymous_heads"])
def test_the_first_word_of_each_entry_matched_at_tokens_is_letters(name):
    # entry_starts: a match starts at a token only if the entry's first word is one
    assert all(entry.split()[0].isalpha() for entry in terms(name))
