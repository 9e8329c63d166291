"""Each attribution rule on its own: a pure function of a field's token view."""

from helpers import body_view, candidate_texts, joined
from hypothesis import given, settings

from scorer.attribution.candidates import Choice
from scorer.attribution.rules.credits import credits, inline_credits
from scorer.attribution.rules.governing import governing_subjects
from scorer.attribution.rules.headlines import headlines
from scorer.attribution.rules.prepositions import prepositions
from scorer.attribution.rules.subject_first import anonymous_before_verb
from scorer.attribution.rules.verbs import verbs
from scorer.attribution.words import anonymous_head_starts, indexed_vocabularies
from scorer.clitics import proclitic_pattern
from scorer.lexicon import pattern


def test_verbs_subject_after_and_before_the_verb():
    view = body_view("قال الوزير إن الخطة جاهزة، وأضاف أن اللجنة الوطنية أكدت ذلك.")
    found = candidate_texts(view, verbs(view))
    assert found == [
        ("verb", "named", "الوزير"),
        ("verb", "implicit", ""),
        ("clause", "named", "اللجنة الوطنية"),
    ]


def test_verbs_relay_is_one_hop_further_and_shares_the_group_depth():
    view = body_view("نقل موقع باسنيوز عن مصدر كردي مطلع أن القوات ستنسحب.")
    head, relayed = verbs(view)
    assert (head.via, head.heads_group, head.depth) == ("verb", True, 1)
    assert (relayed.via, relayed.shared_depth) == ("relay", 1)
    assert candidate_texts(view, [relayed]) == [("relay", "anonymous", "مصدر كردي مطلع")]


def test_verbs_a_bare_name_before_the_verb_waits_for_resolution():
    view = body_view("وأضافت أن غيدان أكد أن القوات انسحبت.")
    choice = next(item for item in verbs(view) if isinstance(item, Choice))
    assert choice.name == "غيدان"
    assert candidate_texts(view, choice.then) == [("clause", "named", "غيدان")]


def test_prepositions_source_and_non_source():
    view = body_view("وبحسب مصادر مطلعة فإن القرار صدر. وتم ذلك وفقا للضوابط المعمول بها.")
    assert candidate_texts(view, prepositions(view)) == [
        ("preposition", "anonymous", "مصادر مطلعة")
    ]


def test_a_preposition_that_ends_the_text_has_no_source():
    for text in ("وفق", "نقلا عن", "بحسب"):
        view = body_view(text)
        assert candidate_texts(view, prepositions(view)) == []


def test_anonymous_subject_before_an_agreeing_verb():
    view = body_view("العديد من الصحف والمواقع نشرت الخبر دون مصدر.")
    found = list(anonymous_before_verb(view))
    # every anonymous head proposes itself; resolution keeps the first (the others are covered)
    assert candidate_texts(view, found) == [
        ("svo", "anonymous", "العديد من الصحف والمواقع"),
        ("svo", "anonymous", "الصحف والمواقع"),
        ("svo", "anonymous", "والمواقع"),
    ]
    assert all(c.unless_covered and c.anonymous_only for c in found)
    assert list(anonymous_before_verb(body_view("بعض المسؤولين نقل الملف إلى الوزارة."))) == []


def test_headlines_by_colon_and_source_first():
    view = body_view("مصدر رئاسي: لا تعديل وزاري قريبا\nالمرصد السوري يؤكد مقتل القيادي\nنص طويل.")
    assert candidate_texts(view, headlines(view)) == [
        ("colon", "anonymous", "مصدر رئاسي"),
        ("svo", "named", "المرصد السوري"),
    ]
    assert list(headlines(body_view("عاجل: انقطاع الكهرباء عن المدينة كلها"))) == []


def test_credits_at_the_edges_skip_covered_agencies():
    view = body_view("القاهرة - أ ش أ\nقال الوزير إن الخطة جاهزة.\nوانتهى الاجتماع.\nالأهرام")
    uncovered = [False] * view.n
    assert candidate_texts(view, credits(view, uncovered)) == [
        ("credit", "named", "أ ش أ"),
        ("credit", "named", "الأهرام"),
    ]
    covered = [True] * view.n
    assert candidate_texts(view, credits(view, covered)) == [("credit", "named", "الأهرام")]


def test_inline_credits_by_separator_shape():
    view = body_view("قال الجيش إن قواته تقدمت. دمشق / وكالات. المصدر: الجزيرة + رويترز")
    # "رويترز" is found as a listed source and as an agency: resolution keeps one per token
    assert candidate_texts(view, inline_credits(view, [False] * view.n)) == [
        ("credit", "credit", ""),
        ("credit", "named", "الجزيرة"),
        ("credit", "named", "رويترز"),
        ("credit", "named", "رويترز"),
    ]


def test_governing_subject_of_an_implicit_verb():
    from scorer.attribution import find_attributions

    view = body_view("تقدم الدكتور أحمد عبد الرحمن بطلب إحاطة، ذكر فيه أن الفيوم تشهد انفلاتا.")
    found = [a for a in find_attributions(body_view("").field, view.field) if a.via != "subject"]
    assert [a.kind for a in found] == ["implicit"]  # "ذكر" with no subject after it
    subjects = list(governing_subjects(view, found, frozenset()))
    assert candidate_texts(view, subjects) == [
        ("subject", "named", "الدكتور أحمد عبد الرحمن بطلب إحاطة")
    ]


def test_headlines_skip_a_leading_label_and_its_dots():
    view = body_view("عاجل.. مصدر أمني: انفجار قرب السفارة في العاصمة\nنص الخبر.")
    assert candidate_texts(view, headlines(view)) == [("colon", "anonymous", "مصدر أمني")]


@settings(max_examples=200, deadline=None)
@given(
    joined(
        ["مصادر", "وسائل", "الإعلام", "للمصادر", "ومصدر", "شهود", "عيان", "قال"],
        [" ", "  \n", "، ", "2", "ـ", "مطلعة", "أكدت", "ان"],
        max_size=15,
    )
)
def test_the_anonymous_heads_are_looked_for_at_every_token_one_can_start_at(body):
    view = body_view(body)
    heads = pattern("anonymous_heads", proclitic_pattern(article=True))
    candidates = {view.starts[k] for k in view.tokens_in(anonymous_head_starts())}
    assert {m.start() for m in heads.finditer(view.field.text)} <= candidates


@settings(max_examples=200, deadline=None)
@given(
    joined(
        ["قال", "وقال", "بحسب", "مصادر", "وكالات", "مداخلة", "بمداخلة", "الوزير"],
        [" ", "\n", " | ", "-", ":", ")", "(", "، ", "2", "للانباء"],
        max_size=20,
    )
)
def test_the_tokens_of_each_indexed_word_set_are_those_a_scan_finds(body):
    view = body_view(body)
    for vocabulary in indexed_vocabularies():
        expected = [k for k, word in enumerate(view.words) if word in vocabulary]
        assert list(view.tokens_in(vocabulary)) == expected
        assert list(view.tokens_in(set(vocabulary))) == expected  # not indexed: scanned
