"""Erase volunteers' personal data once their election's retention days have passed. The
same work runs every morning as the `daily_round` background task; this is the manual way."""

from django.core.management.base import BaseCommand

from people.retention import forget_expired_volunteers
from people.tasks import schedule_daily_round


class Command(BaseCommand):
    help = "Erase volunteers' names and contacts N days after their election (default 90)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also book the daily round of reminders and retention in the task queue.",
        )

    def handle(self, *args, **options):
        erased = forget_expired_volunteers()
        self.stdout.write(f"Erased the personal data of {erased} volunteers.")
        if options["schedule"]:
            booked = schedule_daily_round()
            self.stdout.write("Daily round booked." if booked else "This backend cannot defer.")
