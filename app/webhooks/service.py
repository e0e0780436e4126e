"""The webhook subscriptions administrators keep, their delivery history, test messages and
the sending again of dead letters. Delivery itself is the worker's (app.webhooks.worker)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.events import service as events
from app.events.catalogue import EVENT_TYPES
from app.webhooks import repository
from app.webhooks.errors import (
    DeliveryNotDead,
    DeliveryNotFound,
    SubscriptionInactive,
    SubscriptionNotFound,
    TargetNotAllowed,
)
from app.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from app.webhooks.schemas import (
    EventTypeRead,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)
from app.webhooks.signing import SecretBox, new_secret
from app.webhooks.targets import TargetPolicy, TargetRefused


def event_types() -> list[EventTypeRead]:
    return [EventTypeRead(type=t, description=d) for t, d in EVENT_TYPES.items()]


def _check_target(policy: TargetPolicy, url: str) -> None:
    try:
        policy.check(url)
    except TargetRefused as exc:
        raise TargetNotAllowed(str(exc)) from exc


def _read(subscription: WebhookSubscription) -> SubscriptionRead:
    return SubscriptionRead.model_validate(subscription)


def _view(subscription: WebhookSubscription) -> dict[str, Any]:
    return _read(subscription).model_dump(mode="json")


def get_subscription(
    session: Session, subscription_id: uuid.UUID, *, lock: bool = False
) -> WebhookSubscription:
    subscription = repository.get_subscription(session, subscription_id, lock=lock)
    if subscription is None:
        raise SubscriptionNotFound(f"No webhook subscription has id {subscription_id}.")
    return subscription


def list_subscriptions(
    session: Session, params: PageParams
) -> tuple[Sequence[WebhookSubscription], int]:
    return repository.list_subscriptions(session, offset=params.offset, limit=params.page_size)


def create_subscription(
    session: Session,
    actor: Actor,
    box: SecretBox,
    policy: TargetPolicy,
    data: SubscriptionCreate,
) -> SubscriptionWithSecret:
    """Register an endpoint; the signing secret is in this answer and nowhere else."""
    _check_target(policy, data.url)
    secret = new_secret()
    subscription = WebhookSubscription(
        id=uuid.uuid4(),
        url=data.url,
        event_types=list(data.event_types),
        description=data.description,
        secret_encrypted=box.seal(secret),
        is_active=True,
        created_by=actor.name,
    )
    repository.add(session, subscription)
    audit.record(
        session, actor, "webhook.created", "webhook", subscription.id, after=_view(subscription)
    )
    return SubscriptionWithSecret(**_read(subscription).model_dump(), secret=secret)


def update_subscription(
    session: Session,
    actor: Actor,
    policy: TargetPolicy,
    subscription_id: uuid.UUID,
    data: SubscriptionUpdate,
    expected_version: int,
) -> WebhookSubscription:
    """Change the URL, the event types, the description, or pause and resume it."""
    subscription = get_subscription(session, subscription_id, lock=True)
    check_version(subscription.version, expected_version)
    changes = data.changes()
    if "url" in changes:
        _check_target(policy, changes["url"])
    before = _view(subscription)
    for name, value in changes.items():
        setattr(subscription, name, value)
    session.flush()
    audit.record(
        session,
        actor,
        "webhook.updated",
        "webhook",
        subscription.id,
        before=before,
        after=_view(subscription),
    )
    return subscription


def rotate_secret(
    session: Session,
    actor: Actor,
    box: SecretBox,
    subscription_id: uuid.UUID,
    expected_version: int,
) -> SubscriptionWithSecret:
    """A new signing secret, shown once; messages sent from now on are signed with it."""
    subscription = get_subscription(session, subscription_id, lock=True)
    check_version(subscription.version, expected_version)
    subscription.secret_encrypted = box.seal(secret := new_secret())
    subscription.secret_rotated_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "webhook.secret_rotated",
        "webhook",
        subscription.id,
        after={"secret_rotated_at": subscription.secret_rotated_at.isoformat()},
    )
    return SubscriptionWithSecret(**_read(subscription).model_dump(), secret=secret)


def send_test(session: Session, actor: Actor, subscription_id: uuid.UUID) -> WebhookDelivery:
    """A webhook.test message for this subscription only, queued for the worker; its
    delivery shows in the subscription's history."""
    subscription = get_subscription(session, subscription_id)
    if not subscription.is_active:
        raise SubscriptionInactive("Resume the subscription (is_active) before testing it.")
    event_id = events.publish(
        session, "webhook.test", {"subscription_id": str(subscription.id), "asked_by": actor.name}
    )
    assert event_id is not None
    # Addressed now, so the fan-out never sends it to anyone else (see worker.fan_out).
    delivery = WebhookDelivery(
        id=uuid.uuid4(),
        subscription_id=subscription.id,
        event_id=event_id,
        event_type="webhook.test",
        status=DeliveryStatus.PENDING,
        attempts=0,
        next_attempt_at=utcnow(),
    )
    repository.add(session, delivery)
    return delivery


def list_deliveries(
    session: Session,
    subscription_id: uuid.UUID,
    params: PageParams,
    *,
    status: DeliveryStatus | None,
) -> tuple[Sequence[WebhookDelivery], int]:
    get_subscription(session, subscription_id)
    return repository.list_deliveries(
        session, subscription_id, status=status, offset=params.offset, limit=params.page_size
    )


def get_delivery(
    session: Session, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    delivery = repository.get_delivery(session, subscription_id, delivery_id)
    if delivery is None:
        raise DeliveryNotFound(f"Subscription {subscription_id} has no delivery {delivery_id}.")
    return delivery


def retry_delivery(
    session: Session, actor: Actor, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    """Send a dead letter again, with a fresh count of attempts."""
    delivery = get_delivery(session, subscription_id, delivery_id)
    if delivery.status != DeliveryStatus.DEAD:
        raise DeliveryNotDead(f"Delivery {delivery.id} is {delivery.status}, not dead.")
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "webhook_delivery.retried",
        "webhook_delivery",
        delivery.id,
        before={"status": "dead"},
        after={"status": "pending"},
    )
    return delivery
