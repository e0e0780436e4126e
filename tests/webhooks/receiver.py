"""A webhook receiver on loopback for the delivery tests: records every request it reads,
and answers as told (accept, fail, or read the message and drop the connection unanswered,
as a receiver that crashes after processing would)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCEPT, FAIL, DROP = "accept", "fail", "drop"


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answer: str


@dataclass
class Receiver:
    url: str
    decide: Callable[[dict[str, str], bytes], str]
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ids(self, answer: str | None = None) -> list[str]:
        with self.lock:
            return [r.headers["webhook-id"] for r in self.requests if answer in (None, r.answer)]


def flaky(fail: float, drop: float, seed: int = 7) -> Callable[[dict[str, str], bytes], str]:
    """Fails a share of requests with a 500 and drops another share unanswered."""
    rng = random.Random(seed)
    lock = threading.Lock()

    def decide(_headers: dict[str, str], _body: bytes) -> str:
        with lock:
            roll = rng.random()
        return FAIL if roll < fail else DROP if roll < fail + drop else ACCEPT

    return decide


@contextmanager
def receiving(decide: Callable[[dict[str, str], bytes], str]) -> Iterator[Receiver]:
    receiver = Receiver(url="", decide=decide)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            headers = {k.lower(): v for k, v in self.headers.items()}
            answer = receiver.decide(headers, body)
            with receiver.lock:
                receiver.requests.append(Received(headers, body, answer))
            if answer == DROP:
                self.close_connection = True
                self.connection.shutdown(2)  # read, processed, never answered
                return
            self.send_response(204 if answer == ACCEPT else 500)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def always(answer: str) -> Callable[[dict[str, str], bytes], str]:
    return lambda _headers, _body: answer
