"""Language-neutral endpoints of this app: APIs, files, images."""

app_name = "results_api"

urlpatterns = []
