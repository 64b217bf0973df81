"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path

from stories.feeds import StoryFeed

app_name = "stories"

urlpatterns = [
    path("stasti/feed/", StoryFeed(), name="feed"),
]
