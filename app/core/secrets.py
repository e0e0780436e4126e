"""Refusing anything that looks like a credential.

The account registry records how an account is secured (MFA, recovery contact, where the
credentials live in the city's vault), never the credentials themselves, and clients will
still try to send a password or token. These checks let a service refuse such a field by
its name, or a value by its shape, and say what it looked like without echoing it.

Why not detect-secrets: scanning one string in-process with it cost ~1.5 ms with its default
plugins (~0.2 ms calling six plugins directly), its ad hoc scan changes global settings on
every call, its entropy plugins flag ordinary words when asked about a lone string, and its
keyword plugin misses unquoted "password: xyz". The formats below are the ones its plugins
and the providers' own documentation describe."""

from __future__ import annotations

import math
import re
from collections import Counter
from urllib.parse import unquote

from app.core.security import API_KEY_PREFIX


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Names as secret_field_name folds them: lower case, words joined by "_".
SECRET_FIELD_NAMES: frozenset[str] = _words(
    "password passwd pwd passphrase passcode password_hash secret client_secret app_secret"
    " consumer_secret secret_key token access_token refresh_token id_token auth_token"
    " bearer_token api_key apikey api_token private_key signing_key encryption_key otp totp"
    " totp_secret totp_seed mfa_secret mfa_seed two_factor_secret recovery_code recovery_codes"
    " backup_code backup_codes security_answer credential credentials authorization pin cookie"
    " session session_id sessionid session_cookie"
)
# Too common as parts of other names ("training_session", "map_pin"): secret only alone.
_NAMES_IN_PARTS = SECRET_FIELD_NAMES - {"pin", "cookie", "session"}
# A last word that makes the name describe a credential rather than carry one
# ("token_count", "password_last_changed_at", "secret_name" of a vault entry).
_DESCRIPTIVE = _words(
    "at on count enabled required set present exists expires expiry expiration rotated"
    " changed updated created age length policy manager reference ref path location name id"
    " url uri type kind status method provider vault folder store owner holder custodian"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def secret_field_name(name: str) -> bool:
    """True for a JSON field name that names a credential, in any case or separator style.

    Booleans named by the house convention (`is_*`, `has_*`) and names whose last word only
    describes a credential (`token_count`, `access_token_expires_at`, `vault_reference`,
    `mfa_enabled`, `last_rotated_at`, `recovery_contact`, `shared_login`) are not secrets."""
    words = [word for word in _NOT_LETTERS.split(_CAMEL.sub("_", name).lower()) if word]
    if not words:
        return False
    if "_".join(words) in SECRET_FIELD_NAMES:
        return True
    if words[0] in {"is", "has"}:
        return False
    found = [
        end
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        if "_".join(words[start:end]) in _NAMES_IN_PARTS
    ]
    return len(words) in found or (bool(found) and words[-1] not in _DESCRIPTIVE)


# Well-known credential formats, from their issuers' documentation, each with the literal
# text (lower-cased) that any match contains: a pattern runs only when its text is there.
_FORMATS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-",
     "a private key block", ("private key", "putty-user-key-file-")),
    (r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*",
     "a JSON Web Token", ("eyj",)),
    (r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b",
     "an AWS access key", ("akia", "asia", "abia", "acca")),
    (r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b|\bgithub_pat_[A-Za-z0-9_]{22,255}\b",
     "a GitHub token", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
    (r"\bxox[abposr]-[A-Za-z0-9-]{10,}", "a Slack token", ("xox",)),
    (r"hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+",
     "a Slack webhook URL", ("hooks.slack.com",)),
    (r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}", "a Stripe secret key", ("k_live_", "k_test_")),
    (r"\bAIza[0-9A-Za-z_-]{35}", "a Google API key", ("aiza",)),
    (r"\bGOCSPX-[A-Za-z0-9_-]{20,}|\bya29\.[0-9A-Za-z_-]{20,}",
     "a Google OAuth credential", ("gocspx-", "ya29.")),
    (r"\bEAA[A-Za-z0-9]{30,}", "a Facebook access token", ("eaa",)),
    (r"\bIG(?:QV|AA)[A-Za-z0-9_-]{30,}", "an Instagram access token", ("igqv", "igaa")),
    (r"\bA{20,}[A-Za-z0-9%]{30,}", "an X (Twitter) bearer token", ("a" * 20,)),
    (r"\bSK[0-9a-fA-F]{32}\b", "a Twilio API key", ("sk",)),
    (r"\b" + re.escape(API_KEY_PREFIX) + r"[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
     "an API key of this service", (API_KEY_PREFIX.lower(),)),
    (r"(?i:\botpauth://)", "an authenticator (TOTP) setup link", ("otpauth://",)),
    (r"(?i:\b[a-z][a-z0-9+.-]*://[^\s/@:]+:[^\s/@]+@)", "a URL with a password in it", ("@",)),
    (r"(?i:\b(?:bearer|basic)\s+[A-Za-z0-9._~+/-]{20,}=*)",
     "an HTTP authorisation header", ("bearer", "basic")),
    # As authenticator apps show a secret: four or more groups of four base32 characters.
    (r"\b(?=[A-Z2-7 ]{0,38}[2-7])[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,7}\b",
     "an authenticator secret", (" ",)),
)  # fmt: skip
_FORMAT_PATTERNS = tuple(
    (re.compile(pattern), description, hints) for pattern, description, hints in _FORMATS
)

