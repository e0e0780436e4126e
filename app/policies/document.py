"""Policy documents as cities publish them, read into clauses. The format is described for
users in docs/policy-documents.md; the syntax of a line and the writer are in
document_render.py.

Each line is classified on its own first (what it could be). Then what a PDF or a web page
added is taken out or put back together: page numbers, running headers and footers, a table
of contents, headings underlined or wrapped onto two lines. The reader then decides what
each line is from its surroundings: which section it is in, what came before, what comes
next. Where its guesses about unnumbered headings collide with the document's own numbers,
it reads the document again with those headings numbered within their sections."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import ComposerError

from app.policies.document_render import (
    HYPHENS,
    MAX_LINE,
    MAX_TERM,
    MAX_TITLE,
    RUNNING,
    Annotation,
    Line,
    ancestors,
    classify,
    infer_kind,
    infer_role,
    page_number_at_end,
    read_annotation,
    render_markdown,
    resolve,
    roman_value,
    running_key,
    unwrap,
)
from app.policies.vocabulary import ClauseDraft, ClauseKind

K = ClauseKind

__all__ = [
    "MAX_CLAUSES",
    "DocumentInvalid",
    "DocumentIssue",
    "DocumentMetadata",
    "PolicyDocument",
    "infer_kind",
    "infer_role",
    "parse_document",
    "render_markdown",
]

MAX_CLAUSES = 2000
MAX_REF = 64  # so that a heading holding it stays well under MAX_LINE
MAX_ISSUES = 100


@dataclass(frozen=True, slots=True)
class DocumentIssue:
    line: int
    message: str


class DocumentInvalid(Exception):
    issues: list[DocumentIssue]  # sorted by line

    def __init__(self, issues: Sequence[DocumentIssue]) -> None:
        ordered = sorted(issues, key=lambda issue: issue.line)
        if len(ordered) > MAX_ISSUES:  # a binary file would otherwise answer with megabytes
            unlisted = f"{len(ordered) - MAX_ISSUES} more problems are not listed."
            ordered = [*ordered[:MAX_ISSUES], DocumentIssue(ordered[MAX_ISSUES].line, unlisted)]
        self.issues = ordered
        super().__init__("\n".join(f"line {issue.line}: {issue.message}" for issue in ordered))


@dataclass(slots=True)
class DocumentMetadata:
    label: str | None = None
    title: str | None = None
    summary: str | None = None
    effective_from: datetime.date | None = None
    coverage: list[dict[str, Any]] = field(default_factory=list)
    # Where the front matter said it: not part of what the document means.
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class PolicyDocument:
    metadata: DocumentMetadata
    clauses: list[ClauseDraft]


# Front matter -----------------------------------------------------------------------------


_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


class _FrontMatterLoader(yaml.SafeLoader):
    """Refuses aliases: a few lines of them can stand for billions of values. Numbers stay
    the text they are written as: a clause reference "2.10" is not the float 2.1, nor a label
    2024 a number."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ComposerError(None, None, "anchors and aliases are not allowed", self.get_mark())
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _NUMBER_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(source: str) -> tuple[yaml.Node | None, Any]:
    """The YAML's nodes (for lines, and scalars as written) and its values."""
    loader = _FrontMatterLoader(source)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


_TEXT_KEYS = ("label", "title", "summary")


def _front_matter(
    lines: list[str], issues: list[DocumentIssue]
) -> tuple[DocumentMetadata, int | None]:
    """The metadata and the index of the body's first line (None: the front matter never ends)."""
    metadata = DocumentMetadata()
    if not lines or lines[0].rstrip() != "---":
        return metadata, 0
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        issues.append(
            DocumentIssue(1, "The front matter opened here is never closed by a line '---'.")
        )
        return metadata, None
    try:
        node, data = _load("\n".join(lines[1:end]))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark else 2
        problem = exc.problem or exc.context or "it cannot be read"
        issues.append(DocumentIssue(line, f"The front matter is not valid YAML: {problem}."))
        return metadata, end + 1
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        issues.append(DocumentIssue(2, f"The front matter is not valid YAML: {exc}."))
        return metadata, end + 1
    if node is None:
        return metadata, end + 1
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        issues.append(DocumentIssue(2, "The front matter must be lines of 'key: value'."))
        return metadata, end + 1
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key in metadata.lines:
            issues.append(DocumentIssue(line, f"The front matter gives {key} twice."))
        elif message := _metadata(metadata, key, value_node, data.get(key)):
            issues.append(DocumentIssue(line, message))
        if isinstance(key, str):
            metadata.lines[key] = line
    return metadata, end + 1


