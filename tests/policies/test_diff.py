from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.policies.diff import ClauseChange, ClauseDiff, FieldChange, WordOp, diff_clauses, word_diff
from app.policies.vocabulary import ClauseDraft, ClauseKind, CoveredPersonType

MODERATION = "Comments that are abusive, discriminatory or off topic may be hidden by a moderator."


def clause(ref: str, text: str, title: str | None = None, **fields: Any) -> ClauseDraft:
    if ref.endswith(")"):
        parent: str | None = ref[: ref.rindex("(")]
    else:
        parent = ref.rsplit(".", 1)[0] if "." in ref else None
    return ClauseDraft(ref=ref, text=text, title=title, parent_ref=parent, **fields)


RECORDS = "Every post and every hidden comment is kept for seven years."


def policy_2021() -> list[ClauseDraft]:
    return [
        clause("1", "This policy governs social media use by the Town of Eastbrook.", "Purpose"),
        clause("2", "Only the Communications Office may open an official account.", "Accounts"),
        clause("2.1", "Each official account has at least two administrators."),
        clause("3", MODERATION, "Moderation"),
        clause("4", RECORDS, "Records"),
        clause(
            "5",
            "Employees may use personal social media outside working hours. Employees must not"
            " identify themselves as speaking for the Town. Confidential information must never"
            " be shared.",
            "Personal Use",
        ),
    ]


def policy_2024() -> list[ClauseDraft]:
    return [
        *policy_2021()[:4],
        clause(
            "4",
            "During an emergency the Emergency Operations Centre approves every post.",
            "Emergency Communications",
        ),
        clause("5", RECORDS, "Records"),
        clause(
            "6",
            "Employees may use personal social media outside working hours and on breaks."
            " Employees must not claim to speak for the Town. Confidential information must"
            " never be shared.",
            "Personal Use of Social Media",
        ),
    ]


def refs(changes: list[ClauseChange]) -> list[tuple[str, str]]:
    return [(c.before.ref, c.after.ref) for c in changes]


def ops(diff: list[WordOp] | None) -> list[tuple[str, str]]:
    return [(op.op, op.text) for op in diff or []]


def test_renumbered_and_reworded_section_is_one_move_not_a_removal_and_an_addition() -> None:
    diff = diff_clauses(policy_2021(), policy_2024())

    assert [c.ref for c in diff.added] == ["4"]
    assert diff.removed == []
    assert diff.changed == []
    assert refs(diff.moved) == [("4", "5"), ("5", "6")]
    assert diff.unchanged == 4
    records, personal_use = diff.moved
    assert records.fields == []
    assert records.similarity == 1.0
    assert [f.field for f in personal_use.fields] == ["title", "text"]
    assert ops(personal_use.title_diff) == [
        ("equal", "Personal Use"),
        ("insert", " of Social Media"),
    ]
    assert ("insert", " and on breaks") in ops(personal_use.text_diff)
    assert ("delete", "identify themselves as speaking") in ops(personal_use.text_diff)
    assert 0.6 <= personal_use.similarity < 1


def test_child_of_a_renumbered_parent_moves_with_a_parent_ref_change() -> None:
    before = [clause("4", MODERATION), clause("4.1", "Hidden comments are kept for a year.")]
    after = [
        clause("4", "Records are kept as the retention by-law requires."),
        clause("5", MODERATION),
        clause("5.1", "Hidden comments are kept for a year."),
    ]

    diff = diff_clauses(before, after)

    assert refs(diff.moved) == [("4", "5"), ("4.1", "5.1")]
    assert diff.moved[0].fields == []
    assert diff.moved[1].fields == [FieldChange("parent_ref", "4", "5")]
    assert diff.moved[1].text_diff is None


def test_reworded_clause_gives_a_word_diff_with_the_exact_ops() -> None:
    before = [clause("2.3", "Employees must not post confidential information.")]
    after = [clause("2.3", "Employees shall not post confidential or personal information.")]

    diff = diff_clauses(before, after)

    [change] = diff.changed
    assert [f.field for f in change.fields] == ["text"]
    assert change.title_diff is None
    assert ops(change.text_diff) == [
        ("equal", "Employees "),
        ("delete", "must"),
        ("insert", "shall"),
        ("equal", " not post confidential"),
        ("insert", " or personal"),
        ("equal", " information."),
    ]


