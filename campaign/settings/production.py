"""Production: every secret and host from the environment; refuse to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required with production settings."
        )
    return value


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]

# TLS ends at the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview frames the site inside its own admin, so framing stays allowed for
# the same origin (X_FRAME_OPTIONS = "SAMEORIGIN" in base) and Django's advice to deny it is
# knowingly declined.
SILENCED_SYSTEM_CHECKS += ["security.W019"]
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
SITE_URL = os.environ.get("SITE_URL", WAGTAILADMIN_BASE_URL)

# Printed ballot cards stay valid only while this key does: it must not change with SECRET_KEY.
BALLOT_CODE_KEY = required("BALLOT_CODE_KEY")
# Sealed ballots open only with this key: keep it out of the database and its backups.
BALLOT_BOX_KEY = required("BALLOT_BOX_KEY")
BALLOT_QR_BASE_URL = os.environ.get("BALLOT_QR_BASE_URL", WAGTAILADMIN_BASE_URL)
