"""The syntax of policy documents, line by line, and the writer built on it.

The reader (document.py) takes two passes: each line is first classified here on its own, by
what it could be (a heading, a numbered line, an item, a definition, page furniture, text),
then the reader decides what it is from its surroundings. The writer escapes exactly the
lines this classification would not read back as text (and lines repeated often enough to
pass for a page's running header), and annotates exactly what the reader's inference
(resolve) would get wrong, so that reader and writer cannot drift apart."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING, Literal, TypeVar

import yaml

from app.policies.vocabulary import (
    ClauseDraft,
    ClauseKind,
    CoveredPersonType,
    PolicyRole,
    normalize_topic,
)

if TYPE_CHECKING:
    from app.policies.document import DocumentMetadata

MAX_LINE = 10_000
# A line of text that comes back this many times is a page's running header or footer.
RUNNING = 3
# A word broken at the end of a line: a hyphen, a soft hyphen, the Unicode hyphen.
HYPHENS = "-\u00ad\u2010"
# Bounds on what one line holds, so that all the writer puts on a line (heading marks,
# reference, title, annotation) stays under MAX_LINE and reads back.
MAX_TITLE, MAX_TERM, MAX_ANNOTATION = 500, 200, 1000


# Kinds and roles --------------------------------------------------------------------------

# (kind, heading words, strong). Strong words name the kind wherever the heading stands; weak
# ones only for a section of its own: "Accounts covered" under Scope is scope, and "Ethical
# comment" under Personal Use is a guideline, but a section "New Accounts" is account criteria.
_KINDS = [
    (ClauseKind.TERMS_OF_ENGAGEMENT, r"terms of (?:engagement|use|service)", True),
    (ClauseKind.PROHIBITED_CONTENT, r"prohibited|unacceptable|not permitted|inappropriate", True),
    (ClauseKind.EXEMPTION, r"exempt\w*|exceptions?", True),
    (ClauseKind.DEFINITION, r"definitions?|interpretation|glossary|defined terms", True),
    (ClauseKind.ROLE, r"roles?|responsibilit(?:y|ies)|duties|accountabilit(?:y|ies)", True),
    (ClauseKind.PURPOSE, r"purpose|objectives?|intent|rationale", False),
    (ClauseKind.SCOPE, r"scope|application|applicability|coverage", False),
    (ClauseKind.EMERGENCY, r"emergenc(?:y|ies)|crisis|crises", True),
    (ClauseKind.ELECTION, r"elections?|electoral|campaigns?|candidates?", True),
    (ClauseKind.TRAINING, r"training|orientation", True),
    (
        ClauseKind.GUIDELINE,
        r"guidelines?|personal (?:use|accounts?)|acceptable use|best practices?|standards?|conduct",
        False,
    ),
    (ClauseKind.ACCOUNT_CRITERIA, r"new accounts?|account (?:creation|requests?|approval)", True),
    (ClauseKind.ACCOUNT_CRITERIA, r"accounts?|criteria", False),
    (ClauseKind.MEDIA, r"photo(?:graph)?s?|videos?|images?|recordings?", True),
    (ClauseKind.MEDIA, r"media|press", False),
    (ClauseKind.TERMS_OF_ENGAGEMENT, r"comments?|commenting|engagement|moderation", False),
    (ClauseKind.POLICY_STATEMENT, r"policy|statement|principles?", False),
    (ClauseKind.OTHER, r"appendix|appendices|schedule|miscellaneous|review|contacts?", False),
]
_KIND_TABLE = [
    (kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE), strong) for kind, words, strong in _KINDS
]
_ROLES = [
    (PolicyRole.COUNCIL, r"council\w*|mayor|reeve|warden|elected officials?"),
    (
        PolicyRole.CAO,
        r"chief administrative officer|cao"
        r"|(?:city|town|village|county|township|municipal) (?:manager|administrator)",
    ),
    (PolicyRole.MODERATOR, r"moderators?|administrators?"),
    (PolicyRole.CONTRACTOR, r"contractors?|consultants?|vendors?"),
    (PolicyRole.VOLUNTEER, r"volunteers?"),
    (
        PolicyRole.EMPLOYEE,
        r"employees?|staff|personnel|department heads?|supervisors?|directors?|managers?|clerks?",
    ),
]
_ROLE_TABLE = [(role, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for role, words in _ROLES]
# Every heading of a social media policy mentions social media; it says nothing of the kind.
_SOCIAL_MEDIA = re.compile(r"\bsocial[\s-]+media\b", re.IGNORECASE)


def infer_kind(title: str | None, parent_kind: ClauseKind | None) -> ClauseKind:
    """The kind a heading names (in a section, only by its strong words); otherwise the
    parent's. The parts of a role or a definition stay one whatever their headings say (a
    "Media Relations Officer" is a role)."""
    if parent_kind in (ClauseKind.ROLE, ClauseKind.DEFINITION):
        return parent_kind
    nested = parent_kind not in (None, ClauseKind.OTHER, ClauseKind.POLICY_STATEMENT)
    if title:
        words = _SOCIAL_MEDIA.sub(" ", title)
        for kind, pattern, strong in _KIND_TABLE:
            if (strong or not nested) and pattern.search(words):
                return kind
    return parent_kind or ClauseKind.OTHER


def infer_role(title: str | None) -> PolicyRole | None:
    return next((role for role, pattern in _ROLE_TABLE if title and pattern.search(title)), None)


@dataclass(slots=True)
class Annotation:
    kind: ClauseKind | None = None
    role: PolicyRole | None = None
    term: str | None = None
    topics: list[str] = field(default_factory=list)
    applies_to: list[CoveredPersonType] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)


def resolve(
    title: str | None, parent: ClauseDraft | None, annotation: Annotation, line_term: str | None
) -> tuple[ClauseKind, str | None, PolicyRole | None]:
    """A clause's kind, term and role from what its document says and what it implies; the
    writer calls this too, to write annotations only where the reader would infer otherwise."""
    pre = annotation.kind or infer_kind(title, parent.kind if parent else None)
    term = annotation.term or line_term
    kind = annotation.kind or (ClauseKind.DEFINITION if term else pre)
    role = annotation.role
    if role is None and kind is ClauseKind.ROLE:
        role = infer_role(title) or (parent.role if parent else None)
    return kind, term, role


def ancestors(ref: str) -> Iterator[str]:
    """ "4.2(c)(iv)" -> "4.2(c)", "4.2", "4.2.0", "4", "4.0": the parent is the first of
    these a document has. A document numbered "4.0 ROLES", "4.1 Council" has no 4."""
    start = ref
    while "(" in ref or "." in ref:
        ref = ref[: ref.rfind("(")] if ref.endswith(")") else ref.rpartition(".")[0]
        yield ref
        if not ref.endswith(")") and not start.startswith(f"{ref}.0"):
            yield f"{ref}.0"


# Lines ------------------------------------------------------------------------------------

LineKind = Literal[
    "blank",
    "break",
    "text",
    "heading",
    "numbered",
    "item",
    "definition",
    "caption",
    "furniture",
    "underline",
]


@dataclass(slots=True)
class Line:
    number: int
    kind: LineKind
    text: str = ""  # the line as clause text (for a definition: when read as text)
    level: int = 0  # of a heading
    label: str | None = None  # a number ("4.2") or an item's label ("c")
    rest: str = ""  # what follows the number or label; a heading's or caption's title
    annotation: str | None = None
    worded: bool = False  # "Section 5", "5.0": never an item of an ordered list
    term: str | None = None  # the defined term, if the line (or its rest) reads as a definition
    quoted: bool = False  # "Term" or **Term**: a definition even outside a definitions section
    raw: str = ""  # the line as written, without the spaces around it
    part: bool = False  # "Part 2": a division, which may be numbered apart from its sections
    paren: bool = False  # "(2)": a sub-clause of the clause above, never a section
    separated: bool = False  # the term is set off by a colon or a dash ("Moderator - a person")
    bullet: bool = False
    caps: bool = False  # a caption in ALL CAPS (plain text)
    appendix: bool = False  # "Schedule A - Terms of Use": its numbering may start again at 1
    heading_like: bool = False  # plain text: short, in title case: a heading if it stands alone
    field: str | None = None  # "Policy Number: CS-012" in a header block: the key
    field_value: str = ""
    contents: bool = False  # "Table of Contents"


_HEADING = re.compile(r"(#{1,6})(?:\s+(.*))?")
_BREAK = re.compile(r"([-*_])(?:\s*\1){2,}")
_UNDERLINE = re.compile(r"={3,}")
_QUOTE = re.compile(r"(?:>\s*)+")
# Bullets as word processors and PDFs write them (U+F0B7 and its neighbours are Symbol-font
# bullets that survive copying as private-use characters); "o" is Word's second-level bullet.
_BULLET = re.compile(
    "(?:[-*+\u2013\u2022\u2023\u2043\u2219\u00b7\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6"
    "\u25b8\u25ba\u27a2\u2794\u2713\u2714\uf0a7\uf0b7\uf0d8\uf0fc\uf076]|(?P<o>o))\\s+(?=\\S)"
)
_NUMBER = re.compile(
    r"(?P<em>\*{1,3}|_{1,3})?(?:(?P<word>section|article|part|clause)\s+)?"
    r"(?:\((?P<paren>\d{1,9})\)|(?P<num>\d{1,9}(?:\.\d{1,9})*)|(?(word)(?P<roman>[ivx]{1,6})|(?!)))"
    r"(?P<sep>\\?\.|\s*[):\-\u2013\u2014])?(?(em)(?P=em))(?=\s|$)",
    re.IGNORECASE,
)  # "1\." is how converters from HTML write "1." that is not a list
SEPARATORS = ".):-\u2013\u2014"
_ITEM = re.compile(
    r"(?:\((?P<paren>[a-z]{1,2}|[ivxlc]{3,8})\)|(?P<bare>[a-z]|[ivxlc]{2,8})(?P<sep>[.)]))(?=\s|$)",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_VERB = r"(?:means|shall\s+mean|refers\s+to|includes|is)(?=[\s:]|$)"
_EMPHASIS_TERM = (
    r'"(?P<a>[^"]+)"|\u201c(?P<b>[^\u201d]+)\u201d|\u2018(?P<g>[^\u2019]+)\u2019'
    r"|'(?P<h>[^']+)'|\*\*(?P<c>[^*]+)\*\*|__(?P<d>[^_]+)__|\*(?P<e>[^*]+)\*|_(?P<f>[^_]+)_"
)
_QUOTED_TERM = re.compile(rf"(?:{_EMPHASIS_TERM})\s+{_VERB}")
_PLAIN_TERM = re.compile(rf"(?P<t>[^\W\d_][^\s.,;:!?()]*(?:\s+[^\s.,;:!?()]+){{0,5}}?)\s+{_VERB}")
# "Moderator - an employee ...", "Official Account: an account ...", "**Content** - ...": a
# term set off by a colon or a dash, as definition tables read once copied.
_SEPARATOR = r"(?:\s*:|\s+[-\u2013\u2014]|\s*\u2014)\s+(?=\S)"
_SEPARATED_TERM = re.compile(
    rf"(?:{_EMPHASIS_TERM}|(?:\*\*|__)(?P<i>[^*_]+?):(?:\*\*|__)(?=\s+\S)"
    rf"|(?P<t>[^\W\d_][^\s.,;:!?()\"\u2013\u2014]*(?:\s+[^\s.,;:!?()\"\u2013\u2014]+){{0,5}}?))"
    rf"(?(i)|{_SEPARATOR})"
)
_TERM_GROUPS = ("a", "b", "g", "h", "c", "d", "e", "f")
_ARTICLE = re.compile(r"(?:a|an|the|any|all|each|every)\s", re.IGNORECASE)
# "It is ...", "Each department is ...": sentences, not definitions.
_NOT_TERMS = frozenset(
    re.findall(
        r"\w+",
        "a an all any as each every for if in it its no none nothing one such that there these "
        "this those what when where which who note example",
    )
)
_ANNOTATION = re.compile(r'\{(?P<body>(?:[^{}"]|"(?:[^"\\]|\\.)*")*)\}\s*$')
_PAIR = re.compile(r'\s*(?P<key>[^\s="]+)=(?P<value>"(?:[^"\\]|\\.)*"|[^\s"]+)')
_WRAPPERS = ("***", "**", "__", "*", "_")

# A line taken for a heading by its look alone is short: a longer one is text.
_GUESSED_TITLE = 200
# Page furniture: page numbers ("Page 3 of 9", "- 3 -", a bare "3"), and a table of contents'
# entries ("2. Scope ........ 4").
_PAGE = re.compile(
    r"[-\u2013\u2014]?\s*\d{1,3}\s*[-\u2013\u2014]?|page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:of|/)\s*\d{1,4}|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4}",
    re.IGNORECASE,
)
_PAGE_IN_LINE = re.compile(r"(?:^|\s)(?:Page|PAGE)\s+\d{1,4}(?:\s*(?:of|OF|/)\s*\d{1,4}(?=\s|$)|$)")
_CONTENTS = re.compile(r"(?:table\s+of\s+)?contents:?", re.IGNORECASE)
# "Schedule A - Terms of Use for Comments": an appendix, whose numbering may start again.
_APPENDIX = re.compile(
    r"(?:schedule|appendix|attachment|annex|exhibit)\s+(?:[a-z]|\d{1,2}|[ivx]{1,4})\b"
    r"(?:\s*[-:.\u2013\u2014]\s+\S.*|\s*[-:.\u2013\u2014]?)",
    re.IGNORECASE,
)
# The header block of a policy: "Policy Number: CS-012", or a key alone on its line with its
# value on the next, as tables read once copied out of a PDF.
_FIELD = re.compile(
    r"(?P<em>\*\*|__)?(?P<key>[^\W\d_][^:*_]{0,40}?)\s*(?(em)(?::(?P=em)|(?P=em)\s*:)|:)"
    r"(?:\s+(?P<value>\S.*))?$"
)
_KEY_ALONE = re.compile(
    r"(?:policy|by-?law|resolution|motion|document|reference)\s+(?:title|name|number|no\.?|#)"
    r"|title|name|number"
    r"|department|division|service\s+area|category|owner|author|contact|status|version"
    r"|(?:approval\s+)?authority|(?:approved|adopted|prepared|administered|issued)\s+by"
    r"|(?:date\s+)?(?:approved|adopted|effective|issued|revised|amended|reviewed|enacted)"
    r"|(?:approval|adoption|effective|issue|revision|amendment|review|next\s+review"
    r"|last\s+review(?:ed)?|enactment)(?:\s+dates?)?"
    r"|supersedes|replaces|repeals|resolution|policy\s+owner|responsible\s+(?:department|division)",
    re.IGNORECASE,
)


def unwrap(text: str) -> str:
    """Without the emphasis around it: "**Purpose**" -> "Purpose" (not "**a** and **b**")."""
    while text[:1] in ("*", "_") and text:  # most lines are not: they return at once
        wrapper = next((w for w in _WRAPPERS if _wrapped(text, w)), None)
        if wrapper is None:
            return text
        text = text[len(wrapper) : -len(wrapper)].strip()
    return text


def _wrapped(text: str, wrapper: str) -> bool:
    size = len(wrapper)
    return (
        len(text) > 2 * size
        and text.startswith(wrapper)
        and text.endswith(wrapper)
        and text.find(wrapper, size, len(text) - size) < 0
    )


def split_annotation(content: str) -> tuple[str, str | None]:
    """The content without its trailing {key=value ...}, and the annotation's body. Braces
    holding no "=" are the author's words ("{see Appendix A}")."""
    if not content.endswith("}"):
        return content, None
    if found := _ANNOTATION.search(content):
        start, body = found.start(), found["body"]
    else:  # unbalanced quotes: still an annotation (an unreadable one) when it has a "="
        start = content.rfind("{")
        body = content[start + 1 : -1]
    if body.strip() and "=" not in body:
        return content, None
    return content[:start].rstrip(), body


