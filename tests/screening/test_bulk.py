"""civic-social screen: an export screened a row at a time into JSON Lines, resumable after
an interruption, nothing stored."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main as cli_main
from app.core.db import Database
from app.screening.models import Screening

ROWS = [
    ("c1", "Thanks for fixing the streetlight on Elm!", "2026-11-02T15:00:00Z"),
    ("c2", "Call my neighbour at (613) 555-0143, she knows everything.", "2026-11-03T09:30:00Z"),
    ("c3", "", "2026-11-03T10:00:00Z"),
    ("c4", "Buy followers now!!! Click here: followers.example", "2026-11-04T08:00:00Z"),
]


def _csv(path: Path, rows: list[tuple[str, str, str]] = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment_id", "message", "created_time"])
        writer.writerows(rows)
    return path


def _results(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


ARGS = ("--text-column", "message", "--id-column", "comment_id", "--at-column", "created_time")


def _screen(
    cli_env: Callable[..., tuple[int, str]], capsys: Any, source: Path, *extra: str
) -> tuple[int, str]:
    return cli_env("screen", str(source), *ARGS, "--no-progress", *extra, capsys=capsys)


def test_an_export_is_screened_a_row_at_a_time_and_nothing_is_stored(
    cli_env: Callable[..., tuple[int, str]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    database: Database,
) -> None:
    source = _csv(tmp_path / "comments.csv")

    code, out = _screen(cli_env, capsys, source)

    assert code == 0
    assert "4 rows" in out
    assert "1 unreadable" in out
    results = _results(tmp_path / "comments.csv.screened.jsonl")
    assert [(r["row"], r["id"]) for r in results] == [(1, "c1"), (2, "c2"), (3, "c3"), (4, "c4")]
    assert results[0]["decision"] == "allow"
    assert results[1]["decision"] == "hide"
    assert results[1]["categories"] == ["personal_information"]
    assert "555-0143" not in results[1]["redacted_text"], "only redacted text is written"
    assert results[1]["at"] == "2026-11-03T09:30:00+00:00"
    assert results[2] == {"row": 3, "id": "c3", "error": "no text in 'message'"}
    assert "spam" in results[3]["categories"]
    with database.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Screening)) == 0


def test_an_interrupted_run_resumes_where_it_stopped(
    cli_env: Callable[..., tuple[int, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = _csv(tmp_path / "comments.csv")
    out = tmp_path / "comments.csv.screened.jsonl"
    _screen(cli_env, capsys, source)
    complete = out.read_text().splitlines(keepends=True)
    # A run killed while writing its third line.
    out.write_text("".join(complete[:2]) + complete[2][:15])

    code, printed = _screen(cli_env, capsys, source)

    assert code == 0
    assert "resumed after row 2" in printed
    assert out.read_text().splitlines(keepends=True) == complete


def test_an_output_of_another_file_is_not_resumed(
    cli_env: Callable[..., tuple[int, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _screen(cli_env, capsys, _csv(tmp_path / "a.csv"), "--output", str(tmp_path / "out.jsonl"))
    other = _csv(tmp_path / "b.csv", [(f"x{i}", "Hello", "2026-11-02T15:00:00Z") for i in range(6)])

    code = cli_main(["screen", str(other), *ARGS, "--output", str(tmp_path / "out.jsonl")])

    assert code == 2
    assert "written for another file" in capsys.readouterr().err
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 4


def test_json_lines_with_a_bad_line_and_a_missing_column_are_reported(
    cli_env: Callable[..., tuple[int, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "drafts.jsonl"
    source.write_text(
        json.dumps({"text": "Join us Saturday at the library!", "kind": "post"})
        + "\n{not json\n"
        + json.dumps(["a list"])
        + "\n"
    )
    code, _ = cli_env(
        "screen", str(source), "--kind-column", "kind", "--no-progress", capsys=capsys
    )
    results = _results(tmp_path / "drafts.jsonl.screened.jsonl")
    assert code == 0
    assert (results[0]["kind"], results[0]["decision"]) == ("post", "allow")
    assert results[1]["error"].startswith("not JSON")
    assert results[2]["error"] == "not an object"

    missing = _csv(tmp_path / "c.csv")
    code = cli_main(["screen", str(missing), "--text-column", "body"])
    assert code == 2
    assert "no column body" in capsys.readouterr().err
    assert not (tmp_path / "c.csv.screened.jsonl").exists()
