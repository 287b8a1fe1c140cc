"""A webhook receiver on loopback for the tests: a real HTTP server in a thread, which
records what it is sent and can answer 500 a given number of times first."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Receiver:
    def __init__(self) -> None:
        self.received: list[dict] = []  # each: headers, body (bytes), status answered
        self.failures_left = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  # http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    status = 500 if receiver.failures_left > 0 else 200
                    receiver.failures_left -= status == 500
                    receiver.received.append({"headers": dict(self.headers), "body": body, "status": status,
                                              "path": self.path})  # fmt: skip
                answer = b'{"ok": false}' if status == 500 else b"thanks " + b"x" * 5000
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/negotrack?from=tests"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def accepted(self) -> list[dict]:
        """The events answered 200, in the order they arrived, each parsed."""
        return [json.loads(each["body"]) for each in self.received if each["status"] == 200]


def readme_check() -> Callable[..., bool]:
    """`is_from_negotrack`, the receiving side's check, run from the README's own text."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = text.split("The receiving side:\n\n```python\n", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102  # our own README
    return namespace["is_from_negotrack"]


def signature_is_valid(secret: str, request: dict) -> bool:
    """The README's check passes (and fails for another body or key), and a signature
    made here agrees with it."""
    timestamp = request["headers"]["X-Negotrack-Timestamp"]
    signed = f"{timestamp}.".encode() + request["body"]
    expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    documented = readme_check()
    headers, body = request["headers"], request["body"]
    return (
        hmac.compare_digest(expected, headers["X-Negotrack-Signature"])
        and documented(secret, headers, body)
        and not documented(secret, headers, body + b" ")
        and not documented(secret + "x", headers, body)
    )
