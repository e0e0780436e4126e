from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query, Response, status
from fastapi.responses import HTMLResponse, PlainTextResponse

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import ReadSessionDep, SessionDep
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import PUBLIC, DomainRouter
from app.core.schemas import IsoDate, declared_body
from app.policies import drafting, lifecycle, lookup, pages, service
from app.policies.dependencies import VersionBody
from app.policies.schemas import (
    Adoption,
    ClauseCreate,
    ClauseRead,
    ClauseTree,
    ClauseUpdate,
    CoverageAnswer,
    CoverageQuestion,
    PolicyCreate,
    PolicyRead,
    PolicyUpdate,
    Repeal,
    SearchHit,
    TermsOfEngagement,
    VersionCreate,
    VersionDiff,
    VersionRead,
    VersionUpdate,
)
from app.policies.vocabulary import ClauseKind, CoveredPersonType, PolicyRole, VersionStatus

router = DomainRouter(serves=("/policies", "/terms-of-engagement"), tags=["policies"])
pages_router = DomainRouter(serves=("/terms-of-engagement",), tags=["public"])

Reader = Annotated[Actor, authorized(*Role)]
Drafter = Annotated[Actor, authorized(Role.APPROVER, Role.STAFF)]  # approvers adopt
Approver = Annotated[Actor, authorized(Role.APPROVER)]

PolicyId = Annotated[uuid.UUID, Path(description="The policy's id")]
VersionId = Annotated[uuid.UUID, Path(description="The version's id")]
Ref = Annotated[
    str, Path(max_length=64, description="A clause reference, e.g. 4.2(c)", examples=["4.2(c)"])
]
OnDate = Annotated[IsoDate | None, Query(description="The date asked about (default: today, UTC)")]
TopicQuery = Annotated[str | None, Query(max_length=40, description="A topic tag")]

_READ = problem_responses(404)
_WRITE = problem_responses(404, 409, 412, 422, 428)


def _version_headers(response: Response, version: VersionRead) -> VersionRead:
    response.headers["ETag"] = etag_for(version.version)
    return version


# The hot lookups first: FastAPI tries routes in order.
@router.get(
    "/policies/{policy_id}/versions/{version_id}/clauses/{ref}",
    summary="Get a clause by its reference",
    responses=_READ,
)
async def get_clause(
    policy_id: PolicyId,
    version_id: VersionId,
    ref: Ref,
    session: SessionDep,
    _: Reader,
    response: Response,
) -> ClauseRead:
    """One clause, e.g. ``4.2(c)`` (also written "Section 4.2 (c)"), to quote and cite."""
    clause = lookup.read_clause(session, policy_id, version_id, ref)
    response.headers["ETag"] = etag_for(clause.version)
    return clause


@router.get(
    "/policies/search",
    summary="Search the policies in force",
    responses=problem_responses(404, 422),
)
async def search_policies(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="Words or a question",
            examples=["who approves a new account"],
        ),
    ],
    kind: ClauseKind | None = None,
    topic: TopicQuery = None,
    policy_id: uuid.UUID | None = None,
    version_id: Annotated[
        uuid.UUID | None, Query(description="Search this version instead of those in force")
    ] = None,
    at: OnDate = None,
) -> Page[SearchHit]:
    """Clauses ranked by relevance to the words of ``q``, from the versions in force on
    ``at`` (or from one version), with an HTML-safe snippet whose matches are in ``<mark>``."""
    hits, total = lookup.search_clauses(
        session,
        q,
        page,
        on=at,
        policy_id=policy_id,
        version_id=version_id,
        kind=kind,
        topic=topic,
    )
    return Page.of(hits, total, page)


@router.get("/policies", summary="List policies")
async def list_policies(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=100, description="Part of a title or code")] = None,
) -> Page[PolicyRead]:
    """Policies ordered by code."""
    items, total = service.list_policies(session, page, q=q)
    return Page.of([PolicyRead.model_validate(p) for p in items], total, page)