def roman_value(label: str) -> int | None:
    if not _ROMAN.fullmatch(label):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    digits = [values[ch] for ch in label]
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0], strict=True))


def definition_term(content: str) -> tuple[str | None, bool]:
    """The term a "Term means ..." line defines, and whether it is quoted or bold."""
    if found := _QUOTED_TERM.match(content):
        term = next(group for group in found.group(*_TERM_GROUPS) if group)
        quoted = True
    elif found := _PLAIN_TERM.match(content):
        term, quoted = found["t"], False
        lowered = term.lower()
        if lowered.split()[0] in _NOT_TERMS or lowered.startswith("the following"):
            return None, False
    else:
        return None, False
    term = unwrap(term.strip())
    return (term or None), quoted


def separated_term(content: str) -> str | None:
    """The term of a "Term: meaning" or "Term - meaning" line. Only definitions sections read
    these as definitions; a line in capitals is a heading or a header's field instead."""
    found = _SEPARATED_TERM.match(content)
    if not found or content.upper() == content:
        return None
    term = next(group for group in found.group(*_TERM_GROUPS, "i", "t") if group)
    if found["t"] and (not term[0].isupper() or term.split()[0].lower() in _NOT_TERMS):
        return None
    # A meaning reads as a phrase ("an employee who ..."); "Town of Wrenfield - Social Media
    # Policy" and "Effective Date: July 1" are a header and a field. An abbreviation is spelt
    # out: "CAO - Chief Administrative Officer".
    meaning = content[found.end() :].lstrip()
    abbreviation = term.isupper() and len(term) <= 8
    if not (meaning[:1].islower() or _ARTICLE.match(meaning) or abbreviation):
        return None
    return unwrap(term.strip()) or None


