"""HTML reports from the templates shipped in ``scorer/templates`` (Jinja2, autoescaped)."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("scorer", "templates"), autoescape=True)


def render(name: str, **values: object) -> str:
    """The report template ``name``, filled in with ``values``."""
    return _templates().get_template(name).render(**values)
