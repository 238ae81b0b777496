"""The `leads` command: crawl, build, export, score, evaluate, decide, review and query."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from solar_leads import __version__
from solar_leads.adhoc.query import DEFAULT_TABLE_ROWS, DEFAULT_TIMEOUT
from solar_leads.config import DEBUG_ENV, DEFAULT_MEMORY_LIMIT, SETTINGS, Config, load_config
from solar_leads.environment import environment
from solar_leads.errors import (
    UserError,
)
from solar_leads.exit import exit_now, exit_status
from solar_leads.interrupts import stop_on_signals
from solar_leads.pipeline.crawl_settings import crawl_overrides
from solar_leads.pipeline.formats import CHOOSABLE_FORMATS
from solar_leads.progress import PROGRESS_ENV
from solar_leads.warehouse.lock import warehouse_lock

Handler = Callable[[argparse.Namespace, Config], int]


def _config_help() -> str:
    lines = [f"  {s.name:<20} {s.help} (default {s.default}, {s.low:g}..{s.high:.0f})" for s in SETTINGS]
    lines += [
        f"  {'WAREHOUSE':<20} the DuckDB warehouse file (default data/warehouse.duckdb)",
        f"  {'OUTPUT_DIR':<20} where exports are written (default output/)",
        f"  {'LABELED_DIR':<20} imported review labels (default data/labeled/)",
        f"  {'LEADS_MEMORY_LIMIT':<20} DuckDB's memory in build, run, score, decide, evaluate, tune; past it DuckDB",
        f"  {'':<20} spills to disk (default {DEFAULT_MEMORY_LIMIT})",
        f"  {'LLM_BASE_URL':<20} optional OpenAI-compatible API for the LLM extractor and verifier (with LLM_MODEL,",
        f"  {'':<20} LLM_API_KEY, LLM_TIMEOUT seconds; default: the offline snippet patterns)",
    ]
    return "configuration (environment variables, validated before any work):\n" + "\n".join(lines) + "\n"


def cmd_decide(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.rules.decide import decide, events_path_for

    events = args.events or (events_path_for(args.output) if args.output else None)
    counts = decide(config, args.input, args.output, events)
    where = f" -> {args.output}" if args.output else ""
    log = f", events in {events}" if events else ""
    print(
        f"decided {counts['candidates']} candidates: {counts['accepted']} accepted, "
        f"{counts['rejected']} rejected ({counts['invalid']} invalid input){where}{log}",
        file=sys.stderr,
    )
    return 0


def cmd_score(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.rules.score import score

    counts = score(config, args.input, args.output)
    where = f" -> {args.output}" if args.output else ""
    print(f"scored {counts['items']} items: {counts['qualified']} qualified{where}", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.rules.evaluate import evaluate, print_report

    plot = None if args.no_plot else (args.plot or config.output_dir / "threshold_sweep.png")
    print_report(evaluate(config, args.golden, args.threshold, plot), args.json)
    return 0


def cmd_tune(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.rules.tune import report, tune

    report(tune(config, args.folds, args.golden), args.apply)
    return 0


def cmd_review_import(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.rules.review import import_review

    counts = import_review(args.file, config.labeled_dir)
    print(
        f"imported {args.file}: {counts['added']} added, {counts['changed']} label(s) changed, "
        f"{counts['unchanged']} unchanged, {counts['unreviewed']} task(s) nobody labeled left out -> "
        f"{config.labeled_dir}",
        file=sys.stderr,
    )
    return 0


def cmd_boards_import(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.discovery.board_import import import_boards

    config = config.with_paths(args.warehouse, None)
    with warehouse_lock(config.warehouse, "boards import"):
        counts = import_boards(config.warehouse, args.file)
    print(
        f"imported {args.file}: {counts.added} board(s) added to the registry, {counts.known} already there "
        f"({config.warehouse}); runs with a `discover:` section crawl them",
        file=sys.stderr,
    )
    return 0


def cmd_query(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.adhoc.query import run_query

    warehouse = (args.warehouse or config.warehouse).expanduser().resolve()
    run_query(warehouse, args.sql, args.format, args.timeout, args.memory_limit, args.max_rows)
    return 0


def cmd_build(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.pipeline.build import build, plan_builds

    config = config.with_paths(args.warehouse, None)
    with warehouse_lock(config.warehouse, "build"):
        plan = plan_builds(config, args.full_refresh, selected=bool(args.select))
        build(config, plan, select=args.select, quiet=args.quiet)
    return 0


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.pipeline.export import export

    config = config.with_paths(args.warehouse, args.out)
    with warehouse_lock(config.warehouse, "export"):
        files = export(config, args.format or ["csv"], args.bom)
    print("exported run " + files.run_id + ":\n  " + "\n  ".join(str(p) for p in files.paths()), file=sys.stderr)
    return 0


def _run_config(args: argparse.Namespace, config: Config) -> Config:
    """Without --sources the bundled demo runs, in its own warehouse and output folder unless told otherwise."""
    if args.sources is None:
        return config.for_demo(args.warehouse, args.out)
    return config.with_paths(args.warehouse, args.out)


def cmd_run(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.pipeline.discover import parse_batch
    from solar_leads.pipeline.run import run

    overrides = crawl_overrides(args.set)  # a bad one is refused before anything runs
    config = _run_config(args, config)
    batch = parse_batch(args.batch)
    with warehouse_lock(config.warehouse, "run"):
        return run(config, args.sources, overrides, args.format or ["csv"], args.bom, batch)


def cmd_crawl(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.pipeline.crawl_process import crawl_stage
    from solar_leads.warehouse.run_id import check_run_id

    config = _run_config(args, config)
    run_id = check_run_id(args.run_id) if args.run_id else None
    return crawl_stage(config, args.sources, run_id, crawl_overrides(args.set))


def cmd_discover(args: argparse.Namespace, config: Config) -> int:
    from solar_leads.pipeline.crawl_process import CRAWL_STATUS
    from solar_leads.pipeline.demo_sources import refuse_demo_into_real_warehouse, sources_file
    from solar_leads.pipeline.discover import discover, parse_batch
    from solar_leads.pipeline.sources import load_sources
    from solar_leads.warehouse.run_id import registered_run

    batch = parse_batch(args.batch)
    config = _run_config(args, config)
    with warehouse_lock(config.warehouse, "discover"):
        if args.sources is None:
            refuse_demo_into_real_warehouse(config)
        with sources_file(args.sources) as path:
            parsed = load_sources(path)
            if not parsed.discovers:
                raise UserError(f"{path} has no jobsearch source and no `discover:` section: nothing to discover")
            with registered_run(config.warehouse, "discover", args.sources, args.sources is None) as record:
                summary = discover(config, parsed, record.run_id, batch)
                record.status = CRAWL_STATUS[summary.exit_status]
    return summary.exit_status


def _add_batch(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--batch",
        default="1/1",
        metavar="K/N",
        help="search only the K-th of N slices of the keyword-search terms and board queries, so N machines or CI "
        "jobs split a day's search (default 1/1: all of them)",
    )


def cmd_demo_server(args: argparse.Namespace, config: Config) -> int:
    from demo.server import serve

    with serve(args.port) as base_url:
        print(f"serving the demo corpus at {base_url} (Ctrl-C to stop)", file=sys.stderr)
        print(base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


def _add_paths(parser: argparse.ArgumentParser, sources: bool = False, out: bool = False) -> None:
    """--warehouse, and --sources / --out for the commands that use them (a command offers no option it ignores)."""
    if sources:
        parser.add_argument(
            "--sources",
            type=Path,
            help="sources.yml to crawl (default: the bundled demo corpus, into its own warehouse "
            "data/demo/warehouse.duckdb and OUTPUT_DIR/demo unless --warehouse / --out say otherwise)",
        )
    parser.add_argument("--warehouse", type=Path, help="DuckDB warehouse file (default: $WAREHOUSE)")
    if out:
        parser.add_argument("--out", type=Path, help="output directory (default: $OUTPUT_DIR or output/)")
    parser.set_defaults(sources=None, out=None)


def _add_formats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        action="append",
        choices=CHOOSABLE_FORMATS,
        help="the leads file's format, repeatable (default csv): hubspot / salesforce are CRM company imports "
        "(solar_leads_<run_id>.hubspot.csv, .salesforce.csv), xlsx a workbook with text cells and links",
    )
    parser.add_argument("--bom", action="store_true", help="start CSV files with a UTF-8 byte order mark (Excel)")


def _add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress lines (default: one at least every 10 s of a crawl or build)",
    )


def _add_scrapy_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting, e.g. DOWNLOAD_MAXSIZE=67108864 or RETRY_TIMES=0 (repeatable)",
    )


def _import_command(
    sub, noun: str, noun_help: str, action_help: str, description: str, file_help: str, handler: Handler
) -> argparse.ArgumentParser:
    """`leads <noun> import FILE`: a command group with one action, import."""
    group = sub.add_parser(noun, help=noun_help)
    actions = group.add_subparsers(dest=f"{noun}_command", required=True, metavar="ACTION")
    command = actions.add_parser("import", help=action_help, description=description)
    command.add_argument("file", type=Path, help=file_help)
    command.set_defaults(handler=handler)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leads",
        description="Find companies hiring for solar PV design and drafting work: crawl job postings, score them "
        "in SQL (dbt + DuckDB), export leads and enrich them with evidence-checked facts.",
        epilog=_config_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="crawl, build, enrich and export (the whole pipeline)",
        description="Discover (keyword search and board discovery, when sources.yml has a jobsearch source or a "
        "`discover:` section), crawl every entry of a sources.yml (default: the bundled demo corpus) and every "
        "board of the registry, build the warehouse (incrementally: only what is new is keyed and scored), search "
        "for facts about the leads, decide which to accept, and export the run's files as one set. Exit status: "
        "0 done; 1 failed (nothing was crawled, or a build failed: nothing is exported); 2 bad input or environment "
        "(one line naming it; nothing written); 3 partial (some requests failed; the rest was built and exported, the "
        "summary names what failed); 130 interrupted (what was kept is said).",
    )
    _add_paths(run, sources=True, out=True)
    _add_batch(run)
    _add_formats(run)
    _add_scrapy_settings(run)
    _add_quiet(run)
    run.set_defaults(handler=cmd_run)

    crawl = sub.add_parser(
        "crawl",
        help="crawl job boards, career pages and search into the warehouse's raw tables",
        description="Crawl every entry of a sources.yml (default: the bundled demo corpus, served on 127.0.0.1), and "
        "with a `discover:` section every board of the registry raw.boards (recording what each answered), and append "
        "postings, snippets and failures to raw.postings, raw.snippets and raw.crawl_log. Keyword search runs in "
        "`leads discover`.",
    )
    _add_paths(crawl, sources=True)
    crawl.add_argument("--run-id", help="stamp rows with this run id (YYYYMMDD_HHMMSS; default: now, UTC)")
    _add_scrapy_settings(crawl)
    _add_quiet(crawl)
    crawl.set_defaults(handler=cmd_crawl)

    discover = sub.add_parser(
        "discover",
        help="find job boards and companies: keyword search on job boards, site: queries, slug probes",
        description="Run the discovery of a sources.yml alone (default: the bundled demo corpus): its jobsearch "
        "sources (python-jobspy on Indeed, LinkedIn, ...) load postings into raw.postings; with a `discover:` "
        "section, site: queries on the ATS board hosts (through its searxng endpoint) and slug probes of every company "
        "found register job boards in raw.boards, which every later crawl crawls. Prints the new boards by how they "
        "were found and the companies without a board. Exit status: 0 everything answered; 1 nothing answered; 2 bad "
        "input; 3 partial (the summary names what failed; each failure is a raw.crawl_log row with its site and term).",
    )
    _add_paths(discover, sources=True)
    _add_batch(discover)
    _add_quiet(discover)
    discover.set_defaults(handler=cmd_discover)
    demo = sub.add_parser("demo-server", help="serve the bundled demo corpus on 127.0.0.1 until interrupted")
    demo.add_argument("--port", type=int, default=0, help="port (default: a free one, printed on stdout)")
    demo.set_defaults(handler=cmd_demo_server)

    export = sub.add_parser("export", help="write the leads CSV, labeling JSON and run stats from the warehouse")
    _add_paths(export, out=True)
    _add_formats(export)
    export.set_defaults(handler=cmd_export)

    build = sub.add_parser(
        "build",
        help="create the raw schema and run `dbt build` on the warehouse",
        description="Run `dbt build` on the warehouse: seeds, models, unit and data tests (every part but the ad-hoc "
        "views), or only the --select part. The incremental models compute only what new data touches; a change of "
        "the models, macros, seeds, dbt or DuckDB recomputes them all, once. The seeds and the unit tests run when "
        "the project, dbt, DuckDB or a setting changed since a whole build ran them, and are skipped otherwise (a "
        "--select build runs what it names); the data tests run every time.",
    )
    _add_paths(build)
    build.add_argument(
        "--select", nargs="+", metavar="SPEC", help="dbt selection, e.g. +postings (default: the whole warehouse)"
    )
    build.add_argument(
        "--full-refresh",
        action="store_true",
        help="rebuild the incremental models (the kept posting scores) from scratch and run the seeds and unit "
        "tests; gives the same marts as the incremental build, which scores only new or changed postings",
    )
    _add_quiet(build)
    build.set_defaults(handler=cmd_build)

    decide = sub.add_parser(
        "decide",
        help="apply the acceptance rules to candidate values (CSV / JSONL / JSON)",
        description="Apply the enrichment acceptance rules (confidence, authority, regex, recall) to candidate "
        "rows through the project's dbt macros. Input columns: candidate_id, field, candidate, model_conf, "
        "source_hint, recall_hits, recall_used, verdict, target_regex. A row with a bad value is rejected with "
        "reason invalid_input(<column>); the other rows are decided normally.",
    )
    decide.add_argument("--input", type=Path, required=True, help="candidates file (.csv, .jsonl, .json)")
    decide.add_argument("--output", type=Path, help="decisions file, format by extension (default: stdout)")
    decide.add_argument(
        "--events", type=Path, help="decision log JSONL (default: <output>.events.jsonl beside --output)"
    )
    decide.set_defaults(handler=cmd_decide)

    score = sub.add_parser(
        "score",
        help="score postings from a file with the lead scoring rules",
        description="Score postings given as JSON (golden / rejected-leads schema, or a list), JSONL or CSV with "
        "company and description (title, id, label, category optional) through the same SQL rules as the "
        "pipeline. One row per item: id, score, qualified, confidence_score, rejection_category, reasons.",
    )
    score.add_argument("--input", type=Path, required=True, help="postings file (.json, .jsonl, .csv)")
    score.add_argument("--output", type=Path, help="output file, format by extension (default: JSONL on stdout)")
    score.set_defaults(handler=cmd_score)

    evaluate = sub.add_parser(
        "evaluate",
        help="precision / recall / F1 of the scoring rules on the labeled data",
        description="Score every labeled item (data/golden/*.json and data/labeled/*.json, or only the --golden "
        "files) and report precision, recall, F1, the confusion counts, a per-category table, the false negatives "
        "and false positives, and a threshold sweep (0-150) as a table and a PNG plot.",
    )
    evaluate.add_argument("--golden", type=Path, action="append", help="labeled file(s) to use instead (repeatable)")
    evaluate.add_argument("--threshold", type=int, help="score threshold (default: LEAD_THRESHOLD, 50)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    evaluate.add_argument(
        "--plot", type=Path, help="where to write the sweep plot (default: OUTPUT_DIR/threshold_sweep.png)"
    )
    evaluate.add_argument("--no-plot", action="store_true", help="skip the plot")
    evaluate.set_defaults(handler=cmd_evaluate)

    tune = sub.add_parser(
        "tune",
        help="propose tier weights and a threshold from all labeled data (cross-validated)",
        description="Search the tier weights (0-100) and the threshold (0-150) for the best F1 on the labeled data "
        "(data/golden/*.json and the imported reviews in LABELED_DIR) by stratified k-fold cross-validation, and print "
        "the proposal beside the current rules with cross-validated precision, recall and F1 for both. The seed "
        "files change only with --apply.",
    )
    tune.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    tune.add_argument("--golden", type=Path, action="append", help="labeled file(s) to use instead (repeatable)")
    tune.add_argument(
        "--apply", action="store_true", help="write the proposed weights into dbt/seeds/scoring_tiers.csv"
    )
    tune.set_defaults(handler=cmd_tune)

    boards_import = _import_command(
        sub,
        "boards",
        "the job-board registry: load a tenant list into it",
        "register the boards of a tenant list (CSV: ats, token, company)",
        "Load a tenant list into the warehouse's job-board registry (raw.boards), found_by import:<file>: a CSV with "
        "the columns ats (a source type with job boards: the README's source table names them), token (the board, "
        "as its URLs name it; Workday: tenant.wdN.site) and optionally company. Every row is checked before anything "
        "is written; boards already registered are left as they are. Every later run with a `discover:` section "
        "crawls them.",
        "the tenant list (UTF-8 CSV)",
        cmd_boards_import,
    )
    boards_import.add_argument("--warehouse", type=Path, help="DuckDB warehouse file (default: $WAREHOUSE)")
    _import_command(
        sub,
        "review",
        "the labeling loop: take reviewed rejected leads back in",
        "merge reviewed labels (our labeling JSON, or a Label Studio JSON / JSON_MIN export) into the labels",
        "Validate a reviewed rejected_leads_<run_id>.json (flip `label` to true for missed leads), or a "
        "Label Studio JSON or JSON_MIN export of label_studio_tasks_<run_id>.json (project set up with "
        "label_studio/config.xml), and merge it into LABELED_DIR/reviewed_labels.json keyed by the posting's item id: "
        "importing the same file twice changes nothing, a changed label is updated and the old one kept in its "
        "history, a task nobody labeled is left out. A malformed file changes nothing (exit 2).",
        "the reviewed labeling JSON or Label Studio export",
        cmd_review_import,
    )

    query = sub.add_parser(
        "query",
        help="run one read-only SELECT / WITH query on the warehouse",
        description="Ad-hoc SQL on the warehouse over a read-only connection with file access disabled, within a "
        "time and a memory limit. Writes, ATTACH, COPY, PRAGMA, SET, file readers, settings and the engine's own "
        "catalog functions (which hold local paths) and several statements are refused. The answer is printed only "
        "once complete. Exit status: 0 answered, 2 refused, unparsable, failed or stopped by a limit.",
    )
    query.add_argument("sql", help='the query, e.g. "select company, score from marts.leads limit 5"')
    query.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (the first --max-rows rows), or csv / json (every row)",
    )
    query.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"stop the query after this many seconds (default {DEFAULT_TIMEOUT:g})",
    )
    query.add_argument(
        "--memory-limit",
        default=DEFAULT_MEMORY_LIMIT,
        help=f"DuckDB memory limit, e.g. 500MB (default {DEFAULT_MEMORY_LIMIT})",
    )
    query.add_argument(
        "--max-rows",
        type=int,
        default=DEFAULT_TABLE_ROWS,
        help=f"rows the table format prints (default {DEFAULT_TABLE_ROWS})",
    )
    query.add_argument("--warehouse", type=Path, help="DuckDB warehouse file (default: $WAREHOUSE)")
    query.set_defaults(handler=cmd_query)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = {DEBUG_ENV: "1" if args.debug else None}  # --debug and --quiet reach the crawl's child process too
    if getattr(args, "quiet", False):
        settings[PROGRESS_ENV] = "0"
    try:
        with stop_on_signals(), environment(**settings):
            return args.handler(args, load_config())
    except BaseException as exc:
        return exit_status(exc, args.debug)


def entry() -> None:
    """The `leads` command: main(), then the process ends without the interpreter's teardown (solar_leads.exit)."""
    exit_now(main())


if __name__ == "__main__":
    entry()
