"""The resolution step: what depends on the other attributions of a field."""

from helpers import body_view

from scorer.attribution.candidates import Candidate, Choice
from scorer.attribution.resolve import FieldResolution

BODY = "قال مصدر مطلع إن المسؤول نقل عن الوزير أن القرار صدر."
#        0   1    2   3  4      5   6   7      8  9     10  11


def _resolution() -> FieldResolution:
    return FieldResolution(body_view(BODY), set())


def test_a_described_person_is_anonymous_after_an_anonymous_source_named_before():
    first = _resolution()
    first.accept(Candidate("described", 5, 4, 5, "verb"))
    assert first.found[0].kind == "named"
    second = _resolution()
    second.accept(Candidate("anonymous", 0, 1, 3, "verb"))
    second.accept(Candidate("described", 5, 4, 5, "verb"))
    assert [a.kind for a in second.found] == ["anonymous", "anonymous"]


def test_each_mention_once_and_covered_tokens_drop_what_asks_so():
    resolution = _resolution()
    resolution.accept(Candidate("anonymous", 0, 1, 3, "verb"))
    resolution.accept(Candidate("anonymous", 0, 1, 3, "preposition"))  # same mention
    resolution.accept(Candidate("anonymous", 0, 2, 3, "svo", unless_covered=True))
    assert [a.via for a in resolution.found] == ["verb"]


def test_relay_chains_and_group_depth():
    resolution = _resolution()
    resolution.accept(Candidate("named", 5, 4, 5, "verb", heads_group=True))  # "نقل": relay verb
    resolution.accept(Candidate("named", 5, 7, 8, "relay", shared_depth=1))
    resolution.accept(Candidate("named", 9, 10, 11, "verb", chained=True))  # same sentence
    assert [a.depth for a in resolution.found] == [1, 2, 2]


def test_one_credit_per_token_and_choices_by_known_names():
    resolution = _resolution()
    resolution.accept(Candidate("named", 7, 7, 8, "credit", credit=True))
    resolution.accept(Candidate("named", 7, 6, 8, "credit", credit=True))
    assert len(resolution.found) == 1
    then, otherwise = (Candidate("named", 9, 10, 11, "clause"),), ()
    resolution.accept_all([Choice("قرار", then, otherwise)])
    assert len(resolution.found) == 1  # "قرار" is no name given so far
    resolution.known_names.add("قرار")
    resolution.accept_all([Choice("قرار", then, otherwise)])
    assert [a.via for a in resolution.found] == ["credit", "clause"]
