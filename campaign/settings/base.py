"""Settings shared by every environment; each value an operator may change comes from the
environment, so one code base runs the laptop demo, CI and the city's servers."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "campaign"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_env(default_url):
    """Parse DATABASE_URL, failing at start-up with the variable named, not at first query."""
    url = os.environ.get("DATABASE_URL") or default_url
    try:
        config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", 60)))
    except Exception as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL could not be parsed ({error}): {url!r}"
        ) from error
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"DATABASE_URL names no database engine: {url!r}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Several tablets write at once; wait for the lock instead of failing, and let
        # readers go on beside the single writer.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates override Wagtail's where they must.
    "base",
    "home",
    "stories",
    "mock_elections",
    "ballots",
    "voting",
    "results",
    "people",
    "django_tasks",
    "django_tasks_db",
    "editorial_admin",
    "materials",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "qr_code",
    "axes",
    "csp",
    "django_ratelimit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before everything that may answer early (static files, cached pages): every response
    # carries the security headers.
    "base.headers.SiteContentSecurityPolicyMiddleware",
    "base.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses public HTML (never pages with a CSRF token or for signed-in users: BREACH);
    # above the caches, so they keep uncompressed responses for every client.
    "base.compression.SafeGZipMiddleware",
    # Published results pages for anonymous readers, from the cache, before the rest.
    "results.middleware.CachedResultsPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "editorial_admin.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "base.page_cache.PageCacheMiddleware",
    # A rate-limited view raises; this turns it into the 429 page or JSON (base/ratelimits.py).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "campaign.wsgi.application"

DATABASES = {"default": database_from_env(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tavabalss"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Latvian first (unprefixed URLs), English under /en/.
LANGUAGE_CODE = "lv"
LANGUAGES = [("lv", "Latviešu"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# LOCALE_PATHS outrank every app's catalogue: our Latvian for Wagtail's and Django's own
# admin strings (editorial_admin/wagtail_lv) wins over their incomplete lv catalogues.
LOCALE_PATHS = [PROJECT_DIR / "locale", BASE_DIR / "editorial_admin" / "wagtail_lv" / "locale"]
TIME_ZONE = "Europe/Riga"
# British English date formats for "en" (campaign/formats/en/formats.py).
FORMAT_MODULE_PATH = ["campaign.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end packages from package.json (`npm ci`), served locally: the tablets' QR decoder.
JSQR_DIST = BASE_DIR / "node_modules" / "jsqr" / "dist"
if JSQR_DIST.is_dir():
    STATICFILES_DIRS.append(JSQR_DIST)
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Files that hold secrets (printable ballot batches carry working codes): never under
# MEDIA_ROOT, never served by the web server, handed out only by permission-checked views.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "campaign.storage.StaticFilesStorage"},
}

LOGIN_URL = "wagtailadmin_login"

# Who is asking, for rate limits and the lockout: the number of our own proxies (the load
# balancer) in front of the app, whose X-Forwarded-For entries we trust (base/client_ip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))

# Admin sign-in lockout (django-axes): five wrong passwords for one username from one address
# lock that pair out for 15 minutes; the right password resets the count. Locking by the pair,
# not the username alone, keeps an outsider from locking an organiser out from elsewhere.
AUTHENTICATION_BACKENDS = [
    # Checks the lockout, then steps aside; it also loads users for sessions signed in without
    # a password (Django's test client, Wagtail's preview checks), which the standalone one can't.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "base.ratelimits.locked_out"
AXES_CLIENT_IP_CALLABLE = "base.client_ip.client_ip"
# Successful sign-ins are in Wagtail's own records; axes keeps only the failures.
AXES_DISABLE_ACCESS_LOG = True

# Rate limits (django-ratelimit) count in the default cache: Redis in production, shared by
# every process and server. Without Redis (the laptop demo, one process) memory is enough, so
# the library's "not a shared cache" error is silenced only then. Django's own Redis backend
# is not on the library's list but has the atomic add/incr it needs.
RATELIMIT_VIEW = "base.ratelimits.too_many_requests"
RATELIMIT_IP_META_KEY = "base.client_ip.client_ip"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# Content-Security-Policy (django-csp, base/headers.py). Public pages: our own scripts and
# styles only, no inline script; inline style attributes stay allowed (result bars set their
# width that way; an attribute cannot run code). Embeds frame only the video sites below.
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        # Wagtail's live preview frames the site inside the admin, on the same origin.
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The admins' own templates still carry inline scripts and styles: allowed there only.
ADMIN_CSP_PATH_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Upload previews are blob: images; user avatars come from Gravatar.
        "img-src": ["'self'", "data:", "blob:", "https://www.gravatar.com"],
    }
}
# Permissions-Policy (base/headers.py): the camera only on the station tablet page.
CAMERA_ALLOWED_PATHS = ["/iecirknis/", "/en/iecirknis/"]

WAGTAIL_SITE_NAME = "Liepāja ir Tava balss!"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public address in canonical links, hreflang, Open Graph and the sitemap
# (base/site_address.py): never the request's host, which the load balancer decides.
SITE_URL = os.environ.get("SITE_URL", WAGTAILADMIN_BASE_URL)

# Ballot cards (ballots/codes.py): the key their codes derive from (unset: derived from
# SECRET_KEY, so set it on its own in production) and the site address printed in QR codes.
BALLOT_CODE_KEY = os.environ.get("BALLOT_CODE_KEY", "")
BALLOT_QR_BASE_URL = os.environ.get("BALLOT_QR_BASE_URL", WAGTAILADMIN_BASE_URL)
# The ballot box (voting/services/ballot_box.py): the secret its private keys are wrapped under
# (unset: derived from SECRET_KEY; production must set it on its own, kept out of backups).
BALLOT_BOX_KEY = os.environ.get("BALLOT_BOX_KEY", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads are decoded in full, so a damaged file is a form error, not a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "base.images.CheckedImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Shared links read as words: Latvian letters in new page slugs become plain ASCII.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Admin avatars are drawn from initials (editorial_admin): no e-mail hash goes to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "editorial_admin.forms.LatvianLoginForm"
# The admin speaks Latvian to the communications team by default.
WAGTAIL_USER_EDIT_FORM_LANGUAGES = LANGUAGES

# Demo login: only settings modules that opt in (dev) may create it.
DEMO_ADMIN_ENABLED = False

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"

# Logging: one console handler (the process manager keeps the output) whose filter blanks
# anything shaped like a ballot code (base/redaction.py). Each app logs under its own name.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_ballot_codes": {"()": "base.redaction.RedactBallotCodes"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_ballot_codes"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        **{
            app: {"level": LOG_LEVEL}
            for app in ["base", "home", "stories", "mock_elections", "ballots", "voting", "results"]
        },
        # Django's own loggers get our handler instead of their defaults, so their lines
        # (e.g. "Not Found: /b/1/…") pass the filter too.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Wagtail's background tasks log every run at INFO; only problems matter here.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

CAMPAIGN_NAME = _("Liepāja is your voice!")

# Heavy work runs in the background through Django's task framework (the django-tasks
# backport): the database backend needs no other service, and `make run` starts its worker
# (`manage.py db_worker`). A Redis-backed backend is the scale path (README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The results' suppression audit runs in a child process, so a web worker never loads NumPy
# and SciPy for good (results/suppression/isolated.py).
RESULTS_AUDIT_IN_CHILD_PROCESS = True
# Published results are computed by the task worker into the shared cache at once, so the first
# reader never waits for the audit (results/tasks.py).
RESULTS_PREPARED_ON_PUBLICATION = True
