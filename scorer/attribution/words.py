"""The vocabulary the attribution rules share: lexicons by role, clitics, fixed sizes."""

from __future__ import annotations

from functools import cache

from scorer.clitics import CONJUNCTIONS, PROCLITICS, with_source_clitics
from scorer.lexicon import entry_starts, term_set, terms

SENTENCE_END = frozenset(".!?\n…;")
NP_BREAK = frozenset(",.:?!;()[]-–—…\n")
ASIDE_CLOSERS = frozenset('-–—)"')
DASHES = frozenset("-–—")
ASIDE_MARKS = DASHES | {","}  # a comma or dash aside between a verb's source and content
ASIDE_MAX_TOKENS = 25
AFTER_ASIDE_WINDOW = 1  # the content at once: "، على أن", "، إلى أن", "، أن"
CREDIT_SEPARATORS = frozenset("/-–—:(+")
CLOSING_BRACKETS = frozenset({")"})
LINE_BREAKS = frozenset({"\n", "|"})  # a line, and a segment of a run-together page line
TO = frozenset({"الي"})
BETWEEN = frozenset({"بين", "بينت"})  # "بين X وبين Y" is "between" unless an أن clause follows
PRIVATE_TO_PUBLISHER = frozenset({"خاص", "خاصه"})
DETERMINERS = frozenset({"ذات", "نفس"})
BYLINE_CREDITS = frozenset({"متابعات", "وكالات"})
KANA = frozenset({"كان", "كانت"})  # "كانت X ، تناقلت": X is the subject of the verb after it
IMPERSONAL = frozenset({"يذكر", "يشار"})  # "يذكر أن ...": a stock phrase, no source
THAT = frozenset({"ان", "بان"})
IN_ACCORDANCE = frozenset({"وفق"})  # without alef, mostly "in accordance with"
INDEFINITE_LINKS = frozenset({"باسم", "في", "من", "لدي"})  # "متحدث باسم الجيش" is not named
NISBA_MIN_LETTERS = 4
NP_MAX_TOKENS = 10
MODIFIER_MAX_TOKENS = 5
WEAK_VERB_WINDOW = 10
HEADLINE_MAX_WORDS = 15
HEADLINE_MIN_WORDS = 3  # before " - Outlet" on a run-together page line
SVO_MAX_SUBJECT = 4
CREDIT_LINES = 3
CLOSING_CREDIT_MAX_WORDS = 3
CREDIT_NAMES = 3
CREDIT_LINE_MAX_WORDS = 12


@cache
def that_markers() -> frozenset[str]:
    """Words that open an أن/إن clause."""
    return term_set("that_markers")


@cache
def clause_markers() -> frozenset[str]:
    """What opens reported content: an أن/إن clause, a colon, a quotation mark."""
    return that_markers() | {":", '"'}


@cache
def reporting_forms() -> dict[str, tuple[str, bool | None]]:
    """Every surface form of a reporting verb or participle, with and without و/ف, mapped to
    ``(form, needs_content)``; ``needs_content`` is None for participles."""
    lexicons = (
        ("reporting_participles", None),
        ("reporting_verbs_weak", True),
        ("reporting_verbs", False),
    )
    table: dict[str, tuple[str, bool | None]] = {}
    for name, needs_content in lexicons:
        table.update((form, (form, needs_content)) for form in terms(name))
    for name, needs_content in lexicons:
        for form in terms(name):
            for conjunction in CONJUNCTIONS:
                table.setdefault(conjunction + form, (form, needs_content))
    return table


@cache
def reporting_words() -> frozenset[str]:
    """The keys of ``reporting_forms`` as a set (to test a whole text against at once)."""
    return frozenset(reporting_forms())


@cache
def agency_words() -> dict[str, list[tuple[str, ...]]]:
    """Agency names as word tuples, by first word, longest first."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for agency in sorted(terms("agencies"), key=len, reverse=True):
        words = tuple(agency.split())
        names.setdefault(words[0], []).append(words)
    return names


@cache
def agency_max_words() -> int:
    """The most words an agency name has ("أ ش أ": 3)."""
    return max(len(words) for names in agency_words().values() for words in names)


@cache
def preposition_phrases() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Source prepositions by first word; a trailing "ل" means the next word carries it."""
    phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for phrase in sorted(terms("source_prepositions"), key=len, reverse=True):
        words = tuple(phrase.split())
        wants_lam = words[-1] == "ل"
        if wants_lam:
            words = words[:-1]
        phrases.setdefault(words[0], []).append((words, wants_lam))
    return phrases


@cache
def phrase_starts() -> frozenset[str]:
    """The tokens a source preposition can start at: its first word, alone or after و/ف."""
    firsts = preposition_phrases().keys()
    return frozenset(firsts) | {
        conjunction + word for conjunction in CONJUNCTIONS for word in firsts
    }


@cache
def interview_forms() -> frozenset[str]:
    """The interview nouns ("مداخلة") alone and with the clitics ``bare`` strips."""
    return with_source_clitics(term_set("interview_nouns"))


@cache
def anonymous_head_starts() -> frozenset[str]:
    """The tokens an anonymous head can start at: its first word after any proclitic the head
    pattern allows (the pattern is tried there only, not at every letter of the text)."""
    return entry_starts("anonymous_heads", tuple(sorted(PROCLITICS)))


@cache
def credit_words() -> frozenset[str]:
    """Words an inline credit can start with ("وكالات", "للانباء")."""
    return BYLINE_CREDITS | {"للانباء", "المصدر"}


@cache
def indexed_vocabularies() -> tuple[frozenset[str], ...]:
    """The word sets whose tokens every view finds, all in one pass over its tokens."""
    return (
        reporting_words(),
        LINE_BREAKS,
        phrase_starts(),
        anonymous_head_starts(),
        credit_words(),
        CREDIT_SEPARATORS,
        CLOSING_BRACKETS,
        interview_forms(),
    )


@cache
def vocabulary_index() -> dict[str, tuple[int, ...]]:
    """Each word of ``indexed_vocabularies`` and the numbers of the sets it is in."""
    index: dict[str, list[int]] = {}
    for number, vocabulary in enumerate(indexed_vocabularies()):
        for word in vocabulary:
            index.setdefault(word, []).append(number)
    return {word: tuple(numbers) for word, numbers in index.items()}


@cache
def vocabulary_numbers() -> dict[frozenset[str], int]:
    """The number of each indexed word set."""
    return {vocabulary: number for number, vocabulary in enumerate(indexed_vocabularies())}
