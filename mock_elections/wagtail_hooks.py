"""Registers the "Bērnu vēlēšanas" admin menu and the election actions of the audit log."""

from wagtail import hooks

from . import audit
from .viewsets import MockElectionsGroup


@hooks.register("register_admin_viewset")
def register_mock_elections_viewsets():
    return MockElectionsGroup()


@hooks.register("register_log_actions")
def register_election_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)
