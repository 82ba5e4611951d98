"""Sentiment labels against the bundled sample's answer key: plain VADER, smlib on the words
alone, and smlib with reviews' star ratings (the default).

The sample is generated (design data), so this is not an independent test – the airline tweets
are (``sentiment_airline.py``). It shows what each layer changes on messages whose intent is
known: ``data/sample/<org>/truth.csv`` says what each message was written to be. Library code
never reads it; this script does, to measure.

Run::

    .venv/bin/python evaluation/sentiment_sample.py        # a markdown table
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import smlib  # noqa: E402
from smlib.sentiment import label_for, vader_scores  # noqa: E402

ROWS = [  # (what the row measures, which messages, the label that is right for them)
    ("complaints scored negative", lambda t: t["intent"] == "complaint", "negative"),
    ("praise scored positive", lambda t: t["intent"] == "praise", "positive"),
    ("questions scored neutral", lambda t: t["intent"] == "question", "neutral"),
    ("sarcastic messages scored negative", lambda t: t["sarcastic"], "negative"),
    ("other public messages (not complaints) scored negative",
     lambda t: ~t["intent"].isin(["complaint", "business_reply", "business_post"]) & ~t["sarcastic"],
     "negative"),
    ("brand replies scored negative", lambda t: t["intent"] == "business_reply", "negative"),
    ("reviews with 1-2 stars scored negative", lambda t: t["rating"] <= 2, "negative"),
    ("reviews with 4-5 stars scored positive", lambda t: t["rating"] >= 4, "positive"),
]


def labelled() -> pd.DataFrame:
    """Every sample message with its answer-key intent and the three labels."""
    frames = []
    for org in smlib.list_organisations():
        msgs = smlib.load_sample(org).interactions
        truth = smlib.sample.load_truth(org)
        words = smlib.add_sentiment(msgs, rating_col=None)["sentiment_label"].astype(str)
        stars = smlib.add_sentiment(msgs)["sentiment_label"].astype(str)
        vader = pd.Series([label_for(s) for s in vader_scores(msgs["text"])], index=msgs.index)
        rating = msgs["rating"] if "rating" in msgs.columns else pd.Series(pd.NA, index=msgs.index)
        f = pd.DataFrame({"platform": msgs["platform"].astype(str), "message_id": msgs["message_id"],
                          "rating": pd.to_numeric(rating, errors="coerce"),
                          "vader": vader, "words": words, "stars": stars})
        frames.append(f.merge(truth.assign(platform=truth["platform"].astype(str)),
                              on=["platform", "message_id"], how="inner"))
    out = pd.concat(frames, ignore_index=True)
    out["sarcastic"] = out["sarcastic"].astype(bool)
    return out


def table(f: pd.DataFrame) -> pd.DataFrame:
    """Share of each group of messages given the right label, per method (0…1)."""
    rows = []
    for what, pick, right in ROWS:
        sub = f[pick(f).fillna(False).astype(bool)]
        rows.append({"": what, "messages": len(sub),
                     **{m: (sub[m] == right).mean() if len(sub) else float("nan")
                        for m in ("vader", "words", "stars")}})
    return pd.DataFrame(rows).set_index("")


def main() -> None:
    f = labelled()
    t = table(f)
    print(f"{len(f):,} sample messages with an answer key; {int(f['rating'].notna().sum()):,} reviews "
          f"with stars; the stars changed {int((f['words'] != f['stars']).sum()):,} labels.\n")
    print("| | messages | plain VADER | smlib, words alone | smlib with star ratings (default) |")
    print("|---|---:|---:|---:|---:|")
    for what, r in t.iterrows():
        print(f"| {what} | {int(r['messages']):,} | {r['vader']:.1%} | {r['words']:.1%} | {r['stars']:.1%} |")


if __name__ == "__main__":
    main()
