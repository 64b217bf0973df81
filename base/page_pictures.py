"""Pictures drawn by the task worker, not in a resident's request.

A page's `{% srcset_image %}` draws the sizes it lacks while the page is served, and Wagtail
draws several sizes at once in three threads of its own. In a web worker those threads cost
more than the time: glibc gives each thread a memory arena that the worker keeps for good
(`python -m bench memory`: 165 MB with, 136 MB without). So when a page is published, the
worker renders it, its parents and its home page once, as Wagtail renders a preview, and the
sizes they show are drawn there.
"""

from django_tasks import task

from django.db import transaction

from wagtail.models import Page


def pages_to_draw(page: Page) -> list[Page]:
    """The published page, and the live pages above it that may show it: its index's cards,
    its home page's list."""
    return list(page.get_ancestors(inclusive=True).live().public().filter(depth__gt=1))


@task()
def draw_page_pictures(page_id: int) -> int:
    """Render the page and the pages above it once, so every picture size they show exists
    before a resident asks. Returns how many pages were rendered."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return 0
    pages = pages_to_draw(page)
    for each in pages:
        each.specific.make_preview_request()
    return len(pages)


def page_published(sender, instance: Page, **kwargs) -> None:
    """Queue the drawing once the publication is saved (the worker must read it)."""
    page_id = instance.pk
    transaction.on_commit(lambda: draw_page_pictures.enqueue(page_id))


def home_pages_changed(sender, **kwargs) -> None:
    """The campaign settings hold the home page's hero picture."""

    def queue() -> None:
        for page_id in Page.objects.live().filter(depth=2).values_list("pk", flat=True):
            draw_page_pictures.enqueue(page_id)

    transaction.on_commit(queue)
