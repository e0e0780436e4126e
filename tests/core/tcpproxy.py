"""A TCP proxy for outage tests: put it between the app and its database, stop it to cut the
database off (listening socket closed, live connections killed), start it again on the same
port to bring the database back. Threads and blocking sockets only.

    with TcpProxy("127.0.0.1", 5432) as proxy:
        url = url.set(port=proxy.port)
        ...
        proxy.stop()   # connections refused, open ones reset
        proxy.start()  # same port again
        proxy.freeze() # a hung network: connections open, nothing forwarded either way
        proxy.thaw()   # traffic flows again
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType

_CHUNK = 65536


class TcpProxy:
    def __init__(
        self,
        target_host: str,
        target_port: int,
        *,
        listen_host: str = "127.0.0.1",
        listen_port: int = 0,
        connect_timeout: float = 5.0,
    ) -> None:
        self.target = (target_host, target_port)
        self.listen_host = listen_host
        self._port = listen_port
        self.connect_timeout = connect_timeout
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._flowing = threading.Event()
        self._flowing.set()
        self._sockets: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self.connections_accepted = 0

    @property
    def port(self) -> int:
        """The listening port: chosen by the OS on the first start, then kept."""
        if self._port == 0:
            raise RuntimeError("start the proxy first: its port is chosen when it binds")
        return self._port

    @property
    def running(self) -> bool:
        return self._listener is not None

    @property
    def live_connections(self) -> int:
        with self._lock:
            return len(self._sockets) // 2

    def start(self) -> TcpProxy:
        if self._listener is not None:
            raise RuntimeError("the proxy is already running")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Rebind the same port at once after stop(), whatever is left in TIME_WAIT.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((self.listen_host, self._port))
            listener.listen(64)
        except OSError:
            listener.close()
            raise
        listener.settimeout(0.05)  # the accept loop checks for stop() this often
        self._port = listener.getsockname()[1]
        self._stopping.clear()
        self._listener = listener
        self._accept_thread = threading.Thread(
            target=self._accept_loop,
            args=(listener,),
            name=f"tcpproxy-accept-{self._port}",
            daemon=True,
        )
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        """Close the listening socket and reset every live connection, both ways."""
        listener, self._listener = self._listener, None
        if listener is None:
            return
        self._stopping.set()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=5)
            self._accept_thread = None
        listener.close()
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
            threads = list(self._threads)
        for sock in sockets:
            _kill(sock)
        for thread in threads:
            thread.join(timeout=5)

    def freeze(self) -> None:
        """Stop forwarding, both ways, without closing anything: what a hung network or a
        frozen server looks like from the client (bytes sent, no answer ever)."""
        self._flowing.clear()

    def thaw(self) -> None:
        self._flowing.set()

    def __enter__(self) -> TcpProxy:
        if not self.running:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = socket.create_connection(self.target, timeout=self.connect_timeout)
                upstream.settimeout(None)
            except OSError:
                _kill(client)
                continue
            with self._lock:
                if self._stopping.is_set():
                    _kill(client)
                    _kill(upstream)
                    return
                self.connections_accepted += 1
                self._sockets.update((client, upstream))
                for source, sink in ((client, upstream), (upstream, client)):
                    thread = threading.Thread(
                        target=self._pump, args=(source, sink), name="tcpproxy-pump", daemon=True
                    )
                    self._threads.add(thread)
                    thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(_CHUNK)
                if not data:
                    break
                while not self._flowing.wait(0.05):  # frozen: hold the bytes
                    if self._stopping.is_set():
                        return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended: end the other, so both pumps of the pair finish.
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)
                self._threads.discard(threading.current_thread())
            _kill(source)
            _kill(sink)


def _kill(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
