"""The Python OpenAI assistant sample indexes with the real azure-functions package.

The docs pull code from ``samples/openai/python/function_app.py`` by region, so this
checks that the bindings it declares are the ones the reference pages describe.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "openai" / "python" / "function_app.py"

Bindings = dict[str, list[dict[str, Any]]]  # function name -> its function.json bindings


@pytest.fixture(scope="module")
def bindings_by_function() -> Bindings:
    """Import the sample by path and index it once, as the Python worker does.

    ``FunctionApp.get_functions()`` rebuilds every function on each call and then
    rejects the duplicates, so it must be called only once per imported app.
    """
    module_name = f"_bindref_sample_openai_python_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(module_name, SAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    # Keep samples/ clean: no __pycache__ next to the sample the docs read.
    dont_write_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        spec.loader.exec_module(module)
        functions = module.app.get_functions()
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
        sys.modules.pop(module_name, None)
    # get_function_json() is what the worker hands the host: plain JSON values.
    return {fn.get_function_name(): _bindings(fn.get_function_json()) for fn in functions}


def _bindings(function_json: str) -> list[dict[str, Any]]:
    bindings: list[dict[str, Any]] = json.loads(function_json)["bindings"]
    return bindings


def _binding(bindings_by_function: Bindings, binding_type: str) -> dict[str, Any]:
    matches = [
        binding
        for bindings in bindings_by_function.values()
        for binding in bindings
        if binding["type"] == binding_type
    ]
    assert len(matches) == 1, f"expected one {binding_type} binding, got {matches}"
    return matches[0]


def _direction(binding: dict[str, Any]) -> str:
    # azure-functions serializes the BindingDirection enum by name ("IN"/"OUT");
    # the Functions host reads direction case-insensitively.
    return str(binding["direction"]).lower()


def test_sample_defines_the_three_functions(bindings_by_function: Bindings) -> None:
    assert set(bindings_by_function) == {"CreateAssistant", "PostUserQuery", "GetChatState"}


def test_assistant_post_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "assistantPost")
    assert binding in bindings_by_function["PostUserQuery"]
    assert _direction(binding) == "in"
    assert binding["id"] == "{assistantId}"
    assert binding["userMessage"] == "{Query.message}"
    assert binding["chatModel"] == "%CHAT_MODEL_DEPLOYMENT_NAME%"
    assert binding["chatStorageConnectionSetting"] == "AzureWebJobsStorage"
    assert binding["collectionName"] == "ChatState"


def test_assistant_create_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "assistantCreate")
    assert binding in bindings_by_function["CreateAssistant"]
    assert _direction(binding) == "out"
    assert binding["name"] == "requests"


def test_assistant_query_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "assistantQuery")
    assert binding in bindings_by_function["GetChatState"]
    assert _direction(binding) == "in"
    assert binding["id"] == "{assistantId}"
    assert binding["timestampUtc"] == "{Query.timestampUTC}"
    assert binding["chatStorageConnectionSetting"] == "AzureWebJobsStorage"
    assert binding["collectionName"] == "ChatState"


def test_functions_share_the_assistant_route(bindings_by_function: Bindings) -> None:
    methods: dict[str, list[str]] = {}
    for name, bindings in bindings_by_function.items():
        (trigger,) = (binding for binding in bindings if binding["type"] == "httpTrigger")
        assert trigger["route"] == "assistants/{assistantId}"
        methods[name] = [method.upper() for method in trigger["methods"]]
    assert methods == {
        "CreateAssistant": ["PUT"],
        "PostUserQuery": ["POST"],
        "GetChatState": ["GET"],
    }
