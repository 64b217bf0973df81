"""The ballot-card admin: batches (issue, download, print, void). Card accounting is in
voting's admin menu."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, audit
from .forms import IssueBatchForm, VoidBatchForm
from .models import BallotBatch


class BallotBatchViewSet(ModelViewSet):
    model = BallotBatch
    name = "ballots_batches"
    url_prefix = "ballots/batches"
    icon = "doc-full-inverse"
    menu_label = _("Ballot batches")
    permission_policy = admin_views.batch_permission_policy
    index_view_class = admin_views.BatchIndexView
    add_view_class = admin_views.IssueBatchView
    edit_view_class = admin_views.VoidBatchView
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_admin_menu = False
    list_display = [
        "__str__",
        "size",
        "layout",
        "created_at",
        "created_by",
        BooleanColumn("is_void", label=_("Void")),
        Column("print_state", label=_("Printable file"), accessor="print_status"),
    ]
    list_filter = ["station__election", "station", "layout", "is_void"]
    search_fields = ["station__name", "void_reason"]
    search_backend_name = None
    list_export = [
        "station",
        "number",
        "size",
        "layout",
        "created_at",
        "created_by",
        "is_void",
        "void_reason",
        "voided_at",
    ]
    inspect_view_fields = [
        "station",
        "number",
        "size",
        "layout",
        "created_at",
        "created_by",
        "is_void",
        "void_reason",
        "voided_at",
        "voided_by",
    ]

    def get_form_class(self, for_update=False):
        return VoidBatchForm if for_update else IssueBatchForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/pdf/", admin_views.batch_pdf_view, name="pdf"),
            path("<int:pk>/print/", admin_views.batch_print_view, name="print"),
            path("<int:pk>/draw/", admin_views.draw_batch_view, name="draw"),
        ]


class BallotsViewSetGroup(ViewSetGroup):
    menu_label = _("QR ballots")
    menu_icon = "doc-full-inverse"
    menu_order = 320
    items = (BallotBatchViewSet,)


@hooks.register("register_admin_viewset")
def register_ballots_viewsets():
    return BallotsViewSetGroup()


@hooks.register("register_log_actions")
def register_ballot_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)
