"""Manifest app configuration."""

from django.apps import AppConfig


class ManifestConfig(AppConfig):
    """Manifest app configuration."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "manifest"
