"""`leads tune`: propose tier weights and a threshold from all labeled data, by stratified k-fold cross-validation.

The SQL (models/adhoc/adhoc_tuning_*) scores every labeled item under each candidate weighting at every threshold,
per fold; Python only steers the search: coordinate descent over one tier's weight at a time (ties keep the current
value, so the proposal moves only for a better F1), fitted on the training folds and measured on the held-out fold.
The proposal itself is fitted on all the data; its cross-validated figures are those of the procedure.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from solar_leads.config import SEEDS_DIR, Config
from solar_leads.errors import UserError
from solar_leads.files import atomic_path
from solar_leads.rules.labels import default_files, load_labeled_items
from solar_leads.warehouse.compiled_models import create_views, open_adhoc

TIERS_SEED = SEEDS_DIR / "scoring_tiers.csv"
WEIGHT_GRID = tuple(range(0, 101, 10))
PASSES = 2  # sweeps over every tier; a third changed nothing on the bundled labels
MODELS = ("adhoc_tuning_counts",)


@dataclass(frozen=True)
class Rules:
    weights: dict[str, int]
    threshold: int


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def current_weights(path: Path = TIERS_SEED) -> dict[str, int]:
    with path.open(newline="") as fh:
        return {row["tier"]: int(row["weight"]) for row in csv.DictReader(fh)}


class Search:
    """Candidate weightings evaluated through adhoc_tuning_counts: {(candidate, threshold, fold): Counts}."""

    def __init__(self, con: duckdb.DuckDBPyConnection, folds: int):
        self.con, self.folds = con, folds

    def evaluate(self, candidates: list[dict[str, int]]) -> dict[tuple[int, int, int], Counts]:
        rows = [(n, tier, weight) for n, weights in enumerate(candidates) for tier, weight in weights.items()]
        self.con.execute("delete from requests.tuning_candidates")
        self.con.executemany("insert into requests.tuning_candidates values (?, ?, ?)", rows)
        result = self.con.execute(
            "select candidate_id, threshold, fold, tp, fp, fn, tn from adhoc.adhoc_tuning_counts"
        ).fetchall()
        return {(c, t, f): Counts(tp, fp, fn, tn) for c, t, f, tp, fp, fn, tn in result}

    def fit(self, start: Rules, train: set[int]) -> Rules:
        """Coordinate descent on the folds in `train`: the weighting and threshold with the best F1."""
        best = start
        best_f1 = self._f1(self.evaluate([best.weights]), 0, best.threshold, train)
        for _ in range(PASSES):
            for tier in start.weights:
                candidates = [{**best.weights, tier: weight} for weight in WEIGHT_GRID]
                counts = self.evaluate(candidates)
                for n, weights in enumerate(candidates):
                    for threshold in range(0, 155, 5):
                        f1 = self._f1(counts, n, threshold, train)
                        if f1 > best_f1 + 1e-12:
                            best, best_f1 = Rules(weights, threshold), f1
        return best

    def counts(self, rules: Rules, folds: set[int]) -> Counts:
        evaluated = self.evaluate([rules.weights])
        return sum((evaluated.get((0, rules.threshold, f), Counts()) for f in folds), Counts())

    def _f1(self, counts: dict[tuple[int, int, int], Counts], candidate: int, threshold: int, folds: set[int]) -> float:
        return sum((counts.get((candidate, threshold, f), Counts()) for f in folds), Counts()).f1


def tune(config: Config, folds: int = 5, files: list[Path] | None = None) -> dict:
    """The current rules and the proposal, each with cross-validated precision, recall and F1."""
    if not 2 <= folds <= 20:
        raise UserError(f"--folds {folds}: give 2 to 20 folds")
    files = files or default_files(config.labeled_dir)
    current = Rules(current_weights(), config.lead_threshold)
    con, graph = open_adhoc({**config.dbt_vars(), "folds": folds}, MODELS, config.memory_limit)
    with con:
        items = load_labeled_items(con, files)
        create_views(con, graph, materialize=["adhoc_tuning_items"])
        positives = con.execute("select count(*) filter (where label) from adhoc.adhoc_tuning_items").fetchall()[0][0]
        if positives < folds or items - positives < folds:
            raise UserError(
                f"{items} labeled items ({positives} positive): too few to cross-validate with {folds} folds"
            )
        search = Search(con, folds)
        everything = set(range(folds))
        proposed_cv = Counts()
        for held_out in range(folds):
            fitted = search.fit(current, everything - {held_out})
            proposed_cv += search.counts(fitted, {held_out})
        proposal = search.fit(current, everything)
        return {
            "items": items,
            "positives": positives,
            "folds": folds,
            "files": [str(f) for f in files],
            "current": current,
            "proposal": proposal,
            "current_cv": search.counts(current, everything),
            "proposal_cv": proposed_cv,
        }


def render(result: dict) -> str:
    current, proposal = result["current"], result["proposal"]
    lines = [
        f"tuned on {result['items']} labeled items ({result['positives']} positive), "
        f"{result['folds']}-fold stratified cross-validation",
        f"  {'':<26} {'current':>8} {'proposed':>9}",
    ]
    lines += [f"  {tier:<26} {weight:>8} {proposal.weights[tier]:>9}" for tier, weight in current.weights.items()]
    lines.append(f"  {'threshold':<26} {current.threshold:>8} {proposal.threshold:>9}")
    for metric in ("precision", "recall", "f1"):
        label = f"cross-validated {metric}"
        lines.append(
            f"  {label:<26} {getattr(result['current_cv'], metric):>8.3f} "
            f"{getattr(result['proposal_cv'], metric):>9.3f}"
        )
    return "\n".join(lines)


def apply(proposal: Rules, path: Path = TIERS_SEED) -> bool:
    """Write the proposed weights into the tiers seed (the file changes only where a weight changes)."""
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames or [], list(reader)
    changed = False
    for row in rows:
        weight = str(proposal.weights[row["tier"]])
        changed |= row["weight"] != weight
        row["weight"] = weight
    if changed:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        with atomic_path(path) as tmp:
            tmp.write_text(out.getvalue())
    return changed


def report(result: dict, do_apply: bool) -> None:
    print(render(result))
    proposal, current = result["proposal"], result["current"]
    if not do_apply:
        print("\n(nothing changed: `leads tune --apply` writes the proposed weights into dbt/seeds/scoring_tiers.csv)")
        return
    changed = apply(proposal)
    print(f"\n{'wrote the proposed weights into ' + str(TIERS_SEED) if changed else 'the weights are already these'}")
    if proposal.threshold != current.threshold:
        print(
            f"the proposed threshold is {proposal.threshold}: set LEAD_THRESHOLD={proposal.threshold} to use it",
            file=sys.stderr,
        )