def line_term(content: str) -> tuple[str | None, bool, bool]:
    """The term a line defines, whether it is quoted, and whether it is set off by a colon
    or a dash."""
    term, quoted = definition_term(content)
    if term:
        return term, quoted, False
    term = separated_term(content)
    return term, False, term is not None


def _is_caps(content: str) -> bool:
    letters = sum(1 for ch in content if ch.isalpha())
    return (
        letters >= 2
        and content.upper() == content != content.lower()
        and len(content.split()) <= 10
        and not content.endswith(".")
    )


def _heading_like(content: str) -> bool:
    """Short, not ending like a sentence, and in title case (or of three words at most):
    a heading when nothing around it says otherwise."""
    words = content.split()
    if not words or len(words) > 8 or not content[0].isupper() or "," in content:
        return False
    if content[-1] in ".;:,!?" or len(content) > _GUESSED_TITLE:
        return False
    if len(words) <= 3:  # "Roles and responsibilities", "Personal use"
        return True
    bare = (word.strip("()[]\"'\u201c\u201d\u2018\u2019") for word in words)
    return all(len(word) < 4 or not word.isalpha() or word[0].isupper() for word in bare)


def _bold_caption(content: str) -> str | None:
    """The title of a line that is wholly bold ("**Purpose**"): websites' headings."""
    if not content.startswith(("**", "__")) or (title := unwrap(content)) == content:
        return None
    if title.endswith(":") and len(title.split()) <= 4:  # "**Purpose:**"
        title = title[:-1].rstrip()
    if not title or len(title.split()) > 10 or title[-1] in ".;:,!?":
        return None
    return title if len(title) <= _GUESSED_TITLE else None


