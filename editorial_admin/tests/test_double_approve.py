"""A second "approve" of a page whose workflow has finished (double click, two moderators)
gets a clear Latvian message, not Wagtail 7.4's 500."""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from base.models import ContentPage
from mock_elections.roles import sync_roles

pytestmark = pytest.mark.django_db


def member(group, name):
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def approved_page(home_page):
    sync_roles(apps)
    editor, moderator = member("Editors", "redaktore"), member("Moderators", "moderators")
    page = ContentPage(title="Kā balsot bērniem", slug="ka-balsot-berniem", live=False)
    home_page.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    page.current_workflow_task.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live and page.current_workflow_task is None
    return page, moderator


def test_a_second_approve_from_the_editor_form_is_refused_with_a_message(client, approved_page):
    page, moderator = approved_page
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{page.pk}/edit/"
    [message] = [str(item).strip() for item in get_messages(response.wsgi_request)]
    assert message == "„Kā balsot bērniem” vairs negaida apstiprinājumu: kāds to jau ir izskatījis."


def test_a_second_approve_from_the_dialog_is_refused_too(client, approved_page):
    page, moderator = approved_page
    client.force_login(moderator)
    task_state = page.workflow_states.get().current_task_state or (
        page.workflow_states.get().all_tasks_with_state().first()
    )
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", follow=True
    )
    assert response.status_code == 200
    assert "pašlaik negaida apstiprinājumu" in response.content.decode()


def test_a_second_approve_from_autosave_gets_a_json_refusal(client, approved_page):
    page, moderator = approved_page
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "workflow_finished"
