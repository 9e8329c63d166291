"""Every pass over text is linear: a 64K-character body of one shape costs at most ~20x a
4K-character body of the same shape (16x the length; a quadratic pass gives 100x and more).

Measured as a ratio within one run, best of three, so the shared machine's speed cancels out;
a ratio over the bound is measured once more before it counts, since a noisy neighbour can slow
one measurement (a quadratic pass stays over the bound every time).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer import analyze

SMALL, LARGE = 4_000, 64_000
MAX_RATIO = 20.0

# Shapes that were quadratic once (reporting verbs with no subject, emoji or digit runs with no
# sentence end, tatweel runs, many quotes, many sources, many furniture lines) and others that
# exercise every pass: separators, spelled-out letters, dates, credits, page markup.
UNITS = (
    "قال ",
    "قال: ",
    "😀",
    "😀 ",
    "1234567890",
    "ـ",
    "الاعتـ.ـراف ",
    '"قال الوزير" ',
    "«",
    "»",
    "قال مصدر ",
    "مصادر مطلعة قالت إن ",
    "اقرأ أيضا\n",
    "م ق ا و م ة ",
    "د ا ع ش ",
    "لرويترز ",
    "نقلا عن ",
    "ربما ",
    "12 نوفمبر 2022 ",
    "القاهرة - أ ش أ\n",
    "…",
    "ـ ـ",
    "<p>",
    "\u200b",
)


def _seconds(body: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        analyze("عنوان", body)
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(unit: str) -> float:
    def of_length(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    _seconds(of_length(SMALL))  # warm the caches (lexicons, patterns)
    ratio = _seconds(of_length(LARGE)) / _seconds(of_length(SMALL))
    if ratio > MAX_RATIO:
        ratio = min(ratio, _seconds(of_length(LARGE)) / _seconds(of_length(SMALL)))
    return ratio


@pytest.mark.parametrize("unit", UNITS)
def test_known_shapes_cost_linear_time(unit):
    ratio = _ratio(unit)
    assert ratio <= MAX_RATIO, f"{unit!r}: 16x the text cost {ratio:.0f}x the time"


@given(
    st.lists(
        st.sampled_from(UNITS) | st.text(alphabet="قالمصدرـ.«»\"' \n:،😀1", min_size=1, max_size=4),
        min_size=2,
        max_size=4,
    )
)
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_mixed_shapes_cost_linear_time(pieces):
    unit = "".join(pieces)
    ratio = _ratio(unit)
    assert ratio <= MAX_RATIO, f"{unit!r}: 16x the text cost {ratio:.0f}x the time"
