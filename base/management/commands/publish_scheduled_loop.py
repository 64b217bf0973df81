"""Wagtail publishes pages (and unpublishes expired ones) at their scheduled times only when
`publish_scheduled` runs. This runs it every minute in one long-lived process, so no cron is
needed: `make run` starts it beside the task worker; in production it is one more process
(a systemd unit or a container) — or call `publish_scheduled` from cron instead."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between rounds (default 60)."
        )
        parser.add_argument(
            "--rounds", type=int, default=0, help="Stop after this many rounds (0: never)."
        )

    def handle(self, *args, interval, rounds, **options):
        done = 0
        while True:
            call_command("publish_scheduled", stdout=self.stdout)
            done += 1
            if rounds and done >= rounds:
                return
            time.sleep(interval)
