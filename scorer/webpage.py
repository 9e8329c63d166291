"""Extract an article (title and main text) from a saved web page with trafilatura.

Comments, navigation and other boilerplate are dropped (``include_comments=False``); what is
left goes through the same furniture stripping as any body.
"""

from __future__ import annotations

from scorer.errors import InputError


def extract_article(html: str) -> tuple[str, str]:
    """``(title, body)`` of a saved page; ``InputError`` when the page yields no text."""
    import trafilatura

    if not html.strip():
        raise InputError("the HTML is empty")
    document = trafilatura.bare_extraction(
        html, include_comments=False, with_metadata=True, include_tables=False, fast=True
    )
    if document is None:
        raise InputError("no article text could be extracted from the HTML")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    title = (data.get("title") or "").strip()
    body = (data.get("text") or "").strip()
    if not body:
        raise InputError("no article text could be extracted from the HTML")
    return title, body