def test_a_rewording_reads_as_one_replacement_not_word_by_word() -> None:
    before = "Staff must not post photos of residents, visitors or staff."
    after = "Staff shall never share images of children, pets or staff."

    assert ops(word_diff(before, after)) == [
        ("equal", "Staff "),
        ("delete", "must not post photos"),
        ("insert", "shall never share images"),
        ("equal", " of "),
        ("delete", "residents, visitors"),
        ("insert", "children, pets"),
        ("equal", " or staff."),
    ]


def test_same_ref_with_unrelated_text_is_removed_and_added_not_changed() -> None:
    before = [clause("3", "Only the Communications Office may open an official account.")]
    after = [clause("3", "Records of every post are kept for seven years.")]

    diff = diff_clauses(before, after)

    assert diff.changed == []
    assert diff.moved == []
    assert diff.removed == before
    assert diff.added == after


def test_a_clearly_closer_renumbered_match_beats_a_weak_same_ref_match() -> None:
    residents = "Employees must not post photographs of residents without their written consent."
    facilities = (
        "Employees must not post photographs of Town facilities without written consent"
        " from the Clerk."
    )
    before = [clause("5", residents), clause("6", facilities)]
    after = [
        clause("5", "During an emergency the Emergency Operations Centre approves every post."),
        clause(
            "6",
            "Employees must not post photographs of residents or their children without"
            " written consent.",
        ),
        clause(
            "7",
            "Employees must not post photographs of Town facilities or vehicles without prior"
            " written consent from the Clerk.",
        ),
    ]

    diff = diff_clauses(before, after)

    assert refs(diff.moved) == [("5", "6"), ("6", "7")]
    assert diff.changed == []
    assert [c.ref for c in diff.added] == ["5"]


def test_kind_topics_and_applies_to_changes_are_listed_as_plain_field_changes() -> None:
    text = "Moderators hide comments that share a resident's address."
    before = clause(
        "4.2",
        text,
        kind=ClauseKind.GUIDELINE,
        topics=["privacy"],
        applies_to=[CoveredPersonType.EMPLOYEE],
    )
    after = replace(
        before,
        kind=ClauseKind.PROHIBITED_CONTENT,
        topics=["privacy", "doxxing"],
        applies_to=[CoveredPersonType.EMPLOYEE, CoveredPersonType.VOLUNTEER],
    )

    [change] = diff_clauses([before], [after]).changed

    assert change.fields == [
        FieldChange("kind", "guideline", "prohibited_content"),
        FieldChange("topics", ["privacy"], ["privacy", "doxxing"]),
        FieldChange("applies_to", ["employee"], ["employee", "volunteer"]),
    ]
    assert type(change.fields[0].after) is str
    assert all(type(v) is str for v in change.fields[2].after)
    assert change.title_diff is None
    assert change.text_diff is None
    assert change.similarity == 1.0


def test_reflowed_text_and_reordered_topics_are_not_changes() -> None:
    before = clause("1", "Staff  must\nnot post.", topics=["privacy", "photos"])
    after = clause("1", "Staff must not post.", topics=["photos", "privacy"])

    assert diff_clauses([before], [after]) == ClauseDiff([], [], [], [], unchanged=1)


def test_identical_versions_are_entirely_unchanged() -> None:
    diff = diff_clauses(policy_2024(), policy_2024())

    assert diff == ClauseDiff([], [], [], [], unchanged=len(policy_2024()))


def test_repeated_boilerplate_follows_its_renumbered_parent() -> None:
    before = [
        clause("1", "Facebook page.", "Facebook"),
        clause("1.1", "Posts are reviewed weekly."),
        clause("1.2", "Reserved."),
        clause("2", "Instagram account.", "Instagram"),
        clause("2.1", "Stories are archived monthly."),
        clause("2.2", "Reserved."),
    ]
    after = [
        clause("1", "Who may post.", "Authority"),
        clause("3", "Instagram account.", "Instagram"),
        clause("3.1", "Stories are archived monthly."),
        clause("3.2", "Reserved."),
        clause("4", "Facebook page.", "Facebook"),
        clause("4.1", "Posts are reviewed weekly."),
        clause("4.2", "Reserved."),
    ]

    diff = diff_clauses(before, after)

    assert refs(diff.moved) == [
        ("2", "3"),
        ("2.1", "3.1"),
        ("2.2", "3.2"),
        ("1", "4"),
        ("1.1", "4.1"),
        ("1.2", "4.2"),
    ]