def _metadata(metadata: DocumentMetadata, key: Any, node: yaml.Node, value: Any) -> str | None:
    """Sets one front matter key; the problem with it, if any."""
    if key in _TEXT_KEYS:
        if not isinstance(node, yaml.ScalarNode):
            return f"{key} must be text."
        # The scalar as written: a label 2024 is "2024", and 1.10 stays 1.10.
        text = None if node.tag == "tag:yaml.org,2002:null" else str(node.value).strip() or None
        if text and key == "title" and len(text) > MAX_TITLE:
            return f"A title has at most {MAX_TITLE} characters."
        setattr(metadata, key, text)
    elif key == "effective_from":
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = datetime.date.fromisoformat(value.strip())
        if value is not None and (type(value) is not datetime.date):
            return "effective_from must be a date such as 2024-06-01."
        metadata.effective_from = value
    elif key == "coverage":
        rules = [] if value is None else value
        if not isinstance(rules, list) or not all(
            isinstance(rule, dict) and all(isinstance(k, str) for k in rule) for rule in rules
        ):
            return "coverage must be a list of rules, each with fields such as effect: include."
        metadata.coverage = rules
    else:
        keys = "label, title, summary, effective_from or coverage"
        return f"Unknown front matter key {key!r}: use {keys}."
    return None


# Pages as PDFs print them ------------------------------------------------------------------

# A form feed starts a page; next to a line break it is not one more line.
_FORM_FEED = re.compile(r"\f+(?=[\r\n])|(?<=[\r\n])\f+|^\f+")
# Copied out of a PDF, plain text keeps the typesetter's ligatures.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)


def _without_furniture(lines: list[Line]) -> tuple[list[Line], str | None]:
    """The lines without page furniture: page numbers, a table of contents, and the running
    headers and footers a PDF repeats on every page. Also the first running line, which is
    the title of a document that has no other."""
    keys = [running_key(line) for line in lines]
    counts = Counter(key for key in keys if key)
    running = [key for key in dict.fromkeys(keys) if key and counts[key] >= RUNNING]
    repeated = set(running)
    kept: list[Line] = []
    pages: list[int] = []  # where in kept furniture was taken out
    index = 0
    while index < len(lines):
        line = lines[index]
        skip = 1 if line.kind == "furniture" or keys[index] in repeated else 0
        if line.contents and not skip:
            skip = _contents_length(lines, index)
        if skip:
            if not pages or pages[-1] != len(kept):
                pages.append(len(kept))
            index += skip
            continue
        kept.append(line)
        index += 1
    joined = _page_joins(kept, pages)
    kept = [line for at, line in enumerate(kept) if at not in joined]
    return kept, (running[0] if running else None)


_TOC_LINES = 300  # a table of contents is not longer


def _contents_length(lines: list[Line], index: int) -> int:
    """How many lines a table of contents takes, from its heading at index (0: it is not
    one). Its entries end where the first of them comes again (the policy begins), or else
    with the last line that ends with a page number."""
    following = range(index + 1, min(len(lines), index + 1 + _TOC_LINES))
    entries = [j for j in following if lines[j].kind != "blank"]
    if not entries:
        return 0
    first = _entry(lines[entries[0]])
    again = next((j for j in entries[1:] if _entry(lines[j]) == first), None)
    listed = [j for j in entries if again is not None and j < again]
    if listed and all(len(lines[j].raw.split()) <= 15 and lines[j].raw[-1] != "." for j in listed):
        return listed[-1] - index + 1
    end = index
    for j in entries:
        if not (lines[j].kind == "furniture" or page_number_at_end(lines[j].raw)):
            break
        end = j
    return end - index + 1 if end > index else 0


def _entry(line: Line) -> str:
    """A table of contents' entry as the section it names: "1. PURPOSE ..... 2" is 1. Purpose."""
    words = page_number_at_end(line.raw)
    return " ".join((line.raw if words is None else words).rstrip(" .\u2026_").split()).lower()


def _page_joins(kept: list[Line], pages: list[int]) -> set[int]:
    """Where a page ended in the middle of a sentence, the blank lines around the furniture
    taken out are not a paragraph break: those to take out too."""
    before, last = [], -1  # the last line with words at or before each line
    for at, line in enumerate(kept):
        last = at if line.kind != "blank" else last
        before.append(last)
    after, first = [0] * len(kept), len(kept)  # the first line with words at or after
    for at in range(len(kept) - 1, -1, -1):
        first = at if kept[at].kind != "blank" else first
        after[at] = first
    joined: set[int] = set()
    for start, end in {(before[at - 1], after[at]) for at in pages if 0 < at < len(kept)}:
        if start < 0 or end >= len(kept):
            continue
        previous, following = kept[start], kept[end]
        words = previous.rest if previous.kind in ("numbered", "item") else previous.text
        if (
            previous.kind in ("text", "definition", "numbered", "item")
            and words.rstrip()[-1:] not in ".:;!?"
            and following.kind == "text"
            and not following.bullet
        ):
            joined.update(range(start + 1, end))
    return joined


def _setext(lines: list[Line]) -> list[Line]:
    """Markdown's underlined headings, as converters from HTML write them: a line of text
    over "=====" (level 1) or "-----" (level 2). A sentence ("Adopted in 2024.") over a
    line of dashes is a paragraph before a break."""
    out: list[Line] = []
    for line in lines:
        marks = set(line.raw)
        underline = line.kind == "underline" or (line.kind == "break" and marks == {"-"})
        above = out[-1] if out else None
        opens = len(out) < 2 or out[-2].kind in ("blank", "break", "heading")
        if (
            underline
            and above is not None
            and above.kind in ("text", "caption", "definition", "numbered")
            and not above.bullet
            and opens
            and len(above.raw.split()) <= 12
            and above.raw[-1] not in ".;,"
        ):
            level = 1 if marks == {"="} else 2
            out[-1] = classify(above.number, f"{'#' * level} {above.raw}", markdown=True)
        else:
            out.append(line)
    return out


