"""``karabakh-data serve``: the dataset in Datasette on 127.0.0.1, with generated metadata and a map."""

from __future__ import annotations

import importlib.util
import json
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from karabakh_data.curation.datasette_metadata import DATABASE, datasette_metadata
from karabakh_data.export import export_sqlite

HOST = "127.0.0.1"


class ServeError(RuntimeError):
    """Datasette cannot be started; the message says what to do."""


def prepare(folder: Path) -> tuple[Path, Path]:
    """Write the SQLite database and its Datasette metadata into ``folder``; return both paths."""
    database = folder / f"{DATABASE}.sqlite"
    export_sqlite(database)
    meta = folder / "metadata.json"
    meta.write_text(json.dumps(datasette_metadata(), indent=2, ensure_ascii=False), encoding="utf-8")
    return database, meta


def command(database: Path, meta: Path, port: int) -> list[str]:
    """The Datasette command line (read-only, immutable database, this computer only)."""
    return [sys.executable, "-m", "datasette", "serve", "--immutable", str(database), "--metadata", str(meta),
            "--host", HOST, "--port", str(port), "--setting", "default_page_size", "50"]


def _check_port(port: int) -> None:
    if not 1 <= port <= 65535:
        raise ServeError(f"port {port} is out of range; pass --port between 1024 and 65535")
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise ServeError(f"port {port} on {HOST} is not free ({exc.strerror}); pass another "
                             "--port") from exc


def serve(port: int = 8001, open_browser: bool = False) -> int:
    """Run Datasette until interrupted; returns its exit status."""
    if importlib.util.find_spec("datasette") is None:
        raise ServeError("serve needs Datasette: pip install 'karabakh-data[serve]'")
    _check_port(port)
    with tempfile.TemporaryDirectory(prefix="karabakh-data-serve-") as folder:
        database, meta = prepare(Path(folder))
        args = command(database, meta, port) + (["--open"] if open_browser else [])
        print(f"Serving karabakh-data at http://{HOST}:{port}/ (Ctrl-C to stop)", flush=True)
        server = subprocess.Popen(args)
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            return server.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # stop Datasette too when we are asked to stop
