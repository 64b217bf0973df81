"""Demo data that the whole site shares: districts and the demo login."""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from base import demo_precincts
from base.editorial import ensure_editorial_setup
from base.models import District, SiteSettings

# Liepāja's neighbourhoods; the demo uses their real names, never real residents.
# (name, English form where there is one: proper names like Karosta stay as they are)
DISTRICTS = [
    ("Vecliepāja", "Old Liepāja"),
    ("Jaunliepāja", "New Liepāja"),
    ("Karosta", ""),
    ("Ziemeļu priekšpilsēta", "Northern Suburb"),
    ("Tosmare", ""),
    ("Ezerkrasts", "Lakeshore"),
    ("Zaļā birzs", "Green Grove"),
    ("Dienvidrietumi", "South-West"),
    ("Laumas", ""),
    ("Līvas", ""),
]
LAST_MUNICIPAL_ELECTION_YEAR = 2025
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "demo-parole-2025"  # noqa: S105 - documented demo login, dev only
DEMO_ROLE_LOGINS = {
    "redaktors": "Editors",
    "moderators": "Moderators",
    "organizators": "Organisers",
    "brivpratigais": "Volunteers",
    "brivpratigais2": "Volunteers",
}
# Both run the rehearsal station's desk (mock_elections' demo assigns them).
DEMO_DESK_VOLUNTEERS = ["brivpratigais", "brivpratigais2"]


def load(stdout):
    for order, (name, name_en) in enumerate(DISTRICTS):
        District.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    stdout.write(f"  {District.objects.count()} districts")
    demo_precincts.load(stdout)

    if not settings.DEMO_ADMIN_ENABLED:
        stdout.write("  demo login skipped: these settings do not allow one")
        return
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_ADMIN_USERNAME,
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.invalid"},
    )
    if created:
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save()
    stdout.write(f"  demo login: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}")
    # One login per real role, so the admin can be walked as the people who use it.
    for username, group in DEMO_ROLE_LOGINS.items():
        person, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        if created:
            person.set_password(DEMO_ADMIN_PASSWORD)
            person.save()
        person.groups.add(Group.objects.get(name=group))
    stdout.write(f"  role logins (same password): {', '.join(DEMO_ROLE_LOGINS)}")


def next_municipal_election(today=None):
    """07:00 Riga time on the first Saturday of June of the next municipal election: they are
    every four years, 2025 was the last one (the demo's results and turnout are from it)."""
    today = today or timezone.localdate()
    year = LAST_MUNICIPAL_ELECTION_YEAR
    while True:
        june = datetime.date(year, 6, 1)
        day = june + datetime.timedelta(days=(5 - june.weekday()) % 7)
        if day > today:
            return datetime.datetime.combine(day, datetime.time(7), tzinfo=ZoneInfo("Europe/Riga"))
        year += 4


def load_site_settings(site, stdout):
    """Campaign figures for the site: the last election's turnout, and the next election's
    day unless an editor has already set one still ahead."""
    campaign = SiteSettings.for_site(site)
    campaign.previous_turnout, campaign.goal_points = "43.50", 10
    campaign.previous_election_year = LAST_MUNICIPAL_ELECTION_YEAR
    campaign.facebook_url = "https://www.facebook.com/example-tava-balss"
    if campaign.election_at is None or campaign.election_at <= timezone.now():
        campaign.election_at = next_municipal_election()
    campaign.save()
    stdout.write(f"  campaign settings: election at {campaign.election_at:%Y-%m-%d %H:%M}")


def load_editorial_setup(stdout):
    """Run after the page tree exists (a flushed test database has lost even its root)."""
    ensure_editorial_setup(apps)
    stdout.write("  Editors and Moderators groups with the moderation workflow")
