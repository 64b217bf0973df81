from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "voting"
    verbose_name = _("Station tablets and voting")

    def ready(self) -> None:
        from mock_elections.services import PUBLICATION_CHECKS

        from .services.counting import refuse_while_votes_uncounted

        PUBLICATION_CHECKS.append(refuse_while_votes_uncounted)
