"""Image uploads are decoded in full before they are accepted.

Wagtail's own check reads only an image's header, so a damaged file (a GIF cut short, or
one whose header lies) passed it and then failed with a server error, either during the
upload or later when a page asked for a rendition. Decoding the first frame here turns all
of those into the form's ordinary "upload a valid image" error. Installed through the
`WAGTAILIMAGES_IMAGE_FORM_BASE` setting, so the single and the multiple upload both use it.
"""

from typing import Any

from PIL import Image as PILImage

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    def to_python(self, data: Any) -> Any:
        try:
            upload = super().to_python(data)
            if upload is not None:
                self._decode(upload)
        except ValidationError:
            raise
        # What Pillow raises for a file it cannot read (UnidentifiedImageError is an OSError),
        # and a header that claims billions of pixels.
        except (
            OSError,
            SyntaxError,
            ValueError,
            EOFError,
            IndexError,
            PILImage.DecompressionBombError,
        ) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        return upload

    @staticmethod
    def _decode(upload: Any) -> None:
        source = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else upload
        with PILImage.open(source) as picture:
            picture.load()
        upload.seek(0)


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            checked = CheckedImageField(
                required=field.required, label=field.label, help_text=field.help_text
            )
            checked.widget = field.widget
            self.fields["file"] = checked
