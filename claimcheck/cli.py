"""Command line: ``claimcheck check PATH... [--format text|json|graphml|gexf|html] [-o FILE]``.

Every format goes to stdout unless ``-o FILE`` is given; files are
written atomically (a temporary file, then a rename).

Exit codes: 0 ok, 1 contradictions found with ``--fail-on-contradiction``,
2 usage or input error, 3 model error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from ._export import gexf_bytes, graphml_bytes, write_bytes_atomic
from ._io import read_paths
from ._pipeline import Pipeline
from ._report import Report
from ._types import Skipped
from .errors import ClaimcheckError, ConfigError, InputError, ModelError

__all__ = ["FORMATS", "main", "render"]

#: The output formats of ``claimcheck check --format``.
FORMATS = ("text", "json", "graphml", "gexf", "html")


def render(report: Report, fmt: str) -> str:
    """The report in one of :data:`FORMATS`, as text."""
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "graphml":
        return graphml_bytes(report).decode("utf-8")
    if fmt == "gexf":
        return gexf_bytes(report).decode("utf-8")
    if fmt == "html":
        return report.to_html()
    return report.to_text()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claimcheck", description="Find where news sources disagree.")
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check articles for contradictions across sources")
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help=".txt files (one article each) or .jsonl files (one article per line)")
    c.add_argument("--format", choices=list(FORMATS), default="text",
                   help="text (default), json, graphml, gexf or html (one self-contained page)")
    c.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    c.add_argument("--source", help="outlet name for .txt files (default: the file stem)")
    c.add_argument("--model", help="sentence-transformers model name or path (default: bundled all-MiniLM-L6-v2)")
    c.add_argument("--topic-threshold", type=float, default=0.35,
                   help="cosine similarity from which two claims are compared (default 0.35, the judge's related gate)")
    c.add_argument("--skip-bad-lines", action="store_true",
                   help="skip malformed JSONL lines (each is reported) instead of stopping at the first")
    c.add_argument("--fail-on-contradiction", action="store_true",
                   help="exit with status 1 when any contradiction is found")
    c.add_argument("--html", choices=["strip", "reject", "keep"], default="strip",
                   help="articles that are HTML: strip the tags (default), reject them (reported as skipped) "
                        "or keep the text as it is")
    c.add_argument("--max-chars", type=int, default=1_000_000, metavar="N",
                   help="analyse at most the first N characters of an article (default 1,000,000; "
                        "the rest is reported as not analysed)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bars on stderr (default: only when stderr is a terminal)")
    c.add_argument("--cache", metavar="DIR",
                   help="keep sentence embeddings in DIR (numpy files) and reuse them on later runs")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        bad: list[Skipped] | None = [] if args.skip_bad_lines else None
        articles = read_paths(args.paths, source=args.source, bad_lines=bad)
        options: dict[str, object] = {"topic_threshold": args.topic_threshold, "html": args.html,
                                      "max_chars": args.max_chars}
        if args.model:
            from ._encode import SentenceTransformerEncoder

            options["encoder"] = SentenceTransformerEncoder(model=args.model)
        if args.cache:
            from ._cache import CachedEncoder
            from ._encode import SentenceTransformerEncoder

            options["encoder"] = CachedEncoder(options.get("encoder") or SentenceTransformerEncoder(),  # type: ignore[arg-type]
                                               args.cache)
        options["progress"] = args.progress
        try:
            pipeline = Pipeline(**options)  # type: ignore[arg-type]
        except TypeError as exc:
            raise ConfigError(f"invalid option: {exc}") from None
        report = pipeline.run(articles, skipped_input=bad or ())
        for s in bad or ():
            print(f"claimcheck: skipped {s.reason}", file=sys.stderr)
        out = render(report, args.format)
        if args.output:
            try:
                write_bytes_atomic(Path(args.output), out.encode("utf-8"))
            except OSError as exc:
                raise InputError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
        else:
            try:
                sys.stdout.write(out)
                sys.stdout.flush()
            except BrokenPipeError:
                # the reader went away (``| head``): stop quietly, as Unix tools do
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                return 0
    except ModelError as exc:
        print(f"claimcheck: model error: {exc}", file=sys.stderr)
        return 3
    except ClaimcheckError as exc:
        print(f"claimcheck: error: {exc}", file=sys.stderr)
        return 2
    if args.fail_on_contradiction and report.contradictions:
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
