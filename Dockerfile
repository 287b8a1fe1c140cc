# negotrack's application image: the web process (gunicorn), the Celery worker and beat
# all run from it (docker-compose.yml). Python 3.11 on Debian bookworm, whose PostgreSQL
# client (15) matches the server, for backup_database and restore_database.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEGOTRACK_VAR_DIR=/var/lib/negotrack \
    STATIC_ROOT=/var/lib/negotrack/static

RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The pinned dependencies first, so that a change to the code reuses this layer.
COPY pyproject.toml requirements.lock README.md ./
RUN pip install --no-cache-dir -c requirements.lock .

COPY . .
# Static files with hashed names, for WhiteNoise. The key only lets the settings load.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v 0 \
    && useradd --system --home-dir /var/lib/negotrack negotrack \
    && chown -R negotrack /var/lib/negotrack

USER negotrack
EXPOSE 8000
CMD ["gunicorn", "negotrack.wsgi"]
