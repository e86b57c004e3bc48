"""Write every generated Node.js and Java declaration into projects that ``nox -s samples`` compiles.

Usage: ``python tests/declaration_projects.py <folder>``. The cases are the repository's
definitions, discovered: each binding's TypeScript and JavaScript declarations become one
module each (type-checked with tsc against @azure/functions), and each Java annotation a
parameter of a method in one class per extension (compiled with javac against the libraries the
extension names by Maven coordinates, ``java_maven``, which must be in the local Maven
repository). An extension without Java libraries cannot be compiled: it is listed in
``java.json`` as not verified, with the reason, and the session prints it.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path, PurePosixPath

from bindref.check.declarations import code_of, declarations
from bindref.core.config import load_settings
from bindref.languages import PROFILES, pascal_case, snake_case
from bindref.render.declaration import declaration_for
from bindref.render.project import Project
from bindref.sdk.maven import local_repository

REPO_ROOT = Path(__file__).resolve().parent.parent
NODE_SUFFIXES = (".ts", ".js")
JAVA_SUFFIX = ".java"
TSCONFIG = {
    "compilerOptions": {"module": "commonjs", "target": "es2022", "strict": True, "noEmit": True},
    "include": ["src/**/*.ts"],
}
PACKAGE = {"name": "declarations", "version": "1.0.0", "private": True}


def main(out: Path) -> int:
    project = Project(load_settings(REPO_ROOT))
    java: dict[str, list[str]] = {}
    for binding, language, markdown in declarations(project):
        suffix = PurePosixPath(PROFILES[language].sample_file).suffix
        name = f"{binding.extension}_{snake_case(binding.key.split('/', 1)[1])}"
        if suffix in NODE_SUFFIXES:
            variable = declaration_for(binding, language).variable
            module = [
                "import { app, input, output, trigger } from '@azure/functions';",
                f"const {variable}Handler = async () => {{}};",
                code_of(markdown),
                "export {};",
            ]
            write(out / suffix[1:] / "src" / f"{name}{suffix}", "\n".join(module))
        elif suffix == JAVA_SUFFIX:
            method = f"    public void {name}({code_of(markdown).strip()} String value) {{}}"
            java.setdefault(binding.extension, []).append(method)
    for folder in (out / "ts", out / "js"):
        write(folder / "package.json", json.dumps(PACKAGE, indent=2))
    write(out / "ts" / "tsconfig.json", json.dumps(TSCONFIG, indent=2))
    manifest: dict[str, object] = {"compile": {}, "not_verified": {}}
    for extension, methods in sorted(java.items()):
        coordinates = project.settings.extension(extension).java_maven
        if not coordinates:
            reason = f"extension '{extension}' names no Java library by Maven coordinates (java_maven)"
            manifest["not_verified"][extension] = reason  # type: ignore[index]
            continue
        jars = [str(jar_of(coordinate)) for coordinate in coordinates]
        imports = sorted({f"import {package}.*;" for jar in jars for package in packages(Path(jar))})
        source = [*imports, f"class Declared{pascal_case(extension)} {{", *methods, "}"]
        path = out / "java" / extension / f"Declared{pascal_case(extension)}.java"
        write(path, "\n".join(source))
        manifest["compile"][extension] = {"source": str(path), "classpath": jars}  # type: ignore[index]
    write(out / "java.json", json.dumps(manifest, indent=2))
    return 0


def jar_of(coordinate: str) -> Path:
    group, artifact, version = coordinate.split(":")
    return local_repository().joinpath(*group.split("."), artifact, version, f"{artifact}-{version}.jar")


def packages(jar: Path) -> set[str]:
    """The packages with classes in ``jar``: the declarations import them all."""
    with zipfile.ZipFile(jar) as archive:
        names = [n for n in archive.namelist() if n.endswith(".class") and "/" in n]
    return {str(PurePosixPath(n).parent).replace("/", ".") for n in names if "$" not in n}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
