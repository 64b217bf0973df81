"""Home-page blocks that read live data: the countdown, figures and where to vote."""

import datetime
from decimal import Decimal

import pytest

from django.utils import timezone

from base.models import SiteSettings
from home.blocks import HomeStreamBlock


@pytest.fixture
def campaign(home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.election_at = timezone.now() + datetime.timedelta(days=12, hours=3, minutes=30)
    settings.previous_turnout, settings.goal_points = Decimal("28.84"), 10
    settings.save()
    return settings


@pytest.mark.django_db
def test_home_page_counts_down_and_shows_the_goal(client, campaign):
    html = client.get("/").content.decode()
    assert "data-countdown-days>12<" in html and "data-countdown-hours>3<" in html
    assert "28,84 %" in html and "38,84 %" in html
    assert "ja no katriem simts atnāks vēl 10 vēlētāji" in html  # the goal, said to voters
    assert "countdown.js" in html


@pytest.mark.django_db
def test_countdown_says_election_day_has_come(client, campaign):
    campaign.election_at = timezone.now() - datetime.timedelta(hours=1)
    campaign.save()
    assert "Vēlēšanu diena ir klāt" in client.get("/").content.decode()


@pytest.mark.django_db
def test_countdown_block_renders_for_editors_who_add_it_to_a_page(rf, campaign):
    from home.blocks import CountdownBlock

    block = CountdownBlock()
    value = block.to_python({"heading": "Līdz vēlēšanām", "text": "Nāc!"})
    request = rf.get("/")
    request.site = campaign.site
    html = block.render(value, {"request": request})
    assert "<h2>Līdz vēlēšanām</h2>" in html and "data-countdown-days>12<" in html


def test_home_blocks_follow_the_ones_other_apps_share():
    names = list(HomeStreamBlock().child_blocks)
    assert names.index("table") < names.index("story_teasers") < names.index("countdown")
