from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Response, status

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import DomainRouter
from app.webhooks import service
from app.webhooks.dependencies import SecretBoxDep, TargetPolicyDep
from app.webhooks.models import DeliveryStatus
from app.webhooks.schemas import (
    DeliveryRead,
    EventTypeRead,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)

router = DomainRouter(serves=("/webhooks",), tags=["webhooks"])

Admin = Annotated[Actor, authorized(Role.ADMIN)]
_READ = problem_responses(404)
_CHANGE = problem_responses(404, 412, 422, 428)


def _tagged(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


@router.get("/webhooks/event-types", summary="The events a subscription can receive")
async def list_event_types(_: Admin) -> list[EventTypeRead]:
    """Every event type, with what it means. Each message's body is
    `{"type", "timestamp", "data"}` (Standard Webhooks)."""
    return service.event_types()


@router.post(
    "/webhooks",
    summary="Register a webhook",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def create_subscription(
    body: SubscriptionCreate,
    session: SessionDep,
    actor: Admin,
    box: SecretBoxDep,
    policy: TargetPolicyDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> SubscriptionWithSecret:
    """Send the chosen events to a URL, signed with the secret in this answer (shown once:
    keep it where the receiver checks signatures). The URL must be public https unless the
    deployment allows the host (`APP_WEBHOOKS_ALLOWED_TARGETS`)."""
    created = service.create_subscription(session, actor, box, policy, body)
    response.headers["Location"] = f"/api/v1/webhooks/{created.id}"
    _tagged(response, created.version)
    return created


@router.get("/webhooks", summary="List webhooks")
async def list_subscriptions(
    session: SessionDep, _: Admin, page: PageDep
) -> Page[SubscriptionRead]:
    items, total = service.list_subscriptions(session, page)
    return Page.of([SubscriptionRead.model_validate(s) for s in items], total, page)


@router.get("/webhooks/{subscription_id:uuid}", summary="Get a webhook", responses=_READ)
async def get_subscription(
    subscription_id: uuid.UUID, session: SessionDep, _: Admin, response: Response
) -> SubscriptionRead:
    subscription = service.get_subscription(session, subscription_id)
    _tagged(response, subscription.version)
    return SubscriptionRead.model_validate(subscription)


@router.patch("/webhooks/{subscription_id:uuid}", summary="Update a webhook", responses=_CHANGE)
async def update_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionUpdate,
    session: SessionDep,
    actor: Admin,
    policy: TargetPolicyDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> SubscriptionRead:
    """Change its URL, event types or description, or pause it (`is_active: false`): events
    that happen while it is paused are not queued for it, and deliveries already queued wait
    until it is resumed."""
    subscription = service.update_subscription(
        session, actor, policy, subscription_id, body, required_version(if_match)
    )
    _tagged(response, subscription.version)
    return SubscriptionRead.model_validate(subscription)


@router.post(
    "/webhooks/{subscription_id:uuid}/rotate-secret",
    summary="Rotate a webhook's signing secret",
    responses=problem_responses(404, 412, 428),
)
async def rotate_secret(
    subscription_id: uuid.UUID,
    session: SessionDep,
    actor: Admin,
    box: SecretBoxDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> SubscriptionWithSecret:
    """A new signing secret, shown once; messages sent from now on are signed with it."""
    rotated = service.rotate_secret(
        session, actor, box, subscription_id, required_version(if_match)
    )
    _tagged(response, rotated.version)
    return rotated


@router.post(
    "/webhooks/{subscription_id:uuid}/test",
    summary="Send a test message",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(404, 409),
)
async def send_test(
    subscription_id: uuid.UUID, session: SessionDep, actor: Admin, response: Response
) -> DeliveryRead:
    """Queue a `webhook.test` message for this webhook; the worker sends it. Its delivery
    (in the history) says how it went."""
    delivery = service.send_test(session, actor, subscription_id)
    response.headers["Location"] = f"/api/v1/webhooks/{subscription_id}/deliveries/{delivery.id}"
    return DeliveryRead.model_validate(delivery)


@router.get(
    "/webhooks/{subscription_id:uuid}/deliveries",
    summary="A webhook's delivery history",
    responses=_READ,
)
async def list_deliveries(
    subscription_id: uuid.UUID,
    session: SessionDep,
    _: Admin,
    page: PageDep,
    status: DeliveryStatus | None = None,
) -> Page[DeliveryRead]:
    """Newest first: each event, its attempts, the last answer or error, and dead letters."""
    items, total = service.list_deliveries(session, subscription_id, page, status=status)
    return Page.of([DeliveryRead.model_validate(d) for d in items], total, page)


@router.get(
    "/webhooks/{subscription_id:uuid}/deliveries/{delivery_id:uuid}",
    summary="Get a delivery",
    responses=_READ,
)
async def get_delivery(
    subscription_id: uuid.UUID, delivery_id: uuid.UUID, session: SessionDep, _: Admin
) -> DeliveryRead:
    return DeliveryRead.model_validate(service.get_delivery(session, subscription_id, delivery_id))


@router.post(
    "/webhooks/{subscription_id:uuid}/deliveries/{delivery_id:uuid}/retry",
    summary="Send a dead letter again",
    responses=problem_responses(404, 409),
)
async def retry_delivery(
    subscription_id: uuid.UUID, delivery_id: uuid.UUID, session: SessionDep, actor: Admin
) -> DeliveryRead:
    """A delivery that used all its attempts goes back to the worker, attempts reset."""
    delivery = service.retry_delivery(session, actor, subscription_id, delivery_id)
    return DeliveryRead.model_validate(delivery)
