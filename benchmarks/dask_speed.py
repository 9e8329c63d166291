"""The local engine (2 workers) against the Dask engine (2-worker LocalCluster), one machine.

Usage: python benchmarks/dask_speed.py [--copies 5] [--partitions 30]
Writes the SaudiNewsNet articles `--copies` times (150,000 rows by default) as Parquet
partitions in a temporary folder, then runs `credscore batch` on them with each engine and prints
articles/s and the peak memory of each command's process tree (sampled from /proc). The local
engine reads one Parquet file; the Dask engine reads the partition directory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SAUDI_NEWS, load_saudi_news, run_measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=SAUDI_NEWS)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--partitions", type=int, default=30)
    args = parser.parse_args()
    base = load_saudi_news(args.path).drop(columns="id")
    frame = pd.concat([base] * args.copies, ignore_index=True)
    frame.insert(0, "id", range(len(frame)))
    with tempfile.TemporaryDirectory() as folder:
        single = Path(folder) / "all.parquet"
        parts = Path(folder) / "parts"
        parts.mkdir()
        frame.to_parquet(single, index=False)
        size = -(-len(frame) // args.partitions)
        for number, start in enumerate(range(0, len(frame), size)):
            frame.iloc[start : start + size].to_parquet(parts / f"part-{number:03d}.parquet")
        print(f"articles: {len(frame)} in {args.partitions} partitions of {size}")
        runs = {
            "local, 2 workers": [
                "credscore", "batch", str(single), "-o", str(Path(folder) / "local.parquet"),
                "--workers", "2",
            ],
            "dask, LocalCluster of 2": [
                "credscore", "batch", str(parts), "-o", str(Path(folder) / "dask-out"),
                "--engine", "dask", "--workers", "2",
            ],
        }  # fmt: skip
        rates = {}
        for name, command in runs.items():
            run = run_measured(command)
            if run.code != 0:
                raise SystemExit(f"{name} failed with exit code {run.code}")
            rates[name] = len(frame) / run.seconds
            print(f"{name:<24} {rates[name]:8,.0f} articles/s  ({run.seconds:.0f} s)  "
                  f"{run.memory()}")  # fmt: skip
        local, dask = rates.values()
        print(f"dask / local throughput: {dask / local:.0%}")


if __name__ == "__main__":
    main()
