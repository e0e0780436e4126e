from app.core.errors import Conflict, NotFound, RuleViolation


class PersonNotFound(NotFound):
    type = "person-not-found"
    title = "Person not found"


class DepartmentNotFound(NotFound):
    type = "department-not-found"
    title = "Department not found"


class PersonEmailTaken(Conflict):
    type = "person-email-taken"
    title = "Email already belongs to another person"


class DepartmentCodeTaken(Conflict):
    type = "department-code-taken"
    title = "Department code already in use"


class DepartmentInUse(Conflict):
    type = "department-in-use"
    title = "Department still has active people"


class DepartmentArchived(Conflict):
    type = "department-archived"
    title = "Department archived"


class UnknownDepartment(RuleViolation):
    type = "department-unknown"
    title = "The department does not exist"


class DepartureInconsistent(RuleViolation):
    type = "departure-inconsistent"
    title = "Status and departure date disagree"


class DepartureInFuture(RuleViolation):
    type = "departure-in-future"
    title = "The departure date is in the future"


class ServiceRolesNotAllowed(RuleViolation):
    type = "service-roles-not-allowed"
    title = "This person cannot hold service roles"
