"""Screening drafts and comments, and the review queue a `review` verdict opens.

A screening is its own record (immutable, with who asked and when), so it is not also written
to the audit chain: at screening rates the chain head would serialise every request. Review
decisions, which change what happens to a text, are audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.accounts import service as accounts
from app.accounts.errors import AccountNotFound
from app.audit import service as audit
from app.core.actor import Actor
from app.core.config import ScreeningSettings
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.core.vocabulary import GrantRole
from app.events import service as events
from app.policies import service as policy_service
from app.screening import repository
from app.screening.engine.context_rules import MediaItem
from app.screening.engine.engine import Finding, ScreeningInput, Verdict
from app.screening.engine.vocabulary import ContentKind, Decision
from app.screening.engines import CompiledRuleset, EngineCache
from app.screening.errors import (
    ModeratorNotEligible,
    ReviewAlreadyDecided,
    ReviewByAuthor,
    ReviewDecisionInvalid,
    ReviewNotFound,
    ScreeningNotFound,
    ScreeningTextTooLong,
)
from app.screening.models import ReviewOutcome, ReviewStatus, Screening, ScreeningReview
from app.screening.schemas import (
    FindingRead,
    ReviewDecision,
    ReviewRead,
    ScreeningRead,
    ScreeningRequest,
)
from app.training import service as training
from app.training.service import TrainingRules


def _check_lengths(requests: Sequence[ScreeningRequest], settings: ScreeningSettings) -> None:
    limit = settings.max_text_length
    too_long = [i for i, r in enumerate(requests) if len(r.text) > limit]
    if too_long:
        where = "the text" if len(requests) == 1 else f"items {too_long[:20]}"
        raise ScreeningTextTooLong(
            f"{where} exceeds {limit} characters", limit=limit, items=too_long[:100]
        )


def finding_view(finding: Finding, compiled: CompiledRuleset) -> dict[str, Any]:
    """A finding as stored and shown: the clause cited in the ruleset's policy version."""
    citation = compiled.citations.get(finding.clause_ref) if finding.clause_ref else None
    return {
        "category": finding.category.value,
        "subtype": finding.subtype,
        "severity": finding.severity.value,
        "start": finding.start,
        "end": finding.end,
        "excerpt": finding.excerpt,
        "detector": finding.detector,
        "action": finding.action.value,
        "clause": citation.model_dump(mode="json") if citation else None,
        "explanation": finding.explanation,
    }


class RulesetsByDay:
    """The compiled ruleset in force on each publication day (UTC), looked up once a day
    for a batch or an export."""

    def __init__(self, session: Session, engines: EngineCache) -> None:
        self.session, self.engines = session, engines
        self._by_day: dict[dt.date, CompiledRuleset] = {}

    def on(self, at: dt.datetime) -> CompiledRuleset:
        day = at.astimezone(dt.UTC).date()
        compiled = self._by_day.get(day)
        if compiled is None:
            compiled = self._by_day[day] = self.engines.current(self.session, day)
        return compiled


def engine_verdict(
    compiled: CompiledRuleset,
    at: dt.datetime,
    text: str,
    kind: ContentKind,
    *,
    media: tuple[MediaItem, ...] = (),
    emergency: bool = False,
    approved_emergency_channel: bool = False,
) -> Verdict:
    """The engine's verdict on a text published at ``at``, election periods included."""
    in_period, elections = compiled.elections_on(at.astimezone(dt.UTC).date())
    return compiled.engine.screen(
        ScreeningInput(
            text=text,
            kind=kind,
            media=media,
            emergency=emergency,
            approved_emergency_channel=approved_emergency_channel,
            election_period=in_period,
            elections=elections,
        )
    )


