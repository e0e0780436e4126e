from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, and_, delete, func, or_, select, true
from sqlalchemy.orm import Session

from app.core.db import fetch_page
from app.moderation.models import (
    Appeal,
    AppealStatus,
    AuthorBlock,
    BlockStatus,
    Comment,
    LegalHold,
    ModerationAction,
    ReasonCode,
)

Entity = ReasonCode | Comment | ModerationAction | AuthorBlock | Appeal | LegalHold


def add(session: Session, entity: Entity) -> None:
    session.add(entity)
    session.flush()


def _visible(column: Any, visible: Select[tuple[uuid.UUID]] | None) -> Any:
    return true() if visible is None else column.in_(visible)


Scoped = Comment | ModerationAction | AuthorBlock | Appeal


def _scoped_page(
    session: Session,
    model: type[Scoped],
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    filters: dict[str, Any],
    newest_first: Any,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Any], int]:
    """A page of rows of the accounts in ``visible`` (None: every account), equal to
    ``filters``, with ``newest_first`` (their time column) in [since, until)."""
    query = select(model).where(_visible(model.account_id, visible))
    for name, value in filters.items():
        query = query.where(getattr(model, name) == value)
    if since is not None:
        query = query.where(newest_first >= since)
    if until is not None:
        query = query.where(newest_first < until)
    return fetch_page(session, query, newest_first.desc(), model.id, offset=offset, limit=limit)


# Reason codes -----------------------------------------------------------------------------


def get_reason_code(session: Session, code: str, *, lock: bool = False) -> ReasonCode | None:
    query = select(ReasonCode).where(ReasonCode.code == code)
    return session.scalars(query.with_for_update() if lock else query).first()


def list_reason_codes(
    session: Session, *, include_retired: bool, offset: int, limit: int
) -> tuple[Sequence[ReasonCode], int]:
    query = select(ReasonCode)
    if not include_retired:
        query = query.where(ReasonCode.retired_at.is_(None))
    return fetch_page(session, query, ReasonCode.code, offset=offset, limit=limit)


# Comments ---------------------------------------------------------------------------------


def get_comment(session: Session, comment_id: uuid.UUID, *, lock: bool = False) -> Comment | None:
    if lock:
        return session.scalars(
            select(Comment).where(Comment.id == comment_id).with_for_update()
        ).first()
    return session.get(Comment, comment_id)


def comment_with_external_id(
    session: Session, account_id: uuid.UUID, external_id: str
) -> Comment | None:
    return session.scalars(
        select(Comment).where(Comment.account_id == account_id, Comment.external_id == external_id)
    ).first()


def list_comments(
    session: Session,
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    filters: dict[str, Any],
    since: dt.datetime | None,
    until: dt.datetime | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Comment], int]:
    return _scoped_page(
        session, Comment, visible=visible, filters=filters, newest_first=Comment.posted_at,
        since=since, until=until, offset=offset, limit=limit,
    )  # fmt: skip


# Actions ----------------------------------------------------------------------------------


def get_action(session: Session, action_id: uuid.UUID) -> ModerationAction | None:
    return session.get(ModerationAction, action_id)


def actions_of(session: Session, comment_id: uuid.UUID) -> Sequence[ModerationAction]:
    return session.scalars(
        select(ModerationAction)
        .where(ModerationAction.comment_id == comment_id)
        .order_by(ModerationAction.acted_at, ModerationAction.id)
    ).all()


def list_actions(
    session: Session,
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    filters: dict[str, Any],
    since: dt.datetime | None,
    until: dt.datetime | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[ModerationAction], int]:
    return _scoped_page(
        session, ModerationAction, visible=visible, filters=filters,
        newest_first=ModerationAction.acted_at, since=since, until=until, offset=offset,
        limit=limit,
    )  # fmt: skip


# Blocks -----------------------------------------------------------------------------------


def get_block(session: Session, block_id: uuid.UUID, *, lock: bool = False) -> AuthorBlock | None:
    if lock:
        return session.scalars(
            select(AuthorBlock).where(AuthorBlock.id == block_id).with_for_update()
        ).first()
    return session.get(AuthorBlock, block_id)


def open_block(session: Session, account_id: uuid.UUID, author_key: str) -> AuthorBlock | None:
    """The pending or active block of this author on this account, if any."""
    return session.scalars(
        select(AuthorBlock).where(
            AuthorBlock.account_id == account_id,
            AuthorBlock.author_key == author_key,
            AuthorBlock.status.in_((BlockStatus.PENDING, BlockStatus.ACTIVE)),
        )
    ).first()


def block_requested_by(session: Session, action_id: uuid.UUID) -> AuthorBlock | None:
    return session.scalars(
        select(AuthorBlock).where(AuthorBlock.requested_action_id == action_id)
    ).first()


