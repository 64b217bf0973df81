"""Security headers every response carries: Content-Security-Policy and Permissions-Policy.

Public pages get the strict policy in `CONTENT_SECURITY_POLICY` (scripts and styles only from
our own static files, no inline script anywhere). Wagtail's and Django's admin still put small
inline scripts in their forms (date pickers, inline panels), so paths under
`ADMIN_CSP_PATH_PREFIXES` get `ADMIN_CONTENT_SECURITY_POLICY`, which allows them there and
nowhere else.

The camera is denied everywhere except the station tablet page, which scans ballot cards.
"""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

PERMISSIONS_HEADER = "Permissions-Policy"
# Features no page of ours uses are off for every page (and anything it frames).
DENIED_FEATURES = [
    "accelerometer",
    "autoplay",
    "bluetooth",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
]


class SiteContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's looser policy on admin paths."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.ADMIN_CSP_PATH_PREFIXES))


def permissions_policy(path: str) -> str:
    camera = "(self)" if path in settings.CAMERA_ALLOWED_PATHS else "()"
    return ", ".join([f"camera={camera}", *(f"{feature}=()" for feature in DENIED_FEATURES)])


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault(PERMISSIONS_HEADER, permissions_policy(request.path_info))
        return response
