"""Static files storage for production: WhiteNoise's compressed, hashed files, with Django's
rewriting of ES module imports switched on, so the tablet's modules (voting/static/voting/
tablet/) import each other by their hashed names and a release never mixes old and new."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