def is_furniture(s: str) -> bool:
    """Page numbers and a table of contents' entries: not the policy's words."""
    if _PAGE.fullmatch(s) or _has_leaders(s):
        return True
    return len(s.split()) <= 15 and not s[0].islower() and bool(_PAGE_IN_LINE.search(s))


def page_number_at_end(s: str) -> str | None:
    """The line without the page number it ends with ("2. Scope .... 4" -> "2. Scope ...."),
    or None. Without regular expressions: a long run of dots would take them quadratic
    time to turn down."""
    body = s.rstrip("0123456789")
    if not 1 <= len(s) - len(body) <= 4 or not body or body[-1] not in " \t.\u2026_":
        return None
    return body


def _has_leaders(s: str) -> bool:
    """ "2. Scope .......... 4": dots (or underscores) leading to a page number."""
    body = page_number_at_end(s)
    if body is None:
        return False
    words = body.rstrip(" \t.\u2026_")
    leaders = body[len(words) :]
    return bool(words) and (
        leaders.count(".") >= 4 or leaders.count("\u2026") >= 2 or leaders.count("_") >= 4
    )


def _field(content: str) -> tuple[str, str] | None:
    if found := _FIELD.match(content):
        key, value = found["key"].strip(), (found["value"] or "").strip()
        if len(key.split()) <= 5 and key[0].isupper() and (value or _KEY_ALONE.fullmatch(key)):
            return key, value
        return None
    bare = unwrap(content)
    return (bare, "") if bare[:1].isupper() and _KEY_ALONE.fullmatch(bare) else None


