"""The bundled default model: verified on load, and right on the two reference articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer.artifacts import default_model_path, load_model

AGENCY_REPORT = (
    "وزير الزراعة: بدء صرف الأسمدة للمزارعين الأحد المقبل",
    "القاهرة - أ ش أ\n"
    "قال وزير الزراعة واستصلاح الأراضي الدكتور أيمن فريد أبو حديد إن الوزارة ستبدأ صرف الأسمدة "
    "المدعمة للمزارعين اعتبارا من يوم الأحد المقبل في جميع الجمعيات الزراعية بالمحافظات.\n"
    "وأضاف الوزير، في بيان صحفي اليوم، أن الوزارة وفرت 600 ألف طن من الأسمدة للموسم الصيفي، "
    'مؤكدا أن "الكميات المتاحة تكفي احتياجات جميع المزارعين حتى نهاية الموسم".\n'
    "وأوضح رئيس قطاع الخدمات الزراعية المهندس عبد الحميد سعد أن الصرف سيتم وفقا للحيازة "
    "الزراعية المسجلة لكل مزارع، مشيرا إلى أن القطاع شكل غرفة عمليات لمتابعة التوزيع.\n"
    'وقال سعد: "لن نسمح بأي تلاعب في الأسعار، وسيتم تحرير محاضر لأي مخالفة".',
)


@pytest.fixture(scope="module")
def default_model():
    if not Path(default_model_path()).is_file():
        pytest.skip("the default model is not in this checkout")
    return load_model()


def test_card_matches_and_model_is_small(default_model):
    model, card = default_model
    assert card["name"] == model.name == "credscore-mce-2013"
    assert card["artifact_bytes"] < 20 * 2**20
    assert card["training_data"]["name"] == "train.jsonl"
    combined = card["cross_validation"]["combined"]["roc_auc"]
    assert combined > card["cross_validation"]["tfidf_baseline"]["roc_auc"]


def test_reference_articles(default_model, example):
    model, _ = default_model
    rumour = model.score(*example)
    agency = model.score(*AGENCY_REPORT)
    print(f"\nexample: {rumour.score} {rumour.label}; agency report: {agency.score} {agency.label}")
    assert rumour.score < 30 and rumour.label == "not_credible"
    assert agency.score > 70 and agency.label == "credible"
    assert rumour.subscores["sourcing"] < agency.subscores["sourcing"]
    assert rumour.subscores["sensationalism"] > agency.subscores["sensationalism"]
