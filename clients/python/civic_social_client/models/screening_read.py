from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_kind import ContentKind
from ..models.decision import Decision

if TYPE_CHECKING:
    from ..models.finding_read import FindingRead
    from ..models.policy_version_ref import PolicyVersionRef


T = TypeVar("T", bound="ScreeningRead")


@_attrs_define
class ScreeningRead:
    """
    Attributes:
        id (UUID):
        kind (ContentKind): What is being screened: a staff draft (post or reply) or a public comment.
        decision (Decision):
        findings (list[FindingRead]):
        redacted_text (str): The text with personal information masked character for character
        risk_flags (list[str]): Signals for a person that never change the decision (viewpoint_risk)
        engine_version (str):
        ruleset_version (str):
        policy_version (None | PolicyVersionRef):
        review_id (None | UUID): The review a `review` decision opened
        account_id (None | UUID):
        platform (None | str):
        at (datetime.datetime):
        emergency (bool):
        text_sha256 (str): SHA-256 of the original text, hex
        text_length (int):
        created_at (datetime.datetime):
    """

    id: UUID
    kind: ContentKind
    decision: Decision
    findings: list[FindingRead]
    redacted_text: str
    risk_flags: list[str]
    engine_version: str
    ruleset_version: str
    policy_version: None | PolicyVersionRef
    review_id: None | UUID
    account_id: None | UUID
    platform: None | str
    at: datetime.datetime
    emergency: bool
    text_sha256: str
    text_length: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_version_ref import PolicyVersionRef  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        decision = self.decision.value

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        redacted_text = self.redacted_text

        risk_flags = self.risk_flags

        engine_version = self.engine_version

        ruleset_version = self.ruleset_version

        policy_version: dict[str, Any] | None
        if isinstance(self.policy_version, PolicyVersionRef):
            policy_version = self.policy_version.to_dict()
        else:
            policy_version = self.policy_version

        review_id: None | str
        if isinstance(self.review_id, UUID):
            review_id = str(self.review_id)
        else:
            review_id = self.review_id

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        platform: None | str
        platform = self.platform

        at = self.at.isoformat()

        emergency = self.emergency

        text_sha256 = self.text_sha256

        text_length = self.text_length

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "decision": decision,
                "findings": findings,
                "redacted_text": redacted_text,
                "risk_flags": risk_flags,
                "engine_version": engine_version,
                "ruleset_version": ruleset_version,
                "policy_version": policy_version,
                "review_id": review_id,
                "account_id": account_id,
                "platform": platform,
                "at": at,
                "emergency": emergency,
                "text_sha256": text_sha256,
                "text_length": text_length,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_read import FindingRead  # noqa: PLC0415
        from ..models.policy_version_ref import PolicyVersionRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = ContentKind(d.pop("kind"))

        decision = Decision(d.pop("decision"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingRead.from_dict(findings_item_data)

            findings.append(findings_item)

        redacted_text = d.pop("redacted_text")

        risk_flags = cast(list[str], d.pop("risk_flags"))

        engine_version = d.pop("engine_version")

        ruleset_version = d.pop("ruleset_version")

        def _parse_policy_version(data: object) -> None | PolicyVersionRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                policy_version_type_0 = PolicyVersionRef.from_dict(data)

                return policy_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolicyVersionRef, data)

        policy_version = _parse_policy_version(d.pop("policy_version"))

        def _parse_review_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_id_type_0 = UUID(data)

                return review_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        review_id = _parse_review_id(d.pop("review_id"))

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        emergency = d.pop("emergency")

        text_sha256 = d.pop("text_sha256")

        text_length = d.pop("text_length")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        screening_read = cls(
            id=id,
            kind=kind,
            decision=decision,
            findings=findings,
            redacted_text=redacted_text,
            risk_flags=risk_flags,
            engine_version=engine_version,
            ruleset_version=ruleset_version,
            policy_version=policy_version,
            review_id=review_id,
            account_id=account_id,
            platform=platform,
            at=at,
            emergency=emergency,
            text_sha256=text_sha256,
            text_length=text_length,
            created_at=created_at,
        )

        screening_read.additional_properties = d
        return screening_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