def running_key(line: Line) -> str | None:
    """What a line would be counted as when looking for running headers and footers: lines
    of text that are short and do not continue a sentence."""
    if not (line.kind == "text" or (line.kind == "caption" and line.caps)):
        return None
    raw = line.raw
    if line.bullet or not raw or raw[0] in "\\|" or raw[0].islower() or raw.endswith(":"):
        return None
    words = raw.split()
    return " ".join(words) if len(raw) >= 4 and len(words) <= 15 else None


def classify(number: int, raw: str, markdown: bool) -> Line:
    """What a line could be, on its own; the reader decides from its surroundings."""
    s = raw.strip()
    if markdown and s[:1] == ">" and (quote := _QUOTE.match(s)):
        s = s[quote.end() :]  # a quotation: its words, without the marks
    if not s:
        return Line(number, "blank")
    if s[0] == "\\":  # "\(b) is not an item"; a lone backslash is just that
        return Line(number, "text", text=s[1:] or s, raw=s)
    if _BREAK.fullmatch(s):
        return Line(number, "break", raw=s)
    if _UNDERLINE.fullmatch(s):
        return Line(number, "underline" if markdown else "break", text=s, raw=s)
    if markdown and (heading := _HEADING.fullmatch(s)):
        return _heading(number, len(heading[1]), (heading[2] or "").strip(), s)
    if not _ITEM.match(s) and is_furniture(s):
        return Line(number, "furniture", text=s, raw=s)
    bullet = _BULLET.match(s)
    if bullet and bullet["o"] and markdown:
        bullet = None
    body = s[bullet.end() :] if bullet else s
    text = f"- {body}" if bullet else s
    content, annotation = split_annotation(body)
    item = _ITEM.match(content)
    if item and (item["paren"] or item["bare"].islower() or item["sep"] == ")"):
        label = (item["paren"] or item["bare"]).lower()
        if len(label) == 1 or (len(label) == 2 and item["paren"]) or roman_value(label):
            rest = content[item.end() :].strip()
            term, quoted, separated = line_term(rest)
            return Line(
                number, "item", text=text, label=label, rest=rest, annotation=annotation,
                term=term, quoted=quoted, separated=separated, raw=s, bullet=bool(bullet),
            )  # fmt: skip
    if not bullet and (numbered := _numbered(number, content, annotation)):
        numbered.text = numbered.raw = s
        return numbered
    line = Line(number, "text", text=text, raw=s, bullet=bool(bullet))
    term, line.quoted, line.separated = line_term(content)
    if term:
        line.kind, line.rest, line.annotation, line.term = "definition", content, annotation, term
    if bullet:
        return line
    bare = unwrap(content)
    line.field, line.field_value = _field(content) or (None, "")
    line.contents = _CONTENTS.fullmatch(bare) is not None
    if term:
        return line
    appendix = len(bare) <= _GUESSED_TITLE and _APPENDIX.fullmatch(bare) is not None
    caps = not markdown and not appendix and _is_caps(content)
    title = bare if appendix or caps else (_bold_caption(content) if markdown else None)
    if title:
        line.kind, line.rest, line.annotation = "caption", title, annotation
        line.appendix, line.caps = appendix, caps
    elif not markdown:
        line.heading_like = _heading_like(content)
    return line


