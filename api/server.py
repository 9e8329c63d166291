"""Start the service with uvicorn.

With ``--workers N`` uvicorn binds the listening socket itself and hands it to its workers, and
the sockets it accepts then keep Nagle's algorithm on: every keep-alive request after the first
waits ~40 ms for the client's delayed ACK (uvicorn issue #3149, Linux). The protocol below turns
``TCP_NODELAY`` on for each accepted connection, as asyncio does in single-process mode.

uvicorn also sets no deadline on a request's headers: a client that sends them a byte at a time
holds its connection for ever (slowloris). The protocol closes a connection whose request
headers are not complete ``CREDSCORE_HEADER_TIMEOUT_S`` seconds after they began.
"""

from __future__ import annotations

import asyncio
import socket
from functools import cache

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.settings import Settings


@cache
def _header_timeout() -> float:
    return Settings().header_timeout_s  # each worker process reads its settings once


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with ``TCP_NODELAY`` and a deadline for request headers."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
        self._header_deadline: asyncio.TimerHandle | None = None
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        between_requests = self.cycle is None or self.cycle.response_complete
        if self._header_deadline is None and between_requests:
            self._arm_header_deadline()  # the first bytes of the next request
        waiting_for = self.cycle
        super().data_received(data)
        if self.cycle is not waiting_for and self._header_deadline is not None:
            self._header_deadline.cancel()  # a new request's headers are complete
            self._header_deadline = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
        super().connection_lost(exc)

    def _arm_header_deadline(self) -> None:
        self._header_deadline = self.loop.call_later(_header_timeout(), self.transport.close)


def serve(settings: Settings) -> None:
    """Run the app (one instance per worker process, each loading the model once)."""
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=GuardedH11Protocol,
        access_log=False,
    )
