"""Background work of the materials page (django-tasks: the database queue in production,
run at once in tests)."""

from django_tasks import task

from django.core.cache import cache

from materials import bundle


@task()
def build_story_bundle() -> str:
    return bundle.build_story_bundle()


def story_bundle_or_start_building() -> bundle.StoryBundle | None:
    """The current ZIP; if it is missing, queue its build once (not on every page view)."""
    current = bundle.current_story_bundle()
    if (
        current is not None
        and not current.ready
        and cache.add(f"materials:building:{current.name}", True, timeout=15 * 60)
    ):
        build_story_bundle.enqueue()
        current = bundle.current_story_bundle()
    return current
