from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MockElectionsConfig(AppConfig):
    name = "mock_elections"
    verbose_name = _("Children's mock elections")
