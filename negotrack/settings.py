"""negotrack settings: one module, every value from the environment.

With nothing set, negotrack runs on the embedded default: a SQLite file under var/,
background jobs in-process, and (in debug mode only) a secret key generated on first
start and kept in var/, outside git.
"""

import secrets
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from negotrack.env import env_bool, env_database, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("NEGOTRACK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is not set: production needs one (DEBUG is off).")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "negotrack.apps.NegotrackAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "negotrack",
    "rounds",
    "delegations",
    "issues",
    "webhooks",
]

MIDDLEWARE = [
    "negotrack.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database (static files, served above, never do).
    "negotrack.statement_timeout.ReadStatementTimeoutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before any view or query: a NUL or control character in the path, the query or a form.
    "negotrack.inputs.RefuseControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Knows who is signed in, and comes before any query of the record: a public read goes
    # to the replica, when there is one.
    "negotrack.replica.PublicReadMiddleware",
    # Knows who is signed in, and comes before any page reads the record.
    "negotrack.throttling.PageRateLimitMiddleware",
    "negotrack.authlog.RefusedWriteLogMiddleware",
    # Before any view reads the record: `?as_known_on=` shows it as it stood.
    "negotrack.as_known.AsKnownOnMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "negotrack.urls"
WSGI_APPLICATION = "negotrack.wsgi.application"
ASGI_APPLICATION = "negotrack.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The banner of a page shown as it stood, and "Cite this page".
                "negotrack.as_known.page_context",
            ],
            # The analysts' and the editors' pages keep their template tags beside them,
            # not in an app's top-level templatetags package.
            "libraries": {
                "record": "issues.pages.templatetags.record",
                "entry": "issues.editorial.templatetags.entry",
                "setup": "issues.editorial.templatetags.setup",
            },
        },
    },
]


