import pickle

import numpy as np
import pandas as pd
import pytest

from scorer.features import SignalFeatures, TextScore
from scorer.model import build_pipeline
from scorer.scoring import LABELS, subscores
from scorer.signals import signal_feature_names, signal_matrix, signal_names, signal_vector


def test_pipeline_follows_sklearn_conventions(labelled_jsonl):
    pipeline = build_pipeline(cv=2)
    assert "classifier_" not in vars(pipeline.named_steps["features"].transformer_list[1][1])
    frame = pd.read_json(labelled_jsonl, lines=True)
    labels = (frame["label"] == "trusted").to_numpy().astype(int)
    fitted = pipeline.fit(frame, labels)
    assert fitted is pipeline
    names = list(pipeline.named_steps["features"].get_feature_names_out())
    assert names == [*signal_feature_names(), "text_tfidf", "text_nb_word", "text_nb_char"]


def test_pipeline_pickle_round_trip(tiny_model, labelled_jsonl):
    model, _ = tiny_model
    frame = pd.read_json(labelled_jsonl, lines=True)
    restored = pickle.loads(pickle.dumps(model))
    before = model.pipeline.predict_proba(frame)
    after = restored.pipeline.predict_proba(frame)
    np.testing.assert_allclose(before, after)


def test_signal_features_from_articles_and_from_analyses_agree():
    frame = pd.DataFrame({"title": ["مصدر: خبر"], "body": ["قال مصدر مطلع إن القرار ربما يتأخر."]})
    features = SignalFeatures().fit(frame)
    from scorer import analyze

    direct = features.transform(frame)
    via_analysis = signal_matrix([analyze("مصدر: خبر", frame["body"][0])])
    np.testing.assert_allclose(direct, via_analysis)
    assert direct.shape == (1, len(signal_feature_names()))


def test_depth_beyond_two_hops_is_its_own_feature():
    from scorer import analyze

    depth = signal_feature_names().index("attribution_depth")
    hops = signal_feature_names().index("relay_hops_beyond_two")
    direct = signal_vector(analyze("خبر", "قال الوزير محمد علي إن الميزانية جاهزة."))
    relayed = signal_vector(
        analyze("خبر", "متابعات\nنقل موقع باسنيوز عن مصدر كردي مطلع أن القوات ستنسحب.")
    )
    assert direct[hops] == 0.0 and direct[depth] == pytest.approx(np.log1p(1.0))
    assert relayed[depth] == pytest.approx(np.log1p(2.0))
    assert relayed[hops] == pytest.approx(np.log1p(1.0))


def test_text_score_needs_labels():
    import pytest

    with pytest.raises(ValueError):
        TextScore().fit_transform(pd.DataFrame({"title": ["a"], "body": ["b"]}))


def test_scores_separate_the_fixture_classes(tiny_scorer):
    import random

    from fixtures import credible_article, rumour_article

    model = tiny_scorer
    rng = random.Random(99)
    good = model.score(*credible_article(rng))
    bad = model.score(*rumour_article(rng))
    assert good.score > bad.score
    assert good.label in LABELS and bad.label in LABELS
    assert 0 <= bad.probability <= 1 and 0 <= bad.score <= 100
    assert {c.feature for c in good.contributions} <= {
        *signal_feature_names(),
        "text_tfidf",
        "text_nb_word",
        "text_nb_char",
    }
    assert set(good.as_dict()) >= {
        "score",
        "label",
        "probability",
        "subscores",
        "signals",
        "contributions",
        "evidence",
        "model",
    }


def test_subscores_are_documented_functions_of_the_signals():
    base = {name: 0.0 for name in signal_names()}
    assert subscores(base) == {"sourcing": 0.0, "hedging": 0.0, "sensationalism": 0.0}
    sourced = {**base, "named_sources": 4.0, "direct_quotes": 2.0, "attribution_depth": 1.0}
    assert subscores(sourced)["sourcing"] == 100.0
    anonymous = {**base, "anonymous_sources": 3.0, "attribution_depth": 3.0}
    assert subscores(anonymous)["sourcing"] == 0.0
    hedged = {**base, "hedges_per_1000_words": 10.0, "sensational_headline": 2.0}
    assert subscores(hedged)["hedging"] == 63.2
    assert subscores(hedged)["sensationalism"] == 63.2


def _reference_logits(text: TextScore, frame: pd.DataFrame) -> np.ndarray:
    """The text branch through scikit-learn's public transform/decision_function calls."""
    from scipy import sparse

    from scorer.features import article_texts, presence

    texts = article_texts(frame)
    words, chars = text.word_counts_.transform(texts), text.char_counts_.transform(texts)
    tfidf = sparse.hstack(
        [text.char_tfidf_.transform(chars), text.word_tfidf_.transform(words)], format="csr"
    )
    inputs = [tfidf, presence(words), presence(chars)]
    columns = [m.decision_function(x) for m, x in zip(text.models_, inputs, strict=True)]
    return np.column_stack(columns).astype(float)


@pytest.mark.parametrize("which", ["tiny", "default"])
def test_text_logits_equal_scikit_learn_s_to_the_last_bit(which, tiny_model, example):
    from fixtures import labelled_rows

    from scorer.artifacts import load_pipeline
    from scorer.features import article_texts

    model = tiny_model[0] if which == "tiny" else load_pipeline()[0]
    text = dict(model.pipeline.named_steps["features"].transformer_list)["text"]
    rows = [*labelled_rows(), {"title": example[0], "body": example[1]}]
    frame = pd.DataFrame({"title": [r["title"] for r in rows], "body": [r["body"] for r in rows]})
    assert np.array_equal(text.logits(article_texts(frame)), _reference_logits(text, frame))
    for index in range(0, len(frame), 7):  # one article at a time, as the service scores
        one = frame.iloc[[index]]
        assert np.array_equal(text.logits(article_texts(one)), _reference_logits(text, one))
