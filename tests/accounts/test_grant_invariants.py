"""Grants, offboardings, HR-roster reconciliations and the passage of time, in any order: no
sequence may leave an active grant for a person who has left, or one past its expiry.

A hypothesis state machine drives the HTTP API on each backend while time-machine moves the
clock the application reads. After every step the grants the API lists are compared with
the rows in the database and with what a small model of the town expects: who has left,
who was offboarded (their grants revoked, their API keys refused) and which departed
people the posture report must name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx2
import pytest
import time_machine
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    MultipleResults,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.accounts.models import AccessGrant, GrantStatus
from app.accounts.posture import grant_status
from app.audit.models import AuditEvent
from app.auth.errors import ApiKeyHolderNotAllowed
from app.core.actor import Role
from app.core.db import Database
from app.core.vocabulary import GrantRole
from app.people.models import Person, PersonStatus
from tests.accounts.conftest import ACCOUNTS, Registry
from tests.conftest import empty_tables
from tests.core.problems import PROBLEM_MEDIA_TYPE
from tests.factories import create_department

COVERED = ("employee", "volunteer", "contract_employee")
FIRM = "contracting_firm"
NEEDS_EXPIRY = frozenset({"volunteer", "contract_employee"})
MAX_ACCOUNTS = 3
MAX_KEYS = 4
MAX_STAYING = 6  # people not departed: enough to grant to, few enough to roster
DAY = 24  # hours
LENGTHS = (1, 12, 2 * DAY, 10 * DAY, 30 * DAY, 120 * DAY)  # how long grants last, in hours
ROLES = [role.value for role in GrantRole]


def _spans(*hours: int) -> st.SearchStrategy[dt.timedelta]:
    """A few spans from an hour to months. Plain integers would mostly give an hour or two,
    too short to outlive a contract; shared values let the clock land exactly on an expiry."""
    return st.sampled_from([dt.timedelta(hours=h) for h in hours])


# A role, when the grant starts (now when None) and how long it lasts (open-ended when None).
GrantRequest = tuple[str, dt.timedelta | None, dt.timedelta | None]
GRANT_REQUESTS: st.SearchStrategy[GrantRequest] = st.tuples(
    st.sampled_from(ROLES),
    st.none() | _spans(1, 12, 3 * DAY),
    _spans(*LENGTHS) | st.none(),
)
# Days from today to the last day of a contract: ended, ending today, or still running.
CONTRACT_ENDS = st.sampled_from([0, 5, -1, 20, -30, 1, 60])

SETTINGS = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(eq=False)
class Someone:
    """A person the machine hired, as grants and the roster name them."""

    id: str
    email: str
    person_type: str
    keys: list[str] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class GrantRef:
    """A grant the API created, with what it takes to ask for the same again."""

    account_id: str
    grant_id: str
    holder: Someone
    role: str


@dataclass(frozen=True)
class Proposal:
    """A reconciliation stored without ``apply``: the people its findings offboard, and the
    grants they cut to a contract's end (grant id to that end)."""

    id: str
    offboards: frozenset[str]
    cuts: dict[str, dt.datetime]


@dataclass(frozen=True)
class GrantRow:
    id: str
    account_id: str
    person_id: str
    role: str
    starts_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    status: GrantStatus  # what app.accounts.posture makes of the row now


@dataclass(frozen=True)
class Snapshot:
    """The database as it stands: grants, and each person's status."""

    now: dt.datetime
    grants: list[GrantRow]
    status: dict[str, PersonStatus]

    def departed(self, person_id: str) -> bool:
        return self.status[person_id] == PersonStatus.DEPARTED

    def unrevoked(self, person_id: str | None = None) -> list[GrantRow]:
        return [g for g in self.grants if g.revoked_at is None and person_id in (None, g.person_id)]


def expected_status(grant: GrantRow, departed: bool, now: dt.datetime) -> GrantStatus:
    """The effective status the registry promises, worked out here apart from the app."""
    if grant.revoked_at is not None:
        return GrantStatus.REVOKED
    if departed:
        return GrantStatus.HOLDER_DEPARTED
    if grant.starts_at > now:
        return GrantStatus.PENDING
    if grant.expires_at is not None and grant.expires_at <= now:
        return GrantStatus.EXPIRED
    return GrantStatus.ACTIVE


