"""A small hand-written labelled fixture: agency-style reports vs. rumour-style pieces."""

from __future__ import annotations

import random

OFFICIALS = [
    ("وزير الزراعة", "السيد القصير"),
    ("المتحدث باسم وزارة الصحة", "خالد مجاهد"),
    ("محافظ الإسكندرية", "محمد الشريف"),
    ("رئيس هيئة السكك الحديدية", "أشرف رسلان"),
    ("وزير التعليم", "طارق شوقي"),
]
TOPICS = [
    "خطة توزيع الأسمدة",
    "حملة التطعيم",
    "مشروع تطوير الطرق",
    "جدول القطارات",
    "نتائج الامتحانات",
]
CLAIMS = ["انسحاب القوات", "استقالة الحكومة", "إلغاء الامتحانات", "رفع الأسعار", "إغلاق المعابر"]


def credible_article(rng: random.Random) -> tuple[str, str]:
    office, name = rng.choice(OFFICIALS)
    topic = rng.choice(TOPICS)
    title = f"{office}: بدء تنفيذ {topic} الأسبوع المقبل"
    body = (
        "القاهرة - أ ش أ\n"
        f"قال {office} {name} إن {topic} ستبدأ يوم الأحد المقبل في جميع المحافظات.\n"
        f'وأضاف {name} في بيان رسمي: "لقد انتهينا من جميع الاستعدادات اللازمة للتنفيذ".\n'
        f"وأوضح أن الوزارة خصصت {rng.randint(10, 90)} مليون جنيه للمشروع."
    )
    return title, body


def rumour_article(rng: random.Random) -> tuple[str, str]:
    claim = rng.choice(CLAIMS)
    title = f"عاجل!… قرار مفاجئ قد يقلب الطاولة: {claim} خلال ساعات"
    body = (
        "متابعات\n"
        f"كشفت مصادر مطلعة عن قرار مرتقب يتعلق ب{claim}، مشيرة إلى أنه من المحتمل أن يعلن قريبا.\n"
        "ونقل موقع إخباري عن مصدر مسؤول قوله إن القرار ربما يصدر خلال ساعات.\n"
        "ووفقا للمصدر فإن الأمر لم يتسن التأكد منه بعد."
    )
    return title, body


def labelled_rows(count: int = 40, seed: int = 0) -> list[dict[str, object]]:
    """``count`` rows ``{id, title, body, label}``, half trusted, half untrusted, shuffled."""
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        make = credible_article if index % 2 == 0 else rumour_article
        title, body = make(rng)
        label = "trusted" if index % 2 == 0 else "untrusted"
        rows.append(
            {"id": f"a{index}", "title": title, "body": body + f"\n{index}", "label": label}
        )
    rng.shuffle(rows)
    return rows
