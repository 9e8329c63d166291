"""The bundled default model and its card, shipped in the package as ``scorer.default_model``."""
