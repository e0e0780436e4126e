"""Official social media account URLs, normalised.

The registry keys every official account by one canonical URL, and residents check any URL
they paste against it (impersonation is common). So every spelling of an account's address
(case, www./m. hosts, twitter.com for x.com, a post under the account, tracking query
strings) must come out as the same string, and anything that is not the address of an
account must be refused with a reason the client can act on."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from unicodedata import normalize
from urllib.parse import SplitResult, parse_qs, quote, unquote, urlsplit

import idna

from app.core.vocabulary import Platform

MAX_URL_LENGTH = 2048


class AccountUrlError(ValueError):
    """The text is not the address of an account; the message says what to give instead."""


@dataclass(frozen=True, slots=True)
class AccountUrl:
    platform: Platform
    url: str
    handle: str


_LABELS = {platform: platform.value.title() for platform in Platform} | {
    Platform.LINKEDIN: "LinkedIn",
    Platform.YOUTUBE: "YouTube",
    Platform.TIKTOK: "TikTok",
}
_EXAMPLES = {
    Platform.FACEBOOK: "https://facebook.com/yourtown",
    Platform.INSTAGRAM: "https://instagram.com/yourtown",
    Platform.X: "https://x.com/yourtown",
    Platform.LINKEDIN: "https://linkedin.com/company/yourtown",
    Platform.YOUTUBE: "https://youtube.com/@yourtown",
    Platform.TIKTOK: "https://tiktok.com/@yourtown",
    Platform.THREADS: "https://threads.net/@yourtown",
    Platform.BLUESKY: "https://bsky.app/profile/yourtown.bsky.social",
    Platform.NEXTDOOR: "https://nextdoor.com/agency-detail/on/yourtown/town-of-yourtown",
}
_Parser = Callable[[list[str], str], tuple[str, str]]  # (path segments, query) -> (path, handle)

# Each host a platform serves account pages on, with the host the registry keeps. Threads
# moved to threads.com in 2025 and threads.net redirects there; the registry keeps
# threads.net, the host its earlier rows were written with, so keys never change.
_HOSTS: dict[str, tuple[Platform, str]] = {
    "facebook.com": (Platform.FACEBOOK, "facebook.com"),
    "fb.com": (Platform.FACEBOOK, "facebook.com"),
    "instagram.com": (Platform.INSTAGRAM, "instagram.com"),
    "instagr.am": (Platform.INSTAGRAM, "instagram.com"),
    "x.com": (Platform.X, "x.com"),
    "twitter.com": (Platform.X, "x.com"),
    "linkedin.com": (Platform.LINKEDIN, "linkedin.com"),
    "youtube.com": (Platform.YOUTUBE, "youtube.com"),
    "tiktok.com": (Platform.TIKTOK, "tiktok.com"),
    "threads.net": (Platform.THREADS, "threads.net"),
    "threads.com": (Platform.THREADS, "threads.net"),
    "bsky.app": (Platform.BLUESKY, "bsky.app"),
    "nextdoor.com": (Platform.NEXTDOOR, "nextdoor.com"),
}
# Link shorteners of the platforms: they point at posts and videos, never name an account.
_SHORT_LINK_HOSTS: dict[str, Platform] = {
    "youtu.be": Platform.YOUTUBE,
    "t.co": Platform.X,
    "fb.me": Platform.FACEBOOK,
    "lnkd.in": Platform.LINKEDIN,
}
_MOBILE_PREFIXES = frozenset({"www", "m", "mobile", "web"})
# Hosts that also serve the same pages under a country or language prefix (ca.linkedin.com,
# fr-ca.facebook.com).
_LOCALISED_HOSTS = frozenset({"facebook.com", "linkedin.com"})
_LOCALE = re.compile(r"[a-z]{2}(?:-[a-z]{2})?")
_DEFAULT_PORTS = frozenset({80, 443})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# First path segments that are the platform's own pages, not accounts.
_FACEBOOK_RESERVED = _words(
    "ads bookmarks business careers checkpoint dialog events find-friends friends fundraisers"
    " gaming groups hashtag help home legal live login logout marketplace media memories"
    " messages notifications permalink photo photos plugins policies privacy recover reel"
    " reels saved search settings share sharer stories story terms video videos watch"
)
_INSTAGRAM_RESERVED = _words(
    "about accounts api ar challenge create developer direct directory emails explore"
    " graphql legal login oauth p privacy reel reels s session static terms topics tv web"
)
_X_RESERVED = _words(
    "about account compose download explore hashtag home i intent jobs login logout messages"
    " notifications privacy search settings share signup tos"
)
_YOUTUBE_RESERVED = _words(
    "about account ads attribution_link channels creators dashboard embed feed gaming hashtag"
    " howyoutubeworks iframe_api kids live login logout music new oembed paid_memberships"
    " playlist post premium redirect results shorts signin sitemap source storefront"
    " subscription_manager t trending tv upload v watch"
)


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    text: str  # the rule, told to the client when a name breaks it


# Account names each platform allows, from its help pages and specifications.
# Facebook: letters, digits and periods, at least 5 characters, and "periods and
# capitalisation don't count" (johnsmith55 and John.Smith55 are one username), so both are
# folded away. Hyphens appear only in legacy "Name-123" page slugs.
_FACEBOOK_NAME = _Rule(re.compile(r"[a-z0-9][a-z0-9-]{4,49}"), "5 to 50 letters, digits or periods")
_FACEBOOK_ID = _Rule(re.compile(r"[0-9]{1,20}"), "a number")
# Instagram, and Threads, which uses Instagram usernames: no leading or trailing period and
# no two periods in a row.
_INSTAGRAM_NAME = _Rule(
    re.compile(r"(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)"),
    "1 to 30 letters, digits, periods or underscores",
)
# X: new accounts need at least 4 characters, older ones are shorter.
_X_NAME = _Rule(re.compile(r"[a-z0-9_]{1,15}"), "1 to 15 letters, digits or underscores")
_TIKTOK_NAME = _Rule(
    re.compile(r"[a-z0-9._]{2,24}(?<!\.)"),
    "2 to 24 letters, digits, periods or underscores, not ending with a period",
)
# YouTube handles may use letters of any script.
_YOUTUBE_HANDLE = _Rule(
    re.compile(r"(?:[^\W_]|[._-]){3,30}"),
    "3 to 30 letters, digits, underscores, hyphens or periods",
)
_YOUTUBE_CHANNEL = _Rule(re.compile(r"UC[A-Za-z0-9_-]{22}"), '"UC" and 22 more characters')
_YOUTUBE_LEGACY = _Rule(
    re.compile(r"(?:[^\W_]|[._-]){1,100}"), "letters, digits, underscores, hyphens or periods"
)
_LINKEDIN_SLUG = _Rule(
    re.compile(r"(?:[^\W_]|[-_]){2,100}"), "2 to 100 letters, digits, hyphens or underscores"
)
_LINKEDIN_KINDS = frozenset({"company", "showcase", "school", "in"})
# Bluesky (AT Protocol handle specification): a DNS name of two labels or more, ASCII, at
# most 253 characters, the last label starting with a letter; or a did:plc / did:web id.
_BLUESKY_HANDLE = _Rule(
    re.compile(
        r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
        r"[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?"
        r"|did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253}"
    ),
    "a domain name such as yourtown.bsky.social, or a did:plc: identifier",
)
# Mastodon's own USERNAME_RE, with its 30-character limit for local accounts.
_MASTODON_NAME = _Rule(
    re.compile(r"(?=.{1,30}$)[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?"),
    "1 to 30 letters, digits or underscores",
)
_NEXTDOOR_SLUG = _Rule(re.compile(r"[a-z0-9_-]{1,100}"), "letters, digits, hyphens or underscores")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_PLAIN_HOST = re.compile(r"[^/\\:@?#%\[\]]+")
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters kept literally when a path is written back into a URL.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def normalise(url: str, platform: Platform | None = None) -> AccountUrl:
    """The account's canonical address; `platform=None` detects the platform from the host."""
    parts = _split(url)
    host = _host(parts)
    found = _platform_host(host)
    if found is None:
        if platform is None or platform is Platform.OTHER:
            return _other(parts, host)
        if platform is Platform.MASTODON:
            return _mastodon(parts, host)
        raise AccountUrlError(
            f"{host} is not on {_LABELS[platform]}: give the account's address on "
            f"{_LABELS[platform]}, or choose the platform it is on."
        )
    detected, canonical_host = found
    if platform is not None and platform is not detected:
        # Also for "other": a platform's address registered as "other" would be a second
        # spelling of an account that the public check could never match.
        raise AccountUrlError(
            f"This address is on {_LABELS[detected]}: register it with platform "
            f"{detected.value}, or give the account's address on the platform you chose."
        )
    if parts.port not in (None, *_DEFAULT_PORTS):
        raise AccountUrlError(
            f"{_LABELS[detected]} pages are not served on port {parts.port}: drop the port."
        )
    path, handle = _PARSERS[detected](_segments(parts), parts.query)
    return AccountUrl(detected, f"https://{canonical_host}{path}", handle)


