"""Small helpers for the signal tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import strategies as st

from scorer import analyze


def texts(title: str, body: str, signal: str) -> list[str]:
    """The evidence texts of ``signal`` for an article."""
    return [span.text for span in analyze(title, body).evidence if span.signal == signal]


def value(title: str, body: str, signal: str) -> float:
    return analyze(title, body).signals[signal]


def free_port() -> int:
    """A local TCP port nobody listens on now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(app: object, **config: object) -> Iterator[int]:
    """``app`` served by uvicorn in a thread on a free local port (yielded) until the block ends."""
    import threading
    import time

    import pytest
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start within 30 s")
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def body_view(body: str, title: str = ""):
    """The attribution rules' read-only view of an article body."""
    from scorer.attribution.view import TokenView
    from scorer.fields import prepare_field

    return TokenView(prepare_field("body", body, prepare_field("title", title).text))


def candidate_texts(view, candidates) -> list[tuple[str, str, str]]:
    """``(via, kind, mention text)`` of rule candidates, in the original spelling."""
    rows = []
    for candidate in candidates:
        mention = ""
        if candidate.last > candidate.first:
            first, last = view.starts[candidate.first], view.ends[candidate.last - 1]
            start, end = view.field.norm.span(first, last)
            mention = view.field.original[start:end]
        rows.append((candidate.via, candidate.kind, mention))
    return rows


def joined(*choices: list[str] | st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts of up to ``max_size`` pieces, each drawn from one of ``choices`` (a list of
    pieces, or a strategy of them), for the property tests."""
    pieces = (st.sampled_from(c) if isinstance(c, list) else c for c in choices)
    return st.lists(st.one_of(*pieces), max_size=max_size).map("".join)