def screen(
    session: Session,
    actor: Actor,
    requests: Sequence[ScreeningRequest],
    engines: EngineCache,
    *,
    open_reviews: bool = True,
) -> list[ScreeningRead]:
    """Screen each text under the ruleset in force when it is published, store the verdicts
    (redacted) and open a review for each `review` (unless the caller keeps its own queue, as
    comment moderation does); results in the order asked."""
    settings = engines.settings
    _check_lengths(requests, settings)
    # The registry says which accounts may carry emergency information; asked once per
    # account, and only for texts that are emergency information.
    approved_channels = frozenset(
        account_id
        for account_id in {r.account_id for r in requests if r.emergency and r.account_id}
        if accounts.is_approved_emergency_channel(session, account_id)
    )
    now = utcnow()
    rulesets = RulesetsByDay(session, engines)
    screenings: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    results: list[ScreeningRead] = []
    for request in requests:
        at = request.at.astimezone(dt.UTC) if request.at else now
        compiled = rulesets.on(at)
        verdict = engine_verdict(
            compiled,
            at,
            request.text,
            request.kind,
            media=tuple(
                MediaItem(m.kind, m.alt_text, m.consent_recorded, m.depicts_minors)
                for m in request.media
            ),
            emergency=request.emergency,
            approved_emergency_channel=request.account_id in approved_channels,
        )
        findings = [finding_view(f, compiled) for f in verdict.findings]
        row = {
            "id": uuid.uuid4(),
            "kind": request.kind.value,
            "decision": verdict.decision.value,
            "account_id": request.account_id,
            "platform": request.platform.value if request.platform else None,
            "screened_for": at,
            "is_emergency": request.emergency,
            "text_sha256": hashlib.sha256(request.text.encode()).hexdigest(),
            "text_length": len(request.text),
            "redacted_text": verdict.redacted_text,
            "original_text": request.text if settings.store_original_text else None,
            "findings": findings,
            "categories": sorted({f["category"] for f in findings}),
            "risk_flags": list(verdict.risk_flags),
            "media": [m.model_dump(mode="json") for m in request.media],
            "engine_version": compiled.engine.version,
            "ruleset_id": compiled.ruleset_id,
            "ruleset_version": compiled.ruleset_version,
            "policy_version_id": (
                compiled.policy_version.version_id if compiled.policy_version else None
            ),
            "created_at": now,
            "created_by": actor.id,
            "author_person_id": actor.person_id,
        }
        review_id = None
        if open_reviews and verdict.decision is Decision.REVIEW:
            review_id = uuid.uuid4()
            reviews.append(
                {
                    "id": review_id,
                    "screening_id": row["id"],
                    "kind": row["kind"],
                    "account_id": request.account_id,
                    "status": ReviewStatus.OPEN.value,
                    "opened_at": now,
                    "version": 1,
                }
            )
        screenings.append(row)
        results.append(_read(row, findings, compiled.policy_version, review_id))
    repository.insert_screenings(session, screenings)
    if reviews:
        repository.insert_reviews(session, reviews)
    for result in results:
        if result.decision is not Decision.ALLOW:
            events.publish(
                session,
                "screening.flagged",
                {
                    "id": str(result.id),
                    "kind": result.kind.value,
                    "decision": result.decision.value,
                    "categories": sorted({f.category.value for f in result.findings}),
                    "account_id": str(result.account_id) if result.account_id else None,
                    "review_id": str(result.review_id) if result.review_id else None,
                    "at": result.at.isoformat(),
                },
            )
    return results


def _read(
    row: dict[str, Any] | Screening,
    findings: list[dict[str, Any]],
    policy_version: Any,
    review_id: uuid.UUID | None,
) -> ScreeningRead:
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    return ScreeningRead(
        id=get("id"),
        kind=get("kind"),
        decision=get("decision"),
        findings=[FindingRead.model_validate(f) for f in findings],
        redacted_text=get("redacted_text"),
        risk_flags=get("risk_flags"),
        engine_version=get("engine_version"),
        ruleset_version=get("ruleset_version"),
        policy_version=policy_version,
        review_id=review_id,
        account_id=get("account_id"),
        platform=get("platform"),
        at=get("screened_for"),
        emergency=get("is_emergency"),
        text_sha256=get("text_sha256"),
        text_length=get("text_length"),
        created_at=get("created_at"),
    )


def _policy_version_ref(session: Session, screenings: Sequence[Screening]) -> dict[Any, Any]:
    refs: dict[Any, Any] = {}
    for screening in screenings:
        version_id = screening.policy_version_id
        if version_id is None or version_id in refs:
            continue
        version = policy_service.find_version(session, version_id)
        refs[version_id] = (
            {"policy_id": version.policy_id, "version_id": version.id, "label": version.label}
            if version
            else None
        )
    return refs


def _reads(session: Session, screenings: Sequence[Screening]) -> list[ScreeningRead]:
    reviews = repository.review_ids(session, [s.id for s in screenings])
    versions = _policy_version_ref(session, screenings)
    return [
        _read(s, s.findings, versions.get(s.policy_version_id), reviews.get(s.id))
        for s in screenings
    ]


def get_screening(session: Session, screening_id: uuid.UUID) -> ScreeningRead:
    screening = repository.get_screening(session, screening_id)
    if screening is None:
        raise ScreeningNotFound(f"No screening has id {screening_id}")
    return _reads(session, [screening])[0]


def delete_screenings(session: Session, screening_ids: Sequence[uuid.UUID]) -> int:
    """Remove the screenings of records whose retention has ended (their purge is audited by
    the domain that kept the record). Screenings that opened a review stay."""
    return repository.delete_screenings(session, screening_ids)


def _check_reach(session: Session, actor: Actor, account_id: uuid.UUID | None) -> bool:
    """Whether the actor reaches a screening or review for this account: moderators and
    staff see those of the accounts they hold a grant on (and those for no account), as the
    account registry decides; anything else answers as if it did not exist."""
    if account_id is None:
        return True
    try:
        accounts.get_account(session, actor, account_id)
    except AccountNotFound:
        return False
    return True


def read_screening(session: Session, actor: Actor, screening_id: uuid.UUID) -> ScreeningRead:
    screening = repository.get_screening(session, screening_id)
    if screening is None or not _check_reach(session, actor, screening.account_id):
        raise ScreeningNotFound(f"No screening has id {screening_id}")
    return _reads(session, [screening])[0]


