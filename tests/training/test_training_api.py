"""The training API over HTTP: the catalogue, results from the learning-management system
(one at a time and in batches), policy acknowledgements, eligibility with its gaps and dates,
and the compliance report in JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.core.config import Settings
from app.core.db import Database
from tests.accounts.conftest import Registry
from tests.core.problems import assert_problem
from tests.policies.conftest import SMALL_POLICY, import_document
from tests.training.conftest import TRAINING, Training, days, ok, seed_town

Auth = Callable[[Role], dict[str, str]]
COMPLETIONS = f"{TRAINING}/completions"
MODULES = f"{TRAINING}/modules"
ACKNOWLEDGEMENTS = f"{TRAINING}/acknowledgements"
COMPLIANCE = f"{TRAINING}/compliance"
NOBODY = "00000000-0000-4000-8000-000000000000"


def _completions_of(client: TestClient, headers: dict[str, str], person_id: str) -> list[Any]:
    page = ok(client.get(COMPLETIONS, params={"person_id": person_id}, headers=headers))
    assert page["total"] == len(page["items"])
    return list(page["items"])


# Catalogue --------------------------------------------------------------------------------


def test_competencies_are_listed_and_a_code_exists_once(
    client: TestClient, training: Training, auth: Auth
) -> None:
    training.competency("handling_harassment")
    training.competency("policy_compliance")

    listed = ok(client.get(f"{TRAINING}/competencies", headers=auth(Role.STAFF)))
    assert [c["code"] for c in listed["items"]] == ["handling_harassment", "policy_compliance"]
    again = client.post(
        f"{TRAINING}/competencies",
        json={"code": "Handling_Harassment", "name": "Again"},
        headers=training.admin,
    )
    assert_problem(again, 409, "/problems/competency-taken")


def test_a_module_version_is_created_with_its_location_and_etag(
    client: TestClient, training: Training, auth: Auth
) -> None:
    training.competency("privacy")
    training.competency("records")
    body = {
        "code": "SM-101",
        "module_version": "2024.1",
        "title": "Social media at the Town",
        "competency_codes": ["records", "privacy", "records"],
        "validity_days": 365,
        "pass_mark": 75,
        "required_for_roles": ["publisher", "moderator", "publisher"],
    }

    response = client.post(MODULES, json=body, headers=training.admin)

    created = ok(response, 201)
    assert response.headers["Location"] == f"{MODULES}/{created['id']}"
    assert response.headers["ETag"] == f'"{created["version"]}"'
    assert created["code"] == "sm-101"
    assert created["competency_codes"] == ["privacy", "records"]
    assert created["required_for_roles"] == ["moderator", "publisher"]
    assert created["pass_mark"] == 75
    assert created["retired_on"] is None
    fetched = client.get(f"{MODULES}/{created['id']}", headers=auth(Role.STAFF))
    assert ok(fetched) == created
    assert fetched.headers["ETag"] == response.headers["ETag"]


def test_a_module_naming_an_unknown_competency_is_refused(
    client: TestClient, training: Training
) -> None:
    training.competency("privacy")
    body = {
        "code": "SM-101",
        "module_version": "1",
        "title": "Social media",
        "competency_codes": ["privacy", "astrology"],
        "validity_days": 365,
    }

    response = client.post(MODULES, json=body, headers=training.admin)

    problem = assert_problem(response, 422, "/problems/training-module-invalid", detail=True)
    assert "astrology" in problem["detail"]
    assert ok(client.get(MODULES, headers=training.admin))["total"] == 0


def test_a_module_version_exists_once(client: TestClient, training: Training) -> None:
    training.module("SM-101", ["privacy"], version="2024.1")

    again = client.post(
        MODULES,
        json={
            "code": "sm-101",
            "module_version": "2024.1",
            "title": "Same version, other title",
            "competency_codes": ["privacy"],
            "validity_days": 30,
        },
        headers=training.admin,
    )

    assert_problem(again, 409, "/problems/training-module-version-taken")
    training.module("SM-101", ["privacy"], version="2025.1")
    assert ok(client.get(MODULES, headers=training.admin))["total"] == 2


def test_retiring_needs_if_match_and_happens_once(
    client: TestClient, training: Training, today: dt.date
) -> None:
    module = training.module("SM-101", ["privacy"])
    url = f"{MODULES}/{module['id']}/retire"
    body = {"reason": "Replaced by the 2025 edition", "requires_retraining": True}

    assert_problem(client.post(url, json=body, headers=training.admin), 428)
    stale = {**training.admin, "If-Match": f'"{module["version"] + 1}"'}
    assert_problem(client.post(url, json=body, headers=stale), 412)

    retired = training.retire(module["id"], requires_retraining=True)
    assert retired["retired_on"] == today.isoformat()
    assert retired["retraining_on_retire"] is True
    assert retired["retirement_reason"] == "Replaced by a new edition"
    assert retired["version"] == module["version"] + 1

    current = {**training.admin, "If-Match": f'"{retired["version"]}"'}
    again = client.post(url, json=body, headers=current)
    assert_problem(again, 409, "/problems/training-module-retired")
    assert ok(client.get(MODULES, headers=training.admin))["total"] == 0
    everything = ok(client.get(MODULES, params={"include_retired": True}, headers=training.admin))
    assert [m["id"] for m in everything["items"]] == [module["id"]]


def test_only_administrators_keep_the_catalogue(
    client: TestClient, training: Training, auth: Auth
) -> None:
    module = training.module("SM-101", ["privacy"])
    new_module = {
        "code": "SM-102",
        "module_version": "1",
        "title": "Another",
        "competency_codes": ["privacy"],
        "validity_days": 30,
    }
    competency = {"code": "records", "name": "Records"}

    for role in (Role.STAFF, Role.MODERATOR, Role.INTEGRATION, Role.AUDITOR, Role.APPROVER):
        headers = auth(role)
        assert_problem(client.post(MODULES, json=new_module, headers=headers), 403)
        created = client.post(f"{TRAINING}/competencies", json=competency, headers=headers)
        assert_problem(created, 403)
        retire = client.post(
            f"{MODULES}/{module['id']}/retire",
            json={"reason": "No"},
            headers={**headers, "If-Match": f'"{module["version"]}"'},
        )
        assert_problem(retire, 403)

    assert ok(client.get(MODULES, headers=training.admin))["total"] == 1
    assert ok(client.get(f"{MODULES}/{module['id']}", headers=training.admin)) == module
    assert training.competencies == {"privacy"}
    listed = ok(client.get(f"{TRAINING}/competencies", headers=training.admin))
    assert [c["code"] for c in listed["items"]] == ["privacy"]


# Completions ------------------------------------------------------------------------------


def test_a_completion_is_created_then_recognised_when_resent(
    client: TestClient, training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"])
    body = training.completion_body(
        person["id"], module["id"], today - days(3), 91.5, external_id="lms-10877"
    )

    first = client.post(COMPLETIONS, json=body, headers=training.integration)
    created = ok(first, 201)
    assert first.headers["Location"] == f"{COMPLETIONS}/{created['id']}"
    resent = client.post(COMPLETIONS, json=body, headers=training.integration)
    assert ok(resent, 200) == created
    # Without the external id the same person, module and date is the same result.
    no_id = {k: v for k, v in body.items() if k != "external_id"}
    assert ok(client.post(COMPLETIONS, json=no_id, headers=training.integration), 200) == created

    for different in (
        {**body, "score": 60},
        {**no_id, "score": 60},
        {**body, "completed_on": (today - days(4)).isoformat()},
    ):
        conflict = client.post(COMPLETIONS, json=different, headers=training.integration)
        problem = assert_problem(conflict, 409, "/problems/training-completion-conflict")
        assert problem["completion_id"] == created["id"]
    assert _completions_of(client, training.admin, person["id"]) == [created]
    assert ok(client.get(f"{COMPLETIONS}/{created['id']}", headers=training.admin)) == created


# (validity days, module's pass mark, what is sent) -> (passed, pass mark recorded)
SCORING: list[tuple[int, float, dict[str, float], bool, float]] = [
    (1, 80, {"score": 80}, True, 80),
    (365, 80, {"score": 79.99}, False, 80),
    (730, 80, {"score": 75, "pass_mark": 70}, True, 70),
    (90, 50, {"score": 60, "pass_mark": 65}, False, 65),
    (3650, 0, {"score": 0}, True, 0),
]


def test_passed_and_expiry_follow_the_module(
    training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    completed_on = today - days(10)

    for n, (validity_days, module_pass_mark, sent, passed, pass_mark) in enumerate(SCORING):
        module = training.module(
            f"SM-{n}", ["privacy"], validity_days=validity_days, pass_mark=module_pass_mark
        )
        completion = training.complete(person["id"], module["id"], completed_on, **sent)

        assert completion["passed"] is passed, completion
        assert completion["pass_mark"] == pass_mark, completion
        assert completion["score"] == sent["score"]
        # The day it was taken is the first of its validity days.
        last_day = completed_on + days(validity_days - 1)
        assert completion["expires_on"] == last_day.isoformat(), completion
        assert completion["recorded_by"]


def _refusals(
    training: Training, registry: Registry, today: dt.date
) -> dict[str, tuple[dict[str, Any], int, str]]:
    person = registry.person()
    firm = registry.person(person_type="contracting_firm")
    module = training.module("SM-101", ["privacy"])
    body = training.completion_body(person["id"], module["id"])
    invalid = "/problems/training-completion-invalid"
    return {
        "unknown person": ({**body, "person_id": NOBODY}, 422, invalid),
        "unknown module": ({**body, "module_id": NOBODY}, 422, invalid),
        "contracting firm": ({**body, "person_id": firm["id"]}, 422, invalid),
        "tomorrow in the town": (
            {**body, "completed_on": (today + days(1)).isoformat()},
            422,
            invalid,
        ),
        "score above 100": ({**body, "score": 100.5}, 422, "/problems/validation-error"),
        "score below 0": ({**body, "score": -0.5}, 422, "/problems/validation-error"),
        "pass mark above 100": ({**body, "pass_mark": 101}, 422, "/problems/validation-error"),
    }


def test_completions_that_cannot_be_true_are_refused_and_nothing_is_written(
    client: TestClient, training: Training, registry: Registry, today: dt.date
) -> None:
    for name, (body, status, type_) in _refusals(training, registry, today).items():
        response = client.post(COMPLETIONS, json=body, headers=training.integration)
        assert response.status_code == status, (name, response.text)
        assert_problem(response, status)
        assert response.json()["type"] == type_, (name, response.json())
    assert ok(client.get(COMPLETIONS, headers=training.admin))["total"] == 0


def test_the_future_is_judged_on_the_town_date(
    client: TestClient, training: Training, registry: Registry, settings: Settings
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"])
    # 03:30 UTC is the evening before in the town (America/Toronto by default).
    moment = (dt.datetime.now(dt.UTC) + days(2)).replace(hour=3, minute=30, second=0)
    utc_date, town_date = moment.date(), moment.astimezone(settings.zone).date()
    assert town_date == utc_date - days(1)

    with time_machine.travel(moment, tick=False):
        ahead = training.completion_body(person["id"], module["id"], utc_date)
        refused = client.post(COMPLETIONS, json=ahead, headers=training.integration)
        problem = assert_problem(refused, 422, "/problems/training-completion-invalid")
        assert town_date.isoformat() in problem["detail"]
        done = training.complete(person["id"], module["id"], town_date)

    assert done["completed_on"] == town_date.isoformat()


def test_a_retired_version_takes_no_completion_from_its_retirement(
    client: TestClient, training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"])
    training.retire(module["id"])

    on_the_day = training.completion_body(person["id"], module["id"], today)
    refused = client.post(COMPLETIONS, json=on_the_day, headers=training.integration)

    problem = assert_problem(refused, 422, "/problems/training-completion-invalid")
    assert today.isoformat() in problem["detail"]
    before = training.complete(person["id"], module["id"], today - days(1))
    assert _completions_of(client, training.admin, person["id"]) == [before]


# Batches ----------------------------------------------------------------------------------


def test_a_batch_is_judged_item_by_item_and_resent_unchanged(
    client: TestClient, training: Training, registry: Registry, today: dt.date
) -> None:
    ana, ben = registry.person(), registry.person()
    module = training.module("SM-101", ["privacy"], pass_mark=80)
    earlier = training.complete(ana["id"], module["id"], today - days(30), 95, external_id="e-1")
    items = [
        training.completion_body(ana["id"], module["id"], today, 88, external_id="b-1"),
        training.completion_body(NOBODY, module["id"], today, 88, external_id="b-2"),
        training.completion_body(ben["id"], module["id"], today - days(1), 70),
        # A different score for the record sent earlier: refused, the record kept as it was.
        training.completion_body(ana["id"], module["id"], today - days(30), 50, external_id="e-1"),
        # Two items with one identity in one batch: the second differs, so it is refused.
        training.completion_body(ben["id"], module["id"], today, 99, external_id="b-5"),
        training.completion_body(ben["id"], module["id"], today, 10, external_id="b-5"),
    ]

    result = ok(
        client.post(f"{COMPLETIONS}/batch", json={"items": items}, headers=training.integration)
    )

    outcomes = [(i["index"], i["outcome"]) for i in result["items"]]
    assert outcomes == [
        (0, "created"),
        (1, "refused"),
        (2, "created"),
        (3, "refused"),
        (4, "created"),
        (5, "refused"),
    ]
    assert (result["created"], result["unchanged"], result["refused"]) == (3, 0, 3)
    problems = {i["index"]: i["problem"] for i in result["items"] if i["problem"]}
    assert problems[1]["type"] == "/problems/training-completion-invalid"
    assert problems[1]["status"] == 422
    assert problems[3]["type"] == "/problems/training-completion-conflict"
    assert problems[3]["completion_id"] == earlier["id"]  # as a single resend's 409 says
    assert problems[5]["status"] == 409
    assert all(i["completion"] is None for i in result["items"] if i["outcome"] == "refused")
    created = {i["index"]: i["completion"] for i in result["items"] if i["completion"]}
    assert created[2]["passed"] is False
    assert created[4]["score"] == 99

    recorded = ok(client.get(COMPLETIONS, headers=training.admin))
    assert recorded["total"] == 4
    assert {c["id"] for c in recorded["items"]} == {earlier["id"]} | {
        c["id"] for c in created.values()
    }
    assert ok(client.get(f"{COMPLETIONS}/{earlier['id']}", headers=training.admin)) == earlier

    resent = ok(
        client.post(f"{COMPLETIONS}/batch", json={"items": items}, headers=training.integration)
    )
    assert [i["outcome"] for i in resent["items"]] == [
        "unchanged",
        "refused",
        "unchanged",
        "refused",
        "unchanged",
        "refused",
    ]
    assert (resent["created"], resent["unchanged"], resent["refused"]) == (0, 3, 3)
    assert {i["index"]: i["completion"] for i in resent["items"] if i["completion"]} == created
    assert ok(client.get(COMPLETIONS, headers=training.admin))["total"] == 4


def test_an_item_that_is_not_a_valid_completion_is_refused_alone_with_its_fields(
    client: TestClient, training: Training, registry: Registry, today: dt.date
) -> None:
    ana, ben = registry.person(), registry.person()
    module = training.module("SM-101", ["privacy"])
    body = training.completion_body(ana["id"], module["id"], today - days(1))
    no_score = {k: v for k, v in body.items() if k != "score"}
    items: list[Any] = [
        body,
        {**body, "score": 100.5},
        {**body, "completed_on": "2024-13-45"},
        no_score,
        {**body, "score": "ninety", "person_id": 42},
        "not a completion",
        training.completion_body(ben["id"], module["id"], today, 88),
    ]

    response = client.post(
        f"{COMPLETIONS}/batch", json={"items": items}, headers=training.integration
    )
    result = ok(response)

    assert [(i["index"], i["outcome"]) for i in result["items"]] == [
        (0, "created"),
        (1, "refused"),
        (2, "refused"),
        (3, "refused"),
        (4, "refused"),
        (5, "refused"),
        (6, "created"),
    ]
    assert (result["created"], result["unchanged"], result["refused"]) == (2, 0, 5)
    problems = {i["index"]: i["problem"] for i in result["items"] if i["problem"]}
    # Each refusal is the problem the item alone would have answered, its fields placed in
    # this request's body.
    for problem in problems.values():
        assert problem["type"] == "/problems/validation-error", problem
        assert (problem["status"], problem["title"]) == (422, "The request is not valid")
    fields = {
        index: [(e["loc"], e["type"]) for e in problem["errors"]]
        for index, problem in problems.items()
    }
    assert fields[1] == [(["body", "items", 1, "score"], "less_than_equal")]
    assert fields[2] == [(["body", "items", 2, "completed_on"], "date_from_datetime_parsing")]
    assert fields[3] == [(["body", "items", 3, "score"], "missing")]
    assert sorted(fields[4]) == [
        (["body", "items", 4, "person_id"], "uuid_type"),
        (["body", "items", 4, "score"], "float_parsing"),
    ]
    assert problems[4]["detail"] == "2 fields failed validation"
    assert fields[5] == [(["body", "items", 5], "model_attributes_type")]
    # Never the values sent.
    assert "ninety" not in response.text
    assert "not a completion" not in response.text
    assert all(i["completion"] is None for i in result["items"] if i["outcome"] == "refused")

    created = [i["completion"] for i in result["items"] if i["completion"]]
    assert [(c["person_id"], c["score"]) for c in created] == [(ana["id"], 90), (ben["id"], 88)]
    recorded = ok(client.get(COMPLETIONS, headers=training.admin))
    assert {c["id"] for c in recorded["items"]} == {c["id"] for c in created}


@pytest.mark.parametrize(
    "envelope",
    [
        pytest.param([], id="not an object"),
        pytest.param({}, id="items missing"),
        pytest.param({"items": {"0": {}}}, id="items not a list"),
        pytest.param({"items": []}, id="no items"),
        pytest.param({"items": [{}] * 501}, id="too many items"),
        pytest.param({"items": [{}], "source": "lms"}, id="an unknown member"),
    ],
)
def test_a_malformed_batch_is_refused_whole(
    client: TestClient, training: Training, envelope: Any
) -> None:
    response = client.post(f"{COMPLETIONS}/batch", json=envelope, headers=training.integration)

    assert_problem(response, 422, "/problems/validation-error")
    assert ok(client.get(COMPLETIONS, headers=training.admin))["total"] == 0


def test_the_contract_gives_a_resend_the_completion_body_and_a_batch_valid_items(
    client: TestClient,
) -> None:
    contract = ok(client.get("/openapi.json"))
    responses = contract["paths"][COMPLETIONS]["post"]["responses"]
    assert responses["200"]["content"] == responses["201"]["content"]
    assert responses["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CompletionRead"
    }
    batch = contract["components"]["schemas"]["CompletionBatch"]["properties"]["items"]
    assert batch["items"] == {"$ref": "#/components/schemas/CompletionCreate"}
    assert (batch["minItems"], batch["maxItems"]) == (1, 500)


def test_only_the_learning_system_records_completions(
    client: TestClient, training: Training, registry: Registry, auth: Auth
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"])
    body = training.completion_body(person["id"], module["id"])

    for role in (Role.STAFF, Role.MODERATOR, Role.APPROVER, Role.AUDITOR):
        assert_problem(client.post(COMPLETIONS, json=body, headers=auth(role)), 403)
        batch = client.post(f"{COMPLETIONS}/batch", json={"items": [body]}, headers=auth(role))
        assert_problem(batch, 403)
    assert ok(client.get(COMPLETIONS, headers=training.admin))["total"] == 0


def test_staff_read_their_own_completions_only(
    client: TestClient, training: Training, registry: Registry
) -> None:
    mine, theirs = registry.person(), registry.person()
    module = training.module("SM-101", ["privacy"])
    own = training.complete(mine["id"], module["id"])
    other = training.complete(theirs["id"], module["id"])
    staff = registry.headers(Role.STAFF, mine["id"])

    listed = ok(client.get(COMPLETIONS, headers=staff))
    assert [c["id"] for c in listed["items"]] == [own["id"]]
    assert ok(client.get(f"{COMPLETIONS}/{own['id']}", headers=staff)) == own
    # Another person's record answers as if it did not exist.
    hidden = client.get(f"{COMPLETIONS}/{other['id']}", headers=staff)
    assert_problem(hidden, 404, "/problems/training-completion-not-found")
    filtered = ok(client.get(COMPLETIONS, params={"person_id": theirs["id"]}, headers=staff))
    assert (filtered["total"], filtered["items"]) == (0, [])
    everyone = ok(client.get(COMPLETIONS, headers=training.admin))
    assert {c["id"] for c in everyone["items"]} == {own["id"], other["id"]}


# Acknowledgements -------------------------------------------------------------------------


def test_an_acknowledgement_is_of_the_version_in_force_unless_named(
    client: TestClient, training: Training, registry: Registry, database: Database
) -> None:
    versions = seed_town(database)
    person = registry.person()

    acknowledged = training.acknowledge(person["id"])

    assert acknowledged["person_id"] == person["id"]
    assert acknowledged["policy_version_id"] == versions["2024"]
    again = client.post(
        ACKNOWLEDGEMENTS, json={"person_id": person["id"]}, headers=training.integration
    )
    assert_problem(again, 409, "/problems/acknowledgement-exists")
    older = training.acknowledge(person["id"], policy_version_id=versions["2021"])
    assert older["policy_version_id"] == versions["2021"]
    listed = ok(
        client.get(ACKNOWLEDGEMENTS, params={"person_id": person["id"]}, headers=training.admin)
    )
    assert {a["id"] for a in listed["items"]} == {acknowledged["id"], older["id"]}


def test_without_a_version_in_force_there_is_nothing_to_acknowledge(
    client: TestClient, training: Training, registry: Registry
) -> None:
    person = registry.person()
    response = client.post(
        ACKNOWLEDGEMENTS, json={"person_id": person["id"]}, headers=training.integration
    )
    assert_problem(response, 422, "/problems/acknowledgement-invalid")


def test_staff_acknowledge_for_themselves_and_nobody_else(
    client: TestClient, training: Training, registry: Registry, database: Database, auth: Auth
) -> None:
    versions = seed_town(database)
    me, colleague = registry.person(), registry.person()
    staff = registry.headers(Role.STAFF, me["id"])

    mine = ok(client.post(ACKNOWLEDGEMENTS, json={}, headers=staff), 201)
    assert (mine["person_id"], mine["policy_version_id"]) == (me["id"], versions["2024"])
    for_someone_else = client.post(
        ACKNOWLEDGEMENTS, json={"person_id": colleague["id"]}, headers=staff
    )
    assert_problem(for_someone_else, 403, "/problems/training-records-own-only")
    training.acknowledge(colleague["id"])
    reading_theirs = client.get(
        ACKNOWLEDGEMENTS, params={"person_id": colleague["id"]}, headers=staff
    )
    assert ok(reading_theirs)["items"] == []
    assert [a["id"] for a in ok(client.get(ACKNOWLEDGEMENTS, headers=staff))["items"]] == [
        mine["id"]
    ]
    nobody = client.post(ACKNOWLEDGEMENTS, json={}, headers=auth(Role.STAFF))
    assert_problem(nobody, 422, "/problems/acknowledgement-invalid")
    listed = ok(client.get(ACKNOWLEDGEMENTS, headers=training.admin))
    assert {a["person_id"] for a in listed["items"]} == {me["id"], colleague["id"]}


# Eligibility ------------------------------------------------------------------------------


def test_missing_competencies_are_named_with_the_modules_that_cover_them(
    training: Training, registry: Registry
) -> None:
    person = registry.person()
    training.module("SM-101", ["privacy", "records"], roles=["publisher", "moderator"])
    training.module("MOD-201", ["de_escalation"], roles=["moderator"])

    verdict = training.eligibility(person["id"], "moderator")

    assert verdict["eligible"] is False
    assert verdict["on"] == training.today.isoformat()
    assert verdict["required_competencies"] == ["de_escalation", "privacy", "records"]
    assert [(g["kind"], g["competency"], g["modules"]) for g in verdict["gaps"]] == [
        ("missing", "de_escalation", ["mod-201"]),
        ("missing", "privacy", ["sm-101"]),
        ("missing", "records", ["sm-101"]),
    ]
    assert all(g["since"] is None and g["last_completion_id"] is None for g in verdict["gaps"])
    assert verdict["valid_until"] is None
    publisher = training.eligibility(person["id"], "publisher")
    assert [g["competency"] for g in publisher["gaps"]] == ["privacy", "records"]
    analyst = training.eligibility(person["id"], "analyst")
    assert (analyst["eligible"], analyst["required_competencies"], analyst["gaps"]) == (
        True,
        [],
        [],
    )


def test_a_failed_completion_covers_nothing(
    training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"], pass_mark=80)
    training.complete(person["id"], module["id"], today, score=79)

    (gap,) = training.eligibility(person["id"])["gaps"]
    assert (gap["kind"], gap["competency"]) == ("missing", "privacy")


def test_expired_training_is_named_with_the_day_it_stopped_counting(
    training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"], validity_days=30)
    taken = training.complete(person["id"], module["id"], today - days(30))
    last_valid = training.complete(person["id"], module["id"], today - days(31))

    verdict = training.eligibility(person["id"])

    assert taken["expires_on"] == (today - days(1)).isoformat()
    assert verdict["eligible"] is False
    (gap,) = verdict["gaps"]
    assert gap["kind"] == "expired"
    assert gap["competency"] == "privacy"
    # The completion that covered it last decides: the later one.
    assert gap["last_completion_id"] == taken["id"] != last_valid["id"]
    assert gap["since"] == today.isoformat()
    assert taken["expires_on"] in gap["message"]


def test_training_counts_through_its_last_valid_day(
    training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    module = training.module("SM-101", ["privacy"], validity_days=30)
    taken = training.complete(person["id"], module["id"], today - days(29))

    verdict = training.eligibility(person["id"])

    assert (verdict["eligible"], verdict["gaps"]) == (True, [])
    assert verdict["valid_until"] == taken["expires_on"] == today.isoformat()


@pytest.mark.parametrize("requires_retraining", [True, False])
def test_retiring_a_version_with_retraining_voids_its_completions_at_once(
    training: Training, registry: Registry, today: dt.date, requires_retraining: bool
) -> None:
    person = registry.person()
    old = training.module("SM-101", ["privacy"], version="2024.1")
    training.module("SM-101", ["privacy"], version="2025.1")
    taken = training.complete(person["id"], old["id"], today - days(10))

    training.retire(old["id"], requires_retraining=requires_retraining)
    verdict = training.eligibility(person["id"])

    if not requires_retraining:
        # Without retraining a completion of the old version runs to its expiry.
        assert (verdict["eligible"], verdict["valid_until"]) == (True, taken["expires_on"])
        return
    assert verdict["eligible"] is False
    (gap,) = verdict["gaps"]
    assert (gap["kind"], gap["competency"], gap["modules"]) == ("retraining", "privacy", ["sm-101"])
    assert gap["since"] == today.isoformat()
    assert gap["last_completion_id"] == taken["id"]
    assert verdict["valid_until"] is None


def test_valid_until_is_the_earliest_expiry_among_the_completions_relied_on(
    training: Training, registry: Registry, today: dt.date
) -> None:
    person = registry.person()
    short = training.module("MOD-201", ["de_escalation"], validity_days=100)
    long = training.module("SM-101", ["privacy"], validity_days=365)
    training.complete(person["id"], short["id"], today - days(60))
    relied_on = training.complete(person["id"], short["id"], today - days(10))
    training.complete(person["id"], long["id"], today)

    verdict = training.eligibility(person["id"])

    assert verdict["eligible"] is True
    assert verdict["valid_until"] == relied_on["expires_on"] == (today + days(89)).isoformat()
    assert verdict["acknowledgement_due_on"] is None


def _adopt_policy(client: TestClient, auth: Auth, effective_from: dt.date) -> str:
    """The acknowledged policy with one version, in force since ``effective_from``."""
    policy = ok(
        client.post(
            "/api/v1/policies",
            json={"code": "social-media", "title": "Social Media Policy"},
            headers=auth(Role.STAFF),
        ),
        201,
    )
    draft = ok(import_document(client, auth(Role.STAFF), policy["id"], SMALL_POLICY), 201)
    adopted = client.post(
        f"/api/v1/policies/{policy['id']}/versions/{draft['id']}/adopt",
        json={
            "adopted_on": effective_from.isoformat(),
            "effective_from": effective_from.isoformat(),
            "body": "Town Council",
            "reference": "Resolution 2026-001",
        },
        headers={**auth(Role.APPROVER), "If-Match": f'"{draft["version"]}"'},
    )
    return str(ok(adopted)["id"])


@pytest.mark.parametrize("in_force_for", [30, 31])
def test_an_acknowledgement_is_due_within_the_period_and_overdue_after(
    client: TestClient,
    training: Training,
    registry: Registry,
    auth: Auth,
    settings: Settings,
    today: dt.date,
    in_force_for: int,
) -> None:
    period = settings.training.acknowledgement_days
    effective_from = today - days(in_force_for)
    version_id = _adopt_policy(client, auth, effective_from)
    person = registry.person()

    verdict = training.eligibility(person["id"], "owner")

    due_on = effective_from + days(period)
    assert verdict["acknowledgement_due_on"] == due_on.isoformat()
    if today <= due_on:
        assert (verdict["eligible"], verdict["gaps"]) == (True, [])
    else:
        assert verdict["eligible"] is False
        (gap,) = verdict["gaps"]
        assert gap["kind"] == "acknowledgement_overdue"
        assert gap["competency"] is None
        assert gap["since"] == (due_on + days(1)).isoformat()
        assert due_on.isoformat() in gap["message"]
    training.acknowledge(person["id"], policy_version_id=version_id)
    after = training.eligibility(person["id"], "owner")
    assert (after["eligible"], after["gaps"], after["acknowledgement_due_on"]) == (True, [], None)


def test_eligibility_of_an_unknown_person_is_404_and_of_others_hidden(
    client: TestClient, training: Training, registry: Registry, auth: Auth
) -> None:
    me, colleague = registry.person(), registry.person()
    url = f"/api/v1/people/{NOBODY}/eligibility"
    assert_problem(client.get(url, params={"role": "moderator"}, headers=training.admin), 404)
    bad_role = client.get(
        f"/api/v1/people/{me['id']}/eligibility", params={"role": "emperor"}, headers=training.admin
    )
    assert_problem(bad_role, 422)

    moderator = registry.headers(Role.MODERATOR, me["id"])
    assert training.eligibility(me["id"], headers=moderator)["person_id"] == me["id"]
    theirs = client.get(
        f"/api/v1/people/{colleague['id']}/eligibility",
        params={"role": "moderator"},
        headers=moderator,
    )
    assert_problem(theirs, 404, "/problems/person-not-found")
    assert training.eligibility(colleague["id"], headers=auth(Role.AUDITOR))["eligible"] is True


# Compliance -------------------------------------------------------------------------------

# Days of eligibility left -> the window the report puts it in.
WINDOWS = {0: 30, 29: 30, 30: 60, 59: 60, 60: 90, 89: 90, 90: None, 300: None}


def _moderators(
    training: Training, registry: Registry, today: dt.date
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], dict[str, int]]:
    """Moderators on two accounts: one untrained, the others eligible for WINDOWS' days;
    the first also moderates the second account. Returns (accounts, people, days left)."""
    first, second = registry.account("active"), registry.account("active")
    untrained = registry.person(given_name="Una", family_name="Untrained")
    people = {untrained["id"]: untrained}
    left_by_person: dict[str, int] = {}
    for left in WINDOWS:
        person = registry.person(given_name="Mo", family_name=f"Left{left:03d}")
        people[person["id"]] = person
        left_by_person[person["id"]] = left
    for person_id in people:
        registry.grant(first["id"], person_id, "moderator")
    registry.grant(second["id"], next(iter(left_by_person)), "moderator")
    # The module comes after the grants: the untrained moderator holds one all the same.
    module = training.module("MOD-201", ["de_escalation"], validity_days=365, roles=["moderator"])
    for person_id, left in left_by_person.items():
        training.complete(person_id, module["id"], today - days(365 - 1 - left))
    return [first, second], people, left_by_person


def test_compliance_says_who_is_eligible_and_whose_eligibility_ends_soon(
    client: TestClient, training: Training, registry: Registry, auth: Auth, today: dt.date
) -> None:
    accounts, people, left_by_person = _moderators(training, registry, today)

    report = ok(client.get(COMPLIANCE, params={"role": "moderator"}, headers=auth(Role.AUDITOR)))

    assert (report["role"], report["group_by"], report["on"]) == (
        "moderator",
        "department",
        today.isoformat(),
    )
    assert report["people"] == len(people)
    assert report["eligible"] == len(left_by_person)
    # Cumulative: ending within 60 days includes ending within 30.
    assert report["expiring"] == {"30": 2, "60": 4, "90": 6}
    rows = {r["person_id"]: r for r in report["rows"]}
    assert len(report["rows"]) == len(rows) == len(people)
    for person_id, left in left_by_person.items():
        row = rows[person_id]
        assert row["eligible"] is True
        assert row["valid_until"] == (today + days(left)).isoformat()
        assert row["expires_within_days"] == WINDOWS[left], left
        assert row["gaps"] == []
        assert row["group_id"] == registry.department_id
    (untrained,) = [r for r in report["rows"] if not r["eligible"]]
    assert untrained["person_name"] == "Una Untrained"
    assert (untrained["valid_until"], untrained["expires_within_days"]) == (None, None)
    (gap,) = untrained["gaps"]
    assert "de_escalation" in gap

    by_account = ok(
        client.get(
            COMPLIANCE, params={"role": "moderator", "group_by": "account"}, headers=training.admin
        )
    )
    assert by_account["people"] == len(people)
    assert len(by_account["rows"]) == len(people) + 1
    groups = {(r["group_id"], r["person_id"]) for r in by_account["rows"]}
    assert (accounts[1]["id"], next(iter(left_by_person))) in groups
    publishers = ok(client.get(COMPLIANCE, params={"role": "publisher"}, headers=training.admin))
    assert (publishers["people"], publishers["rows"]) == (0, [])


def test_compliance_as_csv_has_a_header_and_a_row_per_member(
    client: TestClient, training: Training, registry: Registry, auth: Auth, today: dt.date
) -> None:
    _, people, left_by_person = _moderators(training, registry, today)

    response = client.get(
        COMPLIANCE, params={"role": "moderator", "format": "csv"}, headers=auth(Role.AUDITOR)
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="compliance-moderator.csv"' in response.headers["content-disposition"]
    header, *rows = list(csv.reader(io.StringIO(response.text)))
    assert header == [
        "department",
        "person_id",
        "person",
        "eligible",
        "valid_until",
        "expires_within_days",
        "gaps",
    ]
    assert sorted(r[1] for r in rows) == sorted(people)
    by_person = {r[1]: r for r in rows}
    for person_id, left in left_by_person.items():
        window = WINDOWS[left]
        _, _, name, eligible, valid_until, within, gaps = by_person[person_id]
        assert name == f"Mo Left{left:03d}"
        assert (eligible, valid_until, gaps) == ("yes", (today + days(left)).isoformat(), "")
        assert within == ("" if window is None else str(window))
    assert by_person[next(p for p in people if p not in left_by_person)][3] == "no"


def test_a_name_a_spreadsheet_would_run_is_written_as_text(
    client: TestClient, registry: Registry
) -> None:
    account = registry.account("active")
    given_names = ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "Plain"]
    for given_name in given_names:
        person = registry.person(given_name=given_name, family_name="Cell")
        registry.grant(account["id"], person["id"], "moderator")

    response = client.get(
        COMPLIANCE, params={"role": "moderator", "format": "csv"}, headers=registry.admin
    )

    names = sorted(row[2] for row in list(csv.reader(io.StringIO(response.text)))[1:])
    assert names == sorted(
        ["'=HYPERLINK(1) Cell", "'+1 Cell", "'-2+3 Cell", "'@SUM(A1) Cell", "Plain Cell"]
    )


def test_a_group_name_a_spreadsheet_would_run_is_written_as_text(
    client: TestClient, registry: Registry
) -> None:
    formula = '=HYPERLINK("https://example.test","Parks")'
    department = ok(
        client.post(
            "/api/v1/departments", json={"code": "XLS", "name": formula}, headers=registry.admin
        ),
        201,
    )
    registry.department_id = department["id"]
    account = registry.account("active", display_name=formula)
    person = registry.person()
    registry.grant(account["id"], person["id"], "moderator")

    for group_by in ("department", "account"):
        response = client.get(
            COMPLIANCE,
            params={"role": "moderator", "format": "csv", "group_by": group_by},
            headers=registry.admin,
        )
        (row,) = list(csv.reader(io.StringIO(response.text)))[1:]
        assert row[0] == f"'{formula}", group_by


def test_compliance_is_for_auditors_and_approvers(client: TestClient, auth: Auth) -> None:
    for role in (Role.AUDITOR, Role.APPROVER):
        assert ok(client.get(COMPLIANCE, headers=auth(role)))["rows"] == []
    for role in (Role.STAFF, Role.MODERATOR, Role.INTEGRATION):
        assert_problem(client.get(COMPLIANCE, headers=auth(role)), 403)


def test_a_fresh_identifier_is_not_a_completion(client: TestClient, training: Training) -> None:
    response = client.get(f"{COMPLETIONS}/{uuid.uuid4()}", headers=training.admin)
    assert_problem(response, 404, "/problems/training-completion-not-found")
    module = client.get(f"{MODULES}/{uuid.uuid4()}", headers=training.admin)
    assert_problem(module, 404, "/problems/training-module-not-found")