_CONNECTORS = frozenset(
    re.findall(
        r"\S+", "a an and at by during for from in of on or the to under with & - \u2013 \u2014"
    )
)


def _continued_titles(lines: list[Line]) -> list[Line]:
    """Plain text: a heading wrapped onto a second line ("6. USE OF SOCIAL MEDIA DURING
    ELECTIONS AND" over "BY-ELECTIONS") is one line again."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if above is not None and _continues(above, line):
            out[-1] = classify(above.number, f"{above.raw} {line.raw}", markdown=False)
        else:
            out.append(line)
    return out


def _continues(above: Line, line: Line) -> bool:
    if not (above.kind == "numbered" or (above.kind == "caption" and above.caps)):
        return False
    words = above.rest.split()
    if not words or len(words) > 12 or words[-1].lower() not in _CONNECTORS:
        return False
    if line.kind == "caption" and line.caps:
        return above.rest.upper() == above.rest
    text = line.raw
    return (
        line.kind == "text"
        and not line.bullet
        and len(text.split()) <= 8
        and text[0].isupper()
        and text[-1] not in ".;:,!?"
    )


# The header block ------------------------------------------------------------------------

_TITLE_KEY = re.compile(r"(?:policy\s+)?(?:title|name)|subject", re.IGNORECASE)
_MONTHS = re.findall(
    r"\w+", "january february march april may june july august september october november december"
)
_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"
    r"|(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[a-z]{3,9})\.?,?\s+(?P<year2>\d{4})\b",
    re.IGNORECASE,
)


def _header(lines: list[Line]) -> dict[str, str]:
    """The fields of the header block before the first clause ("Policy Number: CS-012"), by
    key in lower case; a key alone on its line has its value on the next."""
    fields: dict[str, str] = {}
    opening = True  # the title's lines come first
    key = None  # a key that stood alone
    for line in lines:
        title = line.kind == "heading" and line.level == 1 and not line.label
        if line.kind == "blank" or (opening and (title or (line.caps and line.field is None))):
            continue
        opening = False
        if key is not None:
            fields.setdefault(key, line.raw)
            key = None
        elif line.kind in ("numbered", "heading", "item", "caption") and line.field is None:
            break
        elif line.field is not None:
            if line.field_value:
                fields.setdefault(line.field.lower(), line.field_value)
            else:
                key = line.field.lower()
    return fields


def _date(value: str) -> datetime.date | None:
    """A date written out ("July 1, 2024", "1 July 2024", "2024-07-01"); not 07/01/2024,
    which reads one way in Canada and another in the United States."""
    found = _DATE.match(value.strip())
    if found is None:
        return None
    if found["y"]:
        year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    else:
        name = (found["month"] or found["month2"]).lower()
        months = [n for n, full in enumerate(_MONTHS, start=1) if full.startswith(name)]
        if not months:
            return None
        year, month = int(found["year"] or found["year2"]), months[0]
        day = int(found["day"] or found["day2"])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# The reader -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    draft: ClauseDraft
    annotation: Annotation
    generated: bool
    # A clause with neither title, term nor text yet: a "Term means ..." line that follows
    # states its term instead of starting a clause of its own.
    fresh: bool
    line_term: str | None = None
    movable: bool = False  # an unnumbered heading, which may be numbered within its section
    # Paragraphs of rows: wrapped lines are joined into a row; a list item, a table's row
    # or a header's field starts a row of its own. A row is the parts it is joined from.
    paragraphs: list[list[list[str]]] = field(default_factory=lambda: [[]])


# What follows the appendices: the policy's history and references, not an appendix's part.
_BACK_MATTER = re.compile(
    r"\b(?:revision|amendment|version|document)\s+history\b|\bhistory\s+of\b|\brevisions\b"
    r"|\brelated\s+(?:documents|policies|legislation)\b|\breferences\b",
    re.IGNORECASE,
)
# What a section is named for, unlike a defined term ("Official Account", "Post").
_SECTIONS = frozenset(
    {
        K.PURPOSE, K.POLICY_STATEMENT, K.SCOPE, K.EXEMPTION, K.DEFINITION, K.ROLE, K.GUIDELINE,
        K.PROHIBITED_CONTENT, K.TRAINING, K.ELECTION,
    }
)  # fmt: skip


class _Reader:
    def __init__(self, lines: list[Line], nested: dict[int, int]) -> None:
        self.lines = lines
        self.issues: list[DocumentIssue] = []
        self.clauses: list[_Clause] = []
        self.by_ref: dict[str, _Clause] = {}
        self.current: _Clause | None = None  # where text goes
        self.anchor: _Clause | None = None  # the numbered clause that items belong to
        self.letter: tuple[str, str] | None = None  # the last letter item: label, ref
        self.roman: tuple[str, str] | None = None  # the last roman item: label, parent ref
        # Open headings, Markdown's and unnumbered ones (level, ref).
        self.headings: list[tuple[int, str]] = []
        self.caption_level: int | None = None  # of the document's unnumbered headings
        # The section whose unnumbered sub-headings are being read (ref, level): those that
        # name no section of their own join it.
        self.sub: tuple[str, int] | None = None
        self.highest: dict[str, int] = {}  # parent ref ("" at the top) -> highest number under it
        self.listing: tuple[str, int] | None = None  # an ordered list: parent ref, last number
        # An appendix that numbers its clauses from 1 again: its ref, and its heading level.
        self.scope, self.scope_level = "", 0
        self.preamble: list[list[list[str]]] = [[]]
        self.preamble_line = 0
        self.value_expected = False  # a header's key stood alone: its value is on the next line
        # The next non-blank line after each line, for titles ("1. Purpose" followed by text).
        self.following: list[Line | None] = [None] * len(lines)
        for index in range(len(lines) - 2, -1, -1):
            after = lines[index + 1]
            self.following[index] = self.following[index + 1] if after.kind == "blank" else after
        # Unnumbered headings (by line) whose number in order the document writes later: they
        # are numbered within the section they are in instead ("COUNCIL" under "4. ROLES"),
        # one level deeper each time that number is taken too.
        self.nested = nested
        self.collided: set[int] = set()  # such headings found while reading
        self.demoted: set[int] = set()
        self._numbers()
        # The first number after each line, or the next appendix (None): whether an
        # appendix numbers its clauses from 1 again.
        self.next_number: list[Line | None] = [None] * len(lines)
        for index in range(len(lines) - 2, -1, -1):
            after = lines[index + 1]
            numbered = after.label and after.kind in ("numbered", "heading") and not after.paren
            self.next_number[index] = (
                after if numbered or after.appendix else self.next_number[index + 1]
            )

    def _numbers(self) -> None:
        """Reads the document's own numbers first: "1.0 PURPOSE" is section 1 (with 1.1 in
        it) unless 1 is used too; and parts numbered apart from their sections ("Part 2"
        holding section 3) cannot be clauses of their own. An appendix's numbers (which may
        start again) do not count."""
        body = []
        for line in self.lines:
            if line.appendix:
                break
            body.append(line)
        labels = {line.label for line in body if line.label and line.kind == "numbered"}
        for line in self.lines:
            if line.kind == "numbered" and line.label and not line.paren:
                short = _without_zeros(line.label)
                if short and short != line.label and short not in labels:
                    line.label, line.worded = short, True  # a section, never a list's item
        sections = {line.label for line in body if line.label and not (line.part or line.paren)}
        self.demoted = {
            index
            for index, line in enumerate(self.lines)
            if line.kind == "numbered" and line.part and line.label in sections
        }

    def read(self) -> None:
        for index, line in enumerate(self.lines):
            if self.current is None and self._header_line(line):
                pass
            elif index in self.demoted:
                self._paragraph(line)
            elif line.kind in ("blank", "break"):
                self._break()
            elif line.kind == "heading":
                self._heading(index, line)
            elif line.kind == "numbered":
                self._numbered(index, line)
            elif line.kind == "item":
                self._item(line)
            elif line.kind == "definition":
                self._definition(line)
            elif line.kind == "caption" or (line.heading_like and self._stands_alone(index)):
                self._caption(index, line)
            else:
                self._add(line.text, line.number)
            if len(self.clauses) > MAX_CLAUSES:
                self._issue(line, f"The document has more than {MAX_CLAUSES} clauses; split it.")
                return

    def _header_line(self, line: Line) -> bool:
        """A line of the header block ("Policy Number: CS-012") is a row of the summary."""
        if self.value_expected and line.kind != "blank":
            self.value_expected = False
            self._add(line.text or line.raw, line.number)
            return True
        if line.field is None:
            return False
        text = line.text
        self.value_expected = not line.field_value
        if self.value_expected and not text.endswith(":"):
            text += ":"
        self._add(text, line.number, row=True)
        return True

    def _break(self) -> None:
        paragraphs = self.current.paragraphs if self.current else self.preamble
        if paragraphs[-1]:
            paragraphs.append([])

    def _paragraph(self, line: Line) -> None:
        self._break()
        self._add(line.text, line.number)
        self._break()

    def _heading(self, index: int, line: Line) -> None:
        while self.headings and self.headings[-1][0] >= line.level:
            self.headings.pop()
        if self.scope and line.level <= self.scope_level:
            self.scope = ""
        self.listing, self.sub = None, None
        if line.label is None and line.appendix:
            self._appendix(index, line, line.level)
            return
        parent = self.headings[-1][1] if self.headings else self.scope
        ref = self._scoped(line.label) if line.label else self._next(parent)
        self.headings.append((line.level, ref))
        self._start(ref, line, title=line.rest or None, generated=line.label is None)

    def _numbered(self, index: int, line: Line) -> None:
        label = line.label or ""
        ref = self._scoped(label)
        titled = self._title_like(index)
        self.sub = None
        if line.paren and self.anchor is not None:  # "(2)" continues "(1)", or starts a list
            number, listing = int(label), self.listing
            parent = listing[0] if listing and number == listing[1] + 1 else self.anchor.draft.ref
            ref, self.listing = f"{parent}.{number}", (parent, number)
        elif "." in label or line.worded or self.anchor is None:
            self.listing = None
        else:  # "2." may be the next section, or the next item of a list in this one
            number, listing = int(label), self.listing
            next_section = number == self.highest.get(self.scope, 0) + 1
            if listing and number == listing[1] + 1 and not (next_section and titled):
                ref, self.listing = f"{listing[0]}.{number}", (listing[0], number)
            elif number == 1 and not next_section:
                parent = self.anchor.draft.ref
                ref, self.listing = f"{parent}.1", (parent, 1)
            else:
                self.listing = None
        clause = self._start(
            ref, line, title=unwrap(line.rest) if titled else None, generated=False
        )
        if clause and line.rest and not titled:
            self._first_text(clause, line, merge=False)

    def _title_like(self, index: int) -> bool:
        """Whether a numbered line's words are a title: short, not ending like a sentence or
        a lead-in ("Employees must:"), not a definition, and followed by the clause's text or
        parts (not by the next item of a list, nor by the rest of a wrapped sentence)."""
        line, after = self.lines[index], self.following[index]
        words = line.rest.split()
        if not words or len(words) > 10 or line.rest.endswith((".", ";", ",", ":")):
            return False
        in_definitions = self.current is not None and self.current.draft.kind is K.DEFINITION
        if line.term and (in_definitions or not line.separated):  # "4.2 Use - Guidelines"
            return False
        if after is None or after.kind in ("heading", "break"):
            return False
        if after.kind == "caption":  # "4. ROLES" over "COUNCIL", a heading within it
            return True
        if after.kind == "numbered":
            label = after.label or ""
            return label.startswith(f"{line.label}.") or (label == "1" and not after.worded)
        return not (after.kind == "text" and after.text[:1].islower())  # a wrapped sentence

    def _item(self, line: Line) -> None:
        label = line.label or ""
        if self.anchor is None:  # before the first clause: words of the summary
            self._add(line.text, line.number)
            return
        anchor, letter, roman = self.anchor.draft.ref, self.letter, self.roman
        value = roman_value(label)
        if roman and value and value == (roman_value(roman[0]) or 0) + 1:
            parent, is_letter = roman[1], False  # (iv) after (iii)
        elif letter and _next_letter(letter[0]) == label:
            parent, is_letter = anchor, True  # (i) right after (h) is a letter
        elif value and (value == 1 or len(label) > 1):  # a lone (c) is a letter, not 100
            parent, is_letter = letter[1] if letter else anchor, False
        else:
            parent, is_letter = anchor, True
        if is_letter:
            self.letter, self.roman = (label, f"{anchor}({label})"), None
        else:
            self.roman = (label, parent)
        clause = self._start(f"{parent}({label})", line, title=None, generated=False)
        if clause and line.rest:
            self._first_text(clause, line, merge=False)

    def _definition(self, line: Line) -> None:
        current = self.current
        if current is None or not (line.quoted or current.draft.kind is K.DEFINITION):
            self._add(line.text, line.number)
            return
        if current.fresh:
            self._first_text(current, line, merge=True)
            return
        clause = self._start(self._next(self._definitions()), line, None, True)
        if clause:
            self._first_text(clause, line, merge=False)

    def _term_row(self, index: int, title: str) -> bool:
        """Whether a short line in a definitions section is a term over its meaning, as a
        table of definitions reads once copied: right under the row before, and not the
        name of the next section."""
        current, before = self.current, self.lines[index - 1] if index else None
        return (
            current is not None
            and current.draft.kind is K.DEFINITION
            and before is not None
            and before.kind not in ("blank", "break")
            and infer_kind(title, None) not in _SECTIONS
        )

    def _term_line(self, line: Line) -> None:
        clause = self._start(self._next(self._definitions()), line, None, True)
        if clause:
            clause.line_term = line.text
            self._settle(clause)

    def _definitions(self) -> str:
        """The section that definitions are numbered under: the one the current clause is
        in, above its items and definitions."""
        self.listing = None
        section = self.current
        while section and ("(" in section.draft.ref or section.draft.term):
            section = self.by_ref.get(section.draft.parent_ref or "")
        return section.draft.ref if section else self.scope

    def _stands_alone(self, index: int) -> bool:
        """Whether a short line in title case is a heading: it starts a paragraph (or comes
        right after a heading, or after a sentence that ended), and what follows does not
        continue it. Before the first clause, only a section's name ("Purpose") is one."""
        line, after = self.lines[index], self.following[index]
        if after is None or (after.kind == "text" and after.text[:1].islower()):
            return False
        if self.current is None and infer_kind(line.text, None) is K.OTHER:
            return False
        before = self.lines[index - 1] if index else None
        if before is None or before.kind in ("blank", "break") or self._bare(self.current):
            return True
        words = before.rest if before.kind in ("numbered", "item") else before.text
        return before.kind in ("text", "definition", "numbered", "item") and (
            words.rstrip()[-1:] in (".", "!", "?")
        )

    def _caption(self, index: int, line: Line) -> None:
        """An unnumbered heading: ALL CAPS or a short line in title case in plain text, a
        bold line in Markdown, or an appendix's name. Its number follows the others."""
        if line.appendix:
            self._appendix(index, line, 1)
            return
        title = line.rest if line.kind == "caption" else line.text
        if self.scope and _BACK_MATTER.search(title):  # the appendix has ended
            self.scope = ""
        if line.kind == "text" and self._term_row(index, title):
            self._term_line(line)  # a table of definitions: the term, then its meaning
            return
        if line.number in self.nested:
            ref, level = self._nested(line), (self.caption_level or 1) + 1
            if ref is None:  # every number it could take is used: it reads as text
                self._add(line.text, line.number)
                return
            self.sub = (ref.rpartition(".")[0], level)  # and the headings after it join it
        else:
            parent, level = self._caption_parent(title)
            ref = self._next(parent)
        self.listing = None
        self.headings = [(lv, r) for lv, r in self.headings if lv < level] + [(level, ref)]
        clause = self._start(ref, line, title=title, generated=True)
        if clause:
            clause.movable = True

    def _caption_parent(self, title: str) -> tuple[str, int]:
        """Under the heading it comes right after ("4. ROLES" over "COUNCIL"), and so are the
        headings after it that name no section of their own; otherwise at the level of the
        document's unnumbered headings."""
        current = self.current
        if current is not None and self._bare(current):
            ref = current.draft.ref
            if self.headings and self.headings[-1][1] == ref:
                level = self.headings[-1][0] + 1
            else:
                level = (self.caption_level or 1) + 1
            self.sub = (ref, level)
            return self.sub
        if self.sub and infer_kind(title, None) is K.OTHER:
            return self.sub
        self.sub = None
        if self.caption_level is None:
            self.caption_level = self.headings[-1][0] + 1 if self.headings else 1
        level = self.caption_level
        above = [ref for lv, ref in self.headings if lv < level]
        return (above[-1] if above else self.scope), level

    def _bare(self, clause: _Clause | None) -> bool:
        """A heading with nothing under it yet."""
        return (
            clause is not None
            and bool(self.clauses)
            and clause is self.clauses[-1]
            and clause.draft.title is not None
            and "(" not in clause.draft.ref
            and not any(clause.paragraphs)
        )

    def _nested(self, line: Line) -> str | None:
        """The number of a heading whose number in order the document writes later (an
        unnumbered heading in section 4 is not section 5 when section 5 follows): the next
        one within the section it is in, or deeper each time that number is taken too."""
        if self.anchor is None:
            return None
        refs = [self.anchor.draft.ref, *ancestors(self.anchor.draft.ref)]
        scope = f"{self.scope}." if self.scope else ""
        within = [ref for ref in reversed(refs) if ref in self.by_ref and ref.startswith(scope)]
        depth = self.nested[line.number]
        return self._next(within[depth - 1]) if depth <= len(within) else None

    def _appendix(self, index: int, line: Line, level: int) -> None:
        """An appendix ("Schedule A - Terms of Use") is a clause after the others; when its
        numbering starts again at 1, its clauses are numbered under it (1. is 11.1)."""
        self.scope, self.sub, self.listing = "", None, None
        if self.caption_level is None:  # the headings after it stand beside it
            self.caption_level = level
        ref = self._next("")
        self.headings = [(lv, r) for lv, r in self.headings if lv < level] + [(level, ref)]
        clause = self._start(ref, line, title=line.rest or None, generated=True)
        if clause is None:
            return
        first = self.next_number[index]
        label = first.label if first and not first.appendix else None
        if label and int(label.split(".")[0]) <= self.highest.get("", 0):
            self.scope, self.scope_level = ref, level

    def _scoped(self, label: str) -> str:
        return f"{self.scope}.{label}" if self.scope else label

    def _first_text(self, clause: _Clause, line: Line, merge: bool) -> None:
        definition = line.quoted or clause.draft.kind is K.DEFINITION
        if not (clause.fresh and line.term and definition):
            self._add(line.rest, line.number)
            return
        if merge and line.annotation is not None:  # "Town" means ... {topics=...} under "## 3.1"
            extra = self._annotation(line)
            for key in sorted(extra.keys & clause.annotation.keys):
                self._issue(line, f"The clause already gives {key}.")
            for key in extra.keys - clause.annotation.keys:
                setattr(clause.annotation, key, getattr(extra, key))
            clause.annotation.keys |= extra.keys
            clause.draft.topics = clause.annotation.topics
            clause.draft.applies_to = clause.annotation.applies_to
        if len(line.term or "") > MAX_TERM:
            self._issue(line, f"A term has at most {MAX_TERM} characters.")
        clause.line_term = line.term
        self._settle(clause)
        self._add(line.rest, line.number)

    def _start(self, ref: str, line: Line, title: str | None, generated: bool) -> _Clause | None:
        if len(ref) > MAX_REF:
            self._issue(line, f"A clause number has at most {MAX_REF} characters.")
            return None
        if title and len(title) > MAX_TITLE:
            self._issue(line, f"This title is longer than {MAX_TITLE} characters.")
        annotation = self._annotation(line)
        parent = next((self.by_ref[r] for r in ancestors(ref) if r in self.by_ref), None)
        draft = ClauseDraft(
            ref=ref, text="", title=title or None, parent_ref=parent.draft.ref if parent else None,
            topics=annotation.topics, applies_to=annotation.applies_to, line=line.number,
        )  # fmt: skip
        numbered = "(" not in ref
        fresh = not title and annotation.term is None
        clause = _Clause(draft, annotation, generated, fresh)
        self._settle(clause)
        first = self.by_ref.setdefault(ref, clause)
        if first is not clause:
            if first.movable:
                self.collided.add(first.draft.line)
            where = ", where it was numbered in order" if first.generated else ""
            self._issue(
                line, f"Reference {ref} appears twice (first on line {first.draft.line}{where})."
            )
        self.clauses.append(clause)
        self.current = clause
        if numbered:
            self.anchor, self.letter, self.roman = clause, None, None
            parent_ref, _, number = ref.rpartition(".")
            self.highest[parent_ref] = max(self.highest.get(parent_ref, 0), int(number))
        return clause

    def _settle(self, clause: _Clause) -> None:
        draft = clause.draft
        parent = self.by_ref.get(draft.parent_ref or "")
        parent_draft = parent.draft if parent else None
        draft.kind, draft.term, draft.role = resolve(
            draft.title, parent_draft, clause.annotation, clause.line_term
        )

    def _annotation(self, line: Line) -> Annotation:
        annotation, problems = read_annotation(line.annotation)
        for problem in problems:
            self._issue(line, problem)
        return annotation

    def _issue(self, line: Line, message: str) -> None:
        self.issues.append(DocumentIssue(line.number, message))

    def _next(self, parent: str) -> str:
        number = self.highest.get(parent, 0) + 1
        return f"{parent}.{number}" if parent else str(number)

    def _add(self, text: str, number: int, row: bool = False) -> None:
        if self.current:
            self.current.fresh = False
        elif not self.preamble_line:
            self.preamble_line = number
        rows = (self.current.paragraphs if self.current else self.preamble)[-1]
        if row or not rows or text.startswith(("- ", "|")):
            rows.append([text])
        else:
            _continue(rows[-1], text)