def _heading(number: int, level: int, content: str, raw: str) -> Line:
    if content.startswith("\\"):  # "# \2024 Budget" is a heading, not clause 2024
        return Line(number, "heading", level=level, rest=content[1:], raw=raw)
    content, annotation = split_annotation(content)
    bare = unwrap(content)
    if (found := _NUMBER.match(bare)) and (label := _label(found)):
        title = unwrap(bare[found.end() :].strip())
        return Line(
            number, "heading", level=level, label=label, rest=title, annotation=annotation,
            raw=raw, worded=bool(found["word"]), part=_is_part(found),
        )  # fmt: skip
    appendix = len(bare) <= _GUESSED_TITLE and _APPENDIX.fullmatch(bare) is not None
    return Line(
        number, "heading", level=level, rest=bare, annotation=annotation, raw=raw,
        appendix=appendix,
    )  # fmt: skip


def _label(found: re.Match[str]) -> str | None:
    if found["roman"]:  # "Part IV"
        value = roman_value(found["roman"].lower())
        return str(value) if value else None
    return found["num"] or found["paren"]


def _is_part(found: re.Match[str]) -> bool:
    return (found["word"] or "").lower() == "part"


def _numbered(number: int, content: str, annotation: str | None) -> Line | None:
    bare = unwrap(content)
    found = _NUMBER.match(bare)
    label = _label(found) if found else None
    if found is None or label is None:
        return None
    rest = bare[found.end() :].strip()
    dotted_or_worded = "." in label or found["word"]
    if not (found["sep"] or found["paren"]) and (not dotted_or_worded or rest[:1].islower()):
        return None  # "30 days after ...", "3.5 million dollars": a wrapped sentence
    term, quoted, separated = line_term(rest)
    return Line(
        number, "numbered", label=label, rest=rest, annotation=annotation,
        worded=bool(found["word"]), term=term, quoted=quoted, separated=separated,
        part=_is_part(found), paren=bool(found["paren"]),
    )  # fmt: skip


# Annotations ------------------------------------------------------------------------------


def read_annotation(body: str | None) -> tuple[Annotation, list[str]]:
    """What the body of a {key=value ...} annotation states, and the problems with it."""
    annotation, problems = Annotation(), list[str]()
    if body is None:
        return annotation, problems
    if len(body) > MAX_ANNOTATION:
        return annotation, [f"This annotation is longer than {MAX_ANNOTATION} characters."]
    position, end = 0, len(body.rstrip())
    while position < end:
        pair = _PAIR.match(body, position)
        if pair is None:
            return annotation, [*problems, _UNREADABLE]
        position = pair.end()
        key, value = pair["key"], pair["value"]
        if value.startswith('"'):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if key in annotation.keys:
            problems.append(f"The annotation gives {key} twice.")
        elif problem := _annotate(annotation, key, value):
            problems.append(problem)
        else:
            annotation.keys.add(key)
    return annotation, problems


_UNREADABLE = (
    "This annotation cannot be read: write it as {key=value ...}, with quotes around values "
    'that contain spaces (topics="personal use, town business").'
)


