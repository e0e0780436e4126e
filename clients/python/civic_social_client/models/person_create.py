from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.person_status import PersonStatus
from ..models.person_type import PersonType
from ..models.service_role import ServiceRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCreate")


@_attrs_define
class PersonCreate:
    """
    Attributes:
        given_name (str):
        family_name (str):
        email (str):
        person_type (PersonType):
        department_id (None | Unset | UUID):
        job_title (None | str | Unset):
        status (PersonStatus | Unset):
        departed_on (datetime.date | None | Unset):
        service_roles (list[ServiceRole] | Unset):
    """

    given_name: str
    family_name: str
    email: str
    person_type: PersonType
    department_id: None | Unset | UUID = UNSET
    job_title: None | str | Unset = UNSET
    status: PersonStatus | Unset = UNSET
    departed_on: datetime.date | None | Unset = UNSET
    service_roles: list[ServiceRole] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_name = self.given_name

        family_name = self.family_name

        email = self.email

        person_type = self.person_type.value

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        departed_on: None | str | Unset
        if isinstance(self.departed_on, Unset):
            departed_on = UNSET
        elif isinstance(self.departed_on, datetime.date):
            departed_on = self.departed_on.isoformat()
        else:
            departed_on = self.departed_on

        service_roles: list[str] | Unset = UNSET
        if not isinstance(self.service_roles, Unset):
            service_roles = []
            for service_roles_item_data in self.service_roles:
                service_roles_item = service_roles_item_data.value
                service_roles.append(service_roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_name": given_name,
                "family_name": family_name,
                "email": email,
                "person_type": person_type,
            }
        )
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if status is not UNSET:
            field_dict["status"] = status
        if departed_on is not UNSET:
            field_dict["departed_on"] = departed_on
        if service_roles is not UNSET:
            field_dict["service_roles"] = service_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        email = d.pop("email")

        person_type = PersonType(d.pop("person_type"))

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        _status = d.pop("status", UNSET)
        status: PersonStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PersonStatus(_status)

        def _parse_departed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departed_on_type_0 = datetime.date.fromisoformat(data)

                return departed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        departed_on = _parse_departed_on(d.pop("departed_on", UNSET))

        _service_roles = d.pop("service_roles", UNSET)
        service_roles: list[ServiceRole] | Unset = UNSET
        if _service_roles is not UNSET:
            service_roles = []
            for service_roles_item_data in _service_roles:
                service_roles_item = ServiceRole(service_roles_item_data)

                service_roles.append(service_roles_item)

        person_create = cls(
            given_name=given_name,
            family_name=family_name,
            email=email,
            person_type=person_type,
            department_id=department_id,
            job_title=job_title,
            status=status,
            departed_on=departed_on,
            service_roles=service_roles,
        )

        return person_create
