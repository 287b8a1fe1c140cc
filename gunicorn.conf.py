"""gunicorn's settings for negotrack (gunicorn reads this file from the working directory).

Requests are logged by negotrack itself (negotrack.requestlog, JSON with the request id),
so gunicorn's access log stays off and its own messages go out as JSON lines too.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
# The TLS proxy is the only client; it sends X-Forwarded-Proto, which Django reads
# (SECURE_PROXY_SSL_HEADER). gunicorn itself need not trust anyone's forwarded headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "negotrack.requestlog.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {"gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
# No run-time control socket: several gunicorns may share a machine (and a home directory).
control_socket_disable = True
