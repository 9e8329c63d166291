"""Find attributions, the shared unit of the sourcing signals (SIGNALS.md, attribution).

An attribution is a place where the text says who a piece of information comes from. This
module finds them with rules over the tokens of each field's matching form:

- a reporting verb followed by its subject noun phrase ("قال الوزير", "كشفت مصادر مطلعة");
  a verb with no explicit subject ("وبيّن أن") is an *implicit* attribution;
- a relay: "نقل موقع X عن مصدر Y" (Y is one hop further away);
- a prepositional source: "بحسب المصدر", "وفقاً للمصدر", "منسوب إلى";
- an anonymous noun phrase before its verb ("العديد من الصحف نشرت");
- a headline by colon ("مصدر رئاسي: ...") or a short headline "SOURCE يؤكد ...";
- an implicit attribution whose subject heads the sentence ("أشاد الوكيل ... مطالباً بـ");
- an outlet the source spoke to ("قال ... لرويترز", "في مداخلة عبر فضائية X");
- credits: an agency dateline ("القاهرة - أ ش أ"), "متابعات"/"وكالات", a closing outlet line.

Each attribution records its source mention (if explicit), whether it is named or anonymous,
and its relay depth.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from scorer.fields import Field, in_ranges
from scorer.lexicon import pattern, term_set, terms

SourceKind = Literal["named", "anonymous", "implicit", "credit"]

_SENTENCE_END = frozenset({".", "!", "?", "\n", "…", ";"})
_NP_BREAK = frozenset({",", ".", ":", "?", "!", ";", "(", ")", "[", "]", "-", "–", "—", "…", "\n"})
_CLAUSE_MARKERS = frozenset(
    {"ان", "بان", "انه", "انها", "انهم", "انهما", "بانه", "بانها", "وان", ":", '"'}
)
_THAT_MARKERS = _CLAUSE_MARKERS - {":", '"'}
_BETWEEN = frozenset({"بين", "بينت"})
_TO = frozenset({"الي", "الى"})
_PRIVATE_TO_PUBLISHER = frozenset({"خاص", "خاصه"})
_RELAY_VERBS = frozenset({"نقل", "نقلت", "نقلوا", "روي", "روت", "تناقلت", "نشرت", "نشر"})
_DETERMINERS = frozenset({"ذات", "نفس"})
# A "verb" after one of these is a verbal noun ("بعد وصف", "من نقل"); after a relative pronoun
# its subject is the antecedent, so the noun phrase after it is its object.
_NOT_A_CLAUSE_VERB = frozenset(
    {"بعد", "قبل", "من", "عن", "في", "علي", "الي", "مع", "حول", "خلال", "اثر", "عقب", "رغم",
     "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"}
)  # fmt: skip
_OBJECT_SUFFIXES = ("ها", "هم", "هما", "نا", "كم")
_ASIDE_CLOSERS = frozenset({"-", "–", "—", ")", '"'})
_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "انا", "نحن", "انت"})
_HEADLINE_LABELS = frozenset(
    {
        "بالفيديو", "فيديو", "بالصور", "صور", "عاجل", "خاص", "شاهد", "حوار", "تقرير", "ختاما",
        "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "ملاحظه", "تنويه", "المصدر",
        "كلمات", "قصه", "انفوجراف", "تحليل", "راي", "بالارقام", "متابعات", "مقال", "تحقيق",
        "السوال", "الجواب", "س", "ج", "المطلوب", "الهدف", "النتيجه", "الخلاصه", "ملخص",
    }
)  # fmt: skip
_BYLINE_CREDITS = frozenset({"متابعات", "وكالات"})
_CREDIT_SEPARATORS = frozenset({"/", "-", "–", "—", ":", "(", "+"})
# "كانت X ، تناقلت": the noun phrase after a form of كان is the subject of the verb after it.
_KANA = frozenset({"كان", "كانت"})
# "يذكر أن ...", "يشار إلى أن ...": impersonal, no source.
_IMPERSONAL = frozenset({"يذكر", "يشار"})
_THAT = frozenset({"ان", "بان"})
# "وفق" without its alef mostly means "in accordance with": a source only when one follows.
_IN_ACCORDANCE = frozenset({"وفق"})
# An indefinite office-holder linked to a body by these ("متحدث باسم الجيش") is not named.
_INDEFINITE_LINKS = frozenset({"باسم", "في", "من", "لدي"})
_NISBA_MIN_LETTERS = 4
_DESCRIBED_PERSONS = frozenset({"مسوول", "مسيول", "شاهد", "مقرب", "دبلوماسي", "موظف"})
_NP_MAX_TOKENS = 10
_MODIFIER_MAX_TOKENS = 5
_WEAK_VERB_WINDOW = 10
_HEADLINE_MAX_WORDS = 15
_SVO_MAX_SUBJECT = 4
_CREDIT_LINES = 3
_CLOSING_CREDIT_MAX_WORDS = 3
_CREDIT_NAMES = 3
_CREDIT_LINE_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its trigger, its source mention (empty when implicit) and its depth."""

    field: Field
    kind: SourceKind
    trigger: tuple[int, int]
    mention: tuple[int, int] | None
    depth: int
    via: str


