"""Profile app configuration."""

from django.apps import AppConfig


class FooConfig(AppConfig):
    """Profile app configuration."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "profile"
