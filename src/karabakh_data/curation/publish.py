"""Publishing a staged package folder with no moment at which ``published/`` is missing or partial.

``published/`` stays a plain folder (so git, the sdist and the wheel see ordinary files); it is replaced
by exchanging it with the staging folder in one ``renameat2(RENAME_EXCHANGE)`` call on Linux. Where that
call is unavailable the old two-rename swap is used, and its one gap (``published.old`` present,
``published`` absent) is repaired by :func:`recover` at the start of the next build and bridged by the
loader, which falls back to ``published.old``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

STAGING_PREFIX = ".published-"
STEPS = ("staged", "written", "swapped", "cleaned")
FALLBACK_STEPS = ("moved_aside",)

#: Called with the name of each step of publishing as it completes (tests use it to crash there).
hook: Callable[[str], None] | None = None

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _step(name: str) -> None:
    if hook is not None:
        hook(name)


def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap the two paths; False when the system or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported here
        return False
    raise OSError(errno, os.strerror(errno), str(a))


def can_exchange(folder: Path) -> bool:
    """Whether :func:`exchange` works in ``folder`` (probed with two empty folders)."""
    with tempfile.TemporaryDirectory(prefix=STAGING_PREFIX, dir=folder) as probe:
        (Path(probe) / "a").mkdir()
        (Path(probe) / "b").mkdir()
        return exchange(Path(probe) / "a", Path(probe) / "b")


def old_path(target: Path) -> Path:
    """Where the two-rename fallback keeps the previous package for a moment."""
    return target.with_name(target.name + ".old")


def recover(target: Path) -> None:
    """Repair what an interrupted publish left: a lone ``published.old``, stale staging folders."""
    old = old_path(target)
    if old.is_dir() and not target.exists():
        os.replace(old, target)
    if old.exists():
        shutil.rmtree(old)
    for stale in target.parent.glob(STAGING_PREFIX + "*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)


def _swap_in(staging: Path, target: Path, use_exchange: bool = True) -> None:
    if not target.exists():
        os.replace(staging, target)  # nothing to replace, so no gap
    elif use_exchange and exchange(staging, target):
        pass  # staging now holds the previous package
    else:
        old = old_path(target)
        os.replace(target, old)
        _step("moved_aside")
        os.replace(staging, target)
        shutil.rmtree(old)
    _step("swapped")


def publish(target: Path, write: Callable[[Path], None], use_exchange: bool = True) -> None:
    """Write a package with ``write(folder)`` into a staging folder, then swap it in for ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    try:
        staging.chmod(0o755)
        _step("staged")
        write(staging)
        _step("written")
        _swap_in(staging, target, use_exchange)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    _step("cleaned")
