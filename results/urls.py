"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path

from results import views

app_name = "results"

urlpatterns = [
    path("dalibas-skaititajs/<slug:slug>/", views.participation_counter, name="counter"),
    path("atvertie-dati/", views.open_data_schema, name="open_data_schema"),
]