def _split(url: str) -> SplitResult:
    text = url.strip()
    if not text:
        raise AccountUrlError("Give the account's address, e.g. https://facebook.com/yourtown.")
    if len(text) > MAX_URL_LENGTH:
        raise AccountUrlError(f"The address is longer than {MAX_URL_LENGTH} characters.")
    if any(char.isspace() or not char.isprintable() for char in text):
        raise AccountUrlError("The address contains spaces or control characters: remove them.")
    if text.startswith("@"):
        raise AccountUrlError(
            "Give the account's full address (e.g. https://x.com/yourtown), not only its handle."
        )
    scheme = _SCHEME.match(text)
    rest = text[scheme.end() :] if scheme else text
    if scheme is None or not rest.startswith("//"):
        # "alderbay.ca:8443/x" has a port where a scheme would be; "mailto:x" has a scheme.
        if scheme is not None and "." not in scheme.group(1) and not rest[:1].isdigit():
            raise AccountUrlError(
                f"Only web addresses (https://...) name an account, not a {scheme.group(1)}: link."
            )
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced "[" of an IPv6 host
        raise AccountUrlError("The address's host is malformed: check the address.") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise AccountUrlError(
            f"Only web addresses (https://...) name an account, not a {parts.scheme}: link."
        )
    if "@" in parts.netloc:
        # Never store credentials, and user@host is also a classic way to disguise a host.
        raise AccountUrlError(
            "The address carries a user name or password before the host: remove it."
        )
    try:
        _ = parts.port
    except ValueError:
        raise AccountUrlError("The address has an invalid port number.") from None
    return parts


