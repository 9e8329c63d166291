"""Model load time: the artefact format beside joblib's, in the same run, and a cold CLI call.

Usage: python benchmarks/model_load.py [--repeat N]
Loads the bundled default model as saved and the same model written with joblib (compress=3,
the format before 0.2) into a temporary folder, both through `load_model` (SHA-256 checked),
best of N each; then times a new `credscore score` process on the example article with each.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import joblib

from scorer.artifacts import load_model, sha256_file

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "syria_withdrawal_rumour.txt"


def best_seconds(work, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def cold_score_seconds(card: Path | None) -> float:
    """A new `credscore score` process on the example article, best of three."""
    command = [sys.executable, "-m", "scorer.cli", "score", str(EXAMPLE)]
    command += ["--model", str(card)] if card else []
    return best_seconds(lambda: subprocess.run(command, check=True, capture_output=True), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model, card = load_model()
    with tempfile.TemporaryDirectory() as folder:
        old_format = Path(folder) / "model.joblib"
        joblib.dump(model, old_format, compress=3)
        old_card = Path(folder) / "model.json"
        old_card.write_text(
            json.dumps(
                {**card, "artifact": old_format.name, "artifact_sha256": sha256_file(old_format)}
            ),
            "utf-8",
        )
        joblib_s = best_seconds(lambda: load_model(old_card), args.repeat)
        current_s = best_seconds(load_model, args.repeat)
        cold_joblib_s = cold_score_seconds(old_card)
        cold_current_s = cold_score_seconds(None)
    print(f"load_model, joblib artefact (before 0.2): {joblib_s:.3f} s")
    print(
        f"load_model, pickle 5 + gzip artefact:    {current_s:.3f} s  ({current_s / joblib_s:.2f}x)"
    )
    print(f"cold `credscore score`, joblib artefact: {cold_joblib_s:.2f} s")
    print(
        f"cold `credscore score`, current:         {cold_current_s:.2f} s  "
        f"({cold_current_s / cold_joblib_s:.2f}x)"
    )


if __name__ == "__main__":
    main()
