"""A reader's words for what moved a score: "مصدر مجهول (٨) ↓", not ``anonymous_sources -0.83``."""

from __future__ import annotations

from scorer import signals
from scorer.signals.spec import HOPS_FEATURE

_ARABIC_DIGITS = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")
# The text branch's logits: what its n-grams resemble, by the direction they push.
_WORDING = {
    True: ("صياغة تشبه أخبار المصادر الموثوقة", "wording like credible outlets' news"),
    False: ("صياغة تشبه أخبار المصادر غير الموثوقة", "wording like unreliable outlets' news"),
}
_HOPS = ("إسناد عبر أكثر من حلقتين", "relayed through more than two hops")


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def reasons(feature: str, value: float, contribution: float) -> tuple[str, str]:
    """``(Arabic, English)`` words for one contribution: the signal's label and its value (or
    what the wording resembles), with an arrow for the direction it moves the score."""
    up = contribution > 0
    arrow = "↑" if up else "↓"
    if feature.startswith("text_"):
        arabic, english = _WORDING[up]
        return f"{arabic} {arrow}", f"{english} {arrow}"
    labels = {spec.name: (spec.label.ar, spec.label.en) for spec in signals.SPECS}
    arabic, english = labels.get(feature, _HOPS if feature == HOPS_FEATURE else (feature, feature))
    number = _number(value)
    return f"{arabic} ({number.translate(_ARABIC_DIGITS)}) {arrow}", f"{english} ({number}) {arrow}"
