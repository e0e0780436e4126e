"""Account URLs: every spelling of an account comes out as one canonical URL, and anything
that is not an account's address is refused with a reason."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.urls import MAX_URL_LENGTH, AccountUrl, AccountUrlError, normalise
from app.core.vocabulary import Platform

FB, IG, X, LI, YT, TT, TH, BS, MA, ND, OT = (
    Platform.FACEBOOK,
    Platform.INSTAGRAM,
    Platform.X,
    Platform.LINKEDIN,
    Platform.YOUTUBE,
    Platform.TIKTOK,
    Platform.THREADS,
    Platform.BLUESKY,
    Platform.MASTODON,
    Platform.NEXTDOOR,
    Platform.OTHER,
)
CHANNEL = "UCa1B2c3D4e5F6g7H8i9J0kL"  # "UC" and 22 characters, case kept

NORMALISED = [
    # Facebook
    ("https://www.facebook.com/AlderBayTown/posts/123?ref=x", None, FB,
     "https://facebook.com/alderbaytown", "alderbaytown"),
    ("facebook.com/AlderBay", None, FB, "https://facebook.com/alderbay", "alderbay"),
    ("https://m.facebook.com/AlderBayTown/", FB, FB, "https://facebook.com/alderbaytown",
     "alderbaytown"),
    ("https://web.facebook.com/AlderBayTown?mibextid=abc", None, FB,
     "https://facebook.com/alderbaytown", "alderbaytown"),
    ("https://fb.com/AlderBayTown", None, FB, "https://facebook.com/alderbaytown",
     "alderbaytown"),
    ("https://www.facebook.com/Alder.Bay.Town", None, FB, "https://facebook.com/alderbaytown",
     "alderbaytown"),
    ("https://www.facebook.com/profile.php?id=100064123456789&sk=photos", None, FB,
     "https://facebook.com/profile.php?id=100064123456789", "100064123456789"),
    ("https://www.facebook.com/people/Town-of-Alder-Bay/100064123456789/", None, FB,
     "https://facebook.com/profile.php?id=100064123456789", "100064123456789"),
    ("https://www.facebook.com/pg/AlderBayFire/about/", None, FB,
     "https://facebook.com/alderbayfire", "alderbayfire"),
    ("https://facebook.com/100064123456789", None, FB,
     "https://facebook.com/profile.php?id=100064123456789", "100064123456789"),
    # Instagram
    ("https://www.instagram.com/AlderBay.Parks/?hl=en", None, IG,
     "https://instagram.com/alderbay.parks", "@alderbay.parks"),
    ("https://instagr.am/alder_bay", IG, IG, "https://instagram.com/alder_bay", "@alder_bay"),
    ("https://www.instagram.com/stories/AlderBay/3141592653/", None, IG,
     "https://instagram.com/alderbay", "@alderbay"),
    # X
    ("https://x.com/AlderBay/status/1", None, X, "https://x.com/alderbay", "@alderbay"),
    ("https://twitter.com/AlderBay", None, X, "https://x.com/alderbay", "@alderbay"),
    ("https://mobile.twitter.com/AlderBay/with_replies", X, X, "https://x.com/alderbay",
     "@alderbay"),
    ("http://www.twitter.com:80/Alder_Bay_Fire#top", None, X, "https://x.com/alder_bay_fire",
     "@alder_bay_fire"),
    ("https://x.com/a", None, X, "https://x.com/a", "@a"),
    # LinkedIn
    ("https://www.linkedin.com/company/town-of-alder-bay/about/", None, LI,
     "https://linkedin.com/company/town-of-alder-bay", "town-of-alder-bay"),
    ("https://ca.linkedin.com/company/Town-of-Alder-Bay", None, LI,
     "https://linkedin.com/company/town-of-alder-bay", "town-of-alder-bay"),
    ("https://www.linkedin.com/showcase/alder-bay-library/posts/", LI, LI,
     "https://linkedin.com/showcase/alder-bay-library", "alder-bay-library"),
    ("https://www.linkedin.com/company/Ville-de-Qu%C3%A9bec/", None, LI,
     "https://linkedin.com/company/ville-de-qu%C3%A9bec", "ville-de-québec"),
    # YouTube
    ("https://www.youtube.com/@AlderBay/videos", None, YT, "https://youtube.com/@alderbay",
     "@alderbay"),
    ("https://m.youtube.com/@Alder.Bay-TV", YT, YT, "https://youtube.com/@alder.bay-tv",
     "@alder.bay-tv"),
    (f"https://www.youtube.com/channel/{CHANNEL}/featured", None, YT,
     f"https://youtube.com/channel/{CHANNEL}", CHANNEL),
    ("https://www.youtube.com/c/AlderBayTV", None, YT, "https://youtube.com/c/AlderBayTV",
     "AlderBayTV"),
    ("https://www.youtube.com/user/AlderBayCouncil/playlists", None, YT,
     "https://youtube.com/user/AlderBayCouncil", "AlderBayCouncil"),
    ("https://www.youtube.com/AlderBayTV", None, YT, "https://youtube.com/AlderBayTV",
     "AlderBayTV"),
    # TikTok
    ("https://www.tiktok.com/@Alder.Bay/video/7312345678901234567", None, TT,
     "https://tiktok.com/@alder.bay", "@alder.bay"),
    ("https://m.tiktok.com/@alderbay_parks?lang=en", TT, TT,
     "https://tiktok.com/@alderbay_parks", "@alderbay_parks"),
    # Threads: both hosts fold into threads.net
    ("https://www.threads.net/@AlderBay/post/C1a2b3", None, TH, "https://threads.net/@alderbay",
     "@alderbay"),
    ("https://threads.com/@AlderBay", TH, TH, "https://threads.net/@alderbay", "@alderbay"),
    # Bluesky
    ("https://bsky.app/profile/AlderBay.bsky.social/post/abc", None, BS,
     "https://bsky.app/profile/alderbay.bsky.social", "alderbay.bsky.social"),
    ("https://bsky.app/profile/AlderBay.ca", BS, BS, "https://bsky.app/profile/alderbay.ca",
     "alderbay.ca"),
    ("https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx", None, BS,
     "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx",
     "did:plc:abcdefghijklmnopqrstuvwx"),
    # Mastodon: only when the platform is given
    ("https://mastodon.social/@News/1234", MA, MA, "https://mastodon.social/@news",
     "@news@mastodon.social"),
    ("https://social.alderbay.ca/users/Town", MA, MA, "https://social.alderbay.ca/@town",
     "@town@social.alderbay.ca"),
    ("https://mastodon.social/@news@Alder.Social", MA, MA, "https://alder.social/@news",
     "@news@alder.social"),
    ("https://www.mstdn.ca/@AlderBay", MA, MA, "https://mstdn.ca/@alderbay",
     "@alderbay@mstdn.ca"),
    ("https://social.alderbay.ca:8443/@news@Mastodon.Social/1", MA, MA,
     "https://mastodon.social/@news", "@news@mastodon.social"),
    ("https://social.alderbay.ca:8443/@News", MA, MA, "https://social.alderbay.ca:8443/@news",
     "@news@social.alderbay.ca:8443"),
    # Nextdoor
    ("https://nextdoor.com/agency-detail/on/alder-bay/town-of-alder-bay/", None, ND,
     "https://nextdoor.com/agency-detail/on/alder-bay/town-of-alder-bay", "town-of-alder-bay"),
    ("https://nextdoor.com/agency-detail/ON/Alder-Bay/Alder-Bay-Fire/?init_source=share", ND,
     ND, "https://nextdoor.com/agency-detail/on/alder-bay/alder-bay-fire", "alder-bay-fire"),
    ("https://nextdoor.com/pages/alder-bay-public-library/", None, ND,
     "https://nextdoor.com/pages/alder-bay-public-library", "alder-bay-public-library"),
    # Any other site: the host is normalised, the path kept
    ("https://mastodon.social/@News/1234", None, OT, "https://mastodon.social/@News/1234",
     "1234"),
    ("HTTPS://WWW.AlderBay.CA/News/Social-Media/?utm_source=x#top", None, OT,
     "https://alderbay.ca/News/Social-Media", "Social-Media"),
    ("http://alderbay.ca:443", OT, OT, "https://alderbay.ca", "alderbay.ca"),
    ("https://alderbay.ca:8443/feed", None, OT, "https://alderbay.ca:8443/feed", "feed"),
    ("https://bücher.example/%7Ekiosk/%c3%a9t%C3%A9", None, OT,
     "https://xn--bcher-kva.example/~kiosk/%C3%A9t%C3%A9", "été"),
    ("//alderbay.ca/news", None, OT, "https://alderbay.ca/news", "news"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "given_platform", "platform", "url", "handle"), NORMALISED)
def test_urls_normalise_to_the_canonical_account(
    raw: str, given_platform: Platform | None, platform: Platform, url: str, handle: str
) -> None:
    assert normalise(raw, given_platform) == AccountUrl(platform, url, handle)


def test_every_platform_has_normalised_cases() -> None:
    assert {case[2] for case in NORMALISED} == set(Platform)


REFUSED = [
    # not a URL of the web
    ("", None, "address"),
    ("   ", None, "address"),
    ("mailto:comms@alderbay.ca", None, "mailto"),
    ("javascript:alert(1)", None, "javascript"),
    ("ftp://alderbay.ca/x", None, "ftp"),
    ("@alderbay", X, "full address"),
    ("https://", None, "host"),
    ("https://facebook.com/Alder Bay", None, "spaces"),
    ("https://x.com/alder\u200bbay", None, "control"),
    ("https://x.com/" + "a" * MAX_URL_LENGTH, None, "longer"),
    # hosts
    ("https://user:" + "hunter2@facebook.com/alderbay", None, "user name or password"),
    ("https://facebook.com@evil.example/alderbay", None, "user name or password"),
    ("http://203.0.113.7/alderbay", None, "IP"),
    ("http://[2001:db8::1]/alderbay", None, "IP"),
    ("http://localhost:8000/alderbay", None, "public domain"),
    ("https://alder_bay.ca/", None, "domain"),
    ("https://[alderbay.ca/x", None, "malformed"),
    ("https://x.com:8443/alderbay", None, "port"),
    ("https://alderbay.ca:99999/", None, "port"),
    ("https://youtu.be/dQw4w9WgXcQ", None, "youtu.be"),
    ("https://t.co/abc123", X, "t.co"),
    ("https://vm.tiktok.com/ZMabc123/", None, "tiktok.com"),
    ("https://help.instagram.com/alderbay", None, "instagram.com"),
    # platform and host disagree
    ("https://instagram.com/alderbay", FB, "Instagram"),
    ("https://facebook.com/alderbay", OT, "platform facebook"),
    ("https://alderbay.ca/facebook", FB, "not on Facebook"),
    ("https://x.com/@alderbay", MA, "X"),
    ("https://threads.net/@alderbay", MA, "Threads"),
    ("https://mastodon.social/@news@threads.net", MA, "not a Mastodon server"),
    # pages that are not accounts
    ("https://www.facebook.com/", None, "not an account"),
    ("https://www.facebook.com/home.php", None, "not an account"),
    ("https://www.facebook.com/groups/alderbaycommunity", None, "not an account"),
    ("https://www.facebook.com/sharer/sharer.php?u=x", None, "not an account"),
    ("https://www.facebook.com/profile.php", None, "not an account"),
    ("https://www.facebook.com/profile.php?id=abc", None, "number"),
    ("https://www.facebook.com/abc", None, "5 to 50"),
    ("https://x.com/home", None, "not an account"),
    ("https://x.com/search?q=alderbay", None, "not an account"),
    ("https://x.com/i/lists/123", None, "not an account"),
    ("https://x.com/intent/follow?screen_name=alderbay", None, "not an account"),
    ("https://twitter.com/hashtag/alderbay", None, "not an account"),
    ("https://x.com/alder-bay", None, "1 to 15"),
    ("https://x.com/alderbaytownhall2", None, "1 to 15"),
    ("https://www.instagram.com/p/Cxyz123/", None, "not an account"),
    ("https://www.instagram.com/explore/tags/alderbay/", None, "not an account"),
    ("https://www.instagram.com/.alderbay", None, "1 to 30"),
    ("https://www.instagram.com/alder..bay", None, "1 to 30"),
    ("https://www.tiktok.com/alderbay", None, "not an account"),
    ("https://www.tiktok.com/@a", None, "2 to 24"),
    ("https://www.tiktok.com/@alderbay.", None, "2 to 24"),
    ("https://www.threads.net/alderbay", None, "not an account"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None, "not an account"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", None, "not an account"),
    ("https://www.youtube.com/channel/UCshort", None, '"UC"'),
    ("https://www.youtube.com/@ab", None, "3 to 30"),
    ("https://www.linkedin.com/feed/", None, "not an account"),
    ("https://www.linkedin.com/company/", None, "not an account"),
    ("https://www.linkedin.com/company/alder%20bay", None, "2 to 100"),
    ("https://bsky.app/search?q=alderbay", None, "not an account"),
    ("https://bsky.app/profile/alderbay", None, "domain name"),
    ("https://bsky.app/profile/did:key:zabc", None, "domain name"),
    ("https://mastodon.social/explore", MA, "https://server/@name"),
    ("https://mastodon.social/@alder!bay", MA, "1 to 30"),
    ("https://nextdoor.com/news_feed/", None, "not an account"),
    ("https://nextdoor.com/agency-detail/on/alder-bay/", None, "not an account"),
]


@pytest.mark.parametrize(("raw", "platform", "reason"), REFUSED)
def test_addresses_that_are_not_accounts_are_refused_with_a_reason(
    raw: str, platform: Platform | None, reason: str
) -> None:
    with pytest.raises(AccountUrlError) as refused:
        normalise(raw, platform)
    message = str(refused.value)
    assert reason in message
    assert message.endswith(".")
    assert "hunter2" not in message


def test_a_refusal_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="IP"):
        normalise("https://198.51.100.1/")


@pytest.mark.parametrize(
    ("spellings", "platform"),
    [
        (
            [
                "https://x.com/AlderBay",
                "https://twitter.com/alderbay",
                "http://www.twitter.com/ALDERBAY/",
                "https://mobile.twitter.com/AlderBay?lang=en",
                "twitter.com/AlderBay/status/1790000000000000000",
                "HTTPS://X.COM/AlderBay#replies",
            ],
            X,
        ),
        (
            [
                "https://www.facebook.com/AlderBayTown",
                "https://m.facebook.com/alderbaytown/",
                "https://facebook.com/Alder.Bay.Town?ref=embed_page",
                "facebook.com/alderbaytown/posts/pfbid0abc",
                "https://fb.com/ALDERBAYTOWN",
                "https://www.facebook.com./AlderBayTown",
            ],
            FB,
        ),
        (
            [
                "https://www.instagram.com/alderbay/",
                "https://instagram.com/AlderBay?igsh=MWd1ZzB4bXZ5dHQ2Nw==",
                "https://instagr.am/ALDERBAY",
                "instagram.com/alderbay/reels/",
            ],
            IG,
        ),
        (
            [
                "https://threads.net/@AlderBay",
                "https://www.threads.com/@alderbay/post/C1a2b3",
                "threads.com/@ALDERBAY?xmt=abc",
            ],
            TH,
        ),
    ],
)
def test_spellings_of_one_account_give_one_url(spellings: list[str], platform: Platform) -> None:
    results = {normalise(spelling) for spelling in spellings}
    assert len(results) == 1
    assert results.pop().platform is platform


def test_nfc_and_nfd_spellings_of_a_name_give_one_url() -> None:
    composed = normalise("https://linkedin.com/company/ville-de-qu\u00e9bec")
    decomposed = normalise("https://linkedin.com/company/ville-de-que\u0301bec")
    assert composed == decomposed


def _valid(rule: str) -> st.SearchStrategy[str]:
    return st.from_regex(rule, fullmatch=True)


def _not_reserved(rule: str) -> st.SearchStrategy[str]:
    """Names with a digit or underscore: never one of a platform's own page names."""
    return _valid(rule).filter(lambda name: re.search(r"[0-9_]", name) is not None)


