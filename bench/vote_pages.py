"""What a vote writes on SQLite, where one writer at a time holds the database: the pages its
commit adds to the write-ahead log, against the minimal insert view's (`bench/urls.py`).
Every page is written while the lock is held, so fewer pages per vote is more votes per
second from flat-out tablets (`bench/tablets.py` measures those).

`python -m bench vote_pages`: a temp SQLite file with production settings; 300 votes, each
synced on its own through the sync service, then 300 insert-view requests.
"""

import contextlib
import io
import json
import tempfile
from pathlib import Path

from bench.common import migrate
from bench.tablets import ballot_fields, in_django_child, server_env, vote_payload

VOTES = 300
# A WAL frame is a page and its 24-byte header.
FRAME_HEADER = 24


def pages_written():
    """In the child process (Django set up, SQLite): WAL frames per vote and per insert-view
    row, with automatic checkpoints off so the log keeps every frame."""
    from django.db import connection
    from django.test import RequestFactory

    from bench import tablets
    from bench.urls import create_table, insert_one
    from voting import selectors, services

    create_table()
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        tablets.prepare_data()
    setup = json.loads(printed.getvalue())
    make_ballot = ballot_fields(setup)
    tablet = selectors.tablet_for_token(setup["tablets"][0]["token"])
    payloads = [
        vote_payload(code, setup, make_ballot) for code in setup["tablets"][0]["codes"][:VOTES]
    ]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_size")
        (page_size,) = cursor.fetchone()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA wal_autocheckpoint=0")
    log = Path(connection.settings_dict["NAME"] + "-wal")

    def frames(action, times):
        before = log.stat().st_size
        for number in range(times):
            action(number)
        return (log.stat().st_size - before) / (page_size + FRAME_HEADER) / times

    def vote(number):
        [result] = services.sync_votes(tablet, payloads[number])
        assert result["result"] == "recorded", result

    request = RequestFactory().post("/bench/insert/")
    per_vote = frames(vote, VOTES)
    per_row = frames(lambda _number: insert_one(request), VOTES)
    print(json.dumps({"vote": per_vote, "row": per_row}))


def run():
    with tempfile.TemporaryDirectory() as folder:
        env = server_env(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        migrate(env)
        figures = json.loads(in_django_child(env, "pages_written", module="vote_pages"))
    print(
        f"SQLite pages written per commit: vote {figures['vote']:.2f}, insert-view row "
        f"{figures['row']:.2f}; vote ÷ row {figures['vote'] / figures['row']:.1f}× "
        f"({VOTES} of each, one per commit)"
    )


if __name__ == "__main__":
    run()