def list_screenings(
    session: Session,
    actor: Actor,
    page: PageParams,
    *,
    filters: dict[str, Any],
    category: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> tuple[list[ScreeningRead], int]:
    if filters.get("account_id") is not None:
        accounts.get_account(session, actor, filters["account_id"])  # 404 when out of reach
    items, total = repository.list_screenings(
        session,
        filters={k: v for k, v in filters.items() if v is not None},
        visible=accounts.visible_account_ids(actor),
        category=category,
        since=since,
        until=until,
        offset=page.offset,
        limit=page.page_size,
    )
    return _reads(session, items), total


# Reviews ----------------------------------------------------------------------------------


def _review_read(review: ScreeningReview, screening: Screening) -> ReviewRead:
    return ReviewRead(
        id=review.id,
        screening_id=review.screening_id,
        kind=review.kind,
        account_id=review.account_id,
        status=review.status,
        opened_at=review.opened_at,
        engine_decision=screening.decision,
        categories=screening.categories,
        outcome=review.outcome,
        final_decision=review.final_decision,
        reason=review.reason,
        decided_by=review.decided_by,
        decided_at=review.decided_at,
        version=review.version,
    )


def _get_review(
    session: Session, actor: Actor, review_id: uuid.UUID, *, for_update: bool = False
) -> ScreeningReview:
    review = repository.get_review(session, review_id, for_update=for_update)
    if review is None or not _check_reach(session, actor, review.account_id):
        raise ReviewNotFound(f"No screening review has id {review_id}")
    return review


def get_review(session: Session, actor: Actor, review_id: uuid.UUID) -> ReviewRead:
    review = _get_review(session, actor, review_id)
    screening = repository.get_screening(session, review.screening_id)
    assert screening is not None
    return _review_read(review, screening)


def list_reviews(
    session: Session, actor: Actor, page: PageParams, *, filters: dict[str, Any]
) -> tuple[list[ReviewRead], int]:
    if filters.get("account_id") is not None:
        accounts.get_account(session, actor, filters["account_id"])  # 404 when out of reach
    items, total = repository.list_reviews(
        session,
        filters={k: v for k, v in filters.items() if v is not None},
        visible=accounts.visible_account_ids(actor),
        offset=page.offset,
        limit=page.page_size,
    )
    screenings = repository.screenings_by_id(session, [r.screening_id for r in items])
    return [_review_read(r, screenings[r.screening_id]) for r in items], total


_REMOVAL = {ContentKind.POST: Decision.BLOCK, ContentKind.REPLY: Decision.BLOCK}


def _final_decision(kind: ContentKind, decision: ReviewDecision) -> Decision:
    removal = _REMOVAL.get(kind, Decision.HIDE)
    if decision.outcome is ReviewOutcome.APPROVE:
        return Decision.ALLOW
    if decision.outcome is ReviewOutcome.REJECT:
        return removal
    assert decision.decision is not None
    if decision.decision not in {Decision.ALLOW, removal}:
        raise ReviewDecisionInvalid(
            f"a {kind} ends as {Decision.ALLOW} or {removal}, not {decision.decision}"
        )
    return decision.decision


def decide_review(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    review_id: uuid.UUID,
    decision: ReviewDecision,
    expected_version: int,
) -> ReviewRead:
    """Record a moderator's decision on a review; never by the author of the draft, nor by a
    person whose moderator training or policy acknowledgement has lapsed."""
    review = _get_review(session, actor, review_id, for_update=True)
    check_version(review.version, expected_version)
    if review.status != ReviewStatus.OPEN:
        raise ReviewAlreadyDecided(f"Review {review_id} was decided on {review.decided_at}")
    screening = repository.get_screening(session, review.screening_id)
    assert screening is not None
    author = screening.author_person_id
    if screening.created_by == actor.id or (author is not None and author == actor.person_id):
        raise ReviewByAuthor("A draft's author cannot decide its review; ask another moderator")
    if actor.person_id is not None:
        verdict = training.eligibility(session, rules, actor.person_id, GrantRole.MODERATOR)
        if not verdict.eligible:
            raise ModeratorNotEligible(
                "Your moderator training or policy acknowledgement is not current: "
                + "; ".join(gap.message for gap in verdict.gaps),
                gaps=[gap.message for gap in verdict.gaps],
            )
    final = _final_decision(ContentKind(review.kind), decision)
    before = {"status": review.status, "outcome": None}
    review.status = ReviewStatus.DECIDED
    review.outcome = decision.outcome
    review.final_decision = final
    review.reason = decision.reason
    review.decided_by = actor.id
    review.decided_by_person_id = actor.person_id
    review.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "screening_review.decided",
        "screening_review",
        review.id,
        before=before,
        after={
            "status": review.status,
            "outcome": decision.outcome,
            "final_decision": final,
            "reason": decision.reason,
            "screening_id": str(screening.id),
        },
    )
    return _review_read(review, screening)
