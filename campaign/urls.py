from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from base import views as base_views
from base.sitemaps import AllLanguagesSitemap
from editorial_admin.views import edit_page

# Language-neutral endpoints: the admin, machine-readable files and the tablet API.
urlpatterns = [
    path("api/tablet/", include("voting.api_urls")),
    # Wagtail's page editor, guarded against a second approve (editorial_admin/views.py).
    path("admin/pages/<int:page_id>/edit/", edit_page, name="editorial_admin_edit_page"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", base_views.robots_txt, name="robots_txt"),
    path("favicon.ico", base_views.site_icon, {"name": "favicon.ico"}, name="favicon"),
    path(
        "apple-touch-icon.png",
        base_views.site_icon,
        {"name": "apple-touch-icon.png"},
        name="apple_touch_icon",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    path("", include("stories.api_urls")),
    path("", include("mock_elections.api_urls")),
    path("", include("ballots.api_urls")),
    path("", include("results.api_urls")),
]

# Public pages: Latvian at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("base.urls")),
    path("", include("home.urls")),
    path("", include("stories.urls")),
    path("", include("mock_elections.urls")),
    path("", include("ballots.urls")),
    path("", include("voting.urls")),
    path("", include("results.urls")),
    path("", include("people.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "base.views.page_not_found"
