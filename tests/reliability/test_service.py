"""The service under hostile requests: bounded metrics, 413/415/408 at the edge, validated
settings, security headers; over a real socket where the transport matters."""

from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from helpers import free_port, running_server
from pydantic import ValidationError

from api.app import create_app
from api.server import GuardedH11Protocol, _header_timeout
from api.settings import Settings

LIMIT = 4096


@pytest.fixture(scope="module")
def settings(tiny_model) -> Settings:
    _, card_path = tiny_model
    return Settings(model_path=str(card_path), max_request_bytes=LIMIT, body_timeout_s=1)


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def address(settings):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CREDSCORE_HEADER_TIMEOUT_S", "1")
        _header_timeout.cache_clear()
        _header_timeout()  # read now, while the variable is set
    app = create_app(settings)
    with running_server(app, log_level="error", http=GuardedH11Protocol) as port:
        yield "127.0.0.1", port
    _header_timeout.cache_clear()


def test_metrics_labels_stay_bounded_under_random_methods(client):
    def series_after_random_requests(offset: int) -> int:
        for n in range(offset, offset + 100):
            client.request(f"M{n}X", "/v1/score")
            client.get(f"/no/such/path/{n}")
        text = client.get("/metrics").text
        return sum(1 for line in text.splitlines() if not line.startswith("#"))

    client.get("/metrics")
    first = series_after_random_requests(0)
    assert series_after_random_requests(100) == first  # new names add no series
    assert 'method="other"' in client.get("/metrics").text


def test_wrong_content_type_is_415(client):
    response = client.post("/v1/score", content=b"title=x", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415 and "JSON" in response.json()["error"]


def test_the_page_sends_security_headers(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "<script>" not in response.text  # the script is a file of its own, no inline code
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "bad", [{"max_text_chars": -1}, {"port": 70000}, {"workers": 0}, {"body_timeout_s": 0}]
)
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValidationError):
        Settings(**bad)


def test_a_bad_setting_is_a_one_line_cli_error(monkeypatch, capsys):
    from scorer.cli import main

    monkeypatch.setenv("CREDSCORE_PORT", "not-a-port")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("credscore: error:") and "port" in err and err.count("\n") == 1


def test_chunked_body_over_the_limit_is_413(address):
    connection = http.client.HTTPConnection(*address, timeout=10)
    chunks = (b'{"title": "' + b"x" * 1000 for _ in range(10))
    connection.request(
        "POST",
        "/v1/score",
        body=chunks,
        headers={"Content-Type": "application/json"},
        encode_chunked=True,
    )
    response = connection.getresponse()
    assert response.status == 413 and b"request body over" in response.read()


def test_declared_body_over_the_limit_is_a_413_not_a_reset(address):
    body = b'{"title": "' + b"x" * (LIMIT * 20) + b'"}'
    with socket.create_connection(address, timeout=10) as sock:
        head = (
            f"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        sock.sendall(head + body)  # the whole body: the server must read it, then answer
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_stalled_body_is_408(address):
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(
            b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100\r\n\r\n{"
        )
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408")


def test_slow_headers_lose_their_connection(address):
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(b"POST /v1/score HTTP/1.1\r\nHo")  # and never the rest
        started = time.monotonic()
        assert sock.recv(4096) == b""  # closed by the server
        assert time.monotonic() - started < 5


def test_keep_alive_requests_still_work_under_the_header_deadline(address):
    connection = http.client.HTTPConnection(*address, timeout=10)
    for _ in range(3):
        connection.request("GET", "/v1/health")
        assert connection.getresponse().read()
        time.sleep(0.6)  # together longer than the deadline: each request has its own


def test_two_workers_share_the_port_and_stop_together(tiny_model):
    """`credscore serve --workers 2`: two processes on SO_REUSEPORT sockets answer on one
    port, and SIGTERM stops them all."""
    _, card_path = tiny_model
    port = free_port()
    command = [sys.executable, "-m", "scorer.cli", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen([*command, "--model", str(card_path)], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while not _answers(port):
            assert time.monotonic() < deadline and server.poll() is None, "did not start"
            time.sleep(0.3)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        workers = [p for p in children if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes()]
        for _ in range(20):  # a new connection each time: the kernel picks a worker's socket
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request(
                "POST",
                "/v1/score",
                body='{"body": "قال الوزير"}'.encode(),
                headers={"Content-Type": "application/json"},
            )
            assert connection.getresponse().status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
    assert len(workers) == 2 and not any(Path(f"/proc/{pid}").exists() for pid in workers)


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/v1/health")
        return connection.getresponse().status == 200
    except OSError:
        return False
