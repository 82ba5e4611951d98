"""Check prioritise, find_security_risks and detect_crisis against the sample's ground truth.

The bundled sample is generated, so ``data/sample/<org>/truth.csv`` records what each message
was written to be (intent: complaint, question, praise, suggestion, concern, chat, spam, scam,
distress, safety; event: crisis, recall, influencer, …). Library code never reads it; this
script does, to measure. The rules were written before this was run and not changed to suit it.

To judge the *content* rules, the organisation's replies are removed first (otherwise answered
messages are "handled" and correctly need no action, which hides what the rules think).

Intents that need action: complaint, question, praise (thank them), suggestion, concern,
distress, safety, scam (report it). No action: chat, spam.

Run::

    .venv/bin/python evaluation/priority_sample.py        # markdown tables
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import smlib  # noqa: E402
from smlib.paths import data_dir  # noqa: E402

ACTION = {"complaint", "question", "praise", "suggestion", "concern", "distress", "safety", "scam"}
ORDER = ["safety", "distress", "scam", "complaint", "concern", "question", "suggestion", "praise",
         "chat", "spam"]
BURSTS = {"crisis", "recall", "influencer"}


def load(org: str) -> tuple[smlib.Dataset, pd.DataFrame]:
    ds = smlib.load_sample(org)
    truth = pd.read_csv(data_dir() / "sample" / org / "truth.csv", dtype=str)
    return ds, truth


def evaluate() -> dict[str, pd.DataFrame]:
    rows, sec_rows, crisis_rows = [], [], []
    for org in smlib.list_organisations():
        ds, truth = load(org)
        f = ds.interactions
        cust = f[~f["author_is_org"].astype(bool)].reset_index(drop=True)
        p = smlib.prioritise(cust, profile=ds.profile)
        p = p.merge(truth, on=["platform", "message_id"], how="left")
        p["org_"] = org
        rows.append(p[["org_", "intent", "event", "category", "priority", "urgent"]])

        risks = smlib.find_security_risks(ds)
        t = f.merge(truth, on=["platform", "message_id"], how="left")
        flagged = set(zip(risks["platform"].astype(str), risks["message_id"].astype(str)))
        t["flagged"] = [(str(a), str(b)) in flagged for a, b in zip(t["platform"], t["message_id"])]
        sec_rows.append({"org": org, "scam messages": int((t["intent"] == "scam").sum()),
                         "scam flagged": int(((t["intent"] == "scam") & t["flagged"]).sum()),
                         "flags": int(t["flagged"].sum()),
                         "flags on scam messages": int((t["flagged"] & (t["intent"] == "scam")).sum())})

        local = t["created_at"].dt.tz_convert(ds.profile.timezone).dt.tz_localize(None)
        ev = t.loc[t["event"].isin(BURSTS), ["event"]].assign(day=local.dt.normalize())
        ev_days = ev.groupby(["event", "day"]).size()
        ev_days = ev_days[ev_days >= 10]
        for freq in ("h", "D"):
            res = smlib.detect_crisis(ds, freq=freq)
            for _, per in res.periods.iterrows():
                hit = [e for (e, d) in ev_days.index if per["start"] < d + pd.Timedelta(days=1)
                       and per["end"] > d]
                crisis_rows.append({"org": org, "per": "hour" if freq == "h" else "day",
                                    "period": per["label"], "negative": per["negative_messages"],
                                    "normal": round(per["baseline"], 1),
                                    "injected event that day": ", ".join(sorted(set(hit))) or "none"})
            missed = [f"{e} {d:%a %d %b}" for (e, d) in ev_days.index
                      if not any(per["start"] < d + pd.Timedelta(days=1) and per["end"] > d
                                 for _, per in res.periods.iterrows())]
            crisis_rows.append({"org": org, "per": "hour" if freq == "h" else "day",
                                "period": "(events not alarmed)", "negative": np.nan, "normal": np.nan,
                                "injected event that day": ", ".join(missed) or "–"})
    allp = pd.concat(rows, ignore_index=True)
    allp = allp[allp["intent"].notna()]
    allp["should_act"] = allp["intent"].isin(ACTION)
    allp["acts"] = allp["category"].astype(str) == "needs_action"
    by_intent = (allp.groupby("intent")
                 .agg(messages=("priority", "size"), needs_action=("acts", "mean"),
                      median_priority=("priority", "median"), mean_priority=("priority", "mean"),
                      urgent=("urgent", "mean"))
                 .reindex([i for i in ORDER if i in set(allp["intent"])]))
    tp = int((allp.acts & allp.should_act).sum()); fp = int((allp.acts & ~allp.should_act).sum())
    fn = int((~allp.acts & allp.should_act).sum()); tn = int((~allp.acts & ~allp.should_act).sum())
    summary = pd.DataFrame([{"customer messages": len(allp), "accuracy": (tp + tn) / len(allp),
                             "precision": tp / (tp + fp), "recall": tp / (tp + fn),
                             "no-action recall": tn / (tn + fp),
                             "urgent messages": int(allp.urgent.sum()),
                             "urgent that are safety/distress/scam":
                                 allp.loc[allp.urgent, "intent"].isin({"safety", "distress", "scam"}).mean(),
                             "safety/distress/scam flagged urgent":
                                 allp.loc[allp.intent.isin({"safety", "distress", "scam"}), "urgent"].mean()}])
    return {"summary": summary, "by_intent": by_intent, "security": pd.DataFrame(sec_rows),
            "crisis": pd.DataFrame(crisis_rows)}


def _md(df: pd.DataFrame, index: bool = False) -> str:
    d = df.reset_index() if index else df
    fmt = lambda v: f"{v:.2f}" if isinstance(v, float) and not np.isnan(v) else ("" if isinstance(v, float) else str(v))
    head = "| " + " | ".join(map(str, d.columns)) + " |"
    sep = "|" + "---|" * len(d.columns)
    body = ["| " + " | ".join(fmt(v) for v in r) + " |" for r in d.itertuples(index=False)]
    return "\n".join([head, sep, *body])


def main() -> int:
    r = evaluate()
    print("### needs_action vs intent\n"); print(_md(r["summary"]))
    print("\n### by intent\n"); print(_md(r["by_intent"], index=True))
    print("\n### security\n"); print(_md(r["security"]))
    print("\n### crisis alarms\n"); print(_md(r["crisis"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
