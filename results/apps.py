from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Participation and results")

    def ready(self):
        from django.urls import reverse

        from base.destinations import register_destination
        from results import signals

        signals.connect()
        register_destination(
            "open_data", _("Open data"), lambda: reverse("results:open_data_schema"), order=60
        )
