"""Cross-check of `opstap eval`: recompute nDCG@k, MRR and recall@k from the exported
TREC files with ir-measures (over pytrec-eval-terrier, i.e. trec_eval) and require the
means in metrics.json to agree to 1e-9.

A participant whose run is empty (the ranker proposed nothing) is absent from the run
file; trec_eval then skips the query, opstap counts it as 0: here it counts as 0 too.

Run by .ci/run:  python tests/python/trec_crosscheck.py REPORT_DIR
"""

import json
import sys
from pathlib import Path

import ir_measures
from ir_measures import R, RR, nDCG


def main(report):
    report = Path(report)
    metrics = json.loads((report / "metrics.json").read_text())
    k = metrics["k"]
    qrels = list(ir_measures.read_trec_qrels(str(report / "qrels.trec")))
    queries = sorted({q.query_id for q in qrels})
    assert len(queries) == metrics["participants_evaluated"], "one query per placed participant"
    measures = {"ndcg": nDCG @ k, "mrr": RR, "recall": R @ k}
    failures = []
    for ranker in metrics["rankers"]:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in ranker["name"])
        run = list(ir_measures.read_trec_run(str(report / f"run.{safe}.trec")))
        per_query = {name: {q: 0.0 for q in queries} for name in measures}
        for m in ir_measures.iter_calc(list(measures.values()), qrels, run):
            name = next(n for n, v in measures.items() if v == m.measure)
            per_query[name][m.query_id] = m.value
        for name in measures:
            theirs = sum(per_query[name].values()) / len(queries)
            ours = ranker["metrics"][name]["mean"]
            status = "ok" if abs(theirs - ours) <= 1e-9 else "MISMATCH"
            print(f"{ranker['name']:<22} {name:<7} opstap {ours:.12f}  trec_eval {theirs:.12f}  {status}")
            if status != "ok":
                failures.append((ranker["name"], name, ours, theirs))
    if failures:
        sys.exit(f"{len(failures)} metric(s) disagree with trec_eval: {failures}")


if __name__ == "__main__":
    main(sys.argv[1])
