"""Preview: the server's requests meet the queue of stale pages.

A request for a page still queued (:mod:`bindref.hosts.mkdocs_pages`) builds that page
before MkDocs serves its file, so no page is served stale; a browser's live-reload
requests name the page it shows, which the queue then builds first.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from bindref.core.on_demand import OnDemandQueue
from bindref.hosts.mkdocs_pages import LastBuild, output_key

_POLL = re.compile(r"/livereload/[0-9]+/[0-9]+")  # as MkDocs tells a live-reload request
_RETRIES = 3


def serve_fresh(server: Any, queue: OnDemandQueue[LastBuild, Any]) -> None:
    """Put ``queue`` in front of the server's pages: a queued page is built before it is served.

    A request that passed the queue while the server's build loop had just begun waits in
    MkDocs for that build, which may queue its page: it is served again if so (MkDocs reads
    a page whole before it answers, and the first answer is thrown away).
    """
    serve = server.serve_request
    mount = getattr(server, "mount_path", "/")

    def output_of(path: str) -> str | None:
        if not (path + "/").startswith(mount):
            return None
        relative = path[len(mount) :] + ("index.html" if path.endswith("/") else "")
        return output_key(os.path.join(server.root, posixpath.normpath("/" + relative).lstrip("/")))

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if _POLL.fullmatch(path):
            shown = output_of(unquote(urlsplit(environ.get("HTTP_REFERER", "")).path))
            if shown:
                queue.opened(shown)
            return serve(environ, start_response)  # type: ignore[no-any-return]
        output = output_of(path)
        if not output:
            return serve(environ, start_response)  # type: ignore[no-any-return]
        answer: list[tuple[Any, ...]] = []
        for _ in range(_RETRIES):
            generation = queue.generation
            queue.ensure(output)
            result = serve(environ, lambda *args: answer.append(args))
            if queue.generation == generation or not queue.needs(output):
                break
            getattr(result, "close", lambda: None)()
        if answer:
            start_response(*answer[-1])
        return result  # type: ignore[no-any-return]

    server.set_app(app)
