"""Outlet profiles: intervals that hold their 95%, figures traced to articles, the report."""

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from scorer.cli import main
from scorer.profile import (
    SIGNAL_COLUMNS,
    build_profile,
    mean_interval,
    outlet_of,
    wilson_interval,
)


@pytest.mark.parametrize(("rate", "articles"), [(0.05, 40), (0.3, 20), (0.6, 150)])
def test_wilson_interval_covers_the_true_rate_about_95_percent(rate, articles):
    rng = np.random.default_rng(1)
    hits = 0
    for _ in range(2000):
        low, high = wilson_interval(int(rng.binomial(articles, rate)), articles)
        hits += low <= rate <= high
    assert 0.92 <= hits / 2000 <= 0.99


@pytest.mark.parametrize("articles", [30, 600])  # bootstrap, then the normal interval
def test_mean_interval_covers_the_true_mean_about_95_percent(articles):
    rng = np.random.default_rng(2)
    hits = 0
    for _ in range(300):
        values = rng.exponential(5.0, articles)  # skewed, like hedges per 1,000 words
        low, high = mean_interval(values, rng, resamples=1000)
        hits += low <= 5.0 <= high
    assert 0.90 <= hits / 300 <= 0.99


def _scored_rows(outlet: str, count: int, anonymous: int) -> list[dict]:
    rows = []
    for index in range(count):
        row = dict.fromkeys(SIGNAL_COLUMNS, 0.0)
        row |= {"source": outlet, "score": 50.0 + index, "label": "uncertain", "error": None}
        row["anonymous_sources"] = 1.0 if index < anonymous else 0.0
        row["title"] = f"{outlet} {index}"
        row["evidence"] = [
            {"signal": "anonymous_sources", "field": "body", "start": 0, "end": 4, "text": "مصدر"}
        ] * (index % 3)
        rows.append(row)
    return rows


def test_profile_counts_ranks_and_keeps_examples():
    rows = _scored_rows("وكالة", 30, anonymous=3) + _scored_rows("مدونة", 5, anonymous=5)
    rows.append({"source": "وكالة", "score": None, "error": "missing body"})
    table = build_profile([pd.DataFrame(rows)], "source", min_articles=20)
    agency, blog = table.iloc[0], table.iloc[1]
    assert (agency.outlet, agency.articles, agency.errors, agency.ranked) == ("وكالة", 30, 1, True)
    assert agency.share_with_anonymous_source == pytest.approx(0.1)
    low, high = agency.share_with_anonymous_source_low, agency.share_with_anonymous_source_high
    assert low < 0.1 < high
    assert (blog.outlet, blog.ranked, blog.share_with_anonymous_source) == ("مدونة", False, 1.0)
    assert len(agency.examples) == 3 and all(e["spans"] for e in agency.examples)
    assert agency.label_uncertain == 30


def test_outlet_by_domain_of_a_url():
    assert outlet_of("https://www.alriyadh.com/1020", by_domain=True) == "alriyadh.com"
    assert outlet_of("sabq.org/news/1", by_domain=True) == "sabq.org"
    assert outlet_of(None, by_domain=True) is None
    assert outlet_of(" سبق ", by_domain=False) == "سبق"


@pytest.fixture(scope="module")
def outlets_jsonl(tmp_path_factory):
    from fixtures import labelled_rows

    rows = labelled_rows(60)
    for index, row in enumerate(rows):
        row["url"] = ["https://www.agency.example/a", "http://rumours.example/b"][index % 2]
    path = tmp_path_factory.mktemp("profile") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def test_profile_of_raw_articles_and_of_a_batch_output_agree(
    outlets_jsonl, tmp_path, capsys, tiny_model
):
    _, card = tiny_model
    raw = tmp_path / "raw.jsonl"
    args = ["--by", "domain", "--model", str(card), "--min-articles", "10"]
    assert main(["profile", str(outlets_jsonl), "-o", str(raw), *args]) == 0
    assert "2 outlets (2 ranked) from 60 articles" in capsys.readouterr().out
    scored = tmp_path / "scored.jsonl"
    assert (
        main(["batch", str(outlets_jsonl), "-o", str(scored), "--evidence", "--model", str(card)])
        == 0
    )
    again = tmp_path / "again.jsonl"
    assert main(["profile", str(scored), "-o", str(again), *args]) == 0
    first, second = pd.read_json(raw, lines=True), pd.read_json(again, lines=True)
    # equal up to the ten significant digits a JSONL batch output keeps of each rate
    pd.testing.assert_frame_equal(first, second, rtol=1e-4)
    assert set(first.outlet) == {"agency.example", "rumours.example"}


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no Chromium browser installed (Debian 'chromium')"
)
def test_profile_report_renders_right_to_left_and_sorts(outlets_jsonl, tmp_path, tiny_model):
    from playwright.sync_api import sync_playwright

    _, card = tiny_model
    report = tmp_path / "report"
    code = main(
        ["profile", str(outlets_jsonl), "--by", "domain", "-o", str(tmp_path / "p.csv"),
         "--report", str(report), "--model", str(card), "--min-articles", "10"]
    )  # fmt: skip
    assert code == 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.goto((report / "profile.html").as_uri())
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("#profile tbody tr").count() == 2
        assert page.locator(".plot .dot").count() == 2 * 8
        page.locator("#profile th").first.click()
        first = page.locator("#profile tbody tr td").first.inner_text()
        page.locator("#profile th").first.click()
        assert page.locator("#profile tbody tr td").first.inner_text() != first
        page.screenshot(path=str(tmp_path / "profile.png"), full_page=True)
        browser.close()
    assert (tmp_path / "profile.png").stat().st_size > 10_000


def test_profile_with_worker_processes_gives_the_same_table(outlets_jsonl, tmp_path, tiny_model):
    _, card = tiny_model
    tables = []
    for workers in ("1", "2"):
        target = tmp_path / f"profile-{workers}.jsonl"
        args = ["--by", "domain", "--model", str(card), "--workers", workers]
        assert main(["profile", str(outlets_jsonl), "-o", str(target), *args]) == 0
        tables.append(pd.read_json(target, lines=True))
    pd.testing.assert_frame_equal(*tables)
