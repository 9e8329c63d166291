"""Batch scoring on a Dask cluster: the partitions of a large archive scored on the workers.

The input (one file, a directory or a glob of Parquet, JSONL or CSV partitions) is read with
``dask.dataframe`` and scored partition by partition with ``map_partitions``. Each worker process
loads the verified model once, on its first partition (tasks carry only the model's path), and
scores rows exactly as the local engine does: every row comes out once, in order, with an
``error`` for rows that cannot be scored. A partition that fails is retried by Dask; if it still
fails, the job stops with an error that says so, rather than losing rows.

Dask is an optional extra: ``pip install 'credscore[dask]'``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from scorer.batch import (
    CHUNK_ROWS,
    BatchOptions,
    check_columns,
    for_flat_format,
    score_chunk,
    worker_model,
)
from scorer.errors import InputError, ScorerError
from scorer.tabular import READ_ERROR, iter_table, table_format, write_table
from scorer.training import dedupe_key

PARTITION_RETRIES = 2
INSTALL_HINT = "the dask engine needs Dask: pip install 'credscore[dask]'"


class DaskUnavailable(ScorerError):
    """``--engine dask`` was asked for without Dask installed."""


def _dask_modules() -> tuple[object, object, object]:
    try:
        import dask.dataframe as dd
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskUnavailable(INSTALL_HINT) from error
    return dd, Client, LocalCluster


def score_partition(
    partition: pd.DataFrame, model_path: str | None, options: BatchOptions
) -> pd.DataFrame:
    """One partition scored as the local engine scores it, nested columns as JSON text and
    untyped (JSONL) columns as strings, so every partition has one schema."""
    scored = for_flat_format(score_chunk(worker_model(model_path), partition, options))
    untyped = [c for c in scored.columns if scored[c].dtype == object]
    return scored.astype({c: "string" for c in untyped})


def _read_jsonl_file(path: str, keep: list[str]) -> pd.DataFrame:
    """One JSONL file read as the local engine reads it (values keep their JSON types, a bad
    line is a row with its ``READ_ERROR``), as untyped columns conformed to ``keep``."""
    chunks = list(iter_table(path, CHUNK_ROWS))
    frame = pd.concat(chunks) if chunks else pd.DataFrame(columns=keep)
    return frame.reindex(columns=keep).astype(object)


def read_partitions(source: str) -> object:
    """A dask DataFrame over one file, a directory or a glob of Parquet, JSONL or CSV files."""
    dd, _, _ = _dask_modules()
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix and not p.name.startswith((".", "_")))
        if not files:
            raise ScorerError(f"{source}: no data files")
        kind, pattern = table_format(files[0]), str(path / f"*{files[0].suffix}")
    else:
        kind, pattern = table_format(source), source
    if kind == "parquet":
        return dd.read_parquet(pattern)
    if kind == "jsonl":
        # dd.read_json would turn numbers and lists into text, and a bad line fails the file.
        files = sorted(glob.glob(pattern))
        if not files:
            raise ScorerError(f"{source}: no such file")
        first = next(iter_table(files[0], CHUNK_ROWS), pd.DataFrame())
        columns = [c for c in first.columns if c != READ_ERROR] + [READ_ERROR]
        meta = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        return dd.from_map(partial(_read_jsonl_file, keep=columns), files, meta=meta)
    return dd.read_csv(pattern, dtype=str, keep_default_na=False)


def partition_failure(error: Exception) -> ScorerError:
    """The one-line error of a partition that still fails after its retries."""
    return ScorerError(f"scoring failed after {PARTITION_RETRIES} retries of a partition: {error}")


def _raw_values() -> AbstractContextManager[object]:
    """Dask otherwise turns object columns into strings: a body of 42 would become "42"."""
    import dask

    return dask.config.set({"dataframe.convert-string": False})


@dataclass(frozen=True)
class DaskRun:
    """Where a Dask job runs and with which model: the scheduler's address (None: a new
    LocalCluster of ``workers`` processes, one per core by default) and the model's path (None:
    the bundled model), which each worker loads and verifies itself."""

    model_path: str | None = None
    scheduler: str | None = None
    workers: int | None = None

    def connect(self) -> object:
        """A client of the scheduler, or of a new LocalCluster."""
        _, Client, LocalCluster = _dask_modules()
        if self.scheduler:
            return Client(self.scheduler)
        count = self.workers or os.cpu_count() or 1
        return Client(LocalCluster(n_workers=count, threads_per_worker=1, processes=True))


def scored_collection(source: str, options: BatchOptions, model_path: str | None) -> object:
    """The lazily scored dask DataFrame of ``source`` (flat columns)."""
    frame = read_partitions(source)
    check_columns(frame.columns, options)
    model = worker_model(model_path)  # verify the model here before any task is sent
    meta = for_flat_format(score_chunk(model, frame._meta.iloc[:0], options))
    return frame.map_partitions(score_partition, model_path, options, meta=meta)


def score_with_dask(
    source: str, output: str, options: BatchOptions, run: DaskRun, single_file: bool = False
) -> tuple[int, int]:
    """Score ``source`` on Dask and write ``output``; return (rows, rows with an error).

    ``output`` is a directory of Parquet partitions, or with ``single_file`` one JSONL, CSV or
    Parquet file, written atomically.
    """
    options = BatchOptions(**{**options.__dict__, "signals_as_object": False})
    if single_file:
        table_format(output)
    with _raw_values():
        scored = scored_collection(source, options, run.model_path)  # the model checked first
        with run.connect() as client:
            try:
                if single_file:
                    result = client.compute(scored, retries=PARTITION_RETRIES).result()
                    write_table(result, output)
                    return len(result), int(result["error"].notna().sum())
                written = scored.to_parquet(output, write_index=False, compute=False)
                client.compute(written, retries=PARTITION_RETRIES).result()
            except Exception as error:  # a task's own exception, re-raised after retries
                raise partition_failure(error) from error
    written_back = read_partitions(output)
    errors = written_back["error"].count().compute()  # non-null errors
    return len(written_back), int(errors)


def _evaluation_rows(
    partition: pd.DataFrame,
    label_col: str,
    positive: str,
    model_path: str | None,
    options: BatchOptions,
) -> pd.DataFrame:
    """Key, true label and the model's outputs for the rows with a body (as the local engine)."""
    titles = partition[options.title_col] if options.title_col in partition.columns else ""
    bodies = partition[options.body_col].fillna("").astype(str)
    truth = (partition[label_col].astype(str) == str(positive)).astype("int64")
    scored = score_chunk(worker_model(model_path), partition, options)
    rows = pd.DataFrame(
        {
            "key": dedupe_key(pd.Series(titles, index=partition.index), bodies).astype("string"),
            "truth": truth,
            "probability": scored["probability"],
            "score": scored["score"],
            "label": scored["label"],
        }
    )
    return rows[bodies.str.strip().astype(bool).to_numpy() & scored["error"].isna().to_numpy()]


