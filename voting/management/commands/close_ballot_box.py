from django.core.management.base import BaseCommand, CommandError

from base.refusals import Refused
from voting import services

from .count_votes import election_from_argument


class Command(BaseCommand):
    help = (
        "Destroy an election's ballot-box private key once its results are final: no sealed "
        "ballot can be opened afterwards. Refused while a station still has sealed votes."
    )

    def add_arguments(self, parser):
        parser.add_argument("election", help="The election's id or slug.")

    def handle(self, *args, **options):
        election = election_from_argument(options["election"])
        try:
            box = services.close_ballot_box(election, by=None)
        except Refused as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write("No ballot box." if box is None else "The ballot box key is destroyed.")
