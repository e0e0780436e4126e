"""Credentials are recognised by field name and by shape, and ordinary municipal text, vault
references included, is not.

Every credential below is fake and assembled from pieces, so that the file itself holds no
string a secret scanner would take for a live key."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.secrets import SECRET_FIELD_NAMES, find_secret, secret_field_name
from app.core.security import new_api_key


@pytest.mark.parametrize(
    "name",
    [
        "password",
        "Password",
        "PASSWORD",
        "passwd",
        "pwd",
        "new_password",
        "passwordConfirmation",
        "password2",
        "password_hint",
        "api-key",
        "apiKey",
        "APIKey",
        "x-api-key",
        "accessToken",
        "fb_page_access_token",
        "refresh-token",
        "oauth2_token",
        "client_secret",
        "clientSecret",
        "totpSecret",
        "mfa_secret",
        "recovery_codes",
        "Recovery Codes",
        "BACKUP_CODES",
        "private_key",
        "pin",
        "cookie",
        "session",
        "fb_session_id",
        "credentials",
    ],
)
def test_names_of_credentials_are_secret_fields(name: str) -> None:
    assert secret_field_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "vault_reference",
        "vaultReference",
        "mfa_enabled",
        "last_rotated_at",
        "shared_login",
        "recovery_contact",
        # A count of tokens describes them; it cannot carry one.
        "token_count",
        "access_token_expires_at",
        "password_last_changed_at",
        "passwordManager",
        "secret_name",
        "vault_secret_path",
        "credentials_vault",
        "password_owner",
        "has_password",
        "is_token_set",
        "description",
        "display_name",
        "training_session",
        "map_pin",
        "secretary",
        "tokenizer",
        "keyword",
        "",
        "___",
    ],
)
def test_names_that_describe_or_do_not_name_credentials_are_not_secret_fields(
    name: str,
) -> None:
    assert not secret_field_name(name)


@pytest.mark.parametrize("name", sorted(SECRET_FIELD_NAMES))
def test_every_listed_name_is_recognised_in_other_spellings(name: str) -> None:
    camel = name.split("_")[0] + "".join(word.title() for word in name.split("_")[1:])
    for spelling in (name, name.upper(), name.replace("_", "-"), camel):
        assert secret_field_name(spelling), spelling


def _fake(alphabet: str, length: int, seed: int) -> str:
    chooser = random.Random(seed)
    return "".join(chooser.choice(alphabet) for _ in range(length))


ALNUM = string.ascii_letters + string.digits
FAKE_JWT = ".".join(["eyJ" + "hbGciOiJIUzI1NiJ9", "eyJ" + "zdWIiOiJjb21tcyJ9", _fake(ALNUM, 43, 1)])

POSITIVES = [
    ("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow" + _fake(ALNUM, 60, 2), "a private key block"),
    ("-----BEGIN " + "OPENSSH PRIVATE KEY-----", "a private key block"),
    ("-----BEGIN " + "PRIVATE KEY-----", "a private key block"),
    (f"Bearer token for the page: {FAKE_JWT}", "a JSON Web Token"),
    ("AKIA" + _fake(string.ascii_uppercase + string.digits, 16, 3), "an AWS access key"),
    ("key id ASIA" + _fake(string.ascii_uppercase + string.digits, 16, 4), "an AWS access key"),
    ("ghp" + "_" + _fake(ALNUM, 36, 5), "a GitHub token"),
    ("github" + "_pat_" + _fake(ALNUM + "_", 60, 6), "a GitHub token"),
    ("xox" + "b-" + _fake(string.digits, 12, 7) + "-" + _fake(ALNUM, 24, 8), "a Slack token"),
    ("https://hooks.slack" + ".com/services/T0AB12CD3/B0AB12CD3/" + _fake(ALNUM, 24, 9),
     "a Slack webhook URL"),
    ("sk" + "_live_" + _fake(ALNUM, 24, 10), "a Stripe secret key"),
    ("rk" + "_test_" + _fake(ALNUM, 24, 11), "a Stripe secret key"),
    ("AI" + "za" + _fake(ALNUM + "-_", 35, 12), "a Google API key"),
    ("GOC" + "SPX-" + _fake(ALNUM, 28, 13), "a Google OAuth credential"),
    ("page token EA" + "A" + _fake(ALNUM, 150, 14), "a Facebook access token"),
    ("IG" + "QV" + _fake(ALNUM, 120, 15), "an Instagram access token"),
    ("A" * 22 + _fake(ALNUM, 80, 16), "an X (Twitter) bearer token"),
    ("SK" + _fake("0123456789abcdef", 32, 17), "a Twilio API key"),
    (new_api_key(), "an API key of this service"),
    ("otpauth://totp/AlderBay:comms?secret=" + _fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 18),
     "an authenticator (TOTP) setup link"),
    ("JBSW Y3DP EHPK 3PXP", "an authenticator secret"),
    ("https://comms:" + "Winter2024!" + "@alderbay.ca/admin", "a URL with a password in it"),
    ("ftp://admin:" + "hunter2" + "@files.alderbay.ca", "a URL with a password in it"),
    ("https://graph.facebook.com/me/feed?access_token=" + _fake(ALNUM, 12, 19),
     "a URL with a credential in it"),
    ("Authorization: Basic " + "Y29tbXM6V2ludGVyMjAyNCFz" + "ZWNyZXQ=",
     "an HTTP authorisation header"),
    ("password: xyz", "a password or key assignment"),
    ("pwd=xyz", "a password or key assignment"),
    ("Facebook password: Tr0ub4dor&3 (shared with the desk)", "a password or key assignment"),
    ('{"password": "hunter2"}', "a password or key assignment"),
    ("PIN: 4821", "a password or key assignment"),
    ("client_secret=abc123def", "a password or key assignment"),
    ("The API key is zz9-plural-z-alpha", "a password or key assignment"),
    ("mot de passe : soleil2024", "a password or key assignment"),
    ("backup code: 8812 3391", "a password or key assignment"),
    (" ".join(_fake(string.digits, 4, seed) + " " + _fake(string.digits, 4, seed + 50)
              for seed in range(10)), "a list of recovery codes"),
    ("\n".join(_fake("0123456789abcdef", 5, seed) + "-" + _fake("0123456789abcdef", 5, seed + 1)
               for seed in range(0, 32, 2)), "a list of recovery codes"),
    ("token " + _fake(ALNUM, 40, 20), "a high-entropy string"),
    (_fake(ALNUM + "+/", 64, 21) + "==", "a high-entropy string"),
    ("app secret " + _fake("0123456789abcdef", 32, 22), "a high-entropy string"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "description"), POSITIVES)
def test_credentials_are_found_and_named(text: str, description: str) -> None:
    assert find_secret(text) == description


VAULT_REFERENCES = [
    "vault://comms/facebook-main",
    "secret/data/social/facebook",
    "kv/social/x-alderbay",
    "op://Comms/Facebook/password",
    "op://Comms/X (Twitter)/one-time password",
    "https://cityvault.vault.azure.net/secrets/facebook-page",
    "https://cityvault.vault.azure.net/secrets/facebook-page/3f2a1b7c9d8e4f60a1b2c3d4e5f6a7b8",
    "arn:aws:secretsmanager:ca-central-1:123456789012:secret:social/facebook-AbCdEf",
    "projects/alder-bay-comms/secrets/facebook-page/versions/latest",
    "1Password: Comms / Facebook page",
    "Keeper folder Social Media > X",
    "Bitwarden collection Communications, item 'Instagram main'",
    "LastPass shared folder Shared-Comms",
]

ORDINARY_TEXT = [
    "Posts news about road closures and council meetings",
    "550e8400-e29b-41d4-a716-446655440000",
    "https://facebook.com/alderbaytown",
    "https://www.facebook.com/alderbaytown/posts/pfbid02kXq3Rz8LmN4vB6yH1cF5jD0sGaT7wP9eU2",
    "https://x.com/AlderBay/status/1790012345678901234?s=20&t=8Hq3yPzR4kL2mN6vB1xCwA",
    "https://instagram.com/alderbay?igsh=MWd1ZzB4bXZ5dHQ2Nw==",
    "2024-06-01",
    "2024-06-01T14:30:00Z",
    "MFA via the city's authenticator app",
    "Jean-Pierre Tremblay",
    "Aaliyah O'Connor-Nakamura",
    "Password: stored in the Comms vault",
    "The password is rotated every 90 days",
    "Password last changed 2024-03-12 by IT",
    "Recovery codes: 10, printed and kept in the clerk's safe",
    "PIN: see the IT service desk",
    "Token count: 3",
    "Access token expires: 2025-06-30",
    "Secret Santa sign-up closes Friday",
    "Two-factor authentication is on; the recovery email is comms@alderbay.ca",
    # Purposes
    "Emergency alerts: road closures, boil-water advisories, evacuation orders",
    "Council meeting livestreams and agendas, posted the Friday before each meeting",
    "Recreation programme registration reminders and facility closures",
    "Library events, new arrivals and summer reading club updates",
    "Snow clearing priorities and winter parking bans (Jan 15 to Mar 31)",
    "Waste collection schedule changes, holiday pickups and the 2025 calendar",
    "Fire department public education: smoke alarms, burn permits, fire bans",
    "Job postings for seasonal staff, lifeguards and summer students",
    "Public consultation on the Official Plan review (OPA No. 42)",
    "Parks and trails: conditions, closures and the AlderBayParksAndRecreation2025 campaign",
    "Economic development: business spotlights and Downtown BIA events",
    "Water main replacement on King St. W between 3rd Ave and 7th Ave",
    "Tourism and events: Canada Day, the harvest festival, Light Up the Night",
    "Transit detours for Route 12 and Route 7A during construction",
    "Mayor and council announcements approved by the CAO's office",
    # Audiences
    "Residents of Alder Bay and seasonal property owners",
    "Local businesses, the Chamber of Commerce and BIA members",
    "Parents of children in recreation programmes, ages 4 to 12",
    "Seniors and caregivers; posts follow the accessibility checklist v2.1",
    "Job seekers aged 16-24 and post-secondary students",
    "Visitors planning trips to the waterfront between May and October",
    "Francophone residents: publications en français",
    "Ward 3 residents affected by the Q3-2024-road-reconstruction-phase-2 project",
    "Media contacts: comms@alderbay.ca, 705-555-0142 ext. 221",
    "Reference AB2024-COMMS-FB-PAGE-001 in the records retention schedule",
]


@pytest.mark.parametrize("text", VAULT_REFERENCES + ORDINARY_TEXT)
def test_vault_references_and_municipal_text_are_not_secrets(text: str) -> None:
    assert find_secret(text) is None


DESCRIPTIONS = {description for _, description in POSITIVES}


@given(st.text(max_size=400))
def test_any_text_gets_an_answer_and_always_the_same_one(text: str) -> None:
    found = find_secret(text)
    # One of the fixed descriptions: the answer never carries any of the text.
    assert found is None or found in DESCRIPTIONS
    assert find_secret(text) == found


@given(
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from(["", "token ", "see the notes: ", "Facebook page, "]),
)
def test_a_generated_key_inside_text_is_found(seed: int, before: str) -> None:
    key = _fake(ALNUM, 64, seed)
    assert find_secret(f"{before}{key} (for the Facebook page)") == "a high-entropy string"
