"""Screening an export (``civic-social screen FILE``): a year of comments or drafts from a
CSV or JSON Lines file, through the engine in this process at its own speed, one verdict per
line of the output. Nothing is stored in the database: this is a review, not a record.

Memory stays flat: records are read, screened and written one at a time. An interrupted run
(Ctrl-C, a killed process) is resumed by running the same command again: the output says
which rows are done, a half-written last line is dropped, and the rows after it follow."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from app.core.db import utcnow
from app.screening.engine.vocabulary import ContentKind
from app.screening.engines import EngineCache
from app.screening.service import RulesetsByDay, engine_verdict, finding_view

# csv's default field limit (128 KiB) is below what an export of long texts can hold.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class BulkInputError(ValueError):
    """The file cannot be screened as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Which columns (CSV) or keys (JSON Lines) hold what."""

    text: str = "text"
    id: str | None = None
    kind: str | None = None
    at: str | None = None


@dataclass
class BulkSummary:
    rows: int = 0
    resumed_after: int = 0
    errors: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return (self.rows - self.resumed_after) / self.seconds if self.seconds else 0.0


class _CountingReader(io.RawIOBase):
    """The raw file, counting the bytes read: progress by position, without a first pass
    over the file to count its records."""

    def __init__(self, raw: IO[bytes], on_read: Any) -> None:
        self.raw, self.on_read = raw, on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self.on_read(n)
        return int(n or 0)


def _records(text: IO[str], fmt: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number from 1, record) in file order."""
    if fmt == "csv":
        for number, row in enumerate(csv.DictReader(text), start=1):
            yield number, row
        return
    for number, line in enumerate(text, start=1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            record = {"__error__": f"not JSON: {exc.msg}"}
        yield number, record if isinstance(record, dict) else {"__error__": "not an object"}


def _check_header(source: Path, columns: Columns) -> None:
    with source.open(encoding="utf-8-sig", newline="") as text:
        fieldnames = csv.DictReader(text).fieldnames or []
    missing = {c for c in (columns.text, columns.id, columns.kind, columns.at) if c}
    missing -= set(fieldnames)
    if missing:
        raise BulkInputError(
            f"the file has no column {', '.join(sorted(missing))} "
            f"(its columns: {', '.join(fieldnames) or 'none'})"
        )


def completed_rows(out_path: Path) -> tuple[int, Any]:
    """How many rows an earlier run finished, and the id of the last, dropping a
    half-written last line."""
    if not out_path.exists():
        return 0, None
    with out_path.open("rb+") as out:
        data = out.read()
        end = data.rfind(b"\n") + 1
        if end != len(data):  # the run stopped mid-line
            out.truncate(end)
    lines = data[:end].splitlines()
    if not lines:
        return 0, None
    try:
        last = json.loads(lines[-1])
    except json.JSONDecodeError as exc:
        raise BulkInputError(f"{out_path} is not an output of this command") from exc
    if not isinstance(last, dict) or last.get("row") != len(lines):
        raise BulkInputError(f"{out_path} is not an output of this command")
    return len(lines), last.get("id")


def _when(record: dict[str, Any], columns: Columns, now: dt.datetime) -> dt.datetime:
    value = record.get(columns.at) if columns.at else None
    if not value:
        return now
    at = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


class BulkScreener:
    """The verdict on each row, under the ruleset in force on its publication day."""

    def __init__(self, session: Session, engines: EngineCache) -> None:
        self.rulesets = RulesetsByDay(session, engines)

    def verdict(self, text: str, kind: ContentKind, at: dt.datetime) -> dict[str, Any]:
        compiled = self.rulesets.on(at)
        verdict = engine_verdict(compiled, at, text, kind)
        return {
            "decision": verdict.decision.value,
            "categories": sorted({f.category.value for f in verdict.findings}),
            "findings": [finding_view(f, compiled) for f in verdict.findings],
            "risk_flags": list(verdict.risk_flags),
            "redacted_text": verdict.redacted_text,
            "ruleset_version": compiled.ruleset_version,
        }


def _result(
    screener: BulkScreener,
    number: int,
    record: dict[str, Any],
    columns: Columns,
    default_kind: ContentKind,
    now: dt.datetime,
    max_length: int,
) -> dict[str, Any]:
    head: dict[str, Any] = {"row": number}
    if columns.id:
        head["id"] = record.get(columns.id)
    if "__error__" in record:
        return {**head, "error": record["__error__"]}
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        return {**head, "error": f"no text in {columns.text!r}"}
    if len(text) > max_length:
        return {**head, "error": f"the text is longer than {max_length} characters"}
    try:
        kind = ContentKind(record[columns.kind]) if columns.kind else default_kind
        at = _when(record, columns, now)
    except (KeyError, ValueError) as exc:
        return {**head, "error": f"unreadable kind or date: {exc}"}
    return {**head, "kind": kind.value, "at": at.isoformat(), **screener.verdict(text, kind, at)}


def screen_file(
    session: Session,
    engines: EngineCache,
    source: Path,
    out_path: Path,
    *,
    columns: Columns,
    fmt: str,
    default_kind: ContentKind = ContentKind.COMMENT,
    progress: bool = True,
) -> BulkSummary:
    """Screen every record of ``source`` into ``out_path`` (JSON Lines), resuming after the
    rows an earlier run finished."""
    from tqdm import tqdm

    if fmt == "csv":
        _check_header(source, columns)
    summary = BulkSummary()
    done, last_id = completed_rows(out_path)
    summary.resumed_after = done
    screener = BulkScreener(session, engines)
    now = utcnow()
    started = time.monotonic()
    size = source.stat().st_size
    with (
        tqdm(total=size, unit="B", unit_scale=True, disable=not progress, smoothing=0.1) as bar,
        source.open("rb", buffering=0) as raw,
        out_path.open("a", encoding="utf-8") as out,
    ):
        counted = io.BufferedReader(_CountingReader(raw, bar.update), buffer_size=1 << 16)
        text = io.TextIOWrapper(counted, encoding="utf-8-sig", newline="")
        try:
            for number, record in _records(text, fmt):
                summary.rows = number
                if number < done:
                    continue
                if number == done:
                    if columns.id and record.get(columns.id) != last_id:
                        raise BulkInputError(
                            f"{out_path} was written for another file (row {done} there is "
                            f"{last_id!r}, here {record.get(columns.id)!r}): name another "
                            "--output or remove it"
                        )
                    continue
                result = _result(
                    screener, number, record, columns, default_kind, now,
                    engines.settings.max_text_length,
                )  # fmt: skip
                if "error" in result:
                    summary.errors += 1
                else:
                    summary.decisions[result["decision"]] += 1
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                if number % 1000 == 0:
                    bar.set_postfix(rows=number, refresh=False)
                    out.flush()
        finally:
            out.flush()
            os.fsync(out.fileno())
            summary.seconds = time.monotonic() - started
    return summary
