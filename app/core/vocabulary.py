"""Words more than one domain uses: platforms (screening, the account registry) and grant
roles (the account registry grants them, training says who may hold them)."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    THREADS = "threads"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    NEXTDOOR = "nextdoor"
    OTHER = "other"


class GrantRole(StrEnum):
    """What a named person may do on an official account."""

    OWNER = "owner"
    PUBLISHER = "publisher"
    MODERATOR = "moderator"
    ANALYST = "analyst"
