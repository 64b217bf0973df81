"""The adult precincts in the admin. Editors and Moderators keep them current, because the
how-to-vote page publishes them; Organisers too, because they place the children's stations
beside them (permissions: base/editorial.py and mock_elections/roles.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from base.models import Precinct


class PrecinctViewSet(ModelViewSet):
    model = Precinct
    icon = "site"
    menu_label = _("Polling precincts")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "name", "address", "district"]
    list_export = ["number", "name", "address", "district", "areas", "latitude", "longitude"]
    list_filter = ["district"]
    search_fields = ["number", "name", "address", "areas"]
    search_backend_name = None
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_precinct_viewset():
    return PrecinctViewSet("precincts")
