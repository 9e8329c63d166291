"""Model load time and a cold CLI call: the current artefact beside the formats before it.

Usage: python benchmarks/model_load.py [--repeat N]
Writes the bundled default model's fitted pipeline in the two formats before 0.3 into a
temporary folder (joblib, compress=3, the format before 0.2; pickle 5 + gzip of the pipeline,
the format of 0.2), loads each through `load_model` (SHA-256 checked) and the current scoring
artefact, best of N each; then times a new `credscore score` process on the example article
with each. All three score the example identically.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import joblib

from scorer.artifacts import load_model, load_pipeline, sha256_file

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "syria_withdrawal_rumour.txt"


def best_seconds(work, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def cold_score(card: Path | None) -> tuple[float, str]:
    """A new `credscore score` process on the example article: best of three, and its output."""
    command = [sys.executable, "-m", "scorer.cli", "score", str(EXAMPLE)]
    command += ["--model", str(card)] if card else []
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return best_seconds(lambda: subprocess.run(command, check=True, capture_output=True), 3), output


def _card_for(card: dict, artefact: Path) -> Path:
    """A card beside ``artefact`` that names it (the pipeline formats: one artefact)."""
    card_path = artefact.with_name(artefact.name.split(".")[0] + ".json")
    fields = {**card, "artifact": artefact.name, "artifact_sha256": sha256_file(artefact)}
    card_path.write_text(json.dumps(fields), "utf-8")
    return card_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pipeline, card = load_pipeline()
    with tempfile.TemporaryDirectory() as folder:
        joblib_artefact = Path(folder) / "before02.joblib"
        joblib.dump(pipeline, joblib_artefact, compress=3)
        pickle_artefact = Path(folder) / "before03.pkl.gz"
        pickle_artefact.write_bytes(gzip.compress(pickle.dumps(pipeline, protocol=5), mtime=0))
        formats = [
            ("joblib pipeline (before 0.2)", _card_for(card, joblib_artefact)),
            ("pickle pipeline (0.2)", _card_for(card, pickle_artefact)),
            ("scoring model (current)", None),
        ]
        loads = {name: best_seconds(lambda c=c: load_model(c), args.repeat) for name, c in formats}
        colds = {name: cold_score(c) for name, c in formats}
    if len({output for _, output in colds.values()}) != 1:
        raise SystemExit("the formats score the example differently")
    first = formats[0][0]
    for name, _ in formats:
        print(
            f"{name:30s} load_model {loads[name]:.3f} s ({loads[name] / loads[first]:.2f}x)   "
            f"cold `credscore score` {colds[name][0]:.2f} s "
            f"({colds[name][0] / colds[first][0]:.2f}x)"
        )


if __name__ == "__main__":
    main()
