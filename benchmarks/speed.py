"""The targets of issue 13, measured side by side in fresh processes (medians), run by hand:

- ``kd.load`` against a bare ``pandas.read_parquet`` of the same file, with the imports (a user's first
  call) and after them (every call after the first import): target <= 1.10x;
- ``karabakh-data build`` against ``frictionless validate`` of the package it publishes: target <= 0.2x;
- the build of the events copied 50 times: target < 15 s; of a 50,000-record curated file: < 45 s
  and < 1 GB peak resident memory.

Run: ``PYTHONPATH=src python benchmarks/speed.py [--root CHECKOUT] [--runs N] [--skip-scale]``.
The root must hold a valid curated tree (``karabakh-data build`` passes); it is copied, never changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

PYTHON = sys.executable
BIN = Path(sys.executable).parent
LOADER = yaml.CSafeLoader
DUMPER = yaml.CSafeDumper


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _python(code: str) -> float:
    """Seconds a fresh interpreter reports for the timed part of ``code`` (it prints them)."""
    out = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def _command(args: list[str]) -> float:
    return _timed(lambda: subprocess.run(args, check=True, capture_output=True))


def _medians(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):  # interleaved, so drifts in machine load hit every case alike
        for name, case in cases.items():
            times[name].append(case())
    return {name: statistics.median(values) for name, values in times.items()}


def _report(result: dict[str, float], base: str, target: float | None = None) -> None:
    for name, value in result.items():
        ratio = value / result[base]
        mark = "" if name == base or target is None else f"  (target <= {target:.2f}x)"
        print(f"  {name:44} {value * 1000:9.1f} ms  {ratio:5.2f}x{mark}")


LOAD_IMPORTED = """
import time, pandas as pd, karabakh_data as kd
paths = [kd.path(t) for t in kd.tables()]
start = time.perf_counter()
{body}
print(time.perf_counter() - start)
"""
LOAD_COLD = """
import time
start = time.perf_counter()
{imports}
{body}
print(time.perf_counter() - start)
"""
PANDAS = "[pd.read_parquet(p) for p in paths]"
KD = "[kd.load(t) for t in kd.tables()]"


def _paths() -> str:
    """The published files as a literal, so the baseline imports nothing but pandas."""
    from karabakh_data.loader import package_dir

    return f"paths = {[str(p) for p in sorted(package_dir().glob('*.parquet'))]!r}\n"


def bench_load(runs: int) -> None:
    print("kd.load of every table vs pandas.read_parquet of the same files:")
    print(" after the imports (each call after `import karabakh_data`):")
    _report(_medians({
        "pandas.read_parquet": lambda: _python(LOAD_IMPORTED.format(body=PANDAS)),
        "kd.load": lambda: _python(LOAD_IMPORTED.format(body=KD)),
    }, runs), "pandas.read_parquet", 1.10)
    print(" with the imports (a fresh session's first calls):")
    _report(_medians({
        "import pandas; pandas.read_parquet": lambda: _python(
            _paths() + LOAD_COLD.format(imports="import pandas as pd", body=PANDAS)),
        "import karabakh_data; kd.load": lambda: _python(
            LOAD_COLD.format(imports="import karabakh_data as kd", body=KD)),
    }, runs), "import pandas; pandas.read_parquet", 1.10)


def _copy(root: Path, into: Path) -> Path:
    project = into / "project"
    shutil.copytree(root / "datasets", project / "datasets", ignore=shutil.ignore_patterns("published"))
    for name in ("README.md", "CITATION.cff", "docs", "schemas"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copyfile(source, project / name)
    return project


def _build(project: Path) -> list[str]:
    return [str(BIN / "karabakh-data"), "build", "--root", str(project)]


def bench_build(root: Path, runs: int, scratch: Path) -> None:
    project = _copy(root, scratch)
    subprocess.run(_build(project), check=True, capture_output=True)
    descriptor = project / "datasets" / "published" / "datapackage.json"
    print("karabakh-data build vs frictionless validate of the package it publishes:")
    _report(_medians({
        "frictionless validate": lambda: _command([str(BIN / "frictionless"), "validate", str(descriptor)]),
        "karabakh-data build": lambda: _command(_build(project)),
    }, runs), "frictionless validate", 0.20)


def _events(datasets: Path) -> list[dict]:
    events: list[dict] = []
    for path in sorted((datasets / "events").glob("*.yaml")):
        events += yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or []
    return events


def _copies(events: list[dict], count: int) -> list[dict]:
    """``count`` records cycling through ``events`` with fresh ids (copy 0 keeps the original ids)."""
    out = []
    for n in range(count):
        event = dict(events[n % len(events)])
        copy = n // len(events)
        if copy:
            event["id"] = f"{event['id']}-copy-{copy}"
        out.append(event)
    return out


def _peak(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of ``args`` in a child process."""
    code = ("import resource, subprocess, sys, time\nstart = time.perf_counter()\n"
            f"subprocess.run({args!r}, check=True, capture_output=True)\n"
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def bench_scale(root: Path, scratch: Path) -> None:
    print("scale (one run each; peak resident memory of the build process):")
    events = _events(root / "datasets")
    for label, count, one_file, seconds in (
            (f"events x50 ({len(events) * 50} events)", len(events) * 50, False, 15),
            ("a 50,000-record curated file", 50_000, True, 45)):
        project = _copy(root, scratch / label.split()[1])
        folder = project / "datasets" / "events"
        copies = _copies(events, count)
        if one_file:
            for path in folder.glob("*.yaml"):
                path.unlink()
            (folder / "all.yaml").write_text(yaml.dump(copies, Dumper=DUMPER, sort_keys=False,
                                                       allow_unicode=True), encoding="utf-8")
        else:
            (folder / "copies.yaml").write_text(yaml.dump(copies[len(events):], Dumper=DUMPER,
                                                          sort_keys=False, allow_unicode=True),
                                                encoding="utf-8")
        wall, mb = _peak(_build(project))
        print(f"  {label:44} {wall:7.1f} s (target < {seconds} s)  {mb:7.0f} MB (target < 1024 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} fresh processes per case")
    bench_load(args.runs * 3)  # cheap and noisy: more processes
    with tempfile.TemporaryDirectory() as scratch:
        bench_build(args.root.resolve(), args.runs, Path(scratch))
        if not args.skip_scale:
            bench_scale(args.root.resolve(), Path(scratch))


if __name__ == "__main__":
    main()
