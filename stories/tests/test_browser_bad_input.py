"""A reader's refused search and story filter in a real browser: a clear Latvian message on
an accessible page, never a server error."""

import pytest

from stories.tests.factories import StoryIndexPageFactory


@pytest.mark.django_db(transaction=True)
def test_reader_sees_why_a_search_or_filter_was_refused(
    live_server, home_page, page, assert_accessible
):
    index = StoryIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    for address in ("/meklet/?q=balsot%00", "/stasti/?tema=%00"):
        response = page.goto(live_server.url + address)
        assert response.status == 400
        alert = page.get_by_role("alert")
        assert alert.is_visible() and "nevarēja izmantot" in alert.inner_text()
        assert_accessible(page)
