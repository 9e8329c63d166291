"""Read and write tables of articles as JSONL, CSV or Parquet, chosen by file extension.

Whole tables (``read_table``/``write_table``) or chunk by chunk (``iter_table``/``TableWriter``),
so a batch job's memory is bounded by its chunk size, not by the file's. Every write goes to a
temporary file beside the target and is renamed into place only when complete.
"""

from __future__ import annotations

import csv
import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scorer.errors import InputError
from scorer.inputs import load_json_line

_CSV_FIELD_LIMIT = 1 << 30  # the csv module's default (128 KiB) is below the text limit
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


READ_ERROR = "__read_error__"
"""Column that ``iter_table`` adds to a chunk holding rows it could not read: why, per row."""


def iter_table(path: str | Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """The rows of a JSONL, CSV or Parquet file in chunks of ``chunk_rows``, in file order,
    indexed by row number.

    A JSONL line that is not a JSON object, or a CSV row with the wrong number of fields, stays
    a row (no columns) with its reason in ``READ_ERROR``: nothing is skipped or shifted.
    """
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
        with open(path, encoding="utf-8-sig", newline="" if kind == "csv" else None) as handle:
            rows = _jsonl_rows(handle) if kind == "jsonl" else _csv_rows(handle, path)
            yield from _chunks(rows, chunk_rows)
    except FileNotFoundError as error:
        raise InputError(f"cannot read {path}: no such file") from error
    except (ValueError, OSError, pa.ArrowException, csv.Error) as error:
        raise InputError(f"cannot read {path}: {error}") from error


Row = tuple[dict[str, object], str | None]


def _jsonl_rows(lines: Iterable[str]) -> Iterator[Row]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield load_json_line(line, number)


def _csv_rows(handle: TextIO, path: str | Path) -> Iterator[Row]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(handle)
    header = next(reader, None)
    if not header:
        raise InputError(f"{path} is empty: a CSV file needs a header row")
    if len(set(header)) != len(header):
        raise InputError(f"{path}: the CSV header names a column twice")
    for fields in reader:
        if not fields:
            continue  # a blank line
        if len(fields) == len(header):
            yield dict(zip(header, fields, strict=True)), None
        else:
            reason = f"line {reader.line_num}: {len(fields)} fields, the header has {len(header)}"
            yield {}, reason


def _chunks(rows: Iterator[Row], chunk_rows: int) -> Iterator[pd.DataFrame]:
    start = 0
    while batch := list(itertools.islice(rows, chunk_rows)):
        records, reasons = zip(*batch, strict=True)
        chunk = pd.DataFrame(list(records), index=pd.RangeIndex(start, start + len(records)))
        if any(reasons):
            chunk[READ_ERROR] = list(reasons)
        start += len(chunk)
        yield chunk


class TableWriter:
    """Write a table chunk by chunk into a temporary file, renamed to ``path`` on success.

    For CSV and Parquet the first chunk fixes the columns (and Parquet's schema); text columns
    are written as strings.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.kind = table_format(self.path)
        self.rows = 0
        self.columns: list[str] | None = None
        self._parquet: pq.ParquetWriter | None = None

    def __enter__(self) -> TableWriter:
        if self.path.is_dir():
            raise InputError(f"cannot write {self.path}: it is a directory")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
            os.close(handle)
            os.chmod(name, 0o666 & ~_umask())  # mkstemp's 0600 would ignore the umask
        except OSError as error:
            raise InputError(f"cannot write {self.path}: {error.strerror or error}") from error
        self.temporary = Path(name)
        return self

    def write(self, chunk: pd.DataFrame) -> None:
        """Append ``chunk``. For CSV and Parquet the first chunk fixes the columns: a later
        chunk lacking one gets it empty, and a column first seen later is left out."""
        if self.kind == "jsonl":
            with self.temporary.open("a", encoding="utf-8") as handle:
                chunk.to_json(handle, orient="records", lines=True, force_ascii=False)
            self.rows += len(chunk)
            return
        if self.columns is None:
            self.columns = list(chunk.columns)
        chunk = chunk.reindex(columns=self.columns)
        if self.kind == "csv":
            chunk.to_csv(self.temporary, mode="a", header=self.rows == 0, index=False)
        else:
            self._write_parquet(chunk)
        self.rows += len(chunk)

    def _write_parquet(self, chunk: pd.DataFrame) -> None:
        text = [c for c in chunk.columns if chunk[c].dtype == object]
        table = pa.Table.from_pandas(
            chunk.astype({c: "string" for c in text}), preserve_index=False
        )
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.temporary, table.schema)
        try:
            table = table.cast(self._parquet.schema)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as error:
            changed = [
                f"{field.name!r} ({field.type} then {table.schema.field(field.name).type})"
                for field in self._parquet.schema
                if table.schema.field(field.name).type != field.type
            ]
            raise InputError(
                f"a column changes type after row {self.rows}: {', '.join(changed) or error}; "
                "write JSONL output, or give the column one type"
            ) from error
        self._parquet.write_table(table)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if self._parquet is not None:
                self._parquet.close()
            if error is None:
                os.replace(self.temporary, self.path)
        except OSError as failure:
            raise InputError(
                f"cannot write {self.path}: {failure.strerror or failure}"
            ) from failure
        finally:
            self.temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` atomically: a temporary file beside ``path``, then a rename."""
    with TableWriter(path) as writer:
        writer.write(frame)
