from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for development and trying Kring: never installed code paths of the other apps use."""

    name = "kring.demo"
    verbose_name = "Demo"
