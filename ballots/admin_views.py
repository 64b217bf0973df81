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
from .qr import ballot_qr_svg
from .services import note_batch_downloaded, queue_batch_drawing

# The HTML print view draws every card inside the request: kept for small batches.
PRINT_VIEW_MAX_CARDS = 400


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
        if not instance.is_void and instance.print_state == BallotBatch.PrintState.READY:
            buttons.append(
                ListingButton(
                    _("Download PDF"),
                    url=reverse("ballots_batches:pdf", args=[instance.pk]),
                    icon_name="download",
                    priority=1,
                )
            )
        elif not instance.is_void and instance.print_state != BallotBatch.PrintState.DRAWING:
            buttons.append(
                ListingButton(
                    _("Draw the PDF"),
                    url=reverse("ballots_batches:draw", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=1,
                )
            )
        if not instance.is_void and instance.size <= PRINT_VIEW_MAX_CARDS:
            buttons.append(
                ListingButton(
                    _("Print view"),
                    url=reverse("ballots_batches:print", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=2,
                )
            )
        return buttons + super().get_list_more_buttons(instance)


class IssueBatchView(generic.CreateView):
    submit_button_label = _("Issue the batch")
    success_message = _(
        "Batch “%(object)s” is issued. Its PDF is being drawn: the list shows when it is ready."
    )


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
    if batch.print_state != BallotBatch.PrintState.READY:
        messages.warning(request, gettext("The PDF is not ready yet: %(state)s.")
                         % {"state": batch.print_status()})  # fmt: skip
        return redirect("ballots_batches:index")
    with batch.print_file.open("rb") as pdf:
        response = HttpResponse(pdf.read(), content_type="application/pdf")
    note_batch_downloaded(batch, request.user)
    station = batch.station
    filename = (
        f"kartites-{station.election.slug}-{slugify(station.name)}-partija-{batch.number}.pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def draw_batch_view(request, pk):
    """Ask the worker to draw a batch's PDF again (a batch from before, or one that failed)."""
    require_batch_permission(request)
    batch = get_object_or_404(BallotBatch, pk=pk, is_void=False)
    if request.method == "POST":
        queue_batch_drawing(batch)
        messages.success(request, gettext("The PDF of “%(batch)s” is being drawn.")
                         % {"batch": batch})  # fmt: skip
        return redirect("ballots_batches:index")
    return TemplateResponse(request, "ballots/admin/draw_batch.html", {"batch": batch})


def batch_print_view(request, pk):
    """The batch as HTML cards, for printing from the browser (small batches only: each card
    is drawn in the request)."""
    require_batch_permission(request)
    batch = get_object_or_404(BallotBatch.objects.select_related("station__election"), pk=pk)
    if batch.size > PRINT_VIEW_MAX_CARDS:
        messages.warning(request, gettext("Batches of more than %(max)s cards print from the PDF.")
                         % {"max": PRINT_VIEW_MAX_CARDS})  # fmt: skip
        return redirect("ballots_batches:index")
    note_batch_downloaded(batch, request.user)
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
