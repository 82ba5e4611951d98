"""Evaluate smlib's theme tagging against the airline dataset's human ``negativereason`` labels.

Each negative airline tweet has one reason chosen by a CrowdFlower worker. We map the reasons
onto smlib themes where they correspond (below) and report, without changing the keyword file
to suit these tweets:

* per reason: **recall** — the share of tweets with that reason that smlib tags with (one of)
  the mapped theme(s);
* per theme: **precision** — of the tweets smlib tags with the theme, the share whose human
  reason maps to it. A tweet can have several smlib themes but only one human reason, so
  precision is a lower bound (a tweet about a late flight *and* rude staff counts as wrong for
  "staff" if the worker picked "Late Flight").

"Can't Tell" tweets are left out. Run: ``.venv/bin/python evaluation/themes_airline.py``
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_airline import airline_path, load_airline  # noqa: E402

import smlib  # noqa: E402

REASON_TO_THEMES: dict[str, tuple[str, ...]] = {
    "Late Flight": ("delays",),
    "Cancelled Flight": ("delays",),
    "Lost Luggage": ("lost_property",),
    "Damaged Luggage": ("lost_property",),
    "Customer Service Issue": ("contact", "staff"),
    "Flight Attendant Complaints": ("staff",),
    "Flight Booking Problems": ("booking_online",),
    "longlines": ("queues",),
    "Bad Flight": ("comfort", "faults"),
}


def evaluate_themes(path: Path) -> dict:
    """Tag the negative airline tweets; return per-reason recall and per-theme precision tables."""
    df = load_airline(path)
    neg = df[(df["label"] == "negative") & df["reason"].isin(list(REASON_TO_THEMES))].reset_index(drop=True)
    tagged = smlib.add_themes(neg)
    themes = tagged["themes"]
    hit = [any(t in tags for t in REASON_TO_THEMES[r]) for r, tags in zip(neg["reason"], themes)]
    neg = neg.assign(hit=hit, n_themes=themes.map(len))
    recall = (neg.groupby("reason")["hit"].agg(["size", "sum"]).rename(columns={"size": "tweets", "sum": "tagged"})
              .assign(recall=lambda d: d["tagged"] / d["tweets"]))
    recall["smlib themes"] = [" or ".join(REASON_TO_THEMES[r]) for r in recall.index]
    theme_names = sorted({t for ts in REASON_TO_THEMES.values() for t in ts})
    rows = []
    for th in theme_names:
        tagged_th = themes.map(lambda tags, th=th: th in tags)
        correct = tagged_th & neg["reason"].map(lambda r, th=th: th in REASON_TO_THEMES[r])
        gold = neg["reason"].map(lambda r, th=th: th in REASON_TO_THEMES[r])
        rows.append({"theme": th, "tagged": int(tagged_th.sum()), "correct": int(correct.sum()),
                     "precision": float(correct.sum() / tagged_th.sum()) if tagged_th.sum() else float("nan"),
                     "human_reason_maps_here": int(gold.sum()),
                     "recall": float(correct.sum() / gold.sum()) if gold.sum() else float("nan")})
    precision = pd.DataFrame(rows).set_index("theme")
    return {"n": len(neg), "recall": recall, "precision": precision,
            "any_theme": float((neg["n_themes"] > 0).mean()),
            "overall_recall": float(neg["hit"].mean()), "frame": neg}


def report(shared: Path | None = None) -> str:
    path = airline_path(shared)
    if path is None:
        return "../shared/realdata/airline/Tweets.csv not found: nothing to evaluate."
    r = evaluate_themes(path)
    out = [f"## Themes vs the airline `negativereason` labels ({r['n']:,} negative tweets with a mappable reason)", "",
           f"Tweets given at least one theme: {r['any_theme']:.1%}. "
           f"Tweets tagged with (one of) the theme(s) their reason maps to: {r['overall_recall']:.1%}.", "",
           "| human reason | smlib theme(s) | tweets | tagged | recall |", "|---|---|---:|---:|---:|"]
    for reason, row in r["recall"].sort_values("tweets", ascending=False).iterrows():
        out.append(f"| {reason} | {row['smlib themes']} | {int(row['tweets'])} | {int(row['tagged'])} | "
                   f"{row['recall']:.3f} |")
    out += ["", "| smlib theme | tagged | reason agrees | precision | recall |", "|---|---:|---:|---:|---:|"]
    for th, row in r["precision"].iterrows():
        out.append(f"| {th} | {int(row['tagged'])} | {int(row['correct'])} | {row['precision']:.3f} | {row['recall']:.3f} |")
    return "\n".join(out)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