def test_repeated_boilerplate_without_structure_pairs_in_document_order() -> None:
    before = [clause("1", "Reserved."), clause("2", "Reserved.")]
    after = [
        clause("1", "Scope."),
        clause("2", "Purpose."),
        clause("3", "Reserved."),
        clause("4", "Reserved."),
    ]

    diff = diff_clauses(before, after)

    assert refs(diff.moved) == [("1", "3"), ("2", "4")]
    assert [c.ref for c in diff.added] == ["1", "2"]


def test_results_follow_document_order() -> None:
    before = [
        clause("1", "Alpha clause text here."),
        clause("2", "Beta clause text here."),
        clause("3", "Gamma goes away."),
        clause("4", "Delta goes away too."),
    ]
    after = [
        clause("5", "Beta clause text here."),
        clause("6", "Alpha clause text here."),
        clause("7", "Epsilon arrives."),
        clause("8", "Zeta arrives as well."),
    ]

    diff = diff_clauses(before, after)

    assert refs(diff.moved) == [("2", "5"), ("1", "6")]
    assert [c.ref for c in diff.removed] == ["3", "4"]
    assert [c.ref for c in diff.added] == ["7", "8"]


WORDS = ["must", "shall", "not", "post", "the", "Town", "résumé", "中文", ",", ".", "(a)"]
worded_text = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", "  ", "\n", "\t "])), max_size=30
).map(lambda parts: "".join(word + space for word, space in parts))


@settings(database=None, max_examples=300)
@given(st.text() | worded_text, st.text() | worded_text)
def test_word_diff_rebuilds_both_texts_from_merged_ops(before: str, after: str) -> None:
    diff = word_diff(before, after)

    assert "".join(op.text for op in diff if op.op != "insert") == before
    assert "".join(op.text for op in diff if op.op != "delete") == after
    assert all(op.text for op in diff)
    assert all(a.op != b.op for a, b in pairwise(diff))


REFS = ["1", "2", "3", "1.1", "1.2", "2.1", "2.1(a)"]
clauses = st.builds(
    clause,
    ref=st.sampled_from(REFS),
    text=st.lists(st.sampled_from(WORDS[:7]), max_size=8).map(" ".join),
    title=st.none() | st.sampled_from(["Personal Use", "Moderation"]),
    kind=st.sampled_from([ClauseKind.GUIDELINE, ClauseKind.SCOPE]),
    topics=st.lists(st.sampled_from(["privacy", "photos"]), max_size=2),
    applies_to=st.lists(st.sampled_from(list(CoveredPersonType)[:2]), max_size=2),
)
versions = st.lists(clauses, max_size=12)


@settings(database=None)
@given(versions)
def test_a_version_diffed_against_itself_has_no_changes(version: list[ClauseDraft]) -> None:
    copy = [replace(c, topics=list(c.topics), applies_to=list(c.applies_to)) for c in version]

    assert diff_clauses(version, copy) == ClauseDiff([], [], [], [], unchanged=len(version))


@settings(database=None, max_examples=300)
@given(versions, versions)
def test_every_clause_is_accounted_for_exactly_once_on_each_side(
    before: list[ClauseDraft], after: list[ClauseDraft]
) -> None:
    diff = diff_clauses(before, after)
    pairs = diff.changed + diff.moved

    old_side = [id(c) for c in diff.removed] + [id(c.before) for c in pairs]
    new_side = [id(c) for c in diff.added] + [id(c.after) for c in pairs]
    assert len(set(old_side)) == len(old_side) == len(before) - diff.unchanged
    assert len(set(new_side)) == len(new_side) == len(after) - diff.unchanged
    assert set(old_side) <= {id(c) for c in before}
    assert set(new_side) <= {id(c) for c in after}
    assert all(c.before.ref == c.after.ref for c in diff.changed)
    assert all(c.before.ref != c.after.ref for c in diff.moved)
