"""The clients generated from the contract: TypeScript types (openapi-typescript, from the
npm registry) and a typed Python client (openapi-python-client, on httpx).

    python scripts/clients.py generate   # rewrite clients/ from openapi/openapi.json
    python scripts/clients.py check      # fail if clients/ differ from what the contract
                                         # generates, or if the TypeScript does not compile

The check needs Node.js and npm for the TypeScript half; without them it says so and checks
the Python client only, unless CI=true, where both must run."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "openapi" / "openapi.json"
CLIENTS = ROOT / "clients"
TYPESCRIPT = CLIENTS / "typescript"
PYTHON = CLIENTS / "python"
PYTHON_CONFIG = CLIENTS / "openapi-python-client.yaml"
SCHEMA_TS = TYPESCRIPT / "src" / "schema.d.ts"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _run(*command: str, cwd: Path = ROOT) -> None:
    """Run quietly; show what the command printed only when it fails (the generators warn
    about the one operation they cannot model, a Markdown upload, on every run)."""
    # The venv's own tools first: the generator's post-hooks call the pinned ruff.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(  # noqa: S603 (fixed commands)
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "PATH": path}
    )
    if done.returncode != 0:
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"{' '.join(command[:3])} failed ({done.returncode})")


def _npm() -> str | None:
    return shutil.which("npm")


def _node_modules() -> None:
    """The pinned generator and compiler (package-lock.json), installed once."""
    marker = TYPESCRIPT / "node_modules" / ".package-lock.json"
    lock = TYPESCRIPT / "package-lock.json"
    if not marker.exists() or marker.stat().st_mtime < lock.stat().st_mtime:
        _run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=TYPESCRIPT)


def _typescript_into(target: Path) -> None:
    _node_modules()
    _run("npx", "--no-install", "openapi-typescript", str(CONTRACT), "--output", str(target),
         cwd=TYPESCRIPT)  # fmt: skip


def _python_into(target: Path) -> None:
    generator = Path(sys.executable).parent / "openapi-python-client"
    _run(
        str(generator),
        "generate",
        "--path",
        str(CONTRACT),
        "--config",
        str(PYTHON_CONFIG),
        "--meta",
        "setup",
        "--output-path",
        str(target),
        "--overwrite",
    )


def _differences(expected: Path, actual: Path) -> list[str]:
    """Files added, missing or changed between two trees (caches left out)."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        for name in comparison.left_only + comparison.right_only:
            if name != "__pycache__":
                found.append(f"{prefix}{name}: only in one")
        found.extend(f"{prefix}{name}: differs" for name in comparison.diff_files)
        for name, sub in comparison.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual), "")
    return found


def generate() -> int:
    if _npm() is None:
        print("npm not found: the TypeScript types were not regenerated", file=sys.stderr)
    else:
        _typescript_into(SCHEMA_TS)
    _python_into(PYTHON)
    return 0


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "python"
        _python_into(fresh)
        problems += [f"clients/python/{d}" for d in _differences(PYTHON, fresh)]
        if _npm() is None:
            if IN_CI:
                problems.append("CI=true needs Node.js and npm for the TypeScript client")
            else:
                print("npm not found: the TypeScript client was not checked", file=sys.stderr)
        else:
            schema = Path(scratch) / "schema.d.ts"
            _typescript_into(schema)
            if not filecmp.cmp(schema, SCHEMA_TS, shallow=False):
                problems.append("clients/typescript/src/schema.d.ts differs")
            _run("npx", "--no-install", "tsc", "--noEmit", cwd=TYPESCRIPT)
    if problems:
        print("The clients do not match openapi/openapi.json:", *problems, sep="\n  ")
        print("Run `make clients` and commit the result.")
        return 1
    print("clients match the contract; the TypeScript compiles")
    return 0


if __name__ == "__main__":
    commands = {"generate": generate, "check": check}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: {sys.argv[0]} generate|check")
    sys.exit(commands[sys.argv[1]]())