def evaluation_rows(
    source: str, label_col: str, positive: str, options: BatchOptions, run: DaskRun
) -> pd.DataFrame:
    """Score ``source`` on Dask; bring back key, true label, probability, score and band."""
    with _raw_values():
        frame = read_partitions(source)
        check_columns(frame.columns, options)
        if label_col not in frame.columns:
            raise ScorerError(f"no column {label_col!r} in the input")
        path = run.model_path
        meta = _evaluation_rows(frame._meta.iloc[:0], label_col, positive, path, options)
        rows = frame.map_partitions(_evaluation_rows, label_col, positive, path, options, meta=meta)
        with run.connect() as client:
            return client.compute(rows, retries=PARTITION_RETRIES).result()


def profile_chunks(
    source: str, by: str, options: BatchOptions, run: DaskRun
) -> Iterator[pd.DataFrame]:
    """The columns a profile needs (outlet, signals, title, evidence, error) of ``source``
    scored on Dask, partition by partition in order: only they come back to this process."""
    from scorer.profile import DOMAIN, SIGNAL_COLUMNS

    options = BatchOptions(**{**options.__dict__, "signals_as_object": False, "evidence": True})
    column = "url" if by == DOMAIN else by
    with _raw_values():
        scored = scored_collection(source, options, run.model_path)
        if column not in scored.columns:
            raise InputError(f"no column {column!r} to profile by")
        keep = [column, options.title_col, *SIGNAL_COLUMNS, "evidence", "error"]
        needed = scored[[c for c in dict.fromkeys(keep) if c in scored.columns]]
        with run.connect() as client:
            futures = client.compute(needed.to_delayed(), retries=PARTITION_RETRIES)
            try:
                for future in futures:
                    yield future.result()
                    future.release()
            except Exception as error:  # a task's own exception, re-raised after retries
                raise partition_failure(error) from error