def _annotate(annotation: Annotation, key: str, value: str) -> str | None:
    """Sets one key; the problem with it, if any."""
    if key == "kind":
        annotation.kind = _choice(ClauseKind, value)
    elif key == "role":
        annotation.role = _choice(PolicyRole, value)
    elif key == "applies_to":
        words = [word for word in value.split(",") if word.strip()]
        people = [_choice(CoveredPersonType, word) for word in words]
        annotation.applies_to = [person for person in people if person]
        if len(annotation.applies_to) < len(words):
            unknown = next(word.strip() for word, p in zip(words, people, strict=True) if not p)
            return f"Unknown person type {unknown!r}: use {', '.join(CoveredPersonType)}."
    elif key == "topics":
        words = [word for word in value.split(",") if word.strip()]
        topics = [normalize_topic(word) for word in words]
        annotation.topics = list(dict.fromkeys(topic for topic in topics if topic))
        if None in topics:
            bad = next(word.strip() for word, t in zip(words, topics, strict=True) if t is None)
            return (
                f"Topic {bad!r} cannot be used: a topic is up to 40 plain letters (a-z), "
                "digits, spaces, hyphens or underscores."
            )
    elif key == "term":
        annotation.term = unwrap(value.strip()) or None
        if not annotation.term or len(annotation.term) > MAX_TERM:
            return f"A term must have between 1 and {MAX_TERM} characters."
    else:
        return f"Unknown annotation {key!r}: use kind, topics, applies_to, role or term."
    if key in ("kind", "role") and getattr(annotation, key) is None:
        choices = ", ".join(ClauseKind if key == "kind" else PolicyRole)
        return f"Unknown {key} {value!r}: use {choices}."
    return None


_E = TypeVar("_E", bound=StrEnum)


def _choice(choices: type[_E], value: str) -> _E | None:
    try:
        return choices(value.strip().lower())
    except ValueError:
        return None


# The writer -------------------------------------------------------------------------------

# Long paragraphs are wrapped below this, leaving room on the line for an item's label and
# annotation (and a backslash) within the reader's MAX_LINE.
_WIDTH = 8000


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Unless double-quoted, PyYAML writes these as they are and then reads them as line breaks.
    quoted = any(ch in text for ch in "\x85\u2028\u2029")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"' if quoted else None)


_Dumper.add_representer(str, _represent_text)


def render_markdown(metadata: DocumentMetadata, clauses: Sequence[ClauseDraft]) -> str:
    """The document as Markdown that parse_document reads back to the same metadata and
    clauses: the front matter, the title as a heading, then each clause in order."""
    out: list[str] = []
    fields = ("label", "title", "summary", "effective_from", "coverage")
    front = {
        key: getattr(metadata, key) for key in fields if getattr(metadata, key) not in (None, [])
    }
    if front:
        text = yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        out += ["---", text.rstrip("\n"), "---", ""]
    if metadata.title and (heading := _title_heading(metadata.title)):
        out += [heading, ""]
    body = len(out)
    seen: dict[str, ClauseDraft] = {}
    for clause in clauses:
        parent = next((seen[ref] for ref in ancestors(clause.ref) if ref in seen), None)
        out += [*_clause_lines(clause, parent), ""]
        seen.setdefault(clause.ref, clause)
    # The reader drops lines repeated on every page as running headers: the same words three
    # times in the text are escaped instead.
    keys = [running_key(classify(0, line, markdown=True)) for line in out[body:]]
    counts = Counter(key for key in keys if key)
    for index, key in enumerate(keys, start=body):
        if key and counts[key] >= RUNNING:
            out[index] = f"\\{out[index]}"
    return "\n".join(out).rstrip("\n") + "\n"


def _title_heading(title: str) -> str | None:
    """The document's title as its first heading, when a heading can hold it (the front
    matter has it anyway)."""
    for heading in (f"# {title}", f"# \\{title}"):
        read = classify(0, heading, markdown=True)
        exact = read.kind == "heading" and read.level == 1 and not read.label
        if exact and read.rest == title and read.annotation is None and len(heading) <= MAX_LINE:
            return heading
    return None


