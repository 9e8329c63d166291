"""Service settings, read from ``CREDSCORE_*`` environment variables."""

from __future__ import annotations

from pydantic import Field, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the model is, how large and slow a request may be, where to listen (validated:
    a bad value is refused at start-up, not met on every request)."""

    model_config = SettingsConfigDict(env_prefix="CREDSCORE_")

    model_path: str | None = None  # a model card (.json); None: the bundled default model
    max_text_chars: PositiveInt = 200_000  # per field (title, body or html)
    max_request_bytes: PositiveInt = 2 * 1024 * 1024  # refused before parsing
    body_timeout_s: float = Field(30.0, gt=0)  # a body slower than this is refused (408)
    header_timeout_s: float = Field(10.0, gt=0)  # headers slower than this: connection closed
    max_batch: PositiveInt = 100
    max_profile_articles: PositiveInt = 1000
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    workers: PositiveInt = 1
