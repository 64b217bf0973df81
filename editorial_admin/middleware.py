from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile


class AdminLanguageMiddleware:
    """Wagtail switches to the user's admin language only inside its views, so a message
    made before one (the "no permission" redirect) came out in the site's language. Here
    the whole admin request runs in the language the user chose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.path.startswith(reverse("wagtailadmin_home")):
            language = UserProfile.get_for_user(request.user).get_preferred_language()
            with translation.override(language):
                return self.get_response(request)
        return self.get_response(request)
