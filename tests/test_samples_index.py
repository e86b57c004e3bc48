"""Every extension's Python sample app indexes with the real azure-functions package.

The worker imports ``function_app.py`` with its folder on ``sys.path`` and asks the app for
its functions; a decorator called with a wrong argument fails right there. This walks
whatever Python samples the repository has, so another extension only adds cases, and a
definition's Python names are checked against the same package by ``bindref check``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import uuid
from pathlib import Path

import pytest

from conftest import REPO_ROOT

APPS = sorted((REPO_ROOT / "samples").glob("*/python/function_app.py"))


@pytest.mark.parametrize("app", APPS, ids=lambda p: p.relative_to(REPO_ROOT / "samples").as_posix())
def test_python_sample_app_indexes(app: Path) -> None:
    folder = app.parent
    siblings = {path.stem for path in folder.glob("*.py") if path != app}
    name = f"_bindref_sample_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, app)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    shadowed = {sibling: sys.modules.pop(sibling) for sibling in siblings if sibling in sys.modules}
    sys.path.insert(0, str(folder))
    bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # keep samples/ clean
    try:
        spec.loader.exec_module(module)
        functions = module.app.get_functions()
        documents = [json.loads(function.get_function_json()) for function in functions]
    finally:
        sys.dont_write_bytecode = bytecode
        sys.path.remove(str(folder))
        for sibling in siblings:
            sys.modules.pop(sibling, None)
        sys.modules.update(shadowed)
    assert documents, f"{app} defines no function"
    for document in documents:
        assert all(binding["type"] and binding["name"] for binding in document["bindings"]), document
