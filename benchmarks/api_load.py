"""Load test of the HTTP service: 2 uvicorn workers, real articles at concurrency 32.

Usage: python benchmarks/api_load.py [--requests 2000] [--concurrency 32]
Starts `credscore serve --workers 2` on a free local port, sends the requests to /v1/score
(MCE articles, round robin), then 200 one at a time, then the same number to the trivial
/v1/ping of the same app (the server's own ceiling), and prints requests/s, p50/p99 latency and
errors for each, and how the scoring CPU time was shared among the worker processes. Traffic goes
to 127.0.0.1 only, and the loop is bounded in count.
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


async def hammer(
    url: str, payloads: list[dict | None], requests: int, concurrency: int
) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                index = queue.get_nowait()
                payload = payloads[index % len(payloads)]
                started = time.perf_counter()
                try:
                    if payload is None:
                        response = await client.get(url)
                    else:
                        response = await client.post(url, json=payload)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies, errors


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
        asyncio.run(hammer(base + "/v1/score", articles, 100, args.concurrency))  # warm-up
        print(f"{args.requests} requests per endpoint, concurrency {args.concurrency}, 2 workers")
        before = worker_cpu(server.pid)
        score = report(
            "/v1/score",
            args.requests,
            *asyncio.run(hammer(base + "/v1/score", articles, args.requests, args.concurrency)),
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
            *asyncio.run(hammer(base + "/v1/score", articles, 200, 1)),
        )
        ping = report(
            "/v1/ping",
            args.requests,
            *asyncio.run(hammer(base + "/v1/ping", [None], args.requests, args.concurrency)),
        )
        print(f"score throughput = {score / ping:.0%} of the trivial endpoint's")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
