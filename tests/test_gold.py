"""Agreement with the hand-annotated gold articles (skipped without ../shared)."""

import pytest

from scorer import signals
from scorer.gold import agreement, format_table, load_gold

# Exact-match targets as the signals' specs declare them (Evidence.gold_exact).
TARGET_EXACT = {
    spec.name: spec.evidence.gold_exact for spec in signals.SPECS if spec.evidence.gold_exact
}


@pytest.fixture(scope="module")
def table(shared_dir):
    path = shared_dir / "gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("no gold file")
    table = agreement(load_gold(path))
    print("\n" + format_table(table))
    return {row.signal: row for row in table}


@pytest.mark.parametrize("signal", sorted(TARGET_EXACT))
def test_signal_agrees_with_gold(table, signal):
    row = table[signal]
    assert row.exact >= TARGET_EXACT[signal]
    assert row.mae <= 1.0
    assert row.micro_f1 >= 0.70
