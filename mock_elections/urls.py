"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "mock_elections"

urlpatterns = [
    path(
        _("childrens-election/<slug:slug>/proposals/"),
        views.propose_question,
        name="propose_question",
    ),
]