def _host(parts: SplitResult) -> str:
    raw = (parts.hostname or "").rstrip(".")
    if not raw:
        raise AccountUrlError("The address has no host name, e.g. facebook.com.")
    try:
        ipaddress.ip_address(raw)
    except ValueError:
        pass
    else:
        raise AccountUrlError("Official accounts are on named hosts, not IP addresses.")
    try:
        host = idna.encode(raw, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise AccountUrlError("The host name is not a valid domain name.") from None
    labels = host.split(".")
    if len(labels) < 2 or not _TLD.fullmatch(labels[-1]):
        raise AccountUrlError("The host must be a public domain name such as alderbay.ca.")
    return host


def _platform_host(host: str) -> tuple[Platform, str] | None:
    """The platform serving the host and the host the registry keeps, or None for others."""
    candidate = host
    while candidate not in _HOSTS:
        prefix, _, rest = candidate.partition(".")
        localised = rest in _LOCALISED_HOSTS and _LOCALE.fullmatch(prefix)
        if not (prefix in _MOBILE_PREFIXES or localised) or "." not in rest:
            break
        candidate = rest
    if candidate in _HOSTS:
        return _HOSTS[candidate]
    for domain, platform in _SHORT_LINK_HOSTS.items():
        if host == domain or host.endswith("." + domain):
            raise AccountUrlError(
                f"{domain} links point at a post or video, not an account: open the link and "
                f"give the address of the account's {_LABELS[platform]} page."
            )
    for domain, (platform, _) in _HOSTS.items():
        if host.endswith("." + domain):
            raise AccountUrlError(
                f"{host} is part of {_LABELS[platform]} but has no account pages: give the "
                f"account's address on {_HOSTS[domain][1]}."
            )
    return None


def _segments(parts: SplitResult) -> list[str]:
    # NFC: "é" typed as one character or as "e" and an accent is one name.
    return [normalize("NFC", unquote(segment)) for segment in parts.path.split("/") if segment]


def _site(host: str, port: int | None = None) -> str:
    """A host of no listed platform, as kept: only "www." is dropped, since "m." or "web."
    may be a different site there."""
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    return host if port in (None, *_DEFAULT_PORTS) else f"{host}:{port}"


def _other(parts: SplitResult, host: str) -> AccountUrl:
    """Any other site: only the host's spelling and the URL's noise are normalised."""
    path = _ESCAPE.sub(_decode_unreserved, quote(parts.path, safe=_PATH_SAFE)).rstrip("/")
    last_segment = path.rsplit("/", 1)[-1]
    site = _site(host, parts.port)
    handle = unquote(last_segment) if last_segment else site
    return AccountUrl(Platform.OTHER, f"https://{site}{path}", handle)


def _decode_unreserved(escape: re.Match[str]) -> str:
    char = chr(int(escape.group(1), 16))
    return char if char in _UNRESERVED else escape.group(0).upper()


def _mastodon(parts: SplitResult, host: str) -> AccountUrl:
    """An account on any Mastodon server: https://server/@name, also from /users/name and
    from a remote account viewed through another server (/@name@its.server)."""
    segments = _segments(parts)
    if len(segments) >= 2 and segments[0] == "users":
        account = segments[1]
    elif segments and segments[0].startswith("@"):
        account = segments[0][1:]
    else:
        raise AccountUrlError(
            "A Mastodon account address has the form https://server/@name: give the profile's "
            "address, not a post or server page."
        )
    name, _, home = account.lower().partition("@")
    site = _site(host, parts.port)
    if home:
        if not _PLAIN_HOST.fullmatch(home):
            raise AccountUrlError("The server after the account name is not a host name.")
        site = _site(_host(urlsplit(f"https://{home}")))
        if _platform_host(site) is not None:
            raise AccountUrlError(
                f"{site} is not a Mastodon server: register the account on its own platform."
            )
    _check(_MASTODON_NAME, name, Platform.MASTODON)
    return AccountUrl(Platform.MASTODON, f"https://{site}/@{name}", f"@{name}@{site}")


def _check(rule: _Rule, name: str, platform: Platform) -> str:
    if not rule.pattern.fullmatch(name):
        raise AccountUrlError(
            f"The account name in this address is not a valid {_LABELS[platform]} name "
            f"({rule.text}): check the address."
        )
    return name


def _not_an_account(platform: Platform) -> AccountUrlError:
    return AccountUrlError(
        f"This {_LABELS[platform]} address is not an account's page: give the profile's "
        f"address, e.g. {_EXAMPLES[platform]}."
    )


def _first(segments: list[str], platform: Platform) -> str:
    if not segments:
        raise _not_an_account(platform)
    return segments[0].lower()


def _facebook(segments: list[str], query: str) -> tuple[str, str]:
    first = _first(segments, Platform.FACEBOOK)
    if first == "profile.php":
        ids = parse_qs(query).get("id", [])
        if len(ids) != 1:
            raise _not_an_account(Platform.FACEBOOK)
        return _facebook_id(ids[0])
    if first in {"people", "pages"} and len(segments) >= 3:
        return _facebook_id(segments[2])
    if first == "pg" and len(segments) >= 2:
        first = segments[1].lower()
    if first in _FACEBOOK_RESERVED or first.endswith(".php") or first in {"people", "pages"}:
        raise _not_an_account(Platform.FACEBOOK)
    if first.isascii() and first.isdigit():
        return _facebook_id(first)
    name = _check(_FACEBOOK_NAME, first.replace(".", ""), Platform.FACEBOOK)
    return f"/{name}", name


def _facebook_id(value: str) -> tuple[str, str]:
    identifier = _check(_FACEBOOK_ID, value, Platform.FACEBOOK)
    return f"/profile.php?id={identifier}", identifier


def _instagram(segments: list[str], query: str) -> tuple[str, str]:
    first = _first(segments, Platform.INSTAGRAM)
    if first in {"stories", "_u"} and len(segments) >= 2:
        first = segments[1].lower()
    elif first in _INSTAGRAM_RESERVED or first in {"stories", "_u"}:
        raise _not_an_account(Platform.INSTAGRAM)
    name = _check(_INSTAGRAM_NAME, first, Platform.INSTAGRAM)
    return f"/{name}", f"@{name}"


def _x(segments: list[str], query: str) -> tuple[str, str]:
    first = _first(segments, Platform.X)
    if first in _X_RESERVED:
        raise _not_an_account(Platform.X)
    name = _check(_X_NAME, first, Platform.X)
    return f"/{name}", f"@{name}"


def _at_profile(platform: Platform, rule: _Rule) -> _Parser:
    """The parser of a platform whose profiles are at https://host/@name."""

    def parse(segments: list[str], query: str) -> tuple[str, str]:
        first = _first(segments, platform)
        if not first.startswith("@"):
            raise _not_an_account(platform)
        name = _check(rule, first[1:], platform)
        return f"/@{name}", f"@{name}"

    return parse


def _youtube(segments: list[str], query: str) -> tuple[str, str]:
    first = _first(segments, Platform.YOUTUBE)
    if first.startswith("@"):
        name = _check(_YOUTUBE_HANDLE, first[1:], Platform.YOUTUBE)
        return f"/@{quote(name)}", f"@{name}"
    if first == "channel" and len(segments) >= 2:
        channel = _check(_YOUTUBE_CHANNEL, segments[1], Platform.YOUTUBE)
        return f"/channel/{channel}", channel
    if first in {"c", "user"} and len(segments) >= 2:
        name = _check(_YOUTUBE_LEGACY, segments[1], Platform.YOUTUBE)
        return f"/{first}/{quote(name)}", name
    if first in _YOUTUBE_RESERVED or first in {"channel", "c", "user"}:
        raise _not_an_account(Platform.YOUTUBE)
    # A legacy custom address (youtube.com/Name): its case is kept, as for /c/Name.
    name = _check(_YOUTUBE_LEGACY, segments[0], Platform.YOUTUBE)
    return f"/{quote(name)}", name


def _linkedin(segments: list[str], query: str) -> tuple[str, str]:
    kind = _first(segments, Platform.LINKEDIN)
    if kind not in _LINKEDIN_KINDS or len(segments) < 2:
        raise _not_an_account(Platform.LINKEDIN)
    slug = _check(_LINKEDIN_SLUG, segments[1].lower(), Platform.LINKEDIN)
    return f"/{kind}/{quote(slug)}", slug


def _bluesky(segments: list[str], query: str) -> tuple[str, str]:
    if len(segments) < 2 or segments[0].lower() != "profile":
        raise _not_an_account(Platform.BLUESKY)
    name = _check(_BLUESKY_HANDLE, segments[1].lower(), Platform.BLUESKY)
    return f"/profile/{name}", name


def _nextdoor(segments: list[str], query: str) -> tuple[str, str]:
    lowered = [segment.lower() for segment in segments]
    if len(lowered) >= 4 and lowered[0] == "agency-detail":
        kept = lowered[:4]
    elif len(lowered) >= 2 and lowered[0] == "pages":
        kept = lowered[:2]
    else:
        raise _not_an_account(Platform.NEXTDOOR)
    for segment in kept[1:]:
        _check(_NEXTDOOR_SLUG, segment, Platform.NEXTDOOR)
    return "/" + "/".join(kept), kept[-1]


_PARSERS: dict[Platform, _Parser] = {
    Platform.FACEBOOK: _facebook,
    Platform.INSTAGRAM: _instagram,
    Platform.X: _x,
    Platform.LINKEDIN: _linkedin,
    Platform.YOUTUBE: _youtube,
    Platform.TIKTOK: _at_profile(Platform.TIKTOK, _TIKTOK_NAME),
    Platform.THREADS: _at_profile(Platform.THREADS, _INSTAGRAM_NAME),
    Platform.BLUESKY: _bluesky,
    Platform.NEXTDOOR: _nextdoor,
}
