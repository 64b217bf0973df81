"""The station's "what to do if" help: one text, printed per station in Latvian and English
(with the PIN holder and the organiser's phone from the admin) and shown on the tablet."""

import pytest

from django.utils import translation

from base.tests.markup import pdf_text, pdf_words, words
from voting.help import SITUATIONS, help_card_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, station_set_up, organiser):
    station = station_set_up.station
    station.help_contact_name = "Anna Bērziņa"
    station.organiser_phone = "+371 20000000"
    station.save()
    client.force_login(organiser)  # the Organisers group, as on the day
    return f"/admin/station-tablets/{station.pk}/"


@pytest.mark.parametrize("language", ["lv", "en"])
def test_the_help_card_downloads_from_the_desk_with_every_step_and_who_to_call(
    client, desk, station_set_up, language
):
    response = client.get(desk + f"help-card/{language}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"palidziba-{language}.pdf" in response["Content-Disposition"]
    printed = pdf_words(response.content)
    with translation.override(language):
        expected = [str(s.title) for s in SITUATIONS] + [
            str(t) for s in SITUATIONS for t in s.steps
        ]
    assert words(" ".join(expected)) <= printed
    assert words(f"Anna Bērziņa 20000000 {station_set_up.station.name}") <= printed


def test_the_latvian_card_is_in_latvian_and_the_english_one_in_english(station_set_up):
    latvian = pdf_text(help_card_pdf(station_set_up.station, "lv"))
    english = pdf_text(help_card_pdf(station_set_up.station, "en"))
    assert "Ko darīt, ja…" in latvian and "What to do if…" not in latvian
    assert "What to do if…" in english and "Ko darīt, ja…" not in english


def test_the_desk_links_both_help_cards_and_refuses_other_languages(client, desk):
    page = client.get(desk).content.decode()
    assert desk + "help-card/lv/" in page and desk + "help-card/en/" in page
    assert client.get(desk + "help-card/de/").status_code == 404


def test_someone_without_the_desk_permission_gets_no_help_card(client, station_set_up):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("citads", password="x"))
    response = client.get(f"/admin/station-tablets/{station_set_up.station.pk}/help-card/lv/")
    assert response.status_code in (302, 403)


def test_a_card_without_contacts_prints_no_empty_contact_lines(station_set_up):
    text = pdf_text(help_card_pdf(station_set_up.station, "en"))
    assert "PIN holder" not in text and "Organiser's phone" not in text


def test_without_a_station_phone_the_card_gives_the_rosters_organiser_phone(station_set_up):
    from people.models import Roster

    Roster.objects.create(election=station_set_up.station.election, organiser_phone="+371 26000000")
    assert "Organiser's phone: +371 26000000" in pdf_text(
        help_card_pdf(station_set_up.station, "en")
    )
