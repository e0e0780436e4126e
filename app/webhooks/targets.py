"""Where a webhook may be sent. The worker runs inside the city's network: a subscription must
not make it reach the database, the cloud metadata service or an intranet host it was not
meant to (server-side request forgery). Loopback, link-local, private, shared, multicast and
reserved addresses are refused unless the deployment allows them by name or network, and
the check is made again, on the addresses the name then resolves to, before every send."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]


class TargetRefused(ValueError):
    """The URL may not be a webhook target; the message says why, for the caller."""


def resolve(host: str, port: int) -> list[str]:
    """Every address the name resolves to (A and AAAA)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """The deployment's allow-list: host names and networks reachable despite the rules."""

    hosts: frozenset[str]
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> TargetPolicy:
        hosts: set[str] = set()
        networks = []
        for entry in entries:
            try:
                networks.append(ipaddress.ip_network(entry.strip(), strict=False))
            except ValueError:
                hosts.add(entry.strip().lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def _allowed(self, host: str, address: IPAddress) -> bool:
        return host in self.hosts or any(address in network for network in self.networks)

    def check(self, url: str, resolver: Resolver = resolve) -> str:
        """The URL's host once the URL may be used; ``TargetRefused`` otherwise."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        if parts.scheme not in ("https", "http") or not host:
            raise TargetRefused("a webhook URL is an absolute http(s) URL")
        if parts.username or parts.password:
            raise TargetRefused("a webhook URL carries no credentials")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise TargetRefused("the port is not a number from 1 to 65535") from exc
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolver(host, port)]
            except (OSError, UnicodeError) as exc:
                raise TargetRefused(f"{host} cannot be resolved") from exc
        if not addresses:
            raise TargetRefused(f"{host} cannot be resolved")
        for address in addresses:
            if not _public(address) and not self._allowed(host, address):
                raise TargetRefused(
                    f"{host} resolves to {address}, a {_kind(address)} address; webhooks reach "
                    "only public addresses unless APP_WEBHOOKS_ALLOWED_TARGETS names it"
                )
        if parts.scheme == "http" and not all(self._allowed(host, a) for a in addresses):
            raise TargetRefused("use https (plain http only for hosts the deployment allows)")
        return host


def _public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


def _kind(address: IPAddress) -> str:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _kind(address.ipv4_mapped)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    if address.is_multicast:
        return "multicast"
    return "reserved"
