"""The public terms-of-engagement page: plain HTML, every value escaped, no script."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape

from app.policies.schemas import TermsOfEngagement

_STYLE = (
    "body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}"
    ".ref{color:#555;font-variant-numeric:tabular-nums;margin-right:.5rem}"
    ".meta{color:#555;font-size:.9rem}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
# Only this page's own style sheet may apply; nothing may load or run.
CSP = f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; frame-ancestors 'none'"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def terms_page(terms: Sequence[TermsOfEngagement]) -> str:
    sections = []
    for policy in terms:
        version = policy.version
        since = version.effective_from.isoformat() if version.effective_from else ""
        items = "".join(
            f'<section id="s-{escape(c.ref)}"><h3><span class="ref">{escape(c.ref)}</span>'
            f"{escape(c.title or '')}</h3>{_paragraphs(c.text)}</section>"
            for c in policy.clauses
        )
        sections.append(
            f"<h2>{escape(policy.policy_title)}</h2>"
            f'<p class="meta">Version {escape(version.label)}, in force since {since}.</p>'
            f"{items}"
        )
    body = "".join(sections) or "<p>No terms of engagement are in force.</p>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Terms of engagement</title><style>{_STYLE}</style></head>"
        f"<body><h1>Terms of engagement</h1>{body}</body></html>"
    )
