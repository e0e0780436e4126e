"""The sample town: departments and people of every type, some departed, its social media
policy in the 2021 version and the 2024 revision, screening rulesets, official accounts,
training records and the published reasons for moderating comments. Idempotent: what exists (by
department code, email or policy code) is left as it is."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from importlib import resources

from sqlalchemy.orm import Session

from app.accounts import repository as accounts_repository
from app.accounts.samples import seed_sample_accounts
from app.core.actor import system_actor
from app.core.pagination import PageParams
from app.moderation.samples import seed_sample_reason_codes
from app.people import service as people_service
from app.people.models import PersonStatus, PersonType, ServiceRole
from app.people.schemas import DepartmentCreate, PersonCreate
from app.policies import lifecycle as policy_lifecycle
from app.policies import service as policy_service
from app.policies.errors import NoVersionInForce
from app.policies.schemas import Adoption, PolicyCreate, Vote
from app.screening.samples import seed_sample_screening
from app.training.samples import seed_sample_training

DOMAIN = "town.example.ca"

DEPARTMENTS = [
    ("CAO", "Office of the Chief Administrative Officer"),
    ("CLERK", "Clerk's Office"),
    ("COMMS", "Communications"),
    ("COUNCIL", "Mayor and Council"),
    ("FIRE", "Fire and Emergency Services"),
    ("PARKS", "Parks, Recreation and Culture"),
    ("PW", "Public Works"),
    ("LIB", "Public Library"),
]

# given, family, type, department, title, roles, departed_on
PEOPLE: list[tuple[str, str, PersonType, str | None, str, list[ServiceRole], dt.date | None]] = [
    (
        "Helen",
        "Tremblay",
        PersonType.CAO,
        "CAO",
        "Chief Administrative Officer",
        [ServiceRole.APPROVER],
        None,
    ),
    ("Marcus", "Lee", PersonType.EMPLOYEE, "CAO", "Deputy CAO", [ServiceRole.APPROVER], None),
    (
        "Priya",
        "Sharma",
        PersonType.EMPLOYEE,
        "COMMS",
        "Communications Manager",
        [ServiceRole.ADMIN, ServiceRole.MODERATOR],
        None,
    ),
    (
        "Daniel",
        "Okafor",
        PersonType.EMPLOYEE,
        "COMMS",
        "Communications Officer",
        [ServiceRole.MODERATOR, ServiceRole.STAFF],
        None,
    ),
    (
        "Sofia",
        "Rossi",
        PersonType.EMPLOYEE,
        "COMMS",
        "Digital Content Coordinator",
        [ServiceRole.STAFF],
        None,
    ),
    (
        "Grace",
        "Whitehorse",
        PersonType.EMPLOYEE,
        "CLERK",
        "Town Clerk",
        [ServiceRole.AUDITOR],
        None,
    ),
    ("Ahmed", "Haddad", PersonType.EMPLOYEE, "FIRE", "Fire Chief", [ServiceRole.STAFF], None),
    (
        "Lucie",
        "Gagnon",
        PersonType.EMPLOYEE,
        "FIRE",
        "Emergency Management Coordinator",
        [ServiceRole.MODERATOR],
        None,
    ),
    (
        "Tom",
        "Becker",
        PersonType.EMPLOYEE,
        "PARKS",
        "Recreation Programmer",
        [ServiceRole.STAFF],
        dt.date(2024, 3, 29),
    ),
    (
        "Nadia",
        "Kowalski",
        PersonType.EMPLOYEE,
        "PW",
        "Public Works Coordinator",
        [ServiceRole.STAFF],
        None,
    ),
    ("Owen", "MacLeod", PersonType.VOLUNTEER, "LIB", "Library Volunteer", [], None),
    (
        "Chloe",
        "Martin",
        PersonType.VOLUNTEER,
        "PARKS",
        "Festival Volunteer",
        [],
        dt.date(2023, 9, 4),
    ),
    (
        "Ravi",
        "Patel",
        PersonType.CONTRACT_EMPLOYEE,
        "COMMS",
        "Contract Social Media Assistant",
        [ServiceRole.STAFF],
        None,
    ),
    (
        "Emma",
        "Dubois",
        PersonType.CONTRACT_EMPLOYEE,
        "PARKS",
        "Summer Program Contractor",
        [],
        dt.date(2024, 8, 30),
    ),
    ("Brightline", "Media Inc.", PersonType.CONTRACTING_FIRM, None, "Web design firm", [], None),
    ("Joan", "Fraser", PersonType.MAYOR, "COUNCIL", "Mayor", [], None),
    ("Samuel", "Nguyen", PersonType.COUNCIL_MEMBER, "COUNCIL", "Councillor, Ward 1", [], None),
    ("Isabelle", "Roy", PersonType.COUNCIL_MEMBER, "COUNCIL", "Councillor, Ward 2", [], None),
    (
        "Peter",
        "Walsh",
        PersonType.COUNCIL_MEMBER,
        "COUNCIL",
        "Former Councillor, Ward 3",
        [],
        dt.date(2022, 11, 14),
    ),
]


@dataclass(frozen=True)
class SeedReport:
    departments_added: int
    people_added: int
    people_total: int
    policy_versions_added: int = 0
    rulesets_added: int = 0
    accounts_added: int = 0
    completions_added: int = 0
    reason_codes_added: int = 0


def _email(given: str, family: str) -> str:
    local = f"{given}.{family}".lower().replace(" ", "").replace(".inc.", "").rstrip(".")
    return f"{local}@{DOMAIN}"


def seed_sample_town(session: Session) -> SeedReport:
    actor = system_actor("civic-social seed")
    departments_added = people_added = 0
    department_ids = {}
    for code, name in DEPARTMENTS:
        department = people_service.find_department_by_code(session, code)
        if department is None:
            department = people_service.create_department(
                session, actor, DepartmentCreate(code=code, name=name)
            )
            departments_added += 1
        department_ids[code] = department.id
    for given, family, person_type, department_code, title, roles, departed_on in PEOPLE:
        email = _email(given, family)
        if people_service.find_person_id_by_email(session, email) is not None:
            continue
        people_service.create_person(
            session,
            actor,
            PersonCreate(
                given_name=given,
                family_name=family,
                email=email,
                person_type=person_type,
                department_id=department_ids[department_code] if department_code else None,
                job_title=title,
                status=PersonStatus.DEPARTED if departed_on else PersonStatus.ACTIVE,
                departed_on=departed_on,
                service_roles=roles,
            ),
        )
        people_added += 1
    _, total = people_service.list_people(session, PageParams(page=1, page_size=1))
    versions_added = seed_sample_policy(session)
    policy = policy_service.find_policy_by_code(session, SAMPLE_POLICY_CODE)
    assert policy is not None
    rulesets_added = seed_sample_screening(session, actor, policy.id)
    people = accounts_repository.people_by_emails(
        session, [_email(given, family) for given, family, *_ in PEOPLE]
    )
    accounts_added = seed_sample_accounts(session, actor, people, department_ids)
    in_force = _version_in_force(session, policy.id)
    completions_added = seed_sample_training(session, actor, people, in_force)
    reason_codes_added = seed_sample_reason_codes(session, actor)
    return SeedReport(
        departments_added,
        people_added,
        total,
        versions_added,
        rulesets_added,
        accounts_added,
        completions_added,
        reason_codes_added,
    )


def _version_in_force(session: Session, policy_id: uuid.UUID) -> uuid.UUID | None:
    try:
        return policy_service.version_in_force(session, policy_id, dt.date.today()).id
    except NoVersionInForce:
        return None


SAMPLE_POLICY_CODE = "social-media"
# The sample policy's versions in the order council adopted them: file, and the record of
# the decision, as each text's summary states it (its front matter gives the date it took
# effect).
SAMPLE_VERSIONS = [
    (
        "social-media-2021.md",
        Adoption(
            adopted_on=dt.date(2021, 2, 9),
            body="Town Council",
            reference="Resolution 2021-034",
            meeting_on=dt.date(2021, 2, 9),
            vote=Vote(in_favour=6, opposed=1, abstained=0),
        ),
    ),
    (
        "social-media-2024.md",
        Adoption(
            adopted_on=dt.date(2024, 8, 13),
            body="Town Council",
            reference="Resolution 2024-187",
            meeting_on=dt.date(2024, 8, 13),
            vote=Vote(in_favour=7, opposed=0, abstained=0),
        ),
    ),
]


def sample_policy_text(filename: str) -> str:
    return resources.files("app.policies.samples").joinpath(filename).read_text(encoding="utf-8")


def seed_sample_policy(session: Session) -> int:
    """The sample social media policy, each version imported and adopted; returns how many
    versions were added (none when the policy exists)."""
    actor = system_actor("civic-social seed")
    if policy_service.find_policy_by_code(session, SAMPLE_POLICY_CODE) is not None:
        return 0
    policy = policy_service.create_policy(
        session,
        actor,
        PolicyCreate(
            code=SAMPLE_POLICY_CODE,
            title="Social Media Policy",
            description="How the Town of Alder Bay uses social media, and how staff, "
            "volunteers and contractors use it when it concerns the Town.",
        ),
    )
    for filename, adoption in SAMPLE_VERSIONS:
        version = policy_service.import_version(
            session, actor, policy.id, sample_policy_text(filename), markdown=True
        )
        adoption = adoption.model_copy(update={"effective_from": version.effective_from})
        policy_lifecycle.adopt_version(
            session, actor, policy.id, version.id, version.version, adoption
        )
    return len(SAMPLE_VERSIONS)
