"""Are a published package's files the ones its descriptor declares (present, same sha256)?"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def integrity_differences(published: Path) -> list[str]:
    """Published files that are missing or whose sha256 differs from what the descriptor declares.

    ``published`` is the package folder (holding datapackage.json) or the descriptor file itself.
    """
    problems = []
    path = published if published.is_file() else published / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    published = path.parent
    for resource in descriptor["resources"]:
        path = published / resource["path"]
        if not path.exists():
            problems.append(f"{resource['path']}: missing")
            continue
        data = path.read_bytes()
        if f"sha256:{hashlib.sha256(data).hexdigest()}" != resource.get("hash"):
            problems.append(f"{resource['path']}: sha256 differs from the hash in datapackage.json")
    return problems