def overlaps(grant: GrantRow, starts_at: dt.datetime, expires_at: dt.datetime | None) -> bool:
    """Whether two half-open periods [start, expiry) meet; no expiry is open-ended."""
    before_other_ends = expires_at is None or grant.starts_at < expires_at
    ends_after_other_starts = grant.expires_at is None or grant.expires_at > starts_at
    return before_other_ends and ends_after_other_starts


def contract_end(day: dt.date) -> dt.datetime:
    """Access for a contract whose last day is ``day`` ends at the next midnight, UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def _next_midnight() -> dt.datetime:
    return contract_end(dt.datetime.now(dt.UTC).date())


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def _parse(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _ids(items: Iterable[dict[str, Any]]) -> set[str]:
    return {str(item["id"]) for item in items}


def _refused(response: httpx2.Response, status: int, type_: str) -> dict[str, Any]:
    """The problem document of a refusal (the client's response type is not the one
    ``tests.core.problems.assert_problem`` is annotated with)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body: dict[str, Any] = response.json()
    assert body["type"] == type_, body
    return body


class GrantLifecycle(RuleBasedStateMachine):
    """One town, from empty tables, through a random sequence of access changes."""

    people = Bundle[Someone]("people")

    def __init__(
        self, client: TestClient, database: Database, make_key: Callable[..., str]
    ) -> None:
        super().__init__()
        empty_tables(database)
        self.client = client
        self.database = database
        self.make_key = make_key
        admin = _bearer(make_key(Role.ADMIN))
        self.registry = Registry(client, admin, make_key)
        self.registry.department_id = create_department(client, admin)["id"]
        cao = self.registry.person(person_type="cao")
        self.registry.approver = self.registry.headers(Role.APPROVER, cao["id"])
        self.registry.integration = _bearer(make_key(Role.INTEGRATION))
        self.hired: list[Someone] = []
        self.granted: list[GrantRef] = []
        self.account_ids: list[str] = []
        self.departed: set[str] = set()
        self.offboarded: set[str] = set()
        self.proposed: list[Proposal] = []
        self.refused: set[str] = set()
        # Started last: nothing above can fail with the clock left moved. Frozen at the next
        # midnight, UTC: whole days then land on contract ends, which fall at midnight.
        self.travel = time_machine.travel(_next_midnight(), tick=False)
        self.clock = self.travel.start()

    def teardown(self) -> None:
        self.travel.stop()

    # Reading the state -------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        now = dt.datetime.now(dt.UTC)
        with self.database.transaction() as session:
            rows = session.execute(
                select(AccessGrant, Person.status).join(Person, Person.id == AccessGrant.person_id)
            ).all()
            grants = [
                GrantRow(
                    id=str(g.id),
                    account_id=str(g.account_id),
                    person_id=str(g.person_id),
                    role=str(g.role),
                    starts_at=g.starts_at,
                    expires_at=g.expires_at,
                    revoked_at=g.revoked_at,
                    status=grant_status(g, PersonStatus(holder), now),
                )
                for g, holder in rows
            ]
            status = {
                str(pid): PersonStatus(s)
                for pid, s in session.execute(select(Person.id, Person.status))
            }
        return Snapshot(now, grants, status)

    def writes(self) -> tuple[int, int]:
        """Grants and audit events stored: a refused request changes neither."""
        with self.database.transaction() as session:
            grants = session.scalar(select(func.count()).select_from(AccessGrant)) or 0
            events = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        return grants, events

    def listed(self, account_id: str) -> list[dict[str, Any]]:
        response = self.client.get(
            f"{ACCOUNTS}/{account_id}/grants",
            params={"include_revoked": True, "page_size": 100},
            headers=self.registry.admin,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["total"] <= 100, "more grants than one page holds"
        items: list[dict[str, Any]] = body["items"]
        return items

    def departed_access(self) -> dict[str, list[str]]:
        """Account id to the people its departed_access finding names, from the city-wide
        posture report (the per-account posture applies the same rules): one request."""
        response = self.client.get(
            f"{ACCOUNTS}/posture-report",
            params={"min_severity": "critical", "page_size": 100},
            headers=self.registry.approver,
        )
        assert response.status_code == 200, response.text
        return {
            str(item["account"]["id"]): finding["person_ids"]
            for item in response.json()["items"]
            for finding in item["findings"]
            if finding["code"] == "departed_access"
        }

    def staying(self) -> list[Someone]:
        return [p for p in self.hired if p.id not in self.departed]

    def still_here(self, position: int) -> Someone:
        """Someone not departed, counted back from the latest hire."""
        staying = self.staying()
        return staying[-1 - position % len(staying)]

    # Accounts and people -----------------------------------------------------------------

    def _open_account(self) -> str:
        account_id = str(self.registry.account("active")["id"])
        self.account_ids.append(account_id)
        return account_id

    @precondition(lambda self: len(self.account_ids) < MAX_ACCOUNTS)
    @rule()
    def open_account(self) -> None:
        self._open_account()

    def _hire(self, person_type: str) -> Someone:
        extra: dict[str, Any] = {"department_id": None} if person_type == FIRM else {}
        person = self.registry.person(person_type=person_type, **extra)
        someone = Someone(str(person["id"]), str(person["email"]), person_type)
        self.hired.append(someone)
        return someone

    @initialize(
        target=people,
        roles=st.lists(st.sampled_from(ROLES), min_size=3, max_size=3),
        lengths=st.lists(_spans(*LENGTHS), min_size=2, max_size=2),
    )
    def town(self, roles: list[str], lengths: list[dt.timedelta]) -> MultipleResults[Someone]:
        """An account and one person of each type, the three covered ones with a grant on it
        (the employee's open-ended, and an API key): every rule has something to act on from
        the first step. Rules draw the latest people most often: the employee comes last."""
        account_id = self._open_account()
        firm, contractor, volunteer, employee = (
            self._hire(person_type) for person_type in (FIRM, *reversed(COVERED))
        )
        self._attempt_grant(account_id, employee, roles[0], None, None)
        self._attempt_grant(account_id, volunteer, roles[1], None, lengths[0])
        self._attempt_grant(account_id, contractor, roles[2], None, lengths[1])
        self._issue_key(employee)
        return multiple(firm, contractor, volunteer, employee)

    @precondition(lambda self: len(self.staying()) < MAX_STAYING)
    @rule(target=people, person_type=st.sampled_from((*COVERED, FIRM)), with_key=st.booleans())
    def hire(self, person_type: str, with_key: bool) -> Someone:
        """A newcomer, perhaps with an API key (a firm's is refused)."""
        someone = self._hire(person_type)
        if with_key and sum(len(p.keys) for p in self.hired) < MAX_KEYS:
            self._issue_key(someone)
        return someone

    def _issue_key(self, person: Someone) -> None:
        if person.id in self.departed or person.person_type == FIRM:
            with pytest.raises(ApiKeyHolderNotAllowed):
                self.make_key(Role.MODERATOR, person_id=person.id)
            return
        person.keys.append(self.make_key(Role.MODERATOR, person_id=person.id))

    # Grants ------------------------------------------------------------------------------

    def _expected_refusal(
        self,
        state: Snapshot,
        account_id: str,
        person: Someone,
        role: str,
        period: tuple[dt.datetime, dt.datetime | None],
    ) -> tuple[int, set[str]]:
        """The status a grant request must get (201 when none), and the grants it clashes
        with."""
        if state.departed(person.id) or person.person_type == FIRM:
            return 422, set()
        if period[1] is None and person.person_type in NEEDS_EXPIRY:
            return 422, set()
        clashes = {
            g.id
            for g in state.unrevoked(person.id)
            if g.account_id == account_id and g.role == role and overlaps(g, *period)
        }
        return (409, clashes) if clashes else (201, set())

    def _attempt_grant(
        self,
        account_id: str,
        person: Someone,
        role: str,
        starts_in: dt.timedelta | None,
        lasts: dt.timedelta | None,
    ) -> None:
        state = self.snapshot()
        starts_at = state.now + starts_in if starts_in is not None else state.now
        expires_at = starts_at + lasts if lasts is not None else None
        expected, clashes = self._expected_refusal(
            state, account_id, person, role, (starts_at, expires_at)
        )
        body: dict[str, Any] = {"person_id": person.id, "role": role}
        if starts_in is not None:
            body["starts_at"] = _iso(starts_at)
        if expires_at is not None:
            body["expires_at"] = _iso(expires_at)
        before = self.writes() if expected != 201 else None
        response = self.client.post(
            f"{ACCOUNTS}/{account_id}/grants", json=body, headers=self.registry.admin
        )
        if expected != 201:
            if expected == 409:
                assert _refused(response, 409, "/problems/grant-overlap")["grant_id"] in clashes
            else:
                _refused(response, 422, "/problems/grant-not-allowed")
            assert self.writes() == before
            return
        assert response.status_code == 201, response.text
        created = response.json()
        assert created["status"] == ("pending" if starts_in is not None else "active")
        self.granted.append(GrantRef(account_id, str(created["id"]), person, role))

    def earlier_grant(self, position: int) -> GrantRef:
        """A grant made before, counted back from the latest."""
        return self.granted[-1 - position % len(self.granted)]

    @precondition(lambda self: bool(self.staying()))
    @rule(
        account_at=st.integers(0, MAX_ACCOUNTS - 1),
        staying_at=st.integers(0, MAX_STAYING - 1),
        requests=st.lists(GRANT_REQUESTS, min_size=1, max_size=3),
    )
    def grant(self, account_at: int, staying_at: int, requests: list[GrantRequest]) -> None:
        """One to three grants on one account to someone still here (a draw from the people
        bundle would mostly find someone departed); grant_same_role_again tries departed
        holders."""
        account_id = self.account_ids[account_at % len(self.account_ids)]
        person = self.still_here(staying_at)
        for request in requests:
            self._attempt_grant(account_id, person, *request)

    @precondition(lambda self: bool(self.granted))
    @rule(
        made_at=st.integers(0, 20),
        starts_in=st.none() | _spans(1, 12, 3 * DAY),
        lasts=_spans(*LENGTHS[:4]) | st.none(),
    )
    def grant_same_role_again(
        self, made_at: int, starts_in: dt.timedelta | None, lasts: dt.timedelta | None
    ) -> None:
        """The same role to the same person on the same account (counted back from the
        latest grant made): mostly an overlap, or a holder who has left since."""
        existing = self.earlier_grant(made_at)
        self._attempt_grant(existing.account_id, existing.holder, existing.role, starts_in, lasts)

    @precondition(lambda self: bool(self.granted))
    @rule(made_at=st.integers(0, 20))
    def revoke(self, made_at: int) -> None:
        ref = self.earlier_grant(made_at)
        row = next(g for g in self.snapshot().grants if g.id == ref.grant_id)
        response = self.client.post(
            f"{ACCOUNTS}/{ref.account_id}/grants/{ref.grant_id}/revoke",
            json={"reason": "No longer needed"},
            headers=self.registry.admin,
        )
        if row.revoked_at is not None:
            _refused(response, 409, "/problems/grant-already-revoked")
            return
        assert response.status_code == 200, response.text
        assert (response.json()["status"], response.json()["revocation_cause"]) == (
            "revoked",
            "manual",
        )

    # Departures --------------------------------------------------------------------------

    def _offboard_once(self, person: Someone, departed_on: dt.date | None) -> dict[str, Any]:
        body: dict[str, Any] = {"reason": "Left the town's service"}
        if departed_on is not None:
            body["departed_on"] = departed_on.isoformat()
        response = self.client.post(
            f"/api/v1/people/{person.id}/offboarding",
            json=body,
            headers=self.registry.integration,
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    @rule(
        person=people,
        days_ago=st.none() | st.integers(0, 30),
        twice=st.booleans(),
    )
    def offboard(self, person: Someone, days_ago: int | None, twice: bool) -> None:
        """HR offboards anyone, departed already or not; ``twice``: at once again, which
        must change nothing."""
        state = self.snapshot()
        open_grants = {g.id for g in state.unrevoked(person.id)}
        departed_on = None if days_ago is None else state.now.date() - dt.timedelta(days_ago)
        result = self._offboard_once(person, departed_on)
        assert result["already_departed"] is (person.id in self.departed)
        if person.id not in self.departed:
            assert result["departed_on"] == (departed_on or state.now.date()).isoformat()
        assert _ids(result["revoked_grants"]) == open_grants
        assert {g["status"] for g in result["revoked_grants"]} <= {"revoked"}
        # Keys of someone already offboarded were revoked then; a departure recorded
        # elsewhere left them for this call to revoke.
        expected_keys = 0 if person.id in self.offboarded else len(person.keys)
        assert len(result["revoked_api_keys"]) == expected_keys
        self.departed.add(person.id)
        self.offboarded.add(person.id)
        self._issue_key(person)  # refused: nobody issues keys to people who have left
        if twice:
            again = self._offboard_once(person, None)
            assert again["already_departed"] is True
            assert (again["revoked_grants"], again["revoked_api_keys"]) == ([], [])
            assert again["departed_on"] == result["departed_on"]

    @precondition(lambda self: bool(self.staying()))
    @rule(staying_at=st.integers(0, MAX_STAYING - 1))
    def record_departure_elsewhere(self, staying_at: int) -> None:
        """The people route marks someone departed and leaves their grants alone: the grants
        must then read holder_departed. Counted back from the latest hire, as grants are."""
        person = self.still_here(staying_at)
        current = self.client.get(f"/api/v1/people/{person.id}", headers=self.registry.admin)
        assert current.status_code == 200, current.text
        response = self.client.patch(
            f"/api/v1/people/{person.id}",
            json={"status": "departed", "departed_on": dt.datetime.now(dt.UTC).date().isoformat()},
            headers={**self.registry.admin, "If-Match": f'"{current.json()["version"]}"'},
        )
        assert response.status_code == 200, response.text
        self.departed.add(person.id)

    # Reconciliation ----------------------------------------------------------------------

    def _roster(
        self, absent: set[int], contract_ends: dict[str, int | None], today: dt.date
    ) -> dict[str, dt.date | None]:
        """Person id to contract end for everyone the HR system lists as active: everyone
        hired but the people still here at the ``absent`` positions (departed people stay
        on it, as a stale roster would have them)."""
        left_off = {self.still_here(position).id for position in absent if self.staying()}
        roster: dict[str, dt.date | None] = {}
        for person in self.hired:
            if person.id in left_off:
                continue
            offset = contract_ends.get(person.person_type)
            roster[person.id] = None if offset is None else today + dt.timedelta(days=offset)
        return roster

    @staticmethod
    def _to_offboard(state: Snapshot, roster: dict[str, dt.date | None]) -> set[str]:
        """Active people off the roster who hold a grant, and anyone whose contract ended."""
        today = state.now.date()
        ended = {
            pid
            for pid, ends in roster.items()
            if ends is not None and ends < today and not state.departed(pid)
        }
        holders = {g.person_id for g in state.unrevoked() if not state.departed(g.person_id)}
        return ended | (holders - roster.keys())

    @staticmethod
    def _to_cut(state: Snapshot, roster: dict[str, dt.date | None]) -> dict[str, dt.datetime]:
        """Open grants that run past their holder's contract, still running, to its end."""
        cuts: dict[str, dt.datetime] = {}
        for pid, ends in roster.items():
            if ends is None or ends < state.now.date() or state.departed(pid):
                continue
            end = contract_end(ends)
            for grant in state.unrevoked(pid):
                if grant.expires_at is None or grant.expires_at > end:
                    cuts[grant.id] = end
        return cuts

    @rule(
        absent=st.sets(st.integers(0, MAX_STAYING - 1), max_size=3),
        volunteers_end=CONTRACT_ENDS | st.none(),
        contractors_end=CONTRACT_ENDS | st.none(),
        apply=st.booleans(),
    )
    def reconcile(
        self,
        absent: set[int],
        volunteers_end: int | None,
        contractors_end: int | None,
        apply: bool,
    ) -> None:
        """The HR roster: everyone but a few people still here, with contract ends (days from
        today) for volunteers and contract employees; applied at once or stored."""
        before = self.snapshot()
        ends = {"volunteer": volunteers_end, "contract_employee": contractors_end}
        roster = self._roster(absent, ends, before.now.date())
        expected = self._to_offboard(before, roster)
        expected_cuts = self._to_cut(before, roster)
        emails = {p.id: p.email for p in self.hired}
        entries = [
            {"email": emails[pid], **({"contract_ends_on": ends.isoformat()} if ends else {})}
            for pid, ends in roster.items()
        ]
        response = self.client.post(
            "/api/v1/reconciliations",
            json={"people": entries, "apply": apply},
            headers=self.registry.integration,
        )
        assert response.status_code == 201, response.text
        result = response.json()
        offboards = frozenset(
            str(f["person_id"]) for f in result["findings"] if f["action"] == "offboard"
        )
        assert offboards == expected
        cut = {
            str(grant_id)
            for f in result["findings"]
            if f["action"] == "end_grants_at_contract_end"
            for grant_id in f["grant_ids"]
        }
        assert cut == expected_cuts.keys()
        if not apply:
            assert result["status"] == "proposed"
            after = self.snapshot()
            assert (after.grants, after.status) == (before.grants, before.status)
            self.proposed.append(Proposal(result["id"], offboards, expected_cuts))
            return
        assert result["status"] == "applied"
        assert all(f["applied"] for f in result["findings"] if f["action"] != "none")
        self.departed |= offboards
        self.offboarded |= offboards
        self._check_cuts(expected_cuts)
        self._check_contract_ends(roster)

    def _check_cuts(self, cuts: dict[str, dt.datetime]) -> None:
        """Each grant a reconciliation cut now ends by the contract's end, or is revoked."""
        rows = {g.id: g for g in self.snapshot().grants}
        for grant_id, end in cuts.items():
            row = rows[grant_id]
            ended = row.expires_at is not None and row.expires_at <= end
            assert row.revoked_at is not None or ended, (row, end)

    def _check_contract_ends(self, roster: dict[str, dt.date | None]) -> None:
        """After an applied reconciliation no open grant outlives its holder's contract."""
        state = self.snapshot()
        for pid, ends in roster.items():
            if ends is None or state.departed(pid):
                continue
            for grant in state.unrevoked(pid):
                assert grant.expires_at is not None, grant
                assert grant.expires_at <= contract_end(ends), (grant, ends)

    @precondition(lambda self: bool(self.proposed))
    @rule()
    def apply_later(self) -> None:
        """Act on the oldest stored reconciliation, whatever changed since; only once."""
        proposal = self.proposed.pop(0)
        url = f"/api/v1/reconciliations/{proposal.id}/apply"
        response = self.client.post(url, headers=self.registry.integration)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "applied"
        self.departed |= proposal.offboards
        self.offboarded |= proposal.offboards
        self._check_cuts(proposal.cuts)
        again = self.client.post(url, headers=self.registry.integration)
        _refused(again, 409, "/problems/reconciliation-already-applied")

    # Time --------------------------------------------------------------------------------

    @rule(delta=_spans(1, 11, 12, DAY, *LENGTHS[2:5]))
    def time_passes(self, delta: dt.timedelta) -> None:
        before = dt.datetime.now(dt.UTC)
        self.clock.shift(delta)
        assert dt.datetime.now(dt.UTC) - before == delta

    @rule(short_of_it=st.sampled_from([dt.timedelta(0), dt.timedelta(microseconds=1)]))
    def until_next_expiry(self, short_of_it: dt.timedelta) -> None:
        """Stop the clock on the next expiry of an open grant, or a microsecond before it:
        expires_at <= now is the boundary between active and expired."""
        state = self.snapshot()
        ahead = [
            g.expires_at
            for g in state.unrevoked()
            if g.expires_at is not None and g.expires_at > state.now
        ]
        if ahead:
            self.clock.shift(min(ahead) - short_of_it - state.now)

    # Invariants --------------------------------------------------------------------------

    @invariant()
    def no_access_outlives_its_holder_or_expiry(self) -> None:
        state = self.snapshot()
        self.check_rows(state)
        self.check_api_listing(state)
        self.check_cut_off(state)
        self.check_posture(state)

    def check_rows(self, state: Snapshot) -> None:
        """The database's grants, as the app reads them, and who has left."""
        for grant in state.grants:
            if grant.status == GrantStatus.ACTIVE:
                assert not state.departed(grant.person_id), grant
                assert grant.expires_at is None or grant.expires_at > state.now, grant
            expected = expected_status(grant, state.departed(grant.person_id), state.now)
            assert grant.status == expected, grant
        departed = {p.id for p in self.hired if state.departed(p.id)}
        assert departed == self.departed

    def check_api_listing(self, state: Snapshot) -> None:
        """Each account's grants through the API: the same rows, the same statuses."""
        rows = {g.id: g for g in state.grants}
        for account_id in self.account_ids:
            listed = self.listed(account_id)
            assert _ids(listed) == {g.id for g in state.grants if g.account_id == account_id}
            for item in listed:
                holder_left = state.departed(str(item["person_id"]))
                expires_at = _parse(item["expires_at"])
                if item["status"] == "active":
                    assert not holder_left, item
                    assert expires_at is None or expires_at > state.now, item
                row = rows[str(item["id"])]
                assert item["status"] == row.status, item
                assert (item["revoked_at"] is None) == (row.revoked_at is None), item

    def check_cut_off(self, state: Snapshot) -> None:
        """Offboarded people hold no unrevoked grant; departed people's keys are refused."""
        for pid in self.offboarded:
            assert state.unrevoked(pid) == [], pid
        for person in self.hired:
            departed = person.id in self.departed
            for token in person.keys:
                if token in self.refused:
                    continue  # departures are final here: a refused key stays refused
                response = self.client.get("/api/v1/auth/whoami", headers=_bearer(token))
                assert response.status_code == (401 if departed else 200), (person, response.text)
                if departed:
                    self.refused.add(token)

    def check_posture(self, state: Snapshot) -> None:
        """departed_access names exactly the departed people with unrevoked grants."""
        holding: dict[str, set[str]] = {}
        for grant in state.unrevoked():
            if state.departed(grant.person_id):
                holding.setdefault(grant.account_id, set()).add(grant.person_id)
        expected = {account_id: sorted(people) for account_id, people in holding.items()}
        assert self.departed_access() == expected


def _on_this_backend(
    client: TestClient, database: Database, make_key: Callable[..., str]
) -> type[GrantLifecycle]:
    """The machine bound to the test's fixtures: hypothesis builds one per example."""

    class Town(GrantLifecycle):
        def __init__(self) -> None:
            super().__init__(client, database, make_key)

    return Town


def test_no_sequence_leaves_active_access(
    client: TestClient, database: Database, make_key: Callable[..., str]
) -> None:
    run_state_machine_as_test(_on_this_backend(client, database, make_key), settings=SETTINGS)
    assert not time_machine.escape_hatch.is_travelling()


def test_an_offboarded_person_with_open_grants_would_be_caught(
    client: TestClient, database: Database, make_key: Callable[..., str]
) -> None:
    """The invariants can fail: a grant left open behind an offboarding is reported."""
    machine = GrantLifecycle(client, database, make_key)
    try:
        machine.open_account()
        person = machine._hire("employee")
        machine.grant(0, 0, [(GrantRole.OWNER.value, None, None)])
        machine.offboard(person, None, twice=False)
        with database.transaction() as session:
            grant = session.scalars(select(AccessGrant)).one()
            grant.revoked_at = None
            grant.revocation_cause = None
        state = machine.snapshot()
        machine.check_posture(state)  # the posture report does see it
        with pytest.raises(AssertionError, match=person.id):
            machine.check_cut_off(state)
    finally:
        machine.teardown()
