# syntax=docker/dockerfile:1
# Slim, non-root; migrates the database, then serves. Configure with APP_* variables
# (APP_DATABASE_URL, APP_SECRET_KEY, ...); see README.md.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
RUN python -m venv /opt/venv && /opt/venv/bin/pip install .

FROM python:3.11-slim
# PYTHONPATH: the app is imported from /srv, beside the migrations/ it finds at ../migrations.
ENV PATH=/opt/venv/bin:$PATH PYTHONPATH=/srv PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    APP_VAR_DIR=/var/lib/civic-social \
    APP_DATABASE_URL=sqlite:////var/lib/civic-social/civic-social.db
RUN useradd --system --uid 10001 --home-dir /srv civic \
    && mkdir -p /var/lib/civic-social && chown civic /var/lib/civic-social
COPY --from=build /opt/venv /opt/venv
WORKDIR /srv
COPY --chown=civic alembic.ini ./
COPY --chown=civic migrations ./migrations
COPY --chown=civic app ./app
USER civic
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/livez', timeout=2).status == 200 else 1)"
# exec: the server replaces the shell, so it receives SIGTERM and shuts down gracefully.
CMD ["sh", "-c", "civic-social migrate && exec civic-social serve --host 0.0.0.0 --port 8000 --workers ${WORKERS:-2}"]
