"""Language-neutral endpoints of this app: APIs, files, images."""

app_name = "stories_api"

urlpatterns = []
