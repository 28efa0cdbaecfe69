from django.utils.functional import SimpleLazyObject

from kring.core import identity
from kring.core.access import roles_of


def kring(request):
    """Roles for the navigation and the association's identity for the layout. Only what the templates
    need; the association is read when a template first uses it."""
    roles = roles_of(request.user) if hasattr(request, "user") else frozenset()
    return {"kring_roles": roles, "association": SimpleLazyObject(identity.current)}
