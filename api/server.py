"""Start the service with uvicorn.

With ``--workers N`` uvicorn binds the listening socket itself and hands it to its workers, and
the sockets it accepts then keep Nagle's algorithm on: every keep-alive request after the first
waits ~40 ms for the client's delayed ACK (uvicorn issue #3149, Linux). The protocol below turns
``TCP_NODELAY`` on for each accepted connection, as asyncio does in single-process mode.
"""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.settings import Settings


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with ``TCP_NODELAY`` set on every connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def serve(settings: Settings) -> None:
    """Run the app (one instance per worker process, each loading the model once)."""
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=NoDelayH11Protocol,
        access_log=False,
    )
