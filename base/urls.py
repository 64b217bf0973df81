"""Public pages that belong to the whole site, under the language prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from base import views

app_name = "base"

urlpatterns = [
    path(_("search/"), views.search, name="search"),
]
