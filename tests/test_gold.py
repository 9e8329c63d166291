"""Agreement with the hand-annotated gold articles (skipped without ../shared)."""

import pytest

from scorer.gold import agreement, format_table, load_gold

TARGET_EXACT = {
    "sensational_headline": 0.80,
    "obfuscated_terms": 0.80,
    "direct_quotes": 0.80,
    "anonymous_sources": 0.65,
    "named_sources": 0.65,
    "hedges": 0.65,
    "attribution_depth": 0.70,
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
