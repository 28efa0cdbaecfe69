"""The demo insurer, so that anyone trying Kring can call the API with a documented key.

The key below is public on purpose (the README lists it); ``ensure_demo_insurer`` is called by the
demo seed and never by production set-up.
"""

from __future__ import annotations

from kring.api import services
from kring.api.models import ApiKey, Insurer, hash_secret

DEMO_INSURER = "Demo Zorgverzekeraar"
DEMO_KEY = "kring-demo-4f1c9a7e2b"


def ensure_demo_insurer() -> tuple[Insurer, ApiKey]:
    """Create the demo insurer and its key if they are missing; calling it again changes nothing."""
    insurer, _ = Insurer.objects.get_or_create(name=DEMO_INSURER, defaults={"contact_email": "api@demo.example"})
    key = ApiKey.objects.filter(hashed_secret=hash_secret(DEMO_KEY)).first()
    if key is None:
        key, _ = services.api_key_create(insurer, name="Demo", secret=DEMO_KEY)
    return insurer, key
