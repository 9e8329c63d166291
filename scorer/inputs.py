"""Read articles from the files users give: plain text (first line the title) or JSONL rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scorer.errors import InputError


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One input row: an article as read, or the reason it cannot be read."""

    id: object
    title: object
    body: object
    error: str | None = None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of ``data``; binary or undecodable input is an ``InputError``."""
    if b"\x00" in data:
        raise InputError(f"{source} is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{source} is not valid UTF-8 (byte {error.start})") from error
    if not text.strip():
        raise InputError(f"{source} is empty")
    return text


def read_bytes(path: str, stdin: bytes | None = None) -> bytes:
    """The bytes of ``path`` (``-`` for the given standard input)."""
    if path == "-":
        return stdin or b""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error


def split_plain(text: str) -> tuple[str, str]:
    """A plain-text article: the first non-empty line is the title, the rest the body."""
    stripped = text.lstrip("\n")
    title, _, body = stripped.partition("\n")
    return title.strip(), body


def looks_like_jsonl(path: str, text: str) -> bool:
    """A ``.jsonl`` file, or standard input whose first line is a JSON object."""
    if path.endswith((".jsonl", ".ndjson")):
        return True
    return path == "-" and text.lstrip().startswith("{") and "\n" in text.strip()


_INT64 = range(-(2**63), 2**63)


def load_json_line(line: str, number: int) -> tuple[dict[str, object], str | None]:
    """One JSONL line as an object, and why it cannot be used (None when it can).

    A line that is not a JSON object gives ``{}``. Lone surrogates (JSON escapes such as
    ``"\\ud800"`` that are not valid Unicode) are replaced by U+FFFD, so the row can still be
    written out, and reported; so is an integer beyond 64 bits, kept as text.
    """
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return {}, f"line {number}: invalid JSON ({error.msg})"
    if not isinstance(row, dict):
        return {}, f"line {number}: a row must be a JSON object"
    error = None
    huge = [key for key, value in row.items() if isinstance(value, int) and value not in _INT64]
    if huge:  # kept as text: tables (and pandas) hold 64-bit integers at most
        row |= {key: str(row[key]) for key in huge}
        error = f"line {number}: {huge[0]} is an integer beyond 64 bits"
    if "\\ud" not in line.lower():  # decoded UTF-8 has no surrogates: only escapes can
        return row, error
    text = json.dumps(row, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        repaired = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        return json.loads(repaired), f"line {number}: not valid Unicode (a lone surrogate)"
    return row, error


def parse_row(line: str, number: int) -> ArticleRow:
    """One JSONL row ``{"id", "title", "body"}``; a row that cannot be used carries its error."""
    row, error = load_json_line(line, number)
    # Types and emptiness are checked by the library's one article rule.
    return ArticleRow(row.get("id", number), row.get("title"), row.get("body"), error)


def read_jsonl(text: str) -> Iterator[ArticleRow]:
    """The rows of a JSONL text, blank lines skipped, in order."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield parse_row(line, number)
