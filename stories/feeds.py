"""Atom feed of the newest stories in the reader's language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from stories import selectors


class StoryFeed(Feed):
    feed_type = Atom1Feed
    title = _("Liepāja is your voice! — residents' stories")
    subtitle = _("Why Liepāja residents vote, in their own words.")

    def link(self):
        from django.urls import reverse

        return reverse("stories:feed")

    def get_object(self, request, *args, **kwargs):
        # The feed's object is the request, so every story's URL is built with it (one
        # lookup of the site's root paths per request, not one per story).
        return request

    def items(self, request):
        stories = list(selectors.latest_stories())
        for story in stories:
            story.feed_url = story.get_url(request)
        return stories

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.quote

    def item_link(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.district.name] + [tag.name for tag in item.tags.all()]
