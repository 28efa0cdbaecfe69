from kring.core import public_pages
from kring.core.models import PublicPage
from tests.access.matrix import EVERYONE, LOGGED_IN, Case

OFFICE = frozenset({"office"})


def _page(key):
    def kwargs(personas):
        public_pages.load()  # the data migration's rows, back after a transactional test's flush
        return {"object_id": PublicPage.objects.get(key=key).pk}

    return kwargs


CASES = [
    Case("home", EVERYONE),
    Case("healthz", EVERYONE),
    Case("favicon", EVERYONE, ok=(302,)),
    Case("about", EVERYONE),
    Case("contact", EVERYONE),
    Case("privacy", EVERYONE),
    Case("accessibility", EVERYONE),
    Case("accounts:two_factor_required", LOGGED_IN),
    Case("admin:index", OFFICE),
    Case("admin:members_person_changelist", OFFICE),
    Case("admin:core_auditentry_changelist", OFFICE),
    Case("admin:core_publicpage_changelist", OFFICE),
    Case("admin:core_publicpage_change", OFFICE, kwargs=_page("privacy")),
    Case(
        "admin:core_publicpage_change",
        OFFICE,
        kwargs=_page("about"),
        method="post",
        data={"title_nl": "Over ons", "title_en": "About us", "body_nl": "Wij.", "body_en": "We."},
        ok=(302,),
    ),
]
