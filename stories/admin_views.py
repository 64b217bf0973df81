"""Admin downloads of a story's poster and cards, drawn from its latest (maybe unpublished)
revision so the team can proof print material before publishing."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from stories.models import StoryPage
from stories.views import card_response, poster_response


def _latest_story_for_editor(request, page_id):
    page = get_object_or_404(StoryPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.get_latest_revision_as_object()


def poster(request, page_id):
    return poster_response(_latest_story_for_editor(request, page_id), request)


def share_card(request, page_id, size):
    response = card_response(_latest_story_for_editor(request, page_id), size)
    response["Cache-Control"] = "private, no-store"
    return response
