"""Every domain router, mounted under /api/v1."""

from fastapi import FastAPI

from app.accounts.router import public_router as accounts_public_router
from app.accounts.router import router as accounts_router
from app.audit.router import router as audit_router
from app.auth.router import router as auth_router
from app.core.routing import DomainRouter
from app.moderation.router import public_router as moderation_public_router
from app.moderation.router import router as moderation_router
from app.people.router import router as people_router
from app.policies.router import pages_router as policy_pages_router
from app.policies.router import router as policies_router
from app.screening.router import elections_router
from app.screening.router import router as screening_router
from app.training.router import router as training_router
from app.webhooks.router import router as webhooks_router

API_PREFIX = "/api/v1"

# Included straight into the app, one level deep: FastAPI matches nested included routers
# level by level, and a second level measured ~85 us more per request (bench/). Each router
# turns away paths outside its own at once (DomainRouter), so the order costs little.
DOMAIN_ROUTERS: tuple[DomainRouter, ...] = (
    screening_router,  # the hot path: screening every draft and comment
    people_router,
    accounts_router,
    moderation_router,
    training_router,
    policies_router,
    auth_router,
    audit_router,
    elections_router,
    webhooks_router,
    accounts_public_router,
    moderation_public_router,
)
# Public pages, outside the API prefix.
PAGE_ROUTERS: tuple[DomainRouter, ...] = (policy_pages_router,)


def include_api(app: FastAPI) -> None:
    for router in DOMAIN_ROUTERS:
        router.mount_under(API_PREFIX)
        app.include_router(router, prefix=API_PREFIX)
    for router in PAGE_ROUTERS:
        app.include_router(router)
