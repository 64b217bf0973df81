from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Participation and results")

    def ready(self):
        from django.urls import reverse

        from base.destinations import register_destination
        from results import signals
        from results.station_sheet_views import desk_links
        from voting.desk_links import register_desk_links

        signals.connect()
        # The station desk links the results sheet (voting sits below results).
        register_desk_links(desk_links)
        register_destination(
            "open_data", _("Open data"), lambda: reverse("results:open_data_schema"), order=60
        )
