"""Score whole tables of articles: every row comes out, in order, scored or with an error.

Rows are scored in chunks; with ``workers > 1`` the chunks go to worker processes that each load
the verified model once. A row that cannot be scored (missing or non-text body, empty article)
keeps its place and gets an ``error``; the job goes on.
"""

from __future__ import annotations

import itertools
import json
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from scorer.analysis import MAX_TEXT_CHARS, article_error
from scorer.artifacts import load_model
from scorer.errors import InputError, ScorerError
from scorer.scoring import SUBSCORES, ScoringModel
from scorer.signals import signal_names
from scorer.tabular import READ_ERROR, TableWriter, iter_table, table_format

CHUNK_ROWS = 250
RESULT_COLUMNS = ("score", "probability", "label", *SUBSCORES)


class BatchError(ScorerError):
    """A batch job that cannot go on (its worker processes keep dying)."""


@dataclass(frozen=True)
class BatchOptions:
    """Which columns hold the article, and what to add to the output."""

    title_col: str = "title"
    body_col: str = "body"
    id_col: str | None = None
    evidence: bool = False
    signals_as_object: bool = False
    max_chars: int = MAX_TEXT_CHARS


def _is_missing(value: object) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def result_columns(options: BatchOptions) -> list[str]:
    """The columns the scorer adds, in order (``error`` last)."""
    columns = list(RESULT_COLUMNS)
    columns += ["signals"] if options.signals_as_object else list(signal_names())
    if options.evidence:
        columns.append("evidence")
    return [*columns, "error"]


TEXT_COLUMNS = ("label", "error")


def score_chunk(model: ScoringModel, chunk: pd.DataFrame, options: BatchOptions) -> pd.DataFrame:
    """``chunk`` with the score columns added: same rows, same order, input columns kept."""

    def column(name: str) -> list[object]:
        return chunk[name].tolist() if name in chunk.columns else [None] * len(chunk)

    titles, bodies, unread = column(options.title_col), column(options.body_col), column(READ_ERROR)
    chunk = chunk.drop(columns=[READ_ERROR], errors="ignore")
    records: list[dict[str, object]] = [{} for _ in titles]
    valid = []
    for index, (title, body) in enumerate(zip(titles, bodies, strict=True)):
        error = unread[index] if isinstance(unread[index], str) else None
        error = error or article_error(
            None if _is_missing(title) else title,
            None if _is_missing(body) else body,
            options.max_chars,
        )
        if error is None:
            valid.append(index)
        else:
            records[index] = {"error": error}
    if valid:
        scored = model.score_articles(
            [titles[i] if isinstance(titles[i], str) else "" for i in valid],
            [bodies[i] for i in valid],
        )
        for index, result in zip(valid, scored, strict=True):
            record: dict[str, object] = {
                "score": result.score,
                "probability": result.probability,
                "label": result.label,
                **result.subscores,
            }
            if options.signals_as_object:
                record["signals"] = result.signals
            else:
                record.update(result.signals)
            if options.evidence:
                record["evidence"] = [span.as_dict() for span in result.evidence]
            records[index] = record
    columns = result_columns(options)
    added = pd.DataFrame.from_records(records, index=chunk.index, columns=columns)
    numeric = [c for c in columns if c not in (*TEXT_COLUMNS, "signals", "evidence")]
    added = added.astype({c: "float64" for c in numeric} | {c: "string" for c in TEXT_COLUMNS})
    # An input column named like a result column ("label" of a labelled file) is kept as
    # "<name>_input" (or "<name>_input_2", ... if that is taken too) rather than overwritten.
    taken = set(map(str, chunk.columns)) | set(columns)
    renamed = {}
    for name in (c for c in columns if c in chunk.columns):
        renamed[name] = _free_name(f"{name}_input", taken)
        taken.add(renamed[name])
    kept = chunk.rename(columns=renamed)
    return pd.concat([kept, added], axis=1)


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3``, ... whichever is not taken."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}_{number}"
    return candidate


@cache
def worker_model(model_path: str | None) -> ScoringModel:
    """The verified model, loaded once per worker process (local pool or Dask worker)."""
    return load_model(model_path)[0]


def _score_chunk_in_worker(args: tuple[pd.DataFrame, BatchOptions, str | None]) -> pd.DataFrame:
    chunk, options, model_path = args
    return score_chunk(worker_model(model_path), chunk, options)


def check_columns(columns: object, options: BatchOptions) -> None:
    """``InputError`` when the body (or the asked-for id) column is missing."""
    if options.body_col not in columns:
        raise InputError(f"no body column {options.body_col!r} in the input")
    if options.id_col is not None and options.id_col not in columns:
        raise InputError(f"no id column {options.id_col!r} in the input")


