"""Wasteline app configuration."""

from django.apps import AppConfig


class WastelineConfig(AppConfig):
    """Wasteline app configuration."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "wasteline"
