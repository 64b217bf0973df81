from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Campaign home")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from base import page_cache
        from mock_elections.models import Election, PollingStation

        # "Where and when to vote" shows children's stations: a change there must reach
        # visitors at once, not after the page cache's timeout.
        for model in (Election, PollingStation):
            for signal in (post_save, post_delete):
                signal.connect(page_cache.start_new_generation, sender=model)
