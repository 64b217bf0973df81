"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path

from . import views

app_name = "mock_elections"

urlpatterns = [
    path(
        "bernu-velesanas/<slug:slug>/ierosinajumi/",
        views.propose_question,
        name="propose_question",
    ),
]
