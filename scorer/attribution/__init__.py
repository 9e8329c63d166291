"""Find attributions, the shared unit of the sourcing signals (SIGNALS.md, attribution).

An attribution is a place where the text says who a piece of information comes from. Rules,
each a function over a read-only ``TokenView`` of a field's matching form, return candidates:

- ``rules.verbs``: a reporting verb and its subject noun phrase ("قال الوزير", "كشفت مصادر
  مطلعة"), or the subject that opens its clause ("أن اللجنة الدولية أفادت"); a verb with no
  explicit subject ("وبيّن أن") is an *implicit* attribution; a relay ("نقل موقع X عن مصدر Y":
  Y is one hop further away); an outlet the source spoke to ("قال ... لرويترز");
- ``rules.prepositions``: "بحسب المصدر", "وفقاً للمصدر", "منسوب إلى";
- ``rules.subject_first``: an anonymous noun phrase before its verb ("العديد من الصحف نشرت");
- ``rules.headlines``: "مصدر رئاسي: ..." and a short headline "SOURCE يؤكد ...";
- ``rules.credits``: an agency dateline ("القاهرة - أ ش أ"), "متابعات"/"وكالات", a closing
  outlet line, and credits anywhere on a scraped page ("/ وكالات", "(رويترز)");
- ``rules.governing``: an implicit attribution whose subject heads the sentence.

One resolution step (``resolve.FieldResolution``) takes the candidates in that order and
settles what depends on the others: a described person after an anonymous source, hops of a
relayed sentence, mentions already taken. Each attribution records its source mention (if
explicit), whether it is named or anonymous, and its relay depth.
"""

from __future__ import annotations

from itertools import chain

from scorer.attribution.candidates import Attribution, SourceKind
from scorer.attribution.resolve import FieldResolution
from scorer.attribution.rules.credits import credits, inline_credits
from scorer.attribution.rules.governing import governing_subjects
from scorer.attribution.rules.headlines import headlines
from scorer.attribution.rules.prepositions import prepositions
from scorer.attribution.rules.subject_first import anonymous_before_verb
from scorer.attribution.rules.verbs import verbs
from scorer.attribution.view import TokenView
from scorer.attribution.words import reporting_forms
from scorer.fields import Field

__all__ = ["Attribution", "SourceKind", "find_attributions", "reporting_forms"]


def find_attributions(title: Field, body: Field) -> tuple[Attribution, ...]:
    """Every attribution in the title and the body, in text order per field."""
    known_names: set[str] = set()  # names given so far, title first
    found: list[Attribution] = []
    for field in (title, body):
        view = TokenView(field)
        resolution = FieldResolution(view, known_names)
        resolution.accept_all(
            chain(headlines(view), verbs(view), prepositions(view), anonymous_before_verb(view))
        )
        if field.name == "body":
            resolution.accept_all(credits(view, list(resolution.covered)))
            resolution.accept_all(inline_credits(view, list(resolution.covered)))
        snapshot = tuple(resolution.found)
        resolution.accept_all(governing_subjects(view, snapshot, frozenset(known_names)))
        found.extend(sorted(resolution.found, key=lambda a: a.trigger))
    return tuple(found)
