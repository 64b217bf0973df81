"""Header and footer pieces that editors control: menu, logo, social links."""

import pytest
import wagtail_factories

from base.models import ContentPage, SiteSettings


@pytest.mark.django_db
def test_menu_lists_pages_shown_in_menus_and_marks_the_current_one(client, home_page):
    shown = home_page.add_child(
        instance=ContentPage(title="Brīvprātīgie", slug="brivpratigie", show_in_menus=True)
    )
    home_page.add_child(instance=ContentPage(title="Slēpta", slug="slepta"))
    html = client.get(shown.url).content.decode()
    nav = html[html.index('class="main-nav"') : html.index("</nav>", html.index("main-nav"))]
    assert '<a href="/brivpratigie/" aria-current="page">Brīvprātīgie</a>' in nav
    assert "Slēpta" not in nav and 'href="/meklet/"' in nav


@pytest.mark.django_db
def test_header_logo_and_footer_social_links_come_from_campaign_settings(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.logo = wagtail_factories.ImageFactory()
    settings.instagram_url = "https://www.instagram.com/example"
    settings.save()
    html = client.get("/").content.decode()
    assert 'class="brand-logo"' in html and 'class="brand-mark"' not in html
    assert '<a href="https://www.instagram.com/example" rel="noopener">Instagram</a>' in html
