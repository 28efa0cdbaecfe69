from tests.access.matrix import EVERYONE, LOGGED_IN, Case

CASES = [
    Case("home", EVERYONE),
    Case("healthz", EVERYONE),
    Case("favicon", EVERYONE, ok=(302,)),
    Case("accounts:two_factor_required", LOGGED_IN),
    Case("admin:index", frozenset({"office"})),
    Case("admin:members_person_changelist", frozenset({"office"})),
    Case("admin:core_auditentry_changelist", frozenset({"office"})),
]
