"""The demo insurer: anyone trying Kring can call the API with the key the README documents."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from kring.api.models import ApiKey, Insurer
from kring.demo.insurer import DEMO_KEY, ensure_demo_insurer


def test_the_demo_insurer_has_the_documented_key(trainer):
    ensure_demo_insurer()
    ensure_demo_insurer()
    assert Insurer.objects.filter(name="Demo Zorgverzekeraar").count() == 1
    assert ApiKey.objects.count() == 1
    response = Client(headers={"Authorization": f"Bearer {DEMO_KEY}"}).get("/api/v1/registrations/004211")
    assert response.status_code == 200


def test_the_demo_insurer_command_prints_the_key(db):
    out = StringIO()
    call_command("demo_insurer", stdout=out)
    assert DEMO_KEY in out.getvalue()
    assert ApiKey.objects.get().insurer.name == "Demo Zorgverzekeraar"
