"""The ``credscore`` command line: translate arguments and errors, call the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from scorer import __version__, signals
from scorer.analysis import MAX_TEXT_CHARS, analyze, article_error
from scorer.errors import InputError, ScorerError, first_problem
from scorer.inputs import decode, looks_like_jsonl, read_bytes, read_jsonl, split_plain
from scorer.signals import marked_signals

if TYPE_CHECKING:
    from scorer.distributed import DaskRun
    from scorer.scoring import ScoringModel


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _options(*arguments: tuple[tuple[str, ...], dict]) -> argparse.ArgumentParser:
    """A parent parser: options that several commands share (argparse ``parents=``)."""
    parent = argparse.ArgumentParser(add_help=False)
    for flags, options in arguments:
        parent.add_argument(*flags, **options)
    return parent


MODEL = _options((("--model",), {"help": "model card (.json) or artefact; default: bundled model"}))
MAX_CHARS = _options(
    (
        ("--max-chars",),
        {
            "type": _positive_int,
            "default": MAX_TEXT_CHARS,
            "help": f"refuse a title or body longer than this (default {MAX_TEXT_CHARS})",
        },
    )
)
INPUT = _options((("input",), {"metavar": "INPUT"}))
WORKERS = _options(
    (("--workers",), {"type": _positive_int, "default": 1, "help": "worker processes (default 1)"})
)
COLUMNS = _options((("--title-col",), {"default": "title"}), (("--body-col",), {"default": "body"}))
LABELS = _options(
    (("--label-col",), {"required": True}),
    (("--positive",), {"default": "trusted", "help": "label of credible articles"}),
)
ENGINE = _options(
    (
        ("--engine",),
        {
            "choices": ("local", "dask"),
            "default": "local",
            "help": "dask: INPUT may be a directory or glob of partitions, scored on a Dask "
            "cluster",
        },
    ),
    (("--scheduler",), {"help": "with --engine dask: a distributed scheduler address"}),
)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, each command with its runner in ``func``."""
    parser = argparse.ArgumentParser(
        prog="credscore", description="Credibility and sourcing signals for Arabic news."
    )
    parser.add_argument("--version", action="version", version=f"credscore {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    signals = commands.add_parser(
        "signals",
        parents=[MAX_CHARS],
        help="print the sourcing signals and their evidence as JSON",
        description="FILE: plain text (first line the title, the rest the body), or a .jsonl "
        'file of {"id", "title", "body"} rows (one JSON object out per row); - reads stdin.',
    )
    signals.add_argument("file", metavar="FILE")
    signals.set_defaults(func=run_signals)

    score = commands.add_parser(
        "score",
        parents=[MAX_CHARS, MODEL],
        help="score one article with the credibility model",
        description="FILE: plain text (first line the title) or a JSON object {title, body}; "
        "- reads stdin.",
    )
    score.add_argument("file", metavar="FILE")
    score.add_argument("--format", choices=("json", "text"), default="json")
    score.set_defaults(func=run_score)

    batch = commands.add_parser(
        "batch",
        parents=[INPUT, COLUMNS, MAX_CHARS, MODEL, ENGINE, WORKERS],
        help="score a JSONL, CSV or Parquet file of articles into another such file",
    )
    batch.add_argument("-o", "--output", required=True)
    batch.add_argument("--id-col")
    batch.add_argument("--evidence", action="store_true", help="add the evidence spans")
    batch.add_argument(
        "--single-file",
        action="store_true",
        help="with --engine dask: write OUTPUT as one file instead of a Parquet directory",
    )
    batch.set_defaults(func=run_batch)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[INPUT, LABELS, COLUMNS, MODEL, ENGINE],
        help="score a labelled file and report metrics beside two baselines",
    )
    evaluate.add_argument("--report", type=Path, help="write metrics.json and report.html here")
    evaluate.add_argument(
        "--train", type=Path, help="training data for the baselines (same columns and labels)"
    )
    evaluate.set_defaults(func=run_evaluate)

    serve = commands.add_parser(
        "serve",
        parents=[MODEL],
        help="start the HTTP service (settings also from CREDSCORE_* variables)",
    )
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(func=run_serve)

    profile = commands.add_parser(
        "profile",
        parents=[INPUT, COLUMNS, MAX_CHARS, MODEL, ENGINE, WORKERS],
        help="per outlet: sourcing measures with 95%% intervals, and example articles",
        description="INPUT: articles (JSONL, CSV or Parquet; scored here) or a batch output.",
    )
    profile.add_argument(
        "--by", required=True, help="the outlet column (source), or 'domain' of a url column"
    )
    profile.add_argument("-o", "--output", required=True, help="the table (.jsonl/.csv/.parquet)")
    profile.add_argument("--report", type=Path, help="write profile.html here")
    profile.add_argument(
        "--min-articles",
        type=_positive_int,
        default=20,
        help="outlets with fewer articles are listed apart, not ranked (default 20)",
    )
    profile.set_defaults(func=run_profile)

    train = commands.add_parser(
        "train", parents=[INPUT, LABELS, COLUMNS], help="train a model and write it with its card"
    )
    train.add_argument("--folds", type=int, default=5)
    train.add_argument("--jobs", type=int, default=1, help="folds fitted in parallel")
    train.add_argument(
        "--group-col",
        help="keep each value of this column (a source) in one CV fold; default: by title",
    )
    train.add_argument("-o", "--output", required=True, type=Path, help="models/NAME (no suffix)")
    train.set_defaults(func=run_train)
    return parser.parse_args(argv)


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _read_text(path: str) -> str:
    if path == "-" and sys.stdin is None:
        raise InputError("standard input is closed")
    stdin = sys.stdin.buffer.read() if path == "-" else None
    return decode(read_bytes(path, stdin), "standard input" if path == "-" else path)


