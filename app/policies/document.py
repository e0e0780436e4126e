"""Policy documents as cities publish them, read into clauses. The format is described for
users in docs/policy-documents.md; the syntax of a line and the writer are in
document_render.py.

Each line is classified on its own first (what it could be); the reader then decides what it
is from its surroundings: which section it is in, what came before, what comes next."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import ComposerError

from app.policies.document_render import (
    MAX_LINE,
    MAX_TERM,
    MAX_TITLE,
    Annotation,
    Line,
    ancestors,
    classify,
    infer_kind,
    infer_role,
    read_annotation,
    render_markdown,
    resolve,
    roman_value,
    unwrap,
)
from app.policies.vocabulary import ClauseDraft, ClauseKind

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


# The reader -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    draft: ClauseDraft
    annotation: Annotation
    generated: bool
    # A numbered clause with neither title, term nor text yet: a "Term means ..." line that
    # follows states its term instead of starting a clause of its own.
    fresh: bool
    line_term: str | None = None
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])


class _Reader:
    def __init__(self, lines: list[Line], issues: list[DocumentIssue]) -> None:
        self.lines = lines
        self.issues = issues
        self.clauses: list[_Clause] = []
        self.by_ref: dict[str, _Clause] = {}
        self.current: _Clause | None = None  # where text goes
        self.anchor: _Clause | None = None  # the numbered clause that items belong to
        self.letter: tuple[str, str] | None = None  # the last letter item: label, ref
        self.roman: tuple[str, str] | None = None  # the last roman item: label, parent ref
        self.headings: list[tuple[int, str]] = []  # open Markdown headings: level, ref
        self.highest: dict[str, int] = {}  # parent ref ("" at the top) -> highest number under it
        self.listing: tuple[str, int] | None = None  # an ordered list: parent ref, last number
        self.preamble: list[list[str]] = [[]]
        self.preamble_line = 0
        # The next non-blank line after each line, for titles ("1. Purpose" followed by text).
        self.following: list[Line | None] = [None] * len(lines)
        for index in range(len(lines) - 2, -1, -1):
            after = lines[index + 1]
            self.following[index] = self.following[index + 1] if after.kind == "blank" else after

    def read(self) -> None:
        for index, line in enumerate(self.lines):
            if line.kind in ("blank", "break"):
                paragraphs = self.current.paragraphs if self.current else self.preamble
                if paragraphs[-1]:
                    paragraphs.append([])
            elif line.kind == "heading":
                self._heading(line)
            elif line.kind == "numbered":
                self._numbered(index, line)
            elif line.kind == "item":
                self._item(line)
            elif line.kind == "definition":
                self._definition(line)
            elif line.kind == "caps":
                self.listing = None
                self._start(self._next(""), line, title=line.rest, generated=True)
            else:
                self._add(line.text, line.number)
            if len(self.clauses) > MAX_CLAUSES:
                self._issue(line, f"The document has more than {MAX_CLAUSES} clauses; split it.")
                return

    def _heading(self, line: Line) -> None:
        while self.headings and self.headings[-1][0] >= line.level:
            self.headings.pop()
        parent = self.headings[-1][1] if self.headings else ""
        ref = line.label or self._next(parent)
        self.headings.append((line.level, ref))
        self.listing = None
        self._start(ref, line, title=line.rest or None, generated=line.label is None)

    def _numbered(self, index: int, line: Line) -> None:
        ref = line.label or ""
        titled = self._title_like(index)
        if "." in ref or line.worded or self.anchor is None:
            self.listing = None
        else:  # "2." may be the next section, or the next item of a list in this one
            number, listing = int(ref), self.listing
            next_section = number == self.highest.get("", 0) + 1
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
        a lead-in ("Employees must:"), and followed by the clause's text or parts (not by the
        next item of a list, nor by the rest of a wrapped sentence)."""
        line, after = self.lines[index], self.following[index]
        words = line.rest.split()
        if not words or len(words) > 10 or line.term or line.rest.endswith((".", ";", ",", ":")):
            return False
        if after is None or after.kind in ("heading", "caps", "break"):
            return False
        if after.kind == "numbered":
            label = after.label or ""
            return label.startswith(f"{line.label}.") or (label == "1" and not after.worded)
        return not (after.kind == "text" and after.text[:1].islower())  # a wrapped sentence

    def _item(self, line: Line) -> None:
        label = line.label or ""
        if self.anchor is None:
            self._issue(line, f"Item ({label}) comes before any numbered clause.")
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
            self._add(line.rest, line.number)

    def _definition(self, line: Line) -> None:
        current = self.current
        if current is None or not (line.quoted or current.draft.kind is ClauseKind.DEFINITION):
            self._add(line.text, line.number)
            return
        if current.fresh:
            self._first_text(current, line, merge=True)
            return
        section: _Clause | None = current  # definitions are numbered under their section
        while section and ("(" in section.draft.ref or section.draft.term):
            section = self.by_ref.get(section.draft.parent_ref or "")
        self.listing = None
        clause = self._start(self._next(section.draft.ref if section else ""), line, None, True)
        if clause:
            self._first_text(clause, line, merge=False)

    def _first_text(self, clause: _Clause, line: Line, merge: bool) -> None:
        definition = line.quoted or clause.draft.kind is ClauseKind.DEFINITION
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
        fresh = numbered and not title and annotation.term is None
        clause = _Clause(draft, annotation, generated, fresh)
        self._settle(clause)
        first = self.by_ref.setdefault(ref, clause)
        if first is not clause:
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

    def _add(self, text: str, number: int) -> None:
        if self.current:
            self.current.fresh = False
        elif not self.preamble_line:
            self.preamble_line = number
        (self.current.paragraphs if self.current else self.preamble)[-1].append(text)


