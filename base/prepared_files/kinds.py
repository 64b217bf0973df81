"""The kinds of prepared file, registered by the app that can make each one (`base` imports
no app above it): a title, the builder the task worker runs, and the right a user needs to
ask for the file and to download it."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.utils.functional import Promise

# The builder says how far it has come: (done, total), e.g. 120 of 250 rows.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuiltFile:
    content: bytes
    filename: str
    content_type: str


@dataclass(frozen=True)
class FileKind:
    """`may_use` is asked when the file is requested, when it is built and on every download:
    someone who lost the right loses the file with it."""

    name: str
    title: str | Promise
    build: Callable[[Mapping[str, Any], Progress], BuiltFile]
    may_use: Callable[[User], bool]


_KINDS: dict[str, FileKind] = {}


def register_file_kind(
    name: str,
    title: str | Promise,
    build: Callable[[Mapping[str, Any], Progress], BuiltFile],
    *,
    may_use: Callable[[User], bool],
) -> None:
    """Called from an app's `AppConfig.ready()`; registering a name again replaces it."""
    _KINDS[name] = FileKind(name, title, build, may_use)


def file_kind(name: str) -> FileKind | None:
    return _KINDS.get(name)


def may_use(name: str, user: User | AnonymousUser | None) -> bool:
    """Whether the user holds the right of this kind (nobody holds an unknown kind's)."""
    kind = _KINDS.get(name)
    if kind is None or not isinstance(user, User) or not user.is_active:
        return False
    return kind.may_use(user)


def uses_any_kind(user: User | AnonymousUser) -> bool:
    """Whether the user may ask for any prepared file (the menu item and the page)."""
    return any(may_use(name, user) for name in _KINDS)
