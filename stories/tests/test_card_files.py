"""A published story's share cards are drawn by the task worker and stored; the public
address serves the stored file, and the cards go with the story."""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.urls import reverse

from wagtail.models import PageViewRestriction, Site

from base.models import SiteSettings
from base.tests.tasks import run_worker
from stories import card_files, cards, tasks
from stories.tests.factories import PortraitFactory, StoryPageFactory

SIZES = sorted(cards.FORMATS)


@pytest.fixture(autouse=True)
def media_of_this_test(settings, tmp_path):
    """Stored cards land in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path


def queued_task_paths():
    """This app's tasks waiting for the worker (Wagtail queues its index updates beside)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY", task_path__startswith="stories.")
    return list(waiting.values_list("task_path", flat=True))


def stored_files(story_id):
    folder = card_files.story_folder(story_id)
    if not default_storage.exists(folder):
        return []
    return sorted(default_storage.listdir(folder)[1])


def refuse_to_draw(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the card was drawn in the request")

    monkeypatch.setattr(cards, "render_card", refuse)
    monkeypatch.setattr(cards, "story_card", refuse)


def unpublished_story(story_index, karosta, **fields):
    return StoryPageFactory(
        parent=story_index, district=karosta, live=False, portrait=PortraitFactory(), **fields
    )


@pytest.mark.django_db(transaction=True)
def test_publishing_queues_the_drawing_and_the_public_address_then_serves_the_stored_file(
    client, story_index, karosta, publish, queued_tasks, monkeypatch
):
    story = publish(unpublished_story(story_index, karosta))
    assert queued_task_paths() == ["stories.tasks.draw_published_cards"]
    assert stored_files(story.pk) == []

    run_worker()

    version = card_files.current_version(story)
    assert stored_files(story.pk) == [f"karte-{size}-{version.name}.png" for size in SIZES]
    refuse_to_draw(monkeypatch)
    for size in SIZES:
        response = client.get(f"/stasti/{story.pk}/karte-{size}.png")
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        body = b"".join(response.streaming_content)
        with default_storage.open(card_files.card_name(story.pk, version.name, size)) as file:
            assert body == file.read()
        assert PILImage.open(BytesIO(body)).size == cards.FORMATS[size].size
        assert response["ETag"] == f'"{story.pk}-{size}-{version.name}"'
        assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
    assert queued_task_paths() == []  # the stored card asked for nothing more


@pytest.mark.django_db(transaction=True)
def test_a_changed_title_makes_a_new_version_and_unpublishing_removes_the_cards(
    client, story_index, karosta, publish, queued_tasks
):
    story = publish(unpublished_story(story_index, karosta))
    run_worker()
    first = stored_files(story.pk)
    assert len(first) == len(SIZES)

    story.title = "Kāpēc es balsoju atkal"
    publish(story)
    run_worker()

    second = stored_files(story.pk)
    assert len(second) == len(SIZES) and not set(first) & set(second)  # old version removed
    assert card_files.current_version(story).name in second[0]

    story.unpublish()
    assert stored_files(story.pk) == []
    assert client.get(f"/stasti/{story.pk}/karte-1080x1080.png").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_card_not_yet_stored_is_drawn_at_once_and_its_drawing_queued_once(
    client, story_index, karosta, queued_tasks, monkeypatch
):
    # Live without being published through Wagtail (as an import or old data could leave
    # it): nothing was queued, nothing stored.
    story = StoryPageFactory(parent=story_index, district=karosta)
    assert queued_task_paths() == []

    first = client.get(f"/stasti/{story.pk}/karte-1200x630.png")
    again = client.get(f"/stasti/{story.pk}/karte-1080x1080.png")

    assert first.status_code == again.status_code == 200
    assert PILImage.open(BytesIO(first.content)).size == (1200, 630)
    assert queued_task_paths() == ["stories.tasks.draw_published_cards"]
    run_worker()
    assert len(stored_files(story.pk)) == len(SIZES)
    refuse_to_draw(monkeypatch)
    assert client.get(f"/stasti/{story.pk}/karte-1200x630.png").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_new_election_day_redraws_every_published_story_card(
    story_index, karosta, publish, queued_tasks
):
    story = publish(unpublished_story(story_index, karosta))
    run_worker()
    before = stored_files(story.pk)

    campaign = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    campaign.election_at = campaign.election_at.replace(day=campaign.election_at.day % 27 + 1)
    campaign.save()
    assert queued_task_paths() == ["stories.tasks.draw_every_published_card"]
    run_worker()

    after = stored_files(story.pk)
    assert len(after) == len(SIZES) and not set(before) & set(after)


@pytest.mark.django_db
def test_the_worker_stores_every_format_and_removes_cards_of_a_story_no_longer_public(
    story_index, karosta, publish
):
    story = publish(unpublished_story(story_index, karosta))
    assert tasks.draw_published_cards.call(story.pk) == len(SIZES)
    assert tasks.draw_published_cards.call(story.pk) == 0  # nothing missing, nothing drawn
    assert len(stored_files(story.pk)) == len(SIZES)

    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    tasks.draw_published_cards.call(story.pk)
    assert stored_files(story.pk) == []


@pytest.mark.django_db
def test_making_a_story_private_removes_its_cards_from_public_media(
    story_index, karosta, publish, django_capture_on_commit_callbacks
):
    story = publish(unpublished_story(story_index, karosta))
    tasks.draw_published_cards.call(story.pk)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=story_index, restriction_type=PageViewRestriction.LOGIN
        )
    assert stored_files(story.pk) == []


@pytest.mark.django_db
def test_deleting_a_story_removes_its_cards(
    story_index, karosta, publish, django_capture_on_commit_callbacks
):
    story = publish(unpublished_story(story_index, karosta))
    tasks.draw_published_cards.call(story.pk)
    story_id = story.pk
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert stored_files(story_id) == []


@pytest.mark.django_db
def test_a_draft_saved_after_publishing_keeps_the_published_cards_current(
    story_index, karosta, publish
):
    story = publish(unpublished_story(story_index, karosta))
    published = card_files.current_version(story).name
    story.quote = "Melnraksts, vēl nepublicēts."
    story.save_revision()
    live = type(story).objects.get(pk=story.pk)
    assert card_files.current_version(live).name == published


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("redaktore", password="parole")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_the_edit_view_says_whether_the_published_cards_are_ready(
    client, editor, story_index, karosta, publish, django_capture_on_commit_callbacks
):
    story = publish(unpublished_story(story_index, karosta))
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(edit_url).content.decode()  # asks the worker (immediate here)
    assert "Publicētās dalīšanās kartītes: tiek zīmētas" in waiting
    assert len(stored_files(story.pk)) == len(SIZES)
    ready = client.get(edit_url).content.decode()
    assert "Publicētās dalīšanās kartītes: gatavas" in ready
    assert f"/stasti/{story.pk}/karte-1200x630.png" in ready

    draft = unpublished_story(story_index, karosta)
    draft_edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "Publicētās dalīšanās kartītes" not in draft_edit
