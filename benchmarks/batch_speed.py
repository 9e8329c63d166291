"""`credscore batch` speed and peak memory over the SaudiNewsNet articles, 1 and 2 workers.

Usage: python benchmarks/batch_speed.py [--limit N]
Writes the articles once as Parquet in a temporary folder, then times the real command line
(model loading and writing included) and samples the process tree's memory from /proc.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _procmem import run_measured

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared/datasets/saudinewsnet_2015/articles.jsonl.gz"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    with gzip.open(args.path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    frame = pd.DataFrame(
        {"id": [r["url"] for r in rows], "title": [r["title"] for r in rows],
         "body": [r["content"] for r in rows]}
    )  # fmt: skip
    if args.limit:
        frame = frame.head(args.limit)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.parquet"
        frame.to_parquet(source, index=False)
        print(f"articles: {len(frame)}")
        for workers in (1, 2):
            target = Path(folder) / f"scored-{workers}.parquet"
            command = ["credscore", "batch", str(source), "-o", str(target), "--id-col", "id"]
            seconds, peak, code = run_measured([*command, "--workers", str(workers)])
            if code != 0:
                raise SystemExit(f"credscore batch failed with exit code {code}")
            print(
                f"workers={workers}: {len(frame) / seconds:,.0f} articles/s "
                f"({seconds:.1f} s), peak memory {peak / 2**20:,.0f} MiB"
            )


if __name__ == "__main__":
    main()
