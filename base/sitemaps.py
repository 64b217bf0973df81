from wagtail.contrib.sitemaps import Sitemap

from base.site_address import on_site_address


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree, which is the Latvian one only; this one
    lists every language's tree (the root page and its translations)."""

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for home in root.get_translations(inclusive=True):
            trees |= home.get_descendants(inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail writes each address with the Wagtail Site's hostname: the configured site
        address instead (base/site_address.py)."""
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = on_site_address(url_info["location"])
        return urls
