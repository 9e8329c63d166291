"""A read-only view of one field's tokens with the questions every attribution rule asks.

Built once per field; nothing in it changes after construction, so the rules that read it are
pure functions of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import accumulate, compress, islice
from typing import Literal

from scorer.attribution.words import (
    AFTER_ASIDE_WINDOW,
    ASIDE_CLOSERS,
    ASIDE_MARKS,
    ASIDE_MAX_TOKENS,
    BETWEEN,
    DASHES,
    DETERMINERS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_WORDS,
    INDEFINITE_LINKS,
    KANA,
    LINE_BREAKS,
    MODIFIER_MAX_TOKENS,
    NISBA_MIN_LETTERS,
    NP_BREAK,
    NP_MAX_TOKENS,
    PRIVATE_TO_PUBLISHER,
    SENTENCE_END,
    THAT,
    TO,
    WEAK_VERB_WINDOW,
    agency_words,
    clause_markers,
    indexed_vocabularies,
    interview_forms,
    reporting_forms,
    reporting_words,
    that_markers,
    vocabulary_index,
    vocabulary_numbers,
)
from scorer.clitics import PRONOUN_SUFFIXES, bare, strip_conjunction
from scorer.fields import Field, in_ranges
from scorer.lexicon import entry_starts, term_set

# "described": a definite described person ("المسؤول"), anonymous when it refers back to an
# anonymous source given before it, named otherwise; resolution decides.
PhraseKind = Literal["named", "anonymous", "implicit", "described"]


class TokenView:
    """The tokens of one field and what they are: words, verbs, sentences, quotes, lexicons."""

    def __init__(self, field: Field) -> None:
        self.field = field
        self.words: Sequence[str] = field.words
        self.starts: Sequence[int] = field.starts
        self.ends: Sequence[int] = field.ends
        self.n = len(self.words)
        self._indexed = self._index_vocabularies()
        self.is_word = field.is_word
        self.stopwords = term_set("np_stopwords")
        self.titles = term_set("titles")
        self.outlets = term_set("outlet_nouns")
        self.agencies = term_set("agencies")
        self.anonymous = term_set("anonymous_heads")
        self.non_sources = term_set("non_source_nouns")
        self.interview_nouns = term_set("interview_nouns")
        self.relay_verbs = term_set("relay_verbs")
        # The per-token tables are built with map/compress/accumulate, not a Python loop a token.
        # sentence_of[k]: how many sentence ends come before token k
        self.sentence_of = list(accumulate(map(SENTENCE_END.__contains__, self.words), initial=0))
        self.quote_starts = [start for start, _ in field.quotes]
        self.quote_end = dict(field.quotes)
        table = reporting_forms()
        # the tokens that are reporting verbs or participles, in order (where the verb rule looks)
        self.reporting = self.tokens_in(reporting_words())
        self.verb_at: list[tuple[str, bool] | None] = [None] * self.n
        self.participle_at = [False] * self.n
        for k in self.reporting:
            entry = table[self.words[k]]
            if entry[1] is None:
                self.participle_at[k] = True
            else:
                self.verb_at[k] = entry
        self.lines = self._lines()
        self.segments = (
            [*self._headline_split(*self.lines[0]), *self.lines[1:]] if self.lines else []
        )

    def word_tokens(self, first: int, last: int) -> list[int]:
        """The word tokens among tokens ``first`` to ``last`` (excluded)."""
        return list(compress(range(first, last), self.is_word[first:last]))

    def tokens_in(self, vocabulary: AbstractSet[str]) -> Sequence[int]:
        """The tokens that are entries of ``vocabulary``, in order: found at construction for
        the sets of ``indexed_vocabularies``, else by one C-level pass."""
        if isinstance(vocabulary, frozenset):
            number = vocabulary_numbers().get(vocabulary)
            if number is not None:
                return self._indexed[number]
        return list(compress(range(self.n), map(vocabulary.__contains__, self.words)))

    def _index_vocabularies(self) -> list[tuple[int, ...]]:
        """The tokens of each of ``indexed_vocabularies``, in order: one C-level pass finds the
        tokens in any of them, a Python loop over those few sorts them by set."""
        index, words = vocabulary_index(), self.words
        found: list[list[int]] = [[] for _ in indexed_vocabularies()]
        for k in compress(range(self.n), map(index.__contains__, words)):
            for number in index[words[k]]:
                found[number].append(k)
        return [tuple(tokens) for tokens in found]

    def _lines(self) -> list[tuple[int, int]]:
        """Lines, and the segments of a run-together page line split at " | " (v3)."""
        lines, start = [], 0
        for k in self.tokens_in(LINE_BREAKS):
            if k > start:
                lines.append((start, k))
            start = k + 1
        if start < self.n:
            lines.append((start, self.n))
        return lines

    def _headline_split(self, first: int, last: int) -> list[tuple[int, int]]:
        """The first line of a run-together page split after the headline that opens it, at
        " - Outlet" (v3): the first dash among its first words, after a headline of a few words
        ("المرصد السوري يؤكد مقتل البغدادي - عنب بلدي قال ..."); a short line or a dateline
        ("القاهرة - أ ش أ") stays whole."""
        words = self.word_tokens(first, last)
        if len(words) <= HEADLINE_MAX_WORDS:
            return [(first, last)]
        for k in range(first, words[HEADLINE_MAX_WORDS]):
            if self.text(k) in DASHES:
                if sum(self.is_word[first:k]) >= HEADLINE_MIN_WORDS:
                    return [(first, k), (k + 1, last)]
                break
        return [(first, last)]

    # ------------------------------------------------------------------ tokens
    def text(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def token_at(self, position: int) -> int | None:
        """The token that starts at ``position``, if one does."""
        k = bisect_left(self.starts, position)
        return k if k < self.n and self.starts[k] == position else None

    def verb(self, i: int) -> tuple[str, bool] | None:
        """``(form, needs_content)`` when token i is a reporting verb."""
        return self.verb_at[i] if 0 <= i < self.n else None

    def is_participle(self, i: int) -> bool:
        return 0 <= i < self.n and self.participle_at[i]

    def is_relay_verb(self, k: int) -> bool:
        return strip_conjunction(self.text(k), self.relay_verbs) is not None

    def is_agency_at(self, i: int) -> int:
        """Length in tokens of an agency name starting at token i (0 when none)."""
        word = self.text(i)
        keys = (word, word[1:], bare(word), "ال" + word[2:] if word.startswith("لل") else "")
        for key in dict.fromkeys(keys):
            for words in agency_words().get(key, ()):
                if [self.text(i + k) for k in range(1, len(words))] == list(words[1:]):
                    return len(words)
        return 0

    def is_outlet_word(self, word: str) -> bool:
        return word in self.outlets or bare(word) in self.outlets

    def is_source_head(self, k: int) -> bool:
        """Token k can only start a source: an anonymous head, a title, an outlet, an agency."""
        word = self.text(k)
        return (
            self.classify(k, k + 1) in ("anonymous", "described")
            or strip_conjunction(word, self.titles) is not None
            or self.is_outlet_word(word)
            or self.is_agency_at(k) > 0
        )

    def is_name_ali(self, k: int) -> bool:
        """Token k is the name "علي", not the preposition "على" (told apart by the original
        spelling, which folding loses)."""
        if self.text(k) != "علي":
            return False
        first, last = self.field.norm.span(self.starts[k], self.ends[k])
        return self.field.original[first:last] == "علي"

    def given_name(self, first: int, last: int) -> str | None:
        """The name a named source phrase gives the article (its last word, bare), when the
        phrase is short or led by a title: "الوزير محمد الجبير" gives "الجبير"."""
        words = [self.words[k] for k in self.word_tokens(first, last)]
        if words and (len(words) <= 2 or words[0] in self.titles):
            return bare(words[-1])
        return None

    def is_second_person(self, k: int) -> bool:
        """ "والقنصل ...": a second person joined to a source phrase."""
        word = self.text(k)
        return (
            len(word) > 3
            and word[0] == "و"
            and word[1:].startswith("ال")
            and word[1:] in self.titles
        )

    def is_imperfect(self, word: str) -> bool:
        """ "يقول"/"تقول" are imperfect; "تابع", "تحدث" (no "يابع", "يحدث" listed) are not."""
        if word.startswith("ي"):
            return True
        return word.startswith("ت") and "ي" + word[1:] in reporting_forms()

    # ------------------------------------------------------------------ quotes
    def quoted_name_end(self, i: int) -> int | None:
        """If token i opens a short quoted name ('"باسنيوز"'), the index after its closing mark."""
        if self.text(i) != '"':
            return None
        for j in range(i + 1, min(i + 6, self.n)):
            if self.text(j) == '"':
                return j + 1 if j > i + 1 else None
            if not self.is_word[j]:
                return None
        return None

    def opens_quote(self, k: int) -> bool:
        """Token k opens a quotation of three words or more."""
        end = self.quote_end.get(self.ends[k])
        return end is not None and len(self.field.text[self.ends[k] : end].split()) >= 3

    def in_quote(self, position: int) -> bool:
        return in_ranges(position, self.field.quotes, self.quote_starts)

    # ------------------------------------------------------------ noun phrases
    def classify(self, first: int, last: int) -> PhraseKind:
        """What kind of source the noun phrase tokens[first:last] is."""
        tokens = self.word_tokens(first, last)
        while tokens and self.text(tokens[0]) in DETERMINERS:
            tokens = tokens[1:]
        if not tokens:
            return "implicit"
        words = [self.words[k] for k in tokens]
        if words[0] in term_set("pronouns") or words[0].endswith(PRONOUN_SUFFIXES):
            return "implicit"  # a pronoun, or an object such as "انسحابها", "شاعرنا"
        if self._ends_with_pronoun_ha(tokens[0]):
            return "implicit"  # an object: "وأكد دعمه الكامل", "وأعلن رفضه"
        head = words[0]
        heads = (head, bare(head), head.removeprefix("ال"))
        if self._is_anonymous_phrase(words, heads):
            described = head.startswith("ال") and head[2:] in term_set("described_persons")
            return "described" if described else "anonymous"
        if self._indefinite_source(words, self.text(last)):
            return "anonymous"
        return "named"

    def _is_anonymous_phrase(self, words: list[str], heads: tuple[str, ...]) -> bool:
        """The first one to three ``words``, the first in one of its forms ``heads``, are an
        anonymous source phrase (looked up only when one starts with a form of the head)."""
        if entry_starts("anonymous_heads").isdisjoint(heads):
            return False
        return any(
            " ".join([candidate, *words[1:size]]) in self.anonymous
            for size in (3, 2, 1)
            if len(words) >= size
            for candidate in heads
        )

    def _ends_with_pronoun_ha(self, k: int) -> bool:
        """Token k ends with the pronoun ـه ("دعمه"), told from ة ("دعوة") by the original
        spelling, which folding loses; not a definite word, a title, or a name in -يه/-الله."""
        word = self.text(k)
        if len(word) < 4 or word.startswith("ال") or word.endswith(("يه", "لله")):
            return False
        if word in self.titles:
            return False
        return self.field.original[self.field.norm.span(self.starts[k], self.ends[k])[1] - 1] == "ه"

    def _indefinite_source(self, words: list[str], after: str) -> bool:
        """An office-holder or outlet that the reader cannot identify (SIGNALS.md v3): an
        indefinite title alone or tied to a body ("متحدث باسم الجيش", "مسؤول في الوزارة"), or an
        indefinite outlet noun with only adjectives of nationality or kind ("صحيفة أمريكية")."""
        head, rest = words[0], words[1:]
        if head.startswith("ال") or len(head) < 3:
            return False
        if head in self.titles:
            link = rest[0] if rest else after
            return link in INDEFINITE_LINKS
        ending = "يه" if head.endswith("ه") else "ي"  # agreement: "صحيفة أمريكية", "موقع أمريكي"
        return (
            self.is_outlet_word(head)
            and bool(rest)
            and all(
                word.endswith(ending)
                and len(word) >= NISBA_MIN_LETTERS
                and not word.startswith("ال")
                for word in rest
            )
        )

    def parse_np(self, start: int) -> int:
        """End index (exclusive) of the source noun phrase that starts at ``start``."""
        i, count = start, 0
        while i < self.n and count < NP_MAX_TOKENS:
            word = self.words[i]
            if word == '"':
                quoted_end = self.quoted_name_end(i)
                if quoted_end is None:
                    break
                if self.text(quoted_end) in SENTENCE_END or quoted_end >= self.n:
                    break  # '«محمد حسني»' closing a sentence is what was said, not who said it
                if i > start and not self.is_outlet_word(self.text(i - 1)):
                    break  # 'وسائل الإعلام "التحلي بالصبر"': a name follows "موقع", not a phrase
                i = quoted_end
                count += 1
                continue
            if word in NP_BREAK or not self.is_word[i]:
                break
            if word in self.stopwords and not (i > start and self.is_name_ali(i)):
                break
            if self.verb_at[i] is not None or self.participle_at[i]:
                break
            # the checks below are tried only on words that can pass them ("ل...", "وال...")
            if i == start + 1 and word.startswith("لل") and self.text(start) in self.titles:
                break  # "الإمام للمصلين": the addressee, not part of the source
            if i > start and word[:1] == "ل" and self.recipient_at(i) is not None:
                break
            if i > start and word.startswith("وال") and self.is_second_person(i):
                break
            i += 1
            count += 1
        return i

    def has_content(self, verb: str, after: int) -> bool:
        """Reported content follows a weak verb: an أن clause, a colon or a quote, ... within a
        few words, not counting an aside right after the source phrase ("وشدد الوزير، خلال
        مؤتمر صحفي ...، على أن")."""
        between = verb in BETWEEN  # "بين X وبين Y": only an أن clause makes it "explained"
        window = 1 if between else WEAK_VERB_WINDOW
        markers = that_markers() if between else clause_markers()
        sentence = self.sentence_of[after - 1] if after > 0 else 0
        aside_end = None if between else self._aside_end(after)
        if aside_end is not None:  # the content must follow the aside at once ("، على أن")
            after, window = aside_end + 1, AFTER_ASIDE_WINDOW
        k, counted = after, 0
        while k < self.n and counted <= window:
            word = self.words[k]
            if self.sentence_of[k] != sentence and word not in SENTENCE_END:
                return False
            if word == '"' and not self.opens_quote(k):
                return False  # a quoted name or title ("أحسن الظن"), not reported speech
            if word in markers or (self.is_participle(k) and word.startswith("قا")):
                return True
            if word in TO and self.text(k + 1) in markers:
                return True
            if word == "عن" and k == after and not between:
                return True
            if verb.startswith(("وصف", "يصف", "تصف")) and word.startswith("ب"):
                return True
            if word in SENTENCE_END:
                return False
            k, counted = k + 1, counted + 1
        return False

    def _aside_end(self, k: int) -> int | None:
        """The closing mark of a comma or dash aside that opens at token k, when it closes in
        the same sentence within ASIDE_MAX_TOKENS tokens with no reported content inside."""
        mark = self.text(k)
        if mark not in ASIDE_MARKS:
            return None
        closers = {","} if mark == "," else ASIDE_MARKS - {","}
        for j in range(k + 1, min(k + 1 + ASIDE_MAX_TOKENS, self.n)):
            word = self.text(j)
            if self.sentence_of[j] != self.sentence_of[k] or word in clause_markers():
                return None
            if word in closers:
                return j
        return None

    def clause_subject(self, i: int) -> tuple[int, int, str | None] | None:
        """The noun phrase before verb i that is its subject (SIGNALS.md v3): it opens an
        أن/إن/بأن clause ("أن اللجنة الدولية للصليب الأحمر أفادت") or follows a form of كان
        ("وكانت وكالة سانا ، تناقلت"). What follows the verb is then its object. A verb with
        و/ف ("وأظهرت") goes on from an earlier verb, whose subject it shares.

        Returns ``(first, last, name)``: ``name`` is the bare head word when the phrase is a
        source only if that name is already known (an indefinite head such as "غيدان")."""
        if self.text(i) != self.verb_at[i][0]:
            return None
        last = i - 1 if self.text(i - 1) == "," else i
        j = last - 1
        while (
            j >= 0
            and last - j <= NP_MAX_TOKENS
            and self.is_word[j]
            and self.text(j) not in self.stopwords
            and strip_conjunction(self.text(j), KANA) is None
            and not self.verb(j)
            and not self.is_participle(j)
        ):
            j -= 1
        if j < 0 or j == last - 1:
            return None
        opener = self.text(j)
        if strip_conjunction(opener, THAT) is None and strip_conjunction(opener, KANA) is None:
            return None
        if self.classify(j + 1, last) == "implicit":
            return None
        head = self.text(j + 1)
        needs_name = not (head.startswith("ال") or self.is_source_head(j + 1))
        return j + 1, last, bare(head) if needs_name else None

    def subject_before_verb(self, i: int) -> bool:
        """An imperfect verb right after a noun in mid-sentence ("دعوى قضائية تطالب مرسي"):
        its subject came first, and what follows is its object."""
        before = i - 1
        while before >= 0 and self.text(before) in ASIDE_CLOSERS:
            before -= 1  # "الأمير نايف –رحمه الله- تؤكد": look past the aside's closing mark
        word, previous = self.text(i), self.text(before)
        return (
            self.is_imperfect(word)
            and before >= 0
            and previous not in ("و", "ف")
            and self.is_word[before]
            and previous not in self.stopwords
            and previous not in term_set("clause_openers")
        )

    # ------------------------------------------------------------------ outlets
    def recipient_at(self, k: int) -> tuple[int, int] | None:
        """An outlet or agency the source spoke to at token k ("لرويترز", "لقناة X")."""
        word = self.text(k)
        if word == "ل":  # 'ل - "سبوتنيك"': the preposition written apart
            name = k + 1
            while self.text(name) in ASIDE_CLOSERS - {'"'}:
                name += 1
            end = self.quoted_name_end(name)
            if end is None and (size := self.is_agency_at(name)):
                end = name + size
            return (name, end) if end is not None and name > k + 1 else None
        if not word.startswith("ل") or len(word) < 3:
            return None
        rest = word[1:]
        size = self.is_agency_at(k)
        if rest in self.agencies or size:
            return k, k + max(size, 1)
        if self.is_outlet_word(rest) or self.is_outlet_word("ا" + rest):
            return k, self.outlet_name_end(k + 1)
        return None

    def outlet_name_end(self, k: int) -> int:
        quoted_end = self.quoted_name_end(k)
        if quoted_end is not None:
            return quoted_end
        end = k
        while end < min(k + 2, self.n) and self.is_word[end]:
            if self.text(end) in self.stopwords:
                break
            end += 1
        return end

    def interview_outlet(self, end: int) -> tuple[int, int] | None:
        """ "في مداخلة ... عبر فضائية X": the outlet span in tokens after the noun phrase."""
        sentence = self.sentence_of[end - 1] if end > 0 else 0
        stop = min(end + 8, self.n)
        # the tokens that may be interview nouns, from ``end`` on (sentence_of never decreases:
        # a later sentence at one of them is a sentence end before it)
        candidates = self.tokens_in(interview_forms())
        for k in islice(candidates, bisect_left(candidates, end), None):
            if k >= stop or self.sentence_of[k] != sentence:
                return None
            if self.is_interview_noun(k):
                return self.outlet_after_interview(k)
        return None

    def is_interview_noun(self, k: int) -> bool:
        word = self.words[k]
        return word in self.interview_nouns or bare(word) in self.interview_nouns

    def outlet_after_interview(self, k: int) -> tuple[int, int] | None:
        """The outlet named within a few tokens after the interview noun at token k."""
        for m in range(k + 1, min(k + 5, self.n)):
            word = self.text(m)
            if word in PRIVATE_TO_PUBLISHER:
                return None
            if self.is_outlet_word(word) or self.is_outlet_word(bare(word)):
                return m, self.outlet_name_end(m + 1)
            if word.startswith("ل") and self.recipient_at(m):
                return self.recipient_at(m)
        return None

    def spoken_to(self, end: int) -> tuple[int, int] | None:
        """The outlet a source spoke to: right after its noun phrase, after a modifier of it
        ("مصدر في الرئاسة المصرية لرويترز"), or in an interview aside."""
        found = self.recipient_at(end)
        if found is None and self.text(end) in INDEFINITE_LINKS:
            for k in range(end + 1, min(end + 1 + MODIFIER_MAX_TOKENS, self.n)):
                if not self.is_word[k] or self.text(k) in that_markers() or self.verb(k):
                    break
                if (found := self.recipient_at(k)) is not None:
                    break
        return found or self.interview_outlet(end)
