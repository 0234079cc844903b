"""App configuration for the rcrasite app."""

from django.apps import AppConfig


class SitesConfig(AppConfig):
    """App configuration for the rcrasite app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "rcrasite"
