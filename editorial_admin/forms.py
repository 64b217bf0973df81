from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm


class LatvianLoginForm(LoginForm):
    """Wagtail's login form leaves the password label to Django's field-name fallback,
    which is English whatever the language; name it so it is translated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
