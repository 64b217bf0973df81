"""The production task backend in tests: tasks wait in the database until the test runs the
worker, as `make run`'s `db_worker` would."""

from django.core.management import call_command

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker() -> None:
    """Run every waiting task once, in this process, then return."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