# Vault references are paths and names, not secrets, and web addresses carry random ids and
# tracking tokens (?t=..., fbclid=...): both are blanked out before the heuristics below, so
# that "op://Comms/Facebook/password" or the ":secret:" of an AWS ARN never reads as a
# credential. Credentials in them are found first: user:password@ by its format, and query
# parameters by their names.
_REFERENCES = re.compile(
    r"\b(?:https?|vault|op|keeper|bw|bitwarden|lastpass|azurekv|gcpsm|awssm)://\S+"
    r"|\barn:aws[a-z-]*:\S+"
    r"|\bprojects/[^\s/]+/secrets/\S+"
    r"|(?<![\w/])(?:secret|secrets|kv)/\S+",
    re.IGNORECASE,
)
_REFERENCE_HINTS = ("://", "arn:", "secret", "kv/", "projects/")
_URL = re.compile(r"\bhttps?://\S+", re.IGNORECASE)
_QUERY_NAME = re.compile(r"[?&;]([^=&;#\s]+)=[^&;#\s]")
# "password: xyz", "pwd=xyz", "API key is ...", "mot de passe : ...", JSON's "token": "...".
_ASSIGNMENT = re.compile(
    r"(?<![A-Za-z0-9])(?=[abcmoprst])"  # the keys' first letters: fails fast elsewhere
    r"(?:pass(?:word|wd|phrase|code)?|pwd|mot de passe|mdp|pin|secret"
    r"|client[ _-]?secret|api[ _-]?key|(?:(?:access|refresh|auth|bearer|api)[ _-]?)?token"
    r"|(?:recovery|backup)[ _-]?codes?|otp|totp)"
    r"[\"']?\s*(?P<sign>[:=]|\bis\b)\s*[\"']?(?P<value>[^\s\"',;]+)(?P<rest>\s+\S)?",
    re.IGNORECASE,
)
_ASSIGNMENT_HINTS = ("pas", "pwd", "mdp", "pin", "secret", "key", "token", "code", "otp")
# Values that say something about a credential instead of being one.
_NOT_A_VALUE = _words(
    "n/a na none null nil empty tbd unknown redacted hidden removed see in on at the a an by"
    " via with from under inside per stored kept held managed rotated changed reset shared"
    " saved set enabled disabled required pending secret private confidential personal"
    " expired strong weak"
)
_REDACTED = re.compile(r"[x*•.\-_#]+|<[^>]*>|\[[^\]]*\]", re.IGNORECASE)
_COUNT_OR_DATE = re.compile(r"[0-9]{1,3}|[0-9]{4}-[0-9]{2}-[0-9]{2}\S*")

