"""An implicit attribution governed by the subject that opens its sentence: "أشاد الوكيل ...
مطالباً بـ" (the participle's source is the person named before it)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from scorer.attribution.candidates import Attribution, Candidate
from scorer.attribution.view import TokenView
from scorer.clitics import bare, strip_conjunction


def governing_subjects(
    view: TokenView, found: Sequence[Attribution], known_names: frozenset[str]
) -> Iterator[Candidate]:
    """For each implicit attribution in a sentence without an explicit source, the nearest
    title or name given before that can be its subject: ``known_names``, and the names this
    rule's own named subjects give as it goes."""
    names = set(known_names)
    anonymous_before = any(attribution.kind == "anonymous" for attribution in found)
    explicit_sentences = set()
    for attribution in found:
        if attribution.kind in ("named", "anonymous"):
            k = view.token_at(attribution.trigger[0])
            if k is not None:
                explicit_sentences.add(view.sentence_of[k])
    # sentence -> (names known, token, subject before it) of its last scan
    scans: dict[int, tuple[int, int, int | None]] = {}
    for attribution in found:
        if attribution.kind != "implicit":
            continue
        k = view.token_at(attribution.trigger[0])
        if k is None or view.sentence_of[k] in explicit_sentences:
            continue
        subject = _subject_before(view, k, names, scans)
        if subject is None:
            continue
        end = view.parse_np(subject)
        kind = view.classify(subject, end)
        if kind != "implicit":
            explicit_sentences.add(view.sentence_of[k])
            yield Candidate(kind, subject, subject, end, "subject")
            if kind == "described":  # as resolution will settle it
                kind = "anonymous" if anonymous_before else "named"
            anonymous_before = anonymous_before or kind == "anonymous"
            name = view.given_name(subject, end) if kind == "named" else None
            if name is not None:
                names.add(name)


def _subject_before(
    view: TokenView, k: int, names: set[str], scans: dict[int, tuple[int, int, int | None]]
) -> int | None:
    """The nearest token before ``k`` in its sentence that can be its subject; the scan of a
    sentence resumes where the last one stopped (linear time) while no name was added."""
    sentence = view.sentence_of[k]
    scanned = scans.get(sentence)
    if scanned is not None and scanned[0] == len(names) and scanned[1] <= k:
        found = scanned[2]
        for j in range(scanned[1], k):
            if _can_be_subject(view, j, names):
                found = j
    else:
        found = None
        for j in range(k - 1, 0, -1):
            if view.sentence_of[j] != sentence:
                break
            if _can_be_subject(view, j, names):
                found = j
                break
    scans[sentence] = (len(names), k, found)
    return found


def _can_be_subject(view: TokenView, j: int, names: set[str]) -> bool:
    """Token j is a title or a known name, not after a conjunction, a stopword, a non-word or a
    definite word (the quick tests first)."""
    word = view.text(j)
    if word.startswith("و"):
        return False
    previous = view.text(j - 1)
    if not view.is_word[j - 1] or previous in view.stopwords or previous.startswith("ال"):
        return False
    head = strip_conjunction(word, view.titles) or word
    return head in view.titles or bare(word) in names
