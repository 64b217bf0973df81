"""Demo ballot cards: one batch of 300 per station of the demo election, 20 per station of the
rehearsal. Idempotent: a station that already has a batch gets no new one."""

from mock_elections.models import Election

from .models import BallotBatch
from .services import create_batch, queue_batch_drawing

DEMO_BATCHES = {"berni-2025": 300, "meginajums-2025": 20}


def load(stdout):
    for slug, size in DEMO_BATCHES.items():
        election = Election.objects.filter(slug=slug).first()
        if election is None:
            stdout.write(f"  ballots: no election “{slug}”, no cards printed for it")
            continue
        created = 0
        for station in election.stations.all():
            if not station.ballot_batches.exists():
                # The task worker (`make run` starts it) draws each batch's PDF.
                queue_batch_drawing(create_batch(station, size, BallotBatch.Layout.EIGHT))
                created += 1
        stdout.write(f"  ballots: {slug}: {created} new batches of {size} cards")
