"""Check smlib.prioritise against what real brands did: which customer tweets got a reply?

Data (not bundled; CC BY-NC-SA, evaluation only): ``../shared/realdata/twcs/twcs_head5000.csv``,
the first 5,000 rows of Kaggle's "Customer Support on Twitter" with their threads kept, so for
every customer (inbound) tweet we know whether a brand answered it.

"Brand replied" is not the truth about what *needed* action: brands answer some chat and skip
some complaints (and customers' "thanks, sorted" often gets no reply). It is the nearest real
behaviour available, so it is used as an honest yardstick, not a target. The rules in
``data/priority_rules.toml`` were written before this script was run and were not changed
after seeing its results.

To avoid giving the answer away, the brands' tweets are removed before scoring (otherwise
``handled`` would simply copy the label). Reported:

* ROC AUC of ``priority`` against "brand replied" (0.5 = no better than chance, 1 = perfect),
  with a bootstrap 95% interval; the same for the *content-only* score (the points for what the
  message says, leaving out waiting time, repeat contact, reach and spikes);
* agreement of ``needs_action`` with "brand replied": accuracy, precision, recall, Cohen's kappa;
* both split by first tweets of a conversation vs customers' follow-up replies.

Run::

    .venv/bin/python evaluation/priority_twcs.py              # prints markdown tables
    .venv/bin/python evaluation/priority_twcs.py --json out.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import smlib  # noqa: E402
from smlib.paths import shared_dir  # noqa: E402
from smlib.priority import reason_points  # noqa: E402

CONTEXT_WORDS = ("waiting", "contacted the business", "seen by many", "spike", "capped", "raised to")


def roc_auc(score: np.ndarray, label: np.ndarray) -> float:
    """ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted as half."""
    score = np.asarray(score, float)
    label = np.asarray(label, bool)
    n1, n0 = int(label.sum()), int((~label).sum())
    if n1 == 0 or n0 == 0:
        return float("nan")
    ranks = pd.Series(score).rank(method="average").to_numpy()
    return float((ranks[label].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def bootstrap_ci(score: np.ndarray, label: np.ndarray, n: int = 400, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n):
        i = rng.integers(0, len(score), len(score))
        vals.append(roc_auc(score[i], label[i]))
    lo, hi = np.nanpercentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def agreement(pred: np.ndarray, label: np.ndarray) -> dict[str, float]:
    pred, label = np.asarray(pred, bool), np.asarray(label, bool)
    tp = int((pred & label).sum()); fp = int((pred & ~label).sum())
    fn = int((~pred & label).sum()); tn = int((~pred & ~label).sum())
    n = tp + fp + fn + tn
    acc = (tp + tn) / n
    pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
    return {"n": n, "accuracy": acc, "precision": tp / (tp + fp) if tp + fp else float("nan"),
            "recall": tp / (tp + fn) if tp + fn else float("nan"),
            "kappa": (acc - pe) / (1 - pe) if pe < 1 else float("nan"),
            "predicted_share": (tp + fp) / n, "replied_share": (tp + fn) / n}


def load_twcs(path: Path) -> tuple[pd.DataFrame, pd.Series]:
    """Customer tweets as interactions (brand tweets removed) and whether a brand replied."""
    ds = smlib.load(path)
    f = ds.interactions
    brand = f["author_is_org"].astype(bool)
    replied_ids = set(f.loc[brand & f["parent_id"].notna(), "parent_id"].astype(str))
    cust = f[~brand].reset_index(drop=True)
    label = cust["message_id"].astype(str).isin(replied_ids)
    return cust, label


def evaluate(path: Path) -> dict:
    cust, label = load_twcs(path)
    p = smlib.prioritise(cust)
    content = p["reasons"].map(lambda rs: sum(reason_points(r) for r in rs
                                              if not any(w in r for w in CONTEXT_WORDS)))
    first = p["parent_id"].isna().to_numpy()
    y = label.to_numpy()
    out = {"file": path.name, "customer_tweets": int(len(p)), "brand_replied": int(y.sum()),
           "notes": p.attrs.get("priority_notes", [])}
    for name, mask in (("all", np.ones(len(p), bool)), ("first tweet", first), ("follow-up", ~first)):
        pr = p["priority"].to_numpy()[mask]
        co = content.to_numpy()[mask]
        out[name] = {
            "n": int(mask.sum()), "replied_share": float(y[mask].mean()),
            "auc_priority": roc_auc(pr, y[mask]), "auc_priority_ci": bootstrap_ci(pr, y[mask]),
            "auc_content": roc_auc(co, y[mask]), "auc_content_ci": bootstrap_ci(co, y[mask]),
            "needs_action": agreement((p["category"].astype(str) == "needs_action").to_numpy()[mask], y[mask]),
        }
    # how often brands replied, by the strongest reason smlib gave
    top = p["reasons"].map(lambda rs: rs[0].split(" ", 1)[1].split(" (")[0] if rs else "")
    by = (pd.DataFrame({"reason": top, "replied": y, "category": p["category"].astype(str)})
          .groupby(["category", "reason"])["replied"].agg(["size", "mean"]).reset_index()
          .sort_values("size", ascending=False))
    out["by_first_reason"] = by.head(12).to_dict("records")
    return out


def markdown(r: dict) -> str:
    lines = [f"Data: `{r['file']}` – {r['customer_tweets']:,} customer tweets, a brand replied to "
             f"{r['brand_replied']:,} ({r['brand_replied'] / r['customer_tweets']:.0%}).", "",
             "| tweets | n | brand replied | AUC priority (95% CI) | AUC content only (95% CI) | "
             "needs_action accuracy | precision | recall | kappa | flagged needs_action |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("all", "first tweet", "follow-up"):
        s = r[name]; a = s["needs_action"]
        lines.append(
            f"| {name} | {s['n']:,} | {s['replied_share']:.0%} | {s['auc_priority']:.3f} "
            f"({s['auc_priority_ci'][0]:.3f}–{s['auc_priority_ci'][1]:.3f}) | {s['auc_content']:.3f} "
            f"({s['auc_content_ci'][0]:.3f}–{s['auc_content_ci'][1]:.3f}) | {a['accuracy']:.3f} | "
            f"{a['precision']:.3f} | {a['recall']:.3f} | {a['kappa']:.3f} | {a['predicted_share']:.0%} |")
    lines += ["", "| category | strongest reason | tweets | brand replied |", "|---|---|---|---|"]
    for row in r["by_first_reason"]:
        lines.append(f"| {row['category']} | {row['reason']} | {row['size']:,} | {row['mean']:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--file", type=Path)
    args = ap.parse_args(argv)
    path = args.file
    if path is None:
        s = shared_dir()
        if s is None:
            print("../shared/realdata is not here: nothing to evaluate", file=sys.stderr)
            return 1
        path = s / "realdata" / "twcs" / "twcs_head5000.csv"
    r = evaluate(path)
    print(markdown(r))
    print("\nnotes:", "; ".join(r["notes"]))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
