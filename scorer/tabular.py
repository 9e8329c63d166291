"""Read and write tables of articles as JSONL, CSV or Parquet, chosen by file extension.

Whole tables (``read_table``/``write_table``) or chunk by chunk (``iter_table``/``TableWriter``),
so a batch job's memory is bounded by its chunk size, not by the file's. Every write goes to a
temporary file beside the target and is renamed into place only when complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scorer.errors import InputError

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def table_format(path: str | Path) -> str:
    """``jsonl``, ``csv`` or ``parquet`` from the file name; anything else is an InputError."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: unknown table format {suffix!r} (use .jsonl, .csv or .parquet)")
    return FORMATS[suffix]


def read_table(path: str | Path) -> pd.DataFrame:
    """The rows of a JSONL, CSV or Parquet file, in file order, every column as read."""
    kind = table_format(path)
    try:
        if kind == "jsonl":
            return pd.read_json(path, lines=True, dtype=False)
        if kind == "csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False)
        return pd.read_parquet(path)
    except FileNotFoundError as error:
        raise InputError(f"cannot read {path}: no such file") from error
    except (ValueError, OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from error


def iter_table(path: str | Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """The rows of a JSONL, CSV or Parquet file in chunks of ``chunk_rows``, in file order,
    indexed by row number."""
    kind = table_format(path)
    try:
        if kind == "parquet":
            start = 0
            for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
                chunk = batch.to_pandas()
                chunk.index = pd.RangeIndex(start, start + len(chunk))
                start += len(chunk)
                yield chunk
            return
        if kind == "jsonl":
            reader = pd.read_json(path, lines=True, dtype=False, chunksize=chunk_rows)
        else:
            reader = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=chunk_rows)
        with reader:
            yield from reader
    except FileNotFoundError as error:
        raise InputError(f"cannot read {path}: no such file") from error
    except (ValueError, OSError, UnicodeDecodeError, pa.ArrowException) as error:
        raise InputError(f"cannot read {path}: {error}") from error


class TableWriter:
    """Write a table chunk by chunk into a temporary file, renamed to ``path`` on success.

    For Parquet, the first chunk fixes the schema; text columns are written as strings.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.kind = table_format(self.path)
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None

    def __enter__(self) -> TableWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        os.close(handle)
        self.temporary = Path(name)
        return self

    def write(self, chunk: pd.DataFrame) -> None:
        if self.kind == "jsonl":
            with self.temporary.open("a", encoding="utf-8") as handle:
                chunk.to_json(handle, orient="records", lines=True, force_ascii=False)
        elif self.kind == "csv":
            chunk.to_csv(self.temporary, mode="a", header=self.rows == 0, index=False)
        else:
            text = [c for c in chunk.columns if chunk[c].dtype == object]
            table = pa.Table.from_pandas(
                chunk.astype({c: "string" for c in text}), preserve_index=False
            )
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.temporary, table.schema)
            self._parquet.write_table(table.cast(self._parquet.schema))
        self.rows += len(chunk)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if error is None:
            os.replace(self.temporary, self.path)
        else:
            self.temporary.unlink(missing_ok=True)


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` atomically: a temporary file beside ``path``, then a rename."""
    with TableWriter(path) as writer:
        writer.write(frame)
