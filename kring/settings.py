"""Kring's one settings file. Every value that differs between machines comes from the environment.

Defaults suit a laptop: SQLite in ``var/``, e-mail written to ``var/mail``. Production sets at least
``SECRET_KEY``, ``ALLOWED_HOSTS``, ``DATABASE_URL``, ``KRING_HTTPS=1``, ``TRUSTED_PROXIES`` and the ``EMAIL_*`` values
(see docs/operations.md).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KRING_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-kring-development-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "kring.core.apps.KringAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "kring.core",  # before allauth, so that Kring's templates dress allauth's pages
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API documentation's scripts from Kring itself, not from a CDN
    "kring.accounts",
    "kring.members",
    "kring.finance",
    "kring.register",
    "kring.imports",
    "kring.accreditation",
    "kring.cpd",
    "kring.events",
    "kring.api",
    "kring.intervision",
    "kring.complaints",
    "kring.recertification",
    "kring.find",
    "kring.demo",  # demo data and its commands; the top of the ladder, nothing imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "kring.core.old_links.OldEnglishLinkMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kring.core.csp.KringCSPMiddleware",
    "kring.core.refusals.RefusalMiddleware",
]

ROOT_URLCONF = "kring.urls"
WSGI_APPLICATION = "kring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kring.core.context_processors.kring",
            ],
        },
    },
    # Jinja2 for the one fragment whose rendering is the cost of the busiest page (find a trainer);
    # escaped like Django templates, see kring/register/search_page.py.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "kring.register.search_page.environment"},
    },
]

# --- Database -------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kring.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes; IMMEDIATE avoids lock upgrades; the
    # memory map reads pages from the system's cache without a copy each (a number the API had not
    # been asked cost 120 µs of page reads at 50,000 trainers, 36 µs mapped).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA mmap_size=268435456;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    # Several app servers must share rate-limit counters: production points them at one Redis.
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}

# --- Accounts ------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "kring.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "kring.members.signup.SignupNameForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the association's short name, set by kring.accounts.adapter
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("KRING_LOGIN_RATE", "5/5m/ip,5/5m/key"),
    "signup": "20/m/ip",
}
# Changing security settings asks for the password again, unless the person logged in within the last
# 15 minutes (kring.accounts.adapter): time enough to install an authenticator app right after login.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 15 * 60
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Kring"
# Passkeys need a secure context; a laptop on http://127.0.0.1 still counts as one.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# --- Languages and time --------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Kring's own Dutch for texts of Django and allauth that read formal or wrong ("Uw", "Aanmelden" for
# logging in) or that Django's Dutch catalogue lacks; these catalogues win over every app's.
LOCALE_PATHS = [BASE_DIR / "kring" / "locale"]
USE_TZ = True
# Links typed without a scheme in URL fields are read as https (the Django 6 default, chosen now).
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- Static and uploaded files -------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# WhiteNoise serves the app's own static files (no CDN); finders make `collectstatic` optional.
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kring <noreply@kring.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The right-hand side of every Message-ID; Python would otherwise use the host name of the worker.
EMAIL_MESSAGE_ID_DOMAIN = (
    os.environ.get("EMAIL_MESSAGE_ID_DOMAIN", "") or (SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0])
)
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- Background tasks -----------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# manage.py kring_worker: how often a worker signs life, and after how long without a sign its
# running tasks count as abandoned (retried once, then failed).
KRING_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("KRING_WORKER_HEARTBEAT_SECONDS", "5"))
KRING_WORKER_STALE_SECONDS = float(os.environ.get("KRING_WORKER_STALE_SECONDS", "60"))
# Proofs of registration (PDF) per client address; django-ratelimit's rate syntax.
# Days between the pre-notification e-mail and a direct debit (SEPA: 14 unless agreed otherwise).
KRING_SEPA_PRENOTIFICATION_DAYS = int(os.environ.get("KRING_SEPA_PRENOTIFICATION_DAYS", "14"))
# Imports of the membership (kring.imports): rows per transaction, and the invitations to set a
# password, sent in batches this many minutes apart so that a mail server and the office's phone
# are not flooded at once. An invitation link works this many days (kring.accounts.invitations).
KRING_IMPORT_BATCH_ROWS = int(os.environ.get("KRING_IMPORT_BATCH_ROWS", "200"))
KRING_INVITATIONS_PER_BATCH = int(os.environ.get("KRING_INVITATIONS_PER_BATCH", "100"))
KRING_INVITATION_BATCH_MINUTES = int(os.environ.get("KRING_INVITATION_BATCH_MINUTES", "10"))
KRING_INVITATION_DAYS = int(os.environ.get("KRING_INVITATION_DAYS", "30"))
KRING_PROOF_RATE = os.environ.get("KRING_PROOF_RATE", "30/m")
# Proofs a process renders at the same time; others that need rendering meanwhile get "try again in a
# few seconds" (kring/register/documents.py), so that rendering cannot take every thread.
KRING_PROOF_RENDERS = int(os.environ.get("KRING_PROOF_RENDERS", "1"))
# The insurers' API writes its call log in batches this often (kring/api/calls.py; 0: every call in
# its own request). A crashed process loses at most this many seconds of log rows.
KRING_API_LOG_SECONDS = float(os.environ.get("KRING_API_LOG_SECONDS", "0.2"))
# Self check-in at an event: tries of the short code per registration (kring/events/views/participant.py).
KRING_CHECKIN_RATE = os.environ.get("KRING_CHECKIN_RATE", "5/10m")

# --- Complaints (kring.complaints, docs/operations.md) ----------------------------------------------
# Fernet keys (comma-separated, newest first) that encrypt case texts and documents at rest. Without
# them only DEBUG uses a fixed development key; the app server refuses to start (kring/wsgi.py).
KRING_COMPLAINTS_KEYS = env_list("KRING_COMPLAINTS_KEYS")
# The terms of the procedure, in days. Defaults: receipt confirmed within 2 weeks (mindfulness bodies),
# a judgement within 6 weeks, extendable once by 4 weeks with a reason (Wkkgz art. 17).
KRING_COMPLAINTS_RECEIPT_DAYS = int(os.environ.get("KRING_COMPLAINTS_RECEIPT_DAYS", "14"))
KRING_COMPLAINTS_RESPONSE_DAYS = int(os.environ.get("KRING_COMPLAINTS_RESPONSE_DAYS", "14"))
KRING_COMPLAINTS_DECISION_DAYS = int(os.environ.get("KRING_COMPLAINTS_DECISION_DAYS", "42"))
KRING_COMPLAINTS_EXTENSION_DAYS = int(os.environ.get("KRING_COMPLAINTS_EXTENSION_DAYS", "28"))
KRING_COMPLAINTS_OBJECTION_DAYS = int(os.environ.get("KRING_COMPLAINTS_OBJECTION_DAYS", "28"))
KRING_COMPLAINTS_MAX_SUSPENSION_DAYS = int(os.environ.get("KRING_COMPLAINTS_MAX_SUSPENSION_DAYS", "365"))
KRING_COMPLAINTS_RETENTION_YEARS = int(os.environ.get("KRING_COMPLAINTS_RETENTION_YEARS", "5"))
# How long a private link in an e-mail works; every status e-mail carries a fresh one.
KRING_COMPLAINTS_LINK_DAYS = int(os.environ.get("KRING_COMPLAINTS_LINK_DAYS", "120"))
# Complaints filed per client address (django-ratelimit's syntax), and documents added through a link.
KRING_COMPLAINTS_FILE_RATE = os.environ.get("KRING_COMPLAINTS_FILE_RATE", "5/h")
KRING_COMPLAINTS_UPLOAD_RATE = os.environ.get("KRING_COMPLAINTS_UPLOAD_RATE", "20/h")

# --- Security -------------------------------------------------------------------------------------
# The load balancer's addresses or networks (comma-separated, "*" for any peer). Only from these does
# the app server (scripts/serve) believe X-Forwarded-Proto, and only from these does Kring take the
# client's address from X-Forwarded-For: the TRUSTED_PROXY_COUNT-th entry from the right, the one
# our own outermost proxy wrote. Login rate limits count per client address, so behind a balancer
# without these settings everyone would share one address (kring.core.clientip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
# django-ratelimit (proof.pdf) counts per client address by the same rule.
RATELIMIT_IP_META_KEY = "kring.core.clientip.client_ip"
if env_bool("KRING_HTTPS"):
    # The scheme comes from the app server (wsgi.url_scheme), which sets it from X-Forwarded-Proto of
    # a trusted proxy only; SECURE_PROXY_SSL_HEADER would believe that header from anyone.
    SECURE_SSL_REDIRECT = True
    # The balancer's health check speaks plain http to each app server.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): Kring's pages, allauth's and the admin's load scripts and
# styles only from Kring's own static files, never inline, so an injected <script> or style="" does
# nothing. Two pages that draw data: images are named in kring/core/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
