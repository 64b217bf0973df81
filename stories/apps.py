from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Resident stories")

    def ready(self) -> None:
        from base.blocks import register_shared_block
        from stories import signals
        from stories.blocks import StoryTeaserListBlock

        # Published stories' share cards are drawn by the task worker, and go with the story.
        signals.connect()

        # Every page body offers story teasers without base knowing this app.
        register_shared_block("story_teasers", StoryTeaserListBlock)
