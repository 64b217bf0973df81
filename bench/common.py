"""What several benchmarks share: the environment of a production-settings server."""

import os


def production_env(database_url, **overrides):
    """Production settings on a benchmark's own database, loopback only, no Redis; secrets are
    throwaway values that exist for the benchmark alone."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "BALLOT_CODE_KEY": "bench-only-ballot-code-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }
