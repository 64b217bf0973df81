"""Production configuration: secure when complete, loud and specific when not."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "campaign.settings.production",
    "SECRET_KEY": "x7#kq!2vLm9@pRz4sWb8&nE5tYh3uJc6oAd1fGi0-production-like-secret",
    "ALLOWED_HOSTS": "balss.liepaja.lv",
    "BALLOT_CODE_KEY": "q3Vd9-ballot-key-kept-apart-from-the-secret-key",
    "BALLOT_BOX_KEY": "b7Wq2-ballot-box-key-kept-out-of-the-database",
    "DATABASE_URL": "sqlite:////tmp/check-deploy.sqlite3",
}


def manage(*args, env):
    # The test process allows ORM calls beside Playwright's loop; a deployment never does.
    inherited = set(PRODUCTION_ENV) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "variable", ["SECRET_KEY", "ALLOWED_HOSTS", "BALLOT_CODE_KEY", "BALLOT_BOX_KEY"]
)
def test_production_refuses_to_start_without_required_variable(variable):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != variable}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {variable} is required" in result.stderr


def test_unparsable_database_url_is_named_at_start_up():
    result = manage("check", env={**PRODUCTION_ENV, "DATABASE_URL": "nonsense://what"})
    assert result.returncode != 0
    assert "DATABASE_URL could not be parsed" in result.stderr


def test_load_demo_creates_no_login_with_production_settings(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    assert manage("migrate", "--noinput", env=env).returncode == 0
    result = manage("load_demo", env=env)
    assert result.returncode == 0, result.stderr
    assert "demo login skipped" in result.stdout
    users = manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; print(User.objects.count())",
        env=env,
    )
    assert users.stdout.strip().splitlines()[-1] == "0"
