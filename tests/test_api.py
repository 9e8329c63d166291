"""The HTTP service through FastAPI's TestClient: every endpoint and every bad input."""

from __future__ import annotations

import gc
import inspect

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_model
from api.routers import info, page, profile, scoring
from api.settings import Settings

AGENCY = {
    "title": "وزير الزراعة: بدء توزيع الأسمدة الأسبوع المقبل",
    "body": "القاهرة - أ ش أ\nقال وزير الزراعة السيد القصير إن توزيع الأسمدة يبدأ الأحد.\n"
    'وأضاف في بيان: "انتهينا من جميع الاستعدادات اللازمة".',
}


@pytest.fixture(scope="module")
def client(tiny_model):
    _, card_path = tiny_model
    settings = Settings(model_path=str(card_path), max_text_chars=5000, max_request_bytes=20000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_score(client):
    response = client.post("/v1/score", json=AGENCY)
    assert response.status_code == 200
    data = response.json()
    assert {"score", "label", "probability", "subscores", "signals", "contributions"} <= set(data)
    assert data["model"]["name"] == "tiny" and response.headers["X-Request-ID"]
    for span in data["evidence"]:
        assert data[span["field"]][span["start"] : span["end"]] == span["text"]


def test_score_html(client):
    page = (
        "<html><head><title>خبر</title></head><body><article><h1>خبر</h1>"
        "<p>قال مصدر مطلع إن القرار قد يصدر قريبا، وأوضح المصدر أن المفاوضات جارية منذ أسابيع "
        "في العاصمة وأن الوفدين اتفقا على جدول الأعمال.</p></article>"
        "<div id='comments'><p>تعليق القارئ</p></div></body></html>"
    )
    response = client.post("/v1/score", json={"html": page})
    assert response.status_code == 200, response.text
    data = response.json()
    assert "مصدر مطلع" in data["body"] and data["signals"]["anonymous_sources"] >= 1


def test_batch_keeps_order_and_reports_bad_items(client):
    articles = [AGENCY, {"title": "عنوان"}, {"title": "", "body": "  "}, AGENCY]
    response = client.post("/v1/score/batch", json={"articles": articles})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert [r["error"] is None for r in results] == [True, False, False, True]
    assert results[0]["result"]["score"] == results[3]["result"]["score"]


def test_health_model_metrics_and_page(client):
    health = client.get("/v1/health").json()
    assert health == {"status": "ok", "model_loaded": True, "model": health["model"]}
    assert client.get("/v1/model").json()["name"] == "tiny"
    client.post("/v1/score", json=AGENCY)
    metrics = client.get("/metrics").text
    assert "credscore_requests_total" in metrics and "credscore_articles_scored_total" in metrics
    assert "credscore_request_seconds_bucket" in metrics
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "/v1/score" in client.get("/page.js").text


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b"\xff\xfe{}", 400, "not valid JSON"),
        (b'{"title": 5, "body": "x"}', 422, "schema"),
        (b'{"title": "a"}', 422, "body is missing"),
        (b'{"title": " ", "body": "  "}', 422, "empty"),
        (b'{"body": "x", "extra": 1}', 422, "schema"),
        (b'{"html": "<html><body></body></html>"}', 422, "no article text"),
        (b'{"html": "<p>x</p>", "body": "y"}', 422, "either html"),
        (b"[]", 422, "schema"),
    ],
)
def test_bad_input_is_a_4xx_with_a_json_error(client, payload, status, message):
    response = client.post(
        "/v1/score", content=payload, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status, response.text
    assert message in response.json()["error"]


def test_text_over_the_limit(client):
    response = client.post("/v1/score", json={"title": "", "body": "ا" * 5001})
    assert response.status_code == 413 and "over 5000 characters" in response.json()["error"]


def test_request_over_the_byte_limit_is_refused_before_parsing(client):
    response = client.post(
        "/v1/score", content=b"{" + b" " * 30000, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_batch_limits(client):
    assert client.post("/v1/score/batch", json={"articles": []}).status_code == 422
    too_many = {"articles": [{"body": "نص"}] * 101}
    response = client.post("/v1/score/batch", json=too_many)
    assert response.status_code == 413


def test_unexpected_failure_is_a_500_with_a_request_id(client, caplog):
    class Broken:
        def score(self, title, body):
            raise RuntimeError("bug")

    client.app.dependency_overrides[get_model] = Broken
    try:
        response = client.post("/v1/score", json=AGENCY)
    finally:
        client.app.dependency_overrides.clear()
    assert response.status_code == 500
    request_id = response.json()["request_id"]
    assert request_id == response.headers["X-Request-ID"]
    assert request_id in caplog.text and "bug" not in response.text


def test_no_route_or_dependency_runs_in_the_thread_pool():
    # FastAPI runs a plain ``def`` endpoint or dependency in its thread pool: a thread hop per
    # call, and under load dozens of threads contending for the GIL. Work that takes CPU goes
    # to the one scoring thread instead.
    def calls(dependant):
        yield dependant.call
        for dependency in dependant.dependencies:
            yield from calls(dependency)

    routers = (scoring.router, profile.router, info.router, page.router)
    routes = [route for router in routers for route in router.routes]
    assert len(routes) >= 8 and all(isinstance(route, APIRoute) for route in routes)
    for route in routes:
        for call in calls(route.dependant):
            assert inspect.iscoroutinefunction(call), (route.path, call.__name__)


def test_start_up_hides_the_long_lived_objects_from_the_collector(tiny_model):
    # A full collection over the modules and the model took ~100 ms under load, a pause every
    # request in flight waited for; frozen objects are not traversed.
    _, card_path = tiny_model
    gc.unfreeze()
    try:
        with TestClient(create_app(Settings(model_path=str(card_path)))) as test_client:
            assert test_client.get("/v1/health").json()["model_loaded"]
            assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_every_connection_gets_tcp_nodelay(monkeypatch):
    import socket

    from uvicorn.protocols.http.h11_impl import H11Protocol

    from api.server import GuardedH11Protocol

    class Transport:
        def __init__(self, connection):
            self.connection = connection

        def get_extra_info(self, name, default=None):
            return self.connection if name == "socket" else default

    # uvicorn's own set-up needs a running server; only the socket option is under test.
    monkeypatch.setattr(H11Protocol, "connection_made", lambda self, transport: None)
    monkeypatch.setattr(GuardedH11Protocol, "_arm_header_deadline", lambda self: None)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0) as connection:
        GuardedH11Protocol.__new__(GuardedH11Protocol).connection_made(Transport(connection))
        assert connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1


def test_profile_per_outlet_with_intervals_and_errors(client):
    rumour = {"source": "موقع", "body": "قال مصدر مطلع إن القرار ربما يصدر قريبا!"}
    articles = [{"source": "وكالة", **AGENCY}] * 3 + [rumour] * 2 + [{"source": "موقع", "body": ""}]
    response = client.post("/v1/profile", json={"articles": articles, "min_articles": 3})
    assert response.status_code == 200
    outlets = {row["outlet"]: row for row in response.json()["outlets"]}
    agency, site = outlets["وكالة"], outlets["موقع"]
    assert (agency["articles"], agency["errors"], agency["ranked"]) == (3, 0, True)
    assert (site["articles"], site["errors"], site["ranked"]) == (2, 1, False)
    assert site["share_with_anonymous_source"] == 1.0
    low, high = site["share_with_anonymous_source_low"], site["share_with_anonymous_source_high"]
    assert 0.0 < low < 1.0 == high
    assert site["examples"] and site["examples"][0]["spans"]


def test_profile_limits(client):
    assert client.post("/v1/profile", json={"articles": []}).status_code == 422
    too_many = {"articles": [{"source": "s", "body": "نص"}] * 1001}
    assert client.post("/v1/profile", json=too_many).status_code == 413
    missing_source = {"articles": [{"body": "نص"}]}
    assert client.post("/v1/profile", json=missing_source).status_code == 422
