"""Read and write tables of articles as JSONL, CSV or Parquet, chosen by file extension."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

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


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` atomically: a temporary file beside ``path``, then a rename."""
    path = Path(path)
    kind = table_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if kind == "jsonl":
            frame.to_json(temporary, orient="records", lines=True, force_ascii=False)
        elif kind == "csv":
            frame.to_csv(temporary, index=False)
        else:
            frame.to_parquet(temporary, index=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