def score_frame(frame: pd.DataFrame, model: ScoringModel, options: BatchOptions) -> pd.DataFrame:
    """``frame`` scored in memory, in this process (``score_file`` streams files)."""
    check_columns(frame.columns, options)
    return score_chunk(model, frame, options)


def score_file(
    source: str | Path,
    target: str | Path,
    model: ScoringModel | None,
    options: BatchOptions,
    workers: int = 1,
    model_path: str | Path | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Score a JSONL, CSV or Parquet file into another, chunk by chunk; memory is bounded by
    the chunk size and the number of chunks in flight, not by the file's size.

    ``model`` scores in this process (``workers <= 1``); with more workers each process loads
    the verified model from ``model_path`` once. Returns (rows, rows with an error).
    """
    if Path(target).resolve() == Path(source).resolve():
        raise InputError(f"the output {target} is the input: give another file")
    flat = table_format(target) != "jsonl"
    errors = 0
    with TableWriter(target) as writer:
        for part in scored_chunks(source, model, options, workers, model_path):
            errors += int(part["error"].notna().sum())
            writer.write(for_flat_format(part) if flat else part)
            if on_progress:
                on_progress(len(part))
        rows = writer.rows
    return rows, errors


def scored_chunks(
    source: str | Path,
    model: ScoringModel | None,
    options: BatchOptions,
    workers: int,
    model_path: str | Path | None,
) -> Iterator[pd.DataFrame]:
    """The rows of ``source`` scored chunk by chunk, in order: in this process with ``model``,
    or by ``workers`` processes that load the model from ``model_path``."""
    chunks = iter_table(source, CHUNK_ROWS)
    first = next(chunks, None)
    if first is None:
        raise InputError(f"{source} has no rows")
    if READ_ERROR not in first.columns or first[READ_ERROR].isna().any():
        check_columns(first.columns, options)  # unless no row of the first chunk could be read
    chunks = itertools.chain([first], chunks)
    if workers <= 1:
        if model is None:
            raise ValueError("a model is needed to score in this process")
        for chunk in chunks:
            yield score_chunk(model, chunk, options)
        return
    path = str(model_path) if model_path is not None else None
    yield from _scored_in_pool(chunks, options, workers, path)


def _start_worker(model_path: str | None) -> None:
    """Worker set-up: Ctrl-C is the parent's to handle; load the verified model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_model(model_path)


def _scored_in_pool(
    chunks: Iterator[pd.DataFrame], options: BatchOptions, workers: int, path: str | None
) -> Iterator[pd.DataFrame]:
    """Chunks scored by worker processes, in order, with a bounded read-ahead.

    If a worker dies (killed, out of memory), the pool is replaced once and the chunks in
    flight are scored again; a second death stops the job with a ``BatchError``.
    """

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(path,))

    restarts = 0
    pool = new_pool()
    in_flight: deque[tuple[pd.DataFrame, Future[pd.DataFrame]]] = deque()

    def submit(chunk: pd.DataFrame) -> None:
        try:
            future = pool.submit(_score_chunk_in_worker, (chunk, options, path))
        except BrokenProcessPool as error:  # a worker died already: handled with the others
            future = Future()
            future.set_exception(error)
        in_flight.append((chunk, future))

    def oldest_result() -> pd.DataFrame:
        nonlocal pool, restarts
        while True:
            try:
                result = in_flight[0][1].result()
                in_flight.popleft()
                return result
            except BrokenProcessPool as error:
                if restarts:
                    raise BatchError("a worker process died twice; the job is stopped") from error
                restarts += 1
                pool.shutdown(cancel_futures=True)
                pool = new_pool()
                lost = [chunk for chunk, _ in in_flight]
                in_flight.clear()
                for chunk in lost:
                    submit(chunk)

    try:
        for chunk in chunks:
            submit(chunk)
            if len(in_flight) >= 2 * workers:  # bounded read-ahead keeps memory flat
                yield oldest_result()
        while in_flight:
            yield oldest_result()
    finally:
        pool.shutdown(cancel_futures=True)


def for_flat_format(frame: pd.DataFrame) -> pd.DataFrame:
    """Nested columns (evidence, signals) as JSON strings, for CSV and Parquet."""
    converted = frame.copy()
    for column in ("evidence", "signals"):
        if column in converted.columns:
            converted[column] = [
                json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else None
                for value in converted[column]
            ]
    return converted
