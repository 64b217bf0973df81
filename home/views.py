"""Election day as a calendar file, for the "add to calendar" buttons."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from base.models import Precinct
from base.refusals import Refused
from base.selectors import campaign_settings
from home.calendar import election_day_calendar
from home.selectors import how_to_vote_page


@require_safe
@cache_control(max_age=5 * 60, public=True)
def election_calendar(request: HttpRequest) -> HttpResponse:
    number = request.GET.get("iecirknis", "").strip()[:10]
    precinct = None
    if number:
        # A control character (a NUL byte PostgreSQL cannot even compare) is no precinct.
        if not number.isprintable():
            raise Http404("unknown precinct")
        precinct = Precinct.objects.filter(number=number).first()
        if precinct is None:
            raise Http404("unknown precinct")
    page = how_to_vote_page(Locale.get_active().pk)
    try:
        text = election_day_calendar(
            campaign_settings(request), precinct, page.get_full_url(request) if page else ""
        )
    except Refused as refusal:
        raise Http404(refusal.message) from refusal
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    filename = f"velesanas-{number}.ics" if precinct else "velesanas.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
