"""Shared by the benchmarks: the SaudiNewsNet articles, and the peak resident memory of a
process tree, sampled from /proc (Linux) while it runs."""

from __future__ import annotations

import gzip
import json
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd

SAUDI_NEWS = (
    Path(__file__).resolve().parents[2] / "shared/datasets/saudinewsnet_2015/articles.jsonl.gz"
)


def load_saudi_news(path: Path) -> pd.DataFrame:
    """The SaudiNewsNet articles as ``id`` (the URL), ``title`` and ``body`` columns."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return pd.DataFrame(
        {
            "id": [r["url"] for r in rows],
            "title": [r["title"] for r in rows],
            "body": [r["content"] for r in rows],
        }
    )


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss_bytes(pid: int) -> int:
    """Sum of VmRSS over ``pid`` and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        stack.extend(_children(current))
    return total


def run_measured(command: list[str], interval: float = 0.1) -> tuple[float, int, int]:
    """Run ``command``; return (seconds, peak tree RSS in bytes, exit code)."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_bytes(process.pid))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return elapsed, peak, code
