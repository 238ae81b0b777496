"""`leads evaluate`: precision, recall and F1 of the scoring rules against every labeled item."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from solar_leads.config import Config
from solar_leads.files import atomic_path
from solar_leads.rules.labels import default_files, load_labeled_items
from solar_leads.warehouse.compiled_models import create_views, open_adhoc

MODELS = ("adhoc_evaluation_confusion", "adhoc_evaluation_sweep", "adhoc_evaluation_errors")
METRICS = ("precision", "recall", "f1", "tp", "fp", "fn", "tn", "total")


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def evaluate(config: Config, files: list[Path] | None, threshold: int | None, plot: Path | None) -> dict:
    """Score every labeled item of `files` (default: the golden set and the imported reviews) through the
    ad-hoc evaluation models and report their confusion counts, per category and origin, errors and sweep."""
    files = files or default_files(config.labeled_dir)
    threshold = config.lead_threshold if threshold is None else threshold
    con, graph = open_adhoc({**config.dbt_vars(), "lead_threshold": threshold}, MODELS, config.memory_limit)
    with con:
        load_labeled_items(con, files)
        create_views(con, graph, materialize=["adhoc_labeled_scores"])
        confusion = _rows(con, "select * from adhoc.adhoc_evaluation_confusion order by grouping, key")
        overall = next(row for row in confusion if row["grouping"] == "all")
        report = {
            **{k: overall[k] for k in METRICS},
            "threshold": threshold,
            "files": [str(f) for f in files],
            "by_origin": [row for row in confusion if row["grouping"] == "origin"],
            "per_category": [row for row in confusion if row["grouping"] == "category"],
            "false_negatives": _errors(con, "fn"),
            "false_positives": _errors(con, "fp"),
            "sweep": _rows(con, "select * from adhoc.adhoc_evaluation_sweep order by threshold"),
        }
    if plot is not None:
        plot_sweep(report["sweep"], threshold, plot)
        report["plot"] = str(plot)
    return report


def _errors(con: duckdb.DuckDBPyConnection, outcome: str) -> list[dict]:
    """The false negatives (fn) or false positives (fp) with what decided them (adhoc_evaluation_errors)."""
    return _rows(
        con,
        "select * exclude (outcome) from adhoc.adhoc_evaluation_errors where outcome = ? order by score desc, id",
        [outcome],
    )


def plot_sweep(sweep: list[dict], threshold: int, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4))
    thresholds = [row["threshold"] for row in sweep]
    for metric in ("precision", "recall", "f1"):
        axes.plot(thresholds, [row[metric] for row in sweep], label=metric, marker=".")
    axes.axvline(threshold, color="grey", linestyle="--", label=f"threshold {threshold}")
    axes.set_xlabel("score threshold")
    axes.set_ylim(0, 1.05)
    axes.set_title("Lead scoring: precision / recall / F1 by threshold")
    axes.legend(loc="lower left")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    with atomic_path(target) as tmp:
        figure.savefig(tmp, format="png", dpi=110)
    plt.close(figure)


def render(report: dict) -> str:
    lines = [
        f"evaluated {report['total']} labeled items at threshold {report['threshold']}",
        f"  precision {report['precision']:.1%}   recall {report['recall']:.1%}   F1 {report['f1']:.1%}",
        f"  TP {report['tp']}  FP {report['fp']}  FN {report['fn']}  TN {report['tn']}",
        "",
        f"  {'category':<30} {'items':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}",
    ]
    lines += [
        f"  {c['key']:<30} {c['total']:>5} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {c['tn']:>4}"
        for c in report["per_category"]
    ]
    header = f"  {'origin':<10} {'items':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} {'recall':>7}"
    lines += ["", f"{header} {'F1':>6}"]
    lines += [
        f"  {o['key']:<10} {o['total']:>5} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4} {o['tn']:>4} "
        f"{_metric(o['precision'], o['tp'] + o['fp']):>9} {_metric(o['recall'], o['tp'] + o['fn']):>7} "
        f"{_metric(o['f1'], o['tp'] + o['fp'] + o['fn']):>6}"
        for o in report["by_origin"]
    ]
    for name, key in (("false negatives", "false_negatives"), ("false positives", "false_positives")):
        lines += ["", f"  {name} ({len(report[key])}):"]
        lines += [
            f"    {e['id']:<14} score {e['score']:>3} {e['role_class'] or '-':<17} {e['decided_by']:<28} "
            f"{e['title'][:40]!r} {' '.join(e['reasons'])}"
            for e in report[key]
        ]
    lines += ["", f"  {'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}"]
    lines += [
        f"  {s['threshold']:>9} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}" for s in report["sweep"]
    ]
    if report.get("plot"):
        lines.append(f"\n  threshold sweep plot: {report['plot']}")
    return "\n".join(lines)


def _metric(value: float, support: int) -> str:
    """A ratio, or n/a where it is undefined (no predicted or no actual positives)."""
    return f"{value:.3f}" if support else "n/a"


def print_report(report: dict, as_json: bool) -> None:
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if as_json else render(report) + "\n")
