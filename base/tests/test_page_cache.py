"""Public pages come from the cache until something is published; drafts never leak."""

import pytest

from django.contrib.auth import get_user_model

from base.models import ContentPage


@pytest.fixture
def content_page(home_page):
    page = home_page.add_child(instance=ContentPage(title="Par kampaņu", slug="par"))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_anonymous_visitors_get_the_cached_page_until_a_publish(client, content_page):
    assert "Par kampaņu" in client.get("/par/").content.decode()
    ContentPage.objects.filter(pk=content_page.pk).update(title="Mainīts bez publicēšanas")
    assert "Par kampaņu" in client.get("/par/").content.decode()

    content_page.refresh_from_db()
    content_page.title = "Jauns virsraksts"
    content_page.save_revision().publish()
    assert "Jauns virsraksts" in client.get("/par/").content.decode()


@pytest.mark.django_db
def test_drafts_and_previews_are_never_cached(client, content_page):
    client.get("/par/")
    content_page.title = "Melnraksta virsraksts"
    content_page.save_revision()  # a draft, not published

    editor = get_user_model().objects.create_superuser("r", "r@example.invalid", "p")
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{content_page.pk}/edit/preview/")
    assert preview.status_code == 200
    client.logout()
    assert "Melnraksta virsraksts" not in client.get("/par/").content.decode()


@pytest.mark.django_db
def test_logged_in_editors_always_get_a_fresh_page(client, content_page):
    editor = get_user_model().objects.create_superuser("r", "r@example.invalid", "p")
    client.force_login(editor)
    client.get("/par/")
    ContentPage.objects.filter(pk=content_page.pk).update(title="Tūlītējs")
    assert "Tūlītējs" in client.get("/par/").content.decode()


@pytest.mark.django_db
def test_a_page_made_private_leaves_the_cache_at_once(client, content_page):
    from wagtail.models import PageViewRestriction

    assert client.get("/par/").status_code == 200
    PageViewRestriction.objects.create(
        page=content_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/par/").status_code == 302
