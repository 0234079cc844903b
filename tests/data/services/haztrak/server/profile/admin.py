"""Admin configuration for the profile app."""


# Register your models here.
