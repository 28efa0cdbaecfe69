import io

from django.core.files.base import ContentFile
from PIL import Image

from tests.access.matrix import EVERYONE, LOGGED_IN, Case


def _practice_of_trainer(personas):
    """The trainer's own practice: only the trainer may open it; for others it does not exist."""
    return {"pk": personas["trainer"].practices.get().pk}


def _photo(personas, *, public):
    """Give the member a photo, public or not, and point at it."""
    person = personas["member"]
    if not person.photo:
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20), "teal").save(buffer, format="JPEG")
        person.photo.save("photo.jpg", ContentFile(buffer.getvalue()), save=False)
    person.public_photo = public
    person.save()
    return {"pk": person.pk}


CASES = [
    Case("members:home", LOGGED_IN),
    Case("members:contact", LOGGED_IN),
    Case("members:contact", LOGGED_IN, method="post", data={"first_name": ""}),
    Case("members:practices", LOGGED_IN),
    Case("members:practice_add", LOGGED_IN),
    Case("members:practice_edit", frozenset({"trainer"}), kwargs=_practice_of_trainer),
    Case("members:practice_delete", frozenset({"trainer"}), kwargs=_practice_of_trainer),
    Case("members:profile", LOGGED_IN),
    Case("members:photo_upload", LOGGED_IN, method="post", data={}),
    Case("members:visibility", LOGGED_IN),
    Case("members:photo", frozenset({"member", "office"}), kwargs=lambda p: _photo(p, public=False)),
    Case("members:photo", EVERYONE, kwargs=lambda p: _photo(p, public=True)),
    Case("members:privacy", LOGGED_IN),
    Case("members:export", LOGGED_IN),
    Case("members:erasure", LOGGED_IN),
    Case("members:erasure_withdraw", LOGGED_IN, method="post", ok=(302,)),
    Case("members:history", LOGGED_IN),
]
