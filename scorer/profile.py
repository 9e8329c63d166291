"""Outlet sourcing profiles: per outlet, how its articles are sourced, each figure with a 95%
interval and the articles and spans it comes from.

An outlet is the value of a column (``source``), or the domain of a ``url`` column. Input is raw
articles (scored here, chunk by chunk, with the batch machinery) or an existing ``batch`` output
with its signal columns. Shares get Wilson score intervals; means get percentile bootstrap
intervals (seeded, so a profile is reproducible), normal ones for large outlets. Outlets with
fewer than ``min_articles`` articles are reported apart and not ranked: their intervals are too
wide to compare.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
from scipy import stats

from scorer.batch import BatchOptions, scored_chunks
from scorer.errors import InputError
from scorer.reports import render
from scorer.scoring import LABELS, ScoringModel
from scorer.tabular import READ_ERROR, iter_table

CHUNK_ROWS = 250
Z_95 = 1.959963984540054
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_MAX_ARTICLES = 400
EXAMPLES_PER_OUTLET = 3
EXAMPLE_SPANS = 4
DOMAIN = "domain"

# Each measure: its name, "share" of articles where something holds (Wilson interval) or "mean"
# of a value (bootstrap or normal interval), and its labels in Arabic and English.
MEASURES: tuple[tuple[str, str, str, str], ...] = (
    ("mean_score", "mean", "متوسط الدرجة", "mean score"),
    ("share_with_anonymous_source", "share", "نسبة الأخبار ذات مصدر مجهول", "articles with an anonymous source"),
    ("mean_anonymous_share", "mean", "متوسط حصة المصادر المجهولة", "mean share of anonymous sources"),
    ("share_relayed_relays", "share", "نسبة الإسناد عبر ثلاث حلقات فأكثر", "articles relaying a relay (depth ≥ 3)"),
    ("hedges_per_1000_words", "mean", "تحوّط لكل ألف كلمة", "hedges per 1,000 words"),
    ("attributions_per_1000_words", "mean", "إسنادات لكل ألف كلمة", "attributions per 1,000 words"),
    ("share_sensational_titles", "share", "نسبة العناوين المثيرة", "titles with sensational cues"),
    ("share_with_broken_words", "share", "نسبة الأخبار بكلمات مقطّعة", "articles with broken words"),
)  # fmt: skip
SIGNAL_COLUMNS = (
    "score",
    "label",
    "anonymous_sources",
    "anonymous_share",
    "attribution_depth",
    "hedges_per_1000_words",
    "attributions_per_1000_words",
    "sensational_headline",
    "obfuscated_terms",
)


def measure_values(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each measure's per-article value (1/0 for shares) of scored rows."""
    return {
        "mean_score": rows["score"].to_numpy(float),
        "share_with_anonymous_source": (rows["anonymous_sources"] > 0).to_numpy(float),
        "mean_anonymous_share": rows["anonymous_share"].to_numpy(float),
        "share_relayed_relays": (rows["attribution_depth"] >= 3).to_numpy(float),
        "hedges_per_1000_words": rows["hedges_per_1000_words"].to_numpy(float),
        "attributions_per_1000_words": rows["attributions_per_1000_words"].to_numpy(float),
        "share_sensational_titles": (rows["sensational_headline"] > 0).to_numpy(float),
        "share_with_broken_words": (rows["obfuscated_terms"] > 0).to_numpy(float),
    }


