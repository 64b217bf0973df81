"""The after-election feedback form: a Wagtail form page editors place under the home page or
a content page, with a privacy note; answers kept as typed when something is missing, and
read in Wagtail's Forms admin by Editors and Organisers (never by Volunteers)."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.contrib.forms.models import FormSubmission

from base.editorial import EDITORS
from base.models import ContentPage
from home.models import HomePage
from people import demo
from people.feedback_page import FeedbackFormPage
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback_page(home_page):
    demo.load_feedback_page(io.StringIO())
    return FeedbackFormPage.objects.get()


def member(group, name):
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def answers(**overrides):
    data = {
        "kada_bija_tava_loma": "Brīvprātīgais",
        "ka_tev_patika_velesanu_diena": "Patika",
        "kas_izdevas_labi": "Bērni ātri saprata planšeti.",
        "kas_nakamreiz_jadara_citadi": "Vairāk krēslu rindā.",
    }
    return {**data, **overrides}


def test_it_can_be_made_under_the_home_page_or_a_content_page_only():
    assert set(FeedbackFormPage.allowed_parent_page_models()) == {HomePage, ContentPage}
    assert FeedbackFormPage in HomePage.allowed_subpage_models()
    assert FeedbackFormPage in ContentPage.allowed_subpage_models()
    assert FeedbackFormPage not in StoryIndexPage.allowed_subpage_models()
    assert FeedbackFormPage.allowed_subpage_models() == []


def test_an_editor_can_add_one_under_the_home_page(client, home_page):
    client.force_login(member(EDITORS, "redaktore"))
    response = client.get(f"/admin/pages/add/people/feedbackformpage/{home_page.pk}/")
    assert response.status_code == 200
    assert "Nav vajadzīgi nekādi personas dati" in response.content.decode()


def test_the_demo_page_is_published_once_with_its_questions(feedback_page):
    demo.load_feedback_page(io.StringIO())
    assert FeedbackFormPage.objects.count() == 1
    assert feedback_page.live
    assert feedback_page.form_fields.count() == len(demo.FEEDBACK_QUESTIONS)


def test_a_missing_answer_keeps_what_was_typed_and_says_what_is_wrong(client, feedback_page):
    response = client.post(feedback_page.url, answers(kas_nakamreiz_jadara_citadi=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Veidlapa netika nosūtīta" in page
    assert "Šis lauks ir nepieciešams" in page
    assert "Bērni ātri saprata planšeti." in page
    assert not FormSubmission.objects.exists()


def test_a_complete_answer_is_stored_and_thanked_for(client, feedback_page):
    response = client.post(feedback_page.url, answers())
    assert response.status_code == 200
    assert "Paldies! Tava atsauksme ir saņemta." in response.content.decode()
    stored = FormSubmission.objects.get().get_data()
    assert stored["kas_nakamreiz_jadara_citadi"] == "Vairāk krēslu rindā."
    assert "Nav vajadzīgi nekādi personas dati" in client.get(feedback_page.url).content.decode()


@pytest.mark.parametrize("role", ["editor", "organiser"])
def test_editors_and_organisers_read_the_answers(client, feedback_page, organiser, role):
    client.post(feedback_page.url, answers())
    client.logout()
    client.force_login(member(EDITORS, "redaktore") if role == "editor" else organiser)
    if role == "editor":  # Wagtail's list of forms needs page rights, which Organisers lack
        assert feedback_page.title in client.get("/admin/forms/").content.decode()
    listing = client.get(f"/admin/forms/submissions/{feedback_page.pk}/")
    assert listing.status_code == 200
    assert "Vairāk krēslu rindā." in listing.content.decode()


def test_organisers_find_the_answers_from_the_volunteer_board(client, feedback_page, organiser):
    client.force_login(organiser)
    board = client.get("/admin/brivpratigie/").content.decode()
    assert f'href="/admin/forms/submissions/{feedback_page.pk}/"' in board


def test_volunteers_cannot_read_the_answers(client, feedback_page):
    client.force_login(member("Volunteers", "brivpratigais"))
    assert client.get(f"/admin/forms/submissions/{feedback_page.pk}/").status_code in {302, 403}
