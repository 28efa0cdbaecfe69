"""The order of Kring's apps, lowest first: each app may import only the apps before it.

`docs/architecture.md` says why each app stands where it does; `kring/core/tests/test_ladder.py`
reads this tuple and fails on an import that runs uphill, a name lookup of a model, or a circle.
"""

LADDER = (
    "core",
    "accounts",
    "members",
    "finance",
    "register",
    "imports",
    "accreditation",
    "cpd",
    "events",
    "intervision",
    "complaints",
    "recertification",
    "find",
    "api",
    "demo",
)

# Modules of the project itself, not of an app: they put the apps together and may import any.
PROJECT_MODULES = ("kring.settings", "kring.urls", "kring.wsgi", "kring.asgi", "kring")
