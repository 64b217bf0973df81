from django.core.management.base import BaseCommand, CommandError

from base.refusals import Refused
from mock_elections.models import Election, PollingStation
from voting import services


class Command(BaseCommand):
    help = "Count the sealed votes of every closed station of an election (id or slug)."

    def add_arguments(self, parser):
        parser.add_argument("election", help="The election's id or slug.")

    def handle(self, *args, **options):
        election = election_from_argument(options["election"])
        for station in election.stations.order_by("name"):
            if station.status != PollingStation.Status.CLOSED:
                self.stdout.write(f"{station.name}: not closed, not counted")
                continue
            try:
                outcome = services.count_station(station, by=None)
            except Refused as refusal:
                raise CommandError(f"{station.name}: {refusal.message}") from refusal
            self.stdout.write(
                f"{station.name}: {outcome.counted} counted, {len(outcome.set_aside)} set aside"
            )


def election_from_argument(text):
    elections = Election.objects.filter(slug=text)
    if text.isdigit():
        elections = elections | Election.objects.filter(pk=int(text))
    election = elections.first()
    if election is None:
        raise CommandError(f"No election “{text}”.")
    return election
