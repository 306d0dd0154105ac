"""Settings for the ingest worker, read once from the environment at start-up."""

import os
from dataclasses import dataclass


def _int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


def _bool(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be true or false, got {raw!r}")


@dataclass(frozen=True)
class Settings:
    database_url: str
    queue_url: str
    batch_size: int
    poll_seconds: int
    dry_run: bool
    log_level: str
    max_retries: int

    @classmethod
    def from_environment(cls):
        database_url = os.environ.get("INGEST_DATABASE_URL")
        if not database_url:
            raise ValueError("INGEST_DATABASE_URL is not set")
        return cls(
            database_url=database_url,
            queue_url=os.environ.get("INGEST_QUEUE_URL", "amqp://localhost:5672/"),
            batch_size=_int("INGEST_BATCH_SIZE", 500),
            poll_seconds=_int("INGEST_POLL_SECONDS", 5),
            dry_run=_bool("INGEST_DRY_RUN", False),
            log_level=os.environ.get("INGEST_LOG_LEVEL", "INFO").upper(),
            max_retries=_int("INGEST_MAX_RETRIES", 3),
        )


SETTINGS = None


def settings():
    global SETTINGS
    if SETTINGS is None:
        SETTINGS = Settings.from_environment()
        if SETTINGS.batch_size < 1:
            raise ValueError("INGEST_BATCH_SIZE must be at least 1")
    return SETTINGS