"""Every domain router, under /api/v1."""

from fastapi import APIRouter

from app.audit.router import router as audit_router
from app.auth.router import router as auth_router
from app.people.router import router as people_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth_router)
api_router.include_router(people_router)
api_router.include_router(audit_router)