def _without_zeros(label: str) -> str:
    """ "1.0" -> "1", "2.0.0" -> "2"."""
    end = len(label)
    while end > 2 and label[end - 2 : end] == ".0":
        end -= 2
    return label[:end]


def _next_letter(label: str) -> str | None:
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1] and label != "zz":  # (aa), (bb), (cc)
        return chr(ord(label[0]) + 1) * 2
    return chr(ord(label) + 1) if len(label) == 1 else None


# Words whose hyphen stays when a line breaks after it: "by-" / "law" is a by-law.
_PREFIXES = frozenset(
    re.findall(
        r"\w+",
        "all anti by co council county cross e ex full half high low multi non part self short "
        "third town city village user well",
    )
)


def _continue(row: list[str], text: str) -> None:
    """A wrapped line joined to the one before it; a word broken at the end of that line
    ("accord-" over "ing") is whole again."""
    last = row[-1]
    start = len(last) - 1  # of the letters before the hyphen
    while start > 0 and last[start - 1].isalpha():
        start -= 1
    if last[-1:] in HYPHENS and text[:1].islower() and start < len(last) - 1:
        if last[-1] != "-" or last[start:-1].lower() not in _PREFIXES:
            row[-1] = last[:-1]
        row.append(text)
    else:
        row.append(f" {text}")


