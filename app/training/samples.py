"""The sample town's training: the seven competencies the policy names, four courses that
cover them, and results that leave some seeded people eligible moderators and others not
(one with nothing, one whose training expired, one missing a single competency)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.vocabulary import GrantRole
from app.people.models import Person
from app.training import eligibility, repository
from app.training.models import Acknowledgement, Competency, Completion, TrainingModule

COMPETENCIES = [
    ("policy_compliance", "Policy compliance", "Applying the social media policy and the law"),
    ("communication_skills", "Communication skills", "Plain, accurate, courteous replies"),
    ("technical_proficiency", "Technical proficiency", "The platforms' tools, safely"),
    ("community_engagement", "Community engagement", "Answering residents and inviting views"),
    ("cultural_sensitivity", "Cultural sensitivity", "Respect for the town's communities"),
    ("handling_harassment", "Handling harassment", "Recognising, documenting and acting on it"),
    ("ethical_conduct", "Ethical conduct", "Neutrality, privacy and conflicts of interest"),
]

OWN, PUB, MOD = GrantRole.OWNER.value, GrantRole.PUBLISHER.value, GrantRole.MODERATOR.value
# code, title, competencies, roles that need it, teaches the policy in force
MODULES = [
    (
        "policy-and-ethics",
        "The 2024 social media policy and ethical conduct",
        ["policy_compliance", "ethical_conduct"],
        [OWN, PUB, MOD],
        True,
    ),
    (
        "community-communication",
        "Communicating with the community",
        ["communication_skills", "community_engagement", "cultural_sensitivity"],
        [PUB, MOD],
        False,
    ),
    ("handling-harassment", "Handling harassment and abuse", ["handling_harassment"], [MOD], False),
    (
        "platform-security",
        "Platform tools and account security",
        ["technical_proficiency"],
        [OWN, PUB, MOD],
        False,
    ),
]
ALL = [code for code, *_ in MODULES]

# email local part -> (modules taken, days ago), and whether they acknowledged the 2024 policy
RESULTS: dict[str, tuple[list[str], int, bool]] = {
    "priya.sharma": (ALL, 40, True),
    "daniel.okafor": (ALL, 120, True),  # an eligible moderator
    "sofia.rossi": (
        ["policy-and-ethics", "community-communication", "platform-security"],
        60,
        True,
    ),
    "ahmed.haddad": (["policy-and-ethics", "platform-security"], 200, True),
    "lucie.gagnon": (ALL, 500, True),  # a moderator whose training expired
    "helen.tremblay": (["policy-and-ethics"], 90, True),
    "nadia.kowalski": ([], 0, True),
    # ravi.patel: nothing at all, not even the acknowledgement
}


def seed_sample_training(
    session: Session,
    actor: Actor,
    people: dict[str, Person],
    policy_version_id: uuid.UUID | None,
) -> int:
    """Add the catalogue and results if there is no catalogue yet; returns completions added."""
    if repository.competencies(session):
        return 0
    for code, name, description in COMPETENCIES:
        repository.add(
            session, Competency(id=uuid.uuid4(), code=code, name=name, description=description)
        )
    modules = {}
    for code, title, competencies, roles, teaches_policy in MODULES:
        module = TrainingModule(
            id=uuid.uuid4(),
            code=code,
            module_version="2024.1",
            title=title,
            competency_codes=sorted(competencies),
            validity_days=365,
            pass_mark=80,
            required_for_roles=sorted(roles),
            policy_version_id=policy_version_id if teaches_policy else None,
            retraining_on_new_policy=teaches_policy and policy_version_id is not None,
        )
        repository.add(session, module)
        audit.record(
            session,
            actor,
            "training_module.imported",
            "training_module",
            module.id,
            after={"code": code, "module_version": module.module_version},
        )
        modules[code] = module
    today = utcnow().date()
    added = 0
    by_local = {person.email.split("@")[0]: person for person in people.values()}
    for local, (taken, days_ago, acknowledged) in RESULTS.items():
        person = by_local.get(local)
        if person is None:
            continue
        completed_on = today - dt.timedelta(days=days_ago)
        for code in taken:
            module = modules[code]
            completion_id = uuid.uuid4()
            repository.add(
                session,
                Completion(
                    id=completion_id,
                    person_id=person.id,
                    module_id=module.id,
                    completed_on=completed_on,
                    score=91.0,
                    pass_mark=module.pass_mark,
                    passed=True,
                    expires_on=eligibility.expiry_date(completed_on, module.validity_days),
                    evidence_reference=f"lms://certificates/{local}/{code}",
                    recorded_by=actor.name,
                ),
            )
            audit.record(
                session,
                actor,
                "training_completion.imported",
                "training_completion",
                completion_id,
                after={
                    "person_id": str(person.id),
                    "module": code,
                    "completed_on": str(completed_on),
                },
            )
            added += 1
        if acknowledged and policy_version_id is not None:
            repository.add(
                session,
                Acknowledgement(
                    id=uuid.uuid4(),
                    person_id=person.id,
                    policy_version_id=policy_version_id,
                    acknowledged_at=utcnow() - dt.timedelta(days=days_ago),
                    recorded_by=actor.name,
                ),
            )
    return added