def _next_letter(label: str) -> str | None:
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1] and label != "zz":  # (aa), (bb), (cc)
        return chr(ord(label[0]) + 1) * 2
    return chr(ord(label) + 1) if len(label) == 1 else None


def _join(paragraphs: list[list[str]]) -> str:
    """Wrapped lines of a paragraph joined by a space; list items each on a line of its own."""
    joined = []
    for lines in paragraphs:
        if lines:
            parts = [lines[0]]
            for line in lines[1:]:
                parts += ["\n" if line.startswith("- ") else " ", line]
            joined.append("".join(parts))
    return "\n\n".join(joined)


# Reading a document -----------------------------------------------------------------------

# Control characters have no place in a policy and confuse YAML; the line breaks among them
# (form feeds from word processors, U+2028) already ended lines.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def parse_document(text: str, *, markdown: bool = True) -> PolicyDocument:
    """Reads a policy as published (Markdown, or plain text when markdown=False); raises
    DocumentInvalid with every problem found, each with its line."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DocumentInvalid([DocumentIssue(1, "The document is empty.")])
    raw_lines = text.splitlines()
    issues: list[DocumentIssue] = []
    for number, raw in enumerate(raw_lines, start=1):
        if found := _FORBIDDEN.search(raw):
            message = f"This line contains a control character (U+{ord(found[0]):04X}); remove it."
            issues.append(DocumentIssue(number, message))
    metadata, start = _front_matter(raw_lines, issues)
    if start is None:
        raise DocumentInvalid(issues)
    lines = []
    for number, raw in enumerate(raw_lines[start:], start=start + 1):
        if len(raw) > MAX_LINE:
            message = f"This line is longer than {MAX_LINE} characters; break it into paragraphs."
            issues.append(DocumentIssue(number, message))
            raw = ""
        lines.append(classify(number, raw, markdown))
    body = _take_title(lines, metadata, markdown, issues)
    reader = _Reader(body, issues)
    reader.read()
    summary = _join(reader.preamble)
    if summary and metadata.summary:
        message = "This text comes before the first clause, and the front matter has a summary."
        issues.append(DocumentIssue(reader.preamble_line, message))
    metadata.summary = metadata.summary or summary or None
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
    lines: list[Line], metadata: DocumentMetadata, markdown: bool, issues: list[DocumentIssue]
) -> list[Line]:
    """The lines without the document's title: in Markdown, the first heading when it is a
    level-1 heading without a number; in plain text, the ALL-CAPS lines it opens with. When
    the front matter gives another title, these are sections."""
    found: list[Line] = []
    if markdown:
        first = next((line for line in lines if line.kind in ("heading", "numbered")), None)
        if first and first.kind == "heading" and first.level == 1 and not first.label:
            found = [first] if first.rest else []
    else:
        start = next((i for i, line in enumerate(lines) if line.kind != "blank"), len(lines))
        for line in lines[start:]:
            if line.kind != "caps":
                break
            found.append(line)
    title = " ".join(line.rest for line in found)
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
