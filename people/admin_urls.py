"""Admin addresses of the people app, under /admin/brivpratigie/."""

from django.urls import path

from . import admin_shortlist as sl
from . import admin_views as v

app_name = "people_admin"

urlpatterns = [
    path("", v.index, name="index"),
    path("<int:pk>/", v.board, name="board"),
    path("<int:pk>/fill/", v.fill, name="fill"),
    path("<int:pk>/assign/", v.assign, name="assign"),
    path("<int:pk>/retry-mail/", v.retry_mail, name="retry_mail"),
    path("<int:pk>/certificates/", v.certificates, name="certificates"),
    path("<int:pk>/export/", v.export, name="export"),
    path("assignment/<int:pk>/remove/", v.unassign, name="unassign"),
    path("volunteer/<int:pk>/account/", v.give_account, name="give_account"),
    path("station/<int:pk>/", v.station, name="station"),
    path("station/<int:pk>/roster.pdf", v.station_pdf, name="station_pdf"),
    path("station/<int:pk>/message/", v.message_station, name="message_station"),
    path("<int:pk>/shortlist/", sl.round_page, name="shortlist"),
    path("<int:pk>/shortlist/open/", sl.open_round, name="open_round"),
    path("<int:pk>/shortlist/group/<int:group_pk>/", sl.record_counts, name="record_counts"),
    path("<int:pk>/shortlist/promote/", sl.promote, name="promote"),
    path("<int:pk>/shortlist/follow-up/", sl.follow_up, name="follow_up"),
]
