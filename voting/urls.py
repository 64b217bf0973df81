"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

app_name = "voting"

urlpatterns = []