def _instagram_name(name: str) -> bool:
    return not name.startswith(".") and not name.endswith(".") and ".." not in name


HANDLES: dict[Platform, tuple[st.SearchStrategy[str], list[str]]] = {
    FB: (_not_reserved(r"[A-Za-z][A-Za-z0-9]{4,20}(?:\.[A-Za-z0-9]{1,10})?"),
         ["https://www.facebook.com/{}", "https://m.facebook.com/{}/posts/1", "fb.com/{}/",
          "https://fr-ca.facebook.com/{}"]),
    IG: (_not_reserved(r"[A-Za-z0-9._]{1,30}").filter(_instagram_name),
         ["https://www.instagram.com/{}/", "instagr.am/{}?hl=fr"]),
    X: (_not_reserved(r"[A-Za-z0-9_]{1,15}"),
        ["https://twitter.com/{}", "https://x.com/{}/status/42", "mobile.twitter.com/{}"]),
    TT: (_valid(r"[A-Za-z0-9._]{1,23}[A-Za-z0-9_]"),
         ["https://www.tiktok.com/@{}", "tiktok.com/@{}/video/1"]),
    TH: (_valid(r"[A-Za-z0-9._]{1,30}").filter(_instagram_name),
         ["https://threads.com/@{}", "https://www.threads.net/@{}/post/x"]),
    YT: (_valid(r"[A-Za-z0-9][A-Za-z0-9._-]{2,29}"),
         ["https://www.youtube.com/@{}", "m.youtube.com/@{}/videos"]),
    LI: (_valid(r"[A-Za-z0-9][A-Za-z0-9-]{1,60}"),
         ["https://www.linkedin.com/company/{}/", "linkedin.com/showcase/{}/posts"]),
    BS: (_valid(r"[a-z0-9]{1,20}(?:\.[a-z0-9]{1,20})?\.(?:bsky\.social|ca|town)"),
         ["https://bsky.app/profile/{}", "bsky.app/profile/{}/post/3k"]),
    MA: (_valid(r"[A-Za-z0-9_]{1,30}"),
         ["https://mastodon.social/@{}", "https://social.alderbay.ca/users/{}/statuses/1"]),
    ND: (_valid(r"[a-z0-9][a-z0-9-]{0,40}"),
         ["https://nextdoor.com/pages/{}/", "nextdoor.com/agency-detail/on/alder-bay/{}"]),
    OT: (_valid(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,30}"),
         ["https://www.alderbay.ca/{}/", "alderbay.ca/social/{}?utm_source=x"]),
}  # fmt: skip


@pytest.mark.parametrize("platform", sorted(HANDLES))
@given(data=st.data())
def test_normalising_a_canonical_url_changes_nothing(
    platform: Platform, data: st.DataObject
) -> None:
    names, templates = HANDLES[platform]
    raw = data.draw(st.sampled_from(templates)).format(data.draw(names))
    first = normalise(raw, platform)
    assert normalise(first.url, platform) == first
    assert first.platform is platform
    assert first.url.startswith("https://")
    assert not first.url.endswith("/")
    assert re.fullmatch(r"[\x21-\x7e]+", first.url), "canonical URLs are printable ASCII"
    if platform is not MA:
        assert normalise(first.url) == first, "the public check detects the same account"


@given(
    st.sampled_from(["", "https://", "https://x.com/", "https://facebook.com/", "bsky.app/"]),
    st.text(max_size=60),
    st.sampled_from([None, *Platform]),
)
def test_any_text_is_either_refused_or_normalised_for_good(
    prefix: str, text: str, platform: Platform | None
) -> None:
    try:
        first = normalise(prefix + text, platform)
    except AccountUrlError:
        return
    assert normalise(first.url, platform) == first
