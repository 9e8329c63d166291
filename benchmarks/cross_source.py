"""Robustness: cross-validation that holds out whole groups of articles, one group at a time.

Usage: python benchmarks/cross_source.py [MCE_TRAIN_JSONL] [--grouping style|topic] [--jobs N]

MCE Watch 2013 names no outlet, so two stand-ins for "articles unlike the training set":
- ``style`` (house style): outlets keep one spelling of final yā' ("فى" or "في") and one kind of
  quotation marks; each of the six combinations is held out in turn. The text branch no longer
  sees these marks (they are folded away with the outlet's name), so this measures what is left.
- ``topic``: the six topic clusters training uses to choose the text branch's weight.
The models are fitted on the other groups and scored on the held-out one. Prints ROC-AUC per
held-out group, the worst group and all out-of-group predictions pooled, for the TF-IDF baseline,
the text branch, the signals and the full model with the default model's cap on the text branch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import regex
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import LeaveOneGroupOut

from scorer.artifacts import default_model_path, read_card
from scorer.tabular import read_table
from scorer.training import cross_validated, prepare_labelled, topic_groups

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
    parser.add_argument("--grouping", choices=("style", "topic"), default="style")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    data = prepare_labelled(read_table(args.path), "label", "trusted", body_col="text")
    if args.grouping == "style":
        pairs = zip(data.articles.title, data.articles.body)
        groups = np.asarray([house_style(title, body) for title, body in pairs])
    else:
        groups = np.asarray([f"topic {topic}" for topic in topic_groups(data.articles)])
    cap = read_card(default_model_path())["robustness"]["chosen_text_cap"]
    splits = list(LeaveOneGroupOut().split(data.articles, data.labels, groups))
    results = cross_validated(data, n_jobs=args.jobs, splits=splits, text_caps=(cap,))
    print(f"articles: {len(data.labels)}; held-out groups: {len(splits)}; text cap: {cap}")
    print("held-out group      articles  credible  " + "  ".join(f"{m:>14}" for m in MODELS))
    per_group = []
    for _, test in splits:
        labels = data.labels[test]
        aucs = [roc_auc_score(labels, np.asarray(results[f"{m}_oof"])[test]) for m in MODELS]
        per_group.append(aucs)
        print(
            f"{groups[test[0]]:<18} {len(test):>9} {labels.mean():>9.2f}  "
            + "  ".join(f"{auc:>14.4f}" for auc in aucs)
        )
    worst = np.min(per_group, axis=0)
    print(f"{'worst group':<38} " + "  ".join(f"{auc:>14.4f}" for auc in worst))
    print(
        f"{'all (pooled)':<18} {len(data.labels):>9} {data.labels.mean():>9.2f}  "
        + "  ".join(f"{results[m]['roc_auc']:>14.4f}" for m in MODELS)
    )


if __name__ == "__main__":
    main()
