"""Robustness: cross-validation that holds out whole groups of articles of one house style.

Usage: python benchmarks/cross_source.py [MCE_TRAIN_JSONL] [--jobs N]
MCE Watch 2013 names no outlet, but outlets keep a house style: the spelling of final yā'
("فى" or "في") and the quotation marks they use. Each of the six groups of these two marks is
held out in turn (leave-one-group-out): the models are fitted on the other styles and scored on
the unseen one, a stand-in for articles from outlets the model never saw. Prints ROC-AUC per
held-out group and over all out-of-group predictions, for the TF-IDF baseline, the text branch,
the signals and the full model. With a real source column, ``credscore train --group-col`` does
the same with folds by source.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import regex
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import LeaveOneGroupOut

from scorer.tabular import read_table
from scorer.training import cross_validated, prepare_labelled

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import MCE_TRAIN

ALIF_MAQSURA_FI = regex.compile(r"(?<!\p{L})فى(?!\p{L})")
MODELS = ("tfidf_baseline", "text_only", "signals_only", "combined")


def house_style(title: str, body: str) -> str:
    """A stand-in for the outlet: final-yā' spelling and quotation marks."""
    text = f"{title}\n{body}"
    spelling = "فى" if ALIF_MAQSURA_FI.search(text) else "في"
    quotes = "«»" if "«" in text else '""' if '"' in text else "other"
    return f"{spelling} {quotes}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=MCE_TRAIN)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    data = prepare_labelled(read_table(args.path), "label", "trusted", body_col="text")
    styles = np.asarray(
        [house_style(t, b) for t, b in zip(data.articles.title, data.articles.body)]
    )
    splits = list(LeaveOneGroupOut().split(data.articles, data.labels, styles))
    results = cross_validated(data, n_jobs=args.jobs, splits=splits)
    print(f"articles: {len(data.labels)}; held-out groups: {len(splits)}")
    header = "held-out style      articles  credible  " + "  ".join(f"{m:>14}" for m in MODELS)
    print(header)
    for _, test in splits:
        labels = data.labels[test]
        aucs = [roc_auc_score(labels, np.asarray(results[f"{m}_oof"])[test]) for m in MODELS]
        print(
            f"{styles[test[0]]:<18} {len(test):>9} {labels.mean():>9.2f}  "
            + "  ".join(f"{auc:>14.4f}" for auc in aucs)
        )
    print(
        f"{'all (pooled)':<18} {len(data.labels):>9} {data.labels.mean():>9.2f}  "
        + "  ".join(f"{results[m]['roc_auc']:>14.4f}" for m in MODELS)
    )


if __name__ == "__main__":
    main()
