"""Resolution: one pass over the rules' candidates, in rule order, that settles what depends on
the other attributions of the field and keeps each mention once."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from scorer.attribution.candidates import Attribution, Candidate, Choice, SourceKind
from scorer.attribution.view import TokenView


class FieldResolution:
    """The attributions accepted so far in one field, and what later candidates read of them:
    mentions and the tokens they cover, names given (shared across fields), whether an
    anonymous source came before, relay verbs and first triggers by sentence, credits."""

    def __init__(self, view: TokenView, known_names: set[str]) -> None:
        self.view = view
        self.known_names = known_names
        self.found: list[Attribution] = []
        self.mentions: set[tuple[int, int]] = set()
        self.covered = [False] * view.n
        self.found_anonymous = False
        self.relay_sentences: set[int] = set()
        self.first_trigger: dict[int, int] = {}
        self.credited: set[int] = set()
        self.group_depth: dict[int, int] = {}

    def accept_all(self, items: Iterable[Candidate | Choice]) -> None:
        for item in items:
            if isinstance(item, Choice):
                chosen = item.then if item.name in self.known_names else item.otherwise
                for candidate in chosen:
                    self.accept(candidate)
            else:
                self.accept(item)

    def accept(self, candidate: Candidate) -> None:
        view = self.view
        depth = self._depth(candidate)
        kind: SourceKind
        if candidate.kind == "described":
            kind = "anonymous" if self.found_anonymous else "named"
        else:
            kind = candidate.kind
        if candidate.anonymous_only and kind != "anonymous":
            return
        if candidate.unless_covered and self.covered[candidate.first]:
            return
        if candidate.credit:
            if candidate.trigger in self.credited:
                return
            self.credited.add(candidate.trigger)
        first, last = candidate.first, candidate.last
        mention = (view.starts[first], view.ends[last - 1]) if last > first else None
        if mention is not None and view.is_second_person(first):
            mention = (mention[0] + 1, mention[1])  # "والقنصل ..." without its conjunction
        if mention is not None:
            if mention in self.mentions:
                return
            self.mentions.add(mention)
            for k in range(
                bisect_left(view.starts, mention[0]), bisect_left(view.starts, mention[1])
            ):
                self.covered[k] = True
            name = view.given_name(first, last) if kind == "named" else None
            if name is not None:
                self.known_names.add(name)
        t = candidate.trigger
        trigger = (view.starts[t], view.ends[t])
        if view.in_quote(trigger[0]):
            depth += 1
        self.found.append(Attribution(view.field, kind, trigger, mention, depth, candidate.via))
        self.found_anonymous = self.found_anonymous or kind == "anonymous"
        sentence = view.sentence_of[t]
        self.first_trigger.setdefault(sentence, trigger[0])
        if candidate.via in ("verb", "svo") and view.is_relay_verb(t):
            self.relay_sentences.add(sentence)

    def _depth(self, candidate: Candidate) -> int:
        """Hops before quotation: the rule's own, plus those that depend on what came before."""
        view = self.view
        if candidate.shared_depth is not None:
            return self.group_depth[candidate.trigger] + candidate.shared_depth
        depth = candidate.depth
        if candidate.chained and view.sentence_of[candidate.trigger] in self.relay_sentences:
            depth += 1
        if candidate.inside is not None:
            first = self.first_trigger.get(view.sentence_of[candidate.inside])
            depth += int(first is not None and first < view.starts[candidate.inside])
        if candidate.heads_group:
            self.group_depth[candidate.trigger] = depth
        return depth
