"""Load test of the HTTP service: 2 uvicorn workers, real articles at concurrency 32.

Usage: python benchmarks/api_load.py [--requests 2000] [--concurrency 32]
Starts `credscore serve --workers 2` on a free local port, sends the requests to /v1/score
(MCE articles, round robin), then 200 one at a time, then the same number to the trivial
/v1/ping of the same app (the server's own ceiling), and prints requests/s, p50/p99 latency and
errors for each, and how the scoring CPU time was shared among the worker processes. Traffic goes
to 127.0.0.1 only, and the loop is bounded in count.

The client is a few lines of HTTP/1.1 over asyncio streams (keep-alive, one connection per
concurrent sender), not httpx: measured on this 2-core machine, httpx's AsyncClient spent
~2.9 ms of CPU per request (these streams ~0.06 ms), so it took a core from the server and
capped /v1/ping at ~350 req/s with its own pauses in the tail; the server answers ~4,000.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import MCE_TRAIN


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def encoded_request(path: str, payload: dict | None) -> bytes:
    """The bytes of one HTTP/1.1 request: a GET, or a POST of ``payload`` as JSON."""
    if payload is None:
        return f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
    body = json.dumps(payload).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """Send one request on a keep-alive connection and read its whole response; its status."""
    writer.write(request)
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def hammer(
    port: int, path: str, payloads: list[dict | None], requests: int, concurrency: int
) -> tuple[float, list[float], int]:
    """``requests`` requests over ``concurrency`` connections: (seconds, latencies, errors)."""
    encoded = [encoded_request(path, payload) for payload in payloads]
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)

    async def sender() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while not queue.empty():
                request = encoded[queue.get_nowait() % len(encoded)]
                started = time.perf_counter()
                try:
                    if await exchange(reader, writer, request) != 200:
                        errors += 1
                except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                    errors += 1  # the connection is unusable now: open another
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, errors


def worker_cpu(server_pid: int) -> dict[int, float]:
    """User + system CPU seconds of each worker process of the server (psutil)."""
    times = {}
    for worker in psutil.Process(server_pid).children():
        cpu = worker.cpu_times()
        times[worker.pid] = cpu.user + cpu.system
    return times


def report(name: str, requests: int, elapsed: float, latencies: list[float], errors: int) -> float:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[int(0.99 * (len(ordered) - 1))] * 1000
    rate = requests / elapsed
    print(
        f"{name:<10} {rate:8,.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   errors {errors}"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--data", type=Path, default=MCE_TRAIN)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines()[:500]]
    articles = [{"title": r["title"], "body": r["text"]} for r in rows if r["text"].strip()]
    port = free_port()
    env = {**os.environ, "CREDSCORE_PORT": str(port), "CREDSCORE_WORKERS": "2"}
    server = subprocess.Popen(["credscore", "serve"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.5)
        asyncio.run(hammer(port, "/v1/score", articles, 100, args.concurrency))  # warm-up
        print(f"{args.requests} requests per endpoint, concurrency {args.concurrency}, 2 workers")
        before = worker_cpu(server.pid)
        score = report(
            "/v1/score",
            args.requests,
            *asyncio.run(hammer(port, "/v1/score", articles, args.requests, args.concurrency)),
        )
        used = {
            pid: seconds - before.get(pid, 0.0) for pid, seconds in worker_cpu(server.pid).items()
        }
        busy = sorted((s for s in used.values() if s > 0.5), reverse=True)
        shares = ", ".join(f"{s / sum(busy):.0%}" for s in busy)
        print(f"{'':<10} CPU time by worker process: {shares}")
        report(
            "sequential",
            200,
            *asyncio.run(hammer(port, "/v1/score", articles, 200, 1)),
        )
        ping = report(
            "/v1/ping",
            args.requests,
            *asyncio.run(hammer(port, "/v1/ping", [None], args.requests, args.concurrency)),
        )
        print(f"score throughput = {score / ping:.0%} of the trivial endpoint's")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