def _checked(title: str, body: str, max_chars: int) -> tuple[str, str]:
    """The article, or ``InputError`` where the library's one article rule refuses it."""
    error = article_error(title, body, max_chars)
    if error is not None:
        raise InputError(error)
    return title or "", body


def run_signals(args: argparse.Namespace) -> None:
    path, max_chars = args.file, args.max_chars
    text = _read_text(path)
    if not looks_like_jsonl(path, text):
        print(_dump(analyze(*_checked(*split_plain(text), max_chars)).as_dict()))
        return
    for row in read_jsonl(text):
        try:
            if row.error is not None:
                raise InputError(row.error)
            result = analyze(*_checked(row.title, row.body, max_chars)).as_dict()
        except ScorerError as error:
            result = {"error": str(error)}
        print(_dump({"id": row.id, **result}))


def _article_from(path: str, text: str) -> tuple[str, str]:
    if path.endswith(".json") or (path == "-" and text.lstrip().startswith("{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"invalid JSON: {error.msg} (line {error.lineno})") from error
        if not isinstance(data, dict) or not isinstance(data.get("body"), str):
            raise InputError('JSON input must be an object {"title": ..., "body": ...}')
        title = data.get("title") or ""
        if not isinstance(title, str):
            raise InputError("title must be a string")
        return title, data["body"]
    return split_plain(text)


def _ansi(colour: str) -> str:
    """A signal's colour ("#ffcdd2") as a terminal background behind black text."""
    red, green, blue = (int(colour[k : k + 2], 16) for k in (1, 3, 5))
    return f"\033[30;48;2;{red};{green};{blue}m"


def highlighted(text: str, spans: list, colour: bool) -> str:
    """``text`` with each evidence span marked: its signal's colour on a terminal, else
    [[...]]."""
    colours = {spec.name: spec.evidence.colour for spec in marked_signals()}
    out, position = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position:
            continue
        out.append(text[position : span.start])
        if colour:
            out.append(f"{_ansi(colours[span.signal])}{span.text}\033[0m")
        else:
            out.append(f"[[{span.text}]]")
        position = span.end
    out.append(text[position:])
    return "".join(out)


def text_report(title: str, body: str, result: dict, evidence: list, colour: bool) -> str:
    marks = marked_signals()
    marked = [s for s in evidence if s.signal in {spec.name for spec in marks}]
    lines = [
        f"score {result['score']:.0f}/100  {result['label']}  "
        f"(P(credible) = {result['probability']:.2f}, model {result['model']['name']})",
        "sub-scores: " + ", ".join(f"{k} {v:.0f}" for k, v in result["subscores"].items()),
        "signals: "
        + ", ".join(
            f"{spec.name} {result['signals'][spec.name]:g}"
            for spec in signals.SPECS
            if spec.evidence.colour is not None or spec.evidence.gold_exact is not None
        ),
        "why: " + "، ".join(c["reason"] for c in result["contributions"]),
        "     "
        + ", ".join(f"{c['reason_en']} {c['contribution']:+.2f}" for c in result["contributions"]),
        "",
        highlighted(title, [s for s in marked if s.field == "title"], colour),
        "",
        highlighted(body, [s for s in marked if s.field == "body"], colour).strip(),
        "",
        "marked: " + ", ".join(spec.name for spec in marks),
    ]
    return "\n".join(lines)


def run_score(args: argparse.Namespace) -> None:
    from scorer.artifacts import load_model

    title, body = _checked(*_article_from(args.file, _read_text(args.file)), args.max_chars)
    model, _ = load_model(args.model)
    result = model.score(title, body)
    if args.format == "json":
        print(_dump(result.as_dict()))
    else:
        print(
            text_report(title, body, result.as_dict(), list(result.evidence), sys.stdout.isatty())
        )


def _dask_run(args: argparse.Namespace) -> DaskRun:
    """The cluster and model of a ``--engine dask`` command (one worker means: one per core)."""
    from scorer.distributed import DaskRun

    return DaskRun(args.model, args.scheduler, args.workers if args.workers > 1 else None)


def run_batch_dask(args: argparse.Namespace) -> None:
    from scorer.batch import BatchOptions
    from scorer.distributed import score_with_dask

    options = BatchOptions(
        args.title_col, args.body_col, args.id_col, args.evidence, max_chars=args.max_chars
    )
    rows, failed = score_with_dask(
        args.input, args.output, options, _dask_run(args), args.single_file
    )
    print(f"scored {rows - failed} of {rows} rows ({failed} errors) -> {args.output}")


def _model_in_this_process(args: argparse.Namespace) -> ScoringModel | None:
    """The model to score with here; with worker processes, each loads its own and this one
    only checks it (None)."""
    from scorer.artifacts import load_model, verify_model

    if args.workers <= 1:
        return load_model(args.model)[0]
    verify_model(args.model)
    return None


def run_batch(args: argparse.Namespace) -> None:
    if args.engine == "dask":
        run_batch_dask(args)
        return
    from tqdm import tqdm

    from scorer.batch import BatchOptions, score_file
    from scorer.tabular import table_format

    table_format(args.input)
    options = BatchOptions(
        title_col=args.title_col,
        body_col=args.body_col,
        id_col=args.id_col,
        evidence=args.evidence,
        signals_as_object=table_format(args.output) == "jsonl",
        max_chars=args.max_chars,
    )
    model = _model_in_this_process(args)
    with tqdm(unit="article", disable=not sys.stderr.isatty()) as bar:
        rows, failed = score_file(
            args.input, args.output, model, options, args.workers, args.model, bar.update
        )
    print(f"scored {rows - failed} of {rows} rows ({failed} errors) -> {args.output}")


def run_evaluate(args: argparse.Namespace) -> None:
    from scorer.artifacts import load_model
    from scorer.evaluation import evaluate, evaluate_dask, write_report
    from scorer.tabular import read_table
    from scorer.training import prepare_labelled

    model, _ = load_model(args.model)
    columns = (args.label_col, args.positive, args.title_col, args.body_col)
    if args.engine == "dask":
        report, labels, predictions = evaluate_dask(
            model, args.input, *columns, args.model, args.scheduler
        )
    else:
        test = prepare_labelled(read_table(args.input), *columns)
        train = prepare_labelled(read_table(args.train), *columns) if args.train else None
        report, predictions = evaluate(model, test, train)
        labels = test.labels
    if args.report:
        write_report(report, labels, predictions, args.report)
    print(json.dumps(report["metrics"], ensure_ascii=False, indent=2))


def run_profile(args: argparse.Namespace) -> None:
    from scorer.batch import BatchOptions
    from scorer.profile import profile_file, write_profile_report
    from scorer.tabular import TableWriter

    options = BatchOptions(args.title_col, args.body_col, evidence=True, max_chars=args.max_chars)
    if args.engine == "dask":
        from scorer.distributed import profile_chunks
        from scorer.profile import build_profile

        chunks = profile_chunks(args.input, args.by, options, _dask_run(args))
        table = build_profile(chunks, args.by, args.min_articles, title_col=args.title_col)
    else:
        model = _model_in_this_process(args)
        table = profile_file(
            args.input, args.by, model, options, args.min_articles, args.workers, args.model
        )
    with TableWriter(args.output) as writer:
        writer.write(table.assign(examples=[_dump(e) for e in table["examples"]]))
    if args.report:
        write_profile_report(table, args.report, args.min_articles)
    ranked = int(table["ranked"].sum())
    print(f"{len(table)} outlets ({ranked} ranked) from {int(table['articles'].sum())} articles")


def run_train(args: argparse.Namespace) -> None:
    import logging

    from scorer.artifacts import save_model
    from scorer.training import train

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    model, card = train(
        Path(args.input),
        args.label_col,
        args.positive,
        args.output.name,
        args.title_col,
        args.body_col,
        args.folds,
        args.jobs,
        args.group_col,
    )
    artefact, card_path = save_model(model, args.output, card)
    print(json.dumps(card["cross_validation"], indent=2))
    print(f"wrote {artefact} and {card_path}")


def run_serve(args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from api.server import serve
    from api.settings import Settings
    from scorer.artifacts import verify_model

    overrides = {"host": args.host, "port": args.port, "workers": args.workers}
    if args.model:
        os.environ["CREDSCORE_MODEL_PATH"] = args.model  # the workers read their settings
    try:
        settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as error:
        raise InputError(f"invalid setting {first_problem(error)}") from error
    verify_model(settings.model_path)  # a bad model is one line here, not a log per worker
    serve(settings)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        args.func(args)
    except ScorerError as error:
        print(f"credscore: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("credscore: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
