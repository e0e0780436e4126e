"""Bulk data for bench/run.py, written straight to the benchmark's database.

bench/run.py runs this file as a subprocess with the same APP_* environment the server gets
(so it reaches the benchmark's own database, never a developer's), after ``civic-social
seed``. Two commands:

- ``people --count N --output FILE``: N active employees (no department), their ids written to
  FILE one a line. ``POST /api/v1/accounts/{id}/grants`` is loaded with these
  (``bench/post_grant.lua``), one new person per request, so that every measured request
  creates a new, valid grant instead of hitting the overlap check (409).
- ``terms --count N --ruleset-id ID``: N custom terms (bench/screening_engine.py's made-up
  words and phrases) added to a screening ruleset, its row version moved and the engine token
  renewed, as ``POST /api/v1/screening-rulesets/{id}/terms`` does one at a time: a running
  server compiles the new ruleset at its next screening. Prints one phrase of the list, which
  a screening must then find.

Both are setup data, inserted in one transaction without the audit records the API would
write: adding 20,000 rows through HTTP one at a time would take minutes, and would lengthen
the audit chain that ``GET /api/v1/audit-events/verify`` is measured on.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert

from app.core.config import get_settings
from app.core.db import Database, utcnow
from app.people.models import Person, PersonStatus, PersonType
from app.screening import repository
from app.screening.models import RulesetTerm
from app.screening.rulesets import new_engine_token, phrase_key

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_engine import generated_terms

CHUNK = 2_000  # rows per INSERT (executemany)


def add_people(database: Database, count: int, output: Path) -> None:
    run = uuid.uuid4().hex[:8]
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "given_name": "Bench",
            "family_name": f"Grantee {i}",
            "email": f"bench-grantee-{run}-{i}@town.example.ca",
            "person_type": PersonType.EMPLOYEE,
            "status": PersonStatus.ACTIVE,
            "service_roles": [],
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for i in range(count)
    ]
    with database.transaction() as session:
        for start in range(0, count, CHUNK):
            session.execute(insert(Person), rows[start : start + CHUNK])
    output.write_text("".join(f"{row['id']}\n" for row in rows))
    print(f"{count} people added, ids in {output}")


def add_terms(database: Database, count: int, ruleset_id: uuid.UUID) -> None:
    terms = generated_terms(count)
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "ruleset_id": ruleset_id,
            "phrase": term.phrase,
            "phrase_key": phrase_key(term.phrase),
            "category": term.category.value,
            "severity": term.severity.value,
            "created_at": now,
            "created_by": "bench/setup_data.py",
        }
        for term in terms
    ]
    with database.transaction() as session:
        ruleset = repository.get_ruleset(session, ruleset_id, for_update=True)
        if ruleset is None:
            raise SystemExit(f"no screening ruleset has id {ruleset_id}")
        for start in range(0, count, CHUNK):
            session.execute(insert(RulesetTerm), rows[start : start + CHUNK])
        repository.touch_ruleset(session, ruleset)  # moves the ruleset's row version
        new_engine_token(session)
    # A single-word term of the profanity category (the default rules act on it in comments).
    probe = next(t for t in terms if " " not in t.phrase and t.category.value == "profanity")
    print(f"{count} terms added to ruleset {ruleset_id}")
    print(probe.phrase)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    people = commands.add_parser("people", help="active employees to grant access to")
    people.add_argument("--count", type=int, required=True)
    people.add_argument("--output", type=Path, required=True)
    terms = commands.add_parser("terms", help="custom terms for a screening ruleset")
    terms.add_argument("--count", type=int, required=True)
    terms.add_argument("--ruleset-id", type=uuid.UUID, required=True)
    args = parser.parse_args(argv)

    database = Database(get_settings())
    try:
        if args.command == "people":
            add_people(database, args.count, args.output)
        else:
            add_terms(database, args.count, args.ruleset_id)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