def _databases() -> dict[str, dj_database_url.DBConfig]:
    """The primary (`default`), and with DATABASE_REPLICA_URL a read replica of it
    (`replica`), which serves the public's reads (negotrack.replica)."""
    url = env_str("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'negotrack.sqlite3'}"
    conn_max_age = env_int("CONN_MAX_AGE", 0 if DEBUG else 60)
    databases = {"default": env_database("DATABASE_URL", url, conn_max_age=conn_max_age)}
    replica_url = env_str("DATABASE_REPLICA_URL")
    if replica_url:
        databases["replica"] = env_database("DATABASE_REPLICA_URL", replica_url, conn_max_age=conn_max_age)
        if any(config["ENGINE"] != "django.db.backends.postgresql" for config in databases.values()):
            raise ImproperlyConfigured(
                "DATABASE_REPLICA_URL needs PostgreSQL, for the replica and for DATABASE_URL: "
                "a replica is a PostgreSQL standby of the primary."
            )
    return databases


DATABASES = _databases()
# Reads by readers who are not signed in go to the replica when there is one; everything
# else, and everything without one, to the primary (negotrack.replica says what and why).
PUBLIC_READS_FROM_REPLICA = "replica" in DATABASES
DATABASE_ROUTERS = ["negotrack.replica.PublicReadRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves what collectstatic gathered, under names that carry a hash of the
# content (so they are cached for ever) and compressed; in debug mode, from the apps.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    # The debug server serves the apps' own static files; nothing has been collected.
    warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)

# HTTPS. In production gunicorn sits behind a proxy that ends TLS and says so in
# X-Forwarded-Proto; every page is then HTTPS only, with HSTS and secure cookies. In debug
# mode (the embedded default on http://127.0.0.1:8000) all of it is off unless asked for.
HTTPS_ONLY = env_bool("HTTPS_ONLY", default=not DEBUG)
# Behind the proxy, the client's address is the one the proxy adds last to
# X-Forwarded-For (negotrack.requestlog.client_ip); anything before it the client sent.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", default=HTTPS_ONLY)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
# Health probes come on plain HTTP from inside the network (SecurityMiddleware matches
# the path without its leading slash).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000 if HTTPS_ONLY else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = []
if not SECURE_HSTS_PRELOAD:
    # Preloading is a promise to browsers that outlives any setting here: the operator
    # opts in with HSTS_PRELOAD=1, so check --deploy must not push for it.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default ignores the column an index carries beside its key (the change
    # log's times in its index of public changes); PostgreSQL reads it from the index.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# A form's fields, at most: the entry page at its fullest (sixty rows of each kind, a
# process's forty agenda issues) posts some 5,000, past Django's 1,000, and a report's
# proposals fill sixty statement rows at once. A request stays bounded by its size
# (DATA_UPLOAD_MAX_MEMORY_SIZE, Django's 2.5 MB).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content Security Policy on every page: our own scripts, styles and images only, no
# inline script (the API docs use drf-spectacular's split view and the sidecar's files);
# the browsable API's one inline style carries the request's nonce, and its one style
# attribute ("float: right; margin-right: 10px", on its buttons) is allowed by its hash.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE, "'unsafe-hashes'", "'sha256-OfgyIBrd+/vP79JdFMYP+re4T+fIenvkrHPD2HZ8/cs='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sign-in: the site's own page (the admin keeps its own login page, guarded the same way).
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = LOGOUT_REDIRECT_URL = "pages:home"


def _at_least_one(name: str, value: int, unit: str) -> int:
    if value < 1:
        raise ImproperlyConfigured(f"{name}={value} must be 1 or more ({unit}).")
    return value


# A sign-in lasts this long from the moment it is made (a working day by default); the
# session is stored server-side, so signing out ends it for good.
SESSION_HOURS = _at_least_one("SESSION_HOURS", env_int("SESSION_HOURS", 12), "hours")
SESSION_COOKIE_AGE = SESSION_HOURS * 3600

# Failed sign-ins (django-axes, counted in the database so that every web process shares
# the count). The lock holds one account name from one address: locking by address
# alone would let one attacker shut out a whole office behind one NAT address, and by
# name alone would let anyone shut an editor out from everywhere. An attacker spreading
# guesses over many addresses gets SIGN_IN_FAILURE_LIMIT of them per address; the
# password validators are the defence there. Every refused attempt restarts the cool-off.
SIGN_IN_FAILURE_LIMIT = _at_least_one("SIGN_IN_FAILURE_LIMIT", env_int("SIGN_IN_FAILURE_LIMIT", 5), "attempts")
SIGN_IN_COOLOFF_MINUTES = _at_least_one("SIGN_IN_COOLOFF_MINUTES", env_int("SIGN_IN_COOLOFF_MINUTES", 15), "minutes")
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=SIGN_IN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# The same address as the logs see, X-Forwarded-For included only behind the proxy.
AXES_CLIENT_IP_CALLABLE = "negotrack.requestlog.client_ip"
AXES_LOCKOUT_CALLABLE = "negotrack.accounts.locked_out"
# negotrack.auth logs every sign-in, failure and lockout; axes would repeat them, with the
# user agent as sent. The database keeps only what locking needs: no log of every sign-in.
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True

REDIS_URL = env_str("REDIS_URL") or None

# Celery: with REDIS_URL unset, tasks run in-process (the embedded default).
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_BROKER_CONNECTION_TIMEOUT = 1
# An edit hands its rebuild to the broker after commit: bounded, so that a frozen Redis
# delays a save by about a second, never more.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# How often beat runs the reconciliation of timelines (every marked issue, and every issue
# whose inputs no longer match the fingerprint it was built from).
TIMELINE_RECONCILE_SECONDS = env_float("TIMELINE_RECONCILE_SECONDS", 60.0)
# How often beat dispatches and sends webhooks (what a broker that was down never got, and
# the retries that fall due).
WEBHOOKS_RECONCILE_SECONDS = env_float("WEBHOOKS_RECONCILE_SECONDS", 10.0)
# How long a webhook delivery that was delivered or given up is kept, with its attempts,
# after it finished (webhooks/retention.py); pending ones are kept until they finish.
WEBHOOKS_RETENTION_DAYS = _at_least_one("WEBHOOKS_RETENTION_DAYS", env_int("WEBHOOKS_RETENTION_DAYS", 30), "days")
WEBHOOKS_PRUNE_SECONDS = 3600
CELERY_BEAT_SCHEDULE = {
    "reconcile-timelines": {
        "task": "issues.reconcile_timelines",
        "schedule": TIMELINE_RECONCILE_SECONDS,
        "options": {"expires": TIMELINE_RECONCILE_SECONDS},
    },
    "send-webhooks": {
        "task": "webhooks.send",
        "schedule": WEBHOOKS_RECONCILE_SECONDS,
        "options": {"expires": WEBHOOKS_RECONCILE_SECONDS},
    },
    "prune-webhooks": {
        "task": "webhooks.prune",
        "schedule": WEBHOOKS_PRUNE_SECONDS,
        "options": {"expires": WEBHOOKS_PRUNE_SECONDS},
    },
}
# Webhooks go to public addresses only, unless this allows loopback, private and
# link-local ones too (a receiver on the same machine or network, the tests').
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=False)

# Restoring from history arrives with its own service, which validates and logs it.
SIMPLE_HISTORY_REVERT_DISABLED = True


def _throttle_rate(name: str, default: str) -> str:
    """A DRF rate such as 120/min: a number, a slash, then s, m, h or d (sec, min, …)."""
    rate = env_str(name, default)
    count, _, period = rate.partition("/")
    if not count.isdigit() or period[:1] not in ("s", "m", "h", "d"):
        raise ImproperlyConfigured(f"{name}={rate!r} is not a rate: write it like 120/min, 10/s, 5000/day.")
    return rate


