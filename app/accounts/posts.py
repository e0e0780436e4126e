"""Who posted what: city systems record each post with the person who published it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.accounts import repository
from app.accounts.access import reachable_account, visible_accounts
from app.accounts.errors import AccountNotOpen, PostAlreadyRecorded, PostInvalid
from app.accounts.lifecycle import move
from app.accounts.models import AccountStatus, PostRecord
from app.accounts.schemas import PostCreate, PostRead
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.pagination import PageParams
from app.people import service as people
from app.people.errors import PersonNotFound
from app.training import service as training
from app.training.service import TrainingRules

# Clocks of city systems drift; a post a few minutes "in the future" is not an error.
_CLOCK_SKEW = dt.timedelta(minutes=5)


def _authorised(
    session: Session,
    rules: TrainingRules,
    account_id: uuid.UUID,
    person_id: uuid.UUID,
    at: dt.datetime,
) -> bool:
    """Whether the person held an owner or publisher grant on the account when it was
    posted, and was trained for it on that (town) day: a suspended grant does not count."""
    day = rules.today(at)
    return any(
        training.eligibility_of(session, rules, [person_id], role, day)[person_id].eligible
        for role in repository.publishing_roles_at(session, account_id, person_id, at)
    )


def record_post(
    session: Session, actor: Actor, rules: TrainingRules, account_id: uuid.UUID, data: PostCreate
) -> PostRecord:
    """Record a published post. A post on a dormant account puts it back in use."""
    account = reachable_account(session, actor, account_id, lock=True)
    if account.status not in (AccountStatus.ACTIVE, AccountStatus.DORMANT):
        raise AccountNotOpen(
            f"Account {account.id} is {account.status}: posts are recorded on active accounts."
        )
    if data.external_id is None and data.external_url is None:
        raise PostInvalid("Give external_id, external_url or both, so the post can be found.")
    if data.external_url is not None and not data.external_url.startswith(("https://", "http://")):
        raise PostInvalid("external_url must be an http(s) URL.")
    now = utcnow()
    if data.posted_at > now + _CLOCK_SKEW:
        raise PostInvalid("posted_at is in the future.")
    try:
        people.get_person(session, data.person_id)
    except PersonNotFound as exc:
        raise PostInvalid(f"No person has id {data.person_id}.") from exc
    if data.external_id is not None and repository.post_with_external_id(
        session, account.id, data.external_id
    ):
        raise PostAlreadyRecorded(
            f"Post {data.external_id} is already recorded for account {account.id}."
        )
    post = PostRecord(
        id=uuid.uuid4(),
        account_id=account.id,
        person_id=data.person_id,
        posted_at=data.posted_at,
        external_id=data.external_id,
        external_url=data.external_url,
        screening_id=data.screening_id,
        authorised=_authorised(session, rules, account.id, data.person_id, data.posted_at),
        recorded_by=actor.name,
        recorded_at=now,
    )
    try:
        with session.begin_nested():  # an unknown screening id fails here, alone
            repository.add(session, post)
    except IntegrityError as exc:
        raise PostInvalid(f"No screening has id {data.screening_id}.") from exc
    if account.last_activity_at is None or data.posted_at > account.last_activity_at:
        account.last_activity_at = data.posted_at
    if account.status == AccountStatus.DORMANT:
        move(
            session,
            actor,
            account,
            AccountStatus.ACTIVE,
            "A post was recorded.",
            "account.reactivated",
        )
    session.flush()
    audit.record(
        session,
        actor,
        "post.recorded",
        "post",
        post.id,
        after=PostRead.model_validate(post).model_dump(mode="json"),
    )
    return post


def list_posts(
    session: Session,
    actor: Actor,
    params: PageParams,
    *,
    account_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> tuple[Sequence[PostRecord], int]:
    """Posts newest first, by account, person and period, within the accounts the actor
    reaches."""
    if account_id is not None:
        reachable_account(session, actor, account_id)
    return repository.list_posts(
        session,
        account_id=account_id,
        visible=visible_accounts(actor),
        person_id=person_id,
        since=since,
        until=until,
        offset=params.offset,
        limit=params.page_size,
    )
