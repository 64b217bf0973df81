"""Wagtail's page editor with one guard: a workflow action ("approve") sent for a page whose
workflow has already finished (a double click, a stale tab, two moderators at once) gets a
clear message. Wagtail 7.4 answers it with a 500 (`current_workflow_task` is None)."""

from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import WorkflowState


class WorkflowAlreadyFinished(Exception):
    """Raised inside the view only, to leave Wagtail's request handling at once."""


class GuardedEditView(EditView):
    def workflow_action_is_valid(self):
        if self.page.current_workflow_task is None:
            raise WorkflowAlreadyFinished
        return super().workflow_action_is_valid()

    def perform_workflow_action(self):
        # Two clicks arrive as two requests that both passed the check above. Lock the
        # workflow's row and look again, so the second waits for the first and then stops.
        state = self.page.current_workflow_state
        with transaction.atomic():
            still_open = (
                state is not None
                and WorkflowState.objects.select_for_update()
                .filter(pk=state.pk, status=WorkflowState.STATUS_IN_PROGRESS)
                .exists()
            )
            if not still_open:
                raise WorkflowAlreadyFinished
            return super().perform_workflow_action()

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except WorkflowAlreadyFinished:
            message = _(
                '"%(title)s" is no longer awaiting approval: someone has already reviewed it.'
            ) % {"title": self.page.get_admin_display_title()}
            if self.expects_json_response:
                return self.json_error_response("workflow_finished", message)
            messages.error(request, message)
            return redirect(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))


edit_page = never_cache(require_admin_access(GuardedEditView.as_view()))
