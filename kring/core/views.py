from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render

from kring.core.access import PUBLIC, allow


@allow(PUBLIC)
def home(request):
    return render(request, "core/home.html")


@allow(PUBLIC)
def healthz(request):
    """200 when the database answers, 503 when it does not. For load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means: do not send traffic here
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
