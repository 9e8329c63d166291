"""credscore: credibility and sourcing-quality signals for Arabic news, with evidence spans.

>>> from scorer import analyze
>>> result = analyze("مصدر مطلع: قرار مفاجئ!", "قال مصدر مطلع إن القرار قد يتغير.")
>>> result.signals["anonymous_sources"]
2.0
"""

from __future__ import annotations

import logging

from scorer.analysis import analyze, analyze_many
from scorer.errors import InputError, LexiconError, ScorerError
from scorer.result import Analysis, SignalValue, Span

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "InputError",
    "LexiconError",
    "ScorerError",
    "SignalValue",
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
]
