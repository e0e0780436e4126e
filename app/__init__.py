"""Civic Social: a municipal social media governance service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("civic-social")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
