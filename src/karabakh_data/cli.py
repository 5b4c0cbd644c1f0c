"""The ``karabakh-data`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from karabakh_data import metadata


def _project(root: str | None):
    from karabakh_data.build import Project

    path = Path(root) if root else Path.cwd()
    if not (path / "datasets").is_dir():
        sys.exit(f"error: {path} has no datasets/ folder; run from a checkout or pass --root")
    return Project(path.resolve())


def _build(args: argparse.Namespace) -> int:
    from karabakh_data.build import build
    from karabakh_data.check import differences
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
    from karabakh_data.curated import read_curated
    from karabakh_data.errors import ValidationFailed
    from karabakh_data.package_validation import package_problems
    from karabakh_data.validate import validate_rows

    if args.path:
        target = Path(args.path)
        problems = package_problems(target)
        what = f"data package {target}"
    else:
        project = _project(args.root)
        problems = validate_rows(read_curated(project.datasets))
        what = f"curated records in {project.datasets}"
    if problems:
        print(ValidationFailed(problems).report(), file=sys.stderr)
        return 1
    print(f"The {what} are valid." if not args.path else f"The {what} is valid.")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from karabakh_data.audit import Audit, load_seeds
    from karabakh_data.curated import read_curated

    project = _project(args.root)
    seeds_dir = Path(args.seeds) if args.seeds else project.root.parent / "shared" / "seeds"
    if not seeds_dir.is_dir():
        sys.exit(f"error: no seed folder at {seeds_dir}; pass --seeds")
    findings = Audit(read_curated(project.datasets), load_seeds(seeds_dir)).findings()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s).", file=sys.stderr)
    return 1 if findings else 0


def _examples(args: argparse.Namespace) -> int:
    from karabakh_data.examples import queries_markdown

    project = _project(args.root)
    target = project.root / "docs" / "queries.md"
    target.write_text(queries_markdown(project.published), encoding="utf-8")
    print(f"Wrote {target}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from karabakh_data.diff import diff_packages, render
    from karabakh_data.loader import package_dir

    def where(value: str) -> Path:
        return package_dir() if value == "installed" else Path(value)

    old_version, new_version, diffs = diff_packages(where(args.old), where(args.new))
    print(render(old_version, new_version, diffs, details=args.details))
    return 0


def _export(args: argparse.Namespace) -> int:
    from karabakh_data.export import export

    default = {"csv": "export/csv", "sqlite": "export/karabakh-data.sqlite", "geojson": "export/geojson",
               "xlsx": "export/karabakh-data.xlsx"}[args.format]
    try:
        written = export(args.format, Path(args.output or default))
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(str(p) for p in written))
    return 0


def _figures(args: argparse.Namespace) -> int:
    from karabakh_data.figures import write_figures

    project = _project(args.root)
    for path in write_figures(project.root / "docs" / "figures"):
        print(path)
    return 0


def _info(args: argparse.Namespace) -> int:
    import karabakh_data as kd
    from karabakh_data.generated import published_row_counts

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
    from karabakh_data.yaml_format import curated_files, format_files, unformatted

    project = _project(args.root)
    files = curated_files(project.datasets)
    try:
        changed = unformatted(files) if args.check else format_files(files)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in changed:
        print(path.relative_to(project.root))
    if args.check and changed:
        print(f"{len(changed)} curated file(s) are not in the house style: run `karabakh-data format`.",
              file=sys.stderr)
        return 1
    done = "to reformat" if args.check else "reformatted"
    print(f"{len(files)} curated file(s) checked; {len(changed)} {done}.", file=sys.stderr)
    return 0


def _root_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--root", help="checkout folder (default: current folder)")


def parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = argparse.ArgumentParser(prog="karabakh-data", description=metadata.TITLE)
    p.add_argument("--version", action="version", version=metadata.VERSION)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="validate the curated records and publish the data package")
    b.add_argument("--check", action="store_true", help="fail if the published package is stale")
    _root_option(b)
    b.set_defaults(run=_build)
    v = sub.add_parser("validate", help="validate the curated records, or a data package at PATH")
    v.add_argument("path", nargs="?", help="a datapackage.json or its folder")
    _root_option(v)
    v.set_defaults(run=_validate)
    a = sub.add_parser("audit", help="check the curated records against the seed documents")
    _root_option(a)
    a.add_argument("--seeds", help="seed folder (default: ../shared/seeds beside the checkout)")
    a.set_defaults(run=_audit)
    e = sub.add_parser("examples", help="run the worked examples and write docs/queries.md")
    _root_option(e)
    e.set_defaults(run=_examples)
    fm = sub.add_parser("format", help="rewrite the curated YAML in the house style (comments are kept)")
    fm.add_argument("--check", action="store_true", help="only list the files not in the house style")
    _root_option(fm)
    fm.set_defaults(run=_format)
    d = sub.add_parser("diff", help="records added, removed and changed between two data packages")
    d.add_argument("old", help="a datapackage.json, its folder, or 'installed'")
    d.add_argument("new", help="a datapackage.json, its folder, or 'installed'")
    d.add_argument("--details", action="store_true", help="list every record key")
    d.set_defaults(run=_diff)
    x = sub.add_parser("export", help="write the tables as CSV, SQLite, GeoJSON or XLSX")
    x.add_argument("--format", required=True, choices=("csv", "sqlite", "geojson", "xlsx"))
    x.add_argument("--output", help="target folder (csv, geojson) or file (sqlite, xlsx)")
    x.set_defaults(run=_export)
    f = sub.add_parser("figures", help="draw the figures into docs/figures/ (needs matplotlib)")
    _root_option(f)
    f.set_defaults(run=_figures)
    i = sub.add_parser("info", help="tables, row counts and version of the installed dataset")
    i.set_defaults(run=_info)
    c = sub.add_parser("cite", help="how to cite this version")
    c.add_argument("--format", default="text", choices=("text", "apa", "bibtex", "cff"))
    c.set_defaults(run=_cite)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
