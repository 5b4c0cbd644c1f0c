"""``karabakh-data serve``: Datasette with generated metadata, started on a free local port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from karabakh_data import metadata
from karabakh_data.curation.datasette_metadata import (
    DATABASE,
    QUERIES,
    datasette_metadata,
    facets,
    label_column,
)
from karabakh_data.schema import TABLES

pytest.importorskip("datasette")
SRC = Path(__file__).resolve().parents[1] / "src"


def test_metadata_describes_every_table_and_column() -> None:
    meta = datasette_metadata()
    database = meta["databases"][DATABASE]
    assert metadata.VERSION in meta["title"] and meta["license"] == "CC-BY-SA-4.0"
    for name, table in TABLES.items():
        entry = database["tables"][name]
        assert entry["description"] == table.description
        assert set(entry["columns"]) == set(table.field_names) and all(entry["columns"].values())
        assert entry["facets"] == facets(table)
    assert label_column(TABLES["places"]) == "name" and "kind" in facets(TABLES["events"])
    assert "claimant_id" in facets(TABLES["casualties"])
    assert len(database["queries"]) == sum(q.available() for q in QUERIES) >= 5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen([sys.executable, "-m", "karabakh_data", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stdout.read().decode())
                time.sleep(0.25)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
    time.sleep(1)
    with pytest.raises(OSError):  # Datasette stopped with us: nothing answers any more
        _get(f"{base}/-/versions.json")


def test_serve_pages_carry_titles_and_descriptions(server: str) -> None:
    index = _get(f"{server}/")
    assert f"karabakh-data {metadata.VERSION}" in index
    database = _get(f"{server}/{DATABASE}")
    assert "CC-BY-SA-4.0" in database and QUERIES[0].title.split("?")[0] in database
    events = _get(f"{server}/{DATABASE}/events")
    assert TABLES["events"].description in events
    assert TABLES["events"].field("evidence").description.split(":")[0] in events
    assert "datasette-cluster-map" in _get(f"{server}/-/plugins.json")
    row = json.loads(_get(f"{server}/{DATABASE}/places/shusha.json?_shape=objects"))
    assert row["rows"][0]["name"] == "Shusha"
    assert "Shusha" in _get(f"{server}/{DATABASE}/places/shusha")
    query = json.loads(_get(f"{server}/{DATABASE}/events_by_kind.json?_shape=array"))
    assert sum(r["events"] for r in query) == len(__import__("karabakh_data").load("events"))


def test_serve_refuses_a_busy_port() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "karabakh_data", "serve", "--port", str(port)],
                                env={**os.environ, "PYTHONPATH": str(SRC)}, capture_output=True, text=True,
                                timeout=60)
    assert result.returncode == 1 and "not free" in result.stderr and "Traceback" not in result.stderr
