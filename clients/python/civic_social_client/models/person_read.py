from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_status import PersonStatus
from ..models.person_type import PersonType
from ..models.service_role import ServiceRole

T = TypeVar("T", bound="PersonRead")


@_attrs_define
class PersonRead:
    """
    Attributes:
        id (UUID):
        given_name (str):
        family_name (str):
        email (str):
        person_type (PersonType):
        department_id (None | UUID):
        job_title (None | str):
        status (PersonStatus):
        departed_on (datetime.date | None):
        service_roles (list[ServiceRole]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    given_name: str
    family_name: str
    email: str
    person_type: PersonType
    department_id: None | UUID
    job_title: None | str
    status: PersonStatus
    departed_on: datetime.date | None
    service_roles: list[ServiceRole]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        given_name = self.given_name

        family_name = self.family_name

        email = self.email

        person_type = self.person_type.value

        department_id: None | str
        if isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        job_title: None | str
        job_title = self.job_title

        status = self.status.value

        departed_on: None | str
        if isinstance(self.departed_on, datetime.date):
            departed_on = self.departed_on.isoformat()
        else:
            departed_on = self.departed_on

        service_roles = []
        for service_roles_item_data in self.service_roles:
            service_roles_item = service_roles_item_data.value
            service_roles.append(service_roles_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "given_name": given_name,
                "family_name": family_name,
                "email": email,
                "person_type": person_type,
                "department_id": department_id,
                "job_title": job_title,
                "status": status,
                "departed_on": departed_on,
                "service_roles": service_roles,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        email = d.pop("email")

        person_type = PersonType(d.pop("person_type"))

        def _parse_department_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        department_id = _parse_department_id(d.pop("department_id"))

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        status = PersonStatus(d.pop("status"))

        def _parse_departed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departed_on_type_0 = datetime.date.fromisoformat(data)

                return departed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        departed_on = _parse_departed_on(d.pop("departed_on"))

        service_roles = []
        _service_roles = d.pop("service_roles")
        for service_roles_item_data in _service_roles:
            service_roles_item = ServiceRole(service_roles_item_data)

            service_roles.append(service_roles_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        person_read = cls(
            id=id,
            given_name=given_name,
            family_name=family_name,
            email=email,
            person_type=person_type,
            department_id=department_id,
            job_title=job_title,
            status=status,
            departed_on=departed_on,
            service_roles=service_roles,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        person_read.additional_properties = d
        return person_read

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
