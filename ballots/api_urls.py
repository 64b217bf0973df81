"""Language-neutral endpoints of this app: APIs, files, images."""

app_name = "ballots_api"

urlpatterns = []
