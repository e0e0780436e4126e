from enum import StrEnum


class CoveredPersonType(StrEnum):
    CAO = "cao"
    CONTRACTING_FIRM = "contracting_firm"
    CONTRACT_EMPLOYEE = "contract_employee"
    COUNCIL_MEMBER = "council_member"
    EMPLOYEE = "employee"
    MAYOR = "mayor"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
