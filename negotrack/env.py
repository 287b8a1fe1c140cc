"""Typed readers of environment variables that fail loudly, naming the variable."""

import os
from typing import overload

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@overload
def env_str(name: str, default: str) -> str: ...
@overload
def env_str(name: str, default: None = None) -> str | None: ...
def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_float(name: str, default: float, *, of: str = "seconds") -> float:
    """A positive number of (for instance) seconds."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise ImproperlyConfigured(f"{name}={value!r} is not a positive number (of {of}).")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATABASE_ENGINES = ("django.db.backends.postgresql", "django.db.backends.sqlite3")


def env_database(name: str, url: str, *, conn_max_age: int) -> dj_database_url.DBConfig:
    """A database's settings from its URL (`url`, read from the variable `name`): PostgreSQL
    or SQLite, nothing else. Connections are checked before they are reused."""
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a database URL this project can use: {error}") from None
    engine = config.get("ENGINE", "")
    if engine not in DATABASE_ENGINES:
        raise ImproperlyConfigured(f"{name} must name PostgreSQL or SQLite, not {engine or url!r}.")
    if engine.endswith("sqlite3"):
        # Wait for a writer instead of failing at once, and allow concurrent readers.
        config["OPTIONS"] = {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    return config
