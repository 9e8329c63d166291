"""Shared by the benchmarks: the data sets' paths, the SaudiNewsNet articles, and the peak memory of a process tree,
sampled with psutil while it runs."""

from __future__ import annotations

import gzip
import json
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import psutil

DATASETS = Path(__file__).resolve().parents[2] / "shared/datasets"
SAUDI_NEWS = DATASETS / "saudinewsnet_2015/articles.jsonl.gz"
MCE_TRAIN = DATASETS / "mce_watch_2013/train.jsonl"


def load_saudi_news(path: Path) -> pd.DataFrame:
    """The SaudiNewsNet articles as ``id`` (the URL), ``title``, ``body`` and ``source`` (the
    outlet) columns."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return pd.DataFrame(
        {
            "id": [r["url"] for r in rows],
            "title": [r["title"] for r in rows],
            "body": [r["content"] for r in rows],
            "source": [r["source"] for r in rows],
        }
    )


def tree_memory_bytes(pid: int) -> tuple[int, int]:
    """(RSS, PSS) summed over ``pid`` and all its descendants (psutil).

    The RSS sum counts a page shared by several processes (forked workers share what their
    parent had loaded) once per process, an upper bound; PSS divides each shared page among the
    processes that share it, so its sum is the memory the tree really holds.
    """
    try:
        root = psutil.Process(pid)
        tree = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for process in tree:
        try:
            memory = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue  # it ended between listing and reading
        rss += memory.rss
        pss += memory.pss
    return rss, pss


@dataclass(frozen=True)
class Measured:
    """One command's wall time, exit code and the peaks of its tree's RSS and PSS sums."""

    seconds: float
    code: int
    peak_rss: int
    peak_pss: int

    def memory(self) -> str:
        return f"peak memory {self.peak_pss / 2**20:,.0f} MiB PSS ({self.peak_rss / 2**20:,.0f} MiB RSS sum)"


def run_measured(command: list[str], interval: float = 0.1) -> Measured:
    """Run ``command``, sampling its process tree's memory while it runs."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = tree_memory_bytes(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return Measured(elapsed, code, peak_rss, peak_pss)