def list_blocks(
    session: Session,
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    filters: dict[str, Any],
    offset: int,
    limit: int,
) -> tuple[Sequence[AuthorBlock], int]:
    return _scoped_page(
        session, AuthorBlock, visible=visible, filters=filters,
        newest_first=AuthorBlock.requested_at, offset=offset, limit=limit,
    )  # fmt: skip


# Appeals ----------------------------------------------------------------------------------


def get_appeal(session: Session, appeal_id: uuid.UUID, *, lock: bool = False) -> Appeal | None:
    if lock:
        return session.scalars(
            select(Appeal).where(Appeal.id == appeal_id).with_for_update()
        ).first()
    return session.get(Appeal, appeal_id)


def appeal_of_action(session: Session, action_id: uuid.UUID) -> Appeal | None:
    return session.scalars(select(Appeal).where(Appeal.action_id == action_id)).first()


def appeals_of(session: Session, comment_id: uuid.UUID) -> Sequence[Appeal]:
    return session.scalars(
        select(Appeal).where(Appeal.comment_id == comment_id).order_by(Appeal.submitted_at)
    ).all()


def list_appeals(
    session: Session,
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    filters: dict[str, Any],
    offset: int,
    limit: int,
) -> tuple[Sequence[Appeal], int]:
    return _scoped_page(
        session, Appeal, visible=visible, filters=filters, newest_first=Appeal.submitted_at,
        offset=offset, limit=limit,
    )  # fmt: skip


# Legal holds ------------------------------------------------------------------------------


def get_hold(session: Session, hold_id: uuid.UUID, *, lock: bool = False) -> LegalHold | None:
    if lock:
        return session.scalars(
            select(LegalHold).where(LegalHold.id == hold_id).with_for_update()
        ).first()
    return session.get(LegalHold, hold_id)


def list_holds(
    session: Session, *, active: bool | None, offset: int, limit: int
) -> tuple[Sequence[LegalHold], int]:
    query = select(LegalHold)
    if active is not None:
        query = query.where(
            LegalHold.released_at.is_(None) if active else LegalHold.released_at.is_not(None)
        )
    return fetch_page(
        session, query, LegalHold.placed_at.desc(), LegalHold.id, offset=offset, limit=limit
    )


def active_holds(session: Session) -> Sequence[LegalHold]:
    return session.scalars(select(LegalHold).where(LegalHold.released_at.is_(None))).all()


# Retention --------------------------------------------------------------------------------


def held_condition(hold: LegalHold, day_start: Any) -> Any:
    """The comments a hold covers, as a WHERE clause. ``day_start(date)`` gives the UTC
    instant a town date begins."""
    conditions: list[Any] = []
    if hold.account_id is not None:
        conditions.append(Comment.account_id == hold.account_id)
    if hold.author_key is not None:
        conditions.append(Comment.author_key == hold.author_key)
    if hold.posted_from is not None:
        conditions.append(Comment.posted_at >= day_start(hold.posted_from))
    if hold.posted_to is not None:
        conditions.append(Comment.posted_at < day_start(hold.posted_to + dt.timedelta(days=1)))
    return and_(true(), *conditions)


def expired_comment_ids(session: Session, on: dt.date) -> list[uuid.UUID]:
    return list(session.scalars(select(Comment.id).where(Comment.retain_until < on)))


def comment_ids_matching(
    session: Session, ids: Collection[uuid.UUID], condition: Any
) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    batch = list(ids)
    for start in range(0, len(batch), 500):
        chunk = batch[start : start + 500]
        found.update(session.scalars(select(Comment.id).where(Comment.id.in_(chunk), condition)))
    return found


