"""Prometheus metrics: requests and latency by method, route template and status.

With several worker processes (``PROMETHEUS_MULTIPROC_DIR`` set, as ``civic-social serve
--workers N`` does), each worker writes its samples to files there and a scrape, whichever
worker answers it, adds them all up."""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROCESS_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "civic_social_http_requests_total",
    "HTTP requests answered",
    ("method", "route", "status"),
    registry=REGISTRY,
)
LATENCY = Histogram(
    "civic_social_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ("method", "route"),
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    # Labels stay bounded whatever clients send: unknown methods fold into one value.
    method = method if method in _METHODS else "OTHER"
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route).observe(seconds)


def render() -> tuple[bytes, str]:
    if os.environ.get(MULTIPROCESS_DIR_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
