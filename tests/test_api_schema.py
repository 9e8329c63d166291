"""schemathesis against the app's own OpenAPI schema: no 500s, responses match the schema.

Driven through schemathesis's Python API (one hypothesis test per operation) rather than its
pytest plugin, whose hooks reach into pytest internals and broke with pytest 9.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.settings import Settings

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(tiny_model):
    _, card_path = tiny_model
    app = create_app(Settings(model_path=str(card_path)))
    with TestClient(app):  # runs the lifespan: the model is loaded into app.state
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert any(op.path == "/v1/score" for op in operations), "the schema lost /v1/score"
    if mode is GenerationMode.NEGATIVE:  # only operations that take input have invalid input
        operations = [op for op in operations if len(op.body) or len(op.query)]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=CHECKS)

        conforms()
