"""Pieces several language profiles share: type maps, type synonyms and profile parameters.

Kept apart from :mod:`bindref.languages.profiles` so the profile table stays one screen of
rows; nothing here decides anything on its own: each piece is used by the rows that name it.
"""

from __future__ import annotations

from bindref.languages.profile import ExtraParameter

CSHARP_TYPES = {"str": "string", "bool": "bool", "int": "int", "float": "double"}
JAVA_TYPES = {"str": "String", "bool": "boolean", "int": "int", "float": "double"}
PYTHON_TYPES = {"str": "str", "bool": "bool", "int": "int", "float": "float"}
JSON_TYPES = {"str": "string", "bool": "boolean", "int": "number", "float": "number"}
# The same types as an SDK may spell them: .NET's names for C#'s keywords, typing's aliases.
CSHARP_SYNONYMS = {
    "String": "string",
    "Boolean": "bool",
    "Int32": "int",
    "Int64": "long",
    "Double": "double",
}
PYTHON_SYNONYMS = {"List": "list", "Dict": "dict", "Tuple": "tuple", "Set": "set", "NoneType": "None"}

RECEIVES = "The name of the function parameter that receives the binding value."
JAVA_NAME = ExtraParameter(
    name="name",
    type="String",
    required=True,
    default=None,
    description=RECEIVES,
    output_description="The binding's name: that of the `OutputBinding<T>` parameter whose `setValue(...)` "
    "sets the value (any name when the annotation is on the method, for its return value).",
    declared="{variable}",
)
PYTHON_ARG_NAME = ExtraParameter(
    name="arg_name",
    type="str",
    required=True,
    default=None,
    description=RECEIVES,
    output_description="The name of the `func.Out[T]` parameter whose `set(...)` sets the value.",
    declared="{variable}",
)
PYTHON_DATA_TYPE = ExtraParameter(
    name="data_type",
    type="DataType | str",
    required=False,
    default="None",
    description="How the Functions host converts the value before passing it to Python.",
    output_description="How the Functions host treats the value the function sets.",
    last=True,
)
GENERIC_TYPE = ExtraParameter(
    name="type",
    type="string",
    required=True,
    default=None,
    description="Must be `{type}`.",
    generic_only=True,
    declared="{type}",
    helper_description="Must be `{type}`: `{helper}` sets it. "
    "Pass it yourself with `{kind}.generic(...)` only.",
)
JSON_DIRECTION = ExtraParameter(
    name="direction",
    type="string",
    required=True,
    default=None,
    description="Must be `{direction}`.",
    declared="{flow}",
)
JSON_NAME = ExtraParameter(
    name="name",
    type="string",
    required=True,
    default=None,
    description="The name of the {kind} binding: the variable that holds its value in the code.",
    output_description="The name of the output binding: the name that `Push-OutputBinding -Name` sets.",
    declared="{variable}",
)