def comments_still_needed(session: Session, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Of these comments, those an open appeal or a pending or active block still rests on."""
    appealed = select(Appeal.comment_id).where(Appeal.status == AppealStatus.OPEN)
    blocked = (
        select(ModerationAction.comment_id)
        .join(AuthorBlock, AuthorBlock.requested_action_id == ModerationAction.id)
        .where(AuthorBlock.status.in_((BlockStatus.PENDING, BlockStatus.ACTIVE)))
    )
    return comment_ids_matching(
        session, ids, or_(Comment.id.in_(appealed), Comment.id.in_(blocked))
    )


def comments_by_ids(session: Session, ids: Collection[uuid.UUID]) -> Sequence[Comment]:
    found: list[Comment] = []
    batch = list(ids)
    for start in range(0, len(batch), 500):
        found += session.scalars(select(Comment).where(Comment.id.in_(batch[start : start + 500])))
    return found


def action_counts(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, int]:
    counts: dict[uuid.UUID, int] = {}
    batch = list(ids)
    for start in range(0, len(batch), 500):
        rows = session.execute(
            select(ModerationAction.comment_id, func.count())
            .where(ModerationAction.comment_id.in_(batch[start : start + 500]))
            .group_by(ModerationAction.comment_id)
        )
        counts.update({comment_id: count for comment_id, count in rows})
    return counts


def delete_comments(session: Session, ids: Collection[uuid.UUID]) -> list[uuid.UUID]:
    """Remove these comments with their actions, appeals and closed blocks; the ids of the
    screenings they pointed at, for their own domain to remove."""
    screening_ids: list[uuid.UUID] = []
    batch = list(ids)
    for start in range(0, len(batch), 500):
        chunk = batch[start : start + 500]
        actions = select(ModerationAction.id).where(ModerationAction.comment_id.in_(chunk))
        screening_ids += [
            s
            for s in session.scalars(select(Comment.screening_id).where(Comment.id.in_(chunk)))
            if s is not None
        ]
        session.execute(delete(Appeal).where(Appeal.comment_id.in_(chunk)))
        session.execute(
            delete(AuthorBlock).where(
                or_(
                    AuthorBlock.requested_action_id.in_(actions),
                    AuthorBlock.lifted_action_id.in_(actions),
                )
            )
        )
        session.execute(delete(ModerationAction).where(ModerationAction.comment_id.in_(chunk)))
        session.execute(delete(Comment).where(Comment.id.in_(chunk)))
    return screening_ids


# Records export and reports ---------------------------------------------------------------


def comments_for_export(
    session: Session,
    *,
    account_id: uuid.UUID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    after: tuple[dt.datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Comment]:
    """Comments in (posted_at, id) order, from just after ``after``: keyset pages that an
    export can walk without OFFSET growing with the export."""
    query = select(Comment)
    if account_id is not None:
        query = query.where(Comment.account_id == account_id)
    if since is not None:
        query = query.where(Comment.posted_at >= since)
    if until is not None:
        query = query.where(Comment.posted_at < until)
    if after is not None:
        query = query.where(
            or_(
                Comment.posted_at > after[0],
                and_(Comment.posted_at == after[0], Comment.id > after[1]),
            )
        )
    return session.scalars(query.order_by(Comment.posted_at, Comment.id).limit(limit)).all()


def actions_by_comment(
    session: Session, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[ModerationAction]]:
    grouped: dict[uuid.UUID, list[ModerationAction]] = {i: [] for i in ids}
    if ids:
        for action in session.scalars(
            select(ModerationAction)
            .where(ModerationAction.comment_id.in_(list(ids)))
            .order_by(ModerationAction.acted_at, ModerationAction.id)
        ):
            grouped[action.comment_id].append(action)
    return grouped


def appeals_by_comment(
    session: Session, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[Appeal]]:
    grouped: dict[uuid.UUID, list[Appeal]] = {i: [] for i in ids}
    if ids:
        for appeal in session.scalars(
            select(Appeal).where(Appeal.comment_id.in_(list(ids))).order_by(Appeal.submitted_at)
        ):
            grouped[appeal.comment_id].append(appeal)
    return grouped


def action_rows_for_report(
    session: Session,
    *,
    account_id: uuid.UUID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> Iterator[tuple[uuid.UUID, str, str, uuid.UUID, str, uuid.UUID, str | None]]:
    """(action id, action, reason code, moderator, author key, account, appeal status) for
    every action in the period, for the neutrality report."""
    query = (
        select(
            ModerationAction.id,
            ModerationAction.action,
            ModerationAction.reason_code,
            ModerationAction.moderator_person_id,
            ModerationAction.author_key,
            ModerationAction.account_id,
            Appeal.status,
        )
        .outerjoin(Appeal, Appeal.action_id == ModerationAction.id)
        .where(
            ModerationAction.account_id == account_id if account_id is not None else true(),
            ModerationAction.acted_at >= since if since is not None else true(),
            ModerationAction.acted_at < until if until is not None else true(),
        )
    )
    yield from session.execute(query)


def handles_by_key(session: Session, keys: Collection[tuple[uuid.UUID, str]]) -> dict[Any, str]:
    """The latest handle each (account, author key) pair was seen with."""
    if not keys:
        return {}
    wanted = set(keys)
    found: dict[Any, str] = {}
    rows = session.execute(
        select(Comment.account_id, Comment.author_key, Comment.author_handle)
        .where(Comment.author_key.in_({key for _, key in wanted}))
        .order_by(Comment.posted_at)
    )
    for account_id, key, handle in rows:
        if (account_id, key) in wanted:
            found[(account_id, key)] = handle
    return found
