"""Demo data that the whole site shares: districts and the demo login."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from base.models import District

# Liepāja's neighbourhoods; the demo uses their real names, never real residents.
DISTRICTS = [
    "Vecliepāja",
    "Jaunliepāja",
    "Karosta",
    "Ziemeļu priekšpilsēta",
    "Tosmare",
    "Ezerkrasts",
    "Zaļā birzs",
    "Dienvidrietumi",
    "Laumas",
    "Līvas",
]
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "demo-parole-2025"  # noqa: S105 - documented demo login, dev only


def load(stdout):
    for order, name in enumerate(DISTRICTS):
        District.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "sort_order": order}
        )
    stdout.write(f"  {District.objects.count()} districts")

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
