"""`credscore batch` speed and peak memory over the SaudiNewsNet articles, 1 and 2 workers.

Usage: python benchmarks/batch_speed.py [--limit N]
Writes the articles once as Parquet in a temporary folder, then times the real command line
(model loading and writing included) and samples the process tree's memory from /proc.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SAUDI_NEWS, load_saudi_news, run_measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=SAUDI_NEWS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    frame = load_saudi_news(args.path)
    if args.limit:
        frame = frame.head(args.limit)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.parquet"
        frame.to_parquet(source, index=False)
        print(f"articles: {len(frame)}")
        for workers in (1, 2):
            target = Path(folder) / f"scored-{workers}.parquet"
            command = ["credscore", "batch", str(source), "-o", str(target), "--id-col", "id"]
            run = run_measured([*command, "--workers", str(workers)])
            if run.code != 0:
                raise SystemExit(f"credscore batch failed with exit code {run.code}")
            print(
                f"workers={workers}: {len(frame) / run.seconds:,.0f} articles/s "
                f"({run.seconds:.1f} s), {run.memory()}"
            )


if __name__ == "__main__":
    main()
