"""The site's URLs plus `/bench/insert/`, the floor a vote request is measured against: one
request that writes one row in its own transaction and commits, through the same middleware,
server and database as a vote; and the uploaded media, which in production the web server in
front serves (Lighthouse would count their 404s). Only `bench/settings.py` routes here."""

import uuid

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.static import serve

from campaign.urls import handler404
from campaign.urls import urlpatterns as site_urlpatterns

TABLE = "bench_insert_view"


def create_table() -> None:
    """Called once by the benchmark before the server starts (not per request)."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {TABLE} (id varchar(36) PRIMARY KEY, hour timestamp)")


@csrf_exempt
@require_POST
def insert_one(request: HttpRequest) -> JsonResponse:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} VALUES (%s, %s)",  # noqa: S608 - a constant table name
            [str(uuid.uuid4()), timezone.now().replace(minute=0, second=0, microsecond=0)],
        )
    return JsonResponse({"result": "recorded"})


urlpatterns = [
    path("bench/insert/", insert_one),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
__all__ = ["handler404", "urlpatterns"]
