"""Agreement of the analyser with hand-annotated gold articles (``../shared/gold/dev.jsonl``).

Per signal: exact-match rate, mean absolute error, and micro-F1 over counts
(precision = Σ min(found, gold) / Σ found, recall = Σ min(found, gold) / Σ gold).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scorer.analysis import analyze
from scorer.errors import InputError
from scorer.signals import annotated_signals


@dataclass(frozen=True, slots=True)
class Agreement:
    """Agreement of one signal over a gold set."""

    signal: str
    articles: int
    exact: float
    mae: float
    micro_f1: float


def gold_value(annotation: dict) -> float:
    """The annotated count (or, for attribution_depth, value) of one signal."""
    return float(annotation["value"] if "value" in annotation else annotation["count"])


def load_gold(path: Path) -> list[dict]:
    """The gold records of a JSONL file: ``{gid, title, body, gold: {signal: {...}}}``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read gold file {path}: {error}") from error


def agreement(records: list[dict]) -> list[Agreement]:
    """Per-signal agreement of ``analyze`` with the gold records."""
    predictions = [analyze(r["title"], r["body"]).signals for r in records]
    table = []
    for signal in annotated_signals():
        pairs = [(p[signal], gold_value(r["gold"][signal])) for p, r in zip(predictions, records)]
        overlap = sum(min(found, gold) for found, gold in pairs)
        found_total = sum(found for found, _ in pairs)
        gold_total = sum(gold for _, gold in pairs)
        precision = overlap / found_total if found_total else float(gold_total == 0)
        recall = overlap / gold_total if gold_total else float(found_total == 0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.append(
            Agreement(
                signal,
                len(pairs),
                sum(found == gold for found, gold in pairs) / len(pairs),
                sum(abs(found - gold) for found, gold in pairs) / len(pairs),
                f1,
            )
        )
    return table


def format_table(table: list[Agreement]) -> str:
    """A plain-text table of the agreement figures."""
    lines = [f"{'signal':<22} {'n':>3} {'exact':>6} {'MAE':>6} {'microF1':>8}"]
    lines += [
        f"{a.signal:<22} {a.articles:>3} {a.exact:>6.2f} {a.mae:>6.2f} {a.micro_f1:>8.2f}"
        for a in table
    ]
    return "\n".join(lines)
