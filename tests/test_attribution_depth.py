from helpers import value


def test_no_attribution_is_zero():
    assert (
        value(
            "اختتام الدورة", "اختتمت الدورة التمهيدية لمدربي الريشة الطائرة.", "attribution_depth"
        )
        == 0
    )


def test_direct_attribution_is_one():
    assert value("", "قال وزير الزراعة إن الموسم جيد.", "attribution_depth") == 1


def test_relay_chain_is_two():
    body = "ونقل موقع “باسنيوز” عن مصدر كردي مطلع قوله إن الروس قرروا الانسحاب."
    assert value("", body, "attribution_depth") == 2


def test_official_to_an_agency_is_two():
    assert value("", "وقال مسؤول لرويترز إن المحادثات توقفت.", "attribution_depth") == 2


def test_agency_credit_adds_one():
    body = "القاهرة - أ ش أ\nقال الوزير إن الخطة جاهزة."
    assert value("", body, "attribution_depth") == 2


def test_agency_credit_alone_is_one():
    assert value("", "واس\nانطلقت فعاليات المهرجان أمس.", "attribution_depth") == 1


def test_example_article_is_three(example):
    assert value(*example, "attribution_depth") == 3


def test_social_media_is_not_a_hop():
    body = "ومن جانبه علق الإعلامي حمدي قنديل عبر حسابه على تويتر قائلا، «لم يخطئ أبومازن اليوم»."
    assert value("", body, "attribution_depth") == 1
