"""Import contracts: dependencies between packages run one way, through service modules.

core <- events <- audit <- people <- auth, policies; policies <- training;
auth, training <- accounts; policies, accounts, training <- screening;
screening, accounts, training <- moderation; events, audit <- webhooks;
all of them <- (api, main, cli, seed, openapi).
Audit sits below people because every domain, people included, records its changes in it.
The HTTP layer (each domain's router.py) sits above them all: it may also use auth's route
guards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# What each package may import from the app (besides itself).
ALLOWED = {
    "core": set(),
    "events": {"core"},
    "audit": {"core", "events"},
    "people": {"core", "audit"},
    "auth": {"core", "audit", "people"},
    "policies": {"core", "audit", "people"},
    "screening": {"core", "events", "audit", "people", "policies", "accounts", "training"},
    "accounts": {"core", "events", "audit", "people", "auth", "training"},
    "training": {"core", "audit", "people", "policies"},
    "moderation": {"core", "audit", "people", "policies", "accounts", "training", "screening"},
    "webhooks": {"core", "audit", "events"},
}
# Another domain is reached only through these modules of it.
PUBLIC_MODULES = {
    "service",
    "lookup",
    "lifecycle",
    "dependencies",
    "schemas",
    "models",
    "errors",
    "vocabulary",
    "catalogue",
}


def _app_imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found += [(name, node.lineno) for name in names if name.startswith("app.")]
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package: str) -> None:
    offences = []
    for path in sorted((APP / package).rglob("*.py")):
        for name, line in _app_imports(path):
            target = name.split(".")[1]
            if path.name == "router.py" and name.startswith("app.auth.dependencies"):
                continue
            if target != package and target not in ALLOWED[package]:
                offences.append(f"{path.relative_to(APP.parent)}:{line} imports {name}")
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("package", sorted(set(ALLOWED) - {"core"}))
def test_other_domains_are_reached_through_their_public_modules(package: str) -> None:
    offences = []
    for path in sorted((APP / package).rglob("*.py")):
        for name, line in _app_imports(path):
            parts = name.split(".")
            if (
                len(parts) >= 3
                and parts[1] not in {package, "core"}
                and parts[2] not in PUBLIC_MODULES
                and parts[1] in ALLOWED
            ):
                offences.append(f"{path.relative_to(APP.parent)}:{line} imports {name}")
    assert not offences, "\n".join(offences)


def test_routes_hold_no_sql_and_services_never_commit() -> None:
    offences = []
    for path in sorted(APP.rglob("router.py")):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("select(", "session.execute", "session.commit", "HTTPException"):
            if forbidden in text:
                offences.append(f"{path.relative_to(APP.parent)} uses {forbidden}")
    for path in sorted(APP.rglob("service.py")):
        if ".commit(" in path.read_text(encoding="utf-8"):
            offences.append(f"{path.relative_to(APP.parent)} commits")
    assert not offences, "\n".join(offences)


def test_the_app_never_creates_its_schema_outside_migrations() -> None:
    offences = [
        str(p.relative_to(APP.parent))
        for p in APP.rglob("*.py")
        if "create_all(" in p.read_text(encoding="utf-8")
    ]
    assert not offences


def test_every_route_ends_its_unit_of_work(tmp_path: Path) -> None:
    """A route outside CivicRoute would never commit nor close its session (a pool leak)."""
    from app.core.routing import CivicRoute, route_table
    from app.main import create_app
    from tests.conftest import make_settings

    app = create_app(
        make_settings(f"sqlite:///{tmp_path}/x.db", tmp_path, expose_bench_endpoint=True)
    )
    strays = [entry.path for entry in route_table(app) if not isinstance(entry.route, CivicRoute)]
    assert not strays


def test_every_route_is_a_coroutine(tmp_path: Path) -> None:
    """The same for the routes themselves: a plain ``def`` route runs in the threadpool with
    the connection its dependencies took on the event loop (concurrent audit verifications
    froze a worker so, bench/)."""
    import inspect

    from app.core.routing import route_table
    from app.main import create_app
    from tests.conftest import make_settings

    app = create_app(make_settings(f"sqlite:///{tmp_path}/x.db", tmp_path))
    sync = {
        entry.path
        for entry in route_table(app)
        if not inspect.iscoroutinefunction(entry.route.endpoint)
    }
    # /readyz takes its connection in its thread and gives it back there: no request session,
    # nothing the event loop must do for it; and a database that does not answer must not
    # stall the loop of a probe.
    assert sync == {"/readyz"}


def test_every_dependency_is_a_coroutine(tmp_path: Path) -> None:
    """FastAPI runs a plain ``def`` in the threadpool: the request yields the event loop
    there, holding its database connection. Under load the pool runs dry while the loop,
    blocked waiting for a connection, can return none of them (search hung at 64
    connections until the page parameters were async)."""
    import inspect

    from app.core.routing import route_table
    from app.main import create_app
    from tests.conftest import make_settings

    app = create_app(make_settings(f"sqlite:///{tmp_path}/x.db", tmp_path))
    offences = []
    for entry in route_table(app):
        stack = list(entry.route.dependant.dependencies)
        while stack:
            dependant = stack.pop()
            call = dependant.call
            if call is not None:
                target = call if inspect.isroutine(call) else type(call).__call__
                if not inspect.iscoroutinefunction(target):
                    offences.append(f"{entry.path}: {getattr(call, '__name__', call)!r}")
            stack.extend(dependant.dependencies)
    assert not offences, "\n".join(sorted(set(offences)))
