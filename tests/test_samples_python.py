"""The Python OpenAI sample app indexes with the real azure-functions package.

The docs pull code by region from ``samples/openai/python/function_app.py`` and from the
blueprint modules beside it, which ``function_app.py`` imports and registers. This checks
that the bindings they declare are the ones the reference pages describe.
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
SAMPLE_DIR = REPO / "samples" / "openai" / "python"
SAMPLE = SAMPLE_DIR / "function_app.py"
# The blueprint modules that function_app.py imports as top-level modules, as the worker
# does with the script root on sys.path.
SIBLINGS = frozenset(path.stem for path in SAMPLE_DIR.glob("*.py") if path != SAMPLE)

CHAT_MODEL = "%CHAT_MODEL_DEPLOYMENT_NAME%"
EMBEDDINGS_MODEL = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%"
SEARCH_CONNECTION = "AISearchEndpoint"
SEARCH_COLLECTION = "openai-index"
ASSISTANT_FUNCTIONS = {"CreateAssistant", "PostUserQuery", "GetChatState"}

Bindings = dict[str, list[dict[str, Any]]]  # function name -> its function.json bindings


@pytest.fixture(scope="module")
def bindings_by_function() -> Bindings:
    """Import the sample by path and index it once, as the Python worker does.

    ``FunctionApp.get_functions()`` rebuilds every function on each call and then
    rejects the duplicates, so it must be called only once per imported app.

    The sample folder is on ``sys.path`` only while the sample is imported, so that its
    ``import text_completion`` and the like find the blueprints beside it. Afterwards the
    blueprint modules leave ``sys.modules`` again, and any module of the same name that
    was imported before (a package called ``embeddings``, say) is put back.
    """
    module_name = f"_bindref_sample_openai_python_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(module_name, SAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    shadowed = {name: sys.modules.pop(name) for name in SIBLINGS if name in sys.modules}
    sys.modules[module_name] = module
    sample_dir = str(SAMPLE_DIR)
    sys.path.insert(0, sample_dir)
    # Keep samples/ clean: no __pycache__ next to the sample the docs read.
    dont_write_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        spec.loader.exec_module(module)
        functions = module.app.get_functions()
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
        sys.path.remove(sample_dir)
        sys.modules.pop(module_name, None)
        for name in SIBLINGS:
            sys.modules.pop(name, None)
        sys.modules.update(shadowed)
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


def test_sample_defines_every_function(bindings_by_function: Bindings) -> None:
    assert set(bindings_by_function) == ASSISTANT_FUNCTIONS | {
        "WhoIs",
        "AddTodo",
        "GenerateEmbeddings",
        "IngestFile",
        "PromptFile",
    }


def test_import_leaves_no_trace(bindings_by_function: Bindings) -> None:
    assert {"assistant_skills", "embeddings", "file_prompt", "text_completion"} == SIBLINGS
    assert str(SAMPLE_DIR) not in sys.path
    for name in SIBLINGS:
        module = sys.modules.get(name)
        assert module is None or SAMPLE_DIR not in Path(getattr(module, "__file__", "") or "").parents


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
    for name in ASSISTANT_FUNCTIONS:
        (trigger,) = _http_triggers(bindings_by_function[name])
        assert trigger["route"] == "assistants/{assistantId}"
        methods[name] = [method.upper() for method in trigger["methods"]]
    assert methods == {
        "CreateAssistant": ["PUT"],
        "PostUserQuery": ["POST"],
        "GetChatState": ["GET"],
    }


def _http_triggers(bindings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [binding for binding in bindings if binding["type"] == "httpTrigger"]


@pytest.mark.parametrize(
    ("function", "route", "method"),
    [
        ("WhoIs", "whois/{name}", "GET"),
        ("GenerateEmbeddings", "embeddings", "POST"),
        ("IngestFile", "ingest", "POST"),
        ("PromptFile", "prompt", "POST"),
    ],
)
def test_http_functions_routes(
    bindings_by_function: Bindings, function: str, route: str, method: str
) -> None:
    (trigger,) = _http_triggers(bindings_by_function[function])
    assert trigger["route"] == route
    assert [m.upper() for m in trigger["methods"]] == [method]


def test_text_completion_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "textCompletion")
    assert binding in bindings_by_function["WhoIs"]
    assert _direction(binding) == "in"
    assert binding["prompt"] == "Who is {name}?"
    assert binding["chatModel"] == CHAT_MODEL


def test_assistant_skill_trigger(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "assistantSkillTrigger")
    # The skill is triggered by the assistant alone: no HTTP trigger or response.
    assert bindings_by_function["AddTodo"] == [binding]
    # function.json writes a trigger's direction as "in".
    assert _direction(binding) == "in"
    assert binding["functionDescription"] == "Create a new todo task"
    # The model fills in the argument named after the binding.
    assert binding["name"] == "task_description"


def test_embeddings_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "embeddings")
    assert binding in bindings_by_function["GenerateEmbeddings"]
    assert _direction(binding) == "in"
    assert binding["input"] == "{rawText}"
    assert binding["inputType"] == "rawText"
    assert binding["embeddingsModel"] == EMBEDDINGS_MODEL


def test_embeddings_store_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "embeddingsStore")
    assert binding in bindings_by_function["IngestFile"]
    assert _direction(binding) == "out"
    assert binding["input"] == "{url}"
    assert binding["inputType"] == "url"
    assert binding["storeConnectionName"] == SEARCH_CONNECTION
    assert binding["collection"] == SEARCH_COLLECTION
    assert binding["embeddingsModel"] == EMBEDDINGS_MODEL


def test_semantic_search_binding(bindings_by_function: Bindings) -> None:
    binding = _binding(bindings_by_function, "semanticSearch")
    assert binding in bindings_by_function["PromptFile"]
    assert _direction(binding) == "in"
    assert binding["searchConnectionName"] == SEARCH_CONNECTION
    assert binding["collection"] == SEARCH_COLLECTION
    assert binding["query"] == "{prompt}"
    assert binding["chatModel"] == CHAT_MODEL
    assert binding["embeddingsModel"] == EMBEDDINGS_MODEL
