"""Where webhooks may go: no loopback, link-local, private or reserved address unless the
deployment allows it, by literal address or by what a name resolves to."""

from __future__ import annotations

import pytest

from app.webhooks.targets import TargetPolicy, TargetRefused

NOWHERE = TargetPolicy.from_entries([])


def resolver(*addresses: str):  # type: ignore[no-untyped-def]
    return lambda _host, _port: list(addresses)


@pytest.mark.parametrize(
    ("url", "addresses", "reason"),
    [
        ("https://127.0.0.1/hook", (), "loopback"),
        ("https://[::1]/hook", (), "loopback"),
        ("https://169.254.169.254/latest/meta-data", (), "link-local"),
        ("https://10.20.30.40/hook", (), "private"),
        ("https://192.168.1.5/hook", (), "private"),
        ("https://[::ffff:127.0.0.1]/hook", (), "loopback"),
        ("https://0.0.0.0/hook", (), "address"),
        ("https://hooks.example.org/x", ("93.184.216.34", "10.0.0.7"), "private"),
        ("https://localhost/x", ("127.0.0.1",), "loopback"),
        ("http://hooks.example.org/x", ("93.184.216.34",), "https"),
        ("https://user:pw@hooks.example.org/x", ("93.184.216.34",), "credentials"),
        ("ftp://hooks.example.org/x", ("93.184.216.34",), "absolute"),
        ("https:///nohost", (), "absolute"),
        ("https://hooks.example.org:99999/x", ("93.184.216.34",), "port"),
    ],
)
def test_unsafe_targets_are_refused_with_the_reason(
    url: str, addresses: tuple[str, ...], reason: str
) -> None:
    with pytest.raises(TargetRefused, match=reason):
        NOWHERE.check(url, resolver(*addresses))


def test_a_name_that_does_not_resolve_is_refused() -> None:
    def fails(_host: str, _port: int) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(TargetRefused, match="cannot be resolved"):
        NOWHERE.check("https://nowhere.invalid/x", fails)


def test_public_https_targets_are_accepted() -> None:
    assert NOWHERE.check("https://Hooks.Example.org./x", resolver("93.184.216.34")) == (
        "hooks.example.org"
    )
    assert NOWHERE.check("https://[2606:4700::1111]/x", resolver()) == "2606:4700::1111"


def test_the_deployment_allows_named_hosts_and_networks_plain_http_included() -> None:
    policy = TargetPolicy.from_entries(["10.20.0.0/16", "records.intranet.town"])
    assert policy.check("http://10.20.1.2:8080/hook", resolver())
    assert policy.check("https://records.intranet.town/hook", resolver("192.168.4.4"))
    with pytest.raises(TargetRefused, match="private"):
        policy.check("https://10.21.0.1/hook", resolver())
    with pytest.raises(TargetRefused, match="https"):
        policy.check("http://hooks.example.org/x", resolver("93.184.216.34"))
