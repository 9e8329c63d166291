"""The library's exceptions: callers catch ``ScorerError`` and turn it into a 4xx or a CLI line."""


class ScorerError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(ScorerError, ValueError):
    """The article or input file cannot be analysed (empty, not text, wrong shape)."""


class LexiconError(ScorerError):
    """A packaged lexicon is missing, empty or malformed."""
