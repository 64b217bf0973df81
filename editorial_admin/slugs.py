"""Page addresses in plain ASCII: Latvian letters lose their marks (ā→a, č→c, ..., ž→z), so
shared links read as words instead of percent codes. New pages get such slugs from Wagtail
(WAGTAIL_ALLOW_UNICODE_SLUGS = False); `make_page_slugs_ascii` converts the existing ones
and leaves a redirect at every address that changed."""

from django.conf import settings

from wagtail.contrib.redirects.models import Redirect

from base.slugs import LATVIAN_LETTERS, ascii_slug, free_slug

__all__ = ["LATVIAN_LETTERS", "ascii_slug", "make_page_slugs_ascii"]


def _site_roots(apps) -> list[tuple[object, str, str]]:
    """(site, root url_path, address prefix) for each site's root and its translations:
    Latvian at /, other languages under /<code>/ (i18n_patterns without a default prefix)."""
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    roots = []
    for site in Site.objects.select_related("root_page"):
        for root in Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).select_related("locale"):
            code = root.locale.language_code
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            roots.append((site, root.url_path, prefix))
    return roots


def _address(url_path: str, roots) -> tuple[object, str] | None:
    for site, root_path, prefix in roots:
        if url_path.startswith(root_path):
            return site, f"{prefix}/{url_path[len(root_path) :]}"
    return None


def _free_slug(Page, page, slug: str) -> str:
    siblings = Page.objects.filter(path__startswith=page.path[:-4], depth=page.depth).exclude(
        pk=page.pk
    )
    return free_slug(slug, lambda candidate: siblings.filter(slug=candidate).exists(), 255)


def make_page_slugs_ascii(apps) -> int:
    """Give every page with a non-ASCII slug its ASCII one; redirect each changed address
    (the page's own and its subpages') to the page. Returns how many slugs changed.

    Works on migration-time (historical) models, so it sets url_path itself."""
    Page = apps.get_model("wagtailcore", "Page")
    RedirectModel = apps.get_model("wagtailredirects", "Redirect")
    Revision = apps.get_model("wagtailcore", "Revision")
    roots = _site_roots(apps)
    changed = 0
    for page in Page.objects.order_by("depth", "path"):
        if page.slug.isascii():
            continue
        page.refresh_from_db()  # a parent's rename may have moved this url_path already
        new_slug = _free_slug(Page, page, ascii_slug(page.slug) or "lapa")
        old_url_path = page.url_path
        new_url_path = old_url_path[: -len(page.slug) - 1] + new_slug + "/"
        moved = Page.objects.filter(path__startswith=page.path).order_by("path")
        for subpage in moved:
            address = _address(subpage.url_path, roots) if subpage.live else None
            if address is not None:
                site, old_address = address
                RedirectModel.objects.get_or_create(
                    old_path=Redirect.normalise_path(old_address),
                    site=site,
                    defaults={"redirect_page": subpage, "is_permanent": True},
                )
            subpage.url_path = new_url_path + subpage.url_path[len(old_url_path) :]
            Page.objects.filter(pk=subpage.pk).update(url_path=subpage.url_path)
        Page.objects.filter(pk=page.pk).update(slug=new_slug)
        # The editor opens the latest revision, not the row: it must carry the new slug too.
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content.update(slug=new_slug, url_path=new_url_path)
            revision.save(update_fields=["content"])
        changed += 1
    return changed
