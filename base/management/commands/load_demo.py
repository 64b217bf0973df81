from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo data gives a `demo` module with `load(stdout)`; order matters
# because later apps build on earlier ones (stations need districts, votes need stations).
DEMO_APPS = [
    "base",
    "home",
    "stories",
    "materials",
    "mock_elections",
    "ballots",
    "voting",
    "results",
    "people",
]


class Command(BaseCommand):
    help = (
        "Load the clearly-marked sample content. Safe to run again: it updates, never duplicates."
    )

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            try:
                module = import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            self.stdout.write(f"{app}:")
            with transaction.atomic():
                module.load(self.stdout)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
