"""Admin views for ballot cards: batches (issue, download, print, void). The accounting of
cards against votes lives in voting (voting/admin_accounting.py), which reads both."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from .codes import format_code
from .models import BallotBatch
from .printing import batch_pdf
from .qr import ballot_qr_svg


class BatchPermissionPolicy(ModelPermissionPolicy):
    """Batches are never deleted: a wrong or lost batch is voided, so accounting keeps it."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


batch_permission_policy = BatchPermissionPolicy(BallotBatch)


def require_batch_permission(request):
    if not batch_permission_policy.user_has_any_permission(request.user, ["add", "change"]):
        raise PermissionDenied


class BatchIndexView(generic.IndexView):
    """The list of batches, with the PDF and print view one click away."""

    def get_list_more_buttons(self, instance):
        buttons = []
        if not instance.is_void:
            buttons += [
                ListingButton(
                    _("Download PDF"),
                    url=reverse("ballots_batches:pdf", args=[instance.pk]),
                    icon_name="download",
                    priority=1,
                ),
                ListingButton(
                    _("Print view"),
                    url=reverse("ballots_batches:print", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=2,
                ),
            ]
        return buttons + super().get_list_more_buttons(instance)


class IssueBatchView(generic.CreateView):
    submit_button_label = _("Issue the batch")
    success_message = _("Batch “%(object)s” is ready: download its PDF from the list.")


class VoidBatchView(generic.EditView):
    """Editing a batch means only one thing: cancelling it, with a reason."""

    submit_button_label = _("Void this batch")
    success_message = _("Batch “%(object)s” was voided: its unused cards no longer work.")

    def get_page_subtitle(self):
        return str(self.object)


def batch_pdf_view(request, pk):
    require_batch_permission(request)
    batch = get_object_or_404(BallotBatch.objects.select_related("station__election"), pk=pk)
    if batch.is_void:
        messages.error(request, gettext("This batch was voided: its cards must not be printed."))
        return redirect("ballots_batches:index")
    response = HttpResponse(batch_pdf(batch), content_type="application/pdf")
    filename = f"kartites-{slugify(batch.station.name)}-partija-{batch.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def batch_print_view(request, pk):
    """The batch as HTML cards, for printing from the browser."""
    require_batch_permission(request)
    batch = get_object_or_404(BallotBatch.objects.select_related("station__election"), pk=pk)
    cards = [
        {"serial": serial, "code": format_code(code), "qr_svg": ballot_qr_svg(code)}
        for serial, code in enumerate(batch.codes(), start=1)
    ]
    return TemplateResponse(
        request,
        "ballots/admin/batch_print.html",
        {"batch": batch, "station": batch.station, "election": batch.station.election,
         "cards": cards},
    )  # fmt: skip
