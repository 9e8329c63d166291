"""Start the service with uvicorn.

Sockets that uvicorn did not create keep Nagle's algorithm on for the connections they accept:
every keep-alive request after the first waits ~40 ms for the client's delayed ACK (uvicorn
issue #3149, Linux). The protocol below turns ``TCP_NODELAY`` on for each accepted connection,
as asyncio does for sockets of its own.

uvicorn also sets no deadline on a request's headers: a client that sends them a byte at a time
holds its connection for ever (slowloris). The protocol closes a connection whose request
headers are not complete ``CREDSCORE_HEADER_TIMEOUT_S`` seconds after they began.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import socket
import time
from functools import cache

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.settings import Settings
from scorer.errors import ScorerError

logger = logging.getLogger("credscore.api")

_START_GRACE_S = 60  # a worker that exits sooner after its start failed to start


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


def _config(settings: Settings) -> uvicorn.Config:
    return uvicorn.Config(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        http=GuardedH11Protocol,
        access_log=False,
    )


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket of this worker's own on the shared port: with ``SO_REUSEPORT`` the kernel
    spreads new connections evenly over the workers' sockets."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def _run_worker(settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor stops workers with SIGTERM
    sock = _listening_socket(settings.host, settings.port)
    uvicorn.Server(_config(settings)).run(sockets=[sock])


def serve(settings: Settings) -> None:
    """Run the app: one process, or ``settings.workers`` processes that each load the model
    once and listen on their own ``SO_REUSEPORT`` socket (Linux, BSD, macOS), where uvicorn's
    one shared socket often hands most connections to one worker. A worker that dies is
    replaced; SIGINT or SIGTERM stops them all."""
    if settings.workers == 1:
        uvicorn.Server(_config(settings)).run()
        return
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    def start_worker() -> tuple[multiprocessing.process.BaseProcess, float]:
        worker = context.Process(target=_run_worker, args=(settings,))
        worker.start()
        return worker, time.monotonic()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    running = [start_worker() for _ in range(settings.workers)]
    failed_at_start = False
    while not stopping:
        time.sleep(0.5)
        for index, (worker, started) in enumerate(running):
            if worker.is_alive() or stopping:
                continue
            if time.monotonic() - started < _START_GRACE_S:
                failed_at_start = stopping = True  # a bad model or port: restarting won't help
                break
            logger.warning("worker %s exited (%s); starting another", worker.pid, worker.exitcode)
            running[index] = start_worker()
    workers = [worker for worker, _ in running]
    for worker in workers:
        worker.terminate()  # SIGTERM: uvicorn finishes its requests and shuts down
    for worker in workers:
        worker.join(timeout=30)
    if failed_at_start:
        raise ScorerError("a service worker stopped while starting (its log says why)")
