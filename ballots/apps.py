from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BallotsConfig(AppConfig):
    name = "ballots"
    verbose_name = _("QR ballots")

    def ready(self):
        from mock_elections.print_checks import register_print_checks

        from .card_text import check_card_title_fits, check_cards_fit

        # The admin refuses a station or election whose text would not fit the cards.
        register_print_checks(check_cards_fit, check_card_title_fits)
