"""The tablet's ES modules under production static storage: hashed names for every module, and
imports rewritten to those names (campaign/storage.py), so a release never mixes old and new
modules. Also: the service worker caches every module for offline use."""

import re
from pathlib import Path

import pytest

from django.core.files.storage import FileSystemStorage
from django.templatetags.static import static
from django.test import Client

from campaign.storage import StaticFilesStorage
from voting.views import TABLET_MODULES

STATIC = FileSystemStorage(location=str(Path(__file__).resolve().parent.parent / "static"))
IMPORT = re.compile(r"""\bfrom\s+["']([^"']+)["']""")


@pytest.fixture
def collected(tmp_path):
    storage = StaticFilesStorage(location=str(tmp_path), base_url="/static/")
    for module in TABLET_MODULES:
        with STATIC.open(module) as source:
            storage.save(module, source)
    processed = list(storage.post_process({module: (STATIC, module) for module in TABLET_MODULES}))
    assert not [error for _name, _hashed, error in processed if isinstance(error, Exception)]
    return storage


def test_every_module_is_listed():
    assert "voting/tablet/main.js" in TABLET_MODULES
    assert len(TABLET_MODULES) >= 10


def test_hashed_modules_import_each_other_by_hashed_name(collected, tmp_path):
    hashed_names = {collected.stored_name(module) for module in TABLET_MODULES}
    assert len(hashed_names) == len(TABLET_MODULES)
    for module in TABLET_MODULES:
        hashed = collected.stored_name(module)
        assert hashed != module
        content = (tmp_path / hashed).read_text(encoding="utf-8")
        folder = hashed.rsplit("/", 1)[0]
        for target in IMPORT.findall(content):
            resolved = f"{folder}/{target.removeprefix('./')}"
            assert resolved in hashed_names, f"{hashed} imports {target}"


@pytest.mark.django_db
def test_the_service_worker_caches_every_module():
    worker = Client().get("/iecirknis/sw.js").content.decode()
    for module in TABLET_MODULES:
        assert f'"{static(module)}"' in worker
