"""The sample town's published reason codes: one for each ground of its terms of engagement
(clause 16 of the 2024 policy), and the reasons for undoing or declining a removal. Each
names conduct, never a viewpoint (16.2)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.moderation import repository
from app.moderation.models import ActionKind, ReasonCode

HIDE, DELETE, BLOCK = ActionKind.HIDE, ActionKind.DELETE, ActionKind.BLOCK
RESTORE, UNBLOCK, KEEP = ActionKind.RESTORE, ActionKind.UNBLOCK, ActionKind.KEEP
REMOVE = (HIDE, DELETE, BLOCK)

# code, label, description, clause, actions
SAMPLE_REASON_CODES: list[tuple[str, str, str, str, tuple[ActionKind, ...]]] = [
    (
        "profanity",
        "Profanity or obscene content",
        "Contains profanity or obscene language.",
        "16.1(a)",
        REMOVE,
    ),
    (
        "sexual_content",
        "Sexually explicit content",
        "Contains sexually explicit words or images.",
        "16.1(a)",
        REMOVE,
    ),
    (
        "threat",
        "Threat of violence",
        "Threatens violence against, or the safety of, any person.",
        "16.1(b)",
        REMOVE,
    ),
    (
        "harassment",
        "Harassment or personal attack",
        "Harasses, bullies or personally attacks a person, including a Town employee.",
        "16.1(c)",
        REMOVE,
    ),
    (
        "hate",
        "Hate or discrimination",
        "Promotes hate or discrimination on a ground protected by human rights law.",
        "16.1(d)",
        REMOVE,
    ),
    (
        "personal_information",
        "Personal information",
        "Discloses personal information about a person, such as a home address, phone "
        "number or health information.",
        "16.1(e)",
        REMOVE,
    ),
    (
        "spam",
        "Spam or commercial solicitation",
        "Is spam, or solicits business or promotes a product or service unrelated to the post.",
        "16.1(f)",
        REMOVE,
    ),
    (
        "repeated_breaches",
        "Repeated or serious breaches",
        "Has breached these terms repeatedly or seriously; blocking needs the approval of "
        "Communications.",
        "16.2",
        (BLOCK,),
    ),
    (
        "within_terms",
        "Within the terms of engagement",
        "Breaks none of these terms. Comments are not removed for criticizing the Town, "
        "Council or staff, or for disagreeing with a decision.",
        "16.2",
        (KEEP, RESTORE, UNBLOCK),
    ),
    (
        "reconsidered",
        "Reconsidered on request",
        "The decision was reconsidered at the commenter's request and undone.",
        "16.4",
        (RESTORE, UNBLOCK),
    ),
]


def seed_sample_reason_codes(session: Session, actor: Actor) -> int:
    """The sample list; codes that exist are left as they are. Returns how many were added."""
    added = 0
    for code, label, description, clause_ref, actions in SAMPLE_REASON_CODES:
        if repository.get_reason_code(session, code) is not None:
            continue
        entry = ReasonCode(
            code=code,
            label=label,
            description=description,
            clause_ref=clause_ref,
            actions=[a.value for a in actions],
        )
        repository.add(session, entry)
        audit.record(
            session,
            actor,
            "reason_code.created",
            "reason_code",
            code,
            after={"code": code, "clause_ref": clause_ref, "actions": entry.actions},
        )
        added += 1
    return added
