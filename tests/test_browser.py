"""A real browser on the web page: paste the example article, submit, see the highlights."""

from __future__ import annotations

import shutil

import pytest
from helpers import running_server

from api.app import create_app
from api.settings import Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium browser installed (Debian package 'chromium')"
)
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server_url(tiny_model):
    _, card_path = tiny_model
    app = create_app(Settings(model_path=str(card_path)))
    with running_server(app, log_level="warning") as port:
        yield f"http://127.0.0.1:{port}"


def test_page_highlights_the_evidence(server_url, example, tmp_path):
    title, body = example
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            page.goto(server_url + "/")
            page.fill("#title", title)
            page.fill("#body", body)
            page.click("#submit")
            page.wait_for_selector("#result:not(.hidden)", timeout=20000)
            anonymous = page.locator('#article mark[data-signal="anonymous_sources"]')
            hedges = page.locator('#article mark[data-signal="hedges"]')
            assert anonymous.count() >= 8 and hedges.count() >= 4
            assert "مصدر كردي مطلع" in anonymous.all_inner_texts()
            assert page.locator("#label").inner_text().strip()
            assert page.locator("html").get_attribute("dir") == "rtl"
            page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_highlights_stay_on_their_words_after_emoji(server_url):
    """Offsets count characters; an emoji is two UTF-16 units in JavaScript."""
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(server_url + "/")
            page.fill("#title", "😀😀 خبر عاجل")
            page.fill("#body", "🇸🇾🔥😀 وقال مصدر مطلع إن القرار ربما يتأخر.")
            page.click("#submit")
            page.wait_for_selector("#result:not(.hidden)", timeout=20000)
            marks = page.locator("#article-body mark")
            texts = dict(
                zip(
                    marks.evaluate_all("ms => ms.map(m => m.dataset.signal)"),
                    marks.all_inner_texts(),
                )
            )
            assert texts["anonymous_sources"] == "مصدر مطلع"
            assert texts["hedges"] == "ربما"
            assert page.locator("#article-body").inner_text().startswith("🇸🇾🔥😀 وقال")
        finally:
            browser.close()


def test_pasted_web_page_and_reasons_in_words(server_url):
    page_html = (
        "<html><head><title>مصدر: قرار مفاجئ</title></head><body><article>"
        "<h1>مصدر: قرار مفاجئ بشأن الأسعار</h1>"
        "<p>قال مصدر مطلع إن القرار ربما يصدر خلال أيام، وأضاف أن الحكومة لم تحسم موقفها بعد.</p>"
        "<p>وأشارت تقارير إعلامية إلى أن الأسعار قد ترتفع في الأسابيع المقبلة بشكل كبير.</p>"
        "</article></body></html>"
    )
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(server_url + "/")
            page.fill("#body", page_html)
            page.click("#submit")
            page.wait_for_selector("#result:not(.hidden)", timeout=20000)
            assert "مصدر مطلع" in page.locator("#article-body").inner_text()
            assert "<p>" not in page.locator("#article-body").inner_text()
            why = page.locator("#why").inner_text()
            assert "مصدر مجهول" in why or "صياغة" in why
            assert "_" not in why  # no internal feature names
            help_text = page.locator("#subscores > div").first.get_attribute("title")
            assert help_text and "المصادر" in help_text
        finally:
            browser.close()


def test_uploaded_file_shows_the_outlet_table(server_url, tmp_path):
    import csv

    path = tmp_path / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "title", "body"])
        for index in range(12):
            source = "وكالة" if index % 2 else "موقع، إخباري"  # a comma inside a quoted field
            writer.writerow([source, "خبر", 'قال مصدر مطلع إن "القرار قد يصدر قريبا جدا".'])
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(server_url + "/")
            page.set_input_files("#profile-file", str(path))
            page.click("#profile-submit")
            page.wait_for_selector("#profile-table table", timeout=20000)
            rows = page.locator("#profile-table tbody tr")
            assert rows.count() == 2
            outlets = {rows.nth(k).locator("td").first.inner_text() for k in range(2)}
            assert outlets == {"وكالة", "موقع، إخباري"}
            assert "[" in rows.first.locator("td.number").first.inner_text()
        finally:
            browser.close()
