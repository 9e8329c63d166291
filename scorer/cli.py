"""The ``credscore`` command line: translate arguments and errors, call the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from scorer import __version__
from scorer.analysis import analyze
from scorer.errors import ScorerError
from scorer.inputs import decode, looks_like_jsonl, read_bytes, read_jsonl, split_plain


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="credscore", description="Credibility and sourcing signals for Arabic news."
    )
    parser.add_argument("--version", action="version", version=f"credscore {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    signals = commands.add_parser(
        "signals",
        help="print the sourcing signals and their evidence as JSON",
        description="FILE: plain text (first line the title, the rest the body), or a .jsonl "
        'file of {"id", "title", "body"} rows (one JSON object out per row); - reads stdin.',
    )
    signals.add_argument("file", metavar="FILE")
    return parser.parse_args(argv)


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def run_signals(path: str) -> None:
    stdin = sys.stdin.buffer.read() if path == "-" else None
    text = decode(read_bytes(path, stdin), "standard input" if path == "-" else path)
    if not looks_like_jsonl(path, text):
        print(_dump(analyze(*split_plain(text)).as_dict()))
        return
    for row in read_jsonl(text):
        if row.error is not None:
            print(_dump({"id": row.id, "error": row.error}))
            continue
        try:
            result = analyze(row.title, row.body).as_dict()
        except ScorerError as error:
            result = {"error": str(error)}
        print(_dump({"id": row.id, **result}))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "signals":
            run_signals(args.file)
    except ScorerError as error:
        print(f"credscore: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