def _clause_lines(clause: ClauseDraft, parent: ClauseDraft | None) -> list[str]:
    paragraphs = (
        [_wrap(paragraph) for paragraph in clause.text.split("\n\n")] if clause.text else []
    )
    first = paragraphs[0][0] if paragraphs else None
    numbered = "(" not in clause.ref
    label = "" if numbered else f"({clause.ref[clause.ref.rfind('(') + 1 : -1]})"
    # An item's first words follow its label when they can (read as they are: no escaping
    # there), unless they would state a term the item does not have.
    on_head = not numbered and first is not None and first.strip() == first
    while True:
        annotation, term_line, states = _annotation(clause, parent, first, on_head)
        note = _annotation_text(annotation)
        fits = len(label) + len(note) + 4 + len(first or "") < MAX_LINE
        # Words with braces and quotes ({" ...) can swallow the annotation after them.
        separable = not note or split_annotation(f"{label} {first} {{{note}}}")[1] == note
        if not on_head or (fits and separable and (term_line or not states)):
            break
        on_head = False
    definitions = clause.kind is ClauseKind.DEFINITION
    body = [[_escape(line, definitions) for line in lines] for lines in paragraphs]
    if numbered:
        level = min(clause.ref.count(".") + 2, 6)
        head = f"{'#' * level} {clause.ref}"
        if clause.title:
            head += ("." if clause.title[0] in SEPARATORS else "") + f" {clause.title}"
    else:
        head = label
    if on_head:
        head += f" {first}"
        body[0].pop(0)
    elif term_line:  # "Contractor means ..." under the heading states the term
        body[0][0] = paragraphs[0][0]
    if note:
        head += f" {{{note}}}"
    elif split_annotation(head)[1] is not None:
        head += " {}"  # what looks like an annotation at the end is the author's words
    out = [head]
    for index, lines in enumerate(body):
        if lines:
            out += ["", *lines] if index or numbered else lines
    return out


def _annotation(
    clause: ClauseDraft, parent: ClauseDraft | None, first: str | None, on_head: bool
) -> tuple[Annotation, bool, bool]:
    """The fewest annotation keys with which the reader infers the clause's kind, term and
    role; whether the first line of its text (a "Contractor means ..." line) states the
    term; and whether the reader would take a term from that line."""
    for kind, term in (
        (None, None),
        (None, clause.term),
        (clause.kind, None),
        (clause.kind, clause.term),
    ):
        annotation = Annotation(
            kind=kind, term=term, topics=list(clause.topics), applies_to=list(clause.applies_to)
        )
        line_term = None
        if first is not None and not clause.title and term is None:
            pre = resolve(clause.title, parent, annotation, None)[0]
            line_term = _first_line_term(first, on_head, pre is ClauseKind.DEFINITION)
        for used in (line_term, None) if line_term else (None,):
            read_kind, read_term, read_role = resolve(clause.title, parent, annotation, used)
            if read_kind == clause.kind and read_term == clause.term:
                if read_role != clause.role:
                    annotation.role = clause.role
                return annotation, used is not None, line_term is not None
    raise AssertionError("an annotation with kind and term always reads back")  # pragma: no cover


def _first_line_term(first: str, on_head: bool, definitions: bool) -> str | None:
    """The term the reader takes from a clause's first line: after an item's label, or on a
    line of its own below the clause's heading."""
    if on_head:
        term, quoted, _ = line_term(first)
    else:
        read = classify(0, first, markdown=True)
        if read.kind != "definition" or read.rest != first:
            return None
        term, quoted = read.term, read.quoted
    return term if quoted or definitions else None


def _annotation_text(annotation: Annotation) -> str:
    parts = []
    if annotation.kind:
        parts.append(f"kind={annotation.kind.value}")
    if annotation.role:
        parts.append(f"role={annotation.role.value}")
    if annotation.term:
        parts.append(f"term={_quote(annotation.term)}")
    if annotation.topics:
        parts.append(f"topics={_quote(', '.join(annotation.topics))}")
    if annotation.applies_to:
        parts.append("applies_to=" + ",".join(person.value for person in annotation.applies_to))
    return " ".join(parts)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape(line: str, definitions: bool) -> str:
    """The line, with a backslash in front when the reader would not read it back as text."""
    read = classify(0, line, markdown=True)
    if read.kind == "definition" and not read.quoted and not definitions:
        as_text = read.text == line  # outside a definitions section "X is ..." is a sentence
    else:
        as_text = read.kind == "text" and read.text == line and not read.contents
    return line if as_text else f"\\{line}"


def _wrap(paragraph: str) -> list[str]:
    """A paragraph's lines (list items start new ones), long ones broken at spaces the reader
    turns back into the same spaces."""
    lines = []
    for line in paragraph.split("\n"):
        while len(line) > _WIDTH and (cut := _cut(line)):
            lines.append(line[:cut])
            line = line[cut + 1 :]
        lines.append(line)
    return lines


def _cut(line: str) -> int | None:
    """The last good space before _WIDTH, else the first after it: one between two words
    (the reader strips lines), not before "- " or "|" (the reader would start a list item or
    a table's row) and not after a hyphen (the reader would join a word broken there)."""
    spaces = chain(range(_WIDTH, 0, -1), range(_WIDTH + 1, len(line) - 1))
    return next(
        (
            at
            for at in spaces
            if line[at] == " "
            and not line[at - 1].isspace()
            and line[at - 1] not in HYPHENS
            and not line.startswith(("- ", "|"), at + 1)
        ),
        None,
    )
