"""Language-neutral endpoints of this app: APIs, files, images."""

app_name = "voting_api"

urlpatterns = []
