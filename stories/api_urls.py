"""Language-neutral endpoints of this app: APIs, files, images."""

from django.urls import path

from stories import views

app_name = "stories_api"

urlpatterns = [
    path("stasti/<int:page_id>/karte-<str:size>.png", views.share_card, name="share_card"),
    path("stasti/<int:page_id>/plakats.pdf", views.poster, name="poster"),
]
