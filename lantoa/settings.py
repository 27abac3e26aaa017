"""Lantoa settings: every deployment-specific value comes from the environment (see .env.example)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from lantoa.config.env import env_bool, env_dates, env_int, env_list, env_path, env_str
from lantoa.config.services import database_settings, email_settings

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("DEBUG", False)
LANTOA_DATA_DIR = env_path("LANTOA_DATA_DIR", BASE_DIR / "var")
LANTOA_DATASETS_DIR = env_path("LANTOA_DATASETS_DIR", BASE_DIR.parent / "shared" / "datasets")

_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY == _DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters when DEBUG is off "
        "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list this site's host names when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "lantoa.core",
    "lantoa.accounts",
    "lantoa.sources",
    "lantoa.content",
    "lantoa.analysis",
    "lantoa.monitoring",
    "lantoa.plans",
    "lantoa.network",
    "lantoa.factcheck",
    "lantoa.crisis",
    "lantoa.consultation",
    "lantoa.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lantoa.urls"
WSGI_APPLICATION = "lantoa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lantoa.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": database_settings(env_str("DATABASE_URL"), data_dir=LANTOA_DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = LANTOA_DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = LANTOA_DATA_DIR / "media"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

globals().update(email_settings(env_str("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Lantoa <no-reply@lantoa.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

API_PAGE_SIZE_MAX = env_int("API_PAGE_SIZE_MAX", 200)

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# The address people reach this site at, for links in e-mails (tracking links, verdicts…).
LANTOA_PUBLIC_URL = env_str("LANTOA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

# Default time a body has to answer a journalist's question, in working days (Mon–Fri, less
# public holidays: see lantoa.core.workdays). MUST be confirmed against the decree on press
# statements and answers to the press currently in force (Decree 09/2017/ND-CP or its
# successor) before use.
PRESS_QUESTION_RESPONSE_DAYS = env_int("PRESS_QUESTION_RESPONSE_DAYS", 2)
# Days off announced each year beyond the fixed-date holidays (Tết, Giỗ Tổ Hùng Vương, the day
# next to 2/9, compensating days): comma-separated YYYY-MM-DD.
PUBLIC_DAYS_OFF = env_dates("PUBLIC_DAYS_OFF")
# Release attachments larger than this in total are linked from the e-mail, not attached.
RELEASE_ATTACHMENT_MAX_BYTES = env_int("RELEASE_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)

# Periodic work, run by `celery beat` in deployments and by `lantoa run`'s in-process scheduler.
PERIODIC_TASKS: dict[str, dict[str, object]] = {
    "poll-due-sources": {"task": "lantoa.sources.tasks.poll_due_sources", "seconds": 60},
    "evaluate-alerts": {"task": "lantoa.monitoring.tasks.evaluate_alert_rules", "seconds": 300},
    "send-weekly-reports": {"task": "lantoa.monitoring.tasks.send_weekly_reports", "seconds": 3600},
    "send-weekly-summaries": {
        "task": "lantoa.reports.tasks.send_weekly_summaries",
        "seconds": 3600,
    },
    "resume-distributions": {"task": "lantoa.network.resume_distributions", "seconds": 120},
    "find-release-coverage": {"task": "lantoa.network.find_coverage", "seconds": 900},
    "accurate-analysis": {"task": "lantoa.content.pipeline.process_accurate_queue", "seconds": 60},
    "reanalysis": {"task": "lantoa.content.pipeline.reanalyze_stale", "seconds": 300},
}
# Items given the accurate path per run of "accurate-analysis" (a minute). e5 embeds about 25
# short posts/s but only 2 long articles/s, so the default keeps a run of articles to about
# 15 s of each minute; the embedded scheduler runs its periodic tasks one after another.
ANALYSIS_ACCURATE_BUDGET = env_int("ANALYSIS_ACCURATE_BUDGET", 30)
# Items relabelled per run of "reanalysis" (five minutes) after a model update: the fast path
# labels thousands a second, so writing the rows and recounting bound a run to a few seconds.
ANALYSIS_REANALYSIS_BUDGET = env_int("ANALYSIS_REANALYSIS_BUDGET", 5000)
CELERY_BEAT_SCHEDULE = {
    name: {"task": spec["task"], "schedule": spec["seconds"]}
    for name, spec in PERIODIC_TASKS.items()
}

# A polled source that fails this many times in a row is paused until an officer resumes it.
SOURCE_MAX_FAILURES = env_int("SOURCE_MAX_FAILURES", 5)
