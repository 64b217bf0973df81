"""The feedback form in a real browser: a missing answer is named in the error summary, what
was typed stays, and the corrected form is thanked for."""

import io

import pytest

from people import demo
from people.feedback_page import FeedbackFormPage


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_volunteer_sends_feedback_after_fixing_a_missing_answer(
    roles_restored, live_server, page, assert_accessible
):
    demo.load_feedback_page(io.StringIO())
    form_page = FeedbackFormPage.objects.get()
    page.goto(live_server.url + form_page.url)
    page.get_by_role("heading", name="Atsauksmes pēc vēlēšanām").wait_for()
    page.get_by_text("Nav vajadzīgi nekādi personas dati").wait_for()
    assert_accessible(page)

    page.get_by_label("Brīvprātīgais").check()
    page.get_by_label("Kas izdevās labi?").fill("Bērni ātri saprata planšeti.")
    page.get_by_role("button", name="Nosūtīt atsauksmi").click()
    summary = page.get_by_role("alert").filter(has_text="Veidlapa netika nosūtīta")
    summary.get_by_text("Kas nākamreiz jādara citādi?").wait_for()
    assert page.get_by_label("Kas izdevās labi?").input_value() == "Bērni ātri saprata planšeti."
    assert page.get_by_label("Brīvprātīgais").is_checked()
    assert_accessible(page)

    page.get_by_label("Kas nākamreiz jādara citādi?").fill("Vairāk krēslu rindā.")
    page.get_by_role("button", name="Nosūtīt atsauksmi").click()
    page.get_by_text("Paldies! Tava atsauksme ir saņemta.").wait_for()
    assert_accessible(page)
    assert form_page.get_submission_class().objects.filter(page=form_page).count() == 1