# Anonymous API readers, per address; anonymous readers of the pages, per address, with a
# count of their own (negotrack.throttling). The counts live in the default cache: in
# memory, per process, on the embedded default; in Redis when REDIS_URL is set, so that
# every web process shares one count. Short timeouts: a slow Redis must not slow reads down.
API_ANON_RATE = _throttle_rate("API_ANON_RATE", "120/min")
PAGE_ANON_RATE = _throttle_rate("PAGE_ANON_RATE", "60/min")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "negotrack",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

# On PostgreSQL, no query of a request that only reads (GET, HEAD, OPTIONS) may run longer
# than this; the reader gets a 503 instead (negotrack.statement_timeout). Writes, commands
# and background jobs keep the database's own setting. 0 turns it off.
READ_STATEMENT_TIMEOUT_MS = env_int("READ_STATEMENT_TIMEOUT_MS", 1000)
# What a page read at random costs PostgreSQL's planner, against one read in order (its
# default, 4, is a spinning disk's): negotrack.planner.
DATABASE_RANDOM_PAGE_COST = env_float("DATABASE_RANDOM_PAGE_COST", 1.1, of="page reads in order")
if READ_STATEMENT_TIMEOUT_MS < 0:
    raise ImproperlyConfigured(f"READ_STATEMENT_TIMEOUT_MS={READ_STATEMENT_TIMEOUT_MS} must be 0 (off) or more.")

# How long the change log keeps a change (prune_changes): a tool that follows the changes
# feed less often than this gets 410 and resyncs from the lists.
# How long a public answer is kept under its ETag (negotrack.answers); 0 keeps none.
ANSWERS_KEPT_SECONDS = env_int("ANSWERS_KEPT_SECONDS", 600)
if ANSWERS_KEPT_SECONDS < 0:
    raise ImproperlyConfigured(f"ANSWERS_KEPT_SECONDS={ANSWERS_KEPT_SECONDS} must be 0 (off) or more.")

CHANGES_RETENTION_DAYS = env_int("CHANGES_RETENTION_DAYS", 365)
if CHANGES_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(f"CHANGES_RETENTION_DAYS={CHANGES_RETENTION_DAYS} must be 1 or more (days).")

REST_FRAMEWORK = {
    # A token first, so that a write without credentials answers 401 with
    # `WWW-Authenticate: Token`; a browser session (with its CSRF token) works too.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Writes take JSON, nothing else (a form body answers 415).
    "DEFAULT_PARSER_CLASSES": ["negotrack.parsers.StrictJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "negotrack.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["negotrack.filtering.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "negotrack.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # DRF's, with a JSON 413 for a body too large to read.
    "EXCEPTION_HANDLER": "negotrack.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["negotrack.throttling.AnonymousReadThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE},
    # Whom the rate limit counts: the address the proxy saw, never one the client wrote
    # into X-Forwarded-For itself.
    "NUM_PROXIES": 1 if BEHIND_TLS_PROXY else 0,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "negotrack API",
    "DESCRIPTION": "The record of diplomatic negotiation rounds: rounds, delegations, agenda issues and where "
    "each stands. Reads are public and show the public record. Editors and reviewers write with a token "
    "(`Authorization: Token <key>`) or a signed-in session with its CSRF token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name get a name of their own; one date precision for all.
    "ENUM_NAME_OVERRIDES": {
        "DelegationRoleEnum": "delegations.models.DelegationRole",
        "MembershipRoleEnum": "delegations.models.MembershipRole",
        "PartyKindEnum": "delegations.models.PartyKind",
        "StatementKindEnum": "issues.models.StatementKind",
        "DatePrecisionEnum": "rounds.dates.DatePrecision",
        "PendingRevisionStateEnum": "negotrack.models.PendingRevision.State",
        "StateEnum": "issues.models.PublicationState",
        # The vocabulary keeps the plain name it had before a round's status came to be written.
        "StatusEnum": "issues.vocabulary.AssessmentStatus",
        "RoundStatusEnum": "rounds.models.Round.Status",
        "RoundFormatEnum": "rounds.models.Round.Format",
        "SessionTrackEnum": "rounds.models.Session.Track",
        "WebhookEventEnum": "webhooks.models.EventType",
        "SubscriptionStateEnum": "webhooks.models.Subscription.State",
        "DeliveryStateEnum": "webhooks.models.Delivery.State",
    },
}

# One JSON object a line, on standard error, from every process (web, worker, beat):
# request id, user, path, status and duration for requests (negotrack.requestlog), and
# the security events (django.security; negotrack.auth for sign-ins, sign-outs, lockouts
# and refused writes).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "negotrack.requestlog.RequestContextFilter"}},
    "formatters": {"json": {"()": "negotrack.requestlog.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # negotrack.request logs every request, with its id and duration; these would
        # repeat it (errors still come with their traceback).
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # negotrack.auth says the same, without what a client sent unescaped.
        "axes": {"level": "ERROR"},
    },
}
