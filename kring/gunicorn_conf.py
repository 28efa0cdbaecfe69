"""Settings of Kring's production app server, gunicorn, all from the environment (docs/operations.md).

``scripts/serve`` starts gunicorn with this file. Django's settings read the same variables, so the
server and Kring agree on which peers are Kring's own load balancer.
"""

import os

wsgi_app = "kring.wsgi:application"
# Every interface by default: the load balancer reaches the app server over the private network.
bind = [f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"]  # nosec B104 # on purpose, see above

# Threads serve the many short requests; a few processes use the cores and survive each other's crashes.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker stuck longer than this (a PDF of a huge register) is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak never grows into an outage.
max_requests = 2000
max_requests_jitter = 200

# Only the load balancer may say a request came in over HTTPS; from any other peer the header is
# ignored, so a client cannot fake it and the balancer's plain-http health check is answered as is.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
if os.environ.get("KRING_HTTPS", "0").lower() in {"1", "true", "yes", "on"} and not forwarded_allow_ips.strip():
    raise SystemExit(
        "KRING_HTTPS=1 needs TRUSTED_PROXIES (the load balancer's addresses), "
        "otherwise every request looks like plain http and is redirected to https forever."
    )

# Logs go to standard error and the access log to standard output; the service manager keeps both.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
