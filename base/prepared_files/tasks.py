"""Prepared files in the background task worker (Django's task framework)."""

from django_tasks import task

from .worker import build_prepared_file, delete_expired_files


@task()
def build_file(file_id: int) -> None:
    """Make the file; once it is ready, book its deletion for the moment it expires (where the
    backend can defer; elsewhere the daily round's sweep deletes it)."""
    delete_after = build_prepared_file(file_id)
    if delete_after is not None and delete_expired.get_backend().supports_defer:
        delete_expired.using(run_after=delete_after).enqueue()


@task()
def delete_expired() -> int:
    return delete_expired_files()
