"""Public pages of the people app, under the language prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "people"

urlpatterns = [
    path(_("childrens-election/<slug:slug>/volunteers/"), views.sign_up, name="sign_up"),
    path(_("childrens-election/<slug:slug>/groups/"), views.register_group, name="register_group"),
]
