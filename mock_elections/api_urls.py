"""Language-neutral endpoints of this app: APIs, files, images."""

app_name = "mock_elections_api"

urlpatterns = []
