"""The one exception every service raises when a rule refuses a request.

A service that says no raises `Refused` and saves nothing. `reason` is a stable code that
callers (the tablet, tests, the API) may branch on; `message` says why in the user's language,
ready to show. Which HTTP status a refusal becomes is the API or view layer's choice, never the
service's: the same refusal is a form error in the admin and a 4xx JSON answer on the API.
"""

from collections.abc import Mapping
from typing import Any


class Refused(Exception):
    """A rule refused the request; nothing was saved."""

    def __init__(self, reason: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = str(message)
        self.details: Mapping[str, Any] = details

    def __str__(self) -> str:
        return self.message
