"""Service settings, read from ``CREDSCORE_*`` environment variables."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the model is, how large a request may be, where to listen."""

    model_config = SettingsConfigDict(env_prefix="CREDSCORE_")

    model_path: str | None = None  # a model card (.json); None: the bundled default model
    max_text_chars: int = 200_000  # per field (title, body or html)
    max_request_bytes: int = 2 * 1024 * 1024  # refused before parsing
    max_batch: int = 100
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
