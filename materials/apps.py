from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    """The public campaign-materials page: posters, logos, share cards for partners,
    schools and the press, in one place."""

    name = "materials"
    verbose_name = _("Campaign materials")
    default_auto_field = "django.db.models.BigAutoField"
