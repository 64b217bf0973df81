"""Language-neutral endpoints of this app: open data files and the participation counter."""

from django.urls import path, re_path

from results import views

app_name = "results_api"

urlpatterns = [
    # One path segment, so no election's slug can shadow them.
    path("open-data/all-elections.json", views.open_data_across_years, name="across_years"),
    re_path(
        r"^open-data/all-elections-(?P<dataset>participation|answers)\.csv$",
        views.open_data_across_years,
        name="across_years_table",
    ),
    re_path(
        r"^open-data/(?P<slug>[-\w]+)/(?P<dataset>results|participation)\.(?P<extension>csv|xlsx|json)$",
        views.open_data_table,
        name="open_data",
    ),
    path(
        "open-data/<slug:slug>/nist-err.json",
        views.open_data_election_report,
        name="election_report",
    ),
    path(
        "api/results/<slug:slug>/counter.json",
        views.participation_counter_json,
        name="counter_json",
    ),
]