def _join(paragraphs: list[list[list[str]]]) -> str:
    return "\n\n".join("\n".join("".join(row) for row in rows) for rows in paragraphs if rows)


# Reading a document -----------------------------------------------------------------------

# Control characters have no place in a policy and confuse YAML; the line breaks among them
# (form feeds from word processors, U+2028) already ended lines.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


_READINGS = 5


def parse_document(text: str, *, markdown: bool = True) -> PolicyDocument:
    """Reads a policy as published (Markdown, or plain text when markdown=False); raises
    DocumentInvalid with every problem found, each with its line."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DocumentInvalid([DocumentIssue(1, "The document is empty.")])
    raw_lines = _FORM_FEED.sub("", text).splitlines()
    issues: list[DocumentIssue] = []
    for number, raw in enumerate(raw_lines, start=1):
        if found := _FORBIDDEN.search(raw):
            message = f"This line contains a control character (U+{ord(found[0]):04X}); remove it."
            issues.append(DocumentIssue(number, message))
    metadata, start = _front_matter(raw_lines, issues)
    if start is None:
        raise DocumentInvalid(issues)
    classified = []
    for number, raw in enumerate(raw_lines[start:], start=start + 1):
        if len(raw) > MAX_LINE:
            message = f"This line is longer than {MAX_LINE} characters; break it into paragraphs."
            issues.append(DocumentIssue(number, message))
            raw = ""
        if not markdown:  # spaces that lined up a PDF's columns are not the author's
            raw = " ".join(raw.translate(_LIGATURES).split())
        classified.append(classify(number, raw, markdown))
    lines, running = _without_furniture(classified)
    lines = _setext(lines) if markdown else _continued_titles(lines)
    header = _header(lines)
    header_title = next((v for k, v in header.items() if _TITLE_KEY.fullmatch(k) and v), None)
    body = _take_title(lines, metadata, markdown, issues, header_title is not None)
    # An unnumbered heading that took a number the document writes later is numbered within
    # its section in another reading; each reading can find more.
    nested: dict[int, int] = {}
    for _ in range(_READINGS):
        reader = _Reader(body, nested)
        reader.read()
        if not reader.collided:
            break
        nested = {
            line: nested.get(line, 0) + (line in reader.collided)
            for line in {*nested, *reader.collided}
        }
    issues += reader.issues
    summary = _join(reader.preamble)
    if summary and metadata.summary:
        message = "This text comes before the first clause, and the front matter has a summary."
        issues.append(DocumentIssue(reader.preamble_line, message))
    metadata.summary = metadata.summary or summary or None
    if metadata.title is None:
        metadata.title = (header_title or running or "")[:MAX_TITLE] or None
    if metadata.effective_from is None:
        effective = (v for k, v in header.items() if "effective" in k or "in force" in k)
        metadata.effective_from = next((d for v in effective if (d := _date(v))), None)
    if not reader.clauses:
        first = body[0].number if body else 1
        message = "The document has no clauses: number them (1., 1.1, ...) or give them headings."
        issues.append(DocumentIssue(first, message))
    if issues:
        raise DocumentInvalid(issues)
    for clause in reader.clauses:
        clause.draft.text = _join(clause.paragraphs)
    return PolicyDocument(metadata, [clause.draft for clause in reader.clauses])


def _take_title(
    lines: list[Line],
    metadata: DocumentMetadata,
    markdown: bool,
    issues: list[DocumentIssue],
    header_title: bool,
) -> list[Line]:
    """The lines without the document's title: in Markdown, the first heading when it is a
    level-1 heading without a number; in plain text, the ALL-CAPS lines it opens with, or
    else (without a "Title:" in its header) a short line on its own. When the front matter
    gives another title, these are sections."""
    found: list[Line] = []
    if markdown:
        first = next((line for line in lines if line.kind in ("heading", "numbered")), None)
        if first and first.kind == "heading" and first.level == 1 and not first.label:
            found = [first] if first.rest else []
        elif (bold := next((line for line in lines if line.kind != "blank"), None)) and (
            bold.kind == "caption" and not bold.appendix and _names_no_section(bold.rest)
        ):
            found = [bold]  # a bold line first, as word processors export a document's title
    else:
        found = _caps_title(lines) or ([] if header_title else _line_title(lines))
    title = " ".join(line.rest or line.text for line in found)
    if not found or metadata.title not in (None, title):
        return lines
    for line in found:
        if line.annotation and line.annotation.strip():
            message = "The document's title cannot have an annotation."
            issues.append(DocumentIssue(line.number, message))
    if len(title) > MAX_TITLE:
        message = f"A title has at most {MAX_TITLE} characters."
        issues.append(DocumentIssue(found[0].number, message))
    metadata.title = title
    taken = {line.number for line in found}
    return [line for line in lines if line.number not in taken]


def _caps_title(lines: list[Line]) -> list[Line]:
    """The ALL-CAPS lines a plain-text document opens with; past a blank line, only those
    that stand alone and name no section ("SOCIAL MEDIA POLICY", not "PURPOSE")."""
    found: list[Line] = []
    for index, line in enumerate(lines):
        if line.kind == "blank":
            continue
        if line.kind != "caption" or not line.caps or line.field is not None:
            break
        if not _names_no_section(line.rest):
            break
        if found and lines[index - 1].kind == "blank":
            after = lines[index + 1] if index + 1 < len(lines) else None
            if after and after.kind != "blank":
                break
        found.append(line)
    return found


def _names_no_section(title: str) -> bool:
    """A document's title names the policy ("SOCIAL MEDIA AND ONLINE ENGAGEMENT POLICY"),
    not a section ("PURPOSE", "POLICY STATEMENT")."""
    if _STATEMENT.search(title):
        return False
    return bool(_POLICY.search(title)) or infer_kind(title, None) is K.OTHER


_POLICY = re.compile(r"\b(?:polic(?:y|ies)|by-?laws?)\b", re.IGNORECASE)
_STATEMENT = re.compile(r"\bstatement\b", re.IGNORECASE)


def _line_title(lines: list[Line]) -> list[Line]:
    """A plain-text document's first line, when it is short, does not name a section, and
    stands alone or heads the header block or the first section."""
    index = next((i for i, line in enumerate(lines) if line.kind != "blank"), None)
    if index is None:
        return []
    line = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else None
    text = line.text
    if (
        line.kind != "text"
        or line.bullet
        or line.field is not None
        or len(text.split()) > 12
        or text[-1] in ".;:,!?"
        or not _names_no_section(text)
    ):
        return []
    if after is None or after.kind == "blank" or after.field is not None:
        return [line]
    heading = after.kind in ("caption", "numbered") or after.heading_like
    return [line] if heading and infer_kind(after.rest or after.text, None) is not K.OTHER else []
