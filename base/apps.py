from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """Shared pieces: districts, fonts, language helpers, demo loading, base views."""

    name = "base"
    verbose_name = _("Shared")
