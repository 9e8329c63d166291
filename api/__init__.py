"""The HTTP edge of credscore: a FastAPI app that translates requests and errors."""
