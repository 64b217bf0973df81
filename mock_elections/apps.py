from functools import partial

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MockElectionsConfig(AppConfig):
    name = "mock_elections"
    verbose_name = _("Children's mock elections")

    def ready(self):
        from base import page_cache
        from base.destinations import forget_destination, register_destination
        from home.selectors import show_stations_beside_precincts

        from .home_stations import stations_beside_precincts
        from .models import Election, ElectionTransition, PollingStation
        from .roles import sync_roles_after_migrate
        from .selectors import proposal_form_address

        # Every app, not only this one: models the other election apps add later must
        # reach the Organisers group as well.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="mock_elections_roles")

        # The home page's "where and when to vote" shows these stations; a change must reach
        # visitors at once, not after the page cache's timeout.
        show_stations_beside_precincts(stations_beside_precincts)
        for model in (Election, PollingStation):
            for signal in (post_save, post_delete):
                signal.connect(page_cache.start_new_generation, sender=model)
        # The menu and footer link the proposal form while an election takes proposals.
        # (A status change is a guarded update(): its audit entry is what gets saved.)
        register_destination(
            "proposals",
            _("Propose a question"),
            proposal_form_address,
            in_menu=True,
            order=50,
            cached=True,
        )
        for model in (Election, ElectionTransition):
            for signal in (post_save, post_delete):
                signal.connect(partial(forget_destination, "proposals"), sender=model, weak=False)
