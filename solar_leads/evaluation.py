"""`leads evaluate`: precision, recall and F1 of the scoring rules against every labeled item."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from solar_leads.config import Config
from solar_leads.labeled_data import default_files, items_frame
from solar_leads.scoring import load_frame, scored_connection
from solar_leads.tabular_io import atomic_path

SWEEP = range(0, 155, 5)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def confusion(con: duckdb.DuckDBPyConnection, threshold: int, group: str | None = None) -> list[dict]:
    """TP / FP / FN / TN at `threshold` (qualified = eligible and score >= threshold), per `group` if given."""
    key = f"{group} as key," if group else "'all' as key,"
    rows = con.execute(f"""
        select {key}
            count(*) filter (where eligible and score >= {threshold} and label) as tp,
            count(*) filter (where eligible and score >= {threshold} and not label) as fp,
            count(*) filter (where not (eligible and score >= {threshold}) and label) as fn,
            count(*) filter (where not (eligible and score >= {threshold}) and not label) as tn
        from scores group by all order by 1
    """).fetchall()  # noqa: S608 - threshold is an int, group a fixed column name
    result = []
    for key_value, tp, fp, fn, tn in rows:
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        result.append({
            "key": key_value, "tp": tp, "fp": fp, "fn": fn, "tn": tn, "total": tp + fp + fn + tn,
            "precision": precision, "recall": recall, "f1": _ratio(2 * precision * recall, precision + recall),
        })  # fmt: skip
    return result


def errors(con: duckdb.DuckDBPyConnection, threshold: int, label: bool) -> list[dict]:
    """The false negatives (label true) or false positives (label false) with their scores and reasons."""
    qualified = "not" if label else ""
    rows = con.execute(f"""
        select item_id, title_used, company, score, coalesce(rejection_category, 'qualified'), reasons
        from scores where label = {label} and {qualified} (eligible and score >= {threshold})
        order by score desc, item_id
    """).fetchall()
    return [
        {"id": r[0], "title": r[1], "company": r[2], "score": r[3], "outcome": r[4],
         "reasons": [f"{x['tier']}:{x['matched']}(+{x['weight']})" for x in r[5]]}
        for r in rows
    ]  # fmt: skip


def evaluate(config: Config, files: list[Path] | None, threshold: int | None, plot: Path | None) -> dict:
    files = files or default_files(config.labeled_dir)
    threshold = config.lead_threshold if threshold is None else threshold
    frame = items_frame(files)
    with scored_connection(config, lambda con: load_frame(con, frame)) as con:
        overall = confusion(con, threshold)[0]
        report = {
            **{k: overall[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "tn", "total")},
            "threshold": threshold,
            "files": [str(f) for f in files],
            "per_category": confusion(con, threshold, "coalesce(category, '(none)')"),
            "false_negatives": errors(con, threshold, label=True),
            "false_positives": errors(con, threshold, label=False),
            "sweep": [{"threshold": t, **{k: v for k, v in confusion(con, t)[0].items() if k != "key"}}
                      for t in SWEEP],
        }  # fmt: skip
    if plot is not None:
        plot_sweep(report["sweep"], threshold, plot)
        report["plot"] = str(plot)
    return report


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
    lines += [f"  {c['key']:<30} {c['total']:>5} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {c['tn']:>4}"
              for c in report["per_category"]]  # fmt: skip
    for name, key in (("false negatives", "false_negatives"), ("false positives", "false_positives")):
        lines += ["", f"  {name} ({len(report[key])}):"]
        lines += [f"    {e['id']:<14} score {e['score']:>3} {e['outcome']:<28} {e['title'][:40]!r} "
                  f"{' '.join(e['reasons'])}" for e in report[key]]  # fmt: skip
    lines += ["", f"  {'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}"]
    lines += [f"  {s['threshold']:>9} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}"
              for s in report["sweep"]]  # fmt: skip
    if report.get("plot"):
        lines.append(f"\n  threshold sweep plot: {report['plot']}")
    return "\n".join(lines)


def print_report(report: dict, as_json: bool) -> None:
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if as_json else render(report) + "\n")
