"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from stories.feeds import StoryFeed

app_name = "stories"

urlpatterns = [
    path(_("stories/feed/"), StoryFeed(), name="feed"),
]
