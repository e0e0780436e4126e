"""Comments as town records: legal holds, the purge of records whose retention has ended, and
the export a public-records request asks for."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.accounts import service as accounts
from app.accounts.errors import AccountNotFound
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import Database, utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.moderation import repository
from app.moderation.errors import (
    LegalHoldInvalid,
    LegalHoldNotFound,
    LegalHoldReleased,
    PeriodInvalid,
)
from app.moderation.ledger import author_key
from app.moderation.models import Comment, LegalHold
from app.moderation.rules import ModerationRules
from app.moderation.schemas import LegalHoldCreate, LegalHoldRead, PurgeResult
from app.moderation.views import action_read
from app.screening import service as screening

# Legal holds ------------------------------------------------------------------------------


def _hold_view(hold: LegalHold) -> dict[str, Any]:
    return LegalHoldRead.model_validate(hold).model_dump(mode="json")


def get_hold(session: Session, hold_id: uuid.UUID, *, lock: bool = False) -> LegalHold:
    hold = repository.get_hold(session, hold_id, lock=lock)
    if hold is None:
        raise LegalHoldNotFound(f"No legal hold has id {hold_id}.")
    return hold


def list_holds(
    session: Session, params: PageParams, *, active: bool | None
) -> tuple[Sequence[LegalHold], int]:
    return repository.list_holds(
        session, active=active, offset=params.offset, limit=params.page_size
    )


def place_hold(session: Session, actor: Actor, data: LegalHoldCreate) -> LegalHold:
    """Keep every comment the hold covers, whatever its retention, until it is released."""
    if data.posted_from and data.posted_to and data.posted_from > data.posted_to:
        raise PeriodInvalid("posted_to is before posted_from.")
    if data.account_id is not None:
        try:
            accounts.get_account_for_system(session, data.account_id)
        except AccountNotFound as exc:
            raise LegalHoldInvalid(f"No account has id {data.account_id}.") from exc
    hold = LegalHold(
        id=uuid.uuid4(),
        reference=data.reference,
        reason=data.reason,
        account_id=data.account_id,
        author_handle=data.author_handle,
        author_key=author_key(data.author_handle) if data.author_handle else None,
        posted_from=data.posted_from,
        posted_to=data.posted_to,
        placed_by=actor.name,
        placed_at=utcnow(),
    )
    repository.add(session, hold)
    audit.record(session, actor, "legal_hold.placed", "legal_hold", hold.id, after=_hold_view(hold))
    return hold


def release_hold(
    session: Session, actor: Actor, hold_id: uuid.UUID, reason: str, expected_version: int
) -> LegalHold:
    hold = get_hold(session, hold_id, lock=True)
    check_version(hold.version, expected_version)
    if hold.released_at is not None:
        raise LegalHoldReleased(f"Legal hold {hold.reference} was released on {hold.released_at}.")
    before = _hold_view(hold)
    hold.released_at = utcnow()
    hold.released_by = actor.name
    hold.release_reason = reason
    session.flush()
    audit.record(
        session,
        actor,
        "legal_hold.released",
        "legal_hold",
        hold.id,
        before=before,
        after=_hold_view(hold),
    )
    return hold


# Purge ------------------------------------------------------------------------------------


def purge(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    *,
    on: dt.date | None = None,
    dry_run: bool = False,
) -> PurgeResult:
    """Remove the comments whose retention ended before ``on`` (the town's today), with their
    actions, appeals and screenings, unless a legal hold, an open appeal or a block in
    effect still needs them. Each removal is audited; the text is not kept anywhere."""
    on = on or rules.town_date()
    expired = set(repository.expired_comment_ids(session, on))
    held: set[uuid.UUID] = set()
    for hold in repository.active_holds(session):
        held |= repository.comment_ids_matching(
            session, expired - held, repository.held_condition(hold, rules.day_start)
        )
    needed = repository.comments_still_needed(session, expired - held)
    doomed = sorted(expired - held - needed)
    if doomed and not dry_run:
        comments = repository.comments_by_ids(session, doomed)
        counts = repository.action_counts(session, doomed)
        for comment in comments:
            audit.record(
                session,
                actor,
                "comment.purged",
                "comment",
                comment.id,
                before=_purged_view(comment, counts.get(comment.id, 0)),
            )
        screening_ids = repository.delete_comments(session, doomed)
        screening.delete_screenings(session, screening_ids)
    return PurgeResult(
        on=on, dry_run=dry_run, purged=doomed, kept_by_hold=len(held), kept_open=len(needed)
    )


def _purged_view(comment: Comment, actions: int) -> dict[str, Any]:
    """What the audit trail keeps of a purged comment: enough to show it existed and was
    kept as long as required, nothing of what it said."""
    return {
        "account_id": str(comment.account_id),
        "external_id": comment.external_id,
        "posted_at": comment.posted_at.isoformat(),
        "status": comment.status,
        "retention_class": comment.retention_class,
        "retain_until": comment.retain_until.isoformat(),
        "actions": actions,
        "text_sha256": hashlib.sha256(comment.text.encode()).hexdigest(),
    }


# Export -----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "comment_id",
    "account_id",
    "external_id",
    "author_handle",
    "posted_at",
    "status",
    "screening_decision",
    "text",
    "action_id",
    "action",
    "reason_code",
    "clause_ref",
    "clause_title",
    "policy_version",
    "moderator_person_id",
    "acted_by",
    "acted_at",
    "note",
    "appeal_status",
    "appeal_decided_at",
    "appeal_decision_reason",
)
_EXPORT_BATCH = 500
# Spreadsheets run a cell that starts with these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _comment_record(comment: Comment, actions: list[Any], appeals: list[Any]) -> dict[str, Any]:
    return {
        "id": str(comment.id),
        "account_id": str(comment.account_id),
        "external_id": comment.external_id,
        "author_handle": comment.author_handle,
        "text": comment.text,
        "posted_at": comment.posted_at.isoformat(),
        "received_at": comment.received_at.isoformat(),
        "status": comment.status,
        "screening_decision": comment.screening_decision,
        "screening_categories": comment.screening_categories,
        "actions": [action_read(a).model_dump(mode="json") for a in actions],
        "appeals": [
            {
                "id": str(a.id),
                "action_id": str(a.action_id),
                "submitted_at": a.submitted_at.isoformat(),
                "statement": a.statement,
                "status": a.status,
                "decided_at": a.decided_at.isoformat() if a.decided_at else None,
                "decision_reason": a.decision_reason,
            }
            for a in appeals
        ],
    }


def _csv_rows(record: dict[str, Any]) -> Iterator[list[str]]:
    base = [
        record["id"],
        record["account_id"],
        record["external_id"],
        record["author_handle"],
        record["posted_at"],
        record["status"],
        record["screening_decision"],
        record["text"],
    ]
    appeals = {a["action_id"]: a for a in record["appeals"]}
    if not record["actions"]:
        yield [_csv_safe(v) for v in base] + [""] * (len(CSV_COLUMNS) - len(base))
    for action in record["actions"]:
        appeal = appeals.get(action["id"], {})
        clause = action["clause"]
        yield [
            _csv_safe(v)
            for v in (
                *base,
                action["id"],
                action["action"],
                action["reason_code"],
                clause["ref"],
                clause["title"],
                clause["version_label"],
                action["moderator_person_id"],
                action["acted_by"],
                action["acted_at"],
                action["note"],
                appeal.get("status"),
                appeal.get("decided_at"),
                appeal.get("decision_reason"),
            )
        ]


def export_records(
    session: Session,
    *,
    account_id: uuid.UUID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    format: str,
) -> Iterator[bytes]:
    """Every comment posted in the period, hidden and deleted ones included, with every action,
    reason and appeal: JSON Lines (one comment a line) or CSV (one action a row). Read in
    keyset batches so memory stays flat however long the period."""
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        yield buffer.getvalue().encode()
    after: tuple[dt.datetime, uuid.UUID] | None = None
    while True:
        batch = repository.comments_for_export(
            session, account_id=account_id, since=since, until=until, after=after,
            limit=_EXPORT_BATCH,
        )  # fmt: skip
        if not batch:
            return
        ids = [c.id for c in batch]
        actions = repository.actions_by_comment(session, ids)
        appeals = repository.appeals_by_comment(session, ids)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for comment in batch:
            record = _comment_record(comment, actions[comment.id], appeals[comment.id])
            if format == "csv":
                writer.writerows(_csv_rows(record))
            else:
                buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
        yield buffer.getvalue().encode()
        after = (batch[-1].posted_at, batch[-1].id)


def export_period(
    session: Session,
    rules: ModerationRules,
    account_id: uuid.UUID | None,
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The export's bounds as UTC instants (town dates, ``until`` inclusive), once the account
    and the period are known to make sense."""
    if account_id is not None:
        accounts.get_account_for_system(session, account_id)
    if since and until and since > until:
        raise PeriodInvalid("'to' is before 'from'.")
    return (
        rules.day_start(since) if since else None,
        rules.day_start(until + dt.timedelta(days=1)) if until else None,
    )


def export_stream(
    database: Database,
    *,
    account_id: uuid.UUID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    format: str,
) -> Iterator[bytes]:
    """``export_records`` over a session of its own that sees one snapshot: the response is
    streamed after the request's own transaction has ended."""
    with database.snapshot() as session:
        yield from export_records(
            session, account_id=account_id, since=since, until=until, format=format
        )
