"""The dependency audit (`make audit`, part of `make test`): pip-audit over the installed
environment, against PyPI's advisory data.

Fails when any installed dependency has a known vulnerability. When the advisory data cannot
be reached (a network that serves packages but not PyPI's per-release JSON, as on some
closed build networks), pip-audit can audit nothing: this says so plainly instead of
reporting "no known vulnerabilities", and does not fail the build for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    pip_audit = Path(sys.executable).parent / "pip-audit"
    done = subprocess.run(  # noqa: S603 (a fixed command)
        [str(pip_audit), "--skip-editable", "--progress-spinner", "off", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
        print("pip-audit gave no report", file=sys.stderr)
        return 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    unaudited = [d for d in dependencies if "skip_reason" in d]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    audited = len(dependencies) - len(unaudited)
    if vulnerable:
        print(f"{len(vulnerable)} of {audited} audited dependencies have known vulnerabilities")
        return 1
    if not audited:
        example = unaudited[0]["skip_reason"] if unaudited else "-"
        print(
            "dependency audit NOT DONE: PyPI's advisory data could not be reached for any of "
            f"the {len(dependencies)} dependencies (e.g. {example})"
        )
        return 0
    print(f"no known vulnerabilities in {audited} dependencies ({len(unaudited)} not audited)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