def wilson_interval(successes: int, trials: int) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (good coverage also near 0 and 1)."""
    if trials == 0:
        return math.nan, math.nan
    p = successes / trials
    denominator = 1 + Z_95**2 / trials
    centre = (p + Z_95**2 / (2 * trials)) / denominator
    half = Z_95 * math.sqrt(p * (1 - p) / trials + Z_95**2 / (4 * trials**2)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def mean_interval(
    values: np.ndarray, rng: np.random.Generator, resamples: int = BOOTSTRAP_RESAMPLES
) -> tuple[float, float]:
    """95% interval of a mean: the bias-corrected and accelerated bootstrap (scipy) for fewer
    than BOOTSTRAP_MAX_ARTICLES values (the skewed rates of small outlets), the normal interval
    above (the bootstrap's own limit there, at a fraction of its cost)."""
    if len(values) == 0:
        return math.nan, math.nan
    if np.all(values == values[0]):
        return float(values[0]), float(values[0])
    if len(values) >= BOOTSTRAP_MAX_ARTICLES:
        half = Z_95 * float(values.std(ddof=1)) / math.sqrt(len(values))
        return float(values.mean()) - half, float(values.mean()) + half
    result = stats.bootstrap(
        (values,), np.mean, n_resamples=resamples, method="BCa", random_state=rng
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def outlet_of(value: object, by_domain: bool) -> str | None:
    """The outlet of one row: the column's value, or the host of a URL without "www."."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    if not by_domain:
        return text or None
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    return host.removeprefix("www.") or None


@dataclass(order=True)
class _Example:
    strength: int
    row: int
    title: str = field(compare=False)
    score: float = field(compare=False)
    spans: list[dict] = field(compare=False)


@dataclass
class _Outlet:
    """What is kept of one outlet's articles while the input streams by."""

    values: list[dict[str, float]] = field(default_factory=list)
    errors: int = 0
    examples: list[_Example] = field(default_factory=list)


def _strength(evidence: list[dict]) -> int:
    """How much sourcing evidence an article shows: its anonymous, hedge and title-cue spans."""
    marked = ("anonymous_sources", "hedges", "sensational_headline", "obfuscated_terms")
    return sum(span["signal"] in marked for span in evidence)


def _scored(
    source: str | Path,
    model: ScoringModel | None,
    options: BatchOptions,
    workers: int = 1,
    model_path: str | Path | None = None,
) -> Iterator[pd.DataFrame]:
    """The input in chunks with its signal columns: a batch output as it is (its signals as
    columns, or in one ``signals`` object per row as JSONL outputs hold them), raw articles
    scored here or by ``workers`` processes, as ``credscore batch`` does."""
    first = next(iter_table(source, CHUNK_ROWS), None)
    if first is None:
        raise InputError(f"{source} has no rows")
    if _is_scored(first.columns):
        for chunk in iter_table(source, CHUNK_ROWS):
            yield _signals_as_columns(chunk) if "signals" in chunk.columns else chunk
        return
    if model is None and workers <= 1:
        raise InputError(f"{source} has no score columns: give a model to score it")
    yield from scored_chunks(source, model, options, workers, model_path)


def _is_scored(columns: pd.Index) -> bool:
    """A batch output: scores, and the signals as columns or as one object per row."""
    has_signals = "signals" in columns or all(name in columns for name in SIGNAL_COLUMNS)
    return "score" in columns and has_signals


def _signals_as_columns(chunk: pd.DataFrame) -> pd.DataFrame:
    values = [
        json.loads(value) if isinstance(value, str) else value if isinstance(value, dict) else {}
        for value in chunk["signals"]
    ]
    expanded = pd.DataFrame.from_records(values, index=chunk.index)
    return pd.concat(
        [chunk.drop(columns=["signals", *expanded.columns], errors="ignore"), expanded], axis=1
    )


def build_profile(
    chunks: Iterable[pd.DataFrame],
    by: str,
    min_articles: int = 20,
    seed: int = 0,
    title_col: str = "title",
) -> pd.DataFrame:
    """One row per outlet: article and error counts, each measure with its 95% interval, label
    counts, whether it is ranked (``min_articles`` or more), and example articles with their
    strongest evidence spans (JSON). Ranked outlets first, by mean score."""
    by_domain = by == DOMAIN
    column = "url" if by_domain else by
    outlets: dict[str, _Outlet] = {}
    for chunk in chunks:
        if column not in chunk.columns:
            raise InputError(f"no column {column!r} to profile by")
        for index, row in zip(chunk.index, chunk.to_dict("records"), strict=True):
            outlet = outlet_of(row.get(column), by_domain)
            if outlet is None:
                continue
            state = outlets.setdefault(outlet, _Outlet())
            error = row.get("error") if "error" in row else row.get(READ_ERROR)
            if isinstance(error, str) or pd.isna(row.get("score")):
                state.errors += 1
                continue
            state.values.append({name: row[name] for name in SIGNAL_COLUMNS})
            evidence = row.get("evidence")
            if isinstance(evidence, str):  # a CSV or Parquet batch output holds it as JSON
                evidence = json.loads(evidence)
            if isinstance(evidence, list):
                example = _Example(
                    _strength(evidence),
                    int(index),
                    str(row.get(title_col) or ""),
                    float(row["score"]),
                    [s for s in evidence if s["signal"] != "named_sources"][:EXAMPLE_SPANS],
                )
                heap = state.examples
                (heapq.heappush if len(heap) < EXAMPLES_PER_OUTLET else heapq.heappushpop)(
                    heap, example
                )
    rng = np.random.default_rng(seed)
    rows = [_outlet_row(name, state, min_articles, rng) for name, state in outlets.items()]
    if not rows:
        raise InputError("no article could be attributed to an outlet")
    table = pd.DataFrame(rows)
    return table.sort_values(["ranked", "mean_score"], ascending=[False, False]).reset_index(
        drop=True
    )


def _outlet_row(
    name: str, state: _Outlet, min_articles: int, rng: np.random.Generator
) -> dict[str, object]:
    frame = pd.DataFrame(state.values, columns=list(SIGNAL_COLUMNS))
    articles = len(frame)
    row: dict[str, object] = {
        "outlet": name,
        "articles": articles,
        "errors": state.errors,
        "ranked": articles >= min_articles,
        "median_score": float(frame["score"].median()) if articles else math.nan,
    }
    values = measure_values(frame)
    for measure, kind, *_ in MEASURES:
        data = values[measure]
        estimate = float(data.mean()) if articles else math.nan
        if kind == "share":
            low, high = wilson_interval(int(data.sum()), articles)
        else:
            low, high = mean_interval(data, rng)
        row |= {measure: estimate, f"{measure}_low": low, f"{measure}_high": high}
    labels = frame["label"].astype(str)
    row |= {f"label_{label}": int((labels == label).sum()) for label in LABELS}
    examples = sorted(state.examples, reverse=True)
    row["examples"] = [
        {"row": e.row, "title": e.title, "score": e.score, "spans": e.spans} for e in examples
    ]
    return row


def profile_file(
    source: str | Path,
    by: str,
    model: ScoringModel | None,
    options: BatchOptions,
    min_articles: int = 20,
    workers: int = 1,
    model_path: str | Path | None = None,
) -> pd.DataFrame:
    """``build_profile`` of a JSONL, CSV or Parquet file of articles or of a batch output;
    articles are scored as ``score_file`` does (``model`` here, or ``workers`` processes)."""
    chunks = _scored(source, model, options, workers, model_path)
    return build_profile(chunks, by, min_articles, title_col=options.title_col)


def write_profile_report(table: pd.DataFrame, directory: Path, min_articles: int) -> Path:
    """``profile.html`` under ``directory``: the sortable table, a dot-and-interval plot per
    measure, and each ranked outlet's example articles with their evidence."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = table.to_dict("records")
    ranked = [row for row in rows if row["ranked"]]
    scales = {}
    for measure, *_ in MEASURES:
        high = max((row[f"{measure}_high"] for row in ranked), default=1.0)
        top = high if math.isfinite(high) and high > 0 else 1.0
        scales[measure] = _Scale(top)
    page = render(
        "profile.html",
        measures=[(name, (arabic, english)) for name, _, arabic, english in MEASURES],
        ranked=ranked,
        apart=[row for row in rows if not row["ranked"]],
        min_articles=min_articles,
        scales=scales,
    )
    path = directory / "profile.html"
    path.write_text(page, "utf-8")
    return path


@dataclass(frozen=True)
class _Scale:
    """A measure's value as a percentage of the plot's width (0 to the largest upper bound)."""

    top: float

    def __call__(self, value: float) -> float:
        return round(100.0 * min(max(value, 0.0), self.top) / self.top, 2)
