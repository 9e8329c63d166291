"""`credscore profile` beside `credscore batch` on the same SaudiNewsNet articles, and the profile.

Usage: python benchmarks/profile_speed.py [--limit N] [--workers N] [--report DIR]
Writes the articles once as Parquet in a temporary folder, times both real command lines with
the same workers (model loading and writing included), prints the ratio of their times and the
profile by outlet (the ``source`` column).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SAUDI_NEWS, load_saudi_news, run_measured

SHOWN = (
    "mean_score",
    "share_with_anonymous_source",
    "share_relayed_relays",
    "hedges_per_1000_words",
    "attributions_per_1000_words",
    "share_sensational_titles",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=SAUDI_NEWS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", type=Path, help="also write the profile's HTML report here")
    args = parser.parse_args()
    frame = load_saudi_news(args.path)
    if args.limit:
        frame = frame.head(args.limit)
    workers = ["--workers", str(args.workers)]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.parquet"
        frame.to_parquet(source, index=False)
        batch = run_measured(
            ["credscore", "batch", str(source), "-o", f"{folder}/scored.parquet", *workers]
        )
        table_path = Path(folder) / "profile.csv"
        command = ["credscore", "profile", str(source), "--by", "source", "-o", str(table_path)]
        if args.report:
            command += ["--report", str(args.report)]
        profile = run_measured([*command, *workers])
        if batch.code or profile.code:
            raise SystemExit(f"exit codes: batch {batch.code}, profile {profile.code}")
        table = pd.read_csv(table_path)
    print(f"articles: {len(frame)}, workers: {args.workers}")
    print(f"credscore batch:   {batch.seconds:6.1f} s, {batch.memory()}")
    print(f"credscore profile: {profile.seconds:6.1f} s, {profile.memory()}")
    print(f"profile / batch time: {profile.seconds / batch.seconds:.2f}x")
    columns = ["outlet", "articles", *SHOWN]
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(table[columns].round(3).to_string(index=False))


if __name__ == "__main__":
    main()
