"""Cost of kd.load's integrity check: fresh processes, median time to load every table once.

Compares kd.load (sha256 + value checks on first load) with kd.load without the checks and with bare
pandas.read_parquet of the same files. Run: PYTHONPATH=src python benchmarks/load_integrity.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

SETUP = "import time, pandas as pd, karabakh_data as kd\nfrom karabakh_data import loader\n"
CASES = {
    "pandas.read_parquet": "paths = [kd.path(t) for t in kd.tables()]\nstart = time.perf_counter()\n"
                           "[pd.read_parquet(p) for p in paths]\n",
    "kd.load (checked)": "start = time.perf_counter()\n[kd.load(t) for t in kd.tables()]\n",
    "kd.load (unchecked)": "import pyarrow.parquet as pq\nloader._read_verified = pq.read_table\n"
                           "start = time.perf_counter()\n[kd.load(t) for t in kd.tables()]\n",
}


def _time(body: str) -> float:
    code = SETUP + body + "print(time.perf_counter() - start)\n"
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                text=True).stdout)


def main(runs: int = 15) -> None:
    medians = {}
    for _ in range(runs):  # interleave the cases so drifts in machine load hit them alike
        for name, body in CASES.items():
            medians.setdefault(name, []).append(_time(body))
    result = {name: statistics.median(times) for name, times in medians.items()}
    base = result["pandas.read_parquet"]
    for name, value in result.items():
        print(f"{name:22} {value * 1000:8.1f} ms  {value / base:5.2f}x read_parquet")
    ratio = result["kd.load (checked)"] / result["kd.load (unchecked)"]
    print(f"integrity check costs {ratio:.3f}x an unchecked kd.load ({runs} fresh processes each)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
