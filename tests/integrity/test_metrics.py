"""Metrics served by several workers count every worker's requests, whichever one answers."""

from __future__ import annotations

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

pytestmark = pytest.mark.slow

REQUESTS = 60


def _livez_count(base_url: str) -> float:
    text = httpx.get(f"{base_url}/metrics", timeout=10).text
    for family in text_string_to_metric_families(text):
        if family.name == "civic_social_http_requests":
            for sample in family.samples:
                labels = sample.labels
                if (
                    sample.name.endswith("_total")
                    and labels.get("route") == "/livez"
                    and labels.get("method") == "GET"
                    and labels.get("status") == "200"
                ):
                    return sample.value
    return 0.0


def test_a_scrape_adds_up_the_requests_of_every_worker(live_server: str) -> None:
    before = _livez_count(live_server)
    for _ in range(REQUESTS):
        # A new connection each time, so the kernel spreads them over both workers.
        assert httpx.get(f"{live_server}/livez", timeout=10).status_code == 200
    counts = {_livez_count(live_server) - before for _ in range(4)}
    assert counts == {REQUESTS}
