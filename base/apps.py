from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """Shared pieces: districts, fonts, language helpers, demo loading, base views."""

    name = "base"
    verbose_name = _("Shared")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.urls import reverse

        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from base import page_cache, page_pictures
        from base.destinations import register_destination
        from base.models import Precinct, PreparedFile, SiteSettings
        from base.prepared_files.worker import forget_stored_file

        # Any change a public page could show empties the page cache (by a new generation).
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache.start_new_generation, dispatch_uid=f"page-cache-{signal}")
        post_save.connect(page_cache.start_new_generation, sender=SiteSettings)
        # The how-to-vote page lists the precincts and its finder searches them.
        for signal in (post_save, post_delete):
            signal.connect(page_cache.start_new_generation, sender=Precinct)
        post_delete.connect(page_cache.start_new_generation, sender=Page)
        # A page made private must stop being served from the cache at once.
        for signal in (post_save, post_delete):
            signal.connect(page_cache.start_new_generation, sender=PageViewRestriction)
        # The worker draws the picture sizes a published page shows, not a resident's request.
        page_published.connect(page_pictures.page_published, dispatch_uid="page-pictures")
        post_save.connect(
            page_pictures.home_pages_changed, sender=SiteSettings, dispatch_uid="home-pictures"
        )
        # A prepared file's stored copy goes whenever its row goes, however it goes.
        post_delete.connect(forget_stored_file, sender=PreparedFile)
        register_destination("search", _("Search"), lambda: reverse("base:search"), in_menu=True)