def _strip_conjunction(word: str, vocabulary: frozenset[str]) -> str | None:
    if word in vocabulary:
        return word
    if len(word) > 2 and word[0] in "وف" and word[1:] in vocabulary:
        return word[1:]
    return None


def _bare(word: str) -> str:
    """A source word without its clitics: "للمصدر" -> "مصدر", "والمسؤول" -> "مسؤول"."""
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


class _FieldParser:
    """Attribution rules over the tokens of one field."""

    def __init__(self, field: Field, known_names: set[str]) -> None:
        self.field = field
        self.words: Sequence[str] = field.words
        self.starts: Sequence[int] = field.starts
        self.ends: Sequence[int] = field.ends
        self.n = len(self.words)
        self.is_word = [word[0].isalpha() for word in self.words]
        self.known_names = known_names
        self.stopwords = term_set("np_stopwords")
        self.titles = term_set("titles")
        self.outlets = term_set("outlet_nouns")
        self.agencies = term_set("agencies")
        self.anonymous = term_set("anonymous_heads")
        self.non_sources = term_set("non_source_nouns")
        self.interview_nouns = term_set("interview_nouns")
        self.found: list[Attribution] = []
        self.found_anonymous = False
        self.relay_sentences: set[int] = set()  # sentences with a relay verb recorded so far
        self.first_trigger: dict[int, int] = {}  # sentence -> start of its first trigger so far
        self.credited: set[int] = set()  # trigger tokens of the credits recorded
        self.mentions: set[tuple[int, int]] = set()
        self.covered = [False] * self.n  # token k starts inside a recorded mention
        self.sentence_of = self._sentence_index()
        # sentence -> (size of known_names, token k, nearest subject before k): lets the
        # subject searches of one sentence resume where the last one stopped (linear time).
        self.subject_scan: dict[int, tuple[int, int, int | None]] = {}
        self.index_at = {start: k for k, start in enumerate(self.starts)}
        self.quote_starts = [start for start, _ in field.quotes]
        self.quote_end = dict(field.quotes)
        table = reporting_forms()
        entries = [table.get(word) for word in self.words]
        self.verb_at = [e if e is not None and e[1] is not None else None for e in entries]
        self.participle_at = [e is not None and e[1] is None for e in entries]

    # ----------------------------------------------------------------- helpers
    def _sentence_index(self) -> list[int]:
        index, sentence = [], 0
        for word in self.words:
            index.append(sentence)
            if word in _SENTENCE_END:
                sentence += 1
        return index

    def text(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def verb(self, i: int) -> tuple[str, bool] | None:
        """``(form, needs_content)`` when token i is a reporting verb."""
        return self.verb_at[i] if 0 <= i < self.n else None

    def is_participle(self, i: int) -> bool:
        return 0 <= i < self.n and self.participle_at[i]

    def is_agency_at(self, i: int) -> int:
        """Length in tokens of an agency name starting at token i (0 when none)."""
        word = self.text(i)
        keys = (word, word[1:], _bare(word), "ال" + word[2:] if word.startswith("لل") else "")
        for key in dict.fromkeys(keys):
            for words in _agency_words().get(key, ()):
                if [self.text(i + k) for k in range(1, len(words))] == list(words[1:]):
                    return len(words)
        return 0

    def is_source_head(self, k: int) -> bool:
        """Token k can only start a source: an anonymous head, a title, an outlet, an agency."""
        word = self.text(k)
        return (
            self.classify(k, k + 1) == "anonymous"
            or _strip_conjunction(word, self.titles) is not None
            or self.is_outlet_word(word)
            or self.is_agency_at(k) > 0
        )

    def is_outlet_word(self, word: str) -> bool:
        return word in self.outlets or _bare(word) in self.outlets

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

    def classify(self, first: int, last: int) -> SourceKind:
        """Named or anonymous source for the noun phrase tokens[first:last]."""
        words = [self.text(k) for k in range(first, last) if self.is_word[k]]
        while words and words[0] in _DETERMINERS:
            words = words[1:]
        if not words:
            return "implicit"
        if words[0] in _PRONOUNS or words[0].endswith(_OBJECT_SUFFIXES):
            return "implicit"  # a pronoun, or an object such as "انسحابها", "شاعرنا"
        head = words[0]
        for size in (3, 2, 1):
            phrase = words[:size]
            if len(phrase) < size:
                continue
            for candidate in (head, _bare(head), head.removeprefix("ال")):
                if " ".join([candidate, *phrase[1:]]) in self.anonymous:
                    return self._definite_person_kind(head)
        if self._indefinite_source(words, self.text(last)):
            return "anonymous"
        return "named"

    def _indefinite_source(self, words: list[str], after: str) -> bool:
        """An office-holder or outlet that the reader cannot identify (SIGNALS.md v3): an
        indefinite title alone or tied to a body ("متحدث باسم الجيش", "مسؤول في الوزارة"), or an
        indefinite outlet noun with only adjectives of nationality or kind ("صحيفة أمريكية")."""
        head, rest = words[0], words[1:]
        if head.startswith("ال") or len(head) < 3:
            return False
        if head in self.titles:
            link = rest[0] if rest else after
            return link in _INDEFINITE_LINKS
        ending = "يه" if head.endswith("ه") else "ي"  # agreement: "صحيفة أمريكية", "موقع أمريكي"
        return (
            self.is_outlet_word(head)
            and bool(rest)
            and all(
                word.endswith(ending)
                and len(word) >= _NISBA_MIN_LETTERS
                and not word.startswith("ال")
                for word in rest
            )
        )

    def _definite_person_kind(self, head: str) -> SourceKind:
        """ "المسؤول" after an anonymous source refers back to it; with none before, it is a
        description of a source the article named ("نجم الأهلي" style back-reference)."""
        described = head.startswith("ال") and head[2:] in _DESCRIBED_PERSONS
        if described and not self.found_anonymous:
            return "named"
        return "anonymous"

    def parse_np(self, start: int) -> int:
        """End index (exclusive) of the source noun phrase that starts at ``start``."""
        i, count = start, 0
        while i < self.n and count < _NP_MAX_TOKENS:
            word = self.text(i)
            quoted_end = self.quoted_name_end(i)
            if quoted_end is not None:
                if self.text(quoted_end) in _SENTENCE_END or quoted_end >= self.n:
                    break  # '«محمد حسني»' closing a sentence is what was said, not who said it
                if i > start and not self.is_outlet_word(self.text(i - 1)):
                    break  # 'وسائل الإعلام "التحلي بالصبر"': a name follows "موقع", not a phrase
                i = quoted_end
                count += 1
                continue
            if word in _NP_BREAK or word == '"' or not self.is_word[i]:
                break
            if word in self.stopwords and not (i > start and self.is_name_ali(i)):
                break
            if self.verb(i) or self.is_participle(i):
                break
            if i == start + 1 and word.startswith("لل") and self.text(start) in self.titles:
                break  # "الإمام للمصلين": the addressee, not part of the source
            if i > start and self.recipient_at(i) is not None:
                break
            if i > start and self.is_second_person(i):
                break
            i += 1
            count += 1
        return i

    def is_name_ali(self, k: int) -> bool:
        """Token k is the name "علي", not the preposition "على" (told apart by the original
        spelling, which folding loses)."""
        if self.text(k) != "علي":
            return False
        first, last = self.field.norm.span(self.starts[k], self.ends[k])
        return self.field.original[first:last] == "علي"

    def record(
        self, kind: SourceKind, trigger: int, first: int, last: int, depth: int, via: str
    ) -> None:
        mention = (self.starts[first], self.ends[last - 1]) if last > first else None
        if mention is not None and self.is_second_person(first):
            mention = (mention[0] + 1, mention[1])  # "والقنصل ..." without its conjunction
        if mention is not None:
            if mention in self.mentions:
                return
            self.mentions.add(mention)
            for k in range(
                bisect_left(self.starts, mention[0]), bisect_left(self.starts, mention[1])
            ):
                self.covered[k] = True
            words = [self.text(k) for k in range(first, last) if self.is_word[k]]
            if kind == "named" and words and (len(words) <= 2 or words[0] in self.titles):
                self.known_names.add(_bare(words[-1]))
        trigger_span = (self.starts[trigger], self.ends[trigger])
        if self.in_quote(trigger_span[0]):
            depth += 1
        self.found.append(Attribution(self.field, kind, trigger_span, mention, depth, via))
        self.found_anonymous = self.found_anonymous or kind == "anonymous"
        k = self._token_at(trigger_span[0])
        if k is None:
            return
        self.first_trigger.setdefault(self.sentence_of[k], trigger_span[0])
        if via in ("verb", "svo") and _strip_conjunction(self.text(k), _RELAY_VERBS):
            self.relay_sentences.add(self.sentence_of[k])

    def has_content(self, verb: str, after: int) -> bool:
        """Reported content follows a weak verb: an أن clause, a colon or a quote, ..."""
        between = verb in _BETWEEN  # "بين X وبين Y": only an أن clause makes it "explained"
        window = 1 if between else _WEAK_VERB_WINDOW
        markers = _THAT_MARKERS if between else _CLAUSE_MARKERS
        sentence = self.sentence_of[after - 1] if after > 0 else 0
        for k in range(after, min(after + window + 1, self.n)):
            word = self.text(k)
            if self.sentence_of[k] != sentence and word not in _SENTENCE_END:
                return False
            if word == '"' and not self.opens_quote(k):
                return False  # a quoted name or title ("أحسن الظن"), not reported speech
            if word in markers or (self.is_participle(k) and word.startswith("قا")):
                return True
            if word in _TO and self.text(k + 1) in markers:
                return True
            if word == "عن" and k == after and not between:
                return True
            if verb.startswith(("وصف", "يصف", "تصف")) and word.startswith("ب"):
                return True
            if word in _SENTENCE_END:
                return False
        return False

    # ----------------------------------------------------------------- rules
    def verbs(self) -> None:
        for i in range(self.n):
            if self.is_participle(i):
                self.record("implicit", i, i, i, 1, "participle")
                continue
            found = self.verb(i)
            if found is None:
                continue
            form, needs_content = found
            if self.text(i - 1) in _NOT_A_CLAUSE_VERB:
                continue
            if form in _IMPERSONAL and self.text(i + 1) in _THAT_MARKERS | _TO:
                continue  # "يذكر أن": a stock phrase, no source
            subject = self.clause_subject(i)
            if subject is not None:
                if not needs_content or self.has_content(form, i + 1):
                    kind = self.classify(*subject)
                    depth = 1 + self.relay_hops(i, i + 1) + self.inside_statement(subject[0])
                    self.record(kind, i, *subject, depth, "clause")
                    self.outlet_after(i, i + 1)
                continue
            end = self.parse_np(i + 1)
            if needs_content and not self.has_content(form, end):
                continue
            kind = "implicit" if self.subject_before_verb(i) else self.classify(i + 1, end)
            if kind == "implicit":
                self.record("implicit", i, i, i, 1, "verb")
                continue
            depth = 1 + self.relay_hops(i, end)
            self.record(kind, i, i + 1, end, depth, "verb")
            while self.is_second_person(end):  # "السفير ... والقنصل ..." counts twice
                start, end = end, self.parse_np(end + 1)
                self.record(self.classify(start, end), i, start, end, depth, "verb")
            self.outlet_after(i, end)
            if form in _RELAY_VERBS and self.text(end) == "عن":
                relayed_end = self.parse_np(end + 1)
                relayed_kind = self.classify(end + 1, relayed_end)
                if relayed_kind != "implicit":
                    self.record(relayed_kind, i, end + 1, relayed_end, depth + 1, "relay")

    def clause_subject(self, i: int) -> tuple[int, int] | None:
        """The noun phrase before verb i that is its subject (SIGNALS.md v3): it opens an
        أن/إن/بأن clause ("أن اللجنة الدولية للصليب الأحمر أفادت") or follows a form of كان
        ("وكانت وكالة سانا ، تناقلت"). What follows the verb is then its object. A verb with
        و/ف ("وأظهرت") goes on from an earlier verb, whose subject it shares."""
        if self.text(i) != self.verb_at[i][0]:
            return None
        last = i - 1 if self.text(i - 1) == "," else i
        j = last - 1
        while (
            j >= 0
            and last - j <= _NP_MAX_TOKENS
            and self.is_word[j]
            and self.text(j) not in self.stopwords
            and _strip_conjunction(self.text(j), _KANA) is None
            and not self.verb(j)
            and not self.is_participle(j)
        ):
            j -= 1
        if j < 0 or j == last - 1:
            return None
        opener = self.text(j)
        if _strip_conjunction(opener, _THAT) is None and _strip_conjunction(opener, _KANA) is None:
            return None
        head = self.text(j + 1)
        definite = head.startswith("ال") or _bare(head) in self.known_names
        if not (definite or self.is_source_head(j + 1)):
            return None  # "أن بلاغا ورد", "أن تقدم وثيقة": not a source noun phrase
        if self.classify(j + 1, last) == "implicit":
            return None
        return j + 1, last

    def inside_statement(self, k: int) -> int:
        """1 when an attribution earlier in token k's sentence reports what follows: a source
        quoted inside another source's statement is one hop further away."""
        first = self.first_trigger.get(self.sentence_of[k])
        return int(first is not None and first < self.starts[k])

    def is_second_person(self, k: int) -> bool:
        word = self.text(k)
        return (
            len(word) > 3
            and word[0] == "و"
            and word[1:].startswith("ال")
            and (word[1:] in self.titles)
        )

    def is_imperfect(self, word: str) -> bool:
        """ "يقول"/"تقول" are imperfect; "تابع", "تحدث" (no "يابع", "يحدث" listed) are not."""
        if word.startswith("ي"):
            return True
        return word.startswith("ت") and "ي" + word[1:] in reporting_forms()

    def subject_before_verb(self, i: int) -> bool:
        """An imperfect verb right after a noun in mid-sentence ("دعوى قضائية تطالب مرسي"):
        its subject came first, and what follows is its object."""
        before = i - 1
        while before >= 0 and self.text(before) in _ASIDE_CLOSERS:
            before -= 1  # "الأمير نايف –رحمه الله- تؤكد": look past the aside's closing mark
        word, previous = self.text(i), self.text(before)
        return (
            self.is_imperfect(word)
            and before >= 0
            and previous not in ("و", "ف")
            and self.is_word[before]
            and previous not in self.stopwords
            and previous not in ("حيث", "كما", "فيما", "اذ", "بينما", "ما")
        )

    def relay_hops(self, i: int, end: int) -> int:
        """1 when an outlet relays this source (recipient or interview), or an earlier relay
        verb of the same sentence chains to it."""
        if self.spoken_to(end) is not None:
            return 1
        return int(self.sentence_of[i] in self.relay_sentences)

    def _token_at(self, position: int) -> int | None:
        return self.index_at.get(position)

    def recipient_at(self, k: int) -> tuple[int, int] | None:
        """An outlet or agency the source spoke to at token k ("لرويترز", "لقناة X")."""
        word = self.text(k)
        if word == "ل":  # 'ل - "سبوتنيك"': the preposition written apart
            name = k + 1
            while self.text(name) in _ASIDE_CLOSERS - {'"'}:
                name += 1
            end = self.quoted_name_end(name)
            if end is None and self.is_agency_at(name):
                end = name + self.is_agency_at(name)
            return (name, end) if end is not None and name > k + 1 else None
        if not word.startswith("ل") or len(word) < 3:
            return None
        rest = word[1:]
        if rest in self.agencies or self.is_agency_at(k):
            return k, k + max(self.is_agency_at(k), 1)
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
        for k in range(end, stop):
            if self.sentence_of[k] != sentence:
                return None
            if _bare(self.text(k)) in self.interview_nouns or self.text(k) in self.interview_nouns:
                for m in range(k + 1, min(k + 5, self.n)):
                    word = self.text(m)
                    if word in _PRIVATE_TO_PUBLISHER:
                        return None
                    if self.is_outlet_word(word) or self.is_outlet_word(_bare(word)):
                        return m, self.outlet_name_end(m + 1)
                    if word.startswith("ل") and self.recipient_at(m):
                        return self.recipient_at(m)
                return None
        return None

    def spoken_to(self, end: int) -> tuple[int, int] | None:
        """The outlet a source spoke to: right after its noun phrase, after a modifier of it
        ("مصدر في الرئاسة المصرية لرويترز"), or in an interview aside."""
        found = self.recipient_at(end)
        if found is None and self.text(end) in _INDEFINITE_LINKS:
            for k in range(end + 1, min(end + 1 + _MODIFIER_MAX_TOKENS, self.n)):
                if not self.is_word[k] or self.text(k) in _THAT_MARKERS or self.verb(k):
                    break
                if (found := self.recipient_at(k)) is not None:
                    break
        return found or self.interview_outlet(end)

    def outlet_after(self, i: int, end: int) -> None:
        outlet = self.spoken_to(end)
        if outlet is not None:
            self.record("named", i, outlet[0], outlet[1], 1, "outlet")

    def prepositions(self) -> None:
        phrases = _preposition_phrases()
        for i in range(self.n):
            word = self.text(i)
            candidates = phrases.get(word) or phrases.get(word[1:] if word[:1] in "وف" else "")
            for words, wants_lam in candidates or ():
                if [self.text(i + k) for k in range(1, len(words))] != list(words[1:]):
                    continue
                start = i + len(words)
                if wants_lam and not self.text(start).startswith("ل"):
                    continue
                if self.verb(start):
                    continue  # "حسبما ذكرت ...": the verb rule takes it
                end = self.parse_np(start)
                if words[0] in _IN_ACCORDANCE and not wants_lam and not self.is_source_head(start):
                    break  # "وفق الخطط المعتمدة": in accordance with, not a source
                if _bare(self.text(start)) in self.non_sources or self.text(start)[1:] in (
                    self.non_sources
                ):
                    break  # "وفقاً للضوابط": in accordance with, not a source
                kind = self.classify(start, end)
                if kind != "implicit":
                    self.record(kind, i, start, end, 1 + self.relay_hops(i, end), "preposition")
                break

    def anonymous_before_verb(self) -> None:
        """ "العديد من الصحف والمواقع نشرت": an anonymous subject before its verb."""
        for match in pattern("anonymous_heads", "[وفبل]|ال|وال|بال|لل").finditer(self.field.text):
            first = self._token_at(match.start())
            if first is None:
                continue
            for k in range(first + 1, min(first + 1 + _SVO_MAX_SUBJECT + 1, self.n)):
                if not self.is_word[k] or self.text(k) in self.stopwords:
                    break
                if found := self.verb(k):
                    agrees = found[0].endswith(("ت", "وا"))  # "الصحف نشرت", not "بعض ... نقل"
                    if found[1] and not agrees and not self.has_content(found[0], k + 1):
                        break
                    if self.classify(first, k) == "anonymous" and not self.covered[first]:
                        self.record("anonymous", k, first, k, 1 + self.relay_hops(k, k), "svo")
                    break

    def headlines(self) -> None:
        """Headlines by colon ("مصدر رئاسي: ...") and "SOURCE يؤكد ..." in short lines; the
        colon rule also at the start of every segment of a page line split at " | " (v3: a
        run-together page puts a headline before the text it heads)."""
        for first, last in self._lines():
            words = [k for k in range(first, last) if self.is_word[k]]
            if not words:
                continue
            short = len(words) <= _HEADLINE_MAX_WORDS
            segment = self.text(first - 1) == "|" or self.text(last) == "|"
            while first < last and not self.is_word[first] and self.text(first) != '"':
                first += 1
            if short or segment:
                self._colon_headline(first, last)
            if short:
                self._svo_headline(first, last)

    def _lines(self) -> list[tuple[int, int]]:
        """Lines, and the segments of a run-together page line split at " | " (v3)."""
        lines, start = [], 0
        for k, word in enumerate(self.words):
            if word in ("\n", "|"):
                if k > start:
                    lines.append((start, k))
                start = k + 1
        if start < self.n:
            lines.append((start, self.n))
        return lines

    def _colon_headline(self, first: int, last: int) -> None:
        for colon in range(first + 1, min(first + 6, last)):
            if self.text(colon) == ":":
                break
        else:
            return
        subject = [k for k in range(first, colon) if self.is_word[k]]
        after = [k for k in range(colon + 1, last) if self.is_word[k]]
        if not subject or len(after) < 2 or len(subject) > _SVO_MAX_SUBJECT:
            return
        if any(self.text(k) == "\n" for k in range(first, colon)):
            return
        head = self.text(subject[0])
        if head in _HEADLINE_LABELS or head in self.stopwords or self.verb(subject[0]):
            return
        if self.is_participle(subject[0]) or any(self.verb(k) for k in subject):
            return
        kind = self.classify(first, colon)
        if kind != "implicit":
            self.record(kind, colon, first, colon, 1, "colon")

    def _svo_headline(self, first: int, last: int) -> None:
        for k in range(first + 1, min(first + _SVO_MAX_SUBJECT + 1, last)):
            if self.text(k) in _NP_BREAK:
                return
            if self.text(k) in self.stopwords and self.text(k - 1) != '"':
                return  # "العائلات في بيان تناقلته": a prepositional phrase, not a subject
            found = self.verb(k)
            if found is None:
                continue
            form, needs_content = found
            head = self.text(first)
            if head in self.stopwords or head in _HEADLINE_LABELS:
                return
            if head[0] in "وف" and self.verb(first) is None and len(head) > 3:
                return  # "وطلبت العائلات ...": a sentence going on, not a headline
            if needs_content and not self.has_content(form, k + 1):
                return
            kind = self.classify(first, k)
            if kind != "implicit" and not self.covered[first]:
                self.record(kind, k, first, k, 1, "svo")
            return

    def governing_subjects(self) -> None:
        """An implicit attribution governed by the subject that opens its sentence."""
        explicit_sentences = set()
        for attribution in self.found:
            if attribution.kind in ("named", "anonymous"):
                k = self._token_at(attribution.trigger[0])
                if k is not None:
                    explicit_sentences.add(self.sentence_of[k])
        for attribution in list(self.found):
            if attribution.kind != "implicit":
                continue
            k = self._token_at(attribution.trigger[0])
            if k is None or self.sentence_of[k] in explicit_sentences:
                continue
            subject = self._subject_before(k)
            if subject is None:
                continue
            end = self.parse_np(subject)
            kind = self.classify(subject, end)
            if kind != "implicit":
                explicit_sentences.add(self.sentence_of[k])
                self.record(kind, subject, subject, end, 1, "subject")

    def _subject_before(self, k: int) -> int | None:
        """The nearest token before ``k`` in its sentence that can be its subject."""
        sentence = self.sentence_of[k]
        stamp = len(self.known_names)  # the set only grows: its size says whether it changed
        cached = self.subject_scan.get(sentence)
        if cached is not None and cached[0] == stamp and cached[1] <= k:
            found = cached[2]
            for j in range(cached[1], k):
                if self._can_be_subject(j):
                    found = j
        else:
            found = None
            for j in range(k - 1, 0, -1):
                if self.sentence_of[j] != sentence:
                    break
                if self._can_be_subject(j):
                    found = j
                    break
        self.subject_scan[sentence] = (stamp, k, found)
        return found

    def _can_be_subject(self, j: int) -> bool:
        word = self.text(j)
        head = _strip_conjunction(word, self.titles) or word
        previous = self.text(j - 1)
        return (
            (head in self.titles or _bare(word) in self.known_names)
            and self.is_word[j - 1]
            and previous not in self.stopwords
            and not previous.startswith("ال")
            and not word.startswith("و")
        )

    def inline_credits(self) -> None:
        """Credits anywhere on a page, told by their separator shape (v3): "/ وكالات",
        "- متابعات", "(رويترز)", "مهر للأنباء -", "المصدر: الجزيرة + رويترز"."""
        for k in range(self.n):
            word = self.text(k)
            beside = {self.text(k - 1), self.text(k + 1)}
            if word in _BYLINE_CREDITS and beside & _CREDIT_SEPARATORS:
                self.record_credit(k, k, k, "credit")
            elif word == "للانباء" and k > 0 and self.is_word[k - 1]:
                if self.text(k + 1) in _CREDIT_SEPARATORS:
                    self.record_credit(k, k - 1, k + 1, "named")
            elif word == "المصدر" and self.text(k + 1) == ":" and not self.is_word[k - 1]:
                name = k + 2
                for _ in range(_CREDIT_NAMES):
                    end = self.outlet_name_end(name)
                    if end == name:
                        break
                    self.record_credit(name, name, end, "named")
                    if self.text(end) not in ("+", ",", "و"):
                        break
                    name = end + 1
            elif (
                (size := self.is_agency_at(k))
                and not self.covered[k]
                and (self.text(k - 1) in _CREDIT_SEPARATORS or self.text(k + size) == ")")
            ):
                self.record_credit(k, k, k + size, "named")

    def record_credit(self, trigger: int, first: int, last: int, kind: SourceKind) -> None:
        """A credit, once per token however many rules find it."""
        if trigger not in self.credited:
            self.credited.add(trigger)
            self.record(kind, trigger, first, last, 1, "credit")

    def credits(self) -> None:
        """Agency credit lines, "متابعات"/"وكالات" bylines and a closing outlet line."""
        lines = [(a, b) for a, b in self._lines() if any(self.is_word[k] for k in range(a, b))]
        credit_lines: list[tuple[int, int]] = []
        edge = lines[:_CREDIT_LINES] + lines[-_CREDIT_LINES:]
        for first, last in dict.fromkeys(edge):
            words = [k for k in range(first, last) if self.is_word[k]]
            if len(words) > _CREDIT_LINE_MAX_WORDS:
                continue
            for k in words:
                size = self.is_agency_at(k)
                if size and not self.covered[k]:
                    self.record_credit(k, k, k + size, "named")
                    credit_lines.append((first, last))
                    break
                if self.text(k) in _BYLINE_CREDITS:
                    self.record_credit(k, k, k, "credit")
                    credit_lines.append((first, last))
                    break
        if len(lines) >= 3:
            first, last = lines[-1]
            words = [k for k in range(first, last) if self.is_word[k]]
            others = [k for k in range(first, last) if not self.is_word[k]]
            if (
                0 < len(words) <= _CLOSING_CREDIT_MAX_WORDS
                and not others
                and not any(self.verb(k) or self.text(k) in self.stopwords for k in words)
                and not any(self.text(k).isdigit() for k in words)
                and (first, last) not in credit_lines
            ):
                self.record_credit(words[0], words[0], words[-1] + 1, "named")


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
            for conjunction in "وف":
                table.setdefault(conjunction + form, (form, needs_content))
    return table


@cache
def _agency_words() -> dict[str, list[tuple[str, ...]]]:
    """Agency names as word tuples, by first word, longest first."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for agency in sorted(terms("agencies"), key=len, reverse=True):
        words = tuple(agency.split())
        names.setdefault(words[0], []).append(words)
    return names


@cache
def _preposition_phrases() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Source prepositions by first word; a trailing "ل" means the next word carries it."""
    phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for phrase in sorted(terms("source_prepositions"), key=len, reverse=True):
        words = tuple(phrase.split())
        wants_lam = words[-1] == "ل"
        if wants_lam:
            words = words[:-1]
        phrases.setdefault(words[0], []).append((words, wants_lam))
    return phrases


def find_attributions(title: Field, body: Field) -> tuple[Attribution, ...]:
    """Every attribution in the title and the body, in text order per field."""
    known_names: set[str] = set()
    found: list[Attribution] = []
    for field in (title, body):
        parser = _FieldParser(field, known_names)
        parser.headlines()
        parser.verbs()
        parser.prepositions()
        parser.anonymous_before_verb()
        if field.name == "body":
            parser.credits()
            parser.inline_credits()
        parser.governing_subjects()
        found.extend(sorted(parser.found, key=lambda a: a.trigger))
    return tuple(found)