@router.post(
    "/policies",
    summary="Create a policy",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_policy(
    body: PolicyCreate,
    session: SessionDep,
    actor: Drafter,
    _idempotency: IdempotencyDep,
    response: Response,
) -> PolicyRead:
    """Create a policy; its text comes as versions."""
    policy = service.create_policy(session, actor, body)
    response.headers["Location"] = f"/api/v1/policies/{policy.id}"
    response.headers["ETag"] = etag_for(policy.version)
    return PolicyRead.model_validate(policy)


# ":uuid": /policies/search is not a policy, so PATCH /policies/search is 405, not 422.
@router.get("/policies/{policy_id:uuid}", summary="Get a policy", responses=_READ)
async def get_policy(
    policy_id: PolicyId, session: SessionDep, _: Reader, response: Response
) -> PolicyRead:
    """One policy, with its ETag."""
    policy = service.get_policy(session, policy_id)
    response.headers["ETag"] = etag_for(policy.version)
    return PolicyRead.model_validate(policy)


@router.patch("/policies/{policy_id:uuid}", summary="Update a policy", responses=_WRITE)
async def update_policy(
    policy_id: PolicyId,
    body: PolicyUpdate,
    session: SessionDep,
    actor: Drafter,
    response: Response,
    if_match: IfMatchHeader = None,
) -> PolicyRead:
    """Change a policy's title or description. Needs If-Match."""
    policy = service.update_policy(session, actor, policy_id, required_version(if_match), body)
    response.headers["ETag"] = etag_for(policy.version)
    return PolicyRead.model_validate(policy)


@router.get("/policies/{policy_id}/in-force", summary="Get the version in force", responses=_READ)
async def get_version_in_force(
    policy_id: PolicyId, session: SessionDep, _: Reader, response: Response, at: OnDate = None
) -> VersionRead:
    """The version in force on ``at`` (default today); 404 when none was."""
    version = service.version_in_force(session, policy_id, at or lookup.today())
    return _version_headers(response, service.version_read(session, version))


@router.post(
    "/policies/{policy_id}/coverage",
    summary="Ask whether the policy covers someone",
    responses=_READ,
)
async def ask_coverage(
    session: ReadSessionDep, _: Reader, policy_id: PolicyId, body: CoverageQuestion
) -> CoverageAnswer:
    """Whether the version in force covers this kind of person on this kind of account, the
    clauses that apply and the exemptions that matched, each cited. Changes nothing."""
    return lookup.coverage_of(session, policy_id, body)


@router.get("/policies/{policy_id}/versions", summary="List versions", responses=_READ)
async def list_versions(
    policy_id: PolicyId,
    session: SessionDep,
    _: Reader,
    page: PageDep,
    status: VersionStatus | None = None,
) -> Page[VersionRead]:
    """Versions in the order they took effect, then drafts."""
    items, total = service.list_versions(session, policy_id, page, status=status)
    return Page.of(items, total, page)


_VERSION_BODY = {
    "requestBody": {
        "required": True,
        "description": "JSON, or a Markdown or plain-text document (docs/policy-documents.md)",
        "content": {
            "application/json": {"schema": declared_body(VersionCreate)},
            "text/markdown": {
                "schema": {"type": "string"},
                "example": "---\nlabel: '2024'\n---\n# Social Media Policy\n\n## 1. Purpose\n\n"
                "This policy sets out how the Town uses social media.\n",
            },
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/policies/{policy_id}/versions",
    summary="Create a draft version",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 404, 409, 413, 415, 422),
    openapi_extra=_VERSION_BODY,
)
async def create_version(
    policy_id: PolicyId,
    session: SessionDep,
    actor: Drafter,
    body: VersionBody,
    _idempotency: IdempotencyDep,
    response: Response,
    label: Annotated[
        str | None,
        Query(max_length=64, description="For documents: the label, if the front matter lacks it"),
    ] = None,
) -> VersionRead:
    """A draft from a Markdown or plain-text document (errors name the line), from clauses
    as JSON, or as a copy of another version to revise (``based_on_version_id``)."""
    if isinstance(body, VersionCreate):
        version = service.create_version(session, actor, policy_id, body)
    else:
        version = service.import_version(
            session, actor, policy_id, body.text, markdown=body.markdown, label=label
        )
    response.headers["Location"] = f"/api/v1/policies/{policy_id}/versions/{version.id}"
    return _version_headers(response, service.version_read(session, version))


@router.get("/policies/{policy_id}/versions/{version_id}", summary="Get a version", responses=_READ)
async def get_version(
    policy_id: PolicyId, version_id: VersionId, session: SessionDep, _: Reader, response: Response
) -> VersionRead:
    """One version: its status, dates, adoption record and coverage rules."""
    version = service.get_version(session, policy_id, version_id)
    return _version_headers(response, service.version_read(session, version))


@router.patch(
    "/policies/{policy_id}/versions/{version_id}", summary="Update a draft", responses=_WRITE
)
async def update_version(
    policy_id: PolicyId,
    version_id: VersionId,
    body: VersionUpdate,
    session: SessionDep,
    actor: Drafter,
    response: Response,
    if_match: IfMatchHeader = None,
) -> VersionRead:
    """Change a draft's label, summary, start date or coverage rules; 409 once adopted."""
    version = service.update_version(
        session, actor, policy_id, version_id, required_version(if_match), body
    )
    return _version_headers(response, service.version_read(session, version))


@router.delete(
    "/policies/{policy_id}/versions/{version_id}",
    summary="Discard a draft",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_WRITE,
)
async def discard_draft(
    policy_id: PolicyId,
    version_id: VersionId,
    session: SessionDep,
    actor: Drafter,
    if_match: IfMatchHeader = None,
) -> None:
    """Discard a draft that will not be adopted; 409 for any other version."""
    service.discard_draft(session, actor, policy_id, version_id, required_version(if_match))


@router.post(
    "/policies/{policy_id}/versions/{version_id}/adopt",
    summary="Record the adoption of a draft",
    responses=_WRITE,
)
async def adopt_version(
    policy_id: PolicyId,
    version_id: VersionId,
    body: Adoption,
    session: SessionDep,
    actor: Approver,
    response: Response,
    if_match: IfMatchHeader = None,
) -> VersionRead:
    """Record who adopted the draft, when and by which motion and vote. It supersedes the
    version in force, whose period ends the day this one takes effect. Approver role."""
    version = lifecycle.adopt_version(
        session, actor, policy_id, version_id, required_version(if_match), body
    )
    return _version_headers(response, service.version_read(session, version))


@router.post(
    "/policies/{policy_id}/versions/{version_id}/repeal",
    summary="Record the repeal of a version",
    responses=_WRITE,
)
async def repeal_version(
    policy_id: PolicyId,
    version_id: VersionId,
    body: Repeal,
    session: SessionDep,
    actor: Approver,
    response: Response,
    if_match: IfMatchHeader = None,
) -> VersionRead:
    """The adopted version in force stops applying on ``repealed_on``. Approver role."""
    version = lifecycle.repeal_version(
        session, actor, policy_id, version_id, required_version(if_match), body
    )
    return _version_headers(response, service.version_read(session, version))


@router.get(
    "/policies/{policy_id}/versions/{version_id}/clauses",
    summary="List a version's clauses",
    responses=_READ,
)
async def list_clauses(
    policy_id: PolicyId,
    version_id: VersionId,
    session: SessionDep,
    _: Reader,
    page: PageDep,
    kind: ClauseKind | None = None,
    topic: TopicQuery = None,
    applies_to: CoveredPersonType | None = None,
) -> Page[ClauseRead]:
    """Clauses in document order, optionally of one kind, topic or person type."""
    items, total = lookup.list_clauses(
        session, policy_id, version_id, page, kind=kind, topic=topic, applies_to=applies_to
    )
    return Page.of(items, total, page)


@router.post(
    "/policies/{policy_id}/versions/{version_id}/clauses",
    summary="Add a clause to a draft",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422),
)
async def add_clause(
    policy_id: PolicyId,
    version_id: VersionId,
    body: ClauseCreate,
    session: SessionDep,
    actor: Drafter,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ClauseRead:
    """Add a clause after its parent's last sub-clause (or at the end); 409 once adopted."""
    clause = drafting.add_clause(session, actor, policy_id, version_id, body)
    response.headers["Location"] = (
        f"/api/v1/policies/{policy_id}/versions/{version_id}/clauses/{clause.ref}"
    )
    response.headers["ETag"] = etag_for(clause.version)
    return clause


@router.patch(
    "/policies/{policy_id}/versions/{version_id}/clauses/{ref}",
    summary="Change a clause of a draft",
    responses=_WRITE,
)
async def update_clause(
    policy_id: PolicyId,
    version_id: VersionId,
    ref: Ref,
    body: ClauseUpdate,
    session: SessionDep,
    actor: Drafter,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ClauseRead:
    """Change a draft's clause (not its reference). Needs If-Match; 409 once adopted."""
    clause = drafting.update_clause(
        session, actor, policy_id, version_id, ref, required_version(if_match), body
    )
    response.headers["ETag"] = etag_for(clause.version)
    return clause


@router.delete(
    "/policies/{policy_id}/versions/{version_id}/clauses/{ref}",
    summary="Remove a clause from a draft",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_WRITE,
)
async def delete_clause(
    policy_id: PolicyId,
    version_id: VersionId,
    ref: Ref,
    session: SessionDep,
    actor: Drafter,
    if_match: IfMatchHeader = None,
) -> None:
    """Remove a clause without sub-clauses that no coverage rule cites; 409 once adopted."""
    drafting.delete_clause(session, actor, policy_id, version_id, ref, required_version(if_match))


@router.get(
    "/policies/{policy_id}/versions/{version_id}/tree",
    summary="Get a version's clause tree",
    responses=_READ,
)
async def get_clause_tree(
    policy_id: PolicyId, version_id: VersionId, session: SessionDep, _: Reader
) -> ClauseTree:
    """The whole text as a tree: sections, their sub-clauses, and theirs."""
    return lookup.clause_tree(session, policy_id, version_id)


@router.get(
    "/policies/{policy_id}/versions/{version_id}/definitions",
    summary="List a version's definitions",
    responses=_READ,
)
async def list_definitions(
    policy_id: PolicyId,
    version_id: VersionId,
    session: SessionDep,
    _: Reader,
    term: Annotated[str | None, Query(max_length=200, description="One term")] = None,
) -> list[ClauseRead]:
    """The terms the version defines, in document order."""
    return lookup.definitions(session, policy_id, version_id, term=term)


@router.get(
    "/policies/{policy_id}/versions/{version_id}/responsibilities/{role}",
    summary="List a role's responsibilities",
    responses=_READ,
)
async def list_responsibilities(
    policy_id: PolicyId, version_id: VersionId, role: PolicyRole, session: SessionDep, _: Reader
) -> list[ClauseRead]:
    """What the version asks of council, the CAO, moderators, employees, contractors or
    volunteers: the role's clauses with their sub-clauses."""
    return lookup.responsibilities(session, policy_id, version_id, role)


@router.get(
    "/policies/{policy_id}/versions/{version_id}/export",
    summary="Export a version as Markdown",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/markdown": {"schema": {"type": "string"}}}}, **_READ},
)
async def export_version(
    policy_id: PolicyId, version_id: VersionId, session: SessionDep, _: Reader
) -> PlainTextResponse:
    """The version as Markdown with front matter; importing it gives the same clauses."""
    text = lookup.export_markdown(session, policy_id, version_id)
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


@router.get(
    "/policies/{policy_id}/versions/{version_id}/diff/{other_version_id}",
    summary="Compare two versions",
    responses=_READ,
)
async def diff_versions(
    policy_id: PolicyId,
    version_id: VersionId,
    other_version_id: Annotated[uuid.UUID, Path(description="The version to compare it with")],
    session: SessionDep,
    _: Reader,
) -> VersionDiff:
    """What changed from ``version_id`` to ``other_version_id``: clauses added, removed,
    changed (word by word) and moved, and the versions' own fields."""
    return lookup.diff_versions(session, policy_id, version_id, other_version_id)


@router.get(
    "/terms-of-engagement",
    summary="Get the terms of engagement (public)",
    tags=["public"],
    openapi_extra=PUBLIC,
)
async def get_terms_of_engagement(
    session: SessionDep,
    policy_id: uuid.UUID | None = None,
    at: OnDate = None,
) -> list[TermsOfEngagement]:
    """The rules for public comments on the town's accounts, from each policy in force.
    No credentials: link to it from the town's pages."""
    return lookup.terms_of_engagement(session, on=at, policy_id=policy_id)


@pages_router.get(
    "/terms-of-engagement",
    summary="The terms of engagement as a web page (public)",
    response_class=HTMLResponse,
    openapi_extra=PUBLIC,
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
)
async def terms_of_engagement_page(
    session: SessionDep, policy_id: uuid.UUID | None = None, at: OnDate = None
) -> HTMLResponse:
    """A plain page of the comment rules in force, for the town to link to."""
    terms = lookup.terms_of_engagement(session, on=at, policy_id=policy_id)
    return HTMLResponse(pages.terms_page(terms), headers={"Content-Security-Policy": pages.CSP})
