from kring.core.access import roles_of


def kring(request):
    """Roles for the navigation. Only what the templates need to decide which links to show."""
    roles = roles_of(request.user) if hasattr(request, "user") else frozenset()
    return {"kring_roles": roles}
