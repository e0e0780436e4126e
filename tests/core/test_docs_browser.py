"""/docs in a real browser: headless Chromium (Debian's package, driven by Playwright) opens
the page from a real server process and must list every operation of every tag in the served
/openapi.json, while nothing it does leaves the machine.

Chromium is cut off from everything but loopback: its proxy is a tripwire on 127.0.0.1 that
records whatever reaches it and refuses it (loopback itself is never proxied), and its host
resolver answers nothing but 127.0.0.1. The test asserts that the tripwire saw nothing, that
every request the page made went to the server, and, so that this is not said of a tripwire
nobody could reach, that a request for another host does land on it.

Swagger UI renders a long operation list virtually (only what is near the viewport is in the
DOM), so the test scrolls through the page as a reader would and collects what it shows.

A full-page screenshot is kept in the test's tmp dir and in bench/out/docs.png.

Needs Chromium (``apt-get install chromium``; another binary with APP_TEST_CHROMIUM) and the
``playwright`` package (its own browser download is not used). Without them the test skips,
unless CI=true, where it fails."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socketserver
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from app.core.migrations import upgrade
from tests.conftest import IN_CI, make_settings
from tests.integrity.conftest import running_server

pytestmark = pytest.mark.slow

BENCH_SCREENSHOT = Path(__file__).resolve().parents[2] / "bench" / "out" / "docs.png"
TIMEOUT_MS = 15_000
VIEWPORT = {"width": 1280, "height": 900}
# The screenshot's viewport is no taller (Chromium's limits); past it the page is cut off.
MAX_SCREENSHOT_HEIGHT = 16_000
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# What the page must have fetched from the server, at least.
EXPECTED_LOCAL_PATHS = {
    "/docs",
    "/static/vendor/swagger-ui/swagger-ui.css",
    "/static/vendor/swagger-ui/swagger-ui-bundle.js",
    "/static/docs-init.js",
    "/openapi.json",
}
# A name that resolves nowhere (RFC 2606), for the tripwire's own check.
UNREACHABLE_URL = "http://civic-social-docs-test.invalid/"
# Chromium with nothing running in the background (without these it calls Google at once).
QUIET_ARGS = [
    "--no-sandbox",  # root on CI; the page is our own
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]

# Scrolls to y, opens any collapsed tag (`opened`: how many), waits until what is rendered
# stops changing, and returns the tag headings and operations in the DOM, keyed by their place
# in the list (the virtual list's index; the position in the page when the list is not virtual).
COLLECT_JS = """
async (y) => {
  window.scrollTo(0, y);
  const frames = () =>
    new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const read = () =>
    Array.from(document.querySelectorAll("#swagger-ui h3.opblock-tag, #swagger-ui .opblock")).map(
      (element, position) => {
        const item = element.closest(".operations-virtual__item");
        const key = item ? Number(item.dataset.index) : position;
        if (element.matches("h3.opblock-tag")) {
          return { key, tag: element.dataset.tag, open: element.dataset.isOpen };
        }
        const method = element.querySelector(".opblock-summary-method");
        const path = element.querySelector(".opblock-summary [data-path]");
        return {
          key,
          id: element.id,
          method: method ? method.textContent.trim() : null,
          path: path ? path.dataset.path : null,
          visible: element.checkVisibility(),
        };
      },
    );
  let items = [];
  let before = null;
  let opened = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const closed = '#swagger-ui h3.opblock-tag[data-is-open="false"]';
    for (const heading of document.querySelectorAll(closed)) {
      heading.click();
      opened += 1;
    }
    await frames();
    items = read();
    const now = JSON.stringify(items) + window.scrollY;
    if (now === before) break;
    before = now;
  }
  const root = document.documentElement;
  return {
    items,
    opened,
    scrollY: window.scrollY,
    atBottom: window.scrollY + window.innerHeight >= root.scrollHeight - 1,
  };
}
"""


def browser_args(tripwire_port: int, gaia_port: int, scratch: Path) -> list[str]:
    """Chromium's flags: quiet, and cut off from everything but loopback."""
    # Two services that the flags above leave running (Chromium 156): the on-device model
    # manifest (update.googleapis.com; an override naming no manifest keeps it local) and a
    # fresh profile's Google account check (accounts.google.com/ListAccounts; sent to a sink
    # on loopback instead).
    no_manifest = scratch / "optimization-guide-manifest.json"
    no_manifest.write_text("{}")
    return [
        *QUIET_ARGS,
        f"--optimization-guide-manifest-override={no_manifest}",
        f"--gaia-url=http://127.0.0.1:{gaia_port}/",
        # Loopback is never proxied; everything else goes to the tripwire, which refuses it.
        f"--proxy-server=http://127.0.0.1:{tripwire_port}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ]


def _chromium_or_reason() -> tuple[str | None, str | None]:
    """(path to the browser, None), or (None, why the test cannot run)."""
    if importlib.util.find_spec("playwright") is None:
        return None, "the playwright package is not installed (pip install -e '.[dev]')"
    configured = os.environ.get("APP_TEST_CHROMIUM")
    executable = configured or shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None or not os.access(executable, os.X_OK):
        where = f"APP_TEST_CHROMIUM={configured}" if configured else "chromium on PATH"
        return None, f"no Chromium ({where}); apt-get install chromium"
    return executable, None


@pytest.fixture
def chromium() -> str:
    executable, reason = _chromium_or_reason()
    if executable is None:
        if IN_CI:
            pytest.fail(f"CI=true needs a browser for the docs test: {reason}")
        pytest.skip(str(reason))
    return executable


class Tripwire:
    """A proxy that records the first line of every connection it gets (for the browser's
    proxy: a CONNECT, or a request for an absolute URL, i.e. meant for another host) and
    answers 403."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        lock = threading.Lock()
        attempts = self.attempts

        class Handler(socketserver.StreamRequestHandler):
            timeout = 5

            def handle(self) -> None:
                try:
                    line = self.rfile.readline(8192).decode("latin-1").strip()
                except OSError:
                    line = ""
                with lock:
                    attempts.append(line or "<a connection without a request line>")
                with suppress(OSError):
                    self.wfile.write(
                        b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])

    @contextmanager
    def running(self) -> Iterator[Tripwire]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
            thread.join(timeout=5)


def operations_by_tag(document: dict[str, Any]) -> dict[str, dict[tuple[str, str], str]]:
    """tag -> {(METHOD, path): operationId}, as Swagger UI groups them (untagged: "default")."""
    grouped: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            for tag in operation.get("tags") or ["default"]:
                grouped[tag][(method.upper(), path)] = operation.get("operationId", "")
    return dict(grouped)


def _deep_link(text: str) -> str:
    # Swagger UI's createDeepLinkPath, then %20 -> "_" (its escapeDeepLinkPath, less
    # CSS.escape, which the page applies).
    return "_".join(text.strip().split())


def sections(
    items: list[dict[str, Any]],
) -> tuple[dict[str | None, list[dict[str, Any]]], list[str]]:
    """The collected list, in order, as tag -> its operations (None: before any tag heading),
    and the tags whose heading appears more than once."""
    grouped: dict[str | None, list[dict[str, Any]]] = {}
    repeated: list[str] = []
    tag: str | None = None
    for item in sorted(items, key=lambda entry: entry["key"]):
        if "tag" in item:
            tag = item["tag"]
            if tag in grouped:
                repeated.append(tag)
            grouped.setdefault(tag, [])
        else:
            grouped.setdefault(tag, []).append(item)
    return grouped, repeated


def differences(
    expected: dict[str, dict[tuple[str, str], str]],
    shown: dict[str | None, list[dict[str, Any]]],
    repeated: list[str],
    element_ids: dict[tuple[str, str], str],
) -> list[str]:
    """What the page shows that the document does not, and the reverse."""
    problems = [f"tag {tag!r} has more than one heading" for tag in repeated]
    if None in shown:
        problems.append(f"operations listed before any tag: {shown[None]}")
    problems += [
        f"tag {tag!r} is on the page but has no operation in /openapi.json"
        for tag in sorted(tag for tag in shown if tag is not None and tag not in expected)
    ]
    for tag, operations in sorted(expected.items()):
        if tag not in shown:
            problems.append(f"tag {tag!r} has no section on the page")
            continue
        listed = {(op["method"], op["path"]): op for op in shown[tag]}
        if len(listed) != len(shown[tag]):
            problems.append(f"tag {tag!r} lists an operation twice")
        for method, path in sorted(set(operations) - set(listed)):
            problems.append(f"tag {tag!r}: {method} {path} is not listed")
        for method, path in sorted(set(listed) - set(operations)):
            problems.append(f"tag {tag!r}: {method} {path} is listed but not in /openapi.json")
        for key in sorted(set(operations) & set(listed)):
            op = listed[key]
            if not op["visible"]:
                problems.append(f"tag {tag!r}: {key[0]} {key[1]} is in the page but hidden")
            if operations[key] and op["id"] != element_ids[(tag, operations[key])]:
                problems.append(
                    f"tag {tag!r}: {key[0]} {key[1]} is element {op['id']!r}, not "
                    f"{element_ids[(tag, operations[key])]!r} (operationId {operations[key]!r})"
                )
    return problems


def test_docs_list_every_operation_and_the_browser_reaches_nothing_else(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    # A database of its own: the page needs no data, so one backend is enough.
    database_url = f"sqlite:///{tmp_path / 'docs.db'}"
    upgrade(database_url)
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    settings = make_settings(database_url, var_dir)

    with (
        running_server(database_url, settings, var_dir, workers=1) as server,
        Tripwire().running() as tripwire,
        Tripwire().running() as gaia,
        sync_playwright() as playwright,
    ):
        document = httpx.get(f"{server.base_url}/openapi.json", timeout=10).json()
        expected = operations_by_tag(document)
        assert expected, "/openapi.json has no operations"

        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=browser_args(tripwire.port, gaia.port, tmp_path),
            timeout=TIMEOUT_MS,
        )
        try:
            context = browser.new_context(viewport=VIEWPORT, service_workers="block")
            context.set_default_timeout(TIMEOUT_MS)
            requests: list[str] = []
            statuses: dict[str, int] = {}
            failed: list[str] = []
            errors: list[str] = []
            context.on("request", lambda request: requests.append(request.url))
            context.on(
                "response", lambda response: statuses.update({response.url: response.status})
            )
            context.on(
                "requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}")
            )
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
            page.on(
                "console",
                lambda message: (
                    errors.append(f"console: {message.text}") if message.type == "error" else None
                ),
            )

            response = page.goto(f"{server.base_url}/docs")
            assert response is not None
            assert response.status == 200
            page.wait_for_selector("#swagger-ui .opblock")

            # Down the page half a screen at a time, as a reader would scroll.
            collected: dict[int, dict[str, Any]] = {}
            y = 0
            for _ in range(1000):
                view = page.evaluate(COLLECT_JS, y)
                if view["opened"]:  # a section opened: the list, and its indexes, changed
                    collected, y = {}, 0
                    continue
                collected.update((item["key"], item) for item in view["items"])
                if view["atBottom"]:
                    break
                y = view["scrollY"] + VIEWPORT["height"] // 2
            shown, repeated = sections(list(collected.values()))
            wanted_ids = {
                (tag, operation_id): f"operations-{_deep_link(tag)}-{_deep_link(operation_id)}"
                for tag, operations in expected.items()
                for operation_id in operations.values()
            }
            escaped = page.evaluate(
                "ids => ids.map((id) => CSS.escape(id))", list(wanted_ids.values())
            )
            element_ids = dict(zip(wanted_ids, escaped, strict=True))

            # The whole page at once: a viewport as tall as the page renders every operation.
            page.evaluate("window.scrollTo(0, 0)")
            for _ in range(3):
                height = page.evaluate("document.documentElement.scrollHeight")
                page.set_viewport_size(
                    {"width": VIEWPORT["width"], "height": min(height, MAX_SCREENSHOT_HEIGHT)}
                )
                page.evaluate(COLLECT_JS, 0)
            screenshot = tmp_path / "docs.png"
            page.screenshot(path=screenshot, full_page=True)
            BENCH_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(screenshot, BENCH_SCREENSHOT)
            with capsys.disabled():
                print(f"\ndocs screenshot: {screenshot} (copied to {BENCH_SCREENSHOT})")

            page.wait_for_load_state("networkidle")
            left_the_machine = list(tripwire.attempts)

            # The tripwire is where a request for another host goes.
            probe = browser.new_context(service_workers="block")
            try:
                probe.new_page().goto(UNREACHABLE_URL, timeout=TIMEOUT_MS)
            except PlaywrightError:
                pass  # refused, as it should be
            finally:
                probe.close()
            probe_attempts = tripwire.attempts[len(left_the_machine) :]
        finally:
            browser.close()

    assert left_the_machine == [], f"the browser tried to leave the machine: {left_the_machine}"
    offsite = [
        url
        for url in requests
        if not url.startswith(("data:", "blob:"))
        and (urlsplit(url).hostname, urlsplit(url).port) != ("127.0.0.1", server.port)
    ]
    assert offsite == [], f"the page requested something not on the server: {offsite}"
    assert failed == [], f"requests failed: {failed}"
    fetched = {urlsplit(url).path: statuses.get(url) for url in requests}
    missing = EXPECTED_LOCAL_PATHS - set(fetched)
    assert not missing, f"the page did not fetch {sorted(missing)}; it fetched {sorted(fetched)}"
    assert {path: fetched[path] for path in EXPECTED_LOCAL_PATHS} == dict.fromkeys(
        EXPECTED_LOCAL_PATHS, 200
    )
    assert errors == [], errors

    problems = differences(expected, shown, repeated, element_ids)
    assert problems == [], "\n".join(problems)

    host = urlsplit(UNREACHABLE_URL).hostname
    assert any(host in attempt for attempt in probe_attempts), (
        f"a request for {UNREACHABLE_URL} did not reach the tripwire: {probe_attempts}"
    )
