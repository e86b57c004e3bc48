"""The project's only task runner: CI and the README call these sessions."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import nox
import nox.command

nox.options.sessions = ["tests", "lint", "types", "docs", "check"]
nox.options.reuse_existing_virtualenvs = True

# Material prints a multi-line end-of-life banner on every build; it is not about this project.
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}
# Downloads made once for the test setup (the SARIF schema); .nox/ is not committed.
CACHE = Path(__file__).parent / ".nox" / "_cache"


@nox.session
def tests(session: nox.Session) -> None:
    """Unit, golden-file and site-build tests (fetches the SARIF 2.1.0 schema from npm once)."""
    session.install("-e", ".[test]")
    session.run("python", "tests/fetch_sarif_schema.py", str(CACHE))
    schema = {"BINDREF_SARIF_SCHEMA": str(CACHE / "sarif-2.1.0.json"), "BINDREF_REQUIRE_SARIF_SCHEMA": "1"}
    session.run("pytest", "-m", "not browser", *session.posargs, env={**schema, **QUIET_MKDOCS})


@nox.session
def update_snapshots(session: nox.Session) -> None:
    """Rewrite every golden file from the current output; review the diff before committing.

    Every test marked golden (each test that uses the golden fixture) writes its file into an
    emptied tests/snapshots/, so a golden file that no test writes any more is gone. If the run
    fails, the previous golden files are put back.
    """
    session.install("-e", ".[test]")
    snapshots = Path(__file__).parent / "tests" / "snapshots"
    previous = CACHE / "snapshots-before-update"
    shutil.rmtree(previous, ignore_errors=True)
    if snapshots.exists():
        previous.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(snapshots, previous)
    try:
        session.run("pytest", "-m", "golden", *session.posargs, env={"BINDREF_UPDATE_SNAPSHOTS": "1"})
    except BaseException:
        shutil.rmtree(snapshots, ignore_errors=True)
        if previous.exists():
            shutil.move(previous, snapshots)
        raise
    shutil.rmtree(previous, ignore_errors=True)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint rules and formatting."""
    session.install("ruff>=0.8")
    session.run("ruff", "check", "tooling", "tests", "binding_defs", "noxfile.py")
    session.run("ruff", "format", "--check", "tooling", "tests", "binding_defs", "noxfile.py")


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict on the package and the definitions."""
    session.install("-e", ".[types]")
    session.run("mypy")
    session.run("mypy", "binding_defs")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site into site/ with mkdocs --strict (macros fail the build on any error)."""
    session.install("-e", ".")
    session.run("mkdocs", "build", "--strict", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def docs_zensical(session: nox.Session) -> None:
    """Build the site with Zensical 0.0.73 (--strict), from a copy of its inputs in .nox/_cache/zensical.

    Zensical has no site-dir option: it writes site/ (and its page cache, .cache/) next to
    mkdocs.yml, where `nox -s docs` writes MkDocs' site/, and does not empty site/ first, so one
    folder would mix both engines' files. The copy keeps each engine's output its own, and every
    build starts cold: CI never passes on a cached page.
    """
    session.install("-e", ".[zensical]")
    work = CACHE / "zensical"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(name, work / name)
    for name in ("docs", "samples", "binding_defs"):
        shutil.copytree(name, work / name)
    with session.chdir(work):
        session.run("zensical", "build", "--strict", *session.posargs)
    session.log(f"built into {work / 'site'}")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000: a save rebuilds only the pages it affects."""
    session.install("-e", ".")
    session.run("mkdocs", "serve", "--dirty", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: language tabs, copy buttons, tables, console errors.

    Playwright drives Debian's `chromium` (apt-get install chromium); no browser is downloaded.
    """
    session.install("-e", ".[browser]")
    browser_env = {"BINDREF_REQUIRE_BROWSER": "1", **QUIET_MKDOCS}
    session.run("pytest", "tests/browser", "-m", "browser", *session.posargs, env=browser_env)


@nox.session
def samples(session: nox.Session) -> None:
    """Every extension's samples against the real libraries: TypeScript and JavaScript type-check with
    tsc against @azure/functions, Java compiles with Maven.

    Each sample is copied under .nox/ so samples/ never gets node_modules, a lock file or target/.
    """
    npm = ("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
    projects = sorted(p.parent for p in Path("samples").glob("*/*/package.json"))
    for project in projects:  # samples/<extension>/<language>: every extension's Node.js apps
        language = project.name
        work = CACHE / "samples" / project.parent.name / language
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(project, work, ignore=shutil.ignore_patterns("node_modules"))
        with session.chdir(work):
            session.run(*npm, external=True)
            if language == "typescript":
                session.run("npx", "tsc", "--noEmit", "-p", ".", external=True)
            else:
                session.run(*npm, "--no-save", "typescript@5", "@types/node@20", external=True)
                checks = ("--allowJs", "--checkJs", "--noEmit", "--strict", "--target", "es2022")
                files = sorted(str(p) for p in Path("src").rglob("*.js"))
                session.run("npx", "tsc", *checks, "--module", "nodenext", *files, external=True)
    _compile_java_samples(session)
    generated_declarations(session)


def generated_declarations(session: nox.Session) -> None:
    """Every generated Node.js and Java declaration compiles: tsc against @azure/functions, javac
    against the libraries each extension names by Maven coordinates (java_maven).

    tests/declaration_projects.py writes the projects from the definitions; an extension without
    Java libraries is printed as not verified, never skipped in silence.
    """
    session.install("-e", ".")
    settings = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["bindref"]
    for extension in settings.get("extensions", {}).values():
        for coordinate in extension.get("java_maven", []):
            session.run("mvn", "-q", "dependency:get", f"-Dartifact={coordinate}", external=True)
    work = CACHE / "declarations"
    shutil.rmtree(work, ignore_errors=True)
    session.run("python", "tests/declaration_projects.py", str(work))
    npm = ("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--no-save")
    packages = ("@azure/functions@4", "typescript@5", "@types/node@20")
    with session.chdir(work / "ts"):
        session.run(*npm, *packages, external=True)
        session.run("npx", "tsc", "-p", ".", external=True)
    with session.chdir(work / "js"):
        session.run(*npm, *packages, external=True)
        checks = (
            "--allowJs",
            "--checkJs",
            "--noEmit",
            "--strict",
            "--target",
            "es2022",
            "--module",
            "nodenext",
        )
        files = sorted(str(p) for p in Path("src").glob("*.js"))
        session.run("npx", "tsc", *checks, *files, external=True)
    manifest = json.loads((work / "java.json").read_text(encoding="utf-8"))
    for extension, build in manifest["compile"].items():
        classes = work / "java" / extension / "classes"
        classpath = ":".join(build["classpath"])
        session.run("javac", "-d", str(classes), "-cp", classpath, build["source"], external=True)
    for extension, reason in manifest["not_verified"].items():
        session.warn(f"Java declarations of extension '{extension}' NOT compiled: {reason}")


# A Java sample whose libraries this machine's Maven Central does not serve, with the reason;
# it is still tried, and compiles as soon as its dependencies resolve (then drop it from here).
JAVA_UNRESOLVABLE = {
    "openai": "com.microsoft.azure.functions:azure-functions-java-library-openai is not served"
    " by the Maven Central that this machine and CI reach (404 for every version)",
}


def _compile_java_samples(session: nox.Session) -> None:
    """Every extension's Java sample compiles with Maven against the libraries its pom.xml names.

    Each project is copied under .nox/ so samples/ never gets target/. A project listed in
    JAVA_UNRESOLVABLE whose dependencies do not resolve prints why it was not compiled.
    """
    maven = ("mvn", "-q", "-B", "-Dstyle.color=never")
    for project in sorted(p.parent for p in Path("samples").glob("*/java/pom.xml")):
        extension = project.parent.name
        work = CACHE / "samples" / extension / "java"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(project, work, ignore=shutil.ignore_patterns("target"))
        with session.chdir(work):
            reason = JAVA_UNRESOLVABLE.get(extension)
            if reason:
                try:
                    session.run(*maven, "dependency:resolve", external=True, silent=True)
                except nox.command.CommandFailed:
                    session.warn(f"samples/{extension}/java: not compiled: {reason}")
                    continue
            session.run(*maven, "compile", external=True)
            session.log(f"samples/{extension}/java: compiled with Maven")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks on synthetic repositories; writes bench/results.json and bench/results.md."""
    session.install("-e", ".[sdk]")
    session.run("python", "tooling/bench/run.py", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def check(session: nox.Session) -> None:
    """bindref check: definitions, pages, samples and the SDKs, all problems in one pass.

    The Java libraries that extensions name by Maven coordinates (java_maven) are installed
    first, with their sources jars, into the local Maven repository that bindref reads.
    """
    session.install("-e", ".[sdk]")
    settings = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["bindref"]
    for extension in settings.get("extensions", {}).values():
        for coordinate in extension.get("java_maven", []):
            session.run("mvn", "-q", "dependency:get", f"-Dartifact={coordinate}:jar:sources", external=True)
    session.run("bindref", "check", *session.posargs)
