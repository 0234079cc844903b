"""Config for the org app."""

from django.apps import AppConfig


class OrgConfig(AppConfig):
    """Config for the org app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "org"
