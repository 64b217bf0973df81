"""Page addresses in ASCII: new pages, and the data migration with redirects."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.apps import apps

from wagtail.contrib.redirects.models import Redirect

from base.models import ContentPage
from editorial_admin.slugs import LATVIAN_LETTERS, ascii_slug, make_page_slugs_ascii

LATVIAN = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"


def test_each_latvian_letter_loses_only_its_mark():
    assert ascii_slug("ā č ē ģ ī ķ ļ ņ š ū ž") == "a-c-e-g-i-k-l-n-s-u-z"
    assert ascii_slug("Kāpēc es balsoju? Ģimenē!") == "kapec-es-balsoju-gimene"


@given(st.text(alphabet=st.sampled_from(LATVIAN + "abcxyz -_?!0189ÄØ€😀"), max_size=60))
def test_any_title_gives_a_plain_ascii_slug(title):
    slug = ascii_slug(title)
    assert slug.isascii()
    assert slug == slug.lower().strip("-_")
    assert all(char.isalnum() or char in "-_" for char in slug)
    # Every Latvian letter survives as its base letter, none is dropped.
    for letter in set(title) & set(LATVIAN):
        assert letter.translate(LATVIAN_LETTERS).lower() in slug


def add_page(parent, title, slug=""):
    page = ContentPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_a_new_page_gets_an_ascii_slug_from_its_title(home_page):
    page = add_page(home_page, "Kāpēc es balsoju: ģimenē")
    assert page.slug == "kapec-es-balsoju-gimene"


@pytest.mark.django_db
def test_the_migration_makes_old_slugs_ascii_and_redirects_the_old_addresses(client, home_page):
    about = add_page(home_page, "Par kampaņu", slug="kampaņa")
    child = add_page(about, "Kāpēc", slug="kāpēc")
    english_home = home_page.get_translations().get()
    english = add_page(english_home, "Why", slug="kāpēc-en")
    ascii_page = add_page(home_page, "Plain", slug="plain")

    assert make_page_slugs_ascii(apps) == 3

    about.refresh_from_db()
    child.refresh_from_db()
    english.refresh_from_db()
    ascii_page.refresh_from_db()
    assert (about.slug, child.slug, english.slug, ascii_page.slug) == (
        "kampana",
        "kapec",
        "kapec-en",
        "plain",
    )
    assert child.url_path.endswith("/kampana/kapec/")
    assert child.get_latest_revision_as_object().slug == "kapec"
    assert client.get("/kampana/kapec/").status_code == 200
    # The old addresses, as shared links carry them (percent-encoded), lead to the pages.
    for old, new in [
        ("/kampa%C5%86a/", "/kampana/"),
        ("/kampa%C5%86a/k%C4%81p%C4%93c/", "/kampana/kapec/"),
        ("/en/k%C4%81p%C4%93c-en/", "/en/kapec-en/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response.url == new
    assert {"/kampaņa", "/kampaņa/kāpēc", "/en/kāpēc-en"} <= set(
        Redirect.objects.values_list("old_path", flat=True)
    )
    assert not Redirect.objects.filter(old_path__startswith="/plain").exists()
    assert make_page_slugs_ascii(apps) == 0  # running it again changes nothing
