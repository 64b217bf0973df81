"""The admin page "Sagatavotie faili": the user's own prepared files with their progress, a
small status answer the page polls while something is unfinished, and the download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from base.refusals import Refused

from .kinds import uses_any_kind
from .models import PreparedFile
from .selectors import file_to_download, files_for, status

# How often the page asks how far its unfinished files have come.
POLL_SECONDS = 3


def _for_users_with_a_right(request: HttpRequest) -> None:
    if not uses_any_kind(request.user):
        raise PermissionDenied


class PreparedFilesView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Prepared files")
    header_icon = "download"
    template_name = "base/prepared_files/index.html"

    def dispatch(self, request, *args, **kwargs):
        _for_users_with_a_right(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        files = list(files_for(self.request.user))
        return super().get_context_data(
            files=[(prepared, status(prepared)) for prepared in files],
            unfinished=any(prepared.is_unfinished for prepared in files),
            poll_seconds=POLL_SECONDS,
            **kwargs,
        )


def _row(prepared: PreparedFile) -> dict:
    row = {"id": prepared.pk, "state": prepared.state, "status": status(prepared)}
    if not prepared.is_unfinished:
        row["action"] = render_to_string("base/prepared_files/action.html", {"prepared": prepared})
        row["news"] = (
            gettext("„%(title)s” is ready to download.")
            if prepared.state == PreparedFile.State.READY
            else gettext("„%(title)s” could not be prepared.")
        ) % {"title": prepared.title}
    return row


def file_states(request: HttpRequest) -> JsonResponse:
    """How far each of the user's files has come, for the page's script."""
    _for_users_with_a_right(request)
    files = list(files_for(request.user))
    return JsonResponse(
        {
            "files": [_row(prepared) for prepared in files],
            "unfinished": any(prepared.is_unfinished for prepared in files),
        }
    )


def download(request: HttpRequest, pk: int) -> HttpResponseBase:
    try:
        prepared = file_to_download(request.user, pk)
    except Refused as refusal:
        if refusal.reason == "not_found":
            raise Http404(refusal.message) from refusal
        if refusal.reason == "no_right":
            # As Wagtail answers a refusal in its admin, but saying which right is missing.
            messages.error(request, refusal.message)
            return redirect("wagtailadmin_home")
        messages.warning(request, refusal.message)
        return redirect("prepared_files:index")
    try:
        stored = prepared.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404(gettext("There is no such file, or it has been deleted.")) from missing
    return FileResponse(
        stored,
        as_attachment=True,
        filename=prepared.filename,
        content_type=prepared.content_type or None,
    )
