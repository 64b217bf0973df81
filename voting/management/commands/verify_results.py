from django.core.management.base import BaseCommand, CommandError

from voting import services

from .count_votes import election_from_argument


class Command(BaseCommand):
    help = (
        "Recompute every station's tally digest from the stored votes and compare it with the "
        "digest recorded by the count and the one typed from the signed certificate. Exits "
        "non-zero on any mismatch."
    )

    def add_arguments(self, parser):
        parser.add_argument("election", help="The election's id or slug.")

    def handle(self, *args, **options):
        checks = services.verify_election_tallies(election_from_argument(options["election"]))
        mismatches = 0
        for check in checks:
            state = "ok" if check.matches else "MISMATCH"
            mismatches += not check.matches
            self.stdout.write(
                f"{check.station.name}: {state} (now {check.recomputed}, recorded "
                f"{check.recorded}, certificate {check.certified or '—'})"
            )
        if mismatches:
            raise CommandError(f"{mismatches} of {len(checks)} stations do not match.")
        self.stdout.write(f"All {len(checks)} stations match.")
