"""Admin addresses of prepared files, under /admin/sagatavotie-faili/."""

from django.urls import path

from . import admin_views as v

app_name = "prepared_files"

urlpatterns = [
    path("", v.PreparedFilesView.as_view(), name="index"),
    path("stavoklis/", v.file_states, name="states"),
    path("<int:pk>/lejupieladet/", v.download, name="download"),
]
