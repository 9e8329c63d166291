"""The reference case: every judgement the issue asks for, span by span."""

from scorer import analyze


def spans(example, signal):
    return [s.text for s in analyze(*example).evidence if s.signal == signal]


def test_anonymous_sources_and_back_references(example):
    found = spans(example, "anonymous_sources")
    assert "مصادر صحفية وإعلامية" in found and "مصدر كردي مطلع" in found
    assert found.count("المصدر") >= 3 and "ذات المصدر" in found and "للمصدر" in found


def test_hedges_title_cues_and_obfuscation(example):
    assert {"مُحتمل", "من شأنه"} <= set(spans(example, "hedges"))
    assert spans(example, "sensational_headline") == ["السرية", "!", "…", "رأساً على عقب"]
    assert spans(example, "obfuscated_terms").count("ق سد") == 5
    assert {"داع ش", "الاعتـ.ـراف"} <= set(spans(example, "obfuscated_terms"))


def test_depth_three(example):
    assert analyze(*example).signals["attribution_depth"] == 3


def test_every_span_indexes_the_original(example):
    title, body = example
    for span in analyze(title, body).evidence:
        source = title if span.field == "title" else body
        assert source[span.start : span.end] == span.text
