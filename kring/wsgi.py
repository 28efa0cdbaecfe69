"""WSGI entry point for production servers (gunicorn, waitress)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kring.settings")
application = get_wsgi_application()

# Complaints are encrypted with keys from the environment: a production server without them would
# either fail on the first complaint or, worse, encrypt with a key everyone knows. So it does not start.
from kring.complaints.crypto import require_keys  # noqa: E402

require_keys()