_TOKEN = re.compile(r"[A-Za-z0-9+/=_-]{24,}")
_SEPARATORS = re.compile(r"[+/=_-]+")
# Words, abbreviations and numbers, perhaps after one lower-case letter ("v2", "iPhone").
# Atomic, so that a token that is none of these fails in linear time instead of trying
# every way of splitting it.
_NAME_UNIT = r"[A-Z]?[a-z]{2,}|[A-Z]+(?![a-z])|[0-9]+"
_NAME_PART = re.compile(rf"(?:[a-z](?![a-z]))?(?>{_NAME_UNIT})+")
_NAME_UNITS = re.compile(rf"{_NAME_UNIT}|[a-z]")
_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_HEX = re.compile(r"[0-9a-fA-F]{32,}")
_RECOVERY_CODE = re.compile(
    r"(?=[a-z-]*[0-9])(?:[a-z0-9]{8,12}|[a-z0-9]{4,6}-[a-z0-9]{4,6})|[0-9]{4}"
)
_CODE_SEPARATOR = re.compile(r"[\s,;]+")
_WITHOUT_DIGITS = str.maketrans("", "", "0123456789")


def find_secret(value: str, *, randomness: bool = True) -> str | None:
    """None when the text does not look like it carries a credential; otherwise a short
    description of what it looks like, which never repeats the text. ``randomness=False``
    skips the high-entropy test, for fields that hold other systems' random identifiers."""
    lowered = value.lower()
    for pattern, description, hints in _FORMAT_PATTERNS:
        if _mentions(lowered, hints) and pattern.search(value):
            return description
    if "://" in value and any(_names_a_credential(url) for url in _URL.findall(value)):
        return "a URL with a credential in it"
    text = _REFERENCES.sub(_blank, value) if _mentions(lowered, _REFERENCE_HINTS) else value
    if _has_recovery_codes(text):
        return "a list of recovery codes"
    if _mentions(lowered, _ASSIGNMENT_HINTS) and any(
        _is_assigned_secret(match) for match in _ASSIGNMENT.finditer(text)
    ):
        return "a password or key assignment"
    if randomness and any(_looks_random(token) for token in _TOKEN.findall(text)):
        return "a high-entropy string"
    return None


def _mentions(lowered: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lowered for hint in hints)


def _names_a_credential(url: str) -> bool:
    return any(secret_field_name(unquote(name)) for name in _QUERY_NAME.findall(url))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _is_assigned_secret(match: re.Match[str]) -> bool:
    """Whether it reads as "password: hunter2" rather than "Password: stored in the vault"."""
    value = match.group("value")
    if value.lower() in _NOT_A_VALUE or _REDACTED.fullmatch(value):
        return False
    if _COUNT_OR_DATE.fullmatch(value):
        return False
    if not value.isalpha():
        return True
    # A bare word is a secret after "=", or after ":" when nothing follows it.
    sign = match.group("sign")
    return sign == "=" or (sign == ":" and match.group("rest") is None)


def _has_recovery_codes(text: str) -> bool:
    """Platforms hand out eight to sixteen backup codes at once ("1234 5678", "a1b2c-3d4e5");
    a run of eight such codes in a row is a list of them."""
    if len(text) - len(text.translate(_WITHOUT_DIGITS)) < 8:
        return False
    run = 0
    pending_half = False
    for token in _CODE_SEPARATOR.split(text.lower()):
        if not _RECOVERY_CODE.fullmatch(token):
            run, pending_half = 0, False
            continue
        if len(token) == 4 and token.isdigit():
            # Facebook and Google print each code as two groups of four digits.
            pending_half = not pending_half
            if pending_half:
                continue
        run += 1
        if run >= 8:
            return True
    return False


def _looks_random(token: str) -> bool:
    """A long unbroken token as varied as a generated key."""
    if _UUID.fullmatch(token) or not any(c.isalpha() for c in token):
        return False
    if _HEX.fullmatch(token):
        return _entropy(token) >= 3.0
    return not _reads_as_name(token) and _entropy(token) >= min(math.log2(len(token)) - 1.0, 4.5)


def _reads_as_name(token: str) -> bool:
    """Names are built from words, numbers and abbreviations ("AlderBayParks2025",
    "Q3-2024-report-v2"); in a generated key some lower-case letter stands alone between
    other characters, or, in a long key that happens to have none, the pieces are short."""
    parts = [part for part in _SEPARATORS.split(token) if part]
    if not all(_NAME_PART.fullmatch(part) for part in parts):
        return False
    units = sum(len(_NAME_UNITS.findall(part)) for part in parts)
    return len(token) < 48 or sum(map(len, parts)) >= 3 * units


def _entropy(token: str) -> float:
    counts = Counter(token).values()
    return -sum(n / len(token) * math.log2(n / len(token)) for n in counts)
