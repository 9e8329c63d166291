"""Analyses of a fixed sample of real articles stay identical to a stored digest.

Speed work must not change a single signal or span; a rule change refreshes the digest on
purpose: ``CREDSCORE_REFRESH_DIGEST=1 python3 -m pytest tests/test_analysis_digest.py``.
The digest holds one short hash per article, never the articles (they stay in ../shared).
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os

import pytest
from conftest import ROOT

from scorer import analyze

DIGEST = ROOT / "tests" / "data" / "analysis_digest.json"


def _sample(shared_dir) -> list[tuple[str, str]]:
    """Every 20th SaudiNewsNet article and every 8th MCE article, in file order."""
    rows = []
    saudi = shared_dir / "datasets" / "saudinewsnet_2015" / "articles.jsonl.gz"
    with gzip.open(saudi, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, 0, None, 20):
            row = json.loads(line)
            rows.append((row["title"] or "", row["content"] or ""))
    mce = shared_dir / "datasets" / "mce_watch_2013" / "train.jsonl"
    with mce.open(encoding="utf-8") as handle:
        for line in itertools.islice(handle, 0, None, 8):
            row = json.loads(line)
            rows.append((row["title"] or "", row["text"] or ""))
    return [(title, body) for title, body in rows if title.strip() or body.strip()]


def _hash(title: str, body: str) -> str:
    analysis = json.dumps(analyze(title, body).as_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(analysis.encode("utf-8")).hexdigest()[:16]


def test_analyses_match_the_stored_digest(shared_dir):
    hashes = [_hash(title, body) for title, body in _sample(shared_dir)]
    if os.environ.get("CREDSCORE_REFRESH_DIGEST"):
        DIGEST.write_text(json.dumps(hashes, indent=0) + "\n", "utf-8")
        pytest.skip(f"digest refreshed: {len(hashes)} articles")
    stored = json.loads(DIGEST.read_text("utf-8"))
    changed = [index for index, (a, b) in enumerate(zip(hashes, stored, strict=True)) if a != b]
    assert not changed, f"{len(changed)} of {len(stored)} analyses changed, first at {changed[:5]}"
